"""Check an answer ``U, S, V`` for a matrix with parameters, as identities of rational functions.

The answer's entries are read in the parameters of ``A`` (text through the
safe parser; square roots and absolute values of rational functions are
allowed, as the generic SVD writes them) and put into the core's tower of
square roots over ``F = K(x, ...)`` of the generic SVD of ``A``
(:class:`~exactsvd.symbolic.tower.Tower`), so that ``U^T U = I``,
``V^T V = I``, ``U S V^T = A`` and the singular values are decided by
exact arithmetic in that tower, never by trying values.  An identity that does
not reduce to zero is called wrong only with a witness: exact values of the
parameters (where the generic answer's conditions hold) at which the entry is
not zero; otherwise it is undecided (a square root may happen to be a square).
"""

import random
from dataclasses import dataclass

from sympy import Abs, Add, Dummy, ImmutableMatrix, Integer, Mul, Pow, Rational, S, minimal_polynomial, sympify
from sympy.matrices import MatrixBase
from sympy.polys.polyerrors import CoercionFailed

from ..api import svd
from ..errors import InvalidMatrixError, UnsupportedEntryError, shorten
from ..input.parse import parse_entry, parse_matrix_text
from ..output.symbolic import condition_text, parameters_text

#: Values of the parameters tried for a witness of a wrong identity.
WITNESS_TRIES = 60


@dataclass(frozen=True)
class ParametricCheckReport:
    """The verdict on an answer for a matrix with parameters.

    ``verdict`` is ``"valid"``, ``"wrong"`` or ``"undecided"``; ``problems``
    the proved problems (each with its witness), ``undecided`` what could not be
    decided; ``conditions`` those of the generic SVD, under which a valid answer
    holds; ``ok`` is true only for a valid answer.
    """

    verdict: str
    problems: tuple
    undecided: tuple
    conditions: tuple
    symbols: tuple

    @property
    def ok(self):
        return self.verdict == "valid"

    def __bool__(self):
        return self.ok

    def __str__(self):
        names = parameters_text(self.symbols)
        if self.ok:
            where = "; ".join(map(condition_text, self.conditions)) or "every value"
            return (f"a valid SVD of A, proved as identities of rational functions of {names} with square roots; "
                    f"it holds where {where}")
        if self.verdict == "wrong":
            return "not a valid SVD of A:\n" + "\n".join(f"- {p}" for p in self.problems)
        return ("could not decide exactly whether the answer is a valid SVD of A:\n"
                + "\n".join(f"- {u}" for u in self.undecided))


def check_parametric(matrix, U, S, V):
    """Check ``(U, S, V)`` for the validated SymPy *matrix* with parameters; a :class:`ParametricCheckReport`.

    Examples
    --------
    >>> from exactsvd.input import as_exact_matrix
    >>> A = as_exact_matrix("[[x, 0], [0, -5]]", symbols="x")
    >>> print(check_parametric(A, "[[0, abs(x)/x], [-1, 0]]", ["5", "abs(x)"], "[[0, 1], [1, 0]]"))
    a valid SVD of A, proved as identities of rational functions of x (real) with square roots; it holds where x ≠ 0; -(x - 5)*(x + 5) ≥ 0
    >>> print(check_parametric(A, "[[0, 1], [-1, 0]]", ["5", "abs(x)"], "[[0, 1], [1, 0]]"))  # doctest: +ELLIPSIS
    not a valid SVD of A:
    - U S V^T = A fails at entry (1, 1): at x = ... it is ...
    """
    result = svd(matrix)
    field = result.decomposition.spectrum.field
    if field.angles or field.is_complex:
        raise UnsupportedEntryError(
            "check: answers for matrices with sin/cos of a parameter or complex parameters are not supported yet; "
            "substitute values and check exactsvd.check(A.subs(...), ...)"
        )
    declared = {s.name: s for s in result.symbols}
    U, V = _matrix(U, "U", declared), _matrix(V, "V", declared)
    S = _singular_values(S, declared, U.cols, V.cols)
    m, n = matrix.shape
    if U.rows != m or V.rows != n or S.shape != (U.cols, V.cols):
        raise InvalidMatrixError(
            f"the answer's shapes U {U.shape}, S {S.shape}, V {V.shape} do not fit A ({m}×{n}): U needs {m} rows, "
            f"V {n} rows, and S the columns of U by the columns of V"
        )
    tower = result.decomposition.spectrum.tower
    convert = _Converter(tower, field.domain)
    u, s, v, a = ([[convert(e) for e in row] for row in M.tolist()] for M in (U, S, V, matrix))
    problems, undecided = [], []
    witness = _Witness(result)
    for name, columns, size in (("U^T U = I", u, U.cols), ("V^T V = I", v, V.cols)):
        for i in range(size):
            for j in range(i, size):
                entry = sum((columns[k][i] * columns[k][j] for k in range(len(columns))), tower.zero()) - int(i == j)
                witness.judge(entry, f"{name} fails at entry ({i + 1}, {j + 1})", problems, undecided)
    for i in range(m):
        for j in range(n):
            total = tower.zero()
            for k in range(min(S.shape)):
                total = total + u[i][k] * s[k][k] * v[j][k]
            witness.judge(total - a[i][j], f"U S V^T = A fails at entry ({i + 1}, {j + 1})", problems, undecided)
    for i in range(S.rows):
        for j in range(S.cols):
            if i != j and S[i, j] != 0:
                problems.append(f"S is not diagonal: its entry ({i + 1}, {j + 1}) is {shorten(S[i, j])}")
    for i, value in enumerate(result.singular_values[: min(S.shape)]):
        witness.judge(s[i][i] - convert(value), f"singular value {i + 1} is not {value} (the generic answer's, in "
                      "its order)", problems, undecided)
    verdict = "wrong" if problems else "undecided" if undecided else "valid"
    return ParametricCheckReport(verdict, tuple(problems), tuple(undecided), tuple(result.conditions),
                                 tuple(result.symbols))


