"""Rigorous real enclosures: rational intervals for roots and for field elements.

``K`` is embedded in the reals by its generator ``alpha`` (a real root of its
minimal polynomial, isolated by a rational interval); an element of ``K`` or a
polynomial over ``K`` at a real root is enclosed by exact interval arithmetic
with rational end points, so a sign read off an enclosure that excludes 0 is
proved, never estimated.
"""

from math import lcm

from sympy import Rational
from sympy.polys.domains import QQ

from .integers import integer_matrix
from .isolation import refine_by_bisection


class Interval:
    """A closed interval ``[lo, hi]`` with rational (SymPy) end points.

    >>> product = Interval(1, 2) * Interval(-1, 3)
    >>> product.lo, product.hi
    (-2, 6)
    """

    __slots__ = ("lo", "hi")

    def __init__(self, lo, hi=None):
        self.lo = Rational(lo)
        self.hi = self.lo if hi is None else Rational(hi)

    def __add__(self, other):
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __mul__(self, other):
        products = (self.lo * other.lo, self.lo * other.hi, self.hi * other.lo, self.hi * other.hi)
        return Interval(min(products), max(products))

    def sign(self):
        """1 or -1 when the interval lies on one side of 0, else ``None``."""
        if self.lo > 0:
            return 1
        if self.hi < 0:
            return -1
        return None



class RealRoot:
    """Real root number *index* (ascending) of a polynomial over ``QQ``, held by a refinable isolating interval."""

    def __init__(self, poly, interval, index=None):
        self.poly = poly
        self.index = index
        self.lo, self.hi = (Rational(c) for c in interval)

    def interval(self):
        return Interval(self.lo, self.hi)

    def refine(self):
        """Shrink the isolating interval (at least fourfold, unless it is a point)."""
        if self.hi > self.lo:
            if self.poly.domain.is_QQ:
                refined = refine_by_bisection(self.poly, self.lo, self.hi)
            else:
                refined = self.poly.refine_root(self.lo, self.hi, eps=(self.hi - self.lo) / 4)
            self.lo, self.hi = (Rational(c) for c in refined)


def polynomial_enclosure(coeffs, x, enclose):
    """Enclosure of ``sum coeffs[k] x^k`` (coefficients lowest first) by Horner's rule.

    *x* is an :class:`Interval`; *enclose* maps a coefficient to an interval.
    """
    total = Interval(0)
    for c in reversed(coeffs):
        total = total * x + enclose(c)
    return total


def rational_polynomial_sign(coeffs, lo, hi):
    """The sign of ``sum coeffs[k] x^k`` (over ``QQ``, lowest first) on ``[lo, hi]``, or ``None`` if not one sign.

    The same enclosure as :func:`polynomial_enclosure`, scaled to integers:
    with ``lo = A/L``, ``hi = B/L`` and the coefficients ``C_k / D``, Horner's
    step ``T = T x + c_k`` becomes ``S = S [A, B] + L^(n-k) C_k`` with
    ``S = L^(n-k) D T``, so no fraction is ever reduced.

    >>> from sympy import Rational
    >>> from sympy.polys.domains import QQ
    >>> rational_polynomial_sign([QQ(-2), QQ(0), QQ(1)], Rational(3, 2), Rational(2))   # x^2 - 2
    1
    >>> rational_polynomial_sign([QQ(-2), QQ(0), QQ(1)], Rational(1), Rational(2)) is None
    True
    """
    lo, hi = Rational(lo), Rational(hi)
    L = lcm(int(lo.q), int(hi.q))
    A, B = int(lo.p) * (L // int(lo.q)), int(hi.p) * (L // int(hi.q))
    (C,), _ = integer_matrix([coeffs])
    s_lo = s_hi = C[-1]
    power = 1
    for c in reversed(C[:-1]):
        power *= L
        products = (s_lo * A, s_lo * B, s_hi * A, s_hi * B)
        s_lo, s_hi = min(products) + power * c, max(products) + power * c
    if s_lo > 0:
        return 1
    if s_hi < 0:
        return -1
    return None


class Embedding:
    """The real embedding of the field of the entries: ``QQ``, or ``QQ<alpha>`` with ``alpha`` isolated.

    Examples
    --------
    >>> from sympy import sqrt
    >>> K = QQ.algebraic_field(sqrt(2))
    >>> e = Embedding(K)
    >>> e.sign(K.from_sympy(1 - sqrt(2)))
    -1
    """

    def __init__(self, domain):
        self.domain = domain
        self.alpha = _isolate_generator(domain) if domain.is_AlgebraicField else None

    def enclose(self, element):
        """An interval holding the real value of an element of the domain."""
        if self.alpha is None:
            return Interval(QQ.to_sympy(element))
        coeffs = [QQ.to_sympy(c) for c in element.to_list()[::-1]]
        return polynomial_enclosure(coeffs, self.alpha.interval(), Interval)

    def refine(self):
        if self.alpha is not None:
            self.alpha.refine()

    def sign(self, element):
        """The sign of an element of the domain, proved."""
        if not element:
            return 0
        if self.alpha is None:
            return 1 if element > 0 else -1
        while (sign := self.enclose(element).sign()) is None:
            self.refine()
        return sign


def _isolate_generator(domain):
    """The isolating interval of the generator of an algebraic field among its minimal polynomial's roots."""
    return isolate_real_root(domain.ext.minpoly, domain.ext.as_expr(), f"{domain.ext.as_expr()} (the generator of {domain})")


def isolate_real_root(minpoly, number, what=None):
    """The :class:`RealRoot` of *minpoly* (irreducible over ``QQ``) that is the real SymPy *number*.

    The real roots of *minpoly* are isolated exactly (their index, ascending,
    is set); the intervals that hold the number's 50-digit value are refined
    until one is left.  *what* names the number in errors.

    >>> from sympy import Poly, sqrt, symbols
    >>> x = symbols("x")
    >>> root = isolate_real_root(Poly(x**2 - 2, x), -sqrt(2))
    >>> root.index, root.lo <= -sqrt(2) <= root.hi
    (0, True)
    """
    value = number.evalf(50)
    if not value.is_real:
        raise ValueError(f"the number {what if what is not None else number} is not real")
    roots = [RealRoot(minpoly, iv, index) for index, (iv, _) in enumerate(minpoly.intervals())]
    margin = Rational(1, 10**40)
    while True:
        holding = [r for r in roots if r.lo - margin <= value <= r.hi + margin]
        if not holding:
            raise ArithmeticError(f"no real root of {minpoly} is near {value}")
        if len(holding) == 1 and holding[0].hi - holding[0].lo < Rational(1, 10**30):
            return holding[0]
        for r in holding:
            r.refine()
        roots = holding
