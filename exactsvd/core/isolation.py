"""Isolating intervals of the real roots of eigenvalue polynomials, proved exactly.

With python-flint (the ``fast`` extra, when SymPy runs on it) Arb's root finder
proposes one ball per root; the rational real parts of the balls become the
candidate intervals, and the proof is exact: a polynomial over ``QQ`` that is a
factor of the characteristic polynomial of a symmetric rational matrix has only
real roots, so ``d`` disjoint intervals with a sign change at their ends hold
exactly one root each.  Intervals of different polynomials are bisected (exact
signs again) until they are disjoint.  Without flint, or when a check fails,
SymPy's ``intervals`` isolates the roots as before.  Either way the output is
the same: disjoint intervals in ascending order, each marked with the
polynomial it isolates a root of.
"""

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
    flint = flint_module()
    if flint is not None and all_real:
        found = _flint_isolate(flint, polys)
        if found is not None:
            return found
    return intervals(polys)


def _flint_isolate(flint, polys):
    """The intervals from Arb's balls, proved; ``None`` when a proof fails (then SymPy isolates)."""
    candidates = []
    for i, poly in enumerate(polys):
        f = _fmpq_poly(flint, poly)
        if poly.degree() == 1:
            root = -poly.nth(0) / poly.nth(1)
            candidates.append([root, root, i, f])
            continue
        numerator = flint.fmpz_poly([int(c) for c in (f * f.denom()).numer().coeffs()])
        balls = [z for z, _ in numerator.complex_roots()]
        if len(balls) != poly.degree():
            return None
        for z in balls:
            lo, hi = _rational(z.real.lower()), _rational(z.real.upper())
            if _sign(flint, f, lo) * _sign(flint, f, hi) >= 0:
                return None
            candidates.append([lo, hi, i, f])
    candidates.sort(key=lambda c: c[0])
    for a, b in zip(candidates, candidates[1:]):
        if a[2] == b[2] and not a[1] < b[0]:
            return None  # two balls of one polynomial overlap on the real line: not a proof
    while True:
        candidates.sort(key=lambda c: c[0])
        overlapping = [(a, b) for a, b in zip(candidates, candidates[1:]) if not a[1] < b[0]]
        if not overlapping:
            break
        for a, b in overlapping:
            for c in (a, b):
                _bisect(flint, c)
    return [((Rational(lo), Rational(hi)), {i: 1}) for lo, hi, i, _ in candidates]


def _fmpq_poly(flint, poly):
    """A polynomial over ``QQ`` (SymPy) as a ``fmpq_poly``."""
    return flint.fmpq_poly([flint.fmpq(int(c.numerator), int(c.denominator)) for c in reversed(poly.rep.to_list())])


def _rational(value):
    """An exact ``arb`` end point as a ``fractions``-like ``Rational``."""
    man, exp = value.mid().man_exp()
    man, exp = int(man), int(exp)
    return Rational(man * 2**exp) if exp >= 0 else Rational(man, 2**-exp)


def _sign(flint, f, x):
    value = f(flint.fmpq(int(x.p), int(x.q)))
    return (value > 0) - (value < 0)


def _bisect(flint, candidate):
    """Halve the interval ``[lo, hi]`` of *candidate* (a list), keeping the sign change."""
    lo, hi, _, f = candidate
    if lo == hi:
        return
    mid = (lo + hi) / 2
    s = _sign(flint, f, mid)
    if s == 0:
        candidate[0] = candidate[1] = mid
    elif s == _sign(flint, f, lo):
        candidate[0] = mid
    else:
        candidate[1] = mid


def refine_with_flint(poly, lo, hi):
    """*lo*, *hi* after two exact bisections (fourfold), or ``None`` without flint."""
    flint = flint_module()
    if flint is None:
        return None
    candidate = [lo, hi, 0, _fmpq_poly(flint, poly)]
    _bisect(flint, candidate)
    _bisect(flint, candidate)
    return candidate[0], candidate[1]
