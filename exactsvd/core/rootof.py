"""``CRootOf`` numbers for roots the core has already isolated.

SymPy's ``CRootOf(f, i)`` factors ``f`` and isolates all its real roots again
for every new number; for the Gram matrix of a generic 20×20 that is most of
the cost of ``svd()``, and for an ill-conditioned one (the 12×12 Hilbert
matrix) SymPy's isolation alone takes minutes.  When the core holds isolating
intervals of *all* real roots of ``f`` (proved: :mod:`.isolation`), they are
handed to SymPy's cache of real roots, and each further root of ``f`` is
created from the first without factoring.  The numbers are the same
``CRootOf(f, i)`` either way.
"""

from sympy import CRootOf, PurePoly
from sympy.polys.domains import QQ
from sympy.polys.rootisolation import RealInterval
from sympy.polys.rootoftools import _reals_cache


def crootofs(roots, real_root_count):
    """``[CRootOf(r.poly, r.index) for r in roots]`` for roots (``RealRoot``) of one polynomial over ``QQ``.

    *real_root_count* is how many real roots the polynomial has; when
    *roots* are all of them, their intervals seed SymPy's cache.

    >>> from sympy import Poly, symbols
    >>> from exactsvd.core.embedding import RealRoot
    >>> x = symbols("x")
    >>> p = Poly(x**3 - 3*x + 1, x, domain=QQ)
    >>> found = [RealRoot(p, (-2, -1), 0), RealRoot(p, (0, 1), 1), RealRoot(p, (1, 2), 2)]
    >>> roots = crootofs(found, 3)
    >>> roots == [CRootOf(p, 0), CRootOf(p, 1), CRootOf(p, 2)], [r.index for r in roots]
    (True, [0, 1, 2])

    (Compared, not printed: SymPy's cache may hand back an equal ``CRootOf`` made
    earlier with another name of the variable, such as ``_x``.)
    """
    if not roots:
        return []
    poly = roots[0].poly
    if len(roots) == real_root_count and sorted(r.index for r in roots) == list(range(real_root_count)):
        _seed(poly, sorted(roots, key=lambda r: r.index))
    first = CRootOf(poly, roots[0].index)
    scale, atom = first.as_coeff_Mul()  # SymPy may write the root as c * CRootOf(q, i), c > 0, q scaled
    if not isinstance(atom, CRootOf) or scale <= 0:
        return [first] + [CRootOf(poly, r.index) for r in roots[1:]]
    return [first] + [scale * type(atom)._new(atom.poly, r.index) for r in roots[1:]]


def _seed(poly, roots):
    """Give SymPy the isolating intervals of every real root of *poly* (ascending), unless it has its own."""
    _, integer = poly.clear_denoms(convert=True)
    primitive = PurePoly(integer.primitive()[1].as_expr(), integer.gen)
    if primitive in _reals_cache:
        return
    coefficients = primitive.rep.to_list()
    domain = primitive.rep.dom
    _reals_cache[primitive] = [RealInterval((QQ.from_sympy(r.lo), QQ.from_sympy(r.hi)), coefficients, domain) for r in roots]
