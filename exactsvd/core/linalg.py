"""Small exact linear-algebra helpers over any field domain (``QQ`` or ``L``)."""


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
    return [list(row) for row in matrix.nullspace().to_list()]


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


def matvec(matrix, vector, domain):
    """``matrix * vector`` for a ``DomainMatrix`` over ``K`` and a vector over ``domain`` (``K`` or ``L``)."""
    return [sum((v * a for v, a in zip(vector, row)), domain.zero) for row in matrix.to_list()]
