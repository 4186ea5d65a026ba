"""Matrices with small integer entries whose SVD is nice for hand work, and that need real work.

What every problem guarantees (for ``m, n >= 2`` and rank at least 1; a
1×n or m×1 problem can only have the first two):

* integer entries of at most two digits, no zero row and no zero column;
* the SVD verified exactly, with the rank asked for;
* neither Gram matrix ``A^T A`` nor ``A A^T`` is diagonal, so neither ``U``
  nor ``V`` is a signed permutation and the student solves for eigenvectors.

And by difficulty (:data:`GUARANTEES`):

* ``easy`` -- distinct integer singular values; the singular vectors of the
  non-zero ones have rational entries (those completing ``U`` or ``V`` may need
  square roots);
* ``medium`` -- distinct singular values that are square roots of integers
  (``s_i^2`` an integer), with singular vectors such as ``(1/√5)[1, 2]``;
* ``hard`` -- the characteristic polynomial of the Gram matrix has an
  irreducible quadratic factor: two singular values are conjugates
  ``a ± b√d`` in one real quadratic field (square roots that denest), the
  others are integers; square shapes, or tall/wide ones up to 4×3.

The construction.  An integer matrix ``P`` whose columns ``p_i`` are
orthogonal (not normalised) comes from an exact rational orthogonal matrix
scaled to integers: a Householder reflection ``(w.w) I - 2 w w^T`` with a
small integer vector ``w``, a Cayley transform ``(I - K)(I + K)^(-1)`` with a
small integer skew-symmetric ``K``, or a signed permutation; its columns all
have one integer length ``d``.  ``medium`` problems then mix two columns of
equal length by an integer rotation, ``p_i + t p_j`` and ``t p_i - p_j``,
which stay orthogonal and have length ``d sqrt(1 + t^2)``.  With such ``P``
(``m×m``) and ``Q`` (``n×n``) and small positive integers ``k_i``::

    A = sum_(i < r) k_i p_i q_i^T

is an integer matrix of rank ``r`` with ``A q_i = k_i |q_i|^2 p_i``: its
singular values are ``s_i = k_i |p_i| |q_i|``, ``u_i = p_i / |p_i|`` and
``v_i = q_i / |q_i|``.  ``hard`` problems are ``A = P S Q^T`` for a small
integer symmetric ``S`` (``r×r``, ``r`` the rank) whose characteristic
polynomial is a product of linear factors and one irreducible quadratic, and
``P`` (``m×r``), ``Q`` (``n×r``) with orthogonal columns of one length ``d_P``,
``d_Q`` (signed permutations when ``m = r`` or ``n = r``; else columns of a
scaled reflection or rotation): ``A^T A = d_P^2 Q S^2 Q^T``, so the singular
values are ``d_P d_Q |eigenvalues of S|``.

Candidates are drawn from a seeded :class:`random.Random`; of the first
:data:`CHOICES` that keep every guarantee, the one with the smallest entries
is taken, so a seed always gives the same matrix.
"""

import random
from math import gcd

from sympy import QQ, ZZ, ImmutableMatrix, Poly, Symbol
from sympy.polys.matrices import DomainMatrix

from ..errors import InvalidArgumentError, shorten

DIFFICULTIES = ("easy", "medium", "hard")
#: What each difficulty guarantees beyond small entries, no zero line and non-diagonal Gram matrices.
GUARANTEES = {
    "easy": "distinct integer singular values; rational singular vectors for the non-zero ones",
    "medium": "distinct singular values that are square roots of integers",
    "hard": "two singular values conjugate in a real quadratic field (a ± b√d), the others integers",
}
LAMBDA = Symbol("lambda")
#: Largest absolute value of an entry (two digits).
LARGEST_ENTRY = 99
#: Candidates drawn before giving up.
ATTEMPTS = 2000
#: The largest number of rows or columns.
MAX_SIDE = 6
#: Acceptable candidates among which the one with the smallest entries is taken.
CHOICES = 8


