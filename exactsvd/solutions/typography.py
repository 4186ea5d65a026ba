r"""Typesetting decisions shared by every renderer (LaTeX, Markdown, HTML, text), made once here.

Three rules, as a textbook writes:

* **A common factor is pulled out** of a vector or matrix when that makes it
  simpler (:func:`common_factor`): ``u_1 = (1/√10) [1, 3]^T`` rather than
  ``[√10/10, 3√10/10]^T``.  The factor is the rational gcd of the entries'
  contents (``gcd`` of the numerators over the ``lcm`` of the denominators,
  positive) times ``√d`` when every non-zero entry is a rational multiple
  of the same ``√d`` (``d`` an integer), or times ``√X`` or ``1/√X`` when
  every entry has that factor (``X`` not an integer: a norm such as
  ``19663λ₁² + 24363λ₁ + 3386``).  It is pulled out when the matrix has two or more
  non-zero entries, one of them not an integer, and the factor and the
  entries left take fewer symbols to write (digits, root signs, fraction
  bars) than the entries did, and no larger number: ``(1/42)[21√2, 7√6, ...]``
  is not simpler than ``[√2/2, √6/6, ...]``.  A factor
  ``p√d/q`` is written ``p/(k√d)`` when ``q = k d`` (``1/√10``, ``2/√21``,
  ``1/(3√2)``), otherwise ``p√d/q``.
* **Polynomials in a named root run in descending powers**
  (:func:`descending_terms`): ``λ₁² − 238λ₁ + 29``, never ``−238λ₁ + 29 + λ₁²``.
* **Each name for one object** (:data:`VECTOR_NAMES`): the basis and
  Gram–Schmidt vectors that lead to ``v_i`` are ``b_i`` and ``w_i``, those
  that lead to ``u_i`` are ``c_i`` and ``y_i``, so that ``b_3`` (for ``v_3``)
  and ``c_3`` (for ``u_3``) never share a name.

Nothing here changes a value: ``scale.value * rest`` is the matrix, exactly.
"""

import re
from dataclasses import dataclass
from math import gcd

from sympy import S, CRootOf, ImmutableMatrix, Integer, Mul, Rational


#: ``letter -> (basis, orthogonal)``: the names of the vectors that lead to the unit vectors ``letter_i``.
VECTOR_NAMES = {"v": ("b", "w"), "u": ("c", "y")}


@dataclass(frozen=True)
class Scale:
    """A positive factor ``numerator / denominator``, both SymPy numbers as they are to be written."""

    numerator: object
    denominator: object

    @property
    def value(self):
        return self.numerator / self.denominator


def common_factor(matrix):
    """``(Scale, rest)`` with ``matrix = scale.value * rest`` when pulling the factor out makes it simpler; else ``None``.

    Examples
    --------
    >>> from sympy import Matrix, Rational, sqrt
    >>> scale, rest = common_factor(Matrix([sqrt(10) / 10, 3 * sqrt(10) / 10]))
    >>> scale, rest.T
    (Scale(numerator=1, denominator=sqrt(10)), Matrix([[1, 3]]))
    >>> common_factor(Matrix([sqrt(2) / 2, sqrt(2) / 3, sqrt(2) / 3, sqrt(2) / 6]))[0]
    Scale(numerator=1, denominator=3*sqrt(2))
    >>> common_factor(Matrix([[Rational(3, 2), Rational(3, 2)], [Rational(9, 2), Rational(9, 2)]]))
    (Scale(numerator=3, denominator=2), Matrix([
    [1, 1],
    [3, 3]]))
    >>> common_factor(Matrix([[6, 3], [3, 6]])) is None       # integers stay as they are
    True
    >>> common_factor(Matrix([[1, 0, Rational(-1, 3)]])) is None  # 1/3 [3, 0, -1] is no simpler
    True
    >>> common_factor(Matrix([[sqrt(2) / 2, sqrt(6) / 6, 2 * sqrt(21) / 21, sqrt(7) / 7]])) is None
    True
    """
    entries = [e for e in matrix if e != 0]
    if len(entries) < 2 or all(e.is_Integer for e in entries):
        return None
    contents, primitives = zip(*(e.as_content_primitive() for e in entries))
    numerator = gcd(*(int(c.p) for c in contents))
    denominator = _lcm(int(c.q) for c in contents)
    root = _shared_root(primitives)
    value = Rational(numerator, denominator) * root
    if value == 1:
        return None
    rest = ImmutableMatrix(matrix.rows, matrix.cols, [e / value for e in matrix])
    scale = _written(numerator, denominator, root)
    if _symbols(scale.value) + sum(map(_symbols, rest)) >= sum(map(_symbols, matrix)):
        return None
    if max(map(_largest, [scale.numerator, scale.denominator, *rest])) > max(map(_largest, matrix)):
        return None
    return scale, rest


