"""Exact proof that the data of an :class:`ExactDecomposition` is an SVD.

**Full form** (``U``, ``V`` square).  For one eigenvector ``w(theta)`` of an
irreducible factor ``p``, the sum over all roots of ``p`` of ``w w^T / n`` is a
trace from ``L = K[x]/(p)`` down to ``K``: a matrix over ``K``, computed with
the trace form and no radicals.  So

* ``V V^T = I`` and ``U U^T = I`` (square factors: orthogonal), and
* ``U S V^T = A`` (the sum of ``s_i u_i v_i^T = B w w^T / n``)

are proved over ``K``.

**Thin and compact forms** (``k`` columns).  They claim ``U^T U = I_k``,
``V^T V = I_k`` and ``U S V^T = A``; with ``G = B^T B`` the Gram matrix, the
proof checks exactly, over ``L`` and ``K``:

* ``G w = theta w`` for every eigenvector (in ``L``: at every root at once),
  ``w_a . w_b = 0`` (``a != b``) and ``w_a . w_a = n_a`` inside one eigenspace,
  and that the partner vectors are ``B w``;
* ``G y = 0`` and ``B^T z = 0`` for the kernel columns kept, which are
  orthogonal with the squared norms they are divided by;

Eigenvectors of a symmetric ``G`` for different eigenvalues are orthogonal, so
the columns are orthonormal (``(B w_a) . (B w_b) = w_a^T G w_b``).
``U S V^T = A`` is the traced sum of ``B w w^T / n`` over the pairs, as in the
full form (an m×n identity: the m×m ones are never formed).

In both cases the order of the singular values is proved with disjoint
isolating intervals, and every ``theta`` is shown to be positive.  Over ``QQ``
all products are integer products (python-flint's when SymPy runs on it).
"""

from operator import mul

from sympy.polys.matrices import DomainMatrix

from ..core.integers import IntegerMatrix, RationalSum, integer_matrix, inverse_mod, matmul, polymul
from ..core.linalg import dot
from ..errors import VerificationError


def certify(decomposition, form="full"):
    """Prove the SVD identities of *form* exactly; raise :class:`VerificationError` if one fails.

    Examples
    --------
    >>> from sympy import Matrix
    >>> from sympy.polys.domains import QQ
    >>> from exactsvd.core import decompose
    >>> A = DomainMatrix.from_Matrix(Matrix([[1, 1], [1, 0]])).convert_to(QQ)
    >>> certify(decompose(A))
    True
    >>> B = DomainMatrix.from_Matrix(Matrix([[1, 1], [1, 1], [0, 2]])).convert_to(QQ)
    >>> certify(decompose(B, left=0), "thin")
    True
    """
    if form == "full":
        problems = _trace_problems(decomposition, ("uu", "vv", "usv"))
    else:
        problems = _column_problems(decomposition) + _trace_problems(decomposition, ("usv",))
    return conclude_proof(problems, decomposition.pairs)


def conclude_proof(problems, pairs):
    """Add the checks of the singular pairs (each root once, positive, descending) to *problems*; raise if any.

    Shared by :func:`certify` and the unitary certificate; returns ``True``.
    """
    problems = problems + _coverage_problems(pairs) + _order_problems(pairs)
    if problems:
        raise VerificationError("the exact SVD failed its proof: " + "; ".join(problems))
    return True


def tracer_class(K):
    """How traced outer products are formed over the field *K* of the entries (real; ``QQ``: in integers)."""
    return _IntegerTracer if K.is_QQ else _DomainTracer


# ---------------------------------------------------------------------------- full form: traces


def _trace_problems(decomposition, identities):
    """``V V^T = I`` (``"vv"``), ``U U^T = I`` (``"uu"``), ``U S V^T = A`` (``"usv"``): sums of traced outer products."""
    A = decomposition.matrix
    m, n = A.shape
    K = A.domain
    if K.is_QQ:
        sums = {"uu": RationalSum(m, m), "vv": RationalSum(n, n), "usv": RationalSum(m, n)}
        add_rational = _integer_outer
    else:
        sums = {"uu": _DomainSum(m, m, A.domain), "vv": _DomainSum(n, n, A.domain), "usv": _DomainSum(m, n, A.domain)}
        add_rational = _domain_outer
    tracer = tracer_class(K)
    sums = {key: sums[key] for key in identities}
    rational = {key: ([], []) for key in sums}  # outer products over K, summed in one product each

    def add(key, left, right_vector):
        if key in rational:
            rational[key][0].append(list(left))
            rational[key][1].append(list(right_vector))

    for key, kernel in (("uu", decomposition.left_kernel), ("vv", decomposition.right_kernel)):
        for k, norm in zip(kernel.vectors, kernel.norms):
            add(key, k, [a / norm for a in k])
    right = decomposition.spectrum.side == "right"
    gram_key, partner_key = ("vv", "uu") if right else ("uu", "vv")
    for space in _spaces(decomposition):
        field = space.field
        for w, bw, norm in zip(space.gram_vectors, space.partner_vectors, space.norms):
            u_side, v_side = (bw, w) if right else (w, bw)
            if field.degree == 1:
                add(gram_key, w, [a / norm for a in w])
                add(partner_key, bw, [b / (norm * field.theta) for b in bw])
                add("usv", u_side, [a / norm for a in v_side])
                continue
            traces = tracer(field, norm)
            for key, left, right_vector, weight in (
                (gram_key, w, w, traces.inverse_norm),
                (partner_key, bw, bw, traces.inverse_partner_norm),
                ("usv", u_side, v_side, traces.inverse_norm),
            ):
                if key in sums:
                    traces.add(sums[key], left, right_vector, weight)
    for key, (lefts, rights) in rational.items():
        if lefts:
            add_rational(sums[key], lefts, rights)
    targets = {
        "vv": ("V V^T != I", lambda: _identity(n, K)),
        "uu": ("U U^T != I", lambda: _identity(m, K)),
        "usv": ("U S V^T != A", lambda: integer_matrix(A.to_list()) if K.is_QQ else A),
    }
    return [targets[key][0] for key in identities if not sums[key].equals(targets[key][1]())]