def generate(m, n, rank=None, *, seed=None, difficulty="easy"):
    """A random ``m×n`` integer matrix of the given rank whose SVD is nice for hand work.

    Parameters
    ----------
    m, n : int
        The shape, from 1 to ``MAX_SIDE`` (6); up to about 4 keeps the entries small.
    rank : int, optional
        Default ``min(m, n)``.
    seed : int, optional
        The same seed gives the same matrix.
    difficulty : {"easy", "medium", "hard"}
        What the problem guarantees (the module's documentation, and
        :data:`GUARANTEES`): ``easy`` integer singular values and rational
        singular vectors; ``medium`` singular values that are square roots of
        integers; ``hard`` a conjugate pair ``a ± b√d`` (needs rank >= 2).

    Returns
    -------
    sympy.ImmutableMatrix
        Integer entries of at most two digits, no zero row or column, neither
        Gram matrix diagonal (when ``m, n >= 2``).

    Examples
    --------
    >>> import exactsvd
    >>> A = generate(3, 2, seed=1)
    >>> A == generate(3, 2, seed=1), max(abs(a) for a in A) <= 99
    (True, True)
    >>> all(s.is_Integer for s in exactsvd.singular_values(A))
    True
    >>> B = generate(2, 3, rank=1, seed=7, difficulty="medium")
    >>> exactsvd.svd(B).rank, all((s**2).is_Integer for s in exactsvd.singular_values(B))
    (1, True)
    >>> C = generate(3, 3, seed=2, difficulty="hard")
    >>> sorted(s.is_Rational for s in exactsvd.singular_values(C))
    [False, False, True]
    """
    rank = _check_arguments(m, n, rank, difficulty, seed)
    if rank == 0:
        return ImmutableMatrix.zeros(m, n)
    rng = random.Random(seed)
    candidate = _quadratic_candidate if difficulty == "hard" else _orthogonal_candidate
    found = []
    for _ in range(ATTEMPTS):
        A = candidate(m, n, rank, rng, difficulty)
        if A is not None and _teaches(A):
            found.append(ImmutableMatrix(A))
            if len(found) == CHOICES:
                break
    if found:
        return min(found, key=lambda A: (max(map(abs, A)), sum(map(abs, A))))
    raise InvalidArgumentError(
        f"no {m}×{n} matrix of rank {rank} with entries of at most two digits was found in {ATTEMPTS} attempts; "
        "use a smaller shape or rank"
    )


def _check_arguments(m, n, rank, difficulty, seed):
    for name, value in (("m", m), ("n", n)):
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_SIDE:
            raise InvalidArgumentError(
                f"{name}={shorten(value)} must be an integer from 1 to {MAX_SIDE}: the search for small "
                "entries does not finish for larger matrices"
            )
    if seed is not None and (not isinstance(seed, int) or isinstance(seed, bool)):
        raise InvalidArgumentError(f"seed={shorten(seed)} must be an integer or None")
    rank = min(m, n) if rank is None else rank
    if not isinstance(rank, int) or isinstance(rank, bool) or not 0 <= rank <= min(m, n):
        raise InvalidArgumentError(f"rank={shorten(rank)} must be an integer from 0 to min(m, n) = {min(m, n)}")
    if difficulty not in DIFFICULTIES:
        choices = ", ".join(map(repr, DIFFICULTIES))
        raise InvalidArgumentError(f"difficulty={shorten(difficulty)} is not one of {choices}")
    return rank


def _orthogonal_candidate(m, n, rank, rng, difficulty):
    """``sum k_i p_i q_i^T`` (easy, medium), or ``None`` when its singular values are not distinct."""
    P, Q = _orthogonal_columns(m, rng, difficulty), _orthogonal_columns(n, rng, difficulty)
    columns = rng.sample(range(m), rank), rng.sample(range(n), rank)
    scales = rng.sample(range(1, 4 + rank), rank)
    A = [[sum(k * P[a][i] * Q[b][j] for k, i, j in zip(scales, *columns)) for b in range(n)] for a in range(m)]
    squares = [k**2 * _norm2(P, i) * _norm2(Q, j) for k, i, j in zip(scales, *columns)]
    return A if len(set(squares)) == len(squares) else None


def _quadratic_candidate(m, n, rank, rng, difficulty):
    """``P S Q^T`` for a symmetric ``S`` (rank×rank) with one irreducible quadratic factor (hard), or ``None``."""
    if rank < 2:
        raise InvalidArgumentError(f"rank={rank}: a hard problem needs rank 2 or more (a conjugate pair)")
    S = _symmetric(rank, rng)
    matrix = DomainMatrix(S, (rank, rank), ZZ)
    if matrix.rank() != rank or not _one_quadratic_factor(matrix):
        return None
    P, Q = (_signed_permutation(k, rng) if k == rank else [row[:rank] for row in _equal_columns(k, rng)] for k in (m, n))
    return _product(_product(P, S), _transpose(Q))


