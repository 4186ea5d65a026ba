"""Certified decimals of an exact SVD: ``SVDResult.evalf(n)``.

Every entry of an exact SVD is ``c / sqrt(q)`` with ``c`` and ``q`` in the
field of one eigenvalue (or of the entries, for kernel vectors), taken at a
real root: ``w_j / sqrt(n)`` and ``(B w)_j / sqrt(theta n)`` for a singular
pair, ``k_j / sqrt(|k|^2)`` for a kernel vector, ``theta / sqrt(theta)`` for a
singular value.  ``c`` and ``q`` are enclosed by rigorous interval arithmetic
(mpmath's ``iv`` context, outward rounding) from the isolating intervals of the
root and of the generator of the field of the entries, refined to the working
precision; the precision doubles until the enclosure of ``c / sqrt(q)`` is
narrower than ``10^-(n+1)`` of its size.  Its midpoint, rounded to ``n``
digits, is then within one unit of the ``n``-th significant digit.  No
floating-point evaluation is trusted.
"""

from contextlib import contextmanager
from fractions import Fraction

from mpmath import iv, mp
from mpmath.libmp import from_rational, mpf_add, mpf_shift, round_ceiling, round_floor
from sympy import Float, I, ImmutableMatrix, Integer, Rational
from sympy.polys.domains import QQ

from .columns import diagonal, matrix_from_columns

#: Guard bits added to the precision that ``n`` digits need.
_GUARD_BITS = 32


def decimal_factors(decomposition, digits, entry=None):
    """The full ``U``, ``S``, ``V`` and the singular values with *digits* certified digits.

    *entry* ``(evaluate, c, root, digits)`` gives one entry ``c / sqrt(q)``
    (default :func:`_decimal`; the unitary SVD passes one that certifies the
    real and imaginary parts of a complex ``c``).
    """
    entry = entry or _decimal
    m, n = decomposition.shape
    right = decomposition.spectrum.side == "right"
    embedding = decomposition.spectrum.embedding
    u_columns, v_columns, values = [], [], []
    with _saved_precision():
        for pair in decomposition.pairs:
            space, field, root = pair.space, pair.space.field, pair.root
            norm = space.norms[pair.index]
            at_root = _RootEvaluator(field, root)
            gram_norm, partner_norm = _square_root(at_root, norm), _square_root(at_root, norm * field.theta)
            signed = (lambda c: c) if pair.sign > 0 else (lambda c: -c)
            gram = [entry(at_root, signed(w), gram_norm, digits) for w in space.gram_vectors[pair.index]]
            partner = [entry(at_root, signed(b), partner_norm, digits) for b in space.partner_vectors[pair.index]]
            v, u = (gram, partner) if right else (partner, gram)
            u_columns.append(u)
            v_columns.append(v)
            values.append(_decimal(at_root, field.theta, _square_root(at_root, field.theta), digits))
        in_base = _BaseEvaluator(embedding)
        for kernel, columns in ((decomposition.left_kernel, u_columns), (decomposition.right_kernel, v_columns)):
            for vector, norm in zip(kernel.vectors, kernel.norms):
                length = _square_root(in_base, norm)
                columns.append([entry(in_base, k, length, digits) for k in vector])
    values += [Integer(0)] * (min(m, n) - len(values))
    return (matrix_from_columns(u_columns, m), diagonal(values, m, n), matrix_from_columns(v_columns, n)), tuple(values)


def eigenvalue_decimal(field, root, digits, square_root=False):
    """The eigenvalue ``theta`` at root number *root* of *field* (``sqrt(theta)``: *square_root*) as a ``Float``
    with *digits* certified digits.

    Enclosed like the entries (interval Newton from the isolating interval), so
    it costs about what the digits need, also for the tiny roots of
    ill-conditioned matrices (SymPy's own ``CRootOf`` evaluation crawls there).

    >>> import exactsvd
    >>> pair = exactsvd.svd([[1, 1, 0], [0, 1, 1], [0, 0, 1]]).decomposition.pairs[0]
    >>> eigenvalue_decimal(pair.space.field, pair.root, 12), eigenvalue_decimal(pair.space.field, pair.root, 12, True)
    (3.24697960372, 1.80193773580)
    """
    at_root = _RootEvaluator(field, root)
    with _saved_precision():
        bottom = _square_root(at_root, field.theta) if square_root else (lambda bits: iv.mpf(1))
        return _decimal(at_root, field.theta, bottom, digits)


@contextmanager
def _saved_precision():
    """Restore the working precision of mpmath's interval context afterwards."""
    previous = iv.prec
    try:
        yield
    finally:
        iv.prec = previous


def _square_root(evaluate, q):
    """``bits -> `` an enclosure of ``sqrt(q)`` (``None`` while it holds 0), computed once per precision."""
    enclosures = {}

    def at(bits):
        if bits not in enclosures:
            bottom = evaluate(q, bits)
            enclosures[bits] = iv.sqrt(bottom) if _ends(bottom)[0] > 0 else None
        return enclosures[bits]

    return at


