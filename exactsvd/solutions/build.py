"""Build a worked :class:`~.steps.Solution` from the exact core's data.

One source of truth.  The Gram matrix, the characteristic polynomial and its
factors, the eigenvalues, the singular values, the eigenvectors, the kernels,
the unit vectors and the final ``U``, ``Sigma``, ``V`` are the core's
(:func:`~exactsvd.core.decompose`), turned into SymPy numbers by the result
layer's conversions (:func:`~exactsvd.result.columns.pair_columns`,
:func:`~exactsvd.result.columns.kernel_columns`,
:meth:`~exactsvd.core.eigenfield.EigenField.expr`).

What the core does not keep is worked out here for display, with the core's
own functions and in the core's fields: the reduced row echelon form of
``G - lambda I`` (and of ``A``, ``A^T``), the basis read off it
(:func:`~exactsvd.core.linalg.kernel_basis_rows` over the eigen-field,
:func:`~exactsvd.core.linalg.kernel_basis` for the kernels), Gram–Schmidt
(:func:`~exactsvd.core.linalg.gram_schmidt`) and its coefficients.  Each of
the core's vectors must equal the worked vector times the ratio of their last
non-zero entries, exactly, or :class:`~exactsvd.ExactSVDError` is raised; the
unit vectors shown are the core's.  (The core may scale an eigenvector; the
worked one has a 1 in its free column, as read off the RREF.)

The core always uses the smaller Gram matrix.  To force the other one, ``A``
is padded with zero rows (``A^T A`` when m < n) or zero columns (``A A^T``
when n <= m) until the core's choice is the wanted one.  Padding changes
neither that Gram matrix, nor its spectrum, nor the singular vectors of the
non-zero singular values (the partner vectors gain zero entries), nor the
hand-method kernels of ``A`` and ``A^T`` (the extra kernel vectors are unit
vectors of the padding and come last); the steps cut them away.  The exact
certificate of the padded decomposition proves ``U Sigma V^T = A`` for ``A``.
"""

from collections import namedtuple
from dataclasses import dataclass, field
from functools import partial
from itertools import groupby

from sympy import S, CRootOf, ImmutableMatrix, N, Symbol, expand, eye, radsimp, sqrt
from sympy.polys.matrices import DomainMatrix

from ..budget import refuse_beyond_limits
from ..core import decompose
from ..core.complexmatrix import ComplexMatrix, is_complex_matrix
from ..core.entries import domain_matrix
from ..core.linalg import dot, gram_schmidt, kernel_basis, kernel_basis_rows
from ..core.spectrum import gram_side
from ..errors import ExactSVDError, InvalidArgumentError, UnsupportedEntryError, shorten
from ..input import as_exact_matrix
from ..result.certificate import certify
from ..result.columns import diagonal, kernel_columns, matrix_from_columns, pair_columns
from ..result.decimals import eigenvalue_decimal
from ..result.exact import singular_value_list
from .steps import (
    CharpolyStep,
    CheckStep,
    Eigenvalue,
    Factor,
    FactorsStep,
    GramStep,
    MatrixStep,
    NamedRoot,
    PartnerStep,
    PartnerVector,
    RankOneStep,
    RankOneTerm,
    SingularValue,
    SingularValuesStep,
    Solution,
    SpaceStep,
)

GRAMS = ("AtA", "AAt")
LAMBDA = Symbol("lambda")

Hand = namedtuple("Hand", "basis orthogonal norms projections scales")


