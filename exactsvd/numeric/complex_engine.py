r"""The complex engine: mpmath's ``svd_c`` and the canonical form of rule 8, in a private context.

``svd_c`` (Householder bidiagonalisation and QR sweeps over ``mpc``) runs at
*f* bits in its own ``mpmath.MPContext``, so ``mpmath.mp`` is never touched.
The canonical form is then chosen at ``2f`` bits, as :mod:`.canonical` does
for real matrices, with the Hermitian inner product:

- *tie* and *noise* as there: values within ``10**-dps * s_1`` are repeated
  (those within it of 0 are 0), and an entry of a unit vector at most
  ``2**(-f/2)`` in size counts as zero;
- inside a repeated value (on the side of the Gram matrix the hand method
  uses, the partner columns turning with it) and in each kernel, the basis
  ``W = X Q`` whose rows at the free columns are upper triangular with a real
  positive diagonal: with ``r_i`` the conjugate of row ``i`` of ``X``, the
  free rows are found from the last upwards and Hermitian Gram–Schmidt (twice)
  of their ``r_i`` gives the columns ``q_k`` of ``Q`` (row ``i`` of ``X q_k``
  is ``r_i^H q_k``, which is the positive norm of the residual at the free
  row of ``q_k`` and 0 at the free rows before it);
- the phase rule: every ``v_i`` is multiplied by the unit number that makes
  its first entry above noise real and positive, its ``u_i`` (for
  ``s_i > 0``) by the same number, and each unpaired ``u_i`` by its own.

Nothing here needs to be exact: the certificate (:mod:`.complex_certify`) is
formed afterwards, exactly, from the rounded columns that are returned.
"""

from dataclasses import dataclass

import mpmath
from mpmath import libmp

from ..errors import NoConvergence
from .canonical import repeated
from .fixedpoint import from_mpf


@dataclass(frozen=True)
class ComplexFixedSVD:
    """A full SVD ``U diag(s) V^H`` in fixed point at scale ``scale``.

    ``u_re``, ``u_im`` hold the real and imaginary parts of the m columns of
    ``U``; ``v_re``, ``v_im`` those of the n columns of ``V`` (not ``V^H``);
    ``s`` the ``min(m, n)`` singular values, descending and canonical.
    """

    u_re: list
    u_im: list
    s: list
    v_re: list
    v_im: list
    scale: int


def complex_svd(re, im, f, dps):
    """The canonical full SVD of the normalised matrix ``(re + i im) / 2**exponent`` (two ``Problem``\\ s).

    >>> from exactsvd.numeric.convert import to_complex_problem
    >>> from sympy import Matrix, I
    >>> svd = complex_svd(*to_complex_problem(Matrix([[1, I], [I, 1]]), 30), 80, 20)
    >>> [round(x / 2**80, 12) for x in svd.s]      # sqrt(2) twice, for A / 2
    [0.707106781187, 0.707106781187]
    >>> svd.v_re[0][0] == 1 << 80, svd.v_im[0][0]  # v_1 = e_1 (rule 5, then the phase rule)
    (True, 0)
    """
    ctx = mpmath.MPContext()
    ctx.prec = f
    m, n = re.shape
    a = ctx.matrix(m, n)
    for i, (row_re, row_im) in enumerate(zip(re.fixed(f), im.fixed(f))):
        for j, (x, y) in enumerate(zip(row_re, row_im)):
            a[i, j] = ctx.mpc(_mpf(ctx, x, f), _mpf(ctx, y, f))
    try:
        U, S, Vh = ctx.svd_c(a, full_matrices=True)
    except RuntimeError as exc:  # mpmath's only signal for a QR sweep that does not converge
        raise NoConvergence(
            f"mpmath's svd_c did not converge ({exc}); retry with a larger dps, or use the exact method"
        ) from exc
    ctx.prec = 2 * f
    u = [[ctx.mpc(U[i, j]) for i in range(m)] for j in range(m)]
    v = [[ctx.conj(Vh[k, j]) for j in range(n)] for k in range(n)]
    s = [ctx.mpf(S[k]) for k in range(min(m, n))]
    s, u, v = _canonical(ctx, s, u, v, dps, f)
    parts = [[[_fixed(getattr(x, part), f) for x in col] for col in side] for side in (u, v) for part in ("real", "imag")]
    return ComplexFixedSVD(parts[0], parts[1], [_fixed(x, f) for x in s], parts[2], parts[3], f)


def _fixed(x, f):
    """The mpf *x* at scale *f* as a Python int (mpmath's mantissas are gmpy2's mpz when gmpy2 is installed)."""
    return int(from_mpf(x, f))


def _mpf(ctx, x, f):
    return ctx.make_mpf(libmp.from_man_exp(x, -f))


def _canonical(ctx, s, u, v, dps, f):
    """``(s, u, v)`` in the canonical form of the module docstring."""
    m, n = len(u), len(v)
    order = sorted(range(len(s)), key=lambda k: -s[k])
    tie = max(s, default=0) * ctx.mpf(10) ** -dps
    s = [s[k] if s[k] > tie else ctx.zero for k in order]
    u = [u[k] for k in order] + u[len(order) :]
    v = [v[k] for k in order] + v[len(order) :]
    rank, noise = sum(1 for x in s if x), ctx.ldexp(1, -(f // 2))
    lead, partner = (v, u) if m >= n else (u, v)
    for group in repeated(s[:rank], tie):
        rotation = _rotation(ctx, [lead[k] for k in group], noise)
        for side in (lead, partner):
            _turn(ctx, side, group, rotation)
    for side in (u, v):
        if len(side) - rank > 1:
            _turn(ctx, side, list(range(rank, len(side))), _rotation(ctx, side[rank:], noise))
    for k in range(n):
        phase = _phase(ctx, v[k], noise)
        v[k] = [phase * x for x in v[k]]
        if k < rank:
            u[k] = [phase * x for x in u[k]]
    for k in range(rank, m):
        phase = _phase(ctx, u[k], noise)
        u[k] = [phase * x for x in u[k]]
    return s, u, v


def _rotation(ctx, cols, noise):
    """The columns ``q_k`` of the unitary ``Q`` that turns the orthonormal *cols* into their canonical basis."""
    d = len(cols)
    rows = [[ctx.conj(col[i]) for col in cols] for i in range(len(cols[0]))]
    found = []
    for row in reversed(rows):
        residual = row
        for _ in range(2 if found else 0):
            for q in found:
                c = ctx.fsum(ctx.conj(a) * b for a, b in zip(q, residual))
                residual = [b - c * a for a, b in zip(q, residual)]
        norm = ctx.sqrt(ctx.fsum(abs(x) ** 2 for x in residual))
        if norm > noise:
            found.append([x / norm for x in residual])
            if len(found) == d:
                return found[::-1]
    raise NoConvergence(
        "the computed singular vectors are not orthonormal enough to choose a canonical basis; "
        "retry with a larger dps"
    )


def _turn(ctx, side, indices, rotation):
    """Replace the columns ``side[indices]`` (a matrix ``X``) by those of ``X Q``."""
    old = [side[k] for k in indices]
    for k, q in zip(indices, rotation):
        side[k] = [ctx.fsum(col[i] * c for col, c in zip(old, q)) for i in range(len(old[0]))]


def _phase(ctx, x, noise):
    """The unit number that makes the first entry of *x* above *noise* real and positive (1 if none is)."""
    first = next((e for e in x if abs(e) > noise), None)
    return ctx.mpf(1) if first is None else ctx.conj(first) / abs(first)
