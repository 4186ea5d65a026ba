"""``method="auto"``: exact when it will finish in reasonable time, else numeric.

The spectrum (characteristic polynomial, its factors and their real roots) is
computed first; the cost of the rest grows with the size ``k`` of the Gram
matrix, the degree ``d`` of the largest irreducible factor (whose number field
carries every eigenvector computation), the degree of the field of the entries
and their size: :func:`exactsvd.budget.estimated_seconds`.
"""

from .budget import estimated_seconds


def choose_method(spec, budget, cost):
    """``("exact" or "numeric", note)`` for a :class:`~exactsvd.core.Spectrum` and a budget in seconds.

    *cost* is the :class:`~exactsvd.budget.Cost` of the matrix.

    >>> from sympy import Matrix
    >>> from sympy.polys.domains import QQ
    >>> from sympy.polys.matrices import DomainMatrix
    >>> from exactsvd.budget import estimate
    >>> from exactsvd.core import spectrum
    >>> A = Matrix([[3, 0], [4, 5]])
    >>> choose_method(spectrum(DomainMatrix.from_Matrix(A).convert_to(QQ)), 10, estimate(A))
    ('exact', 'exact: estimated 0.0 s within the 10 s budget')
    """
    size = spec.gram.shape[0]
    degree = max((f.degree() for f, _ in spec.factors), default=1)
    estimate = estimated_seconds(size, cost.bits, cost.field_degree, degree)
    if estimate <= budget:
        return "exact", f"exact: estimated {estimate:.1f} s within the {budget:g} s budget"
    return "numeric", (
        f"numeric: the exact answer (a {size}×{size} Gram matrix, an irreducible factor of degree {degree}) "
        f"is estimated at {estimate:.0f} s, over the {budget:g} s budget"
    )
