"""The worked solution of a complex matrix: the hand method with ``A^H A`` and the phase rule.

The same steps as :mod:`.build` and the same source of truth, the complex
core (:func:`~exactsvd.core.hermitian.decompose_hermitian`): the Hermitian
Gram matrix ``G = A^H A`` (or ``A A^H``), its characteristic polynomial with
real coefficients, its real eigenvalues; for each eigenvalue the null space
of ``G - lambda I`` over ``L(i)`` (the reduced row echelon basis, as the core
computes it), Hermitian Gram–Schmidt (``w_k = b_k - sum (w_j^H b_k / w_j^H w_j) w_j``)
and the phase rule; ``u_i = A v_i / s_i``; the null spaces of ``A^H`` and ``A``.

The phase rule as a step: the core's vector is ``c = lambda w`` for the worked
Gram–Schmidt vector ``w`` and some ``lambda`` in ``L(i)``, checked entry by
entry (else :class:`~exactsvd.ExactSVDError`); the unit vector is then
``phi w / |w|`` with the unit complex number ``phi = lambda / |lambda|``, the
one that makes the first non-zero entry real and positive.  The unit vectors
shown are the core's.
"""

from functools import partial

from sympy import I, ImmutableMatrix, expand, radsimp, sqrt

from ..core.complexmatrix import complex_domain_matrix
from ..core.gaussian import Gaussian, GaussianField, hermitian_dot, hermitian_gram_schmidt
from ..core.hermitian import decompose_hermitian
from ..core.linalg import kernel_basis_rows
from ..errors import ExactSVDError
from ..result.complex_certificate import certify_unitary
from ..result.complex_columns import complex_kernel_columns, complex_pair_columns, unit_entry
from .build import (
    Context,
    charpoly_step,
    column,
    eigenspace,
    eigenvalue_groups,
    factors_step,
    kernel_part,
    pad,
    reduced_echelon,
    singular_values_step,
)
from .steps import (
    CheckStep,
    GramStep,
    MatrixStep,
    PartnerStep,
    PartnerVector,
    RankOneStep,
    RankOneTerm,
    SpaceStep,
)


def complex_steps(matrix, gram, forced, rank_one):
    """The steps of the worked solution of the complex SymPy matrix *matrix* with the Gram matrix *gram*."""
    entries = complex_domain_matrix(matrix)
    decomposition = decompose_hermitian(pad(entries, gram))
    context = Context(matrix, entries, decomposition, complex_pair_columns, complex_kernel_columns)
    yield MatrixStep(matrix, gram, forced, is_complex=True)
    yield GramStep(gram, ImmutableMatrix(context.spectrum.gram.to_sympy()))
    groups = eigenvalue_groups(decomposition.pairs)
    yield charpoly_step(context, groups)
    yield singular_values_step(context)
    yield from (_eigenspace_step(context, first, pairs) for first, pairs in groups)
    if decomposition.pairs:
        yield _partner_step(context)
    yield from filter(None, (_kernel_step(context, left) for left in (True, False)))
    yield factors_step(context)
    yield CheckStep(matrix, certify_unitary(decomposition))
    if rank_one:
        yield _rank_one_step(context)


def _hand(basis, core_vectors, field, convert, length, **fields):
    """The :class:`SpaceStep` of Hermitian Gram–Schmidt on *basis* and the phases against *core_vectors*.

    *convert* turns an element of the real field into a SymPy number, *length*
    takes its square root.
    """
    orthogonal, norms = hermitian_gram_schmidt(basis, field)
    projections = [[hermitian_dot(w, b, field).real_divide(n) for w, n in zip(orthogonal[:k], norms)]
                   for k, b in enumerate(basis)]
    if len(core_vectors) != len(orthogonal):
        raise ExactSVDError("internal error: the worked basis differs from the core's; please report this matrix")
    phases = [_phase(core, w, convert, length) for core, w in zip(core_vectors, orthogonal)]

    def number(c):
        return convert(c.re) + I * convert(c.im)

    def columns(vectors):
        return tuple(column([number(a) for a in v]) for v in vectors)

    return SpaceStep(
        basis=columns(basis),
        projections=tuple(tuple(number(c) for c in row) for row in projections),
        orthogonal=columns(orthogonal),
        norms=tuple(convert(n) for n in norms),
        lengths=tuple(length(n) for n in norms),
        signs=(1,) * len(orthogonal),
        phases=tuple(phases),
        **fields,
    )


