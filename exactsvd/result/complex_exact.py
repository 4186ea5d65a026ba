"""Assemble an exact :class:`SVDResult` of a complex matrix (``A = U S V^H``)."""

from sympy import I

from .columns import diagonal, matrix_from_columns
from .complex_certificate import certify_unitary
from .complex_columns import complex_kernel_columns, complex_pair_columns
from .decimals import _decimal, decimal_factors
from .exact import singular_value_list
from .forms import cut
from .svdresult import SVDResult


def complex_exact_result(matrix, decomposition, form, values=None):
    """The exact :class:`SVDResult` of a complex *matrix* (SymPy) with the data *decomposition*.

    *values*: the :func:`~.exact.singular_value_list` when already built (by a worker process).
    """
    if values is None:
        values = singular_value_list(decomposition.spectrum, min(decomposition.shape))
    return SVDResult(
        matrix,
        lambda: cut(*_full_factors(decomposition, values), form, decomposition.rank),
        values,
        decomposition.rank,
        form,
        lambda: certify_unitary(decomposition),
        "exact",
        lambda digits: decimal_factors(decomposition, digits, entry=_complex_decimal),
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


def _complex_decimal(evaluate, c, root, digits):
    """``c / sqrt(q)`` for ``c`` in ``L(i)`` (*root* encloses ``sqrt(q)``): each part correct to *digits* digits."""
    return _decimal(evaluate, c.re, root, digits) + I * _decimal(evaluate, c.im, root, digits)
