"""Canonical SymPy expressions built without SymPy's general-purpose flattening.

``sum(c_k * theta**k)`` and ``(...) / sqrt(n)`` are how an entry of a singular
vector is written, but evaluating them through ``Add`` and ``Mul`` re-sorts
and re-flattens the whole sum at every step and asks the assumptions system
about every ``CRootOf`` power.  The functions here assemble the *same*
expression trees (equal, same hash, same printing) directly from their parts,
because the parts are already canonical: rational coefficients, powers of one
root, and a normalising factor computed once per column.
"""

from sympy import Add, Integer, Mul
from sympy.core.add import _addsort
from sympy.core.mul import _mulsort


def polynomial_expr(coefficients, powers):
    """``sum(coefficients[k] * powers[k])`` as SymPy evaluates it, built directly.

    *coefficients* are SymPy ``Rational`` numbers (lowest degree first) and
    ``powers[k]`` is ``theta**k`` for one algebraic number ``theta`` that is
    an atom (``CRootOf``), so no two terms combine.

    Examples
    --------
    >>> from sympy import CRootOf, Rational, symbols
    >>> x = symbols("x")
    >>> theta = CRootOf(x**3 - 3*x + 1, 0)
    >>> powers = [Integer(1), theta, theta**2]
    >>> e = polynomial_expr([Rational(1, 2), Integer(0), Integer(-3)], powers)
    >>> e == Rational(1, 2) - 3 * theta**2
    True
    """
    constant = None
    terms = []
    for k, c in enumerate(coefficients):
        if not c:
            continue
        if k == 0:
            constant = c
        elif c == 1:
            terms.append(powers[k])
        else:
            terms.append(Mul._from_args((c, powers[k])))
    if not terms:
        return Integer(0) if constant is None else constant
    if len(terms) == 1 and constant is None:
        return terms[0]
    _addsort(terms)
    if constant is not None:
        terms.insert(0, constant)
    return Add._from_args(terms)


def scaled(expression, factor):
    """``expression * factor`` as SymPy evaluates it, cheaply when *expression* is a sum.

    *factor* is a product of a rational number and powers whose bases differ
    from *expression* (the normalising ``1/sqrt(n)`` of a column); then the
    product is the sorted list of the parts, with the coefficient first.  In
    every other case SymPy's ``Mul`` decides.

    >>> from sympy import sqrt, symbols
    >>> a, b = symbols("a b", positive=True)
    >>> scaled(a + b, 1 / sqrt(a + 2)) == (a + b) / sqrt(a + 2)
    True
    """
    if not expression.is_Add or factor.is_Number:
        return Mul(expression, factor)
    coefficient, rest = factor.as_coeff_Mul()
    parts = list(rest.args) if rest.is_Mul else [rest]
    if any(p == expression or (p.is_Pow and p.base == expression) or p.is_Add or p.is_Number for p in parts):
        return Mul(expression, factor)
    parts.append(expression)
    _mulsort(parts)
    if coefficient != 1:
        parts.insert(0, coefficient)
    return Mul._from_args(parts)
