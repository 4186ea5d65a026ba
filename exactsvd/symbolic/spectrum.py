"""The spectrum of the smaller Gram matrix over ``F = K(x, ...)``: factors, eigenvalues, their order.

The characteristic polynomial of ``G`` (``A^T A``, or ``A A^T`` when it is
smaller) is computed over ``F``, cleared of denominators and factored over
``K[x, ..., lambda]``.  A factor of degree 1 in ``lambda`` gives a rational
eigenvalue, one of degree 2 the pair ``c +- R`` with ``R = sqrt(disc)/(2|a|)``
(``R >= 0``, so ``c + R`` is the larger); a factor of degree 3 or more is
refused (:class:`~exactsvd.errors.SymbolicLimitError`).  The positive
eigenvalues are ordered where the assumptions decide it
(:mod:`exactsvd.symbolic.signs`); elsewhere the order at a sample point is
taken and stated as a condition ``lambda_i - lambda_j >= 0``.
"""

from dataclasses import dataclass
from functools import cmp_to_key

from sympy import Abs, Ge, Ne, Poly, Symbol, factor

from ..errors import InputTooLargeError, SymbolicLimitError, shorten
from .radicals import square_root, square_root_in_field
from .signs import holds, sign_where_nonzero
from .tower import Tower

#: The eigenvalue symbol of the characteristic polynomials shown.
LAMBDA = Symbol("lambda")
#: The largest smaller side (Gram matrix size) the symbolic path takes; beyond it substitute values.
MAX_SYMBOLIC_SIZE = 8


@dataclass
class Eigenvalue:
    """One root of one factor: ``value = centre + branch * radical`` (``branch`` 0 for a linear factor)."""

    factor: int
    branch: int
    multiplicity: int
    centre: object
    radical: object
    value: object
    expr: object


