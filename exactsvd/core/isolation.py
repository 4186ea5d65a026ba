"""Isolating intervals of the real roots of eigenvalue polynomials, proved exactly.

A polynomial over ``QQ`` that is a factor of the characteristic polynomial of
a symmetric rational matrix has only real roots, and then Descartes' rule of
signs counts the roots in an interval exactly.  With python-flint (the
``fast`` extra, when SymPy runs on it) Arb's root finder proposes one ball per
root; the rational real parts of the balls become the candidate intervals, and
the proof is exact: ``d`` disjoint intervals with a sign change at their ends
hold exactly one root each.  Without flint (or when that proof fails) the
intervals come from Descartes bisection (Collins–Akritas) in integers, whose
depth follows the bits that separate the roots: fast also for the tiny roots of
ill-conditioned matrices, where SymPy's continued fractions crawl.  Intervals
are bisected (exact signs again) until they are disjoint, also across
polynomials.  Polynomials that may have complex roots are isolated by SymPy's
``intervals``.  Either way the output is the same: disjoint intervals in
ascending order, each marked with the polynomial it isolates a root of.
"""

from math import lcm

from sympy import Rational, intervals

from .integers import flint_module


def isolate_real_roots(polys, all_real):
    """``[((lo, hi), {i: 1}), ...]`` for the real roots of the square-free *polys* over ``QQ``, ascending.

    *all_real* says that every root of every polynomial is real (so the flint
    path may count them); the intervals are disjoint, also across polynomials.

    >>> from sympy import Poly, symbols
    >>> x = symbols("x")
    >>> found = isolate_real_roots([Poly(x**2 - 2, x), Poly(x - 1, x)], True)
    >>> [(float(lo), float(hi), owner) for (lo, hi), owner in found]  # doctest: +SKIP
    [(-1.5, -1.4, {0: 1}), (1.0, 1.0, {1: 1}), (1.4, 1.5, {0: 1})]
    >>> [list(owner) for _, owner in found]
    [[0], [1], [0]]
    """
    if all_real:
        found = _isolate_all_real(polys)
        if found is not None:
            return found
    return intervals(polys)


