r"""Rigorous error bounds for a computed SVD, from exact integer arithmetic.

Every returned number is a dyadic rational (fixed point, ``X * 2**-f``), and
the matrix ``A`` is read exactly (``Problem``), so the defects below are
formed *exactly* with int matrix products; only square roots are taken, as
integer square roots rounded up.  All further arithmetic is on ``Fraction``\ s.
Nothing is rounded in the unsafe direction, so the bound cannot lie.

Derivation.  Let ``U`` (m×m), ``V`` (n×n) and ``S`` (m×n, diagonal
``s_1 >= ... >= s_p >= 0``, p = min(m, n)) be the full factors.

1. ``R = A - U S V^T`` exactly, and ``res = ceil_sqrt(sum r_ij^2) >= ||R||_F >= ||R||_2``.
2. ``eu = ceil_sqrt(||U^T U - I||_F^2) >= ||U^T U - I||_2``, likewise ``ev``.
   Every eigenvalue of ``U^T U`` lies in ``[1 - eu, 1 + eu]``, so (if
   ``eu < 1``) every singular value of ``U`` lies in
   ``[sqrt(1 - eu), sqrt(1 + eu)]``; likewise ``V``.
3. For square ``X`` and any ``Y``: ``sigma_min(X) sigma_i(Y) <= sigma_i(XY) <=
   ||X||_2 sigma_i(Y)`` (and the same on the right).  Hence
   ``s_i sqrt((1-eu)(1-ev)) <= sigma_i(U S V^T) <= s_i sqrt((1+eu)(1+ev))``.
   Since ``1 - sqrt(x) <= 1 - x`` on [0, 1] and ``sqrt(y) - 1 <= (y - 1)/2``
   for y >= 1, and ``eu ev <= eu + ev``, this gives
   ``|sigma_i(U S V^T) - s_i| <= s_i (eu + ev) <= s_1 (eu + ev)``.
4. Weyl: ``|sigma_i(A) - sigma_i(U S V^T)| <= ||R||_2``.  So for every i

       |s_i - sigma_i(A)| <= res + s_1 (eu + ev).

5. Entries evaluated from irrational expressions add the Frobenius distance
   ``delta`` of the evaluated matrix from the true one (Weyl again), to the
   bound and to the residual.

The thin factors have the same product and, being parts of ``U`` and ``V``,
no larger orthogonality defects.  The compact factors drop ``s_{r+1..p}``:
``||A - U_r S_r V_r^T||_2 <= res + s_{r+1} ||U||_2 ||V||_2``, with
``||U||_2 ||V||_2 <= sqrt((1+eu)(1+ev)) <= (1+eu)(1+ev)``.

``rank`` counts the ``s_i`` whose lower bound ``s_i - bound`` is positive, and
``digits`` is the largest ``d <= dps`` with ``bound <= 10**-d * s_1``: every
singular value is guaranteed to ``d`` digits *relative to the largest one*.
"""

from dataclasses import dataclass
from fractions import Fraction

from ..errors import NoConvergence
from .fixedpoint import ceil_sqrt, transpose


@dataclass(frozen=True)
class Certificate:
    """Exact upper bounds (``Fraction``) for the returned factors, with the rank and digits they prove."""

    singular_values: Fraction
    residual: Fraction
    orthogonality_U: Fraction
    orthogonality_V: Fraction
    rank: int
    digits: int


def certify(problem, svd, dps, form, kernel):
    """The :class:`Certificate` of the canonical full SVD *svd* of *problem* (nonempty)."""
    f, p = svd.scale, len(svd.s)
    eu, ev = _defect(svd.u, f, kernel), _defect(svd.v, f, kernel)
    _check_defects(eu, ev)
    scaled = [[x * value for x in col] for col, value in zip(svd.u, svd.s)]
    product = kernel.matmul(transpose(scaled), svd.v[:p])  # U S V^T at scale 3f
    return _assemble(problem, [(problem.numerators, product)], svd, eu, ev, dps, form)