class SymbolicSpectrum:
    """Gram matrix, characteristic polynomial, factors and ordered eigenvalues of a matrix with parameters.

    Attributes
    ----------
    field : ParameterField
    side : {"right", "left"}
        ``"right"``: ``G = A^T A``; ``"left"``: ``G = A A^T`` (``working`` is then ``A^T``);
        ``A^H`` for complex parameters (``x`` and ``conjugate(x)`` independent generators of ``F``).
    working, gram : DomainMatrix over ``F``
    tower : Tower
    charpoly : sympy expression in :data:`LAMBDA`
    factors : list of ``(coefficients over F, highest first; multiplicity)``
    eigenvalues : list of Eigenvalue
        The non-zero ones, descending (in the order chosen).
    zero_multiplicity : int
    order_conditions : list of relationals
        Empty when the assumptions decide the order.
    undecided : list of (i, j)
        Adjacent pairs of ``eigenvalues`` whose order is not decided.
    """

    def __init__(self, field):
        self.field = field
        A = field.matrix
        m, n = A.shape
        self.side = "right" if n <= m else "left"
        if min(m, n) > MAX_SYMBOLIC_SIZE:
            raise InputTooLargeError(
                f"{field.name}: a {m}×{n} matrix with parameters has a {min(m, n)}×{min(m, n)} Gram matrix; the "
                f"symbolic path takes at most {MAX_SYMBOLIC_SIZE}×{MAX_SYMBOLIC_SIZE}. Substitute values for the "
                "parameters first"
            )
        self.working = A if self.side == "right" else field.adjoint(A)
        self.gram = field.adjoint(self.working) * self.working
        self.tower = Tower(field.domain, field.to_expr, field.conjugate if field.is_complex else None)
        self.symbols = field.generators
        self._denested = {}
        self._factor()
        self._eigenvalues()
        self._order()

    @property
    def size(self):
        return self.gram.shape[0]

    def _factor(self):
        F = self.field.domain
        coefficients = self.gram.charpoly() if self.size else [F.one]
        ring = F.field.ring
        common = ring.one
        for c in coefficients:
            common = common.lcm(c.denom)
        terms = {}
        k = len(coefficients) - 1
        for i, c in enumerate(coefficients):
            numerator = (c * F.field.new(common)).numer
            for monom, a in numerator.terms():
                terms[(k - i,) + monom] = a
        poly = Poly.from_dict(terms, LAMBDA, *self.symbols, domain=F.domain)
        self.charpoly = F.to_sympy(F.field.new(common)) ** -1 * poly.as_expr() if common != ring.one else poly.as_expr()
        self.factors = []
        for f, multiplicity in poly.factor_list()[1]:
            if f.degree(LAMBDA) == 0:
                continue
            by_degree = {}
            for monom, a in f.terms():
                by_degree[monom[0]] = by_degree.get(monom[0], ring.zero) + ring.from_dict({monom[1:]: a})
            d = f.degree(LAMBDA)
            self.factors.append(([F.field.new(by_degree.get(j, ring.zero)) for j in range(d, -1, -1)], multiplicity, f))

    def _eigenvalues(self):
        tower, F = self.tower, self.field.domain
        self.eigenvalues, self.zero_multiplicity = [], 0
        for index, (coeffs, multiplicity, poly) in enumerate(self.factors):
            degree = len(coeffs) - 1
            if degree == 1:
                if not coeffs[1]:
                    self.zero_multiplicity = multiplicity
                    continue
                value = -coeffs[1] / coeffs[0]
                element = tower.base(value)
                self.eigenvalues.append(Eigenvalue(index, 0, multiplicity, value, None, element, tower.expr(element)))
            elif degree == 2:
                a, b, c = coeffs
                centre = -b / (2 * a)
                radical = self._radical(index, centre, (b * b - 4 * a * c) / (4 * a * a))
                for branch in (1, -1):
                    element = tower.base(centre) + radical * branch
                    self.eigenvalues.append(Eigenvalue(index, branch, multiplicity, centre, radical, element,
                                                       tower.expr(element)))
            else:
                expr = self.field.map_back(poly.as_expr())
                raise SymbolicLimitError(
                    f"{self.field.name}: the characteristic polynomial of the Gram matrix has the factor "
                    f"{shorten(str(factor(expr)), 120)} of degree {degree} in lambda, irreducible over the rational "
                    "functions of the parameters; exact eigenvalues of parametric factors of degree 3 or more are not "
                    "supported. Substitute values for the parameters first, e.g. exactsvd.svd(A.subs(x, 2))"
                )

    def difference_sign(self, first, second):
        """The sign of ``first - second`` (eigenvalues) wherever it is non-zero, when decided; else ``None``."""
        if first.factor == second.factor:
            return first.branch - second.branch and (1 if first.branch > second.branch else -1)
        return self.sign(first.value - second.value)

    def sign(self, element):
        """The sign of a tower *element* wherever it is non-zero, when the assumptions decide it; else ``None``.

        Decided for a rational function (:func:`~exactsvd.symbolic.signs.sign_where_nonzero`) and for
        ``alpha + beta R`` with ``R >= 0`` the radical of one quadratic factor; otherwise only when SymPy's
        assumptions answer.
        """
        F = self.field.domain
        rational = element.in_base()
        if rational is not None:
            return sign_where_nonzero(F.to_sympy(rational), self.symbols)
        for eigenvalue in self.eigenvalues:
            radical = eigenvalue.radical
            if radical is None or len(radical.terms) != 1:
                continue
            (mask, r), = radical.terms.items()
            if set(element.terms) <= {0, mask}:
                alpha = element.terms.get(0, F.zero)
                beta = element.terms[mask] / r
                square = (radical * radical).in_base()
                return _sign_of_sum(F.to_sympy(alpha), F.to_sympy(beta), F.to_sympy(alpha * alpha - beta * beta * square),
                                    self.symbols)
        expr = self.tower.expr(element, raw=True)
        return 1 if expr.is_positive else -1 if expr.is_negative else None

    def _order(self):
        sample = self.field.sample()
        values = {id(e): self.tower.expr(e.value, raw=True).subs(sample).evalf(30) for e in self.eigenvalues}

        def compare(first, second):
            sign = self.difference_sign(first, second)
            if sign:
                return -sign
            return -1 if values[id(first)] > values[id(second)] else 1 if values[id(first)] < values[id(second)] else 0

        self.eigenvalues.sort(key=cmp_to_key(compare))
        self.undecided, self.order_conditions = [], []
        for i in range(len(self.eigenvalues) - 1):
            first, second = self.eigenvalues[i], self.eigenvalues[i + 1]
            if self.difference_sign(first, second) == 1:
                continue
            self.undecided.append((i, i + 1))
            self.order_conditions.append(self.order_condition(first, second))

    def order_condition(self, first, second):
        """``first >= second`` as a relational: ``N D >= 0`` for a rational difference ``N/D``."""
        rational = (first.value - second.value).in_base()
        if rational is None:
            return Ge(first.expr - second.expr, 0)
        F = self.field.domain
        product = rational.numer * rational.denom
        if self.field.angles:
            return Ge(factor(self.field.map_back(F.to_sympy(product))), 0)
        c, factors = product.factor_list()
        kept, dropped = F.to_sympy(F.field.new(product.ring.ground_new(c))), False
        for f, e in factors:  # leave out the factors of constant sign under the assumptions
            expr = F.to_sympy(F.field.new(f))
            sign = sign_where_nonzero(expr, self.symbols) if holds(Ne(expr, 0), self.symbols) else None
            kept *= sign**e if sign else expr**e
            dropped = dropped or bool(sign)
        return Ge(self.field.map_back(kept if dropped else factor(F.to_sympy(product))), 0)

    def singular_value(self, eigenvalue):
        """``sqrt(lambda)`` in the tower: ``|g| sqrt(q)`` for a rational eigenvalue; denested or a new generator otherwise."""
        if eigenvalue.branch == 0:
            return square_root(self.tower, eigenvalue.centre, self.symbols)
        pair = self._denested.get(eigenvalue.factor)
        if pair is None:
            return self.tower.root(eigenvalue.value, "sqrt")
        return pair[0] if eigenvalue.branch == 1 else pair[1]

    def _radical(self, index, centre, square):
        """``R = sqrt(square)`` for a quadratic factor; denested singular values when ``centre^2 - square = n^2``.

        With ``n`` in ``F`` (``n >= 0`` where the assumptions decide), ``a = sqrt(2c + 2n)`` and
        ``b = sqrt(2c - 2n)`` (both real: ``c >= |n|``): ``R = a b / 2``, ``sqrt(c + R) = (a + b)/2``
        and ``sqrt(c - R) = |a - b|/2 = (|n|/n) (a - b)/2``.
        """
        tower, F = self.tower, self.field.domain
        n = square_root_in_field(F, centre * centre - square)
        if n is None:
            return square_root(tower, square, self.symbols)
        sign = sign_where_nonzero(F.to_sympy(n), self.symbols)
        if sign == -1:
            n = -n
        a = square_root(tower, 2 * centre + 2 * n, self.symbols)
        b = square_root(tower, 2 * centre - 2 * n, self.symbols)
        unit = tower.one() if sign is not None else tower.root(n, "abs") / n
        smaller = unit * (a - b) / 2
        shown = tower.expr(smaller) if sign is not None else Abs(tower.expr(a) - tower.expr(b)) / 2
        self._denested[index] = ((a + b) / 2, smaller, shown)
        return a * b / 2

    def square_root(self, element):
        """``sqrt(element)`` in the tower for ``element >= 0`` (with its conjugate), without nesting where possible.

        A rational function: :func:`~exactsvd.symbolic.radicals.square_root`.  ``alpha + beta R``
        (``R`` the radical of a quadratic factor) with ``alpha^2 - beta^2 R^2 = n^2``, ``n`` in ``F``:
        ``(alpha + n + beta R)/sqrt(2 alpha + 2 n)`` (``alpha >= |n|`` as both conjugates are
        ``>= 0``), the sign of ``n`` with the simpler root taken.  Otherwise a new generator.
        """
        F, tower = self.field.domain, self.tower
        rational = element.in_base()
        if rational is not None:
            return square_root(tower, rational, self.symbols)
        for eigenvalue in self.eigenvalues:
            radical = eigenvalue.radical
            if radical is None or len(radical.terms) != 1:
                continue
            (mask, r), = radical.terms.items()
            if not set(element.terms) <= {0, mask}:
                continue
            alpha = element.terms.get(0, F.zero)
            beta = element.terms[mask] / r
            n = square_root_in_field(F, alpha * alpha - beta * beta * (radical * radical).in_base())
            if n is None:
                break
            roots = [(m, square_root(tower, 2 * alpha + 2 * m, self.symbols)) for m in (n, -n)]
            m, root = min(roots, key=lambda pair: (len(pair[1].terms), len(str(tower.expr(pair[1])))))
            return (tower.base(alpha + m) + radical * beta) / root
        return tower.root(element, "sqrt")

    def singular_value_expr(self, eigenvalue):
        """The SymPy form of :meth:`singular_value` (``|a - b|/2`` for a denested smaller value of undecided sign)."""
        pair = self._denested.get(eigenvalue.factor)
        if pair is not None and eigenvalue.branch == -1:
            return pair[2]
        return self.tower.expr(self.singular_value(eigenvalue))

    @property
    def rank(self):
        return sum(e.multiplicity for e in self.eigenvalues)


def _sign_of_sum(alpha, beta, norm, symbols):
    """The sign of ``alpha + beta R`` (``R >= 0``, ``alpha^2 - beta^2 R^2 = norm``), when decided."""
    a = 0 if alpha.is_zero else sign_where_nonzero(alpha, symbols)
    b = 0 if beta.is_zero else sign_where_nonzero(beta, symbols)
    if a is None or b is None:
        return None
    if a == 0 or b == 0 or a == b:
        return a or b or None
    n = sign_where_nonzero(norm, symbols)
    if n is None:
        return None
    return a if n > 0 else b
