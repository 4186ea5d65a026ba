"""The fast engine: a float64 SVD refined to many digits by matrix products.

Ogita & Aishima, "Iterative refinement for singular value decomposition based
on matrix multiplication", J. Comput. Appl. Math. 369 (2020), Algorithm 1.
For ``A`` m×n with m >= n (a wide matrix is done through its transpose) and an
approximate full SVD ``U`` (m×m), ``V`` (n×n), one step is

- ``R = I - U^T U``, ``S = I - V^T V``, ``T = U^T A V``;
- ``sigma_i = t_ii / (1 - (r_ii + s_ii) / 2)``;
- for i != j <= n, with ``alpha_ij = t_ij + r_ij sigma_j`` and
  ``beta_ij = t_ji + s_ij sigma_j``:
  ``f_ij = (alpha_ij sigma_j + beta_ij sigma_i) / (sigma_j^2 - sigma_i^2)``,
  ``g_ij = (alpha_ij sigma_i + beta_ij sigma_j) / (sigma_j^2 - sigma_i^2)``;
- for i > n >= j: ``f_ji = -t_ij / sigma_j``, ``f_ij = r_ij - f_ji``;
  for i, j > n: ``f_ij = r_ij / 2``; ``f_ii = r_ii / 2``, ``g_ii = s_ii / 2``;
- ``U <- U (I + F)``, ``V <- V (I + G)``.

It converges quadratically.  All of it runs on exact int matrix products
(python-flint's ``fmpz_mat`` when installed) in fixed point; the precision
roughly doubles each step, so the early steps are cheap.

Clusters.  Where float64 cannot separate two singular values (relative gap
below ``GAP``) the divisions above are meaningless; such values form a
cluster, and inside it a step only restores orthogonality (``f_ij = r_ij / 2``,
``g_ij = s_ij / 2``).  Values below ``GAP * s_1`` form the *zero cluster*,
which on the ``U`` side also holds the columns ``n..m-1``.  The subspaces of a
cluster still converge; once they have, the small block ``U_c^T A V_c`` of
each cluster is decomposed by mpmath's ``svd_r`` at full precision and its
factors rotate ``U_c`` and ``V_c`` (a zero block, or a multiple of an
orthogonal one, needs no SVD).  The corrections divide by the gaps between
clusters, so the iteration carries ``log2(s_1 / gap)`` extra bits.  When a step gains no accuracy, or
``MAX_STEPS`` do not reach it, the caller falls back to the mpmath engine.
"""

import math
from math import isqrt

from .fixedpoint import FixedSVD, rdiv, rescale, transpose
from .mpsvd import svd_fixed

START_BITS = 52  # the float64 start is stored exactly at this scale
INPUT_BITS = 1000  # scale of the matrix handed to float64: floats reach 2**1023
GAP = 1e-6  # relative gap that float64 vectors resolve well enough to converge
MAX_STEPS = 12


def refined_svd(problem, f, kernel):
    """The full SVD of the normalised problem matrix at scale *f*, or ``None`` if the refinement fails."""
    m, n = problem.shape
    if m < n:
        result = _refine_tall(problem.transpose(), f, kernel)
        return None if result is None else FixedSVD(result.v, result.s, result.u, f)
    return _refine_tall(problem, f, kernel)


def _refine_tall(problem, f, kernel):
    import numpy as np

    m, n = problem.shape
    a = np.ldexp(np.array([[float(x) for x in row] for row in problem.fixed(INPUT_BITS)]), -INPUT_BITS)
    try:
        u0, s0, vt0 = np.linalg.svd(a)
    except np.linalg.LinAlgError:
        return None
    labels = _clusters(s0.tolist())
    top = f + _gap_bits(s0.tolist(), labels)
    p = START_BITS
    u = [[int(x) for x in row] for row in np.rint(np.ldexp(u0.T, p)).tolist()]
    v = [[int(x) for x in row] for row in np.rint(np.ldexp(vt0, p)).tolist()]
    margin, previous = 2 * m.bit_length() + 8, 0
    for _ in range(MAX_STEPS):
        q = min(top, 2 * p + 16)
        r, s, t = _defects(problem, u, v, p, q, kernel)
        accuracy = q - _largest(r, s, t, labels).bit_length()
        sigma = [rdiv(t[j][j] << q, (1 << q) - ((r[j][j] + s[j][j]) >> 1)) for j in range(n)]
        if accuracy >= f - margin:
            break
        if accuracy <= previous:  # no progress: float64 was too far off
            return None
        previous = accuracy
        ft, gt = _corrections(r, s, t, sigma, labels, q)
        u, v, p = _update(u, ft, p, q, kernel), _update(v, gt, p, q, kernel), q
    else:
        return None
    u = [[rescale(x, p, f) for x in col] for col in u]
    v = [[rescale(x, p, f) for x in col] for col in v]
    sigma = [rescale(x, q, f) for x in sigma]
    return _resolve_clusters(problem, FixedSVD(u, sigma, v, f), labels, margin, kernel)


def _clusters(s):
    """Cluster labels of the descending float singular values *s*; label 0 is the zero cluster."""
    top, labels, label = (s[0] if s else 0.0), [], 0
    for k, x in enumerate(s):
        if x <= GAP * top:
            labels.append(0)
            continue
        if k == 0 or s[k - 1] - x > GAP * top:
            label += 1
        labels.append(label)
    return labels


def _gap_bits(s, labels):
    """``log2(s_1 / g)`` for the smallest gap ``g`` the corrections divide by: extra bits they need."""
    gaps = [s[k] - s[k + 1] for k in range(len(s) - 1) if labels[k] != labels[k + 1]]
    gaps += [x for x, label in zip(s, labels) if label][-1:]  # to the zero cluster and the columns past n
    return max(0, math.ceil(math.log2(s[0] / min(gaps)))) if gaps else 0


