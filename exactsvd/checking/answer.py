"""The answer ``(U, S, V)``: read through the input layer, its shapes, the form they make."""

from dataclasses import dataclass
from decimal import Decimal

from sympy import ImmutableMatrix, Integer

from ..errors import InvalidArgumentError, shorten
from ..input import as_exact_matrix
from ..output.record import FORMAT, VERSION

#: What each key of a JSON answer holds, for error messages.
ANSWER_KEYS = {
    "U": "a list of rows, each a list of entries (strings such as \"1/sqrt(5)\", or numbers)",
    "S": "a list of rows of entries, or a flat list of the singular values",
    "V": "a list of rows, each a list of entries (strings such as \"1/sqrt(5)\", or numbers)",
}


@dataclass(frozen=True)
class Answer:
    """``U``, ``V`` and ``S`` as exact SymPy matrices; ``values`` is set when ``S`` was a list of values."""

    U: ImmutableMatrix
    S: ImmutableMatrix
    V: ImmutableMatrix
    values: tuple = None


def read_answer(U, S, V, *, rationalize=False):
    """Read ``U``, ``S`` and ``V`` as :func:`exactsvd.input.as_exact_matrix` reads a matrix.

    ``S`` may also be a flat list of values (``[3, "sqrt(5)"]``); it then
    becomes the diagonal matrix with the shape that ``U`` and ``V`` call for,
    zeros filling the rest of the diagonal.  When there are more values than
    that diagonal holds, ``S`` is left as a ``1×k`` row so that the shape
    check reports it.

    Examples
    --------
    >>> read_answer([[1, 0], [0, 1]], ["2", "1/2"], [[0, 1], [1, 0]]).S
    Matrix([
    [2,   0],
    [0, 1/2]])
    >>> read_answer([[1], [0]], [5], [[1]]).S
    Matrix([[5]])
    """
    U = as_exact_matrix(U, rationalize=rationalize, name="U")
    V = as_exact_matrix(V, rationalize=rationalize, name="V")
    if not _is_value_list(S):
        return Answer(U, as_exact_matrix(S, rationalize=rationalize, name="S"), V)
    row = as_exact_matrix([list(S)], rationalize=rationalize, name="S")
    values = tuple(row)
    p, q = U.cols, V.cols
    if len(values) > min(p, q):
        return Answer(U, row, V, values)
    S = ImmutableMatrix(p, q, lambda i, j: values[i] if i == j and i < len(values) else Integer(0))
    return Answer(U, S, V, values)


def answer_from_json(data, source):
    """``(U, S, V)`` (or ``Vt`` / ``Vh`` for ``V``) of a JSON answer, its structure checked; entries are read later.

    *data* is ``{"U": rows, "S": rows or values, "V": rows}`` (or ``"Vt"`` /
    ``"Vh"`` instead of ``"V"``, see :func:`answer_key`), such as the
    record that ``exactsvd svd --json`` writes (its other keys are ignored, but
    ``"format"`` and ``"version"``, when present, must be the record's).
    *source* names the answer in messages, which name the key and the shape it
    needs.

    Examples
    --------
    >>> answer_from_json({"U": [[1]], "S": [5], "V": [["3/5", "4/5"], ["4/5", "-3/5"]]}, "key.json")[1]
    [5]
    >>> answer_from_json({"U": [[1]], "S": [5], "V": "3/5"}, "key.json")
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: key.json: "V" must be a list of rows, each a list of entries (strings such as "1/sqrt(5)", or numbers); it is the string '3/5'.
    """
    if not isinstance(data, dict):
        raise InvalidArgumentError(
            f'{source}: the answer must be a JSON object with the keys "U", "S" and "V"; it is {json_kind(data)}.'
        )
    required = ["U", "S", ([key for key in V_KEYS if key in data] or ["V"])[0]]
    missing = [key for key in required if key not in data]
    if missing:
        keys = ", ".join(f'"{key}"' for key in missing)
        raise InvalidArgumentError(
            f"{source}: the answer has no {keys}: give "
            + "; ".join(f'"{key}": {ANSWER_KEYS[key]}' for key in missing)
            + "."
        )
    if "format" in data and data["format"] != FORMAT:
        raise InvalidArgumentError(
            f'{source}: "format" is {shorten(data["format"])}, not "{FORMAT}": this is not an exactsvd record.'
        )
    version = data.get("version", VERSION)
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= VERSION:
        raise InvalidArgumentError(
            f'{source}: "version" is {shorten(version)}; this exactsvd reads records of versions 1 to {VERSION}.'
        )
    for key in required:
        value, needed = data[key], ANSWER_KEYS.get(key, ANSWER_KEYS["V"])
        if isinstance(value, list) and all(isinstance(row, list) for row in value):
            bad = [x for row in value for x in row if not _is_entry(x)]
            if bad:
                raise InvalidArgumentError(f'{source}: "{key}" must be {needed}; it holds {json_kind(bad[0])}.')
        elif not (key == "S" and isinstance(value, list) and all(map(_is_entry, value))):
            raise InvalidArgumentError(f'{source}: "{key}" must be {needed}; it is {json_kind(value)}.')
    return tuple(data[key] for key in required)