def _identity(n, K):
    if K.is_QQ:
        return [[int(i == j) for j in range(n)] for i in range(n)], 1
    return DomainMatrix.eye(n, K)


def _spaces(decomposition):
    """The eigenspaces of the pairs, each once, in the order of the pairs."""
    return list(dict.fromkeys(pair.space for pair in decomposition.pairs))


def _integer_outer(total, lefts, rights):
    """Add ``sum_t lefts[t] rights[t]^T`` (vectors over ``QQ``) to a :class:`RationalSum`."""
    L, dl = integer_matrix(list(zip(*lefts)))
    R, dr = integer_matrix(rights)
    total.add(IntegerMatrix(L) * IntegerMatrix(R), dl * dr)


class _IntegerTracer:
    """Traced outer products over ``QQ`` for one eigenvector ``w`` of squared norm ``n`` (``d > 1``).

    The weights ``1/n`` and ``1/(theta n)`` are given by their Hankel entries
    ``h_k = Tr(theta^k / n)`` (``k = 0 .. 2d-2``) and ``h_(k-1)``: one
    polynomial product of the coefficients of ``1/n`` with the power sums,
    and ``h_(-1)`` from ``p(theta) = 0`` divided by ``theta`` (one inverse in
    ``L``, not two).  ``sum over the roots of left right^T weight`` is then
    ``Cl H Cr^T`` (``H[s, t] = h[s+t]``, ``Cl``, ``Cr`` the coefficient
    matrices); ``H Cr^T`` is shared by the identities that have the same
    vector and weight (``w w^T / n`` and ``(B w) w^T / n``).
    """

    def __init__(self, field, norm):
        self.field = field
        d = field.degree
        inverse = inverse_mod(field.coefficients(norm), field.modulus_coefficients)
        if inverse is None:
            (z,), dz = integer_matrix([field.coefficients(field.domain.one / norm)])
        else:
            z, dz = inverse
        (sums,), ds = integer_matrix([field.power_sums])
        h = polymul(z[::-1], sums)[d - 1 : 3 * d - 2]
        (c,), _ = integer_matrix([field.modulus_coefficients])  # p = sum c[k] x^k / c[d]
        below = -sum(map(mul, c[1:], h))  # c[0] h_(-1) = -sum_(k>=1) c[k] h_(k-1)
        sign, scale = (1, c[0]) if c[0] > 0 else (-1, -c[0])
        shifted = [sign * below] + [scale * a for a in h]
        denominator = dz * ds * scale
        self.inverse_norm = (shifted[1:], denominator)
        self.inverse_partner_norm = (shifted[:-1], denominator)
        self._coefficients = {}
        self._halves = {}

    def _matrix(self, vector):
        """The coefficient matrix of *vector*, kept with the vector (so that its ``id`` stays its own)."""
        key = id(vector)
        if key not in self._coefficients:
            C, dc = integer_matrix([self.field.coefficients(a) for a in vector])
            self._coefficients[key] = (vector, IntegerMatrix(C), dc)
        return self._coefficients[key][1:]

    def _traced(self, left, right, weight):
        """``sum over the roots of left right^T weight`` as ``(Z, D)``: an :class:`IntegerMatrix` over a denominator."""
        h, dh = weight
        (Cl, dl), (Cr, dr) = self._matrix(left), self._matrix(right)
        if (id(left), id(weight)) in self._halves:  # Cl H Cr^T = (H Cl^T)^T Cr^T
            product = self._halves[id(left), id(weight)].T * Cr.T
        else:
            if (id(right), id(weight)) not in self._halves:
                self._halves[id(right), id(weight)] = IntegerMatrix.hankel(h) * Cr.T
            product = Cl * self._halves[id(right), id(weight)]
        return product, dl * dh * dr

    def add(self, total, left, right, weight):
        """Add the traced outer product to a :class:`RationalSum`."""
        total.add(*self._traced(left, right, weight))

    def block(self, left, right, weight):
        """The traced outer product as a ``DomainMatrix`` over ``QQ``."""
        Z, D = self._traced(left, right, weight)
        K = self.field.base
        return DomainMatrix([[K(a, D) for a in row] for row in Z.to_rows()], Z.shape, K)