def explain(A, *, gram=None, rank_one=False, rationalize=False, symbols=None):
    """The worked solution of the SVD of *A* by the hand method (SageMath style).

    Parameters
    ----------
    A : matrix-like
        As for :func:`exactsvd.svd`, complex entries included: then ``G = A^H A``
        (or ``A A^H``), Hermitian Gram–Schmidt, the phase rule as a step and
        ``A = U Sigma V^H`` (:mod:`.complex_build`).
    gram : {None, "AtA", "AAt"}
        The Gram matrix to diagonalise; ``None``: the smaller one (``A^T A``
        on a tie), as :func:`exactsvd.svd` does.
    rank_one : bool
        Add the expansion ``A = s_1 u_1 v_1^T + ...``.
    rationalize : bool
        Accept Python floats, read as the decimal they print as.
    symbols : optional
        The parameters that matrix text may name, as for
        :func:`exactsvd.input.as_exact_matrix`.  A matrix with parameters
        gets the worked solution of its generic SVD
        (:class:`~.parametric.ParametricSolution`, with the conditions).

    Returns
    -------
    Solution
        The steps; ``str()``, ``to_latex()``, ``to_markdown()``, ``to_pdf()``.

    Examples
    --------
    >>> s = explain([[3, 0], [4, 5]])
    >>> s.singular_values
    (3*sqrt(5), sqrt(5))
    >>> [type(step).__name__ for step in s.steps][:4]
    ['MatrixStep', 'GramStep', 'CharpolyStep', 'SingularValuesStep']
    >>> s.V
    Matrix([
    [sqrt(2)/2,  sqrt(2)/2],
    [sqrt(2)/2, -sqrt(2)/2]])
    >>> explain([[1, 2, 1, 0], [2, 0, 1, 1]], gram="AtA").step(GramStep).matrix.shape
    (4, 4)
    >>> s = explain("[[1, i], [i, -1], [2, 2i]]")
    >>> s.is_complex, s.step(GramStep).matrix.tolist(), s.singular_values
    (True, [[6, 6*I], [-6*I, 6]], (2*sqrt(3), 0))
    """
    if gram is not None and gram not in GRAMS:
        raise InvalidArgumentError(f"gram={shorten(gram)} is not a Gram matrix; use None, 'AtA' or 'AAt'")
    if not isinstance(rank_one, bool):
        raise InvalidArgumentError(f"rank_one={shorten(rank_one)} must be True or False")
    matrix = as_exact_matrix(A, rationalize=rationalize, symbols=symbols)
    if matrix.free_symbols:
        return _parametric(matrix, gram, rank_one)
    refuse_beyond_limits(matrix, "full", "exact")
    chosen = gram or ("AtA" if gram_side(matrix.shape) == "right" else "AAt")
    if is_complex_matrix(matrix):
        from .complex_build import complex_steps

        return Solution(tuple(complex_steps(matrix, chosen, gram is not None, rank_one)))
    entries = domain_matrix(matrix)
    context = Context(matrix, entries, decompose(pad(entries, chosen)))
    return Solution(tuple(_steps(context, chosen, gram is not None, rank_one)))


def _parametric(matrix, gram, rank_one):
    """The worked solution of the generic SVD of a matrix with parameters (real ones)."""
    from ..api import svd
    from .parametric import explain_parametric

    result = svd(matrix)
    if result.is_complex:
        raise UnsupportedEntryError(
            "explain: worked solutions of matrices with complex parameters are not supported yet; exactsvd.svd(A) "
            "gives their generic SVD A = U S V^H with its conditions"
        )
    return explain_parametric(result, gram=gram, rank_one=rank_one)


def pad(entries, gram):
    """*entries* (a ``DomainMatrix``, or each part of a ``ComplexMatrix``) padded so that the core's Gram matrix is *gram*."""
    if isinstance(entries, ComplexMatrix):
        return ComplexMatrix(pad(entries.re, gram), pad(entries.im, gram))
    m, n = entries.shape
    K = entries.domain
    if gram == "AtA" and m < n:
        return entries.vstack(DomainMatrix.zeros((n - m, n), K))
    if gram == "AAt" and n <= m:
        return entries.hstack(DomainMatrix.zeros((m, m - n + 1), K))
    return entries


