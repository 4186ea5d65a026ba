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


class RationalSum:
    """A sum of rational matrices ``Z_t / D_t``, compared with a target exactly at the end."""

    def __init__(self, rows, cols):
        self.shape = (rows, cols)
        self.terms = []

    def add(self, Z, D):
        if Z:
            self.terms.append((Z, D))

    def equals(self, target):
        """Whether the sum is the rational matrix *target* (``(Z, D)``), by one common denominator."""
        T, E = target
        common = lcm(E, *(D for _, D in self.terms))
        rows, cols = self.shape
        total = [[a * (common // E) for a in row] for row in T] if rows else []
        for Z, D in self.terms:
            scale = common // D
            for total_row, row in zip(total, Z):
                for j, a in enumerate(row):
                    if a:
                        total_row[j] -= a * scale
        return all(not a for row in total for a in row)


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
