"""The public entry points: :func:`svd` and :func:`singular_values`.

Without ``timeout`` (and ``max_memory``) the exact work runs in this process,
as fast as it can; with them it runs in a worker process of
:mod:`exactsvd.budget`, stopped at the deadline and capped in memory.
``method="auto"`` always has a budget (10 s by default).
"""

import time

from sympy.polys.matrices import DomainMatrix

from . import budget
from .core import decompose, spectrum
from .core.complexmatrix import complex_domain_matrix, is_complex_matrix
from .core.entries import domain_matrix
from .core.hermitian import decompose_hermitian, hermitian_spectrum
from .errors import BudgetError, InputTooLargeError, InvalidArgumentError, NotExactError, shorten
from .input import as_exact_matrix
from .method import choose_method
from .numeric.svd import check_dps
from .result import check_form, exact_result, kernel_counts, numeric_result, singular_value_list
from .result.complex_exact import complex_exact_result
from .symbolic import is_symbolic, symbolic_singular_values, symbolic_svd

METHODS = ("exact", "numeric", "auto")
#: What a :class:`~exactsvd.TimeLimitExceeded` of the exact path suggests.
EXACT_HINT = "Give a larger timeout, or use method='numeric' (or method='auto', which falls back to it)."


def svd(A, form="full", *, method="exact", dps=50, timeout=None, rationalize=False, max_memory=None, symbols=None):
    """The singular value decomposition ``A = U S V^T`` (``A = U S V^H`` for complex ``A``).

    Parameters
    ----------
    A : matrix-like
        A SymPy ``Matrix``, a list of rows (``int``, ``Fraction``, SymPy
        numbers or strings such as ``"1/3"``), or one string such as
        ``"[[1, 2], [3, 4]]"`` or ``"1 2; 3 4"``.  Entries may be complex:
        SymPy's ``I``, or ``I``, ``i``, ``j`` in text (``"1+2i"``).  Then
        ``U`` and ``V`` are unitary, ``A = U S V^H`` (use ``V.H``, the
        conjugate transpose, where a real SVD uses ``V.T``), and the first
        non-zero entry of every ``v_i`` is real and positive (the phase rule).
    form : {"full", "thin", "compact"}
        ``full``: ``U`` m×m, ``S`` m×n, ``V`` n×n.  ``thin``: ``k = min(m, n)``
        columns.  ``compact``: ``k = rank`` columns.
    method : {"exact", "numeric", "auto"}
        ``exact`` (default): the hand method in exact arithmetic.
        ``numeric``: *dps* significant digits with mpmath and a certified error
        bound (floats accepted, read as the decimals they print as).
        ``auto``: exact when it is expected to finish within *timeout* seconds
        (decided from the size and the degrees of the factors of the
        characteristic polynomial) and the entries are exact, else numeric;
        the result's ``note`` says why.
    dps : int
        Decimal digits for the numeric method (5 to 100000).
    timeout : float, optional
        Seconds the call may take (every method).  The work then runs in a
        worker process that is stopped at the deadline:
        :class:`~exactsvd.TimeLimitExceeded` (naming what was being computed)
        at most ``exactsvd.budget.TIME_MARGIN`` (1 s) after it.  The worker
        builds the singular values too; the entries of ``U`` and ``V`` are
        built when asked, without a deadline.  For
        ``method="auto"`` it is the budget (default 10): the exact attempt gets
        75% of it at most, leaving the numeric fallback at least its estimated
        time (``exactsvd.budget.estimated_numeric_seconds``; with less than
        0.2 s left for it there is no exact attempt), and when it does not
        finish the numeric answer is computed in the rest, which ``note`` says.  Default ``None``: no limit for
        ``exact`` and ``numeric``, which then run in this process.
    rationalize : bool
        Accept Python floats on the exact path, read as the decimal they print
        as (0.1 is 1/10).
    max_memory : int, optional
        Bytes the worker process may allocate beyond what this process holds
        (default ``exactsvd.budget.DEFAULT_MAX_MEMORY``, 1 GiB, whenever a
        worker runs); past it :class:`~exactsvd.MemoryLimitExceeded`.  Giving
        it runs the call in a worker even without *timeout*.  Linux only.
    symbols : None, str, iterable or mapping
        Parameters that matrix text may name (``"x t"``, ``{"x": "positive"}``;
        a plain name is real); a SymPy matrix brings its own symbols.  A matrix
        with parameters takes the symbolic path (``method="exact"`` only) and
        gives a :class:`~exactsvd.SymbolicSVDResult`: the generic SVD with
        ``conditions`` under which it holds, ``verify()`` and ``subs()``.

    Returns
    -------
    SVDResult or SymbolicSVDResult
        Unpacks to ``U, S, V``; ``singular_values``, ``rank``, ``verify()``,
        ``method``.

    Raises
    ------
    InputTooLargeError
        At once, before any work, for an input beyond the documented limits
        (``exactsvd.budget.limits``): more than 250000 entries, a full-form
        factor of more than 10000 entries, an integer of more than 50000 bits
        in an entry, more than 200 rows or columns on the numeric path, or a
        field of the entries of degree above 64 on the exact path.
    TimeLimitExceeded, MemoryLimitExceeded
        The call ran out of its *timeout* or *max_memory*.
    SymbolicLimitError
        A matrix with parameters whose Gram matrix has a factor of degree 3 or
        more in the eigenvalue: substitute values first.

    Examples
    --------
    >>> import exactsvd
    >>> U, S, V = exactsvd.svd([[3, 0], [4, 5]])
    >>> S
    Matrix([
    [3*sqrt(5),       0],
    [        0, sqrt(5)]])
    >>> V
    Matrix([
    [sqrt(2)/2,  sqrt(2)/2],
    [sqrt(2)/2, -sqrt(2)/2]])
    >>> (U * S * V.T).applyfunc(lambda e: e.expand())
    Matrix([
    [3, 0],
    [4, 5]])
    >>> exactsvd.svd("1 1; 1 0").singular_values
    (1/2 + sqrt(5)/2, -1/2 + sqrt(5)/2)

    A complex matrix: ``v_1 = (1, i)/sqrt(2)`` has its first entry real and positive.

    >>> r = exactsvd.svd("[[i, 1]]")
    >>> r.singular_values, r.U, r.V[:, 0].T
    ((sqrt(2),), Matrix([[I]]), Matrix([[sqrt(2)/2, sqrt(2)*I/2]]))
    >>> r.U * r.S * r.V.H
    Matrix([[I, 1]])
    >>> r = exactsvd.svd([[0.5, 0], [0, 0.25]], method="numeric", dps=20)
    >>> r.digits, [float(s) for s in r.singular_values]
    (20, [0.5, 0.25])

    A matrix with a parameter: the generic SVD and where it holds.

    >>> r = exactsvd.svd("[[x + 1, 0], [0, 2*x + 1]]", symbols={"x": "positive"})
    >>> r.singular_values, r.conditions, r.V
    ((2*x + 1, x + 1), (), Matrix([
    [0, 1],
    [1, 0]]))
    >>> exactsvd.svd("[[1, a], [0, 1]]", symbols="a").conditions
    (Ne(a, 0),)
    """
    check_form(form)
    if method not in METHODS:
        raise InvalidArgumentError(f"method={shorten(method)} is unknown; use one of {', '.join(map(repr, METHODS))}")
    check_dps(dps)
    _check_flag(rationalize, "rationalize")
    timeout = budget.check_timeout(timeout)
    max_memory = budget.check_max_memory(max_memory)
    if method == "auto":
        return _auto(A, form, dps, timeout, rationalize, max_memory, symbols)
    matrix = as_exact_matrix(A, rationalize=rationalize or method == "numeric", symbols=symbols)
    if is_symbolic(matrix):
        return _symbolic(matrix, form, method, timeout, max_memory)
    if method == "numeric":
        return _numeric(matrix, form, dps, timeout, max_memory)
    budget.refuse_beyond_limits(matrix, form, "exact")
    if timeout is None and max_memory is None:
        return _result(matrix, _exact_data(matrix, form), form)
    data, values = budget.run(_exact_parts, matrix, form, what=_what("exact SVD", matrix), hint=EXACT_HINT,
                              **_limits(timeout, max_memory))
    return _result(matrix, data, form, values)