def _defects(problem, u, v, p, q, kernel):
    """``R``, ``S``, ``T`` at scale *q* for *u*, *v* (columns) at scale *p*."""
    one = 1 << 2 * p
    r = [
        [rescale((one if i == j else 0) - x, 2 * p, q) for j, x in enumerate(row)]
        for i, row in enumerate(kernel.matmul(u, transpose(u)))
    ]
    s = [
        [rescale((one if i == j else 0) - x, 2 * p, q) for j, x in enumerate(row)]
        for i, row in enumerate(kernel.matmul(v, transpose(v)))
    ]
    av = kernel.matmul(problem.fixed(q), transpose(v))
    t = [[rescale(x, q + 2 * p, q) for x in row] for row in kernel.matmul(u, av)]
    return r, s, t


def _largest(r, s, t, labels):
    """The largest defect the iteration must remove (in-cluster couplings of ``T`` excluded)."""
    n = len(s)
    largest = max(abs(x) for row in r + s for x in row)
    for i, row in enumerate(t):
        for j, x in enumerate(row):
            inside = labels[j] == (labels[i] if i < n else 0)
            if i != j and not inside:
                largest = max(largest, abs(x))
    return largest


def _corrections(r, s, t, sigma, labels, q):
    """``F^T`` and ``G^T`` (as rows) of one Ogita–Aishima step at scale *q*."""
    m, n = len(r), len(s)
    ft = [[rescale(r[i][j], 1, 0) for j in range(m)] for i in range(m)]
    gt = [[rescale(s[i][j], 1, 0) for j in range(n)] for i in range(n)]
    for i in range(n):
        for j in range(i + 1, n):
            if labels[i] != labels[j]:
                ft[j][i], gt[j][i] = _pair(i, j, r, s, t, sigma, q)
                ft[i][j], gt[i][j] = _pair(j, i, r, s, t, sigma, q)
    for i in range(n, m):
        for j in range(n):
            if labels[j] != 0:
                ft[i][j] = rdiv(-t[i][j] << q, sigma[j])
                ft[j][i] = r[i][j] - ft[i][j]
    return ft, gt


def _pair(i, j, r, s, t, sigma, q):
    """``(f_ij, g_ij)`` for two singular values in different clusters."""
    si, sj = sigma[i], sigma[j]
    alpha = t[i][j] + rescale(r[i][j] * sj, q, 0)
    beta = t[j][i] + rescale(s[i][j] * sj, q, 0)
    denominator = sj * sj - si * si
    return rdiv((alpha * sj + beta * si) << q, denominator), rdiv((alpha * si + beta * sj) << q, denominator)


def _update(cols, correction_t, p, q, kernel):
    """The columns of ``X (I + C)`` at scale *q*, for *cols* of ``X`` at scale *p* and ``C^T`` at scale *q*."""
    product = kernel.matmul(correction_t, cols)
    return [[rescale(x, p, q) + rescale(y, p + q, q) for x, y in zip(col, extra)] for col, extra in zip(cols, product)]


def _resolve_clusters(problem, svd, labels, margin, kernel):
    """Rotate each cluster by the SVD of its block ``B = U_c^T A V_c`` (see the module docstring)."""
    m, n, f = len(svd.u), len(svd.v), svd.scale
    u, s, v = list(svd.u), list(svd.s), list(svd.v)
    a = problem.fixed(f)
    for label in sorted(set(labels)):
        iv = [j for j in range(n) if labels[j] == label]
        iu = iv + list(range(n, m)) if label == 0 else iv
        if not iv or (label != 0 and len(iv) < 2):
            continue
        uc, vc = [u[i] for i in iu], [v[j] for j in iv]
        block = kernel.matmul(kernel.matmul(uc, a), transpose(vc))  # scale 3f
        left, values, right = _block_svd(block, f, margin, label == 0, kernel)
        for side, indices, cols, turn in ((u, iu, uc, left), (v, iv, vc, right)):
            if turn is not None:
                for k, col in zip(indices, kernel.matmul(turn, cols)):
                    side[k] = [rescale(x, 2 * f, f) for x in col]
        for j, value in zip(iv, values):
            s[j] = value
    return FixedSVD(u, s, v, f)


def _block_svd(block, f, margin, zero_cluster, kernel):
    """``(P, values, Q)`` (columns at scale *f*, ``None`` for the identity) with ``block = P diag(values) Q^T``.

    Two blocks need no SVD: in the zero cluster a block below ``2**(margin - f)``
    in Frobenius norm (its values are 0), and elsewhere a block ``c W`` with
    ``W`` orthogonal (``B^T B = c^2 I`` to ``f - margin`` bits), as for a
    multiple of an orthogonal matrix: ``P = W``, ``Q = I``.
    """
    k = len(block[0])
    gram = kernel.matmul(transpose(block), block)  # scale 6f
    trace = sum(gram[i][i] for i in range(k))
    if zero_cluster and trace <= 1 << 4 * f + 2 * margin:
        return None, [0] * k, None
    mean = trace // k
    spread = sum((x - (mean if i == j else 0)) ** 2 for i, row in enumerate(gram) for j, x in enumerate(row))
    if not zero_cluster and spread << 2 * (f - margin) <= mean * mean:
        c = isqrt(mean)  # scale 3f
        return [[rdiv(x << f, c) for x in col] for col in transpose(block)], [rescale(c, 3 * f, f)] * k, None
    return svd_fixed(block, 3 * f, f)
