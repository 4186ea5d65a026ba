"""From exact SVD data to SymPy numbers: the only place where radicals appear.

A pair with Gram-side eigenvector ``w`` (squared norm ``n``) and partner
vector ``B w`` (squared norm ``theta n``) has the unit vectors ``w / sqrt(n)``
and ``B w / sqrt(theta n)``.  For roots of degree ``d <= 2`` each entry is
written as one signed radical, ``+-sqrt(w_j^2 / n)`` (denested where
possible), which is how a textbook prints it; for ``CRootOf`` roots
(``d >= 3``) it is ``w_j / sqrt(n)`` and ``(B w)_j / (s sqrt(n))``, which
keeps the coefficients small.
"""

from sympy import Integer, ImmutableMatrix

from ..core.radicals import radical


def pair_columns(pair):
    """``(gram_column, partner_column)`` of a :class:`SingularPair` as SymPy numbers."""
    space, root, a = pair.space, pair.root, pair.index
    field = space.field
    norm = space.norms[a]
    gram, partner = space.gram_vectors[a], space.partner_vectors[a]
    if field.degree <= 2:
        return _signed_radicals(field, gram, norm, root, pair.sign), _signed_radicals(field, partner, norm * field.theta, root, pair.sign)
    root_norm = field.sqrt_expr(norm, root)
    s_expr = field.singular_value(root)
    return (
        [pair.sign * field.expr(w, root) / root_norm for w in gram],
        [pair.sign * field.expr(b, root) / (s_expr * root_norm) for b in partner],
    )


def _signed_radicals(field, vector, norm, root, sign):
    """The entries of ``vector / sqrt(norm)`` at *root*, each as ``+-sqrt(v_j^2 / norm)``."""
    inverse = field.domain.one / norm
    return [sign * field.sign_at(v, root) * field.sqrt_expr(v * v * inverse, root) if v else Integer(0) for v in vector]


def kernel_columns(kernel, domain):
    """The normalised kernel vectors as lists of SymPy numbers."""
    columns = []
    for vector, norm in zip(kernel.vectors, kernel.norms):
        columns.append(radical(1 / domain.to_sympy(norm), [domain.to_sympy(a) for a in vector]))
    return columns


def matrix_from_columns(columns, rows):
    """An immutable ``rows × len(columns)`` matrix with the given columns."""
    return ImmutableMatrix(rows, len(columns), lambda i, j: columns[j][i]) if columns else ImmutableMatrix.zeros(rows, 0)


def diagonal(values, rows, cols):
    """The ``rows × cols`` matrix with *values* on its diagonal."""
    return ImmutableMatrix(rows, cols, lambda i, j: values[i] if i == j and i < len(values) else Integer(0))