def _is_entry(x):
    """Whether a JSON value can be an entry: a string or a number."""
    return isinstance(x, (str, int, float, Decimal)) and not isinstance(x, bool)


def json_kind(value):
    """A JSON value described in words, shortened: ``the string '3/5'``, ``an object with the keys "a"``.

    >>> json_kind(None), json_kind([1, 2]), json_kind({"u": 1})
    ('null', 'a list of 2 items', 'an object with the keys "u"')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return f"the string {shorten(value)}"
    if isinstance(value, dict):
        keys = ", ".join(f'"{key}"' for key in list(value)[:6]) + (", ..." if len(value) > 6 else "")
        return f"an object with the keys {keys}" if value else "an empty object"
    if isinstance(value, list):
        return f"a list of {len(value)} item{'s' if len(value) != 1 else ''}"
    return f"the number {shorten(value)}"


def _is_value_list(S):
    return isinstance(S, (list, tuple)) and not any(isinstance(x, (list, tuple)) for x in S)


def _shape(M):
    return f"{M.rows}×{M.cols}"


def shape_problems(A, answer, rank):
    """``(problems, form, fits)`` for the shapes of the answer.

    *fits* says whether ``U S V^T`` is defined and ``m×n``; *form* is
    ``"full"``, ``"thin"``, ``"compact"`` or ``None``.

    Examples
    --------
    >>> from sympy import eye, zeros
    >>> A = zeros(3, 2)
    >>> shape_problems(A, Answer(eye(3), zeros(3, 2), eye(2)), 0)
    ([], 'full', True)
    >>> problems, form, fits = shape_problems(A, Answer(eye(3), zeros(2, 2), eye(2)), 0)
    >>> print(problems[0])
    the shapes do not fit: A is 3×2 but U is 3×3, S is 2×2 and V is 2×2; a full SVD has U 3×3, S 3×2 and V 2×2, a thin one U 3×2, S 2×2 and V 2×2
    """
    (m, n), (U, S, V) = A.shape, (answer.U, answer.S, answer.V)
    k = min(m, n)
    p, q = S.shape
    if (U.rows, U.cols, V.rows, V.cols) != (m, p, n, q):
        problems = [
            f"the shapes do not fit: A is {m}×{n} but U is {_shape(U)}, S is {_shape(S)} and V is {_shape(V)}; "
            f"a full SVD has U {m}×{m}, S {m}×{n} and V {n}×{n}, a thin one U {m}×{k}, S {k}×{k} and V {n}×{k}"
        ]
        if answer.values is not None and len(answer.values) > min(U.cols, V.cols):
            problems.append(f"S lists {len(answer.values)} values, but U has {U.cols} columns and V has {V.cols}")
        if (V.cols, V.rows) == (n, q) and V.rows != n:
            problems.append(f"V seems to be given transposed: it is {_shape(V)}, and V^T would fit")
        if (U.cols, U.rows) == (m, p) and U.rows != m:
            problems.append(f"U seems to be given transposed: it is {_shape(U)}, and U^T would fit")
        if (U.rows, V.rows) == (n, m) and m != n:
            problems.append(f"U and V seem to be swapped: U has {U.rows} rows and V has {V.rows}, but A is {m}×{n}")
        return problems, None, False
    if (p, q) == (m, n):
        return [], "full", True
    if p == q == k:
        return [], "thin", True
    if p == q == rank:
        return [], "compact", True
    if p == q and p < rank:
        given = f"only {p} singular value is" if p == 1 else f"only {p} singular values are"
        return [f"{given} given, but A has rank {rank}"], None, True
    return [
        f"U, S and V have the shapes of no SVD form: a full SVD has U {m}×{m}, S {m}×{n} and V {n}×{n}, "
        f"a thin one {k} columns in U and V, a compact one {rank} (the rank of A)"
    ], None, True


#: How an answer key may give the right singular vectors, and what is read from each.
V_KEYS = {
    "V": "V",
    "Vt": "Vt = V^T (rows are the v_i), as numpy.linalg.svd returns it",
    "Vh": "Vh = V^H (rows are the conjugated v_i), as numpy.linalg.svd and scipy.linalg.svd call it",
}


@dataclass(frozen=True)
class AnswerKey:
    """The factors of an answer key, ``V`` recovered from ``Vt`` or ``Vh`` when given so.

    ``read`` names the keys used, e.g. ``'"U", "S", "Vt" (Vt = V^T ...)'``.
    """

    U: object
    S: object
    V: object
    read: str


def answer_key(answer, where, shape):
    """Read an answer key: a dict with ``"U"``, ``"S"`` and one of ``"V"``, ``"Vt"``, ``"Vh"``.

    *where* names the key in messages (``"key.json: the answer"``); *shape* is
    ``A``'s shape, for the message when the keys are wrong.

    Examples
    --------
    >>> key = answer_key({"U": [[1]], "S": [2], "Vt": [[0, 1], [1, 0]]}, "the answer", (1, 2))
    >>> key.V, key.read
    (Matrix([
    [0, 1],
    [1, 0]]), '"U", "S", "Vt" (Vt = V^T (rows are the v_i), as numpy.linalg.svd returns it)')
    >>> answer_key({"U": [[1]], "S": [2]}, "the answer", (1, 2))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: the answer must hold "U", "S" and "V" (or "Vt" / "Vh" ...
    """
    given = [key for key in V_KEYS if isinstance(answer, dict) and key in answer]
    if not isinstance(answer, dict) or not {"U", "S"} <= answer.keys() or len(given) != 1:
        m, n = shape
        found = f"keys {shorten(sorted(map(str, answer)))}" if isinstance(answer, dict) else shorten(answer)
        raise InvalidArgumentError(
            f'{where} must hold "U", "S" and "V" (or "Vt" / "Vh" instead of "V": V^T or V^H, as NumPy gives '
            f"it), exactly one form of V; for this {m}×{n} A a full SVD has U {m}×{m}, S {m}×{n} (or a list of "
            f"the singular values) and V {n}×{n}; got {found}."
        )
    key = given[0]
    V = answer[key]
    if key != "V":
        rows = as_exact_matrix(V, name=f"{where}: {key}")
        if rows.cols != shape[1]:
            raise InvalidArgumentError(
                f"{where}: {key} is {_shape(rows)}, but its rows are the v_i, so it needs {shape[1]} columns "
                f"(A is {shape[0]}×{shape[1]}); a full SVD has {key} {shape[1]}×{shape[1]}."
            )
        V = rows.T if key == "Vt" else rows.H
    read = '"U", "S", ' + (f'"{key}"' if key == "V" else f'"{key}" ({V_KEYS[key]})')
    return AnswerKey(answer["U"], answer["S"], V, read)
