"""Certified decimals of an exact SVD: ``SVDResult.evalf(n)``.

Every entry of an exact SVD is ``c / sqrt(q)`` with ``c`` and ``q`` in the
field of one eigenvalue (or of the entries, for kernel vectors), taken at a
real root: ``w_j / sqrt(n)`` and ``(B w)_j / sqrt(theta n)`` for a singular
pair, ``k_j / sqrt(|k|^2)`` for a kernel vector, ``theta / sqrt(theta)`` for a
singular value.  Rational interval enclosures of ``c`` and ``q`` are refined
(with the isolating intervals of the root and of the generator of the field)
until the enclosure of ``c / sqrt(q)`` is narrower than ``10^-(n+1)`` of its
size; its midpoint, rounded to ``n`` digits, is then within one unit of the
``n``-th significant digit.  No floating-point evaluation is trusted.
"""

from math import isqrt

from sympy import Float, ImmutableMatrix, Integer, Rational

from .columns import diagonal, matrix_from_columns


def decimal_factors(decomposition, digits):
    """The full ``U``, ``S``, ``V`` and the singular values with *digits* certified digits."""
    m, n = decomposition.shape
    right = decomposition.spectrum.side == "right"
    u_columns, v_columns, values = [], [], []
    for pair in decomposition.pairs:
        space, field, root = pair.space, pair.space.field, pair.root
        norm = space.norms[pair.index]

        def entry(c, q):
            return _decimal(lambda a: field.enclosure(a, root), lambda: _refine(field, root), c, q, digits)

        gram = [entry(pair.sign * w, norm) for w in space.gram_vectors[pair.index]]
        partner = [entry(pair.sign * b, norm * field.theta) for b in space.partner_vectors[pair.index]]
        v, u = (gram, partner) if right else (partner, gram)
        u_columns.append(u)
        v_columns.append(v)
        values.append(entry(field.theta, field.theta))
    embedding = decomposition.spectrum.embedding
    for kernel, columns in ((decomposition.left_kernel, u_columns), (decomposition.right_kernel, v_columns)):
        for vector, norm in zip(kernel.vectors, kernel.norms):
            columns.append([_decimal(embedding.enclose, embedding.refine, k, norm, digits) for k in vector])
    values += [Integer(0)] * (min(m, n) - len(values))
    return (matrix_from_columns(u_columns, m), diagonal(values, m, n), matrix_from_columns(v_columns, n)), tuple(values)


def _refine(field, root):
    field.roots[root].refine()
    field.embedding.refine()


def _decimal(enclose, refine, c, q, digits):
    """``c / sqrt(q)`` (``q > 0``) as a ``Float`` with *digits* correct significant digits."""
    if not c:
        return Integer(0)
    while True:
        top, bottom = enclose(c), enclose(q)
        if bottom.lo > 0 and top.sign() is not None:
            bits = int(digits * 3.33) + 16
            low_root, high_root = _sqrt_below(bottom.lo, bits), _sqrt_above(bottom.hi, bits)
            ends = [e / r for e in (top.lo, top.hi) for r in (low_root, high_root)]
            lo, hi = min(ends), max(ends)
            if hi - lo <= Rational(1, 10 ** (digits + 1)) * min(abs(lo), abs(hi)):
                return Float((lo + hi) / 2, digits)
        refine()


def _sqrt_below(x, bits):
    """A rational lower bound of ``sqrt(x)`` for a rational ``x > 0``, relatively within ``2^-bits``."""
    shift = bits + max(0, -x.p.bit_length() + x.q.bit_length()) // 2 + 1
    return Rational(isqrt(x.p * 4**shift // x.q), 2**shift)


def _sqrt_above(x, bits):
    """A rational upper bound of ``sqrt(x)``, relatively within ``2^-bits``."""
    shift = bits + max(0, -x.p.bit_length() + x.q.bit_length()) // 2 + 1
    return Rational(isqrt(-(-x.p * 4**shift // x.q)) + 1, 2**shift)


def float_matrix(matrix, digits):
    """Round a matrix of ``Float`` values to *digits* significant digits."""
    return ImmutableMatrix(matrix.rows, matrix.cols, lambda i, j: Float(matrix[i, j], digits))
