"""The exact unitary SVD ``A = U S V^H`` of a complex matrix, as data.

The hand method of :mod:`.decompose` with the Hermitian inner product, for a
:class:`~.complexmatrix.ComplexMatrix` over ``K(i)`` (``K`` real):

1. the Gram matrix ``G = B^H B`` of the smaller side (``B = A`` or ``A^H``)
   is Hermitian, so its characteristic polynomial has real coefficients in
   ``K`` and its eigenvalues are real: their factors, number fields
   ``L = K[x]/(p)`` and proved order are the real path's (:mod:`.spectrum`);
2. for each irreducible factor ``p`` the eigenvectors are computed once over
   ``L(i)`` (the Krylov formula for a simple root, else the reduced row
   echelon basis of ``G - theta I``), then Hermitian Gram–Schmidt;
3. the partner vectors ``B w`` (``u_i = A v_i / s_i`` before scaling);
4. the kernels of ``A`` and ``A^H``, hand-method basis and Gram–Schmidt;
5. the phase rule (rule 8): every vector on the side of ``V`` (and every
   kernel vector) is multiplied by the conjugate of its first non-zero entry,
   which makes that entry real and positive at every root.

The result is an :class:`~.decompose.ExactDecomposition` whose vectors have
:class:`~.gaussian.Gaussian` entries and whose pairs all have sign 1.
"""

from sympy import Poly, Symbol
from sympy.polys.matrices import DomainMatrix

from ..errors import ExactSVDError
from .complexmatrix import ComplexMatrix
from .decompose import Eigenspace, ExactDecomposition, Kernel, krylov_vectors, singular_pairs
from .embedding import Embedding
from .gaussian import Gaussian, GaussianField, hermitian_gram_schmidt, phase_normalised
from .linalg import first_nonzero, kernel_basis_rows
from .spectrum import Spectrum, _ordered_roots, gram_side


def hermitian_spectrum(matrix):
    """The exact spectrum of the smaller Gram matrix ``B^H B`` of a :class:`ComplexMatrix`.

    Examples
    --------
    >>> from sympy import Matrix, I
    >>> from exactsvd.core.complexmatrix import complex_domain_matrix
    >>> s = hermitian_spectrum(complex_domain_matrix(Matrix([[1, I], [I, 1]])))
    >>> s.charpoly.as_expr(), [e.field.root_expr(e.root) for e in s.eigenvalues]
    (x**2 - 4*x + 4, [2])
    """
    side = gram_side(matrix.shape)
    partner = matrix if side == "right" else matrix.adjoint()
    gram = partner.adjoint() * partner
    K = matrix.domain
    x = Symbol("x")
    charpoly = gram.hermitian_charpoly()
    _, factors = charpoly.factor_list()
    factors = [(f.monic(), e) for f, e in factors]
    nonzero = [(f, e) for f, e in factors if f != Poly(x, x, domain=K)]
    embedding = Embedding(K)
    return Spectrum(side, partner, gram, charpoly, factors, _ordered_roots(nonzero, embedding), embedding)


def decompose_hermitian(matrix, spec=None):
    """The exact unitary SVD data of a :class:`ComplexMatrix`.

    Examples
    --------
    >>> from sympy import Matrix, I
    >>> from exactsvd.core.complexmatrix import complex_domain_matrix
    >>> d = decompose_hermitian(complex_domain_matrix(Matrix([[1, I], [I, -1]])))
    >>> d.rank, [[tuple(map(str, a.parts())) for a in v] for v in d.right_kernel.vectors]
    (1, [[('1', '0'), ('0', '1')]])
    """
    spec = spec or hermitian_spectrum(matrix)
    pairs = singular_pairs(spec, _eigenspace, lambda *_: 1)  # the phase rule is in the vectors
    m, n = matrix.shape
    right, left = _kernel(matrix, n - len(pairs)), _kernel(matrix.adjoint(), m - len(pairs))
    if right.dimension != n - len(pairs) or left.dimension != m - len(pairs):
        raise ExactSVDError("internal error: kernel dimensions do not match the rank; please report this matrix")
    return ExactDecomposition(matrix, spec, pairs, right, left)