class _DomainTracer:
    """Traced outer products over an algebraic ``K``: the weights are elements of ``L``."""

    def __init__(self, field, norm):
        self.field = field
        self.inverse_norm = field.domain.one / norm
        self.inverse_partner_norm = self.inverse_norm / field.theta

    def add(self, total, left, right, weight):
        total.add(self.block(left, right, weight))

    def block(self, left, right, weight):
        return self.field.traced_outer(left, right, weight)


class _DomainSum:
    """A sum of ``DomainMatrix`` terms over an algebraic field ``K`` (entries not rational)."""

    def __init__(self, rows, cols, K):
        self.total = DomainMatrix.zeros((rows, cols), K)

    def add(self, matrix):
        self.total += matrix

    def equals(self, target):
        return (self.total - target).is_zero_matrix


def _domain_outer(total, lefts, rights):
    K = total.total.domain
    rows, cols = total.total.shape
    columns = DomainMatrix(lefts, (len(lefts), rows), K).transpose()
    total.add(columns * DomainMatrix(rights, (len(rights), cols), K))


# ---------------------------------------------------------------------------- thin and compact: columns


def _column_problems(decomposition):
    """The checks of the thin and compact forms (module docstring), as a list of failures."""
    spec = decomposition.spectrum
    K = decomposition.matrix.domain
    gram, partner = spec.gram, spec.partner
    problems = []
    for space in _spaces(decomposition):
        field = space.field
        images = _apply(gram, space.gram_vectors, field)
        if any(image != [field.theta * a for a in w] for image, w in zip(images, space.gram_vectors)):
            problems.append(f"an eigenvector of {field.factor.as_expr()} fails G w = theta w")
        if _apply(partner, space.gram_vectors, field) != [list(b) for b in space.partner_vectors]:
            problems.append("a partner vector is not B w")
        if not _orthogonal(space.gram_vectors, space.norms, field.domain):
            problems.append(f"the eigenvectors of {field.factor.as_expr()} are not orthogonal with the norms used")
    right = spec.side == "right"
    gram_kernel, partner_kernel = (
        (decomposition.right_kernel, decomposition.left_kernel) if right else (decomposition.left_kernel, decomposition.right_kernel)
    )
    for kernel, matrix, name in ((gram_kernel, gram, "G"), (partner_kernel, partner.transpose(), "B^T")):
        vectors = [list(k) for k in kernel.vectors]
        if vectors and any(any(a for a in image) for image in _apply_rational(matrix, vectors, K)):
            problems.append(f"a kernel column is not in the kernel of {name}")
        if not _orthogonal(kernel.vectors, kernel.norms, K):
            problems.append("the kernel columns are not orthogonal with the norms used")
    return problems


def _apply(matrix, vectors, field):
    """``[matrix * w for w in vectors]`` (over ``K`` times vectors over ``L``), as lists over ``L``."""
    if not vectors:
        return []
    d = field.degree
    coefficients = [sum((field.coefficients(a) for a in entries), []) for entries in zip(*vectors)]
    product = _apply_rational(matrix, coefficients, field.base, transposed=True)
    return [[field.from_coefficients(row[t * d : (t + 1) * d]) for row in product] for t in range(len(vectors))]


def _apply_rational(matrix, vectors, K, transposed=False):
    """``matrix * X`` with X the columns *vectors* (or the rows of X given directly, *transposed*), as rows."""
    X = vectors if transposed else [list(c) for c in zip(*vectors)]
    if K.is_QQ:
        M, dm = integer_matrix(matrix.to_list())
        Z, dz = integer_matrix(X)
        product = [[K(a, dm * dz) for a in row] for row in matmul(M, Z)]
    else:
        product = (matrix * DomainMatrix(X, (len(X), len(X[0]) if X else 0), K)).to_list()
    return product if transposed else [list(c) for c in zip(*product)]


def _orthogonal(vectors, norms, domain):
    """``v_a . v_b == 0`` for ``a != b`` and ``v_a . v_a == norms[a]``, exactly."""
    for a, (v, norm) in enumerate(zip(vectors, norms)):
        if dot(v, v, domain) != norm:
            return False
        if any(dot(v, vectors[b], domain) for b in range(a)):
            return False
    return True


# ---------------------------------------------------------------------------- both forms


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
