"""The polynomial conditions under which a generic symbolic SVD is valid.

An identity proved in the tower of square roots holds at every parameter
value where every rational function it contains is defined.  So the
conditions are: each irreducible factor of each denominator -- of ``A``'s
entries, of every coefficient of ``U``, ``S``, ``V`` in the tower and of
every radicand -- is non-zero (this includes ``s_i != 0`` for the generic
rank, as ``1/s_i = s_i / lambda_i``, the non-vanishing of the squared
norms, and the discriminants of quadratic factors where the two
eigenvectors would merge); the order of the singular values where the
assumptions do not decide it (``lambda_i - lambda_j >= 0``); ``cos t != -1``
for an angle, unless every entry is defined at ``t = pi``.  Conditions that the assumptions already imply are left out.
The squared norms need no condition of their own: every vector of the hand
method has the entry 1 in its free column, so its norm is at least 1.
"""

from sympy import Ge, Ne, S, cos, factor, fraction, sin, together

from .signs import holds


def conditions_of(decomposition):
    """The tuple of relationals (``Ne(p, 0)``, ``p >= 0``) for a :class:`SymbolicDecomposition`."""
    spectrum = decomposition.spectrum
    field = spectrum.field
    denominators = []
    for row in field.matrix.to_list():
        denominators += [a.denom for a in row]
    for column in decomposition.left + decomposition.right + [decomposition.singular_values]:
        for element in column:
            denominators += [c.denom for c in element.terms.values()]
    for radicand in spectrum.tower.radicands:
        denominators += [c.denom for c in radicand.terms.values()]
    relations = []
    seen = set()
    for p in denominators:
        if p.degree() <= 0 if p.ring.ngens == 1 else not any(p.degrees()):
            continue
        for f, _ in p.factor_list()[1]:
            f = f.monic()
            if f in seen:
                continue
            seen.add(f)
            if field.is_complex:  # f and conj(f) vanish together: keep the one in x rather than conjugate(x)
                conj = field.conjugate(field.domain.field.new(f)).numer.monic()
                seen.add(conj)
                f = min((f, conj), key=lambda g: str(field.to_expr(field.domain.field.new(g))).count("conjugate"))
            relations.append(Ne(factor(field.map_back(field.domain.to_sympy(field.domain.field.new(f)))), 0))
    relations += spectrum.order_conditions
    if field.angles:
        relations = [_polynomial(r) for r in relations if r is not S.true]
        relations += [Ne(cos(t) + 1, 0) for t in field.angles if not _continuous_at_pi(decomposition, t)]
        return tuple(dict.fromkeys(r for r in relations if r is not S.true))
    return tuple(r for r in dict.fromkeys(relations) if not holds(r, spectrum.symbols))


def _continuous_at_pi(decomposition, t):
    """Whether every entry (in ``cos t``, ``sin t``) is defined at ``t = pi``, where ``tau = tan(t/2)`` is not.

    The identities hold for every other ``t``; entries defined (so continuous) at
    ``t = pi`` carry them there too, and ``cos t != -1`` is not needed.
    """
    point = {cos(t): -1, sin(t): 0}
    U, S, V = decomposition.sympy_factors()
    return all(entry.subs(point).is_finite for M in (U, S, V) for entry in M)


def _polynomial(relation):
    """*relation* on ``N/D`` (in ``cos t``, ``sin t``) as one on ``N`` (``Ne``) or ``N D`` (``>=``): ``D != 0`` is asked anyway."""
    num, den = fraction(together(relation.lhs - relation.rhs))
    if isinstance(relation, Ne):
        return Ne(factor(num), 0)
    return Ge(factor(num * den), 0)