def _symbolic(matrix, form, method, timeout, max_memory):
    """The generic SVD of a matrix with parameters (method "exact" only), in a worker under a budget."""
    if method != "exact":
        raise InvalidArgumentError(
            f"method={method!r} does not take a matrix with parameters ({', '.join(map(str, sorted(matrix.free_symbols, key=str)))}); "
            "use method='exact' for the generic SVD, or substitute values first: exactsvd.svd(A, ...).subs(x=2) "
            "or exactsvd.svd(A.subs(x, 2), method='numeric')"
        )
    if timeout is None and max_memory is None:
        return symbolic_svd(matrix, form, _Solver(form))
    return budget.run(symbolic_svd, matrix, form, _Solver(form), what=_what("generic SVD", matrix), hint=EXACT_HINT,
                      **_limits(timeout, max_memory))


class _Solver:
    """``exactsvd.svd(values, form)`` as a picklable callable (a result may come back from a worker)."""

    def __init__(self, form):
        self.form = form

    def __call__(self, values):
        return svd(values, self.form)


def _result(matrix, data, form, values=None):
    """The :class:`SVDResult` of the exact *data* (real, or complex: ``A = U S V^H``)."""
    build = exact_result if isinstance(data.matrix, DomainMatrix) else complex_exact_result
    return build(matrix, data, form, values)