@dataclass
class Context:
    """``A`` (SymPy and over its field ``K``), the core's decomposition, and its unit vectors once converted.

    *pair_conversion* and *kernel_conversion* turn the core's vectors into
    SymPy numbers (the real ones by default, the complex ones for ``A`` over ``K(i)``).
    """

    matrix: object
    entries: object
    decomposition: object
    pair_conversion: object = pair_columns
    kernel_conversion: object = kernel_columns
    columns: dict = field(default_factory=dict)
    kernels: dict = field(default_factory=dict)

    @property
    def spectrum(self):
        return self.decomposition.spectrum

    @property
    def right(self):
        """Whether the Gram matrix is ``A^T A``."""
        return self.spectrum.side == "right"

    def pair_columns(self, pair):
        """``(u, v)`` of a pair as SymPy lists, cut to the shape of ``A``."""
        if pair not in self.columns:
            gram, partner = self.pair_conversion(pair)
            m, n = self.matrix.shape
            self.columns[pair] = (partner[:m], gram) if self.right else (gram, partner[:n])
        return self.columns[pair]

    def kernel_columns(self, left):
        """The unit vectors completing ``U`` (*left*) or ``V``, cut to the shape of ``A``."""
        if left not in self.kernels:
            size = self.matrix.shape[0 if left else 1]
            kernel = self.decomposition.left_kernel if left else self.decomposition.right_kernel
            columns = self.kernel_conversion(kernel, self.entries.domain)[: size - self.decomposition.rank]
            self.kernels[left] = [column[:size] for column in columns]
        return self.kernels[left]


def _steps(context, gram, forced, rank_one):
    decomposition = context.decomposition
    groups = eigenvalue_groups(decomposition.pairs)
    yield MatrixStep(context.matrix, gram, forced)
    yield GramStep(gram, ImmutableMatrix(context.spectrum.gram.to_Matrix()))
    yield charpoly_step(context, groups)
    yield singular_values_step(context)
    yield from (_eigenspace_step(context, first, pairs) for first, pairs in groups)
    if decomposition.pairs:
        yield _partner_step(context)
    yield from filter(None, (_kernel_step(context, kind) for kind in ("left kernel", "right kernel")))
    yield factors_step(context)
    yield CheckStep(context.matrix, certify(decomposition))
    if rank_one:
        yield _rank_one_step(context)


def eigenvalue_groups(pairs):
    """``[(i, pairs)]``: the pairs of each distinct eigenvalue and the number ``i`` of the first one."""
    groups, first = [], 1
    for _, group in groupby(pairs, key=lambda pair: (id(pair.space), pair.root)):
        groups.append((first, list(group)))
        first += len(groups[-1][1])
    return groups


def _decimal(field, root, value, square_root=False):
    """A certified 15-digit decimal of *value*, the eigenvalue at root *root* of *field* (or its square root);
    ``None`` for a rational one."""
    return None if value.is_Rational else eigenvalue_decimal(field, root, 15, square_root)


def charpoly_step(context, groups):
    spectrum = context.spectrum
    eigenvalues, roots = [], []
    for first, pairs in groups:
        field_, root = pairs[0].space.field, pairs[0].root
        value = field_.root_expr(root)
        factor = field_.factor.as_expr(LAMBDA)
        decimal = _decimal(field_, root, value)
        eigenvalues.append(Eigenvalue(first, value, len(pairs), decimal, factor))
        for atom in value.atoms(CRootOf):
            name = Symbol(f"lambda_{first}" if atom == value else f"r_{first}")
            roots.append(NamedRoot(name, atom, decimal if atom == value else N(atom, 15)))
    zeros = spectrum.gram.shape[0] - spectrum.rank
    if zeros:
        eigenvalues.append(Eigenvalue(spectrum.rank + 1, S.Zero, zeros, None, LAMBDA))
    named = {e.factor for e in eigenvalues if e.value.has(CRootOf)}
    factors = tuple(
        Factor(f.as_expr(LAMBDA), e, f.degree(), f.as_expr(LAMBDA) not in named) for f, e in spectrum.factors
    )
    return CharpolyStep(LAMBDA, spectrum.charpoly.as_expr(LAMBDA), factors, tuple(eigenvalues), tuple(roots))


def singular_values_step(context):
    m, n = context.matrix.shape
    values = singular_value_list(context.spectrum, min(m, n))
    eigenvalues = [p.space.field.root_expr(p.root) for p in context.decomposition.pairs]
    eigenvalues += [S.Zero] * (len(values) - len(eigenvalues))
    decimals = [_decimal(p.space.field, p.root, s, square_root=True) for p, s in zip(context.decomposition.pairs, values)]
    decimals += [None] * (len(values) - len(decimals))
    entries = tuple(SingularValue(i, lam, s, d) for i, (lam, s, d) in enumerate(zip(eigenvalues, values, decimals), 1))
    return SingularValuesStep(entries, context.decomposition.rank, diagonal(values, m, n))


