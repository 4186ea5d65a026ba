"""The complex side of the applications: ``x y^H`` instead of ``x y^T``.

For a complex SVD (``result.is_complex``) every outer product of singular
vectors is Hermitian, ``s u v^H``; formed in ``L(i)`` for an exact result
(``x conj(y) weight`` at a root, or summed over all the roots of a factor by
the trace form), so entries come out as ``re + I*im`` with each part in the
number field of the eigenvalue.
"""

from sympy import I, ImmutableMatrix, expand

from ..result.complex_certificate import hermitian_traced_outer, stacked


def adjoint(result, M):
    """``M^H`` for a complex result, ``M^T`` for a real one."""
    return M.H if result.is_complex else M.T


def at_root(field, xs, ys, weight, odd, root):
    """The SymPy matrix ``x y^H weight s^odd`` at one root, for vectors over ``L(i)``."""
    products = [[(x * y.conjugate()) * weight for y in ys] for x in xs]
    entries = [[field.expr(c.re, root) + I * field.expr(c.im, root) for c in row] for row in products]
    if odd:
        s = field.singular_value(root)
        entries = [[expand(e * s) for e in row] for row in entries]
    return ImmutableMatrix(entries)


def traced(field, xs, ys, weight):
    """``sum over all roots of x y^H weight``, a SymPy matrix over ``K(i)``."""
    return ImmutableMatrix(hermitian_traced_outer(field.traced_outer, stacked(xs), stacked(ys), weight).to_sympy())


def squared_modulus(a):
    """``|a|^2`` of an exact SymPy number (``a^2`` when it is real)."""
    return expand(a * a.conjugate())
