"""Best rank-k approximations (Eckart–Young) and the rank-one layers of an SVD.

``A = s_1 u_1 v_1^T + s_2 u_2 v_2^T + ...`` (``v_i^H`` for complex ``A``): the partial sum of the first k
layers is ``A_k``, the best approximation of rank k in the 2-norm and in the
Frobenius norm, with ``||A - A_k||_2 = s_(k+1)`` and
``||A - A_k||_F^2 = s_(k+1)^2 + s_(k+2)^2 + ...`` (Eckart–Young).

For an exact result the products of singular vectors are formed in the
number field of each eigenvalue, where ``v v^T = w w^T / |w|^2`` and
``s u v^T = B w w^T / |w|^2`` need no square roots: each entry comes out
as ``r + q*sqrt(D)`` or a polynomial in one ``CRootOf``, never as a product
of nested radicals.  For other results (numeric ones, whose entries are
Floats) the products are formed from ``U``, ``S``, ``V`` as they are.
"""

from dataclasses import dataclass
from numbers import Integral

from sympy import (
    CRootOf,
    Expr,
    Float,
    ImmutableMatrix,
    Integer,
    count_ops,
    expand,
    sqrt,
    sqrtdenest,
)

from ..api import svd
from ..errors import InvalidArgumentError, shorten
from . import hermitian


@dataclass(frozen=True)
class LowRank:
    """The best rank-k approximation ``A_k`` of ``A`` and its Eckart–Young errors.

    Attributes
    ----------
    matrix : sympy.ImmutableMatrix
        ``A_k = s_1 u_1 v_1^T + ... + s_k u_k v_k^T`` (``A`` itself once k
        reaches the rank).
    k : int
        The rank asked for.
    error_2 : sympy.Expr
        ``||A - A_k||_2 = s_(k+1)`` (zero when k >= min(m, n)).
    error_frobenius : sympy.Expr
        ``||A - A_k||_F = sqrt(s_(k+1)^2 + s_(k+2)^2 + ...)``.
    """

    matrix: ImmutableMatrix
    k: int
    error_2: Expr
    error_frobenius: Expr


def truncate(result, k):
    """The best rank-k approximation of the matrix of an SVD, with its errors.

    Exact for an exact result: ``A_k`` is built in the eigenvalues' number
    fields and the errors are exact numbers.

    Parameters
    ----------
    result : SVDResult
        Any form; exact or numeric.
    k : int
        The rank wanted, ``k >= 0``.

    Returns
    -------
    LowRank

    Raises
    ------
    InvalidArgumentError
        When *k* is not a non-negative integer.

    Examples
    --------
    >>> import exactsvd
    >>> r = exactsvd.svd([[3, 0], [4, 5]])
    >>> r.singular_values
    (3*sqrt(5), sqrt(5))
    >>> a1 = truncate(r, 1)
    >>> a1.matrix
    Matrix([
    [3/2, 3/2],
    [9/2, 9/2]])
    >>> a1.error_2, a1.error_frobenius
    (sqrt(5), sqrt(5))

    Irrational singular values give ``A_k`` in their number field:

    >>> truncate(exactsvd.svd([[1, 1], [1, 0]]), 1).matrix
    Matrix([
    [1/2 + 3*sqrt(5)/10, sqrt(5)/10 + 1/2],
    [  sqrt(5)/10 + 1/2,        sqrt(5)/5]])
    """
    if isinstance(k, bool) or not isinstance(k, Integral) or k < 0:
        raise InvalidArgumentError(f"k={shorten(k)} is not a rank; pass an integer k >= 0")
    k = int(k)
    values = result.singular_values
    return LowRank(
        outer_sum(result, min(k, result.rank), "u", "v", 1),
        k,
        values[k] if k < len(values) else Integer(0),
        _frobenius_tail(result, k),
    )


def low_rank(A, k, **svd_kwargs):
    """The best rank-k approximation of *A*: ``truncate(exactsvd.svd(A, **svd_kwargs), k)``.

    Parameters
    ----------
    A : matrix-like
        Anything :func:`exactsvd.svd` takes.
    k : int
        The rank wanted, ``k >= 0``.
    **svd_kwargs
        Passed to :func:`exactsvd.svd` (``method="numeric"``, ``dps=``, ...).

    Returns
    -------
    LowRank

    Examples
    --------
    >>> low_rank([[1, 2, 1, 0], [2, 0, 1, 1]], 1).matrix
    Matrix([
    [3/2, 1, 1, 1/2],
    [3/2, 1, 1, 1/2]])
    """
    return truncate(svd(A, **svd_kwargs), k)


def terms(result):
    """The rank-one layers ``s_i u_i v_i^T``, one for each positive singular value.

    Their partial sums are the best approximations ``A_1, A_2, ...``; all of
    them add up to ``A``.

    Parameters
    ----------
    result : SVDResult
        Any form; exact or numeric.

    Returns
    -------
    tuple of sympy.ImmutableMatrix
        ``rank`` matrices of the shape of ``A``, largest singular value first.

    Examples
    --------
    >>> import exactsvd
    >>> first, second = terms(exactsvd.svd([[3, 0], [4, 5]]))
    >>> first, second
    (Matrix([
    [3/2, 3/2],
    [9/2, 9/2]]), Matrix([
    [ 3/2, -3/2],
    [-1/2,  1/2]]))
    >>> first + second
    Matrix([
    [3, 0],
    [4, 5]])
    """
    return tuple(_outer(result, i, "u", "v", 1) for i in range(result.rank))