def column(values):
    return ImmutableMatrix(len(values), 1, list(values))


def reduced_echelon(matrix):
    """The reduced row echelon form of a SymPy matrix, over the field of its entries."""
    rows, cols = matrix.shape
    if not (rows and cols):
        return ImmutableMatrix(matrix)
    reduced, _ = DomainMatrix.from_list_sympy(rows, cols, matrix.tolist(), extension=True).to_field().rref()
    return ImmutableMatrix(reduced.to_Matrix())


def _last_nonzero(vector):
    return next(a for a in reversed(vector) if a)


def _orthogonalise(basis, core_vectors, domain):
    """Gram–Schmidt of the hand basis, and each core vector's scale against its result.

    Raises :class:`ExactSVDError` unless ``core_vectors[k] = scales[k] * orthogonal[k]``
    with ``scales[k]`` the ratio of their last non-zero entries.
    """
    orthogonal, norms = gram_schmidt(basis, domain)
    projections = [[dot(b, w, domain) / n for w, n in zip(orthogonal[:k], norms)] for k, b in enumerate(basis)]
    scales = [_last_nonzero(core) / _last_nonzero(w) for core, w in zip(core_vectors, orthogonal)]
    if len(core_vectors) != len(orthogonal) or any(
        list(core) != [a * scale for a in w] for core, w, scale in zip(core_vectors, orthogonal, scales)
    ):
        raise ExactSVDError("internal error: the worked basis differs from the core's; please report this matrix")
    return Hand(basis, orthogonal, norms, projections, scales)


def _space_step(hand, convert, length, **fields):
    """A :class:`SpaceStep`: the vectors of *hand* as SymPy numbers (*convert*; *length* takes a square root)."""

    def columns(vectors):
        return tuple(column([convert(a) for a in v]) for v in vectors)

    return SpaceStep(
        basis=columns(hand.basis),
        projections=tuple(tuple(convert(c) for c in row) for row in hand.projections),
        orthogonal=columns(hand.orthogonal),
        norms=tuple(convert(n) for n in hand.norms),
        lengths=tuple(length(n) for n in hand.norms),
        **fields,
    )


def _eigenspace_step(context, first, pairs):
    """Step 5 for one eigenvalue: ``G - lambda I``, its RREF, basis, Gram–Schmidt, unit vectors."""
    space, root = pairs[0].space, pairs[0].root
    field_ = space.field
    L = field_.domain
    gram = context.spectrum.gram

    def shift(a, diagonal):
        return a - field_.theta if diagonal else L.convert(a)

    basis, fields = eigenspace(context, first, pairs, (gram.to_Matrix(), gram.to_list()), shift, L)
    hand = _orthogonalise(basis, space.gram_vectors, L)
    return _space_step(
        hand,
        partial(field_.expr, root=root),
        partial(field_.sqrt_expr, root=root),
        signs=tuple(pair.sign * field_.sign_at(scale, root) for pair, scale in zip(pairs, hand.scales)),
        **fields,
    )


def eigenspace(context, first, pairs, gram, shift, domain):
    """``(basis, fields)`` of the eigenspace step of *pairs* (one eigenvalue): the hand basis and the step's fields.

    *gram* is ``G`` as a SymPy matrix and as rows of the core's entries;
    ``shift(a, diagonal)`` is the entry ``a`` of ``G - theta I`` over the
    eigen-field (or its complex field *domain*).  For a
    simple root of a factor of degree 3 or more the core's eigenvector (a
    polynomial in the root, without division) is the basis instead of the RREF
    basis, whose entries would be far larger.
    """
    space, root = pairs[0].space, pairs[0].root
    field_ = space.field
    eigenvalue = field_.root_expr(root)
    matrix, rows = gram
    shifted = matrix - eigenvalue * eye(matrix.shape[0])
    if field_.degree >= 3 and len(pairs) == 1:
        basis, rref = [list(space.gram_vectors[0])], None
    else:
        basis = kernel_basis_rows([[shift(a, i == j) for j, a in enumerate(row)] for i, row in enumerate(rows)], domain)
        rref = reduced_echelon(shifted) if field_.degree <= 2 else None
    side = 1 if context.right else 0
    return basis, dict(
        kind="eigenspace",
        letter="v" if context.right else "u",
        indices=tuple(range(first, first + len(pairs))),
        eigenvalue=eigenvalue,
        matrix=ImmutableMatrix(shifted),
        rref=rref,
        units=tuple(column(context.pair_columns(pair)[side]) for pair in pairs),
    )


