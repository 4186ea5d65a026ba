"""The cost model: what a call will cost, bounded from the entries before any work.

From the validated entries it bounds

* the degree over QQ of the field of the entries: the product, over the bases
  of the radicals, of the least common multiple of their root indices, times
  the degrees of the ``CRootOf`` and algebraic numbers (``sqrt(2)`` and
  ``sqrt(8) = 2*sqrt(2)`` count once; ``sqrt(1 + sqrt(2))`` counts 2 for itself
  and 2 for the ``sqrt(2)`` inside);
* the size of the integers in the entries (bits);
* the time of the exact SVD (:func:`estimated_seconds`, a rough model fitted on
  this project's benchmarks), and that of the numeric one (:func:`estimated_numeric_seconds`).

:func:`refuse_beyond_limits` raises :class:`~exactsvd.InputTooLargeError` for
an input beyond the limits of :mod:`.limits`, naming the entry or the shape,
the estimate, and what to do instead.
"""

import math
from dataclasses import dataclass

from sympy import AlgebraicNumber, CRootOf, Pow, Rational

from ..errors import InputTooLargeError, shorten
from .limits import MAX_ENTRIES, MAX_ENTRY_BITS, MAX_FIELD_DEGREE, MAX_FULL_FACTOR_ENTRIES, MAX_SIDE


@dataclass(frozen=True)
class Cost:
    """The bounds of :func:`estimate` for one matrix.

    ``size`` is the order of the smaller Gram matrix, ``bits`` the largest
    integer (numerator or denominator) in an entry, ``field_degree`` the bound of
    the degree of the field of the entries, ``degree_cell`` the 0-based
    ``(row, column)`` of the entry at which that bound first passes
    ``MAX_FIELD_DEGREE`` (else of the entry with the largest own degree) and
    ``bits_cell`` the entry with the most bits (``None`` for an empty matrix).
    """

    shape: tuple
    size: int
    bits: int
    field_degree: int
    bits_cell: object
    degree_cell: object

    @property
    def seconds(self):
        """The estimated time of the exact SVD (:func:`estimated_seconds`)."""
        return estimated_seconds(self.size, self.bits, self.field_degree)


def estimated_seconds(size, bits=1, field_degree=1, factor_degree=None):
    """Rough time of the exact SVD for a Gram matrix of order *size*.

    *bits* is the size of the largest integer in the entries, *field_degree* the
    degree of their field, *factor_degree* the degree of the largest
    irreducible factor of the characteristic polynomial (default: *size*, the
    generic case).  Fitted on ``bench/compare_sympy.py`` and ``bench/budget.py``
    without accelerators (generic integer 10×10: 0.7 s; 20×20: 8 s; 2×2 with
    1000-digit entries: 20 s; a row of six distinct square roots: 7 s); within a
    factor of about 3 either way.

    >>> round(estimated_seconds(20), 1)
    8.4
    >>> estimated_seconds(2, bits=3300) > 10
    True
    """
    degree = size if factor_degree is None else factor_degree
    growth = (1 + bits / 32) ** 2
    core = 0.7 * (size / 10) ** 3.5 * max(degree, 1) / max(size, 1)
    field = 2e-4 * size**3 * field_degree**2.5 if field_degree > 1 else 0.0
    return (core + field) * growth


def estimated_numeric_seconds(rows, cols, dps=50):
    """Rough time of the numeric SVD (with its certified bound) of a *rows*×*cols* matrix at *dps* digits.

    Start-up of its worker included.  Fitted on ``bench/budget.py`` and
    ``bench/numeric_vs_mpmath.py`` on a loaded machine, towards the slow side:
    a matrix of low numerical rank (a large cluster of zero singular values to
    resolve) costs about three times a generic one, and the model is near that
    worst case (30×30 at 50 digits: 2.3 s; generic ones take 0.6 to 1.7 s).

    >>> round(estimated_numeric_seconds(30, 30), 1)
    2.3
    >>> estimated_numeric_seconds(3, 3) < 0.5
    True
    """
    work = rows * cols * min(rows, cols) / 27_000
    return 0.3 + 2.0 * work * max(1.0, (dps / 400) ** 2)


def estimate(matrix):
    """The :class:`Cost` of the validated exact SymPy *matrix*.

    >>> from sympy import Matrix, sqrt
    >>> c = estimate(Matrix([[1, sqrt(2)], [sqrt(8), 2**Rational(1, 3)]]))
    >>> c.field_degree, c.bits, c.size
    (6, 2, 2)
    """
    m, n = matrix.shape
    radicals, algebraic = {}, {}
    bits, bits_cell, degree_cell, own_most = 0, None, None, 0
    for index, entry in enumerate(matrix):
        cell = divmod(index, n)
        if entry.is_Rational:
            size = max(int(entry.p).bit_length(), int(entry.q).bit_length())
        else:
            size = max((max(int(r.p).bit_length(), int(r.q).bit_length()) for r in entry.atoms(Rational)), default=0)
            own = _collect(entry, radicals, algebraic)
            if degree_cell is None or _degree(radicals, algebraic) <= MAX_FIELD_DEGREE and own > own_most:
                degree_cell, own_most = cell, own
        if size > bits:
            bits, bits_cell = size, cell
    return Cost((m, n), min(m, n), max(bits, 1), _degree(radicals, algebraic), bits_cell, degree_cell)


