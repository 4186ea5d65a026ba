"""From exact complex SVD data to SymPy numbers: ``re + I*im``, each part a signed radical.

The complex counterpart of :mod:`.columns`.  An entry ``c = a + b i`` of a
vector over ``L(i)`` with squared norm ``n`` becomes ``(a + b i) / sqrt(n)`` at
the root; for roots of degree ``d <= 2`` both parts are written as signed
radicals ``+-sqrt(a^2 / n)`` (so ``1/2 + I/2``, not ``sqrt(2)*exp(I*pi/4)/2``),
for ``CRootOf`` roots as ``(a + b I) / sqrt(n)``.
"""

from sympy import I, Integer

from ..core.radicals import radical


def complex_pair_columns(pair):
    """``(gram_column, partner_column)`` of a complex :class:`SingularPair` as SymPy numbers."""
    space, root, a = pair.space, pair.root, pair.index
    field = space.field
    norm = space.norms[a]
    return (
        [unit_entry(field, c, norm, root) for c in space.gram_vectors[a]],
        [unit_entry(field, c, norm * field.theta, root) for c in space.partner_vectors[a]],
    )


def unit_entry(field, c, norm, root):
    """``c / sqrt(norm)`` at *root* for ``c`` in ``L(i)`` and ``norm`` in ``L`` positive there."""
    if field.degree <= 2:
        inverse = field.domain.one / norm
        re, im = (field.sign_at(x, root) * field.sqrt_expr(x * x * inverse, root) if x else Integer(0) for x in c.parts())
        return re + I * im
    return (field.expr(c.re, root) + I * field.expr(c.im, root)) / field.sqrt_expr(norm, root)


def complex_kernel_columns(kernel, domain):
    """The normalised complex kernel vectors (entries over ``K(i)``) as lists of SymPy numbers."""
    columns = []
    for vector, norm in zip(kernel.vectors, kernel.norms):
        parts = radical(1 / domain.to_sympy(norm), [domain.to_sympy(x) for c in vector for x in c.parts()])
        columns.append([re + I * im for re, im in zip(parts[0::2], parts[1::2])])
    return columns