def kernel_part(decomposition, entries, left):
    """``(size, count, kernel)``: the length of the kernel vectors of *entries*, how many ``U`` (*left*) or ``V`` needs, the core's kernel."""
    size = entries.shape[1]
    return size, size - decomposition.rank, decomposition.left_kernel if left else decomposition.right_kernel


def _kernel_step(context, kind):
    """Step 7: the kernel of ``A^T`` (completes ``U``) or of ``A`` (completes ``V``); ``None`` if it is 0."""
    decomposition = context.decomposition
    left = kind == "left kernel"
    entries = context.entries.transpose() if left else context.entries
    size, count, kernel = kernel_part(decomposition, entries, left)
    if not count:
        return None
    K = entries.domain
    hand = _orthogonalise(kernel_basis(entries), [v[:size] for v in kernel.vectors[:count]], K)
    matrix = context.matrix.T if left else context.matrix

    def length(a):
        return sqrt(K.to_sympy(a))

    return _space_step(
        hand,
        K.to_sympy,
        length,
        kind=kind,
        letter="u" if left else "v",
        indices=tuple(range(decomposition.rank + 1, size + 1)),
        eigenvalue=None,
        matrix=ImmutableMatrix(matrix),
        rref=reduced_echelon(matrix),
        signs=tuple(context.spectrum.embedding.sign(scale) for scale in hand.scales),
        units=tuple(map(column, context.kernel_columns(left))),
    )


def _partner_step(context):
    """Step 6: the partner of each Gram-side unit vector, ``B x / s`` (``B`` is ``A`` or ``A^T``)."""
    vectors = []
    for i, pair in enumerate(context.decomposition.pairs, 1):
        space, root, a = pair.space, pair.root, pair.index
        field_ = space.field
        u, v = context.pair_columns(pair)
        source, result = (v, u) if context.right else (u, v)
        denominator = field_.sqrt_expr(space.norms[a], root)
        product = [pair.sign * field_.expr(b, root) / denominator for b in space.partner_vectors[a]]
        if field_.degree <= 2:  # square roots: the denominator rationalised, as by hand
            product = [expand(radsimp(x)) for x in product]
        value = field_.singular_value(root)
        vectors.append(PartnerVector(i, value, column(source), column(product[: len(result)]), column(result)))
    matrix = context.matrix if context.right else context.matrix.T
    return PartnerStep("v" if context.right else "u", matrix, tuple(vectors))


def factors_step(context):
    """Step 8: the full ``U``, ``Sigma``, ``V``: the core's columns, cut to the shape of ``A``."""
    m, n = context.matrix.shape
    pairs = [context.pair_columns(pair) for pair in context.decomposition.pairs]
    u_columns = [u for u, _ in pairs] + context.kernel_columns(left=True)
    v_columns = [v for _, v in pairs] + context.kernel_columns(left=False)
    values = singular_value_list(context.spectrum, min(m, n))
    U, V = matrix_from_columns(u_columns, m), matrix_from_columns(v_columns, n)
    return FactorsStep(U, diagonal(values, m, n), V, min(m, n), context.decomposition.rank)


def _rank_one_step(context):
    """``s_i u_i v_i^T = B w w^T / |w|^2`` at the root (or its transpose), computed in the eigen-field."""
    m, n = context.matrix.shape
    terms = []
    for i, pair in enumerate(context.decomposition.pairs, 1):
        space, root, a = pair.space, pair.root, pair.index
        field_ = space.field
        inverse = field_.domain.one / space.norms[a]
        w, bw = space.gram_vectors[a], space.partner_vectors[a]
        left, right = (bw[:m], w) if context.right else (w, bw[:n])
        term = ImmutableMatrix([[field_.expr(x * y * inverse, root) for y in right] for x in left])
        u, v = context.pair_columns(pair)
        terms.append(RankOneTerm(i, field_.singular_value(root), column(u), column(v), term))
    return RankOneStep(context.matrix, tuple(terms))
