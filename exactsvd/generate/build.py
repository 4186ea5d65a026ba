"""Matrices with small integer entries whose SVD is nice for hand work.

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
singular values are ``s_i = k_i |p_i| |q_i|`` (integers for ``easy``, square
roots of integers for ``medium``), ``u_i = p_i / |p_i|`` and
``v_i = q_i / |q_i|`` have small rational or simple radical entries.
Candidates are drawn from a seeded :class:`random.Random`; of the first
:data:`CHOICES` that have entries of at most two digits, distinct singular
values and some row or column with two non-zero entries, the one with the
smallest entries is taken, so a seed always gives the same matrix.
"""

import random
from math import gcd

from sympy import ImmutableMatrix, Matrix, eye, zeros

from ..errors import InvalidArgumentError, shorten

DIFFICULTIES = ("easy", "medium")
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
    difficulty : {"easy", "medium"}
        ``easy``: integer singular values, rational singular vectors for
        them (the vectors that complete ``U`` and ``V`` may need square roots).
        ``medium``: singular values that may be square roots of integers,
        singular vectors with entries such as ``2/sqrt(5)``.

    Returns
    -------
    sympy.ImmutableMatrix
        Integer entries of at most two digits; distinct non-zero singular values.

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
    """
    rank = _check_arguments(m, n, rank, difficulty, seed)
    if rank == 0:
        return ImmutableMatrix.zeros(m, n)
    rng = random.Random(seed)
    found = []
    for _ in range(ATTEMPTS):
        P, Q = _orthogonal_columns(m, rng, difficulty), _orthogonal_columns(n, rng, difficulty)
        columns = rng.sample(range(m), rank), rng.sample(range(n), rank)
        scales = rng.sample(range(1, 4 + rank), rank)
        A = zeros(m, n)
        for k, i, j in zip(scales, *columns):
            A += k * P[:, i] * Q[:, j].T
        squares = [k**2 * _norm2(P[:, i]) * _norm2(Q[:, j]) for k, i, j in zip(scales, *columns)]
        if _nice(A, squares):
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


def _nice(A, squares):
    """Small entries, distinct singular values, and more than one non-zero entry in some row or column."""
    small = all(abs(a) <= LARGEST_ENTRY for a in A)
    lines = [A.row(i) for i in range(A.rows)] + [A.col(j) for j in range(A.cols)]
    trivial = A.shape != (1, 1) and all(sum(1 for a in line if a) <= 1 for line in lines)
    return small and len(set(squares)) == len(squares) and not trivial


def _norm2(column):
    return sum(x**2 for x in column)


def _orthogonal_columns(size, rng, difficulty):
    """An integer ``size×size`` matrix with orthogonal columns, from a random rational orthogonal matrix."""
    kind = rng.choice((_householder, _cayley, _signed_permutation))
    M = _signed_permutation(size, rng) * _integral(kind(size, rng))
    if difficulty == "medium" and size > 1:
        i, j = rng.sample(range(size), 2)
        t = rng.choice((1, 2, 3))
        M[:, i], M[:, j] = M[:, i] + t * M[:, j], t * M[:, i] - M[:, j]
    for j in range(size):
        M[:, j] /= gcd(*M[:, j])
    return M


def _householder(size, rng):
    """``I - 2 w w^T / (w.w)`` for a small non-zero integer vector ``w``."""
    w = Matrix([rng.randint(-2, 2) for _ in range(size)])
    if not any(w):
        w[rng.randrange(size)] = 1
    return eye(size) - 2 * w * w.T / (w.T * w)[0]


def _cayley(size, rng):
    """``(I - K)(I + K)^(-1)`` for a small integer skew-symmetric ``K``."""
    K = zeros(size, size)
    for i in range(size):
        for j in range(i + 1, size):
            K[i, j] = rng.randint(-2, 2)
            K[j, i] = -K[i, j]
    return (eye(size) - K) * (eye(size) + K).inv()


def _signed_permutation(size, rng):
    M = zeros(size, size)
    for j, i in enumerate(rng.sample(range(size), size)):
        M[i, j] = rng.choice((1, -1))
    return M


def _integral(Q):
    """A rational orthogonal *Q* scaled to integers; all columns keep one integer length."""
    scale = 1
    for x in Q:
        scale = scale * x.q // gcd(scale, x.q)
    M = Q * scale
    return M / gcd(*M)
