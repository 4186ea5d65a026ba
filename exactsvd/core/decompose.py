"""The exact SVD as data: singular pairs over number fields and orthogonal kernels.

The hand method, on domain-level objects:

1. the Gram matrix ``G = B^T B`` of the smaller side and its spectrum
   (:mod:`.spectrum`);
2. for each irreducible factor ``p`` of the characteristic polynomial, the
   reduced-row-echelon basis of the kernel of ``G - theta I`` over
   ``L = K[x]/(p)``, computed once for all roots of ``p``, then Gram–Schmidt
   inside it (vectors stay unnormalised, with their squared norms in ``L``);
3. the partner vectors ``B w`` (``u_i = A v_i / s_i`` before scaling);
4. the orthogonalised kernels of ``A`` and ``A^T`` that complete ``V`` and ``U``;
5. the sign rule: the first non-zero entry of every ``v_i`` is positive.
"""

from dataclasses import dataclass

from sympy.polys.matrices import DomainMatrix

from ..errors import ExactSVDError
from .linalg import apply_to_vectors, first_nonzero, gram_schmidt, kernel_basis, kernel_basis_rows, kernel_dimension_and_basis
from .spectrum import spectrum


@dataclass(frozen=True, eq=False)
class Eigenspace:
    """The eigenvectors of one irreducible factor, generic in its root.

    ``gram_vectors[a]`` (over ``field.domain``) are orthogonal eigenvectors of the
    Gram matrix with squared norms ``norms[a]``; ``partner_vectors[a] = B w_a``
    has squared norm ``theta * norms[a]``.
    """

    field: object
    gram_vectors: tuple
    norms: tuple
    partner_vectors: tuple

    def right_vector(self, side, a):
        """The vector on the side of ``V`` (before scaling) for index *a*."""
        return self.gram_vectors[a] if side == "right" else self.partner_vectors[a]


@dataclass(frozen=True, eq=False)
class SingularPair:
    """``(s_i, u_i, v_i)`` for one positive singular value: eigenspace, root, index, sign."""

    space: Eigenspace
    root: int
    index: int
    sign: int


@dataclass(frozen=True)
class Kernel:
    """Orthogonal rational vectors (hand-method basis, Gram–Schmidt, rule-4 signs).

    ``dimension`` is the kernel's; ``vectors`` may be only the first of its
    basis (a thin or compact SVD does not build what it drops).
    """

    vectors: tuple
    norms: tuple
    dimension: int


@dataclass(frozen=True)
class ExactDecomposition:
    """The exact SVD of ``matrix`` (a ``DomainMatrix`` over the field ``K`` of its entries) as data.

    ``pairs`` lists the positive singular values in descending order;
    ``right_kernel`` completes ``V`` and ``left_kernel`` completes ``U`` (as
    many of their vectors as were asked for).
    """

    matrix: object
    spectrum: object
    pairs: tuple
    right_kernel: Kernel
    left_kernel: Kernel

    @property
    def shape(self):
        return self.matrix.shape

    @property
    def rank(self):
        return len(self.pairs)


def decompose(matrix, spec=None, *, left=None, right=None):
    """The exact SVD data of a ``DomainMatrix`` over ``QQ`` or a real algebraic field.

    *left* and *right* limit how many vectors of the left and right kernels
    are built (``None``: all; a thin SVD needs fewer, a compact one none).

    Examples
    --------
    >>> from sympy import Matrix
    >>> from sympy.polys.domains import QQ
    >>> A = DomainMatrix.from_Matrix(Matrix([[1, 2], [2, 4]])).convert_to(QQ)
    >>> d = decompose(A)
    >>> d.rank, [[str(a) for a in v] for v in d.right_kernel.vectors]
    (1, [['2', '-1']])

    *spec* may pass the already computed :func:`spectrum` of *matrix*.
    """
    spec = spec or spectrum(matrix)

    def sign(space, eigenvalue, a):
        return space.field.sign_at(first_nonzero(space.right_vector(spec.side, a)), eigenvalue.root)

    pairs = singular_pairs(spec, _eigenspace, sign)
    # ker(A^T A) = ker(A) and ker(A A^T) = ker(A^T), and the hand method's basis depends only on
    # the kernel: the Gram side's kernel comes from the small Gram matrix, the other from B^T.
    gram_kernel = _kernel(spec.gram, spec.embedding, right if spec.side == "right" else left, len(pairs))
    partner_kernel = _kernel(spec.partner.transpose(), spec.embedding, left if spec.side == "right" else right, len(pairs))
    right_kernel, left_kernel = (gram_kernel, partner_kernel) if spec.side == "right" else (partner_kernel, gram_kernel)
    m, n = matrix.shape
    if right_kernel.dimension != n - len(pairs) or left_kernel.dimension != m - len(pairs):
        raise ExactSVDError("internal error: kernel dimensions do not match the rank; please report this matrix")
    return ExactDecomposition(matrix, spec, pairs, right_kernel, left_kernel)


