"""Exact proof that the data of an :class:`ExactDecomposition` is an SVD.

For one eigenvector ``w(theta)`` of an irreducible factor ``p``, the sum over
all roots of ``p`` of ``w w^T / n`` is a trace from ``L = QQ[x]/(p)`` down to
``QQ``: a rational matrix, computed with the trace form and no radicals.  So

* ``V V^T = I`` and ``U U^T = I`` (square factors: orthogonal), and
* ``U S V^T = A`` (the sum of ``s_i u_i v_i^T = B w w^T / n``)

are proved over ``QQ``.  The order of the singular values is proved with
disjoint isolating intervals, and every ``theta`` is shown to be positive.
"""

from sympy.polys.matrices import DomainMatrix

from ..errors import VerificationError


def certify(decomposition):
    """Prove the SVD identities exactly; raise :class:`VerificationError` if one fails.

    Examples
    --------
    >>> from sympy import Matrix
    >>> from sympy.polys.domains import QQ
    >>> from exactsvd.core import decompose
    >>> A = DomainMatrix.from_Matrix(Matrix([[1, 1], [1, 0]])).convert_to(QQ)
    >>> certify(decompose(A))
    True
    """
    A = decomposition.matrix
    K = A.domain
    m, n = A.shape
    right = decomposition.spectrum.side == "right"
    sums = {"uu": DomainMatrix.zeros((m, m), K), "vv": DomainMatrix.zeros((n, n), K), "usv": DomainMatrix.zeros((m, n), K)}
    rational = {key: ([], []) for key in sums}  # outer products over K, summed in one product each

    def add(key, left, right_vector):
        rational[key][0].append(list(left))
        rational[key][1].append(list(right_vector))

    for key, kernel in (("uu", decomposition.left_kernel), ("vv", decomposition.right_kernel)):
        for k, norm in zip(kernel.vectors, kernel.norms):
            add(key, k, [a / norm for a in k])
    gram_key, partner_key = ("vv", "uu") if right else ("uu", "vv")
    for space in {pair.space for pair in decomposition.pairs}:
        field = space.field
        for w, bw, norm in zip(space.gram_vectors, space.partner_vectors, space.norms):
            u_side, v_side = (bw, w) if right else (w, bw)
            if field.degree == 1:
                add(gram_key, w, [a / norm for a in w])
                add(partner_key, bw, [b / (norm * field.theta) for b in bw])
                add("usv", u_side, [a / norm for a in v_side])
                continue
            inverse = field.domain.one / norm
            sums[gram_key] += field.traced_outer(w, w, inverse)
            sums[partner_key] += field.traced_outer(bw, bw, inverse / field.theta)
            sums["usv"] += field.traced_outer(u_side, v_side, inverse)
    for key, (lefts, rights) in rational.items():
        if lefts:
            shape = sums[key].shape
            columns = DomainMatrix(lefts, (len(lefts), shape[0]), K).transpose()
            sums[key] += columns * DomainMatrix(rights, (len(rights), shape[1]), K)
    uu, vv, usv = sums["uu"], sums["vv"], sums["usv"]
    problems = []
    if not (vv - DomainMatrix.eye(n, A.domain)).is_zero_matrix:
        problems.append("V V^T != I")
    if not (uu - DomainMatrix.eye(m, A.domain)).is_zero_matrix:
        problems.append("U U^T != I")
    if not (usv - A).is_zero_matrix:
        problems.append("U S V^T != A")
    problems += _coverage_problems(decomposition.pairs)
    problems += _order_problems(decomposition.pairs)
    if problems:
        raise VerificationError("the exact SVD failed its proof: " + "; ".join(problems))
    return True


def _coverage_problems(pairs):
    """Every root of every factor, with every eigenvector, appears exactly once."""
    seen = {(id(p.space), p.root, p.index) for p in pairs}
    expected = {(id(p.space), r, a) for p in pairs for r in range(p.space.field.degree) for a in range(len(p.space.norms))}
    if len(seen) != len(pairs) or seen != expected:
        return ["the singular pairs do not cover each root and eigenvector exactly once"]
    return []


def _order_problems(pairs):
    """Each ``theta`` is positive and the ``theta`` are non-increasing, proved by intervals."""
    problems = []
    previous = None
    for pair in pairs:
        field, root = pair.space.field, pair.root
        if not field.greater(root, None, 0):
            problems.append(f"eigenvalue {field.root_expr(root)} is not positive")
        if previous is not None and previous != (field, root) and not previous[0].greater(previous[1], field, root):
            problems.append("the singular values are not in descending order")
        previous = (field, root)
    return problems
