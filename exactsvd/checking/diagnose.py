"""Why ``U S V^T`` is not ``A``: the usual mistakes, each named in one sentence.

First the whole-answer mistakes (``V`` given transposed, ``U`` given
transposed, ``U`` and ``V`` swapped), then, column by column, what goes wrong
with ``u_i = A v_i / s_i``: a flipped sign, a wrong singular value, a vector
that is not normalised, a ``v_i`` that is no right singular vector at all, a
null-space vector that ``A`` does not send to 0.  Every test is an identity
decided by the judge (exactly, or to the tolerance); numbers appear only in
the sentences.
"""

from sympy import sqrt

from .report import number_text


def diagnose(judge, A, U, S, V, signs):
    """Sentences that explain ``U S V^T != A``.

    Parameters
    ----------
    judge : ExactField or Tolerance
    A, U, S, V : DomainMatrix
        Over ``judge.domain``; the shapes fit (``U S V^T`` is defined and ``m×n``).
    signs : list
        The signs of the diagonal of ``S`` (``None`` where undecided); its
        length is the length of that diagonal.

    Examples
    --------
    >>> from sympy import Matrix, sqrt
    >>> from exactsvd.checking.exact_field import ExactField
    >>> A, U, S, V = Matrix([[3, 0], [4, 5]]), Matrix([[1, 3], [3, -1]]) / sqrt(10), Matrix([[3 * sqrt(5), 0], [0, sqrt(5)]]), Matrix([[1, -1], [1, 1]]) / sqrt(2)
    >>> F = ExactField([*A, *U, *S, *V])
    >>> diagnose(F, *map(F.matrix, (A, U, S, V)), [1, 1])
    ['the signs of u2 and v2 do not fit together: u2 = -A v2 / s2, but an SVD needs u2 = A v2 / s2; change the sign of u2 (or of v2)']
    """
    whole = next(_whole_answer(judge, A, U, S, V), None)
    if whole:
        return [whole]
    sentences = []
    for i in range(V.shape[1]):
        if i < len(signs) and signs[i] != 0:
            sentences += _column_pair(judge, A, U[:, i], S[i, i].element, V[:, i], i + 1)
        else:
            sentences += _column_null(judge, A, V[:, i], i + 1)
    return sentences


def flipped_sign(i):
    """The sentence for a pair whose signs do not fit: ``u_i = -A v_i / s_i``.

    >>> flipped_sign(2).split(":")[0]
    'the signs of u2 and v2 do not fit together'
    """
    return (f"the signs of u{i} and v{i} do not fit together: u{i} = -A v{i} / s{i}, but an SVD needs "
            f"u{i} = A v{i} / s{i}; change the sign of u{i} (or of v{i})")


def _whole_answer(judge, A, U, S, V):
    """The sentences of the mistakes in the whole answer that explain it (lazily)."""
    Ut, Vt, At = U.transpose(), V.transpose(), A.transpose()
    candidates = (
        ("V is given transposed: U S V = A, so the matrix given as V is V^T; "
         "the columns of V must be the right singular vectors", (U, S, V), A),
        ("U is given transposed: U^T S V^T = A, so the matrix given as U is U^T; "
         "the columns of U must be the left singular vectors", (Ut, S, Vt), A),
        ("U and V are swapped: U S V^T = A^T, so this is an SVD of A^T; exchange U and V", (U, S, Vt), At),
    )
    for sentence, factors, target in candidates:
        if _fits(factors, target.shape) and not judge.nonzero(factors[0] * factors[1] * factors[2] - target):
            yield sentence


def _fits(factors, shape):
    (a, b), (c, d), (e, f) = (M.shape for M in factors)
    return b == c and d == e and (a, f) == shape


def _dot(x, y):
    return (x.transpose() * y)[0, 0].element


def _column_pair(judge, A, u, s, v, i):
    """What is wrong with ``A v_i = s_i u_i`` for ``s_i != 0``."""
    Av = A * v
    if not judge.nonzero(Av - u * s):
        return []
    if not judge.nonzero(Av + u * s):
        return [flipped_sign(i)]
    uu, vv = _dot(u, u), _dot(v, v)
    c = judge.domain.quo(_dot(Av, u), uu) if not judge.zero(uu) else None
    if c is not None and not judge.nonzero(Av - u * c):
        return [_parallel(judge, c, s, uu, vv, i)]
    gram_v = A.transpose() * Av
    if judge.zero(vv) or judge.nonzero(gram_v - v * judge.domain.quo(_dot(gram_v, v), vv)):
        return [f"v{i} is not a right singular vector of A: A^T A v{i} is not a multiple of v{i}"]
    target = ", ".join(number_text(judge.value(judge.domain.quo(x, s))) for x in Av.transpose().to_list()[0])
    return [f"u{i} does not fit u{i} = A v{i} / s{i}, which is ({target})"]


def _parallel(judge, c, s, uu, vv, i):
    """The sentence for ``A v_i = c u_i`` with ``c != s_i``: a wrong value, flipped sign or missing normalisation."""
    one = judge.domain.one
    if not (judge.zero(uu - one) and judge.zero(vv - one)) and judge.zero(c * c * uu - s * s * vv):
        lengths = [f"{name}{i} has length {number_text(sqrt(judge.value(n)))}"
                   for name, n in (("u", uu), ("v", vv)) if not judge.zero(n - one)]
        flip = "" if judge.sign(c) > 0 else f", and the sign of u{i} must change"
        return f"u{i} and v{i} are not both unit vectors: {' and '.join(lengths)}; normalised, they fit s{i}{flip}"
    t, given = judge.value(c), number_text(judge.value(s))
    if judge.sign(c) > 0:
        return f"A v{i} = {t}·u{i}, so s{i} should be {number_text(t)}, not {given}"
    return f"A v{i} = {t}·u{i}: change the sign of u{i} and take s{i} = {number_text(-t)}, not {given}"


def _column_null(judge, A, v, i):
    """``v_i`` goes with the singular value 0 (or with no singular value): ``A v_i`` must be 0."""
    if judge.nonzero(A * v):
        return [f"v{i} goes with the singular value 0, but A v{i} is not 0: v{i} is not in the null space of A"]
    return []
