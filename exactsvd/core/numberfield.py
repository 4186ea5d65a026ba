"""``L = K[x]/(p)``: the number field of one eigenvalue factor, over the field of the entries.

``K`` is ``QQ`` or a real algebraic field ``QQ<alpha>`` (SymPy domains); ``p``
is monic and irreducible over ``K``.  Elements are dense polynomials in the
generator ``theta`` with coefficients in ``K``, reduced modulo ``p``; they
support ``+ - * /`` with each other and with elements of ``K``.
"""

from sympy.polys.densearith import dup_add, dup_mul, dup_neg, dup_rem, dup_sub
from sympy.polys.densebasic import dup_strip
from sympy.polys.matrices import DomainMatrix


class RelativeField:
    """The field ``K[x]/(p)``.

    Parameters
    ----------
    base : sympy Domain
        ``K``, a field (``QQ`` or an algebraic field).
    modulus : list
        Coefficients of ``p`` over ``K``, highest degree first, monic.

    Examples
    --------
    >>> from sympy.polys.domains import QQ
    >>> L = RelativeField(QQ, [QQ(1), QQ(0), QQ(-2)])
    >>> r2 = L.gen
    >>> r2 * r2 == L.convert(2)
    True
    >>> [str(c) for c in (L.one / (r2 + 1)).coefficients()]
    ['-1', '1']
    """

    def __init__(self, base, modulus):
        self.base = base
        self.modulus = modulus
        self.degree = len(modulus) - 1
        self.zero = Element(self, [])
        self.one = self.convert(base.one)
        self.gen = self([base.one, base.zero])

    def __call__(self, coeffs):
        """The element with coefficients *coeffs* (over ``K``, highest first)."""
        return Element(self, dup_rem(dup_strip(list(coeffs)), self.modulus, self.base))

    def convert(self, value):
        """An element of ``K`` (or an int) as an element of ``L``."""
        return Element(self, dup_strip([self.base.convert(value)]))


class Element:
    """An element of a :class:`RelativeField`; arithmetic reduces modulo ``p``."""

    __slots__ = ("field", "rep")

    def __init__(self, field, rep):
        self.field = field
        self.rep = rep

    def _other(self, other):
        return other.rep if isinstance(other, Element) else self.field.convert(other).rep

    def _new(self, rep):
        return Element(self.field, rep)

    def __add__(self, other):
        return self._new(dup_add(self.rep, self._other(other), self.field.base))

    __radd__ = __add__

    def __sub__(self, other):
        return self._new(dup_sub(self.rep, self._other(other), self.field.base))

    def __rsub__(self, other):
        return self._new(dup_sub(self._other(other), self.rep, self.field.base))

    def __neg__(self):
        return self._new(dup_neg(self.rep, self.field.base))

    def __mul__(self, other):
        F = self.field
        return self._new(dup_rem(dup_mul(self.rep, self._other(other), F.base), F.modulus, F.base))

    __rmul__ = __mul__

    def inverse(self):
        """The multiplicative inverse: the solution ``z`` of ``self * z = 1``.

        Solved as a linear system with the multiplication matrix of ``self``
        by fraction-free elimination, which keeps coefficients far smaller
        than the extended Euclidean algorithm over ``QQ`` does.
        """
        if not self.rep:
            raise ZeroDivisionError("division by zero in a number field")
        F = self.field
        columns, power = [], self
        for _ in range(F.degree):
            columns.append(power.coefficients())
            power = power * F.gen
        M = DomainMatrix(columns, (F.degree, F.degree), F.base).transpose()
        unit = DomainMatrix([[F.base.one]] + [[F.base.zero]] * (F.degree - 1), (F.degree, 1), F.base)
        numerator, denominator = M.solve_den(unit)
        return F([row[0] / denominator for row in numerator.to_list()][::-1])

    def __truediv__(self, other):
        divisor = other if isinstance(other, Element) else self.field.convert(other)
        return self * divisor.inverse()

    def __rtruediv__(self, other):
        return self.field.convert(other) * self.inverse()

    def __bool__(self):
        return bool(self.rep)

    def __eq__(self, other):
        return self.rep == self._other(other)

    __hash__ = None

    def coefficients(self):
        """Coefficients over ``K`` in the basis ``1, theta, ..., theta^(d-1)`` (lowest first)."""
        low = self.rep[::-1]
        return low + [self.field.base.zero] * (self.field.degree - len(low))

    def __repr__(self):
        return f"Element({self.coefficients()})"
