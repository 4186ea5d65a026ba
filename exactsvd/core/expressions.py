"""Canonical SymPy expressions built without SymPy's general-purpose flattening.

``sum(c_k * theta**k)`` and ``(...) / sqrt(n)`` are how an entry of a singular
vector is written, but evaluating them through ``Add`` and ``Mul`` re-sorts
and re-flattens the whole sum at every step and asks the assumptions system
about every ``CRootOf`` power.  The functions here assemble the *same*
expression trees (equal, same hash, same printing) directly from their parts,
because the parts are already canonical: rational coefficients, powers of one
root, and a normalising factor computed once per column.
"""

from functools import lru_cache
from operator import itemgetter

from sympy import Add, Basic, Expr, Integer, Mul, Rational, S
from sympy.core import basic
from sympy.core.mul import _mulsort


def rational(a):
    """A ``QQ`` element (already in lowest terms) as a SymPy ``Rational``, without a second gcd.

    >>> from sympy.polys.domains import QQ
    >>> rational(QQ(-6, 4))
    -3/2
    >>> rational(QQ(2, 4)) == Rational(1, 2) and rational(QQ(2, 4)) is S.Half
    True
    """
    p, q = int(a.numerator), int(a.denominator)
    if q == 1:
        if -1 <= p <= 1:
            return Integer(p)  # the singletons S.NegativeOne, S.Zero, S.One
        number = Expr.__new__(Integer)  # what Integer(p) builds, without the cache lookup
        number.p = p
        return number
    if (p, q) == (1, 2):
        return S.Half  # the one singleton among the non-integers: Rational(1, 2) is S.Half, of its own class
    number = Expr.__new__(Rational)  # what Rational(p, q) builds once it has divided by the gcd (here 1)
    number.p, number.q = p, q
    return number


@lru_cache(maxsize=None)
def _class_rank(name):
    """The first part of :func:`compare_key`: the class by ``ordering_of_classes``, else by name."""
    try:
        return (basic.ordering_of_classes.index(name), "")
    except ValueError:
        return (len(basic.ordering_of_classes) + 1, name)


def compare_key(expression, memo):
    """A sort key that orders SymPy expressions exactly like ``Basic.compare`` (how ``Add`` sorts its terms).

    ``Basic.compare`` compares the class (by ``ordering_of_classes``, else by
    name), then the length of the hashable content, then the items in order;
    the key is that sequence as a tuple, so Python's tuple comparison makes
    the same decisions.  *memo* keeps the keys of shared sub-expressions (the
    powers of one root) across calls.
    """
    if expression in memo:
        return memo[expression]
    content = expression._hashable_content()
    key = _class_rank(type(expression).__name__) + (len(content),)
    key += tuple(compare_key(a, memo) if isinstance(a, Basic) else a for a in content)
    if not expression.is_Number:
        memo[expression] = key
    return key


def _number_key(number):
    """:func:`compare_key` of a SymPy ``Rational`` (an ``Integer`` has the content ``(p,)``, the others ``(p, q)``)."""
    if isinstance(number, Integer):
        return _class_rank(type(number).__name__) + (1, number.p)
    return _class_rank(type(number).__name__) + (2, number.p, number.q)


_MUL_RANK = _class_rank("Mul")


def polynomial_expr(coefficients, powers, memo=None):
    """``sum(coefficients[k] * powers[k])`` as SymPy evaluates it, built directly.

    *coefficients* are SymPy ``Rational`` numbers (lowest degree first) and
    ``powers[k]`` is ``theta**k`` for one algebraic number ``theta`` that is
    an atom (``CRootOf``), so no two terms combine.  *memo* (a dict) may be
    shared by the calls with the same *powers*: the sort keys of the powers.

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
    memo = {} if memo is None else memo
    if ("powers",) not in memo:  # the keys of the powers and of their terms Mul(c, theta**k), but for c
        memo["powers",] = [(compare_key(t, memo), _MUL_RANK + (2,)) for t in powers]
    power_keys = memo["powers",]
    keyed = []
    for k, c in enumerate(coefficients):
        if not c:
            continue
        if k == 0:
            constant = c
        elif c == 1:
            keyed.append((power_keys[k][0], powers[k]))
        else:
            power_key, head = power_keys[k]
            keyed.append((head + (_number_key(c), power_key), Mul._from_args((c, powers[k]), True)))
    if not keyed:
        return Integer(0) if constant is None else constant
    if len(keyed) == 1 and constant is None:
        return keyed[0][1]
    keyed.sort(key=itemgetter(0))
    terms = [term for _, term in keyed]
    if constant is not None:
        terms.insert(0, constant)
    return Add._from_args(terms, True)


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
