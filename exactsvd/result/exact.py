"""Assemble an exact :class:`SVDResult` from an :class:`ExactDecomposition`."""

from sympy import Integer

from .certificate import certify
from .decimals import decimal_factors
from .columns import diagonal, kernel_columns, matrix_from_columns, pair_columns
from .svdresult import SVDResult


def exact_result(matrix, decomposition, form):
    """The exact :class:`SVDResult` of *matrix* (SymPy) with the data *decomposition*."""
    values = singular_value_list(decomposition.spectrum, min(decomposition.shape))
    return SVDResult(
        matrix,
        lambda: full_factors(decomposition, values),
        values,
        decomposition.rank,
        form,
        lambda: certify(decomposition),
        "exact",
        lambda digits: decimal_factors(decomposition, digits),
        decomposition=decomposition,
    )


def singular_value_list(spectrum, count):
    """The *count* singular values of a :class:`Spectrum`, descending, zeros last."""
    values = [e.field.singular_value(e.root) for e in spectrum.eigenvalues for _ in range(e.multiplicity)]
    return tuple(values) + (Integer(0),) * (count - len(values))


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