def certify_complex(re, im, svd, dps, form, kernel):
    """The :class:`Certificate` of the canonical full complex SVD *svd* of ``re + i im`` (nonempty).

    The derivation above holds word for word over C with ``^H`` for ``^T``:
    the Frobenius norms sum ``|z|^2 = x^2 + y^2`` over the real and imaginary
    parts, each formed exactly with int products (4 real products for one
    complex one), and Weyl's inequality and the product bounds of step 3 hold
    for complex matrices as they stand.
    """
    f, p = svd.scale, len(svd.s)
    eu = _complex_defect(svd.u_re, svd.u_im, f, kernel)
    ev = _complex_defect(svd.v_re, svd.v_im, f, kernel)
    _check_defects(eu, ev)
    x_re = transpose([[x * value for x in col] for col, value in zip(svd.u_re, svd.s)])
    x_im = transpose([[x * value for x in col] for col, value in zip(svd.u_im, svd.s)])
    v_re, v_im = svd.v_re[:p], svd.v_im[:p]  # (U S) V^H, V^H = conj(V)^T: the rows conj(v_k)
    product_re = _add(kernel.matmul(x_re, v_re), kernel.matmul(x_im, v_im))
    product_im = _add(kernel.matmul(x_im, v_re), kernel.matmul(x_re, v_im), -1)
    parts = [(re.numerators, product_re), (im.numerators, product_im)]
    return _assemble(re, parts, svd, eu, ev, dps, form)


def _check_defects(eu, ev):
    if eu >= 1 or ev >= 1:
        raise NoConvergence(
            f"the singular vectors are far from orthonormal (defects {float(eu):.3g}, {float(ev):.3g}); "
            "retry with a larger dps"
        )


def _assemble(problem, parts, svd, eu, ev, dps, form):
    """The certificate from the defects and *parts*, pairs ``(numerators of A, U S V^H at scale 3f)``.

    *problem* gives the denominator, exponent and evaluation error shared by the parts.
    """
    f, p, e = svd.scale, len(svd.s), problem.exponent
    # A / 2**e - U S V^T = (N / D) 2**-e - P 2**(-3f), times D 2**(3f + down), is an int matrix
    up, down = max(3 * f - e, 0), max(e - 3 * f, 0)
    d = problem.denominator
    total = sum(
        ((a << up) - ((d * b) << down)) ** 2
        for numerators, product in parts
        for arow, brow in zip(numerators, product)
        for a, b in zip(arow, brow)
    )
    scale = Fraction(2) ** e
    res = Fraction(ceil_sqrt(total), d << (3 * f + down)) * scale
    s = [Fraction(x, 1 << f) * scale for x in svd.s]
    top = s[0]
    bound = res + top * (eu + ev) + problem.eval_error
    rank = sum(1 for x in s if x > bound)
    residual = res + problem.eval_error
    if form == "compact" and rank < p:
        residual += s[rank] * (1 + eu) * (1 + ev)
    return Certificate(bound, residual, eu, ev, rank, _digits(bound, top, dps))


def _defect(cols, f, kernel):
    """An upper bound of ``||X^T X - I||_F`` for the columns *cols* of ``X`` at scale *f*."""
    return _defect_bound([kernel.matmul(cols, transpose(cols))], f)


def _complex_defect(re, im, f, kernel):
    """An upper bound of ``||X^H X - I||_F`` for the columns ``re + i im`` of ``X`` at scale *f*."""
    gram_re = _add(kernel.matmul(re, transpose(re)), kernel.matmul(im, transpose(im)))
    gram_im = _add(kernel.matmul(re, transpose(im)), kernel.matmul(im, transpose(re)), -1)
    return _defect_bound([gram_re, gram_im], f)


def _defect_bound(parts, f):
    """``ceil_sqrt`` of the squared Frobenius distance of the Gram matrix (real part first) from ``I``."""
    one = 1 << 2 * f
    total = sum(((one if i == j else 0) - x) ** 2 for i, row in enumerate(parts[0]) for j, x in enumerate(row))
    total += sum(x * x for part in parts[1:] for row in part for x in row)
    return Fraction(ceil_sqrt(total), one)


def _add(x, y, sign=1):
    """``x + sign * y`` for int matrices as lists of rows."""
    return [[a + sign * b for a, b in zip(rx, ry)] for rx, ry in zip(x, y)]


def _digits(bound, top, dps):
    """The largest ``d <= dps`` with ``bound <= 10**-d * top`` (0 if there is none)."""
    if bound == 0:
        return dps
    if bound > top:
        return 0
    whole = int(top / bound)  # >= 1; its number of decimal digits, minus 1, is the answer
    digits = int((whole.bit_length() - 1) * 0.30102999566398120)  # a lower estimate of log10
    while 10 ** (digits + 1) <= whole:
        digits += 1
    return min(dps, digits)
