"""One-line notation of exact numbers that the input layer reads back.

``3√5``, ``√2/2``, ``-3√10/10``, ``1/2 + √5/2``, ``√(3/2 + √5/2)``,
``CRootOf(x^3 - 5x^2 + 6x - 1, 2)``: SymPy's ``str`` with ``√`` for square
roots, ``^`` for powers and polynomials written as in a textbook.  Every string
reads back through :func:`exactsvd.input.parse_entry` as the same number; a
``CRootOf`` may instead be printed under a name (``λ1``), for text that defines
the name.
"""

import re

from sympy import CRootOf, S
from sympy.printing.str import StrPrinter

_NUMBER_TIMES_ROOT = re.compile(r"(?<![\w.^/])(\d+)\*√")


class _SymPyPrinter(StrPrinter):
    """SymPy's string printer, fast: terms in SymPy's internal order and each ``CRootOf`` printed once.

    Ordering the terms of an ``Add`` the way ``str`` does evaluates every
    ``CRootOf`` in it numerically; the internal order is as deterministic.
    """

    def __init__(self, order="none"):
        super().__init__({"order": order})
        self.roots = {}

    def _print_ComplexRootOf(self, expr):
        if expr not in self.roots:
            self.roots[expr] = self._print_root(expr)
        return self.roots[expr]

    def _print_root(self, expr):
        return super()._print_ComplexRootOf(expr)


class _LinearPrinter(_SymPyPrinter):
    """The string printer with ``√``, ``^`` and ``CRootOf`` polynomials in textbook form."""

    def __init__(self, names=None, order="none"):
        super().__init__(order)
        self.names = names or {}

    def _print_Pow(self, expr, rational=False):
        if expr.exp is S.Half:
            return "√" + self._radicand(expr.base)
        if expr.exp is S.NegativeOne / 2:
            return "1/√" + self._radicand(expr.base)
        return super()._print_Pow(expr, rational).replace("**", "^")

    def _radicand(self, base):
        text = self._print(base)
        single = (base.is_Integer and base > 0) or base.is_Symbol or isinstance(base, CRootOf)
        return text if single else f"({text})"

    def _print_Mul(self, expr):
        return _NUMBER_TIMES_ROOT.sub(r"\1√", super()._print_Mul(expr))

    def _print_Abs(self, expr):
        return f"abs({self._print(expr.args[0])})"

    def _print_root(self, expr):
        name = self.names.get(expr)
        return name if name is not None else root_of(expr.poly.all_coeffs(), expr.index)


def linear(number, names=None):
    """*number* (a SymPy number) in one line, as :func:`exactsvd.input.parse_entry` reads it back.

    *names* maps ``CRootOf`` numbers to the names to print instead.

    Examples
    --------
    >>> from sympy import sqrt, CRootOf, symbols, Rational
    >>> linear(3 * sqrt(10) / 10), linear(-sqrt(2) / 2), linear(sqrt(Rational(3, 2) + sqrt(5) / 2))
    ('3√10/10', '-√2/2', '√(3/2 + √5/2)')
    >>> x = symbols("x")
    >>> linear(CRootOf(x**3 - 5*x**2 + 6*x - 1, 2) ** 2 + 1)
    '1 + CRootOf(x^3 - 5x^2 + 6x - 1, 2)^2'
    """
    return _LinearPrinter(names).doprint(number)


def formula(expr):
    """A formula in parameters as :func:`linear` writes numbers, its terms in the textbook's order.

    >>> from sympy import Symbol, sqrt
    >>> x = Symbol("x", real=True)
    >>> formula(-(x - 5) * (x + 5)), formula(sqrt(x**2 + 1) / abs(x)), formula(x / sqrt(x**2 + 1))
    ('(5 - x)*(x + 5)', '√(x^2 + 1)/abs(x)', 'x/√(x^2 + 1)')
    """
    return _LinearPrinter(order=None).doprint(expr).replace("sqrt(", "√(")


def sympy_text(number):
    """*number* in SymPy's syntax (``sqrt(2)/2``, ``CRootOf(x**3 - 3*x + 1, 0)``), read back by the input layer.

    The terms are in SymPy's internal order, not in ``str``'s:

    >>> from sympy import sqrt, Rational
    >>> sympy_text(Rational(1, 2) + sqrt(5) / 2), str(Rational(1, 2) + sqrt(5) / 2)
    ('1/2 + sqrt(5)/2', '1/2 + sqrt(5)/2')
    """
    return _SymPyPrinter().doprint(number)


def root_of(coefficients, index):
    """``CRootOf(p, index)`` with the polynomial ``p`` (rational *coefficients*, highest first) in ``x``.

    >>> root_of([1, -5, 6, -1], 2)
    'CRootOf(x^3 - 5x^2 + 6x - 1, 2)'
    """
    return f"CRootOf({polynomial(coefficients, 'x')}, {index})"


def polynomial(coefficients, variable):
    """The polynomial with *coefficients* (SymPy numbers, highest first) in *variable*, as a textbook writes it.

    >>> from sympy import Rational, sqrt
    >>> polynomial([1, -4, 3], "λ"), polynomial([Rational(-1, 2), 0, 1 + sqrt(2)], "x"), polynomial([0], "x")
    ('λ^2 - 4λ + 3', '-x^2/2 + 1 + √2', '0')
    """
    degree = len(coefficients) - 1
    terms = [_term(S(c), degree - k, variable) for k, c in enumerate(coefficients) if c]
    if not terms:
        return "0"
    text = terms[0]
    for term in terms[1:]:
        text += f" - {term[1:]}" if term.startswith("-") else f" + {term}"
    return text


def _term(coefficient, power, variable):
    """One term ``c x^k`` of :func:`polynomial`."""
    if power == 0:
        return linear(coefficient)
    x = variable if power == 1 else f"{variable}^{power}"
    if coefficient.is_Rational:
        p, q = coefficient.p, coefficient.q
        number = {1: "", -1: "-"}.get(p, str(p))
        return f"{number}{x}" + (f"/{q}" if q != 1 else "")
    text = linear(coefficient)
    return f"({text})⋅{x}" if coefficient.is_Add else f"{text}⋅{x}"