def singular_pairs(spec, eigenspace, sign):
    """The :class:`SingularPair` tuple, descending: *eigenspace* once per factor, *sign* per pair (rule 4)."""
    pairs = []
    spaces = {}
    for eigenvalue in spec.eigenvalues:
        field = eigenvalue.field
        if field not in spaces:
            spaces[field] = eigenspace(spec, field, eigenvalue.multiplicity)
        space = spaces[field]
        pairs += [SingularPair(space, eigenvalue.root, a, sign(space, eigenvalue, a)) for a in range(eigenvalue.multiplicity)]
    return tuple(pairs)


def _eigenspace(spec, field, multiplicity):
    """Orthogonal eigenvectors of ``spec.gram`` for the generic root of *field*."""
    L = field.domain
    gram = spec.gram
    if field.degree == 1:
        basis = kernel_basis(gram - DomainMatrix.eye(gram.shape[0], L) * field.theta)
    elif multiplicity == 1:
        basis = [_krylov_eigenvector(spec, field)]
    else:
        shifted = [[a - field.theta if i == j else L.convert(a) for j, a in enumerate(row)] for i, row in enumerate(gram.to_list())]
        basis = kernel_basis_rows(shifted, L)
    if len(basis) != multiplicity:
        raise ExactSVDError("internal error: eigenspace dimension differs from the multiplicity; please report this matrix")
    vectors, norms = gram_schmidt(basis, L)
    partner_vectors = apply_to_vectors(spec.partner, vectors, field)
    return Eigenspace(field, tuple(map(tuple, vectors)), tuple(norms), tuple(map(tuple, partner_vectors)))


def _krylov_eigenvector(spec, field):
    """The eigenvector of a simple root ``theta`` of ``p``, without division in ``L``.

    With ``q`` the product of the other distinct factors and ``b = q(G) e_j``
    (the first ``j`` for which it is non-zero), ``w = [p(x)/(x - theta)](G) b
    = sum_j theta^j y_j`` where ``y_(d-1) = b`` and ``y_(j-1) = c_j b + G y_j``
    (``c_j`` the coefficients of ``p``): rational vectors only.  It is a
    multiple of the hand method's basis vector (the kernel of the RREF of
    ``G - theta I``, last non-zero entry 1); scaling it to that would blow up
    every coefficient, and after normalisation both give the same singular
    vector.
    """
    K = spec.gram.domain
    k = spec.gram.shape[0]
    ys = krylov_vectors(spec, field, lambda j: DomainMatrix([[K.one if i == j else K.zero] for i in range(k)], (k, 1), K))
    columns = [y.to_list() for y in ys]
    return [field.from_coefficients([col[i][0] for col in columns]) for i in range(k)]


def krylov_vectors(spec, field, unit):
    """``y_0, ..., y_(d-1)`` of the Krylov formula (see :func:`_krylov_eigenvector`); *unit(j)* is ``e_j``.

    Any matrix type with ``*``, ``+`` and ``is_zero_matrix`` works (real or complex).
    """
    gram = spec.gram
    others = [f for f, _ in spec.factors if f != field.factor]
    coeffs = field.factor.rep.to_list()[::-1]
    for j in range(gram.shape[0]):
        b = unit(j)
        for f in others:
            b = _apply_polynomial(f, gram, b)
        if not b.is_zero_matrix:
            break
    ys = [b]
    for c in coeffs[field.degree - 1 : 0 : -1]:
        ys.append(b * c + gram * ys[-1])
    return ys[::-1]


def _apply_polynomial(f, matrix, vector):
    """``f(matrix) vector`` by Horner's rule."""
    coeffs = f.rep.to_list()
    result = vector * coeffs[0]
    for c in coeffs[1:]:
        result = matrix * result + vector * c
    return result


def _kernel(matrix, embedding, count, rank):
    """The first *count* orthogonalised hand-method kernel vectors of *matrix* (all: ``None``), first entries positive.

    *rank* is the rank of *matrix* known from the spectrum, taken for the
    dimension when no vector is built.
    """
    if count == 0:
        dimension, basis = matrix.shape[1] - rank, []
    else:
        dimension, basis = kernel_dimension_and_basis(matrix, count)
    vectors, norms = gram_schmidt(basis, matrix.domain)
    signed = [w if embedding.sign(first_nonzero(w)) > 0 else [-a for a in w] for w in vectors]
    return Kernel(tuple(map(tuple, signed)), tuple(norms), dimension)
