"""The mpmath engine: Golub–Kahan–Reinsch SVD by ``svd_r`` in a private context.

Precision is scoped: each call makes its own ``mpmath.MPContext`` and sets its
precision there, so ``mpmath.mp`` (the user's global context) is never touched,
not even for a moment, and concurrent calls do not interfere.
"""

import mpmath
from mpmath import libmp

from ..errors import NoConvergence
from .fixedpoint import FixedSVD, from_mpf


def svd_fixed(rows, scale, f):
    """Full SVD of the int matrix ``rows * 2**-scale`` by ``svd_r`` at *f* bits.

    Returns ``(u, s, v)`` at scale *f*: the left singular vectors as m columns,
    the ``min(m, n)`` singular values (descending) and the right singular
    vectors as n columns.

    >>> u, s, v = svd_fixed([[3, 0], [4, 5]], 0, 60)
    >>> [round(int(x) / 2**60, 12) for x in s]  # int(): with gmpy2 installed, mpmath's integers are mpz
    [6.708203932499, 2.2360679775]
    """
    ctx = mpmath.MPContext()
    ctx.prec = f
    m, n = len(rows), len(rows[0])
    a = ctx.matrix(m, n)
    for i, row in enumerate(rows):
        for j, x in enumerate(row):
            if x:
                a[i, j] = ctx.make_mpf(libmp.from_man_exp(x, -scale))
    try:
        U, S, Vt = ctx.svd_r(a, full_matrices=True)
    except RuntimeError as exc:  # mpmath's only signal for a QR sweep that does not converge
        raise NoConvergence(
            f"mpmath's svd_r did not converge ({exc}; at most {3 * ctx.dps} QR iterations per singular "
            f"value at {ctx.dps} digits); retry with a larger dps, or use the exact method"
        ) from exc
    u = [[from_mpf(U[i, j], f) for i in range(m)] for j in range(m)]
    s = [from_mpf(S[k], f) for k in range(min(m, n))]
    v = [[from_mpf(Vt[k, j], f) for j in range(n)] for k in range(n)]
    return u, s, v


def mpmath_svd(problem, f):
    """The full SVD of the normalised problem matrix, computed and returned at *f* bits."""
    return FixedSVD(*svd_fixed(problem.fixed(f), f, f), f)
