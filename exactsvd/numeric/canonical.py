"""The canonical form of CONVENTIONS.md (rules 1-6), as far as it makes sense numerically.

Two numeric notions replace exact equality:

- *tie*: singular values within ``10**-dps * s_1`` of each other are treated as
  repeated, and those within it of 0 are set to exactly 0 (rule 1).  At the
  requested precision they cannot be told apart; the bound accounts for the
  change, since it is computed afterwards for what is returned.
- *noise*: an entry of a unit vector at most ``2**(-f/2)`` in size (about half
  the working digits) counts as zero.

Rule 5, numerically.  The hand method's basis of a subspace ``W`` (the
kernel's, or one repeated value's eigenspace) has one vector per *free column*
``j``, with 1 at ``j`` and 0 at the other free columns; Gram–Schmidt in that
order then gives the unique orthonormal basis ``Q`` of ``W`` whose rows at the
free columns form an upper triangular matrix with a positive diagonal.  The
free columns are the ``j`` where some vector of ``W`` has its last non-zero
entry, found from the last row of an orthonormal basis ``X`` of ``W`` upwards
(a row is free when it is not, up to *noise*, in the span of the rows below).
Gram–Schmidt (twice, for accuracy) of those rows in that order yields the
rotation ``Q`` with ``X Q`` the canonical basis, without ever solving with the
possibly ill-conditioned free rows.

Rules 2-4 and 6: a repeated value's basis is chosen on the side whose Gram
matrix the hand method uses (``V`` when m >= n, else ``U``) and the partner
columns turn with it, so ``u_i = A v_i / s_i`` keeps holding; the two kernels
(``V``'s columns ``r..n-1``, ``U``'s ``r..m-1``, r the number of non-zero
values) get canonical bases of their own.  Finally each ``v_i`` with
``s_i > 0`` gets its first entry above noise positive, its ``u_i`` flipping with
it, and the kernel columns of ``U`` and ``V`` each get theirs positive.
"""

from math import isqrt

from ..errors import NoConvergence
from .fixedpoint import FixedSVD, dot, rdiv, rescale, transpose


def canonicalize(svd, dps, kernel):
    """The canonical form of a full fixed-point SVD (see the module docstring)."""
    f, m, n = svd.scale, len(svd.u), len(svd.v)
    order = sorted(range(len(svd.s)), key=lambda k: -svd.s[k])
    tie = max(svd.s, default=0) // 10**dps
    s = [svd.s[k] if svd.s[k] > tie else 0 for k in order]
    u = [svd.u[k] for k in order] + svd.u[len(order) :]
    v = [svd.v[k] for k in order] + svd.v[len(order) :]
    rank, noise = sum(1 for x in s if x), 1 << f // 2
    lead, partner = (v, u) if m >= n else (u, v)
    for group in repeated(s[:rank], tie):
        rotation = _rotation([lead[k] for k in group], f, noise)
        for side in (lead, partner):
            _turn(side, group, rotation, f, kernel)
    for side in (u, v):
        kernel_part = list(range(rank, len(side)))
        if len(kernel_part) > 1:
            _turn(side, kernel_part, _rotation(side[rank:], f, noise), f, kernel)
    for k in range(len(v)):
        if _first(v[k], noise) < 0:
            v[k] = [-x for x in v[k]]
            if k < rank:
                u[k] = [-x for x in u[k]]
    for k in range(rank, m):
        if _first(u[k], noise) < 0:
            u[k] = [-x for x in u[k]]
    return FixedSVD(u, s, v, f)


def repeated(values, tie):
    """Index groups (size >= 2) of consecutive descending *values* at most *tie* apart."""
    groups, current = [], [0] if values else []
    for k in range(1, len(values)):
        if values[k - 1] - values[k] <= tie:
            current.append(k)
        else:
            groups.append(current)
            current = [k]
    groups.append(current)
    return [g for g in groups if len(g) > 1]


def _turn(side, indices, rotation, f, kernel):
    """Replace the columns ``side[indices]`` (a matrix ``X``) by those of ``X Q``."""
    turned = kernel.matmul(rotation, [side[k] for k in indices])
    for k, col in zip(indices, turned):
        side[k] = [rescale(x, 2 * f, f) for x in col]


def _rotation(cols, f, noise):
    """The columns of ``Q`` that turn the orthonormal *cols* into the canonical basis of their span.

    A free row may be nearly dependent on the rows below it (down to *noise*);
    normalising its residual magnifies rounding errors by up to ``2**(f/2)``, so
    the search runs at twice the scale and ``Q`` stays orthogonal to ``2**-f``.
    """
    d, g = len(cols), 2 * f
    rows, found, found_t, free = [[x << f for x in row] for row in transpose(cols)], [], [[] for _ in cols], []
    for i in reversed(range(len(rows))):
        residual = _project_out(rows[i], found, found_t, g)
        norm = isqrt(dot(residual, residual))
        if norm > noise << f:
            found.append([rdiv(x << g, norm) for x in residual])
            for column, x in zip(found_t, found[-1]):
                column.append(x)
            free.append(i)
            if len(found) == d:
                break
    if len(found) < d:
        raise NoConvergence(
            "the computed singular vectors are not orthonormal enough to choose a canonical basis; "
            "retry with a larger dps"
        )
    signs = [1 if dot(rows[i], q) > 0 else -1 for i, q in zip(free[::-1], found[::-1])]
    return [[sign * rescale(x, g, f) for x in q] for sign, q in zip(signs, found[::-1])]


def _project_out(x, basis, basis_t, f):
    """*x* minus its projection on the orthonormal *basis* (rows; *basis_t* its columns), Gram–Schmidt twice."""
    for _ in range(2 if basis else 0):
        c = [rescale(dot(b, x), 2 * f, f) for b in basis]
        x = [rescale((xi << f) - dot(c, column), f, 0) for xi, column in zip(x, basis_t)]
    return x


def _first(x, noise):
    """The first entry of *x* above *noise* in size (0 if there is none)."""
    return next((e for e in x if abs(e) > noise), 0)
