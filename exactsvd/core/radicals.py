"""Real radical forms of quartic eigenvalue factors that split over a quadratic field.

An irreducible quartic over ``QQ`` whose roots are all real has a form in
nested square roots exactly when it splits into two quadratics over some
``QQ(sqrt(delta))``; then its resolvent cubic has a rational root ``y`` and
``delta`` is ``a^2 - 4b + 4y`` or ``y^2 - 4d``.  Such factors come from
textbook matrices (the second-difference matrix of size 7 has the eigenvalues
``2 +- sqrt(2 +- sqrt(2))``); without a split the roots stay ``CRootOf``.
"""

from sympy import Mul, Poly, Pow, Rational, Symbol, expand, sqrt, sqrtdenest


def radical(value, coefficients=(1,)):
    """``[c * sqrt(value) for c in coefficients]``, without SymPy's search for square factors of huge rationals.

    That search (a factorisation) can take minutes for numbers of a thousand
    digits, so for those the products are left unevaluated.

    >>> from sympy import Integer
    >>> radical(Integer(18), [Integer(2), Integer(0)])
    [6*sqrt(2), 0]
    """
    if value.is_Rational and max(abs(value.p), value.q).bit_length() > 1600:
        root = Pow(value, Rational(1, 2), evaluate=False)
        return [Mul(c, root, evaluate=False) if c else c for c in coefficients]
    root = sqrt(value)
    return [c * root for c in coefficients]


def quartic_radical_roots(factor, roots):
    """The four roots of a monic irreducible quartic over ``QQ`` as nested square roots, ascending.

    *roots* are the isolating intervals (``RealRoot``) of the factor; each
    radical is matched to the interval that contains it.  Returns ``None``
    when the quartic does not split over a quadratic field.

    Examples
    --------
    >>> from sympy import symbols
    >>> from sympy.polys.domains import QQ
    >>> from exactsvd.core.embedding import RealRoot
    >>> x = symbols("x")
    >>> p = Poly(x**4 - 4*x**2 + 2, x, domain=QQ)
    >>> found = [RealRoot(p, iv, i) for i, (iv, _) in enumerate(p.intervals())]
    >>> quartic_radical_roots(p, found)[3]
    sqrt(sqrt(2) + 2)
    """
    _, a, b, c, d = (Rational(k) for k in factor.all_coeffs())
    y = Symbol("y")
    resolvent = Poly(y**3 - b * y**2 + (a * c - 4 * d) * y - (a * a * d - 4 * b * d + c * c), y)
    for linear, _ in resolvent.factor_list()[1]:
        if linear.degree() != 1:
            continue
        y1 = -linear.nth(0) / linear.nth(1)
        for delta in (a * a - 4 * b + 4 * y1, y1 * y1 - 4 * d):
            if delta > 0 and not sqrt(delta).is_Rational:
                found = _split_roots(factor, delta)
                if found:
                    return _match(found, roots)
    return None


def _split_roots(factor, delta):
    """The roots from a factorisation of *factor* over ``QQ(sqrt(delta))``, or ``None``."""
    quadratics = [q for q, _ in Poly(factor.as_expr(), factor.gen, extension=sqrt(delta)).factor_list()[1]]
    if [q.degree() for q in quadratics] != [2, 2]:
        return None
    result = []
    for q in quadratics:
        lead, mid, const = q.all_coeffs()
        half = expand(-mid / (2 * lead))
        disc = expand((mid * mid - 4 * lead * const) / (4 * lead * lead))
        root = sqrtdenest(sqrt(disc))
        result += [half - root, half + root]
    return result


def _match(radicals, roots):
    """Order *radicals* like the isolating intervals *roots* (each must hold exactly one)."""
    while True:
        placed = [[r for r in radicals if root.lo <= r.evalf(60) <= root.hi] for root in roots]
        if all(len(p) == 1 for p in placed):
            return [p[0] for p in placed]
        if any(root.hi - root.lo < Rational(1, 10**40) for root in roots):
            return None
        for root in roots:
            root.refine()
