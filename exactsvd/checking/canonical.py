"""The answer against the canonical one, ``exactsvd.svd(A, form)``, up to the freedoms of an SVD.

An SVD is unique up to joint sign flips of ``(u_i, v_i)``, any orthonormal
basis inside a repeated singular value, and any orthonormal basis of the null
spaces.  So the vectors of a simple singular value are compared up to sign,
and for a repeated value or a null space the projectors, not the vectors:
the answer's columns must lie in the canonical subspace (``u = P u`` with
``P`` the canonical projector; for a null space, ``P_r u = 0`` with ``P_r``
the projector onto the range), which for orthonormal columns, as many as the
canonical ones, is the same as equal projectors.
"""

from dataclasses import dataclass

from sympy import Float, ImmutableMatrix, Matrix, N

from .exact_field import ExactField, Undecided, equal

from ..result.forms import cut

#: Digits of the numerical evaluation that chooses the sign to prove.
_DIGITS = 30


@dataclass(frozen=True)
class Canonical:
    """The canonical SVD of ``A`` in one form: the factors, the rank and all singular values."""

    U: ImmutableMatrix
    S: ImmutableMatrix
    V: ImmutableMatrix
    rank: int
    singular_values: tuple


def in_form(full, form):
    """The canonical SVD *full* (an :class:`~exactsvd.SVDResult` in full form) cut to *form*.

    >>> import exactsvd
    >>> in_form(exactsvd.svd([[1, 2], [2, 4], [0, 0]]), "compact").U.T
    Matrix([[sqrt(5)/5, 2*sqrt(5)/5, 0]])
    """
    return Canonical(*cut(*full, form, full.rank), full.rank, full.singular_values)

def structural_signs(answer, canonical):
    """Column signs that turn the canonical ``U`` and ``V`` into the answer's, if the entries are literally ±.

    Returns ``(u_signs, v_signs)`` (lists of ±1) or ``None``.  A literal match
    needs no arithmetic: the certificate of the canonical SVD proves its
    identities, and flipping columns keeps ``U`` and ``V`` orthogonal and
    keeps ``U S V^T = A`` exactly when every pair with a positive singular
    value keeps one sign for both of its columns (the terms ``s_i u_i v_i^T``
    are linearly independent).

    Examples
    --------
    >>> import exactsvd
    >>> from sympy import ImmutableMatrix
    >>> from exactsvd.checking.answer import Answer
    >>> r = exactsvd.svd([[3, 0], [4, 5]])
    >>> flip = ImmutableMatrix([[1, 0], [0, -1]])
    >>> structural_signs(Answer(r.U * flip, r.S, r.V * flip), r)
    ([1, -1], [1, -1])
    >>> structural_signs(Answer(r.U * flip, r.S, r.V), r)
    ([1, -1], [1, 1])
    >>> structural_signs(Answer(r.U, r.S, r.U), r) is None
    True
    """
    if answer.S.shape != canonical.S.shape or answer.S != canonical.S:
        return None
    u_signs, v_signs = _column_signs(answer.U, canonical.U), _column_signs(answer.V, canonical.V)
    return None if u_signs is None or v_signs is None else (u_signs, v_signs)


def proved_signs(answer, canonical):
    """Column signs that turn the canonical ``U`` and ``V`` into the answer's, proved whatever the form.

    Like :func:`structural_signs`, but every value of ``S`` and every column is
    proved equal to the canonical one (or to its negative) by exact
    arithmetic, each column in the number field of its own entries (much
    smaller than the field of the whole answer), so an answer written in
    another equal form (expanded, factored, with rationalised denominators, a
    ``CRootOf`` of another polynomial) is recognised.  A numerical evaluation
    only chooses which sign to prove.  Returns ``None`` when a column is not
    ± the canonical one, or when that could not be decided.

    Examples
    --------
    >>> import exactsvd
    >>> from sympy import ImmutableMatrix, expand, radsimp
    >>> from exactsvd.checking.answer import Answer
    >>> r = exactsvd.svd([[3, 0], [4, 5]])
    >>> flip = ImmutableMatrix([[1, 0], [0, -1]])
    >>> U = (r.U * flip).applyfunc(lambda x: radsimp(1 / x) ** -1)
    >>> proved_signs(Answer(U, r.S, r.V * flip), r)
    ([1, -1], [1, -1])
    >>> proved_signs(Answer(r.U, 2 * r.S, r.V), r) is None
    True
    """
    if answer.S.shape != canonical.S.shape:
        return None
    if not all(_proved(Matrix([[a]]), Matrix([[c]]), 1) for a, c in zip(answer.S, canonical.S)):
        return None
    signs = []
    for M, C in ((answer.U, canonical.U), (answer.V, canonical.V)):
        if M.shape != C.shape:
            return None
        column_signs = [_proved_sign(M.col(j), C.col(j)) for j in range(M.cols)]
        if None in column_signs:
            return None
        signs.append(column_signs)
    return tuple(signs)


def _proved_sign(column, canonical):
    """1 or -1 when *column* is proved to be ± the *canonical* column, else ``None``."""
    close = [_close(column, canonical * sign) for sign in (1, -1)]
    sign = 1 if close[0] else -1 if close[1] else None
    return sign if sign is not None and _proved(column, canonical, sign) else None


def _close(column, target):
    """Whether the columns agree to 30 digits (only a choice of what to prove, never a proof)."""
    return all(abs(N(a - b, _DIGITS)) <= Float(10) ** -_DIGITS * (1 + abs(N(b, _DIGITS)))
               for a, b in zip(column, target))


