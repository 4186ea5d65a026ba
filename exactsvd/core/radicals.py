"""Real radical forms: quartic eigenvalue factors that split over a quadratic field, square roots over one.

An irreducible quartic over ``QQ`` whose roots are all real has a form in
nested square roots exactly when it splits into two quadratics over some
``QQ(sqrt(delta))``; then its resolvent cubic has a rational root ``y`` and
``delta`` is ``a^2 - 4b + 4y`` or ``y^2 - 4d``.  Such factors come from
textbook matrices (the second-difference matrix of size 7 has the eigenvalues
``2 +- sqrt(2 +- sqrt(2))``); without a split the roots stay ``CRootOf``.
"""

from sympy import Mul, Poly, Pow, Rational, Symbol, expand, integer_nthroot, sqrt, sqrtdenest


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


def rational_square_factor(K, a):
    """``(t, w)`` with ``a = t * w**2``, ``t`` a positive rational and ``w`` in ``K``, for ``K`` quadratic; or ``None``.

    Then ``sqrt(a) = +-w * sqrt(t)``: a square root of an element of
    ``QQ(sqrt(m))`` in its denested form (rule 7): ``sqrt(1681 - 984*sqrt(2))``
    is ``(1 - 3*sqrt(2)/8) * sqrt(1312) = 4*sqrt(82) - 3*sqrt(41)``.  For
    ``a = r + q sqrt(m)`` such a ``t`` exists exactly when the norm
    ``r^2 - q^2 m`` is the square of a rational ``c`` (both conjugates of ``a``
    then have one sign); ``t = (r + |c|)/2`` and ``w = 1 + q sqrt(m)/(2t)``.
    ``None`` for other fields, and when ``a`` is ``t`` times a square of no
    rational ``t``.

    >>> from sympy import QQ, sqrt
    >>> K = QQ.algebraic_field(sqrt(2))
    >>> t, w = rational_square_factor(K, K.from_sympy(1681 - 984*sqrt(2)))
    >>> t, K.to_sympy(w)
    (1312, 1 - 3*sqrt(2)/8)
    >>> rational_square_factor(K, K.from_sympy(1 + sqrt(2))) is None
    True
    """
    if not getattr(K, "is_AlgebraicField", False) or not a:
        return None
    modulus = K.mod.to_list()
    if len(modulus) != 3:
        return None
    _, beta, _ = (K.dom.convert(c) for c in modulus)  # K = QQ(alpha), alpha^2 + beta alpha + gamma = 0, monic
    coefficients = [K.dom.convert(c) for c in a.to_list()]
    a1, a0 = ([K.dom.zero] * (2 - len(coefficients)) + coefficients)[-2:]
    trace = 2 * a0 - a1 * beta  # a + its conjugate
    norm = (a * (K.convert(trace) - a)).to_list()
    norm = K.dom.convert(norm[-1]) if norm else K.dom.zero
    if norm <= 0:
        return None
    num, den = (integer_nthroot(int(k), 2) for k in (K.dom.numer(norm), K.dom.denom(norm)))
    if not (num[1] and den[1]):
        return None
    t = (trace / 2 + K.dom.convert(num[0]) / K.dom.convert(den[0])) / 2
    if t <= 0:
        return None
    w = K.one + (a - K.convert(trace / 2)) / K.convert(2 * t)
    if w * w * K.convert(t) != a:
        raise ArithmeticError(f"the square root of {K.to_sympy(a)} is wrong")
    return K.dom.to_sympy(t), w


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
