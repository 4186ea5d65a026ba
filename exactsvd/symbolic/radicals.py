"""Square roots of non-negative rational functions, with the square part pulled out.

``sqrt(N/D) = |g| sqrt(q)`` where ``N D = c p^2 q`` with ``q`` square-free,
``g = sqrt(c0) p / D`` (``c0`` the square part of the constant): the tower
gets a generator ``sqrt(q)`` only for a non-trivial ``q``, and ``|g|`` is
``g`` or ``-g`` when the assumptions decide its sign, else a generator shown
as ``Abs(g)`` (``sqrt(x**2)`` is ``Abs(x)`` for real ``x``, ``x`` for positive ``x``).
"""

from sympy import Rational, sqrt

from ..errors import ExactSVDError
from .signs import sign_where_nonzero


def square_root(tower, a, symbols):
    """The tower element ``sqrt(a)`` for ``a >= 0`` in ``F`` (the base field of *tower*).

    Examples
    --------
    >>> from sympy import symbols
    >>> from sympy.polys.domains import QQ
    >>> from exactsvd.symbolic.tower import Tower
    >>> x = symbols("x", real=True)
    >>> F = QQ.frac_field(x)
    >>> T = Tower(F)
    >>> [T.expr(square_root(T, F.from_sympy(e), (x,))) for e in (x**2, 8*x**2 + 8, 4/(x**2 + 2*x + 1))]
    [Abs(x), 2*sqrt(2*x**2 + 2), 2/Abs(x + 1)]
    """
    F = tower.field
    if not a:
        return tower.zero()
    if tower.conjugate is not None:
        return _complex_square_root(tower, a)
    K = F.domain
    c, factors = (a.numer * a.denom).factor_list()
    ring, new = F.field.ring, F.field.new
    square_part, free_part = ring.one, ring.one
    for f, e in factors:
        square_part *= f ** (e // 2)
        free_part *= f ** (e % 2)
    constant = K.to_sympy(c)
    g = new(square_part) / new(a.denom)
    if constant.is_Rational:
        coefficient, radical = sqrt(constant).as_coeff_Mul()
        g = g * F.convert_from(K.from_sympy(coefficient), K)
        free = new(free_part) * F.convert_from(K.from_sympy(radical**2), K)
    else:
        free = new(free_part) * F.convert_from(c, K)
    absolute = _absolute(tower, g, symbols)
    if free == F.one:
        return absolute
    return absolute * tower.root(tower.base(free), "sqrt")


def _complex_square_root(tower, a):
    """``sqrt(a)`` for a real ``a >= 0`` in ``F = QQ<I>(x, conjugate(x), ...)``.

    The monic irreducible factors of ``a`` come in conjugate pairs ``f, conj(f)``
    with one exponent ``e`` (giving ``|f|^e``, ``|f|`` a generator with
    ``|f|^2 = f conj(f)``, shown as ``Abs(f)``) or are real themselves
    (``h^e``: ``|h|^(e//2)``, and ``h`` under the square root for odd ``e``,
    with the sign of the constant).
    """
    F = tower.field
    K = F.domain
    new = F.field.new
    constant, result, radicand = 1, tower.one(), F.one
    for poly, sign in ((a.numer, 1), (a.denom, -1)):
        c, factors = poly.factor_list()
        constant = constant * K.to_sympy(c) ** sign
        done = set()
        for f, e in factors:
            if f in done:
                continue
            mono = f.monic()
            conj = tower.conjugate(new(mono)).numer.monic()
            if conj == mono:
                part = _power(tower, _absolute(tower, new(mono), ()), e // 2)
                if e % 2:
                    radicand = radicand * new(mono) ** sign
            else:
                done.update(g for g, _ in factors if g.monic() == conj)
                part = _power(tower, tower.root(new(mono * conj), "abs", form=new(mono)), e)
            result = result * part if sign == 1 else result / part
            done.add(f)
    if not constant.is_real:
        raise ExactSVDError("internal error: the square root of a number that is not real; please report this matrix")
    radicand = radicand * (1 if constant > 0 else -1)
    result = result * square_root_of_constant(tower, abs(constant))
    if radicand == F.one:
        return result
    return result * tower.root(tower.base(radicand), "sqrt")


def _power(tower, element, e):
    result = tower.one()
    for _ in range(e):
        result = result * element
    return result


def square_root_of_constant(tower, constant):
    """``sqrt(c)`` for a positive rational ``c``: ``q sqrt(r)``, ``r`` square-free."""
    F, K = tower.field, tower.field.domain
    coefficient, radical = sqrt(constant).as_coeff_Mul()
    value = tower.base(F.convert_from(K.from_sympy(coefficient), K))
    if radical == 1:
        return value
    return value * tower.root(tower.base(F.convert_from(K.from_sympy(radical**2), K)), "sqrt")


def _absolute(tower, g, symbols):
    """``|g|``: ``+-g`` where the assumptions decide the sign, else ``|k| Abs(g/k)`` with ``g/k`` monic (one generator)."""
    sign = sign_where_nonzero(tower.field.to_sympy(g), symbols)
    if sign == 1:
        return tower.base(g)
    if sign == -1:
        return tower.base(-g)
    F = tower.field
    monic = F.field.new(g.numer.monic(), g.denom.monic())
    k = g / monic
    size = k if F.to_sympy(k).is_positive else -k
    return tower.root(monic, "abs") * size


def square_root_in_field(field, a):
    """A ``g`` in ``F`` with ``g^2 = a`` (either sign), or ``None`` when *a* is not a square in ``F``.

    >>> from sympy import symbols
    >>> from sympy.polys.domains import QQ
    >>> x = symbols("x")
    >>> F = QQ.frac_field(x)
    >>> square_root_in_field(F, F.from_sympy(4*(x - 1)**2/9)), square_root_in_field(F, F.from_sympy(2*x**2))
    ((2*x - 2)/3, None)
    """
    K = field.domain
    parts = []
    for poly in (a.numer, a.denom):
        c, factors = poly.factor_list()
        if any(e % 2 for _, e in factors):
            return None
        constant = sqrt(K.to_sympy(c))
        if not constant.is_Rational:
            return None
        root = field.field.ring.one
        for f, e in factors:
            root *= f ** (e // 2)
        parts.append(field.field.new(root) * field.convert_from(K.from_sympy(constant), K))
    return parts[0] / parts[1]
