"""Assemble an exact :class:`SVDResult` of a complex matrix (``A = U S V^H``)."""

from sympy import I, Integer

from .columns import diagonal, matrix_from_columns
from .complex_certificate import certify_unitary
from .complex_columns import complex_kernel_columns, complex_pair_columns
from .decimals import _decimal, _refine
from .exact import singular_value_list
from .forms import cut
from .svdresult import SVDResult


def complex_exact_result(matrix, decomposition, form):
    """The exact :class:`SVDResult` of a complex *matrix* (SymPy) with the data *decomposition*."""
    values = singular_value_list(decomposition.spectrum, min(decomposition.shape))
    return SVDResult(
        matrix,
        lambda: cut(*_full_factors(decomposition, values), form, decomposition.rank),
        values,
        decomposition.rank,
        form,
        lambda: certify_unitary(decomposition),
        "exact",
        lambda digits: _decimal_factors(decomposition, digits),
        decomposition=decomposition,
        is_complex=True,
    )


def _full_factors(decomposition, values):
    """The full ``U`` (m×m), ``S`` (m×n), ``V`` (n×n) as SymPy matrices."""
    m, n = decomposition.shape
    domain = decomposition.matrix.domain
    columns = [complex_pair_columns(pair) for pair in decomposition.pairs]
    u_columns, v_columns = _sides(columns, decomposition.spectrum.side)
    u_columns += complex_kernel_columns(decomposition.left_kernel, domain)
    v_columns += complex_kernel_columns(decomposition.right_kernel, domain)
    return matrix_from_columns(u_columns, m), diagonal(values, m, n), matrix_from_columns(v_columns, n)


def _sides(columns, side):
    """``(u_columns, v_columns)`` from ``(gram, partner)`` columns of the Gram matrix *side*."""
    if side == "right":
        return [p for _, p in columns], [g for g, _ in columns]
    return [g for g, _ in columns], [p for _, p in columns]


def _decimal_factors(decomposition, digits):
    """The full ``U``, ``S``, ``V`` and the singular values with *digits* certified digits in each part."""
    m, n = decomposition.shape
    columns, values = [], []
    for pair in decomposition.pairs:
        space, field, root = pair.space, pair.space.field, pair.root
        norm = space.norms[pair.index]
        enclose, refine = (lambda a: field.enclosure(a, root)), (lambda: _refine(field, root))
        gram = [_complex_decimal(enclose, refine, c, norm, digits) for c in space.gram_vectors[pair.index]]
        partner = [_complex_decimal(enclose, refine, c, norm * field.theta, digits) for c in space.partner_vectors[pair.index]]
        columns.append((gram, partner))
        values.append(_decimal(enclose, refine, field.theta, field.theta, digits))
    u_columns, v_columns = _sides(columns, decomposition.spectrum.side)
    embedding = decomposition.spectrum.embedding
    for kernel, target in ((decomposition.left_kernel, u_columns), (decomposition.right_kernel, v_columns)):
        for vector, norm in zip(kernel.vectors, kernel.norms):
            target.append([_complex_decimal(embedding.enclose, embedding.refine, c, norm, digits) for c in vector])
    values += [Integer(0)] * (min(m, n) - len(values))
    return (matrix_from_columns(u_columns, m), diagonal(values, m, n), matrix_from_columns(v_columns, n)), tuple(values)


def _complex_decimal(enclose, refine, c, q, digits):
    """``c / sqrt(q)`` for ``c`` in ``L(i)``: each part correct to *digits* significant digits."""
    return _decimal(enclose, refine, c.re, q, digits) + I * _decimal(enclose, refine, c.im, q, digits)