def _proved(column, canonical, sign):
    """Whether ``column = sign * canonical`` holds exactly: in one field, else entry by entry."""
    try:
        judge = ExactField([*column, *canonical])
        return not judge.nonzero(judge.matrix(column) - judge.matrix(canonical) * judge.domain.convert(sign))
    except Undecided:
        pass
    try:
        return all(equal(a, sign * b) for a, b in zip(column, canonical))
    except Undecided:
        return False


def _column_signs(M, C):
    if M.shape != C.shape:
        return None
    signs = []
    for j in range(M.cols):
        if M.col(j) == C.col(j):
            signs.append(1)
        elif M.col(j) == -C.col(j):
            signs.append(-1)
        else:
            return None
    return signs


def sign_differences(u_signs, v_signs, rank):
    """Sentences for the columns whose signs differ from the canonical ones.

    >>> sign_differences([1, -1, -1], [1, -1], 2)
    ('flipped signs of the pairs (u2, v2)', 'the other sign of u3 (null space of A^T)')
    """
    sentences = _pairs_sentence([i + 1 for i in range(rank) if u_signs[i] < 0])
    for name, signs, space in (("U", u_signs, "A^T"), ("V", v_signs, "A")):
        sentences += _null_sentences(name, space, rank, signs[rank:])
    return tuple(sentences)


def _pairs_sentence(flipped):
    return [f"flipped signs of the pairs {', '.join(f'(u{i}, v{i})' for i in flipped)}"] if flipped else []


def _null_sentences(name, space, rank, signs):
    """Sentences for the null columns ``rank, rank + 1, ...`` of *name* with *signs* (``None``: neither ±)."""
    if None not in signs:
        return [f"the other sign of {name.lower()}{rank + j + 1} (null space of {space})"
                for j, sign in enumerate(signs) if sign < 0]
    return [f"another orthonormal basis of the null space of {space} "
            f"(columns {rank + 1} to {rank + len(signs)} of {name})"]


def compare(judge, answer, canonical):
    """``(equivalent, identical, differences, residuals)`` of the answer against *canonical*.

    *judge* must hold the entries of the answer and of the canonical
    factors.  *residuals* are the matrices that vanish for an exact
    match: ``u_i - (±cu_i)`` for a simple value, ``(I - P) u`` for a column of a
    repeated value (``P`` the canonical projector of that value), ``P_r u`` for
    a null column (``P_r`` the canonical projector onto the range); a tolerance
    judge reads from them the number of agreeing digits.

    Examples
    --------
    >>> import exactsvd
    >>> from sympy import Matrix, sqrt
    >>> from exactsvd.checking.answer import Answer
    >>> from exactsvd.checking.exact_field import ExactField
    >>> A = Matrix([[1, 0, 0], [0, 1, 0]])
    >>> r = exactsvd.svd(A)
    >>> U = Matrix([[1, 1], [1, -1]]) / sqrt(2)
    >>> answer = Answer(U, r.S, Matrix.diag(U, -1))
    >>> F = ExactField([*U, *r.U, *r.V, *answer.V])
    >>> compare(F, answer, r)[:3]
    (True, False, ('another orthonormal basis for the singular value 1 (multiplicity 2)', 'the other sign of v3 (null space of A)'))
    """
    U, V, cU, cV = (judge.matrix(M) for M in (answer.U, answer.V, canonical.U, canonical.V))
    rank = canonical.rank
    residuals, differences, flipped = [], [], []
    for group in _groups(canonical.singular_values[:rank]):
        if len(group) == 1:
            same = _same(judge, U, cU, group) and _same(judge, V, cV, group)
            sign = judge.domain.one if same else -judge.domain.one
            residuals += [_columns(M, group) - _columns(C, group) * sign for M, C in ((U, cU), (V, cV))]
            flipped += [] if same else [group[0] + 1]
        else:
            residuals += [_outside(_columns(C, group), _columns(M, group)) for M, C in ((U, cU), (V, cV))]
            if not (_same(judge, U, cU, group) and _same(judge, V, cV, group)):
                differences.append(f"another orthonormal basis for the singular value "
                                   f"{canonical.singular_values[group[0]]} (multiplicity {len(group)})")
    differences[:0] = _pairs_sentence(flipped)
    for M, C, name, space in ((U, cU, "U", "A^T"), (V, cV, "V", "A")):
        null, positive = list(range(rank, M.shape[1])), list(range(rank))
        if null:
            range_part = _columns(C, positive)
            residuals.append(range_part * (range_part.transpose() * _columns(M, null)))
            differences += _null_sentences(name, space, rank, [_sign(judge, M, C, j) for j in null])
    equivalent = not any(judge.nonzero(R) for R in residuals)
    return equivalent, equivalent and not differences, tuple(differences), residuals


def _groups(values):
    """Index lists of equal consecutive values (the canonical values are literally equal when equal)."""
    groups = []
    for i, s in enumerate(values):
        if groups and values[groups[-1][0]] == s:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _columns(M, indices):
    return M.extract(list(range(M.shape[0])), indices)


def _outside(basis, columns):
    """``(I - P) columns`` for the projector ``P`` onto the span of the orthonormal *basis*."""
    return columns - basis * (basis.transpose() * columns)


def _sign(judge, M, C, j):
    """1 or -1 when column *j* of *M* is plus or minus that of *C*, else ``None``."""
    if _same(judge, M, C, [j]):
        return 1
    return -1 if not judge.nonzero(_columns(M, [j]) + _columns(C, [j])) else None


def _same(judge, M, C, indices):
    return not judge.nonzero(_columns(M, indices) - _columns(C, indices))
