"""Exact proof that the data of an :class:`ExactDecomposition` is an SVD.

Let ``B`` be the matrix whose Gram matrix ``G = B^T B`` the spectrum was taken
of (``A`` when the eigenvectors ``w`` are on the side of ``V``, ``A^T`` when
they are on the side of ``U``).  The certificate forms ``G`` from ``A`` itself
and checks, exactly, over the field ``K`` of the entries and over each
``L = K[x]/(p)`` (there at every root of ``p`` at once):

1. *eigenpairs*: ``G w = theta w``, the partner vector is ``B w``,
   ``w_a . w_b = 0`` (``a != b``) and ``w_a . w_a = n_a != 0`` inside each
   eigenspace, and different eigenspaces belong to different factors;
2. *order*: every root ``theta`` of every factor appears once with each of
   its eigenvectors, is positive, and the ``theta`` descend strictly
   (disjoint isolating intervals);
3. *kernels*: the kernel columns the form keeps satisfy ``B y = 0`` or
   ``B^T x = 0`` and are orthogonal with the non-zero squared norms they are
   divided by, and there are as many as the form has columns besides the
   singular pairs;
4. *rank*: the ``theta`` of all pairs add up to ``trace(G)``, the sum of the
   squares of the entries of ``A`` (per factor, ``Tr_(L/K)(theta)`` is minus
   the second coefficient of ``p``).

Why this proves ``U^T U = I``, ``V^T V = I`` and ``U S V^T = A``: ``G`` is
symmetric and positive semidefinite.  A non-zero element of ``L`` is non-zero
at every root, so by 1 each ``w(theta_i)`` is a non-zero eigenvector (and
``theta_i`` is real); eigenvectors of different eigenvalues of a symmetric
matrix are orthogonal, so the ``v_i = w / sqrt(n)`` are orthonormal, and so
are the ``u_i = B w / sqrt(theta n)``, as ``(B w_a) . (B w_b) = w_a^T G w_b =
theta w_a . w_b``.  Kernel columns are orthogonal to both (``ker G`` to the
eigenvectors of non-zero eigenvalues, ``ker B^T`` to the range of ``B``).  So
the columns are orthonormal; the full form's ``U`` and ``V`` are square, so
also ``U U^T = I`` and ``V V^T = I``.  By 4 the eigenvalues of ``G`` on the
orthogonal complement of the ``v_i`` are non-negative and add up to 0: they are
0, so ``B`` vanishes there and ``U S V^T = sum_i B v_i v_i^T = B P = B`` (``P``
the projection onto the ``v_i``; transposed when ``B = A^T``).

No inverse in ``L`` is taken and no radical is formed.  Over ``QQ`` all
products are integer products (python-flint's when SymPy runs on it).
"""

from sympy.polys.matrices import DomainMatrix

from ..core.integers import domain_product, integer_matrix, matmul
from ..core.linalg import dot
from ..errors import VerificationError
from .forms import kernel_counts


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
    return conclude_proof(_problems(decomposition, form), decomposition.pairs)


def conclude_proof(problems, pairs):
    """Add the checks of the singular pairs (each root once, positive, descending) to *problems*; raise if any.

    Shared by :func:`certify` and the unitary certificate; returns ``True``.
    """
    problems = problems + _coverage_problems(pairs) + _order_problems(pairs)
    if problems:
        raise VerificationError("the exact SVD failed its proof: " + "; ".join(problems))
    return True


def _problems(decomposition, form):
    """Checks 1, 3 and 4 of the module docstring, as a list of failures (``B`` is *partner*, ``G`` is *gram*)."""
    A = decomposition.matrix
    matrix, transposed = _Operator(A), _Operator(A.transpose())
    partner, partner_transposed = (matrix, transposed) if decomposition.spectrum.side == "right" else (transposed, matrix)
    gram = partner_transposed.times(partner)  # G = B^T B
    spaces = _spaces(decomposition)
    problems = []
    if len({id(space.field) for space in spaces}) != len(spaces):
        problems.append("two eigenspaces share one factor")
    for space in spaces:
        problems += _eigenspace_problems(space, gram, partner)
    left_count, right_count = kernel_counts(A.shape, decomposition.rank, form)
    for kernel, count, operator, factor, name in (
        (decomposition.right_kernel, right_count, matrix, "V", "A"),
        (decomposition.left_kernel, left_count, transposed, "U", "A^T"),
    ):
        problems += _kernel_problems(kernel, count, operator, decomposition.rank, factor, name)
    K = A.domain
    if sum((K.convert(len(space.norms)) * space.field.trace_of_theta for space in spaces), K.zero) != partner.squared_norm():
        problems.append("the eigenvalues do not add up to trace(G): a singular value is missing")
    return problems