def _matrix(M, name, declared):
    """The answer's matrix *M*: matrix text, a SymPy matrix or a list of rows of entries."""
    if isinstance(M, str):
        return ImmutableMatrix(parse_matrix_text(M, name, symbols=declared))
    if isinstance(M, MatrixBase):
        return ImmutableMatrix(M)
    rows = [[_entry(e, name, (i, j), declared) for j, e in enumerate(row)] for i, row in enumerate(M)]
    return ImmutableMatrix(rows)


def _entry(e, name, cell, declared):
    if isinstance(e, str):
        return parse_entry(e, name, position=cell, symbols=declared)
    if isinstance(e, (int, Rational)) or hasattr(e, "free_symbols"):
        return sympify(e)
    raise InvalidMatrixError(f"{name}: the entry {shorten(e)} is not a number or formula; write it as text")


def _singular_values(S, declared, rows, cols):
    """``S`` as a matrix, or a flat list of singular values made into the diagonal matrix ``rows × cols``."""
    if isinstance(S, (list, tuple)) and not any(isinstance(e, (list, tuple)) for e in S):
        values = [_entry(e, "S", (0, j), declared) for j, e in enumerate(S)]
        return ImmutableMatrix(rows, cols, lambda i, j: values[i] if i == j and i < len(values) else 0)
    return _matrix(S, "S", declared)


class _Converter:
    """SymPy formulas (rational functions, their square roots and absolute values) as elements of the tower."""

    def __init__(self, tower, domain):
        self.tower, self.domain = tower, domain

    def __call__(self, expr):
        expr = sympify(expr)
        if not expr.has(Abs) and all(p.exp.is_Integer for p in expr.atoms(Pow) if p.base.free_symbols):
            try:  # a rational function over the field of the constants (sqrt(2) may lie in it, or not)
                return self.tower.base(self.domain.from_sympy(expr))
            except (CoercionFailed, ValueError):
                if not expr.atoms(Pow) - {p for p in expr.atoms(Pow) if p.exp.is_Integer}:
                    raise
        if isinstance(expr, Add):
            return sum((self(a) for a in expr.args), self.tower.zero())
        if isinstance(expr, Mul):
            product = self.tower.one()
            for a in expr.args:
                product = product * self(a)
            return product
        if isinstance(expr, Abs):
            try:
                return self.tower.root(self.domain.from_sympy(expr.args[0]), "abs")
            except (CoercionFailed, ValueError):
                raise UnsupportedEntryError(
                    f"check: {shorten(expr)} is the absolute value of a formula with square roots; only absolute "
                    "values of rational functions of the parameters are read"
                ) from None
        if isinstance(expr, Pow) and expr.exp.is_Rational and expr.exp.q in (1, 2):
            base = self(expr.base)
            root = self.tower.root(base, "sqrt") if expr.exp.q == 2 else base
            power = self.tower.one()
            for _ in range(abs(expr.exp.p)):
                power = power * root
            return power if expr.exp > 0 else self.tower.one() / power
        raise UnsupportedEntryError(
            f"check: {shorten(expr)} is not a rational function of the parameters, a square root or an absolute "
            "value of one"
        )


class _Witness:
    """Decides a non-zero reduced entry: wrong with exact values of the parameters, or undecided."""

    def __init__(self, result):
        self.result = result
        rng = random.Random(0)
        self.points = []
        for _ in range(WITNESS_TRIES):
            point = {s: _value(s, rng) for s in result.symbols}
            if all(c.subs(point) is S.true for c in result.conditions):
                self.points.append(point)
            if len(self.points) == 3:
                break

    def judge(self, element, problem, problems, undecided):
        if not element:
            return
        expr = self.result.decomposition.spectrum.tower.expr(element)
        for point in self.points:
            value = expr.subs(point)
            t = Dummy("t")
            if value.has(S.NaN, S.ComplexInfinity):
                continue
            if value != 0 and minimal_polynomial(value, t) != t:
                shown = ", ".join(f"{s} = {v}" for s, v in point.items())
                problems.append(f"{problem}: at {shown} it is {shorten(value)}, not 0")
                return
        undecided.append(f"{problem} does not reduce to 0, and no values of the parameters showed it wrong")


def _value(symbol, rng):
    """A random rational within the sign assumptions of *symbol*."""
    while True:
        value = Rational(rng.randint(-12, 12), 1 if symbol.is_integer else rng.randint(1, 4))
        if (symbol.is_positive and value <= 0) or (symbol.is_negative and value >= 0) or \
                (symbol.is_nonnegative and value < 0) or (symbol.is_nonpositive and value > 0) or \
                (symbol.is_zero is False and value == 0):
            continue
        return Integer(value) if value.is_Integer else value