def _phase(core, w, convert, length):
    """``lambda / |lambda|`` for the core's vector ``core = lambda w`` (checked exactly), as a SymPy number."""
    t = max(k for k, a in enumerate(w) if a)
    ratio = core[t] / w[t]
    if any(a != b * ratio for a, b in zip(core, w)):
        raise ExactSVDError("internal error: the worked basis differs from the core's; please report this matrix")
    phase = (convert(ratio.re) + I * convert(ratio.im)) / length(ratio.abs_squared())
    return expand(radsimp(phase))


def _eigenspace_step(context, first, pairs):
    """Step 5 for one eigenvalue over ``L(i)``: ``G - lambda I``, its RREF, basis, Gram–Schmidt, phases."""
    space, root = pairs[0].space, pairs[0].root
    field_, gram = space.field, context.spectrum.gram
    L, F = field_.domain, GaussianField(field_.domain)

    def shift(a, diagonal):
        return Gaussian(L.convert(a.re) - (field_.theta if diagonal else L.zero), L.convert(a.im))

    basis, fields = eigenspace(context, first, pairs, (gram.to_sympy(), gram.rows()), shift, F)
    return _hand(basis, space.gram_vectors, F, partial(field_.expr, root=root), partial(field_.sqrt_expr, root=root),
                 **fields)


def _kernel_step(context, left):
    """Step 7: the null space of ``A^H`` (completes ``U``, *left*) or of ``A``; ``None`` if it is 0."""
    decomposition = context.decomposition
    entries = context.entries.adjoint() if left else context.entries
    size, count, kernel = kernel_part(decomposition, entries, left)
    if not count:
        return None
    K = entries.domain
    F = GaussianField(K)
    rows = entries.rows()
    basis = kernel_basis_rows(rows, F) if rows else [[F.one if i == j else F.zero for i in range(size)] for j in range(size)]
    matrix = context.matrix.H if left else context.matrix
    return _hand(
        basis,
        [v[:size] for v in kernel.vectors[:count]],
        F,
        K.to_sympy,
        lambda a: sqrt(K.to_sympy(a)),
        kind="left kernel" if left else "right kernel",
        letter="u" if left else "v",
        indices=tuple(range(decomposition.rank + 1, size + 1)),
        eigenvalue=None,
        matrix=ImmutableMatrix(matrix),
        rref=reduced_echelon(matrix),
        units=tuple(map(column, context.kernel_columns(left))),
    )


def _partner_step(context):
    """Step 6: ``u_i = A v_i / s_i`` (or ``v_i = A^H u_i / s_i``), ``A v_i`` from the core's partner vector."""
    vectors = []
    for i, pair in enumerate(context.decomposition.pairs, 1):
        space, root, a = pair.space, pair.root, pair.index
        u, v = context.pair_columns(pair)
        source, result = (v, u) if context.right else (u, v)
        product = [unit_entry(space.field, c, space.norms[a], root) for c in space.partner_vectors[a]]
        value = space.field.singular_value(root)
        vectors.append(PartnerVector(i, value, column(source), column(product[: len(result)]), column(result)))
    matrix = context.matrix if context.right else context.matrix.H
    return PartnerStep("v" if context.right else "u", matrix, tuple(vectors))


def _rank_one_step(context):
    """``s_i u_i v_i^H``, multiplied out from the unit vectors."""
    terms = []
    for i, pair in enumerate(context.decomposition.pairs, 1):
        value = pair.space.field.singular_value(pair.root)
        u, v = (column(x) for x in context.pair_columns(pair))
        term = (value * u * v.H).applyfunc(lambda e: expand(radsimp(expand(e))))
        terms.append(RankOneTerm(i, value, u, v, ImmutableMatrix(term)))
    return RankOneStep(context.matrix, tuple(terms))
