"""The text, JSON record and LaTeX of the generic SVD of a matrix with parameters (``exactsvd svd --symbols``).

A :class:`~exactsvd.SymbolicSVDResult` is shown as a textbook states a
parametric answer: the matrix and its parameters with their assumptions, the
singular values and ``U``, ``S``, ``V`` as formulas in the parameters, and the
conditions under which they are the SVD.  Entries are one-line notation that
reads back (:func:`~exactsvd.output.notation.formula`: ``√(x^2 + 1)``,
``abs(x)/x``); a matrix too wide for the terminal is listed column by column,
never cut (there are no decimals to fall back on).
"""

from sympy import latex

from ..input.symbols import assumption_words
from ..symbolic import SymbolicSVDResult
from .layout import matrix_lines, matrix_width, wrapped
from .notation import formula

#: The relations of conditions: SymPy's ``rel_op`` -> how the text writes it.
RELATIONS = {"!=": "≠", ">=": "≥", "<=": "≤", ">": ">", "<": "<", "==": "="}


def is_symbolic_result(result):
    """Whether *result* is the generic SVD of a matrix with parameters."""
    return isinstance(result, SymbolicSVDResult)


def verified_text(result):
    """What ``verify()`` of a symbolic result proves, in one line."""
    names = ", ".join(map(str, result.symbols))
    where = "under the conditions" if result.conditions else "for every value"
    return (f"verified: U^T U = I, V^T V = I, U S V^T = A as identities of rational functions of {names} "
            f"with square roots, {where} (exact)")


def parameters_text(symbols):
    """``x (real), t (positive)``: the parameters and their assumptions.

    >>> from sympy import Symbol
    >>> parameters_text([Symbol("x", real=True), Symbol("n", positive=True, integer=True)])
    'x (real), n (positive integer)'
    """
    return ", ".join(f"{s} ({' '.join(assumption_words(s))})" for s in symbols)


def condition_text(condition):
    """One condition as the text writes it: ``x ≠ 0``, ``-(x - 5)*(x + 5) ≥ 0``.

    >>> from sympy import Ne, Symbol
    >>> x = Symbol("x", real=True)
    >>> condition_text(Ne(x**2 - 1, 0)), condition_text(25 - x**2 >= 0)
    ('x^2 - 1 ≠ 0', '25 - x^2 ≥ 0')
    """
    return f"{formula(condition.lhs)} {RELATIONS[condition.rel_op]} {formula(condition.rhs)}"


def symbolic_text(result, verified=None, *, width=None):
    """The text of ``exactsvd svd`` for a :class:`~exactsvd.SymbolicSVDResult`, lines at most *width* wide.

    Examples
    --------
    >>> import exactsvd
    >>> from exactsvd.input import as_exact_matrix
    >>> r = exactsvd.svd(as_exact_matrix("[[x, 0], [0, -5]]", symbols="x"))
    >>> print(symbolic_text(r, True, width=80))
    A (2×2) in the parameter x (real) =
    [[x,  0],
     [0, -5]]
    <BLANKLINE>
    singular values (generic):
      σ1 = 5
      σ2 = abs(x)
    generic rank: 2
    <BLANKLINE>
    U (2×2) =
    [[ 0, abs(x)/x],
     [-1,        0]]
    <BLANKLINE>
    S (2×2) =
    [[5,      0],
     [0, abs(x)]]
    <BLANKLINE>
    V (2×2) =
    [[0, 1],
     [1, 0]]
    <BLANKLINE>
    valid where all of these hold:
      x ≠ 0
      -(x - 5)*(x + 5) ≥ 0
    elsewhere: substitute the values and compute again.
    <BLANKLINE>
    verified: U^T U = I, V^T V = I, U S V^T = A as identities of rational functions of x with square roots, under the conditions (exact)
    """
    symbols = result.symbols
    noun = "parameter" if len(symbols) == 1 else "parameters"
    blocks = [_matrix(f"A ({result.matrix.rows}×{result.matrix.cols}) in the {noun} {parameters_text(symbols)}",
                      "a", result.matrix, width)]
    values = ["singular values (generic):"]
    for i, s in enumerate(result.singular_values, 1):
        values += wrapped(f"σ{i} = {formula(s)}", width, "  ", "      ")
    blocks.append("\n".join(values + [f"generic rank: {result.rank}"]))
    for name, factor in zip("USV", result):
        blocks.append(_matrix(f"{name} ({factor.rows}×{factor.cols})", name.lower(), factor, width))
    blocks.append("\n".join(_condition_lines(result, width)))
    if verified:
        blocks.append(verified_text(result))
    return "\n\n".join(blocks)