def _eigenspace(spec, field, multiplicity):
    """Orthogonal, phase-normalised eigenvectors of ``spec.gram`` for the generic root of *field*."""
    L = field.domain
    F = GaussianField(L)
    if field.degree > 1 and multiplicity == 1:
        basis = [_krylov_eigenvector(spec, field)]
    else:
        lift = L.convert
        shifted = [
            [Gaussian(lift(a.re) - field.theta, lift(a.im)) if i == j else Gaussian(lift(a.re), lift(a.im)) for j, a in enumerate(row)]
            for i, row in enumerate(spec.gram.rows())
        ]
        basis = kernel_basis_rows(shifted, F)
    if len(basis) != multiplicity:
        raise ExactSVDError("internal error: eigenspace dimension differs from the multiplicity; please report this matrix")
    vectors, norms = hermitian_gram_schmidt(basis, F)
    partners = [_apply(spec.partner, w, field) for w in vectors]
    gram_vectors, partner_vectors, phased_norms = [], [], []
    for w, bw, norm in zip(vectors, partners, norms):
        lead = first_nonzero(w if spec.side == "right" else bw)
        w, phased = phase_normalised(w, lead, norm, F)
        bw, _ = phase_normalised(bw, lead, norm, F)
        gram_vectors.append(tuple(w))
        partner_vectors.append(tuple(bw))
        phased_norms.append(phased)
    return Eigenspace(field, tuple(gram_vectors), tuple(phased_norms), tuple(partner_vectors))


def _coefficients(vector, field):
    """The ``ComplexMatrix`` (k × d over ``K``) of power-basis coefficients of a vector over ``L(i)``."""
    return ComplexMatrix(field.coefficient_matrix([a.re for a in vector]), field.coefficient_matrix([a.im for a in vector]))


def _from_coefficients(columns, field):
    """The vector over ``L(i)`` whose entry ``j`` has the coefficients in row ``j`` of *columns*."""
    return [Gaussian(field.from_coefficients(r), field.from_coefficients(i)) for r, i in zip(columns.re.to_list(), columns.im.to_list())]


def _apply(matrix, vector, field):
    """``matrix * vector`` for a ``ComplexMatrix`` over ``K`` and a vector over ``L(i)``, coefficientwise."""
    return _from_coefficients(matrix * _coefficients(vector, field), field)


def _krylov_eigenvector(spec, field):
    """The eigenvector of a simple root ``theta`` of ``p`` over ``L(i)``, without division (the real path's formula)."""
    K = spec.gram.domain
    k = spec.gram.shape[0]
    zero = DomainMatrix.zeros((k, 1), K)
    ys = krylov_vectors(spec, field, lambda j: ComplexMatrix(DomainMatrix([[K.one if i == j else K.zero] for i in range(k)], (k, 1), K), zero))
    re = DomainMatrix.hstack(*[y.re for y in ys]) if len(ys) > 1 else ys[0].re
    im = DomainMatrix.hstack(*[y.im for y in ys]) if len(ys) > 1 else ys[0].im
    return _from_coefficients(ComplexMatrix(re, im), field)


def _kernel(matrix, dimension):
    """The Hermitian-orthogonalised hand-method kernel basis of *matrix*, phase rule applied.

    *dimension* is the kernel's dimension by the spectrum: 0 needs no elimination
    (the certificate proves the full factors anyway).
    """
    if not dimension:
        return Kernel((), (), 0)
    F = matrix.field
    rows = matrix.rows()
    basis = kernel_basis_rows(rows, F) if rows else [[F.one if i == j else F.zero for i in range(matrix.shape[1])] for j in range(matrix.shape[1])]
    vectors, norms = hermitian_gram_schmidt(basis, F)
    phased = [phase_normalised(w, first_nonzero(w), norm, F) for w, norm in zip(vectors, norms)]
    return Kernel(tuple(tuple(w) for w, _ in phased), tuple(norm for _, norm in phased), len(phased))

