"""Assemble an exact :class:`SVDResult` from an :class:`ExactDecomposition`."""

from sympy import Integer

from .certificate import certify
from .columns import diagonal, kernel_columns, matrix_from_columns, pair_columns
from .svdresult import SVDResult


def exact_result(matrix, decomposition, form):
    """The exact :class:`SVDResult` of *matrix* (SymPy) with the data *decomposition*."""
    m, n = decomposition.shape
    values = tuple(pair.space.field.singular_value(pair.root)[0] for pair in decomposition.pairs)
    values += (Integer(0),) * (min(m, n) - len(values))
    return SVDResult(
        matrix,
        lambda: full_factors(decomposition, values),
        values,
        decomposition.rank,
        form,
        lambda: certify(decomposition),
        decomposition=decomposition,
    )


def full_factors(decomposition, values):
    """The full ``U`` (m×m), ``S`` (m×n), ``V`` (n×n) as SymPy matrices."""
    m, n = decomposition.shape
    domain = decomposition.matrix.domain
    u_columns, v_columns = [], []
    right = decomposition.spectrum.side == "right"
    for pair in decomposition.pairs:
        gram, partner = pair_columns(pair)
        v, u = (gram, partner) if right else (partner, gram)
        u_columns.append(u)
        v_columns.append(v)
    u_columns += kernel_columns(decomposition.left_kernel, domain)
    v_columns += kernel_columns(decomposition.right_kernel, domain)
    return matrix_from_columns(u_columns, m), diagonal(values, m, n), matrix_from_columns(v_columns, n)
