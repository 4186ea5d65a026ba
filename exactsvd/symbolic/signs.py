"""Signs of rational functions of the parameters, decided soundly or not at all.

For one parameter the assumptions give an interval (``positive``: ``(0, oo)``,
``nonnegative``: ``[0, oo)``, ``real``: the line ...), and the sign of ``N/D``
on it is decided by exact real-root counting (Sturm sequences): when no
factor of odd multiplicity of ``N D`` has a root inside, the sign is that at
one rational point.  For several parameters SymPy's assumption system is
asked, and only an answer ``True`` is taken.
"""

from sympy import Poly, Rational, S, oo


def interval(symbol):
    """``(lo, hi)`` (``-oo``/``oo`` for no bound) that the assumptions on *symbol* allow."""
    if symbol.is_positive or symbol.is_nonnegative:
        return S.Zero, oo
    if symbol.is_negative or symbol.is_nonpositive:
        return -oo, S.Zero
    return -oo, oo


def sample_point(symbol, rank=0):
    """A rational inside the interval of *symbol* (distinct ranks give distinct, unremarkable points)."""
    base = Rational(7 + 4 * rank, 3 + 2 * rank)
    lo, hi = interval(symbol)
    return -base if hi == 0 else base


def sign_where_nonzero(expr, symbols):
    """``1`` or ``-1`` if *expr* has that sign wherever it is non-zero under the assumptions, else ``None``.

    *expr* is a rational function of *symbols* (real).  Sound: ``1`` is
    returned only when proved.

    >>> from sympy import symbols
    >>> x = symbols("x", positive=True)
    >>> sign_where_nonzero(3*x**2 + 2*x, (x,)), sign_where_nonzero(x - 1, (x,))
    (1, None)
    >>> y = symbols("y", real=True)
    >>> sign_where_nonzero(-(y - 1)**2, (y,)), sign_where_nonzero(x**2 + y**2, (x, y))
    (-1, 1)
    """
    if expr.is_zero:
        return None
    free = [s for s in symbols if expr.has(s)]
    if any(not s.is_real for s in free):  # complex parameters: no order to decide
        return None
    if not free:
        return 1 if expr.is_positive else -1 if expr.is_negative else None
    if len(free) == 1:
        decided = _one_parameter_sign(expr, free[0])
        if decided is not None:
            return decided
    if expr.is_nonnegative:
        return 1
    if expr.is_nonpositive:
        return -1
    return None


def _one_parameter_sign(expr, x):
    from sympy import fraction, together

    num, den = fraction(together(expr))
    try:
        poly = Poly(num * den, x, domain="QQ")
    except Exception:  # constants outside QQ: leave it to the assumption system
        return None
    lo, hi = interval(x)
    for factor, multiplicity in poly.sqf_list()[1]:
        if multiplicity % 2 and _roots_inside(factor, lo, hi):
            return None
    point = _point_inside(poly, lo, hi)
    value = poly.eval(point)
    return 1 if value > 0 else -1


def _roots_inside(poly, lo, hi):
    """Whether *poly* has a real root strictly inside ``(lo, hi)``."""
    count = poly.count_roots(None if lo == -oo else lo, None if hi == oo else hi)
    for end in (lo, hi):
        if end not in (oo, -oo) and poly.eval(end) == 0:
            count -= 1
    return count > 0


def _point_inside(poly, lo, hi):
    """A rational strictly inside ``(lo, hi)`` where *poly* does not vanish."""
    k = 1
    while True:
        base = Rational(k + 1, k + 2) + k
        point = base + lo if hi == oo and lo != -oo else (hi - base if hi != oo else base)
        if poly.eval(point) != 0:
            return point
        k += 1


def holds(relation, symbols):
    """Whether the relational ``Ne(p, 0)``, ``p > 0`` or ``p >= 0`` holds for every value the assumptions allow.

    >>> from sympy import Ne, symbols
    >>> x = symbols("x", positive=True)
    >>> holds(Ne(x + 1, 0), (x,)), holds(x - 1 >= 0, (x,)), holds(x**2 + 2*x >= 0, (x,))
    (True, False, True)
    """
    from sympy import Ne

    if relation is S.true:
        return True
    if relation is S.false:
        return False
    p = relation.lhs - relation.rhs
    free = [s for s in symbols if p.has(s)]
    if any(not s.is_real for s in free):
        return False
    if isinstance(relation, Ne):
        if p.is_zero is False:
            return True
        if len(free) == 1:
            try:
                poly = Poly(p, free[0], domain="QQ")
            except Exception:
                return False
            lo, hi = interval(free[0])
            ends = [e for e in (lo, hi) if e not in (oo, -oo) and _endpoint_included(free[0], e)]
            return not (_roots_inside(poly, lo, hi) or any(poly.eval(e) == 0 for e in ends))
        return False
    sign = sign_where_nonzero(p, symbols)
    if sign == 1 and relation.rel_op == ">=":
        return True
    if sign == 1:
        return holds(Ne(p, 0), symbols)
    return False


def _endpoint_included(symbol, end):
    return end == 0 and not (symbol.is_positive or symbol.is_negative)