def _collect(entry, radicals, algebraic):
    """Add the generators of *entry* to *radicals* (base -> lcm of root indices) and *algebraic*; its own degree."""
    own = 1
    for power in entry.atoms(Pow):
        exponent = power.exp
        if exponent.is_Rational and not exponent.is_Integer:
            radicals[power.base] = math.lcm(radicals.get(power.base, 1), int(exponent.q))
            own *= int(exponent.q)
    for number in entry.atoms(CRootOf, AlgebraicNumber):
        degree = number.poly.degree() if isinstance(number, CRootOf) else number.minpoly.degree()
        algebraic[number] = degree
        own *= degree
    return own


def _degree(radicals, algebraic):
    return math.prod(radicals.values()) * math.prod(algebraic.values())


def refuse_beyond_limits(matrix, form, method, name="A"):
    """Raise :class:`~exactsvd.InputTooLargeError` if *matrix* is beyond the limits for *form* and *method*.

    *method* is ``"exact"`` or ``"numeric"``; the field degree is bounded on
    the exact path only.  The estimated time refuses nothing (a structured
    matrix with huge entries can be quick): ``timeout=`` bounds it, and
    ``method="auto"`` goes numeric at once when the estimate is over its budget.
    Returns the :class:`Cost`.

    >>> from sympy import Matrix, sqrt
    >>> refuse_beyond_limits(Matrix([[1, 2]]), "full", "exact").field_degree
    1
    >>> refuse_beyond_limits(Matrix([[2**Rational(1, 100), 1]]), "full", "exact")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    exactsvd.errors.InputTooLargeError: A, row 1, column 1: 2**(1/100) needs a field of degree up to 100 ...
    """
    m, n = matrix.shape
    if m * n > MAX_ENTRIES:
        raise InputTooLargeError(
            f"{name} is {m}×{n} ({m * n} entries), beyond the limit of {MAX_ENTRIES} entries. For a large matrix of "
            "decimals use exactsvd.applications.float_svd (float64, not certified)."
        )
    if method != "exact" and max(m, n) > MAX_SIDE:
        raise InputTooLargeError(
            f"{name} is {m}×{n}, beyond the limit of {MAX_SIDE} rows and columns of the certified numeric SVD "
            "(it builds the full factors whatever the form). Use the exact path with form='thin' or "
            "form='compact', or exactsvd.applications.float_svd (float64, not certified)."
        )
    if form == "full" and max(m, n) ** 2 > MAX_FULL_FACTOR_ENTRIES:
        side, factor = (m, "U") if m >= n else (n, "V")
        raise InputTooLargeError(
            f"{name} is {m}×{n}: in the full form {factor} would be {side}×{side} ({side * side} entries, "
            f"the limit is {MAX_FULL_FACTOR_ENTRIES}). Use form='thin' (min(m, n) columns) or form='compact'."
        )
    cost = estimate(matrix)
    if cost.bits > MAX_ENTRY_BITS:
        row, column = cost.bits_cell
        raise InputTooLargeError(
            f"{name}, row {row + 1}, column {column + 1}: an integer of about {cost.bits * 0.30103:.0f} digits "
            f"({cost.bits} bits), above the limit of {MAX_ENTRY_BITS} bits (about "
            f"{MAX_ENTRY_BITS * 0.30103:.0f} digits). Scale the matrix down, or round it and use method='numeric'."
        )
    if method != "exact":
        return cost
    if cost.field_degree > MAX_FIELD_DEGREE:
        row, column = cost.degree_cell
        raise InputTooLargeError(
            f"{name}, row {row + 1}, column {column + 1}: {shorten(matrix[row, column])} needs a field of degree "
            f"up to {_big(cost.field_degree)} over QQ with the entries before it, above the limit of "
            f"{MAX_FIELD_DEGREE} of the exact path. Use method='numeric', or fewer distinct radicals "
            "(sqrt(2) and sqrt(8) = 2*sqrt(2) count once)."
        )
    return cost


def _big(number):
    """*number*, or ``2^k`` style when it has more than 12 digits."""
    digits = len(str(number)) if number < 10**100 else 101
    return str(number) if digits <= 12 else f"about 10^{math.floor(math.log10(number))}"