def _what(name, matrix):
    return f"the {name} of the {matrix.shape[0]}×{matrix.shape[1]} matrix"


def _limits(timeout, max_memory):
    return {"timeout": timeout, "max_memory": budget.DEFAULT_MAX_MEMORY if max_memory is None else max_memory}


def _exact_data(matrix, form):
    """The :class:`~exactsvd.core.ExactDecomposition` of a validated SymPy matrix, with the kernels *form* keeps."""
    exact, spec = _spectrum(matrix)
    return _decompose(exact, spec, form)


def _exact_parts(matrix, form):
    """In a worker: the exact data and the singular values as SymPy numbers, both within the deadline.

    Radicals of huge numbers take time to build, so the caller gets them made;
    the entries of ``U`` and ``V`` stay lazy (built when asked).
    """
    data = _exact_data(matrix, form)
    return data, _value_list(data.spectrum, matrix)


def _value_list(spec, matrix):
    budget.stage("the singular values as exact expressions")
    return singular_value_list(spec, min(matrix.shape))


def _spectrum(matrix):
    """The field of the entries and the spectrum: ``(DomainMatrix or ComplexMatrix, Spectrum)``."""
    budget.stage("the field of the entries")
    if is_complex_matrix(matrix):  # the one place where real and complex input part
        exact = complex_domain_matrix(matrix)
        budget.stage("the characteristic polynomial of the Hermitian Gram matrix and its factors")
        return exact, hermitian_spectrum(exact)
    exact = domain_matrix(matrix)
    budget.stage("the characteristic polynomial of the Gram matrix and its factors")
    return exact, spectrum(exact)


def _decompose(exact, spec, form):
    budget.stage("the eigenvectors and the kernels")
    if not isinstance(exact, DomainMatrix):  # complex: the full data, as its certificate is the full one
        return decompose_hermitian(exact, spec)
    left, right = kernel_counts(exact.shape, spec.rank, form)
    return decompose(exact, spec, left=left, right=right)


def _auto_data(matrix, form, seconds, cost):
    """``(note, decomposition or None, values)``: the exact data (:func:`_exact_parts`) if the spectrum says
    it fits in *seconds*."""
    exact, spec = _spectrum(matrix)
    chosen, note = choose_method(spec, seconds, cost)
    if chosen == "numeric":
        return note, None, None
    return note, _decompose(exact, spec, form), _value_list(spec, matrix)


def _auto(A, form, dps, timeout, rationalize, max_memory, symbols):
    """``method="auto"``: the exact answer within 75% of the budget, else the numeric one."""
    seconds = budget.DEFAULT_AUTO_TIMEOUT if timeout is None else timeout
    started = time.monotonic()
    try:
        matrix = as_exact_matrix(A, rationalize=rationalize, symbols=symbols)
        if is_symbolic(matrix):
            return _symbolic(matrix, form, "auto", timeout, max_memory)
    except NotExactError:
        matrix = as_exact_matrix(A, rationalize=True, symbols=symbols)
        return _numeric(matrix, form, dps, seconds, max_memory, "numeric: the matrix has float entries")
    budget.refuse_beyond_limits(matrix, form, "numeric")
    numeric_seconds = budget.estimated_numeric_seconds(*matrix.shape, dps)
    share = min(seconds * budget.limits.AUTO_EXACT_SHARE, seconds - numeric_seconds)
    try:
        cost = budget.refuse_beyond_limits(matrix, form, "exact")
        if cost.seconds > seconds:
            raise InputTooLargeError(
                f"the exact answer (a {cost.size}×{cost.size} Gram matrix, entries up to {cost.bits} bits, field "
                f"degree up to {cost.field_degree}) is estimated at {cost.seconds:.0f} s, over the {seconds:g} s budget"
            )
        if share < budget.limits.AUTO_LEAST_EXACT:
            raise InputTooLargeError(
                f"the numeric answer alone is estimated at {numeric_seconds:.1f} s of the {seconds:g} s budget, "
                "leaving no time for an exact attempt"
            )
        note, data, values = budget.run(_auto_data, matrix, form, seconds, cost, what="the exact attempt",
                                        **_limits(share, max_memory))
    except BudgetError as error:
        note, data = f"numeric: {_first_sentence(error)}", None
    if data is not None:
        result = _result(matrix, data, form, values)
        result.note = note
        return result
    # the fallback may use the margin, less what returning its answer takes
    remaining = seconds - (time.monotonic() - started) + budget.TIME_MARGIN - budget.limits.AUTO_RETURN_SECONDS
    return _numeric(matrix, form, dps, max(remaining, 0.1), max_memory, note)