def _matrix(heading, letter, matrix, width):
    """*matrix* under *heading*: as matrix text when it fits *width*, else one column per line."""
    cells = [[formula(a) for a in row] for row in matrix.tolist()]
    if width is None or matrix_width(cells) <= width:
        return "\n".join([*wrapped(f"{heading} =", width, "", "    "), *matrix_lines(cells)])
    lines = wrapped(f"{heading}, column by column:", width, "", "    ")
    for j in range(matrix.cols):
        column = ", ".join(cells[i][j] for i in range(matrix.rows))
        lines += wrapped(f"{letter}{j + 1} = [{column}]", width, "  ", "      ")
    return "\n".join(lines)


def _condition_lines(result, width):
    if not result.conditions:
        return wrapped(f"valid for every value of {parameters_text(result.symbols)}.", width)
    lines = ["valid where all of these hold:"]
    for condition in result.conditions:
        lines += wrapped(condition_text(condition), width, "  ", "      ")
    return lines + wrapped("elsewhere: substitute the values and compute again.", width)


def symbolic_dict(result, *, verified=None):
    """The JSON record (``docs/json-schema.md``) of a :class:`~exactsvd.SymbolicSVDResult` as a dictionary.

    The keys of every record except ``decimals`` (a formula has none), and
    ``symbols`` (the name and the assumption words of each parameter, which
    ``symbols=`` and ``--symbols`` read as ``name:word``) and ``conditions``
    (``{"expression": p, "relation": op}`` for ``p op 0``).

    >>> import exactsvd
    >>> from exactsvd.input import as_exact_matrix
    >>> record = symbolic_dict(exactsvd.svd(as_exact_matrix("[[x, 0], [0, -5]]", symbols="x")), verified=True)
    >>> record["symbols"], record["conditions"]
    ([{'name': 'x', 'assumptions': ['real']}], [{'expression': 'x', 'relation': '!='}, {'expression': '-(x - 5)*(x + 5)', 'relation': '>='}])
    >>> record["U"], record["singular_values"]
    ([['0', 'Abs(x)/x'], ['-1', '0']], ['5', 'Abs(x)'])
    """
    m, n = result.matrix.shape
    record = {
        "format": "exactsvd.svd",
        "version": 1,
        "method": result.method,
        "shape": [m, n],
        "form": result.form,
        "rank": result.rank,
        "matrix": _strings(result.matrix),
        "symbols": [{"name": s.name, "assumptions": assumption_words(s)} for s in result.symbols],
        "conditions": [
            {"expression": str(c.lhs - c.rhs), "relation": c.rel_op} for c in result.conditions
        ],
        "singular_values": [str(s) for s in result.singular_values],
    }
    record.update(zip("USV", map(_strings, result)))
    record["verified"] = verified
    return record


def _strings(matrix):
    return [[str(entry) for entry in row] for row in matrix.tolist()]


def symbolic_latex(result, verified=None):
    """``U = ...``, ``S = ...``, ``V = ...`` and the conditions as LaTeX (the proof as a comment).

    >>> import exactsvd
    >>> from exactsvd.input import as_exact_matrix
    >>> print(symbolic_latex(exactsvd.svd(as_exact_matrix("[[x]]", symbols="x"))))
    U = \\left[\\begin{matrix}\\frac{\\left|{x}\\right|}{x}\\end{matrix}\\right]
    S = \\left[\\begin{matrix}\\left|{x}\\right|\\end{matrix}\\right]
    V = \\left[\\begin{matrix}1\\end{matrix}\\right]
    \\text{valid where } x \\neq 0
    """
    lines = [f"{name} = {latex(factor)}" for name, factor in zip("USV", result)]
    if result.conditions:
        lines.append(r"\text{valid where } " + r",\quad ".join(latex(c) for c in result.conditions))
    else:
        lines.append(r"\text{valid for every value of } " + ", ".join(latex(s) for s in result.symbols))
    if verified:
        lines.append(f"% {verified_text(result)}")
    return "\n".join(lines)
