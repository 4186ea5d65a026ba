"""Eigenvectors of the Gram matrix over ``F = K(x, ...)``, once per factor, and the kernels.

A linear factor ``lambda - r``: the hand method's basis of the kernel of
``G - r I`` (RREF over ``F``), orthogonalised by Gram–Schmidt.  A quadratic
factor (simple): the kernel of ``G - theta I`` over ``L = F[theta]/(f)``, one
vector whose entries are polynomials of degree < 2 in ``theta``; each of the
two roots ``c +- R`` is put in for ``theta`` (:func:`specialise`).  The left
kernel (rows of ``U`` without a partner) is the RREF basis of the kernel of
``A^T``, orthogonalised.
"""

from dataclasses import dataclass

from sympy.polys.matrices import DomainMatrix

from ..core.linalg import gram_schmidt, kernel_basis, kernel_basis_rows
from ..core.numberfield import RelativeField
from ..errors import ExactSVDError, SymbolicLimitError


@dataclass
class Eigenspace:
    """Orthogonal eigenvectors for the generic root of one factor (over ``F``, or ``L`` when ``field`` is set)."""

    vectors: list
    norms: list
    partners: list
    field: object = None


def eigenspace(spectrum, index):
    """The :class:`Eigenspace` of factor *index* of *spectrum* (``partners``: ``A w`` for each vector ``w``)."""
    coeffs, multiplicity, _ = spectrum.factors[index]
    G, W = spectrum.gram, spectrum.working
    F, k = G.domain, G.shape[0]
    if len(coeffs) == 2:
        basis = kernel_basis(G - DomainMatrix.eye(k, F) * (-coeffs[1] / coeffs[0]))
        field, zero = None, F.zero
    else:
        if multiplicity > 1:
            raise SymbolicLimitError(
                f"{spectrum.field.name}: a quadratic factor of the characteristic polynomial is repeated "
                f"({multiplicity} times); repeated irrational eigenvalues with parameters are not supported. "
                "Substitute values for the parameters first"
            )
        a, b, c = coeffs
        field = RelativeField(F, [F.one, b / a, c / a])
        rows = [[field.convert(g) - field.gen if i == j else field.convert(g) for j, g in enumerate(row)]
                for i, row in enumerate(G.to_list())]
        basis, zero = kernel_basis_rows(rows, field), field.zero
    if len(basis) != multiplicity:
        raise ExactSVDError("internal error: eigenspace dimension differs from the multiplicity; please report this matrix")
    vectors, norms = _orthogonalise(spectrum.field, basis, field if field is not None else F, field)
    partners = [[_dot_row(row, w, zero) for row in W.to_list()] for w in vectors]
    return Eigenspace(vectors, norms, partners, field)


def _orthogonalise(parameters, basis, domain, relative=None):
    """Gram–Schmidt without normalising: bilinear for real parameters, Hermitian (``w^H w``) for complex ones."""
    if not parameters.is_complex:
        return gram_schmidt(basis, domain)
    def conj(a):
        if relative is None:
            return parameters.conjugate(a)
        return relative([parameters.conjugate(c) for c in a.coefficients()][::-1])  # theta is real

    orthogonal, norms = [], []
    for vector in basis:
        w = list(vector)
        for previous, norm in zip(orthogonal, norms):
            coefficient = _dot_row([conj(b) for b in previous], vector, domain.zero) / norm
            w = [a - coefficient * b for a, b in zip(w, previous)]
        orthogonal.append(w)
        norms.append(_dot_row([conj(b) for b in w], w, domain.zero))
    return orthogonal, norms


def _dot_row(row, vector, zero):
    total = zero
    for a, b in zip(row, vector):
        if a:
            total = total + b * a
    return total


def specialise(tower, eigenvalue, a, field):
    """The element *a* (of ``F``, or of ``L`` when *field* is set) with ``theta`` = the tower's *eigenvalue*."""
    if field is None:
        return tower.base(a)
    c = a.coefficients()
    return tower.base(c[0]) + eigenvalue.value * c[1]


def left_kernel(spectrum, count):
    """The first *count* orthogonalised RREF kernel vectors of ``working^T`` (``^H``) and their squared norms."""
    if not count:
        return [], []
    parameters = spectrum.field
    basis = kernel_basis(parameters.adjoint(spectrum.working))[:count]
    return _orthogonalise(parameters, basis, spectrum.working.domain)


def zero_space(spectrum, count):
    """The first *count* orthogonalised RREF vectors of the kernel of ``G`` (the zero eigenvalue) and squared norms."""
    if not count:
        return [], []
    return _orthogonalise(spectrum.field, kernel_basis(spectrum.gram)[:count], spectrum.gram.domain)