def _eigenspace_problems(space, gram, partner):
    """Check 1 for one eigenspace: eigen-equations, partner vectors, orthogonality with the norms used."""
    field = space.field
    name = field.factor.as_expr()
    problems = []
    vectors = [list(w) for w in space.gram_vectors]
    if any(image != [field.theta * a for a in w] for image, w in zip(gram.on_field_vectors(vectors, field), vectors)):
        problems.append(f"an eigenvector of {name} fails G w = theta w")
    if partner.on_field_vectors(vectors, field) != [list(z) for z in space.partner_vectors]:
        problems.append("a partner vector is not B w")
    if not _orthogonal(space.gram_vectors, space.norms, field.domain):
        problems.append(f"the eigenvectors of {name} are not orthogonal with the norms used")
    return problems


def _kernel_problems(kernel, count, matrix, rank, factor, name):
    """Check 3: the first *count* vectors of *kernel* (``None``: a whole basis) lie in the kernel of *matrix*, orthogonal.

    *factor* (``"U"`` or ``"V"``) and *name* (of *matrix*) are for the messages.
    """
    needed = matrix.shape[1] - rank if count is None else count
    vectors, norms = [list(y) for y in kernel.vectors[:needed]], kernel.norms[:needed]
    problems = []
    if len(vectors) < needed:
        problems.append(f"{factor} lacks {needed - len(vectors)} of its kernel columns")
    if any(any(image) for image in matrix.on_vectors(vectors)):
        problems.append(f"a kernel column of {factor} is not in the kernel of {name}")
    if not _orthogonal(vectors, norms, matrix.domain):
        problems.append(f"the kernel columns of {factor} are not orthogonal with the norms used")
    return problems


def _orthogonal(vectors, norms, domain):
    """``v_a . v_b == 0`` for ``a != b`` and ``v_a . v_a == norms[a] != 0``, exactly."""
    for a, (v, norm) in enumerate(zip(vectors, norms)):
        if not norm or dot(v, v, domain) != norm:
            return False
        if any(dot(v, vectors[b], domain) for b in range(a)):
            return False
    return True


def _spaces(decomposition):
    """The eigenspaces of the pairs, each once, in the order of the pairs."""
    return list(dict.fromkeys(pair.space for pair in decomposition.pairs))


class _Operator:
    """A matrix over ``K`` applied to vectors over ``K`` or over a field ``L`` (as coefficients); over ``QQ`` in integers."""

    def __init__(self, matrix):
        self.domain = matrix.domain
        self.shape = matrix.shape
        self.matrix = matrix
        if self.domain.is_QQ:
            self.integers, self.denominator = integer_matrix(matrix.to_list())

    def times(self, other):
        """The product ``self * other`` as an operator."""
        return _Operator(domain_product(self.matrix, other.matrix))

    def squared_norm(self):
        """The sum of the squares of the entries (``trace(M^T M)``), in ``K``."""
        if self.domain.is_QQ:
            return self.domain(sum(a * a for row in self.integers for a in row), self.denominator**2)
        return sum((a * a for row in self.matrix.to_list() for a in row), self.domain.zero)

    def _rows(self, columns):
        """``self * X`` as rows, X given by its rows *columns* (``len(columns) == self.shape[1]``)."""
        K = self.domain
        if not columns or not columns[0]:
            return [[] for _ in range(self.shape[0])]
        if K.is_QQ:
            Z, dz = integer_matrix(columns)
            D = self.denominator * dz
            return [[K(a, D) for a in row] for row in matmul(self.integers, Z)]
        return (self.matrix * DomainMatrix(columns, (len(columns), len(columns[0])), K)).to_list()

    def on_vectors(self, vectors):
        """``[self * y for y in vectors]`` (vectors over ``K``)."""
        if not vectors:
            return []
        return [list(c) for c in zip(*self._rows([list(r) for r in zip(*vectors)]))]

    def on_field_vectors(self, vectors, field):
        """``[self * w for w in vectors]`` (vectors over ``L``, the result over ``L``): one product over ``K``."""
        if not vectors:
            return []
        d = field.degree
        coefficients = [sum((field.coefficients(a) for a in entries), []) for entries in zip(*vectors)]
        product = self._rows(coefficients)
        return [[field.from_coefficients(row[t * d : (t + 1) * d]) for row in product] for t in range(len(vectors))]


# ---------------------------------------------------------------------------- the singular pairs


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