def outer_sum(result, count, left, right, power):
    """``sum s_i^power x_i y_i^T`` over the first *count* positive singular values.

    ``x`` and ``y`` are the singular vectors named by *left* and *right*
    (``"u"`` or ``"v"``); ``power`` is an integer.  An all-zero matrix of the
    right shape when *count* is 0.  For an exact result, the terms of all the
    conjugate roots of one eigenvalue factor are summed by a trace, so a
    rational matrix gets a rational pseudo-inverse.

    Parameters
    ----------
    result : SVDResult
    count : int
        How many singular values, at most ``result.rank``.
    left, right : {"u", "v"}
    power : int

    Returns
    -------
    sympy.ImmutableMatrix

    Examples
    --------
    >>> import exactsvd
    >>> outer_sum(exactsvd.svd([[3, 0], [4, 5]]), 2, "v", "u", -1)   # the inverse
    Matrix([
    [  1/3,   0],
    [-4/15, 1/5]])
    """
    total = ImmutableMatrix.zeros(_length(result, left), _length(result, right))
    decomposition = getattr(result, "decomposition", None)
    if decomposition is None:
        for i in range(count):
            total += _outer(result, i, left, right, power)
        return total
    groups = {}
    for pair in decomposition.pairs[:count]:
        groups.setdefault((pair.space, pair.index), []).append(pair.root)
    for (space, a), roots in groups.items():
        xs, ys, weight, odd = _field_outer(decomposition, space, a, left, right, power)
        field = space.field
        at_root = hermitian.at_root if result.is_complex else _at_root
        if odd or len(roots) < field.degree:
            total += sum((at_root(field, xs, ys, weight, odd, root) for root in roots), total.zeros(*total.shape))
        elif result.is_complex:
            total += hermitian.traced(field, xs, ys, weight)
        else:
            total += ImmutableMatrix(field.traced_outer(xs, ys, weight).to_Matrix())
    return total


def _length(result, side):
    return (result.U if side == "u" else result.V).rows


def _outer(result, i, left, right, power):
    """``s_i^power x_i y_i^T`` for the i-th positive singular value (0-based)."""
    decomposition = getattr(result, "decomposition", None)
    if decomposition is None:
        columns = {"u": result.U[:, i], "v": result.V[:, i]}
        return ImmutableMatrix(result.singular_values[i] ** power * columns[left] * hermitian.adjoint(result, columns[right]))
    pair = decomposition.pairs[i]
    xs, ys, weight, odd = _field_outer(decomposition, pair.space, pair.index, left, right, power)
    at_root = hermitian.at_root if result.is_complex else _at_root
    return at_root(pair.space.field, xs, ys, weight, odd, pair.root)


def _field_outer(decomposition, space, a, left, right, power):
    """``(x, y, weight, odd)`` over the eigen-field with ``s^power x_unit y_unit^T = x y^T weight s^odd``.

    The Gram-side vector ``w`` has ``|w|^2 = n`` and its partner ``B w`` has
    ``|B w|^2 = theta n``, so each partner among ``x, y`` divides by ``s``.
    """
    field = space.field
    gram_side, partner_side = ("v", "u") if decomposition.spectrum.side == "right" else ("u", "v")
    vectors = {gram_side: space.gram_vectors[a], partner_side: space.partner_vectors[a]}
    half, odd = divmod(power - (left == partner_side) - (right == partner_side), 2)
    weight = field.domain.one / space.norms[a]
    step = field.theta if half > 0 else field.domain.one / field.theta
    for _ in range(abs(half)):
        weight = weight * step
    return vectors[left], vectors[right], weight, odd


def _at_root(field, xs, ys, weight, odd, root):
    """The SymPy matrix ``x y^T weight s^odd`` at one root of the field."""
    entries = [[field.expr(x * y * weight, root) for y in ys] for x in xs]
    if odd:
        s = field.singular_value(root)
        entries = [[expand(e * s) for e in row] for row in entries]
    return ImmutableMatrix(entries)


def _frobenius_tail(result, k):
    """``sqrt(s_(k+1)^2 + ...)``; for exact results the shorter of that sum and ``||A||_F^2 - s_1^2 - ... - s_k^2``."""
    squares = [expand(s**2) for s in result.singular_values]
    candidates = [sum(squares[k:], Integer(0))]
    if not any(s.has(Float) for s in squares):
        modulus = hermitian.squared_modulus if result.is_complex else (lambda a: a**2)
        candidates.append(expand(sum((modulus(a) for a in result.matrix), Integer(0)) - sum(squares[:k], Integer(0))))
    total = min(candidates, key=count_ops)
    root = sqrt(total)
    return root if total.has(CRootOf) else min((root, sqrtdenest(root)), key=count_ops)
