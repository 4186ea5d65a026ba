"""From a SymPy matrix to the exact integer data the numeric path works on.

Every entry becomes an exact rational: Integer and Rational as they are, a
SymPy ``Float`` as the binary number it stores (``man * 2**exp``), and any
other real number (``sqrt(2)``, ``pi``...) as its SymPy ``evalf`` value at
``eval_digits`` significant digits.  For those evaluated entries the bound
trusts ``evalf``'s stated accuracy, with a factor 10 to spare: each is taken to
lie within ``max(10**(1 - eval_digits), 2**(2 - prec)) * |value|`` of the true
number, where ``prec`` is the precision evalf reports for the value (lower
than asked where cancellation defeated it, as for an unsimplified zero).
"""

from dataclasses import dataclass
from fractions import Fraction
from math import lcm

import sympy

from ..errors import NonFiniteError, UnsupportedEntryError, shorten
from .fixedpoint import rdiv


@dataclass(frozen=True)
class Problem:
    """The m×n matrix ``numerators / denominator`` and what is known about it.

    ``exponent`` is the least ``e`` with ``|a_ij| < 2**e`` for all entries (0 for
    a zero or empty matrix): the engines work on ``A / 2**e``, whose entries are
    below 1.  ``eval_error`` bounds the Frobenius distance between the matrix
    the user meant and this one; ``evaluated`` counts the entries behind it.
    """

    shape: tuple
    numerators: tuple
    denominator: int
    exponent: int
    eval_error: Fraction
    evaluated: int

    def fixed(self, f):
        """The normalised matrix ``A / 2**exponent`` at scale *f*, rounded to nearest."""
        k, d = f - self.exponent, self.denominator
        if k >= 0:
            return [[rdiv(a << k, d) for a in row] for row in self.numerators]
        return [[rdiv(a, d << -k) for a in row] for row in self.numerators]

    def transpose(self):
        """The same data for ``A^T``."""
        return Problem(
            self.shape[::-1],
            tuple(zip(*self.numerators)),
            self.denominator,
            self.exponent,
            self.eval_error,
            self.evaluated,
        )


def to_problem(A, eval_digits):
    """Read the SymPy matrix *A* exactly (see the module docstring); irrational entries at *eval_digits*.

    >>> from sympy import Matrix, Rational, Float
    >>> p = to_problem(Matrix([[Rational(1, 3), Float(0.5)], [4, 0]]), 20)
    >>> p.numerators, p.denominator, p.exponent
    (((2, 3), (24, 0)), 6, 3)
    """
    values = [[_entry(A[i, j], (i, j), eval_digits) for j in range(A.cols)] for i in range(A.rows)]
    return _problems(A.shape, [values])[0]


def to_complex_problem(A, eval_digits):
    """``(re, im)``: the real and imaginary parts of the SymPy matrix *A* as two :class:`Problem`\\ s.

    Both share one denominator and one exponent (the least ``e`` with every
    part below ``2**e`` in size); each part is read as :func:`to_problem` reads
    an entry, and ``eval_error`` of both is the bound for the complex matrix.

    >>> from sympy import Matrix, I, Rational
    >>> re, im = to_complex_problem(Matrix([[1 + 2*I, Rational(1, 2)*I]]), 20)
    >>> re.numerators, im.numerators, re.denominator, im.exponent
    (((2, 0),), ((4, 1),), 2, 2)
    """
    parts = [[[], []] for _ in range(A.rows)]
    for i in range(A.rows):
        for j in range(A.cols):
            x = A[i, j]
            real, imaginary = (x, sympy.Integer(0)) if x.is_real else _real_imaginary(x, (i, j))
            for row, part in zip(parts[i], (real, imaginary)):
                row.append(_entry(part, (i, j), eval_digits))
    return _problems(A.shape, [[row[k] for row in parts] for k in (0, 1)])


def _real_imaginary(x, where):
    """``(re x, im x)`` of a SymPy number, as SymPy numbers."""
    if not x.is_number:
        raise UnsupportedEntryError(
            f"entry {where} of A is {shorten(x)}; the numeric path needs numbers, substitute the symbols first"
        )
    return x.as_real_imag()


def _problems(shape, matrices):
    """One :class:`Problem` per grid of ``(value, relative error or None)``, all with one denominator and exponent."""
    error, evaluated = Fraction(0), 0
    for values in matrices:
        for row in values:
            for value, relative_error in row:
                if relative_error is not None:
                    error += abs(value) * relative_error
                    evaluated += 1
    denominator = lcm(1, *(q.denominator for values in matrices for row in values for q, _ in row))
    numerators = [
        tuple(tuple(q.numerator * (denominator // q.denominator) for q, _ in row) for row in values)
        for values in matrices
    ]
    largest = max((abs(a) for rows in numerators for row in rows for a in row), default=0)
    exponent = _exponent(largest, denominator)
    return [Problem(shape, rows, denominator, exponent, error, evaluated) for rows in numerators]


def _exponent(largest, denominator):
    """The least ``e`` with ``largest / denominator < 2**e`` (0 when ``largest`` is 0)."""
    if largest == 0:
        return 0
    e = largest.bit_length() - denominator.bit_length()
    while Fraction(largest, denominator) >= Fraction(2) ** e:
        e += 1
    while Fraction(largest, denominator) < Fraction(2) ** (e - 1):
        e -= 1
    return e


def _entry(x, where, eval_digits):
    """``(value, relative error bound or None if exact)`` for one entry; raises the hierarchy's errors for bad ones."""
    if x.is_Rational:
        return Fraction(int(x.p), int(x.q)), None
    if x.is_Float:
        return _dyadic(x), None
    if x.has(sympy.nan, sympy.zoo, sympy.oo, -sympy.oo) or x.is_finite is False:
        raise NonFiniteError(f"entry {where} of A is {shorten(x)}; every entry must be a finite number")
    if not x.is_number:
        raise UnsupportedEntryError(
            f"entry {where} of A is {shorten(x)}; the numeric path needs numbers, substitute the symbols first"
        )
    value = x.evalf(eval_digits)
    if value in (sympy.nan, sympy.zoo, sympy.oo, -sympy.oo):
        raise NonFiniteError(f"entry {where} of A is {shorten(x)}, which evaluates to {value}; entries must be finite")
    if not value.is_Float:
        raise UnsupportedEntryError(
            f"entry {where} of A is {shorten(x)}, which does not evaluate to a real number"
        )
    # evalf reports a lower precision (down to 1 bit) where cancellation defeats it
    return _dyadic(value), max(Fraction(10) ** (1 - eval_digits), Fraction(2) ** (2 - value._prec))


def _dyadic(x):
    """The exact value of a SymPy Float (as Python integers, whatever mpmath's backend: gmpy2 gives mpz)."""
    sign, man, exp, _ = x._mpf_
    man = int(man)
    value = Fraction(man << exp) if exp >= 0 else Fraction(man, 1 << -exp)
    return -value if sign else value
