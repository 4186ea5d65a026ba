"""``method="auto"``: exact when it will finish in reasonable time, else numeric.

The spectrum (characteristic polynomial, its factors and their real roots) is
cheap; the cost of the rest grows with the size ``k`` of the Gram matrix and
with the degree ``d`` of the largest irreducible factor, whose number field
carries every eigenvector computation.  The model below was fitted on this
project's benchmark (``bench/compare_sympy.py``, generic integer matrices,
without accelerators: about 0.7 s at k = 10 and 8 s at k = 20, both with
d = k); matrices whose factors have degree at most 2 cost far less.
"""

DEFAULT_TIMEOUT = 10.0


def estimated_seconds(size, degree):
    """Rough time of the exact SVD for a Gram matrix of *size* whose largest factor has *degree*.

    >>> round(estimated_seconds(20, 20), 1)
    7.9
    """
    return 0.7 * (size / 10) ** 3.5 * max(degree, 1) / max(size, 1)


def choose_method(spec, timeout=None):
    """``("exact" or "numeric", note)`` for a :class:`~exactsvd.core.Spectrum`.

    >>> from sympy import Matrix
    >>> from sympy.polys.domains import QQ
    >>> from sympy.polys.matrices import DomainMatrix
    >>> from exactsvd.core import spectrum
    >>> choose_method(spectrum(DomainMatrix.from_Matrix(Matrix([[3, 0], [4, 5]])).convert_to(QQ)))
    ('exact', 'exact: estimated 0.0 s within the 10 s budget')
    """
    budget = DEFAULT_TIMEOUT if timeout is None else float(timeout)
    size = spec.gram.shape[0]
    degree = max((f.degree() for f, _ in spec.factors), default=1)
    estimate = estimated_seconds(size, degree)
    if estimate <= budget:
        return "exact", f"exact: estimated {estimate:.1f} s within the {budget:g} s budget"
    return "numeric", (
        f"numeric: the exact answer (a {size}×{size} Gram matrix, an irreducible factor of degree {degree}) "
        f"is estimated at {estimate:.0f} s, over the {budget:g} s budget"
    )