def _equal_columns(size, rng):
    """An integer matrix whose columns are orthogonal and all of one length (a reflection or rotation, scaled)."""
    M = _product(_signed_permutation(size, rng), rng.choice((_householder, _cayley))(size, rng))
    divisor = gcd(*(x for row in M for x in row))
    return [[x // divisor for x in row] for row in M]


def _symmetric(size, rng):
    S = [[0] * size for _ in range(size)]
    for i in range(size):
        for j in range(i, size):
            S[i][j] = S[j][i] = rng.randint(-3, 3)
    return S


def _one_quadratic_factor(matrix):
    """Whether the characteristic polynomial of *matrix* is linear factors times one simple irreducible quadratic."""
    factors = Poly(matrix.charpoly(), LAMBDA, domain=ZZ).factor_list()[1]
    degrees = sorted(factor.degree() for factor, _ in factors)
    return degrees[-1] == 2 and [e for factor, e in factors if factor.degree() == 2] == [1]


def _teaches(A):
    """Small entries, no zero row or column, and neither Gram matrix diagonal (for ``m, n >= 2``)."""
    rows, columns = A, _transpose(A)
    if any(abs(a) > LARGEST_ENTRY for row in A for a in row) or not all(map(any, rows + columns)):
        return False
    if min(len(rows), len(columns)) < 2:
        return True
    return all(_off_diagonal(lines) for lines in (rows, columns))


def _off_diagonal(lines):
    """Whether the Gram matrix of *lines* (their dot products) has a non-zero entry off its diagonal."""
    return any(_dot(x, y) for k, x in enumerate(lines) for y in lines[k + 1 :])


def _dot(x, y):
    return sum(a * b for a, b in zip(x, y))


def _norm2(M, j):
    return sum(row[j] ** 2 for row in M)


def _transpose(M):
    return [list(column) for column in zip(*M)]


def _product(X, Y):
    columns = _transpose(Y)
    return [[_dot(row, column) for column in columns] for row in X]


def _orthogonal_columns(size, rng, difficulty):
    """An integer ``size×size`` matrix (list of rows) with orthogonal columns, from a random rational orthogonal one."""
    kind = rng.choice((_householder, _cayley, _signed_permutation))
    M = _product(_signed_permutation(size, rng), kind(size, rng))
    if difficulty == "medium" and size > 1:
        i, j = rng.sample(range(size), 2)
        t = rng.choice((1, 2, 3))
        for row in M:
            row[i], row[j] = row[i] + t * row[j], t * row[i] - row[j]
    for j in range(size):
        divisor = gcd(*(row[j] for row in M))
        for row in M:
            row[j] //= divisor
    return M


def _householder(size, rng):
    """``(w.w) I - 2 w w^T`` for a small non-zero integer vector ``w``: ``w.w`` times a reflection."""
    w = [rng.randint(-2, 2) for _ in range(size)]
    if not any(w):
        w[rng.randrange(size)] = 1
    length = _dot(w, w)
    return [[length * (i == j) - 2 * w[i] * w[j] for j in range(size)] for i in range(size)]


def _cayley(size, rng):
    """``(I - K)(I + K)^(-1)`` for a small integer skew-symmetric ``K``, scaled to integers."""
    K = [[0] * size for _ in range(size)]
    for i in range(size):
        for j in range(i + 1, size):
            K[i][j] = rng.randint(-2, 2)
            K[j][i] = -K[i][j]
    identity = DomainMatrix.eye(size, QQ)
    skew = DomainMatrix(K, (size, size), ZZ).convert_to(QQ)
    Q = ((identity - skew) * (identity + skew).inv()).to_list()
    scale = 1
    for x in (x for row in Q for x in row):
        scale = scale * QQ.denom(x) // gcd(scale, int(QQ.denom(x)))
    return [[int(x * scale) for x in row] for row in Q]


def _signed_permutation(size, rng):
    M = [[0] * size for _ in range(size)]
    for j, i in enumerate(rng.sample(range(size), size)):
        M[i][j] = rng.choice((1, -1))
    return M
