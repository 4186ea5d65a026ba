"""Fixed-point integer arithmetic: the one number format of the numeric path.

A real number ``x`` is held as a Python ``int`` ``X`` with ``x = X * 2**-f`` for
a *scale* ``f`` that the caller keeps beside it.  Matrices are lists of rows of
ints; an SVD keeps its singular vectors as lists of *columns*.  Every product is
exact, so rounding happens only where a function here says so (``rescale``,
``rdiv``), and a bound computed from these integers cannot be spoiled by
rounding.  An ``mpf`` is exactly ``man * 2**exp``, so the conversions to and
from mpmath are exact or rounded to nearest, as documented.
"""

from dataclasses import dataclass
from math import isqrt
from operator import mul

import mpmath
from mpmath import libmp


def rescale(x, frm, to):
    """``x * 2**(to - frm)`` rounded to the nearest int (halves up).

    >>> rescale(5, 2, 0), rescale(-5, 2, 0), rescale(3, 0, 4)
    (1, -1, 48)
    """
    if to >= frm:
        return x << (to - frm)
    k = frm - to
    return (x + (1 << (k - 1))) >> k


def rdiv(a, b):
    """``a / b`` rounded to the nearest int (halves up), for ``b != 0``.

    >>> rdiv(7, 2), rdiv(-7, 2), rdiv(7, -3)
    (4, -3, -2)
    """
    if b < 0:
        a, b = -a, -b
    return (2 * a + b) // (2 * b)


def ceil_sqrt(n):
    """The least int ``r`` with ``r * r >= n``, for an int ``n >= 0``.

    >>> ceil_sqrt(0), ceil_sqrt(16), ceil_sqrt(17)
    (0, 4, 5)
    """
    return 0 if n == 0 else isqrt(n - 1) + 1


def dot(x, y):
    """The exact dot product of two int vectors."""
    return sum(map(mul, x, y))


def transpose(rows):
    """The transpose of a non-empty list of rows."""
    return [list(column) for column in zip(*rows)]


def from_mpf(x, f):
    """The mpf *x* at scale *f*, rounded to nearest."""
    sign, man, exp, _ = x._mpf_
    value = rescale(man, -exp, f)
    return -value if sign else value


def to_mpf(x, f):
    """The exact mpf ``x * 2**-f`` of the global context (no rounding to ``mp.prec``)."""
    return mpmath.mp.make_mpf(libmp.from_man_exp(x, -f))


def fraction_up(q):
    """A 53-bit mpf that is ``>= q``, for a ``Fraction`` *q*.

    >>> from fractions import Fraction
    >>> fraction_up(Fraction(1, 3))
    mpf('0.33333333333333337')
    >>> [int(k) for k in fraction_up(Fraction(1, 3)).man_exp]   # 3002399751580331 / 2**53 > 1/3
    [3002399751580331, -53]
    """
    return mpmath.mp.make_mpf(libmp.from_rational(q.numerator, q.denominator, 53, libmp.round_ceiling))


class Kernel:
    """Exact products of int matrices, by python-flint's ``fmpz_mat`` when allowed and installed.

    Both ways give the same integers; flint is only faster.

    >>> Kernel(use_flint=False).matmul([[1, 2], [3, 4]], [[5], [6]])
    [[17], [39]]
    """

    def __init__(self, use_flint):
        self.flint = None
        if use_flint:
            try:
                import flint
            except ImportError:
                pass
            else:
                self.flint = flint

    def matmul(self, x, y):
        """``x @ y`` for int matrices as lists of rows (inner dimension at least 1)."""
        if self.flint is not None:  # int() first: mpmath's mantissas are gmpy2's mpz when gmpy2 is installed
            product = self.flint.fmpz_mat([[int(v) for v in row] for row in x]) * self.flint.fmpz_mat(
                [[int(v) for v in row] for row in y]
            )
            return [[int(v) for v in row] for row in product.tolist()]
        columns = list(zip(*y))
        return [[sum(map(mul, row, column)) for column in columns] for row in x]


@dataclass(frozen=True)
class FixedSVD:
    """A full SVD ``U diag(s) V^T`` in fixed point at scale ``scale``.

    ``u`` holds the m columns of ``U`` (each of length m), ``v`` the n columns of
    ``V``, ``s`` the ``min(m, n)`` singular values.  The numeric path keeps it for
    the normalised matrix ``A / 2**exponent`` (see ``Problem``).
    """

    u: list
    s: list
    v: list
    scale: int
