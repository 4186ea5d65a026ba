"""Small exact linear-algebra helpers over any field domain (``QQ`` or ``L``)."""

from sympy.polys.matrices import DomainMatrix


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


def matvec(matrix, vector):
    """``matrix * vector`` for a ``DomainMatrix`` and a list over the same domain."""
    column = DomainMatrix([[a] for a in vector], (len(vector), 1), matrix.domain)
    return [row[0] for row in (matrix * column).to_list()]