def _first_sentence(error):
    text = str(error)
    return text.split(". ", 1)[0].rstrip(".")


def _numeric(matrix, form, dps, timeout=None, max_memory=None, note=None):
    from .numeric import numeric_svd

    budget.refuse_beyond_limits(matrix, form, "numeric")
    if timeout is None and max_memory is None:
        data = numeric_svd(matrix, dps=dps, form="full")
    else:
        data = budget.run(numeric_svd, matrix, dps=dps, form="full", what=_what("numeric SVD", matrix),
                          hint="Give a larger timeout or fewer digits (dps).", **_limits(timeout, max_memory))
    result = numeric_result(matrix, data, form)
    if note:
        result.note = f"{note}. {result.note}" if result.note else note
    return result


def _check_flag(value, name):
    if not isinstance(value, bool):
        raise InvalidArgumentError(f"{name}={shorten(value)} must be True or False")


def singular_values(A, *, rationalize=False, timeout=None, max_memory=None, symbols=None):
    """The singular values of ``A``, descending, zeros included (``min(m, n)`` of them).

    Cheaper than :func:`svd`: only the characteristic polynomial of the smaller
    Gram matrix, its factors and its ordered roots are computed.  *timeout*
    and *max_memory* work as for :func:`svd` (a worker process).  With
    parameters (*symbols* as for :func:`svd`) the values are exact expressions
    (``Abs(x)``, ``sqrt(x**2 + 1)``): a tuple, descending, when the
    assumptions decide the order, else a :class:`~exactsvd.SingularValueCases`
    that states the case split.

    Examples
    --------
    >>> import exactsvd
    >>> exactsvd.singular_values([[1, 2, 1, 0], [2, 0, 1, 1]])
    (3, sqrt(3))
    >>> exactsvd.singular_values([[1, -1], [-2, 2], [2, -2]], timeout=30)
    (3*sqrt(2), 0)
    >>> exactsvd.singular_values("[[0, 1, 0], [0, x, 0], [-1, 0, 0]]", symbols="x")
    (sqrt(x**2 + 1), 1, 0)
    >>> print(exactsvd.singular_values("[[x, 0], [0, -5]]", symbols="x"))
    singular values 5, Abs(x); the order depends on the parameters:
      x <= -5: (Abs(x), 5)
      -5 <= x <= 5: (5, Abs(x))
      x >= 5: (Abs(x), 5)
    """
    _check_flag(rationalize, "rationalize")
    timeout = budget.check_timeout(timeout)
    max_memory = budget.check_max_memory(max_memory)
    matrix = as_exact_matrix(A, rationalize=rationalize, symbols=symbols)
    if is_symbolic(matrix):
        if timeout is None and max_memory is None:
            return symbolic_singular_values(matrix)
        return budget.run(symbolic_singular_values, matrix, what=_what("singular values", matrix), hint=EXACT_HINT,
                          **_limits(timeout, max_memory))
    budget.refuse_beyond_limits(matrix, "thin", "exact")
    if timeout is None and max_memory is None:
        return _singular_values(matrix)
    return budget.run(_singular_values, matrix, what=_what("singular values", matrix), hint=EXACT_HINT,
                      **_limits(timeout, max_memory))


def _singular_values(matrix):
    """The singular values as SymPy numbers (built in the worker too: radicals of huge numbers take time)."""
    _, spec = _spectrum(matrix)
    return _value_list(spec, matrix)