class _Polynomial:
    """A polynomial over ``QQ`` with integer coefficients (lowest first) and exact signs at rational points."""

    def __init__(self, poly):
        coefficients = list(reversed(poly.rep.to_list()))
        D = lcm(1, *(int(c.denominator) for c in coefficients))
        self.integers = [int(c.numerator) * (D // int(c.denominator)) for c in coefficients]
        flint = flint_module()
        self.flint = flint.fmpz_poly(self.integers) if flint is not None else None

    def sign(self, x):
        """The sign (-1, 0, 1) of the polynomial at the rational *x*."""
        p, q = int(x.p), int(x.q)
        if self.flint is not None:
            flint = flint_module()
            value = self.flint(flint.fmpq(p, q))
        else:
            value, power = 0, 1  # q^d f(p/q) by Horner, from the top coefficient
            for c in reversed(self.integers):
                value = value * p + c * power
                power *= q
        return (value > 0) - (value < 0)


def _isolate_all_real(polys):
    """Disjoint intervals for polynomials with only real roots; ``None`` when the flint proof fails."""
    flint = flint_module()
    candidates = []
    for i, poly in enumerate(polys):
        f = _Polynomial(poly)
        if poly.degree() == 1:
            root = -poly.nth(0) / poly.nth(1)
            found = [(root, root)]
        elif flint is not None:
            found = _flint_intervals(flint, f, poly.degree())
            if found is None:
                return None
        else:
            found = descartes_intervals(f.integers)
        candidates += [[lo, hi, i, f] for lo, hi in found]
    while True:
        candidates.sort(key=lambda c: c[0])
        overlapping = [(a, b) for a, b in zip(candidates, candidates[1:]) if not a[1] < b[0]]
        if not overlapping:
            break
        for a, b in overlapping:
            for c in (a, b):
                _bisect(c)
    return [((Rational(lo), Rational(hi)), {i: 1}) for lo, hi, i, _ in candidates]


def _flint_intervals(flint, f, degree):
    """Intervals of the ``degree`` real roots of *f* from Arb's balls, each proved by a sign change; else ``None``."""
    balls = [z for z, _ in f.flint.complex_roots()]
    if len(balls) != degree:
        return None
    found = sorted((_rational(z.real.lower()), _rational(z.real.upper())) for z in balls)
    if any(f.sign(lo) * f.sign(hi) >= 0 for lo, hi in found):
        return None
    if any(not a[1] < b[0] for a, b in zip(found, found[1:])):
        return None  # two balls overlap on the real line: not a proof
    return found


def descartes_intervals(coefficients):
    """Isolating intervals of the real roots of a square-free integer polynomial with only real roots.

    *coefficients* are lowest first.  Each interval is ``(lo, hi)`` (``Rational``)
    with exactly one root inside and none at its ends, or ``(r, r)`` for a
    rational root ``r``; ascending, neighbours may share an end point.

    >>> [(str(lo), str(hi)) for lo, hi in descartes_intervals([-2, 0, 1])]   # x^2 - 2
    [('-4', '0'), ('0', '4')]
    >>> [(str(lo), str(hi)) for lo, hi in descartes_intervals([0, -1, 0, 1])]   # x^3 - x
    [('-1', '-1'), ('0', '0'), ('1', '1')]
    """
    c = list(coefficients)
    found = []
    if c[0] == 0:  # square-free: 0 is at most a simple root
        found.append((Rational(0), Rational(0)))
        c = c[1:]
    mirrored = [a if k % 2 == 0 else -a for k, a in enumerate(c)]  # f(-x)
    found += [(-hi, -lo) for lo, hi in _positive_intervals(mirrored)]
    found += _positive_intervals(c)
    return _away_from_rational_roots(sorted(found), coefficients)


def _away_from_rational_roots(found, coefficients):
    """Shrink the open intervals of *found* that end at a rational root (one found exactly) until they do not."""
    exact = {lo for lo, hi in found if lo == hi}
    if not any(lo in exact or hi in exact for lo, hi in found if lo != hi):
        return found
    quotient = [Rational(a) for a in coefficients]  # the polynomial with its rational roots divided out
    for r in exact:
        quotient = _deflate(quotient, r)
    result = []
    for lo, hi in found:
        while lo != hi and (lo in exact or hi in exact):
            lo, hi = _halve(lambda x: _rational_sign(quotient, x), lo, hi)
        result.append((lo, hi))
    return result


def _deflate(c, r):
    """The coefficients of ``f(x) / (x - r)`` for a root ``r`` of ``f = sum c[k] x^k`` (lowest first)."""
    quotient, carry = [], 0
    for a in reversed(c[1:]):
        carry = carry * r + a
        quotient.append(carry)
    return quotient[::-1]


def _rational_sign(c, x):
    value = 0
    for a in reversed(c):
        value = value * x + a
    return 1 if value > 0 else -1 if value < 0 else 0


def _positive_intervals(c):
    """The positive roots of ``sum c[k] x^k`` (``c[0] != 0``, only real roots): Collins–Akritas bisection on ``(0, 2^e)``."""
    d = len(c) - 1
    e = _root_bound_exponent(c)
    scaled = [a << (e * k) if e >= 0 else a << (-e * (d - k)) for k, a in enumerate(c)]  # f(2^e x), times 2^(-e d)
    found = []
    stack = [(scaled, 0, 0)]  # g(x) = f(2^e (x + j) / 2^k) for the interval (j/2^k, (j+1)/2^k) of (0, 1)
    while stack:
        g, j, k = stack.pop()
        count = _sign_variations(_taylor_shift(g[::-1]))  # roots of g in (0, 1): exact, all roots being real
        if count == 0:
            continue
        if count == 1:
            found.append(((j, k), (j + 1, k)))
            continue
        left = [a << (d - i) for i, a in enumerate(g)]  # 2^d g(x/2): the half (0, 1/2)
        right = _taylor_shift(left)  # the half (1/2, 1)
        if right[0] == 0:  # a rational root at the midpoint
            found.append(((2 * j + 1, k + 1), (2 * j + 1, k + 1)))
        stack += [(right, 2 * j + 1, k + 1), (left, 2 * j, k + 1)]
    scale = Rational(2) ** e
    return sorted((Rational(a, 2**ka) * scale, Rational(b, 2**kb) * scale) for (a, ka), (b, kb) in found)


def _root_bound_exponent(c):
    """An ``e`` with every root of ``sum c[k] x^k`` below ``2^e`` in absolute value (Fujiwara's bound)."""
    d = len(c) - 1
    top = abs(c[d]).bit_length()
    e = 0
    for i in range(1, d + 1):
        if c[d - i]:
            e = max(e, -(-(abs(c[d - i]).bit_length() - top + 1) // i) + 1)
    return e


def _taylor_shift(c):
    """The coefficients of ``g(x + 1)`` for ``g = sum c[k] x^k`` (lowest first)."""
    c = list(c)
    n = len(c)
    for i in range(n - 1):
        for k in range(n - 2, i - 1, -1):
            c[k] += c[k + 1]
    return c


def _sign_variations(c):
    """The number of sign changes in the non-zero coefficients."""
    signs = [a > 0 for a in c if a]
    return sum(a != b for a, b in zip(signs, signs[1:]))


def _rational(value):
    """An exact ``arb`` end point as a ``fractions``-like ``Rational``."""
    man, exp = value.mid().man_exp()
    man, exp = int(man), int(exp)
    return Rational(man * 2**exp) if exp >= 0 else Rational(man, 2**-exp)


def _bisect(candidate):
    """Halve the interval ``[lo, hi]`` of *candidate* (``[lo, hi, index, _Polynomial]``), keeping the root."""
    candidate[:2] = _halve(candidate[3].sign, candidate[0], candidate[1])


def _halve(sign, lo, hi):
    """The half of ``[lo, hi]`` (or the point) that keeps the one root of a function with exact *sign* inside."""
    if lo == hi:
        return lo, hi
    mid = (lo + hi) / 2
    s = sign(mid)
    if s == 0:
        return mid, mid
    return (mid, hi) if s == sign(lo) else (lo, mid)


def refine_by_bisection(poly, lo, hi):
    """*lo*, *hi* after two exact bisections (fourfold): an isolating interval of a simple root of *poly* over ``QQ``.

    >>> from sympy import Poly, Rational, symbols
    >>> x = symbols("x")
    >>> refine_by_bisection(Poly(x**2 - 2, x), Rational(1), Rational(2))
    (5/4, 3/2)
    """
    candidate = [lo, hi, 0, _Polynomial(poly)]
    _bisect(candidate)
    _bisect(candidate)
    return candidate[0], candidate[1]