def _decimal(evaluate, c, root, digits):
    """``c / sqrt(q)`` (``q > 0``) as a ``Float`` with *digits* correct significant digits.

    ``evaluate(a, bits)`` encloses the field element ``a`` at about *bits* bits,
    ``root(bits)`` encloses ``sqrt(q)`` (:func:`_square_root`).
    """
    if not c:
        return Integer(0)
    bits = int(digits * 3.33) + _GUARD_BITS
    while True:
        iv.prec = bits
        bottom = root(bits)
        if bottom is not None:
            lo, hi = _ends(evaluate(c, bits) / bottom)
            if (lo > 0 or hi < 0) and (hi - lo) * 10 ** (digits + 1) <= min(abs(lo), abs(hi)):
                mid = (lo + hi) / 2
                return Float(Rational(mid.numerator, mid.denominator), digits)
        bits *= 2


def _ends(x):
    """The end points of an ``iv`` interval as exact fractions."""
    return tuple(_fraction(end) for end in x._mpi_)


def _fraction(mpf_tuple):
    sign, man, exp, _ = mpf_tuple
    value = Fraction(int(man)) * Fraction(2) ** exp
    return -value if sign else value


def _rational(a):
    """An ``iv`` interval holding the rational number *a* (an element of ``QQ``)."""
    return _fraction_interval(int(QQ.numer(a)), int(QQ.denom(a)))


def _fraction_interval(p, q):
    """An ``iv`` interval holding ``p / q``, rounded outwards at the working precision."""
    return iv.make_mpf((from_rational(p, q, iv.prec, round_floor), from_rational(p, q, iv.prec, round_ceiling)))


def _root_interval(root, bits):
    """An ``iv`` interval holding a :class:`~exactsvd.core.embedding.RealRoot`, about *bits* bits narrow.

    Interval Newton steps ``X := X ∩ (m - p(m)/p'(X))`` (``m`` the midpoint of
    ``X``) keep the root and converge quadratically once ``p'`` has no zero on
    ``X``; until then, or when a step does not halve ``X``, the isolating
    interval is refined exactly.  They run with guard bits and the bits of the
    largest coefficient (``p(m)`` cancels that much), so that rounding does not
    stop them short.
    """
    coeffs = [Rational(c) for c in reversed(root.poly.all_coeffs())]
    size = max(max(int(c.p).bit_length(), int(c.q).bit_length()) for c in coeffs)
    working, iv.prec = iv.prec, bits + _GUARD_BITS + size
    try:
        p = [_fraction_interval(int(c.p), int(c.q)) for c in coeffs]
        slope_coeffs = [k * c for k, c in enumerate(p)][1:]
        x = _isolating(root)
        for _ in range(4 * bits):
            lo, hi = (mp.make_mpf(end) for end in x._mpi_)
            if lo == hi or (hi - lo) * 2**bits <= max(abs(lo), abs(hi)):
                return x
            slope = _horner(slope_coeffs, x)
            if 0 in slope:
                root.refine()
                x = _isolating(root)
                continue
            middle = mpf_shift(mpf_add(*x._mpi_), -1)  # exact: no precision given
            mid = iv.make_mpf((middle, middle))
            new_lo, new_hi = (mp.make_mpf(end) for end in (mid - _horner(p, mid) / slope)._mpi_)
            new_lo, new_hi = max(lo, new_lo), min(hi, new_hi)
            if (new_hi - new_lo) * 2 > hi - lo:  # the step stalls: refine exactly instead
                root.refine()
                x = _isolating(root)
                continue
            x = iv.make_mpf((new_lo._mpf_, new_hi._mpf_))
        raise ArithmeticError(f"the root of {root.poly} in [{root.lo}, {root.hi}] does not refine")
    finally:
        iv.prec = working


def _isolating(root):
    """The isolating interval of *root*, rounded outwards."""
    return iv.make_mpf((_fraction_interval(int(root.lo.p), int(root.lo.q))._mpi_[0],
                        _fraction_interval(int(root.hi.p), int(root.hi.q))._mpi_[1]))


def _horner(coeffs, x, enclose=None):
    """Enclosure of ``sum coeffs[k] x^k`` (lowest first); *enclose* maps a coefficient to an interval."""
    total = iv.mpf(0)
    for c in reversed(coeffs):
        total = total * x + (enclose(c) if enclose else c)
    return total


class _BaseEvaluator:
    """Enclosures of elements of the field ``K`` of the entries (``QQ`` or ``QQ<alpha>``)."""

    def __init__(self, embedding):
        self.embedding = embedding
        self._alpha = {}

    def __call__(self, a, bits):
        if self.embedding.alpha is None:
            return _rational(a)
        if bits not in self._alpha:
            self._alpha[bits] = _root_interval(self.embedding.alpha, bits)
        return _horner(a.to_list()[::-1], self._alpha[bits], _rational)


class _RootEvaluator:
    """Enclosures of elements of an eigen-field ``L = K[x]/(p)`` at one of its real roots."""

    def __init__(self, field, root):
        self.field, self.root = field, root
        self.base = _BaseEvaluator(field.embedding)
        self._theta = {}

    def __call__(self, a, bits):
        if bits not in self._theta:
            self._theta[bits] = _root_interval(self.field.roots[self.root], bits)
        return _horner(self.field.coefficients(a), self._theta[bits], lambda c: self.base(c, bits))


def float_matrix(matrix, digits):
    """Round a matrix of ``Float`` values (or ``Float + Float*I``) to *digits* significant digits (each part)."""
    return ImmutableMatrix(matrix.rows, matrix.cols, lambda i, j: _round(matrix[i, j], digits))


def _round(value, digits):
    if value.is_Float:
        return Float(value, digits)
    real, imaginary = value.as_real_imag()
    return Float(real, digits) + I * Float(imaginary, digits) if real else I * Float(imaginary, digits)
