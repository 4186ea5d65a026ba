"""Small exact linear-algebra helpers over any field domain (``QQ`` or ``L``)."""

from sympy.polys.matrices import DomainMatrix

from .integers import domain_product


def dot(u, v, domain):
    """The bilinear dot product ``u . v`` of two vectors of domain elements."""
    total = domain.zero
    for a, b in zip(u, v):
        total += a * b
    return total


def kernel_basis(matrix):
    """The hand method's basis of the kernel of *matrix*: one vector per free column of its RREF.

    Each vector has a 1 in its free column and 0 in the other free columns; it
    depends only on the kernel, not on the matrix that has it.
    """
    return kernel_dimension_and_basis(matrix)[1]


def kernel_dimension_and_basis(matrix, count=None):
    """The dimension of the kernel of *matrix* and its first *count* hand-method basis vectors (all for ``None``).

    Only the vectors asked for are built.

    >>> from sympy.polys.domains import QQ
    >>> from sympy.polys.matrices import DomainMatrix
    >>> dimension, basis = kernel_dimension_and_basis(DomainMatrix([[QQ(1), QQ(2), QQ(3)]], (1, 3), QQ), count=1)
    >>> dimension, [[str(a) for a in v] for v in basis]
    (2, [['-2', '1', '0']])
    """
    K = matrix.domain
    n = matrix.shape[1]
    if not matrix.shape[0]:
        rows, pivots = [], ()
    else:
        reduced, pivots = matrix.rref()
        rows = reduced.to_list()
    free = [c for c in range(n) if c not in set(pivots)]
    vectors = []
    for f in free[:count]:
        vector = [K.zero] * n
        vector[f] = K.one
        for row, pivot in zip(rows, pivots):
            vector[pivot] = -row[f]
        vectors.append(vector)
    return len(free), vectors


def kernel_basis_rows(rows, domain):
    """The same hand-method kernel basis for a matrix given as rows of field elements.

    Plain Gauss–Jordan elimination, for fields that are not SymPy domains
    (``L = K[x]/(p)``); *domain* provides ``zero`` and ``one``.
    """
    rows = [list(r) for r in rows]
    ncols = len(rows[0]) if rows else 0
    pivots = []
    for col in range(ncols):
        r = len(pivots)
        pivot = next((i for i in range(r, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[r], rows[pivot] = rows[pivot], rows[r]
        inverse = domain.one / rows[r][col]
        rows[r] = [a * inverse for a in rows[r]]
        for i in range(len(rows)):
            if i != r and rows[i][col]:
                factor = rows[i][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[r])]
        pivots.append(col)
    basis = []
    for free in (c for c in range(ncols) if c not in pivots):
        vector = [domain.zero] * ncols
        vector[free] = domain.one
        for row, col in zip(rows, pivots):
            vector[col] = -row[free]
        basis.append(vector)
    return basis


def gram_schmidt(vectors, domain):
    """Orthogonalise *vectors* in order, without normalising.

    Returns ``(orthogonal, squared_norms)``; all arithmetic stays in *domain*,
    so no square root is taken.
    """
    orthogonal, norms = [], []
    for vector in vectors:
        w = list(vector)
        for previous, norm in zip(orthogonal, norms):
            coefficient = dot(vector, previous, domain) / norm
            w = [a - coefficient * b for a, b in zip(w, previous)]
        orthogonal.append(w)
        norms.append(dot(w, w, domain))
    return orthogonal, norms


def first_nonzero(vector):
    """The first non-zero entry of *vector* (``None`` for the zero vector)."""
    return next((a for a in vector if a), None)


def apply_to_vectors(matrix, vectors, field):
    """``[matrix * w for w in vectors]`` for a ``DomainMatrix`` over ``K`` and vectors over ``L`` (an EigenField).

    One matrix product over ``K``: the vectors' power-basis coefficients side by side.
    """
    if not vectors:
        return []
    d = field.degree
    columns = DomainMatrix(
        [sum((field.coefficients(a) for a in entries), []) for entries in zip(*vectors)],
        (len(vectors[0]), len(vectors) * d),
        field.base,
    )
    product = domain_product(matrix, columns).to_list()
    return [[field.from_coefficients(row[t * d : (t + 1) * d]) for row in product] for t in range(len(vectors))]
