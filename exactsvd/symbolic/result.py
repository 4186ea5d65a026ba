"""What :func:`exactsvd.svd` and :func:`exactsvd.singular_values` return for a matrix with parameters."""

from functools import cached_property

from sympy import Basic, S, Symbol, sympify

from ..errors import ConditionError, InvalidArgumentError, shorten
from .verify import verify_decomposition


class SymbolicSVDResult:
    """The generic SVD ``A = U S V^T`` of a matrix with parameters, valid under :attr:`conditions`.

    Unpacks to ``U, S, V`` (SymPy matrices in the parameters).  ``singular_values``
    lists ``min(m, n)`` values (zeros included) in the order chosen; where the
    assumptions do not decide the order, the conditions state it.

    Attributes
    ----------
    symbols : tuple of Symbol
    conditions : tuple of relationals
        ``Ne(p, 0)``, ``p >= 0`` (``p`` a polynomial in the parameters, or in
        ``cos t``, ``sin t``): where all hold, ``U S V^T = A`` with ``U``, ``V``
        orthogonal and ``S`` in the order given; conditions that the
        assumptions imply are left out.
    rank : int
        The generic rank.
    decomposition : SymbolicDecomposition
        The steps (Gram matrix, characteristic polynomial, eigenvectors, norms).

    Examples
    --------
    >>> import exactsvd
    >>> from sympy import Matrix, symbols
    >>> x = symbols("x", real=True)
    >>> r = exactsvd.svd(Matrix([[x, 0], [0, -5]]))
    >>> r.singular_values, r.conditions
    ((5, Abs(x)), (Ne(x, 0), -(x - 5)*(x + 5) >= 0))
    >>> r.U
    Matrix([
    [ 0, Abs(x)/x],
    [-1,        0]])
    >>> r.verify()
    True
    >>> r.subs(x=2).singular_values
    (5, 2)
    >>> r.subs(x=7)
    Traceback (most recent call last):
    ...
    exactsvd.errors.ConditionError: the condition -(x - 5)*(x + 5) >= 0 fails for x = 7; call exactsvd.svd(A.subs(...)) for these values
    """

    def __init__(self, matrix, decomposition, form, solve):
        self.matrix = matrix
        self.decomposition = decomposition
        self.form = form
        self._solve = solve
        field = decomposition.spectrum.field
        self.symbols = field.symbols
        self.conditions = decomposition.conditions
        self.rank = decomposition.rank
        self.method = "exact"
        self.is_complex = field.is_complex

    @cached_property
    def _factors(self):
        return self.decomposition.sympy_factors()

    @property
    def U(self):
        return self._factors[0]

    @property
    def S(self):
        return self._factors[1]

    @property
    def V(self):
        return self._factors[2]

    @property
    def Vh(self):
        """``V^H`` (``V^T`` for real parameters; NumPy's ``Vh``): ``A = U S Vh``."""
        return self.V.H if self.is_complex else self.V.T

    @cached_property
    def singular_values(self):
        values = list(self.decomposition.shown)
        return tuple(values + [S.Zero] * (min(self.matrix.shape) - len(values)))

    def __iter__(self):
        return iter(self._factors)

    def __len__(self):
        return 3

    def __getitem__(self, index):
        return self._factors[index]

    def verify(self):
        """``True``: ``U^T U = I``, ``V^T V = I``, ``U S V^T = A`` proved as identities in a tower of square roots
        over the rational functions (no sampling), under :attr:`conditions`; else ``VerificationError``."""
        return verify_decomposition(self.decomposition)

    def subs(self, values=None, **named):
        """The exact :class:`~exactsvd.SVDResult` for numeric values of every parameter.

        *values* maps symbols (or their names) to exact numbers; keywords name
        symbols too (``r.subs(x=2)``, ``r.subs({t: pi/3})``).  The assumptions
        and every condition are checked at the values first: one that fails
        raises :class:`~exactsvd.ConditionError` naming it.  The answer is
        ``exactsvd.svd(A.subs(values))`` (canonical for those values); where the
        conditions hold it has the singular values of the generic answer at
        the values.
        """
        given = _values(self.symbols, values, named, self.decomposition.spectrum.field.angles)
        shown = ", ".join(f"{s} = {shorten(v, 30)[1:-1] if isinstance(v, str) else v}" for s, v in given.items())
        for symbol, value in given.items():
            problem = _assumption_problem(symbol, value)
            if problem:
                raise ConditionError(f"{shown} violates the assumption that {symbol} is {problem}")
        for condition in self.conditions:
            verdict = condition.subs(given)
            if verdict is not S.true:
                raise ConditionError(
                    f"the condition {condition} fails for {shown}; call exactsvd.svd(A.subs(...)) for these values"
                )
        return self._solve(self.matrix.subs(given))

    def __repr__(self):
        m, n = self.matrix.shape
        return (f"<SymbolicSVDResult {m}×{n} in {', '.join(map(str, self.symbols))}, generic rank {self.rank}, "
                f"{self.form} form, singular values {self.singular_values}, {len(self.conditions)} conditions>")

    def __str__(self):
        m, n = self.matrix.shape
        lines = [f"generic SVD of a {m}×{n} matrix in {', '.join(map(str, self.symbols))} ({self.form} form): A = U S V^T"]
        for name, M in zip("USV", self._factors):
            lines.append(f"{name} = {M.tolist()}")
        lines.append("valid where: " + ("; ".join(map(str, self.conditions)) if self.conditions else "always"))
        return "\n".join(lines)


