"""Singular values whose order the assumptions do not decide: the case split.

One parameter: the real roots of the differences of the squared singular
values (their numerators and denominators; for a difference ``alpha + beta R``
with one square root, of ``alpha`` and ``alpha^2 - R^2``) cut the allowed
interval into pieces on which no two values cross; the order on a piece is
the order at one rational point of it (SymPy's comparison of the numbers there).  Several
parameters: one case per order compatible with the decided comparisons, its
condition the chain ``lambda_1 >= lambda_2 >= ...``.
"""

from functools import cmp_to_key
from itertools import permutations

from sympy import And, Poly, Rational, oo

from .signs import interval


def order_cases(spectrum, values):
    """``(order_depends_on, cases)``: relationals, and ``(condition, ordered values)`` pairs.

    *values* are the singular values (SymPy), one per eigenvalue of
    ``spectrum.eigenvalues`` (in that order, multiplicities not yet expanded).
    """
    eigenvalues = spectrum.eigenvalues
    pairs = [(i, j) for i in range(len(eigenvalues)) for j in range(i + 1, len(eigenvalues))
             if spectrum.difference_sign(eigenvalues[i], eigenvalues[j]) is None]
    depends = tuple(spectrum.order_condition(eigenvalues[i], eigenvalues[j]) for i, j in pairs)
    critical = _critical_polynomial(spectrum, pairs)
    if critical is not None:
        return depends, _interval_cases(spectrum, values, critical)
    return depends, _ordering_cases(spectrum, values)


def _critical_polynomial(spectrum, pairs):
    """The product of the polynomials whose real roots bound the pieces (one parameter), else ``None``."""
    symbols = [s for s in spectrum.symbols]
    if len(symbols) != 1 or spectrum.field.angles:
        return None
    x, F = symbols[0], spectrum.field.domain
    product = Poly(1, x, domain="QQ")
    for i, j in pairs:
        first, second = spectrum.eigenvalues[i], spectrum.eigenvalues[j]
        difference = first.value - second.value
        rational = difference.in_base()
        if rational is not None:
            parts = [rational]
        elif first.radical is None or second.radical is None:
            radical = (first if first.radical is not None else second).radical
            alpha = first.centre - second.centre
            parts = [alpha, alpha * alpha - (radical * radical).in_base()]
        else:
            return None
        for part in parts:
            try:
                product *= Poly(F.to_sympy(part.numer * part.denom), x, domain="QQ")
            except Exception:  # constants outside QQ
                return None
    return product


def _interval_cases(spectrum, values, critical):
    x = spectrum.symbols[0]
    lo, hi = interval(x)
    roots = sorted({r for r in critical.real_roots() if (lo == -oo or r > lo) and (hi == oo or r < hi)},
                   key=lambda r: r.evalf(30))
    ends = [lo] + roots + [hi]
    pieces = []
    for a, b in zip(ends, ends[1:]):
        order = _order_at(spectrum, values, {x: _rational_between(a, b)})
        if pieces and pieces[-1][2] == order:
            a = pieces.pop()[0]
        pieces.append((a, b, order))
    cases = []
    for a, b, order in pieces:
        bound = ([x >= a] if a != lo else []) + ([x <= b] if b != hi else [])
        cases.append((And(*bound), order))
    return tuple(cases)


def _rational_between(a, b):
    if a == -oo and b == oo:
        return Rational(0)
    if a == -oo:
        return _floor(b) - 1
    if b == oo:
        return _floor(a) + 1
    lo, hi = a.evalf(40), b.evalf(40)
    point = Rational(str((lo + hi) / 2))
    return point


def _floor(value):
    from sympy import floor

    return Rational(floor(value))


def _order_at(spectrum, values, point):
    """The singular values in descending order at *point* (the eigenvalues compared exactly there)."""
    tower = spectrum.tower
    numbers = [tower.expr(e.value, raw=True).subs(point) for e in spectrum.eigenvalues]

    def compare(i, j):
        difference = numbers[i] - numbers[j]
        return -1 if difference.is_positive else 1 if difference.is_negative else 0

    index = sorted(range(len(numbers)), key=cmp_to_key(compare))
    return _expand(spectrum, values, index)


def _expand(spectrum, values, index):
    ordered = []
    for k in index:
        ordered += [values[k]] * spectrum.eigenvalues[k].multiplicity
    return tuple(ordered)


def _ordering_cases(spectrum, values):
    eigenvalues = spectrum.eigenvalues
    cases = []
    for order in permutations(range(len(eigenvalues))):
        conditions, possible = [], True
        for a, b in zip(order, order[1:]):
            sign = spectrum.difference_sign(eigenvalues[a], eigenvalues[b])
            if sign == -1:
                possible = False
                break
            if sign is None:
                conditions.append(spectrum.order_condition(eigenvalues[a], eigenvalues[b]))
        if possible and all(spectrum.difference_sign(eigenvalues[a], eigenvalues[b]) != -1
                            for k, a in enumerate(order) for b in order[k + 1:]):
            cases.append((And(*conditions), _expand(spectrum, values, order)))
    return tuple(cases)
