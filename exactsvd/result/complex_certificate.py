"""Exact proof that complex SVD data is a unitary SVD: ``U^H U = I``, ``V^H V = I``, ``U S V^H = A``.

By traced outer products (:mod:`.traces`), with the Hermitian outer product ``x y^H``: for
vectors over ``L(i)`` it is ``xr yr^T + xi yi^T + i (xi yr^T - xr yi^T)``, so
the sum over all roots of ``p`` of ``x y^H / n`` is the trace form of
``L = K[x]/(p)`` applied to the stacked real vectors ``[xr; xi]`` and
``[yr; yi]`` (one real traced outer product, formed by :mod:`.traces`:
in integers over ``QQ``), a matrix over ``K(i)``: no radical is ever formed.  ``U`` and ``V`` are square,
so ``U U^H = I`` is ``U^H U = I``.
"""

from sympy.polys.matrices import DomainMatrix

from ..core.complexmatrix import ComplexMatrix
from .certificate import conclude_proof
from .traces import tracer_class


def certify_unitary(decomposition):
    """Prove the unitary SVD identities exactly; raise :class:`VerificationError` if one fails.

    Examples
    --------
    >>> from sympy import Matrix, I
    >>> from exactsvd.core.complexmatrix import complex_domain_matrix
    >>> from exactsvd.core.hermitian import decompose_hermitian
    >>> certify_unitary(decompose_hermitian(complex_domain_matrix(Matrix([[1, I], [2, 0]]))))
    True
    """
    A = decomposition.matrix
    K = A.domain
    m, n = A.shape
    right = decomposition.spectrum.side == "right"
    sums = {key: _zero(shape, K) for key, shape in (("uu", (m, m)), ("vv", (n, n)), ("usv", (m, n)))}
    rational = {key: ([], [], []) for key in sums}  # columns x, y and weights for sum x y^H / weight over K(i)

    def add(key, x, y, weight):
        for part, value in zip(rational[key], (x, y, weight)):
            part.append(value)

    for key, kernel in (("uu", decomposition.left_kernel), ("vv", decomposition.right_kernel)):
        for k, norm in zip(kernel.vectors, kernel.norms):
            add(key, k, k, norm)
    gram_key, partner_key = ("vv", "uu") if right else ("uu", "vv")
    tracer = tracer_class(K)
    for space in {pair.space for pair in decomposition.pairs}:
        field = space.field
        for w, bw, norm in zip(space.gram_vectors, space.partner_vectors, space.norms):
            u_side, v_side = (bw, w) if right else (w, bw)
            if field.degree == 1:
                add(gram_key, w, w, norm)
                add(partner_key, bw, bw, norm * field.theta)
                add("usv", u_side, v_side, norm)
                continue
            traces = tracer(field, norm)
            x, y = stacked(u_side), stacked(v_side)
            gram, partner = (y, x) if right else (x, y)
            sums[gram_key] += hermitian_traced_outer(traces.block, gram, gram, traces.inverse_norm)
            sums[partner_key] += hermitian_traced_outer(traces.block, partner, partner, traces.inverse_partner_norm)
            sums["usv"] += hermitian_traced_outer(traces.block, x, y, traces.inverse_norm)
    for key, (xs, ys, weights) in rational.items():
        if xs:
            rows, cols = sums[key].shape
            X = _columns(xs, rows, K, weights)
            Y = _columns(ys, cols, K)
            sums[key] += X * Y.adjoint()
    problems = []
    if not (sums["vv"] - _identity(n, K)).is_zero_matrix:
        problems.append("V V^H != I")
    if not (sums["uu"] - _identity(m, K)).is_zero_matrix:
        problems.append("U U^H != I")
    if not (sums["usv"] - A).is_zero_matrix:
        problems.append("U S V^H != A")
    return conclude_proof(problems, decomposition.pairs)


def _zero(shape, K):
    return ComplexMatrix(DomainMatrix.zeros(shape, K), DomainMatrix.zeros(shape, K))


def _identity(n, K):
    return ComplexMatrix(DomainMatrix.eye(n, K), DomainMatrix.zeros((n, n), K))


def _columns(vectors, rows, K, weights=None):
    """The ``ComplexMatrix`` with the given vectors over ``K(i)`` as columns (divided by *weights*)."""
    if weights is not None:
        vectors = [[c.real_divide(weight) for c in v] for v, weight in zip(vectors, weights)]
    re = DomainMatrix([[c.re for c in v] for v in vectors], (len(vectors), rows), K).transpose()
    im = DomainMatrix([[c.im for c in v] for v in vectors], (len(vectors), rows), K).transpose()
    return ComplexMatrix(re, im)


def stacked(vector):
    """``[xr; xi]``: the real and imaginary parts of a vector over ``L(i)``, one real vector over ``L``."""
    return [c.re for c in vector] + [c.im for c in vector]


def hermitian_traced_outer(traced_outer, x, y, weight):
    """``sum over the roots of x y^H weight`` from the :func:`stacked` vectors *x*, *y*: a ``ComplexMatrix`` over ``K``.

    *traced_outer(left, right, weight)* forms the real traced outer product
    over ``K`` (``EigenField.traced_outer``, or a tracer's ``block`` from
    :func:`.traces.tracer_class`, which works in integers over ``QQ``).
    """
    k, l = len(x) // 2, len(y) // 2
    block = traced_outer(x, y, weight)
    return ComplexMatrix(
        block[:k, :l] + block[k:, l:],
        block[k:, :l] - block[:k, l:],
    )
