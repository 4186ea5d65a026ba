"""Checking a rounded answer key (``0.447`` for ``1/sqrt(5)``) against a tolerance.

:class:`Tolerance` has the methods of :class:`exactsvd.checking.exact_field.ExactField`,
with numbers evaluated to :data:`DPS` digits and "zero" meaning "at most
``tol`` in absolute value".  It is used only when the caller passes ``tol=``;
the verdict then says to how many digits the answer agrees.
"""

import math

from sympy import Float
from sympy.polys.domains import RealField
from sympy.polys.matrices import DomainMatrix

from .exact_field import Judge

#: Decimal digits of the evaluation.
DPS = 30


class Tolerance(Judge):
    """Approximate tests: an entry is zero when its absolute value is at most *tol*.

    Parameters
    ----------
    tol : SymPy number
        Positive and below 1.

    Examples
    --------
    >>> from sympy import Matrix, Rational, sqrt
    >>> T = Tolerance(Rational(1, 1000))
    >>> M = T.matrix(Matrix([[Rational(447, 1000) - 1 / sqrt(5)], [Rational(1, 100)]]))
    >>> sorted(T.nonzero(M))
    [(1, 0)]
    >>> T.digits([M[0:1, :]])
    3
    """

    exact = False

    def __init__(self, tol):
        self.tol = tol
        self.domain = RealField(dps=DPS)

    def describe(self):
        return f"to the tolerance {self.tol} (numbers evaluated to {DPS} digits)"

    def matrix(self, M):
        rows = [[self.domain.from_sympy(x.evalf(DPS)) for x in M.row(i)] for i in range(M.rows)]
        return DomainMatrix(rows, M.shape, self.domain)

    def nonzero(self, M):
        return {position: x for position, x in M.to_dok().items() if abs(x) > self.tol}

    def sign(self, element):
        return 0 if abs(element) <= self.tol else (1 if element > 0 else -1)

    def value(self, element):
        return Float(element, 6)

    def same(self, x, y):
        return abs((x - y).evalf(DPS)) <= self.tol

    def number_sign(self, x):
        return self.sign(self.domain.from_sympy(x.evalf(DPS)))

    def digits(self, matrices):
        """The number of decimal digits to which every entry of *matrices* is 0 (at most ``DPS - 5``)."""
        worst = max((abs(x) for M in matrices for x in M.to_dok().values()), default=0)
        if worst == 0:
            return DPS - 5
        return max(0, min(DPS - 5, math.floor(-math.log10(worst))))
