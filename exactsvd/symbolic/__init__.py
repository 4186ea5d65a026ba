"""The exact SVD of matrices with parameters (issue 15).

For a matrix whose entries are polynomials or rational functions of real
parameters (SymPy symbols with their assumptions) over ``QQ`` or a real
algebraic field ``K``, and ``sin t``, ``cos t`` of a real symbol ``t``:

1. :mod:`~exactsvd.symbolic.field`: ``F = K(x, ...)`` and the matrix as a
   ``DomainMatrix`` over it (``tau = tan(t/2)`` for an angle);
2. :mod:`~exactsvd.symbolic.spectrum`: the smaller Gram matrix over ``F``,
   its characteristic polynomial factored over ``K[x, ..., lambda]``, the
   eigenvalues per factor (degree 1: a rational function; degree 2:
   ``c +- R``, ``R = sqrt(disc)/(2|a|)`` with the square part pulled out,
   :mod:`~exactsvd.symbolic.radicals`; degree 3 or more:
   :class:`~exactsvd.errors.SymbolicLimitError`), ordered where the
   assumptions decide (:mod:`~exactsvd.symbolic.signs`);
3. :mod:`~exactsvd.symbolic.vectors`: eigenvectors once per factor (RREF
   over ``F``, or over ``F[theta]/(f)`` for a quadratic factor), Gram–Schmidt,
   the kernels;
4. :mod:`~exactsvd.symbolic.decomposition`: :class:`SymbolicDecomposition`,
   every entry an element of a :class:`~exactsvd.symbolic.tower.Tower` of
   square roots over ``F``; :mod:`~exactsvd.symbolic.conditions` the
   conditions; :mod:`~exactsvd.symbolic.verify` the proofs;
5. :mod:`~exactsvd.symbolic.result`: :class:`SymbolicSVDResult`,
   :class:`SingularValueCases` (:mod:`~exactsvd.symbolic.cases`).

Worked solutions may read the steps from ``SymbolicDecomposition``:
``d.spectrum.side`` (``"right"``: ``G = A^T A``; ``"left"``: ``G = A A^T``),
``d.spectrum.gram`` (over ``F``), ``d.spectrum.charpoly`` (SymPy, in
:data:`LAMBDA`), ``d.spectrum.factors`` (coefficients over ``F``,
multiplicity, the factor as a ``Poly``), ``d.spectrum.eigenvalues``
(:class:`~exactsvd.symbolic.spectrum.Eigenvalue`: ``.expr``, ``.multiplicity``),
``d.spaces`` (factor -> eigenvectors before normalisation and squared norms),
``d.conditions``; ``d.spectrum.field.to_expr`` turns an element of ``F``
into SymPy, ``d.spectrum.tower.expr`` an element of the tower.
"""

from sympy import S

from . import pickling
from .cases import order_cases
from .decomposition import SymbolicDecomposition
from .field import ParameterField
from .result import SingularValueCases, SymbolicSVDResult
from .spectrum import LAMBDA, SymbolicSpectrum

pickling.register()


def is_symbolic(matrix):
    """Whether the SymPy *matrix* has free symbols (the symbolic path)."""
    return bool(matrix.free_symbols)


def symbolic_svd(matrix, form, solve, name="A"):
    """The :class:`SymbolicSVDResult` of a SymPy matrix with parameters; *solve* computes the SVD of a number matrix."""
    decomposition = SymbolicDecomposition(SymbolicSpectrum(ParameterField(matrix, name)), form)
    return SymbolicSVDResult(matrix, decomposition, form, solve)


def symbolic_singular_values(matrix, name="A"):
    """The singular values of a matrix with parameters: a tuple (descending) or :class:`SingularValueCases`."""
    spectrum = SymbolicSpectrum(ParameterField(matrix, name))
    values = [spectrum.singular_value_expr(e) for e in spectrum.eigenvalues]
    zeros = (S.Zero,) * (min(matrix.shape) - spectrum.rank)
    expanded = tuple(v for v, e in zip(values, spectrum.eigenvalues) for _ in range(e.multiplicity))
    if not spectrum.undecided:
        return expanded + zeros
    depends, cases = order_cases(spectrum, values)
    return SingularValueCases(sorted(expanded, key=str) + list(zeros), depends,
                              [(condition, ordered + zeros) for condition, ordered in cases])


__all__ = [
    "LAMBDA",
    "SingularValueCases",
    "SymbolicDecomposition",
    "SymbolicSVDResult",
    "is_symbolic",
    "symbolic_singular_values",
    "symbolic_svd",
]
