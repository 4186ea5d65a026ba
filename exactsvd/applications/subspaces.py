"""What an SVD tells about its matrix: pseudo-inverse, the four subspaces, norms, rank, polar form.

Each function takes an :class:`~exactsvd.SVDResult` and is exact when the
result is (the products of singular vectors are formed as in
:mod:`.lowrank`).
"""

from collections import namedtuple

from sympy import ImmutableMatrix, Integer, SympifyError, expand, oo, radsimp, sympify

from ..errors import InvalidArgumentError, shorten
from . import hermitian
from .lowrank import outer_sum

Subspaces = namedtuple("Subspaces", "column row null left_null")
Subspaces.__doc__ = """Orthonormal bases (as matrix columns) of the four fundamental subspaces of ``A`` (m×n, rank r).

``column``: range of ``A`` (m×r, ``u_1 .. u_r``); ``row``: range of ``A^T``
(n×r, ``v_1 .. v_r``); ``null``: kernel of ``A`` (n×(n-r)); ``left_null``:
kernel of ``A^T`` (m×(m-r)).
"""

Polar = namedtuple("Polar", "Q P")
Polar.__doc__ = """The polar decomposition ``A = Q P``.

``P`` is symmetric positive semidefinite; ``Q`` has orthonormal columns (or rows).
"""


def pseudo_inverse(result):
    """The Moore–Penrose pseudo-inverse ``A^+ = v_1 u_1^T / s_1 + ... + v_r u_r^T / s_r``.

    Parameters
    ----------
    result : SVDResult
        Any form; exact or numeric.

    Returns
    -------
    sympy.ImmutableMatrix
        n×m; rational for a rational ``A`` (exact result).

    Examples
    --------
    >>> import exactsvd
    >>> pseudo_inverse(exactsvd.svd([[1, 1], [1, 1], [0, 0]]))
    Matrix([
    [1/4, 1/4, 0],
    [1/4, 1/4, 0]])
    """
    return outer_sum(result, result.rank, "v", "u", -1)


def fundamental_subspaces(result):
    """Orthonormal bases of the column space, row space, null space and left null space.

    The columns of the full ``U`` and ``V``, split at the rank, so the bases
    follow the canonical form (the null spaces are the orthonormalised
    reduced-row-echelon bases of the hand method).

    Parameters
    ----------
    result : SVDResult
        The full form (``exactsvd.svd(A)``), which has all of ``U`` and ``V``.

    Returns
    -------
    Subspaces
        ``(column, row, null, left_null)``, each a matrix whose columns are the basis.

    Examples
    --------
    >>> import exactsvd
    >>> spaces = fundamental_subspaces(exactsvd.svd([[1, 2], [2, 4]]))
    >>> spaces.column.T, spaces.null.T
    (Matrix([[sqrt(5)/5, 2*sqrt(5)/5]]), Matrix([[2*sqrt(5)/5, -sqrt(5)/5]]))
    >>> [space.shape for space in spaces]
    [(2, 1), (2, 1), (2, 1), (2, 1)]
    """
    U, _, V = result
    m, n = U.rows, V.rows
    if (U.cols, V.cols) != (m, n):
        raise InvalidArgumentError(
            f"result has form={shorten(result.form)}, which lacks the null spaces; pass the full form, exactsvd.svd(A)"
        )
    r = result.rank
    return Subspaces(U[:, :r], V[:, :r], V[:, r:], U[:, r:])


def norm_2(result):
    """The spectral norm ``||A||_2 = s_1`` (0 for a zero or empty matrix).

    Parameters
    ----------
    result : SVDResult

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import exactsvd
    >>> norm_2(exactsvd.svd([[1, 1], [1, 0]]))
    1/2 + sqrt(5)/2
    """
    return result.singular_values[0] if result.singular_values else Integer(0)


def condition_number(result):
    """The 2-norm condition number ``s_1 / s_min(m, n)``, as NumPy's ``cond`` and MATLAB's ``cond``.

    ``oo`` when the rank is less than ``min(m, n)`` (a singular square matrix,
    or a rectangular one without full rank, the zero matrix included); 0 for
    an empty matrix.

    Parameters
    ----------
    result : SVDResult

    Returns
    -------
    sympy.Expr

    Examples
    --------
    >>> import exactsvd
    >>> condition_number(exactsvd.svd([[1, 1], [1, 0]]))
    sqrt(5)/2 + 3/2
    >>> condition_number(exactsvd.svd([[1, 2], [2, 4]]))
    oo
    """
    values = result.singular_values
    if not values:
        return Integer(0)
    if result.rank < len(values):
        return oo
    return expand(radsimp(values[0] / values[-1]))


def numerical_rank(result, tol):
    """The number of singular values greater than *tol*.

    Parameters
    ----------
    result : SVDResult
    tol : int, float, Fraction or SymPy number
        ``tol >= 0``; compared exactly with exact singular values.  With
        ``tol = 0`` this is the rank.

    Returns
    -------
    int

    Raises
    ------
    InvalidArgumentError
        When *tol* is not a non-negative real number.

    Examples
    --------
    >>> import exactsvd
    >>> r = exactsvd.svd([[1, 0, 0], [0, "1/1000", 0], [0, 0, 0]])
    >>> from fractions import Fraction
    >>> numerical_rank(r, 0), numerical_rank(r, Fraction(1, 100)), numerical_rank(r, 1e-6)
    (2, 1, 2)
    """
    try:
        value = sympify(tol, strict=True)
    except SympifyError:
        value = None
    if isinstance(tol, bool) or value is None or not (value.is_number and value.is_nonnegative):
        raise InvalidArgumentError(f"tol={shorten(tol)} is not a tolerance; pass a real number tol >= 0")
    return sum(1 for s in result.singular_values if s > value)


def polar(result):
    """The polar decomposition ``A = Q P`` with ``P = (A^T A)^(1/2) = V S V^T`` and ``Q = U V^T``.

    For complex ``A``: ``P = (A^H A)^(1/2) = V S V^H`` (Hermitian) and ``Q = U V^H`` (unitary).

    With ``k = min(m, n)`` columns of ``U`` and ``V``: ``P`` is n×n symmetric
    positive semidefinite and unique; ``Q`` is m×n with ``Q^T Q = I`` when
    ``m >= n`` (``Q Q^T = I`` when ``m < n``), unique when ``A`` has full rank.
    For a square ``A``, ``Q`` is orthogonal: the rotation (or reflection) in ``A``.

    Parameters
    ----------
    result : SVDResult
        Full or thin form.

    Returns
    -------
    Polar
        ``(Q, P)``.

    Examples
    --------
    >>> import exactsvd
    >>> Q, P = polar(exactsvd.svd([[3, 0], [4, 5]]))
    >>> Q
    Matrix([
    [2*sqrt(5)/5,  -sqrt(5)/5],
    [  sqrt(5)/5, 2*sqrt(5)/5]])
    >>> P
    Matrix([
    [2*sqrt(5),   sqrt(5)],
    [  sqrt(5), 2*sqrt(5)]])
    >>> Q * P
    Matrix([
    [3, 0],
    [4, 5]])
    """
    U, _, V = result
    k, r = min(U.rows, V.rows), result.rank
    if min(U.cols, V.cols) < k:
        raise InvalidArgumentError(
            f"result has form={shorten(result.form)}, which lacks columns of U or V; pass the full or thin form"
        )
    Q = outer_sum(result, r, "u", "v", 0) + U[:, r:k] * hermitian.adjoint(result, V[:, r:k])
    return Polar(ImmutableMatrix(Q), outer_sum(result, r, "v", "v", 1))
