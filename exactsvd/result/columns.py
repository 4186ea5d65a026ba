"""From exact SVD data to SymPy numbers: the only place where radicals appear.

A pair with Gram-side eigenvector ``w`` (squared norm ``n``) and partner
vector ``B w`` becomes, at the root ``theta`` with ``s = sqrt(theta)``::

    gram side:    w / sqrt(n)
    partner side: B w / (s sqrt(n))

where ``s sqrt(n)`` is written as ``sigma sqrt(n)`` with ``sigma`` folded into
the numerator when ``s`` lies in the field of ``theta`` (``d <= 2``), as the
single (denested) radical ``sqrt(theta n)`` when it does not (``d <= 2``), and
as ``sqrt(theta) sqrt(n)`` for ``CRootOf`` roots (``d >= 3``).
"""

from sympy import Integer, ImmutableMatrix, sqrt


def pair_columns(pair):
    """``(gram_column, partner_column)`` of a :class:`SingularPair` as SymPy numbers."""
    space, root, a = pair.space, pair.root, pair.index
    field = space.field
    s_expr, s_element = field.singular_value(root)
    norm = space.norms[a]
    gram_denominator = field.sqrt_expr(norm, root)
    scale = field.domain.one
    if field.degree >= 3:
        partner_denominator = s_expr * gram_denominator
    elif s_element is not None:
        scale, partner_denominator = scale / s_element, gram_denominator
    else:
        partner_denominator = field.sqrt_expr(norm * field.theta, root)
    gram = [pair.sign * field.expr(w, root) / gram_denominator for w in space.gram_vectors[a]]
    partner = [pair.sign * field.expr(b * scale, root) / partner_denominator for b in space.partner_vectors[a]]
    return gram, partner


def kernel_columns(kernel, domain):
    """The normalised kernel vectors as lists of SymPy numbers."""
    columns = []
    for vector, norm in zip(kernel.vectors, kernel.norms):
        scale = 1 / sqrt(domain.to_sympy(norm))
        columns.append([domain.to_sympy(a) * scale for a in vector])
    return columns


def matrix_from_columns(columns, rows):
    """An immutable ``rows × len(columns)`` matrix with the given columns."""
    return ImmutableMatrix(rows, len(columns), lambda i, j: columns[j][i]) if columns else ImmutableMatrix.zeros(rows, 0)


def diagonal(values, rows, cols):
    """The ``rows × cols`` matrix with *values* on its diagonal."""
    return ImmutableMatrix(rows, cols, lambda i, j: values[i] if i == j and i < len(values) else Integer(0))
