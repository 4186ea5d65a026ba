"""Exact integer products, by python-flint when SymPy itself runs on it.

Rational matrices are held as ``(Z, D)``: a list of rows of ``int`` and one
positive common denominator, ``M = Z / D``.  Products of such matrices have no
gcd to take at every step, which is where SymPy's rational arithmetic spends
its time.  python-flint (the ``fast`` extra) is used exactly when SymPy uses it
for its ground types (``SYMPY_GROUND_TYPES``, flint by default once installed),
so ``SYMPY_GROUND_TYPES=python`` gives the pure path everywhere.  Both ways give
the same integers.
"""

from functools import lru_cache
from math import lcm
from operator import mul

from sympy.polys.matrices import DomainMatrix


@lru_cache(maxsize=None)
def flint_module():
    """The ``flint`` module when SymPy's ground types are flint, else ``None``."""
    from sympy.external.gmpy import GROUND_TYPES

    if GROUND_TYPES != "flint":
        return None
    import flint

    return flint


def integer_matrix(rows):
    """``(Z, D)`` with ``Z / D`` the rational matrix *rows* (entries with ``numerator`` and ``denominator``).

    >>> from fractions import Fraction
    >>> integer_matrix([[Fraction(1, 2), 1], [Fraction(1, 3), 0]])
    ([[3, 6], [2, 0]], 6)
    """
    D = lcm(1, *(int(a.denominator) for row in rows for a in row))
    return [[int(a.numerator) * (D // int(a.denominator)) for a in row] for row in rows], D


def matmul(X, Y):
    """The product of two int matrices given as lists of rows (``len(X[0]) == len(Y)``).

    >>> matmul([[1, 2], [3, 4]], [[5], [6]])
    [[17], [39]]
    """
    if not X or not Y or not Y[0]:
        return [[0] * (len(Y[0]) if Y else 0) for _ in X]
    flint = flint_module()
    if flint is not None:
        product = flint.fmpz_mat(X) * flint.fmpz_mat(Y)
        return [[int(a) for a in row] for row in product.tolist()]
    columns = list(zip(*Y))
    return [[sum(map(mul, row, column)) for column in columns] for row in X]


def polymul(a, b):
    """The coefficients of the product of two int polynomials (coefficient lists, either order, same for both).

    >>> polymul([1, 2], [3, 0, 1])
    [3, 6, 1, 2]
    """
    if not a or not b:
        return []
    flint = flint_module()
    if flint is not None:
        product = [int(c) for c in (flint.fmpz_poly(a) * flint.fmpz_poly(b)).coeffs()]
        return product + [0] * (len(a) + len(b) - 1 - len(product))
    result = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                result[i + j] += x * y
    return result


def inverse_mod(a, p):
    """``(Z, D)`` with ``sum Z[k] x^k / D`` the inverse of *a* modulo the irreducible *p* (rationals, lowest first).

    By python-flint's extended gcd when SymPy runs on it, else ``None`` (the
    caller inverts in its own field arithmetic).

    >>> from fractions import Fraction
    >>> r = inverse_mod([1, 1], [-2, 0, 1])   # 1/(1 + sqrt(2)) = sqrt(2) - 1
    >>> r is None or r == ([-1, 1], 1)
    True
    """
    flint = flint_module()
    if flint is None:
        return None
    g, s, _ = flint.fmpq_poly([flint.fmpq(int(c.numerator), int(c.denominator)) for c in a]).xgcd(
        flint.fmpq_poly([flint.fmpq(int(c.numerator), int(c.denominator)) for c in p])
    )
    if g != 1:
        raise ZeroDivisionError("the element is not invertible modulo the polynomial")
    coeffs = [int(c) for c in s.numer().coeffs()]
    return coeffs + [0] * (len(p) - 1 - len(coeffs)), int(s.denom())


class IntegerMatrix:
    """An integer matrix for exact products: python-flint's ``fmpz_mat`` when SymPy runs on flint, else rows of ``int``.

    >>> X = IntegerMatrix([[1, 2], [3, 4]])
    >>> (X * X.T).to_rows()
    [[5, 11], [11, 25]]
    >>> IntegerMatrix.hankel([1, 10, 100]).to_rows()
    [[1, 10], [10, 100]]
    """

    __slots__ = ("value", "shape")

    def __init__(self, rows, cols=None, *, value=None):
        self.shape = (len(rows), len(rows[0]) if rows else (cols or 0)) if value is None else value[1]
        if value is not None:
            self.value = value[0]
            return
        flint = flint_module()
        self.value = flint.fmpz_mat(rows) if flint is not None and all(self.shape) else [list(r) for r in rows]

    @classmethod
    def hankel(cls, h):
        """The ``d × d`` matrix ``H[s, t] = h[s + t]`` (``len(h) == 2d - 1``)."""
        d = (len(h) + 1) // 2
        return cls([h[s : s + d] for s in range(d)])

    def _wrap(self, value, shape):
        return IntegerMatrix(None, value=(value, shape))

    def __mul__(self, other):
        shape = (self.shape[0], other.shape[1])
        if isinstance(self.value, list) or isinstance(other.value, list):
            return IntegerMatrix(matmul(self.to_rows(), other.to_rows()), shape[1])
        return self._wrap(self.value * other.value, shape)

    @property
    def T(self):
        shape = self.shape[::-1]
        if isinstance(self.value, list):
            return IntegerMatrix([list(c) for c in zip(*self.value)], shape[1])
        return self._wrap(self.value.transpose(), shape)

    def to_rows(self):
        if isinstance(self.value, list):
            return self.value
        return [[int(a) for a in row] for row in self.value.tolist()]


def domain_product(X, Y):
    """``X * Y`` for ``DomainMatrix`` factors over one field; over ``QQ`` as one integer product.

    >>> from sympy.polys.domains import QQ
    >>> from sympy.polys.matrices import DomainMatrix
    >>> X = DomainMatrix([[QQ(1, 2), QQ(1)]], (1, 2), QQ)
    >>> domain_product(X, X.transpose()).to_Matrix()
    Matrix([[5/4]])
    """
    K = X.domain
    if not K.is_QQ or not all(X.shape + Y.shape):
        return X * Y
    Zx, dx = integer_matrix(X.to_list())
    Zy, dy = integer_matrix(Y.to_list())
    d = dx * dy
    rows = [[K(a, d) for a in row] for row in matmul(Zx, Zy)]
    return DomainMatrix(rows, (X.shape[0], Y.shape[1]), K)