def _values(symbols, values, named, angles):
    """``{Symbol: exact SymPy number}`` for every symbol, from a mapping and keywords.

    An angle (a symbol under ``sin``/``cos``) may take any real SymPy number
    (``pi/3``): its sine and cosine are then checked as entries.
    """
    from ..input import as_exact_matrix

    by_name = {str(s): s for s in symbols}
    pairs = list((values or {}).items()) + list(named.items())
    if values is not None and not hasattr(values, "items"):
        raise InvalidArgumentError(f"values={shorten(values)} must be a mapping from symbols (or names) to numbers")
    given = {}
    for key, value in pairs:
        symbol = by_name.get(str(key)) if isinstance(key, (str, Symbol)) else None
        if symbol is None:
            raise InvalidArgumentError(
                f"{shorten(key)} is not a parameter of this matrix; its parameters are {', '.join(by_name)}")
        if symbol in angles and isinstance(value, Basic) and value.is_real and not value.free_symbols:
            given[symbol] = value
        else:
            given[symbol] = as_exact_matrix([[value]], name=str(symbol))[0, 0]
        if given[symbol].free_symbols or (symbol.is_real and not given[symbol].is_real):
            raise InvalidArgumentError(f"{symbol}={shorten(value)} must be a {'real ' if symbol.is_real else ''}number")
    missing = [str(s) for s in symbols if s not in given]
    if missing:
        raise InvalidArgumentError(f"give a value for every parameter: missing {', '.join(missing)}")
    return given


def _assumption_problem(symbol, value):
    checks = (("positive", lambda v: v.is_positive), ("negative", lambda v: v.is_negative),
              ("nonnegative", lambda v: v.is_nonnegative), ("nonpositive", lambda v: v.is_nonpositive),
              ("nonzero", lambda v: v.is_nonzero), ("integer", lambda v: v.is_integer),
              ("real", lambda v: v.is_real))
    for name, test in checks:
        if getattr(symbol, f"is_{name}") and not test(sympify(value)):
            return name
    return None


class SingularValueCases:
    """Singular values of a matrix with parameters whose order depends on the parameters.

    Attributes
    ----------
    values : tuple
        The singular values, unordered (zeros included).
    order_depends_on : tuple of relationals
        The comparisons ``lambda_i - lambda_j >= 0`` that the assumptions leave open.
    cases : tuple of (condition, values) pairs
        On each condition (a relational, ``And`` of them, or ``True``), the values in descending order.

    Examples
    --------
    >>> import exactsvd
    >>> from sympy import diag, symbols
    >>> x = symbols("x", real=True)
    >>> c = exactsvd.singular_values(diag(1, x, 5))
    >>> print(c)
    singular values 1, 5, Abs(x); the order depends on the parameters:
      x <= -5: (Abs(x), 5, 1)
      -5 <= x <= -1: (5, Abs(x), 1)
      -1 <= x <= 1: (5, 1, Abs(x))
      1 <= x <= 5: (5, Abs(x), 1)
      x >= 5: (Abs(x), 5, 1)
    >>> c.order_depends_on
    (-(x - 5)*(x + 5) >= 0, (x - 1)*(x + 1) >= 0)
    """

    def __init__(self, values, order_depends_on, cases):
        self.values = tuple(values)
        self.order_depends_on = tuple(order_depends_on)
        self.cases = tuple(cases)

    def __repr__(self):
        return f"SingularValueCases(values={self.values}, order_depends_on={self.order_depends_on}, cases={self.cases})"

    def __str__(self):
        lines = [f"singular values {', '.join(map(str, self.values))}; the order depends on the parameters:"]
        lines += [f"  {_show(condition)}: {values}" for condition, values in self.cases]
        return "\n".join(lines)


def _show(condition):
    """``a <= x <= b`` for an interval, else SymPy's text (``&`` between the parts)."""
    from sympy import And

    if isinstance(condition, And) and len(condition.args) == 2:
        lower = [c for c in condition.args if c.rel_op == ">=" and c.lhs.is_Symbol]
        upper = [c for c in condition.args if c.rel_op == "<=" and c.lhs.is_Symbol]
        if lower and upper and lower[0].lhs == upper[0].lhs:
            return f"{lower[0].rhs} <= {lower[0].lhs} <= {upper[0].rhs}"
    return str(condition)