def descending_terms(terms):
    """The terms of a sum ordered by descending total degree in ``CRootOf`` numbers (stable otherwise).

    (SymPy caches a ``CRootOf`` by its polynomial whatever the generator's name, so the example's
    cubic is one no other code of the package uses: its generator prints as ``x``.)

    Examples
    --------
    >>> from sympy import CRootOf, Integer, Symbol
    >>> r = CRootOf(Symbol("x") ** 3 - 5 * Symbol("x") - 3, 0)
    >>> descending_terms([-238 * r, Integer(29), r**2])
    [CRootOf(x**3 - 5*x - 3, 0)**2, -238*CRootOf(x**3 - 5*x - 3, 0), 29]
    """
    return sorted(terms, key=lambda term: -_root_degree(term))


def _root_degree(term):
    return sum(exponent for base, exponent in term.as_powers_dict().items() if isinstance(base, CRootOf))


def _shared_root(primitives):
    """The square root ``√X`` or ``1/√X`` that is a factor of every primitive part (1 if there is none).

    An integer ``X`` counts only when the primitive parts are ``±√X`` themselves.
    """
    shared = set.intersection(*(set(_square_roots(p)) for p in primitives))
    return min(shared, key=str) if shared else S.One


def _square_roots(primitive):
    """The factors ``√X`` and ``1/√X`` of a primitive part (only ``±√d`` itself for an integer ``d``)."""
    factors = Mul.make_args(primitive)
    for factor in factors:
        if factor.is_Pow and abs(factor.exp) == S.Half:
            if not factor.base.is_Integer:
                yield factor
            elif factor.exp > 0 and len([f for f in factors if f != -1]) == 1:
                yield factor


def _written(numerator, denominator, root):
    """The factor ``numerator root / denominator``; ``p√d/q`` with ``q = k d`` is written ``p/(k√d)``."""
    if root == 1:
        return Scale(Integer(numerator), Integer(denominator))
    if root.exp < 0:
        return Scale(Integer(numerator), denominator * root.base**S.Half)
    d = root.base
    if d.is_Integer and denominator % d == 0:
        return Scale(Integer(numerator), denominator // int(d) * root)
    return Scale(numerator * root, Integer(denominator))


def _lcm(values):
    result = 1
    for v in values:
        result = result * v // gcd(result, v)
    return result


def _largest(expr):
    """The largest integer written in *expr* (a named root counts as a name)."""
    return max((abs(n) for number in _numbers(expr) for n in (number.p, number.q)), default=0)


def _numbers(expr):
    """The rational numbers written in *expr*, not looking inside ``CRootOf`` (a name)."""
    if isinstance(expr, CRootOf):
        return
    if expr.is_Rational:
        if expr not in (1, -1):
            yield expr
    elif expr.is_Pow:  # the base; an integer exponent is written, 1/2 is the root sign
        yield from _numbers(expr.base)
        if expr.exp.is_Integer and abs(expr.exp) != 1:
            yield abs(expr.exp)
    else:
        for arg in expr.args:
            yield from _numbers(arg)


def _symbols(expr):
    """How many symbols it takes to write *expr*: digits, root signs and fraction bars."""
    count = 0
    for number in _numbers(expr):
        count += len(str(abs(number.p))) + (len(str(number.q)) + 1 if number.q != 1 else 0)
    return count + sum(int(abs(e.exp) == S.Half) + int(bool(e.exp.is_negative)) for e in _powers(expr))


def _powers(expr):
    """The powers written in *expr* (roots, reciprocals, squares), not looking inside ``CRootOf``."""
    if isinstance(expr, CRootOf):
        return
    if expr.is_Pow:
        yield expr
    for arg in expr.args:
        yield from _powers(arg)
