"""Turn what a user gives as a matrix into a validated, exact SymPy matrix.

Every entry that leaves this module is a finite, real, algebraic SymPy number:
an integer, a fraction, a root such as ``sqrt(2)``, a ``CRootOf``, or an exact
expression in them.  Error messages number rows and columns from 1.
"""

import math
import numbers
from decimal import Decimal

import sympy
from sympy.matrices import MatrixBase

from ..errors import InvalidMatrixError, NonFiniteError, NotExactError, UnsupportedEntryError, shorten
from .parse import HINT, parse_entry, parse_matrix_text, ragged_problem, where

_NON_FINITE = (sympy.nan, sympy.oo, -sympy.oo, sympy.zoo)


def as_exact_matrix(A, *, rationalize=False, name="A"):
    """Convert *A* to an exact SymPy matrix, checking every entry.

    Parameters
    ----------
    A : sympy.Matrix, list of rows, str or array-like
        A SymPy matrix (mutable or immutable, any shape including 0×n and m×0);
        a list or tuple of rows whose entries are ``int``, ``fractions.Fraction``,
        ``decimal.Decimal`` (read exactly), SymPy numbers or strings such as
        ``"1/3"`` or ``"2*sqrt(3)"``; one string for the whole matrix (see
        :func:`exactsvd.input.parse_matrix_text`); or an object with ``.tolist()``
        such as a NumPy array.  ``[]`` and ``[[]]`` are the 0×0 matrix; a flat
        list such as ``[1, 2, 3]`` is refused.
    rationalize : bool
        Accept floats (Python, NumPy or SymPy ``Float``), reading each as the
        decimal it prints as: ``0.1`` (``repr``) becomes 1/10, not the binary
        value 3602879701896397/36028797018963968.  Without it floats raise
        :class:`NotExactError`.  ``nan`` and infinities are refused either way.
    name : str
        The argument name used in error messages.

    Returns
    -------
    sympy.ImmutableMatrix
        The entries as exact SymPy expressions, not simplified beyond what
        SymPy does on its own.

    Raises
    ------
    InvalidMatrixError
        *A* is not a matrix: ragged rows, a flat list, unreadable text
        (:class:`MatrixParseError`), an entry that is not a number (or a bool),
        or a non-finite entry (:class:`NonFiniteError`).
    NotExactError
        A float entry and ``rationalize=False``.
    UnsupportedEntryError
        A free symbol, a number not known to be algebraic (``pi``), or a
        complex number.

    Examples
    --------
    >>> from fractions import Fraction
    >>> M = as_exact_matrix([[1, Fraction(1, 3)], ["0.96", "sqrt(8)"]])
    >>> M.tolist()
    [[1, 1/3], [24/25, 2*sqrt(2)]]
    >>> type(M).__name__
    'ImmutableDenseMatrix'
    >>> as_exact_matrix("1 2; 3 4").shape
    (2, 2)
    >>> as_exact_matrix([[0.1, 2]], rationalize=True)
    Matrix([[1/10, 2]])
    >>> as_exact_matrix([[1, 2], [3]])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidMatrixError: A: row 2 has 1 entry but row 1 has 2 entries; ...
    """
    rows, shape = _rows(A, name)
    entries = [_entry(x, (i, j), rationalize, name) for i, row in enumerate(rows) for j, x in enumerate(row)]
    return sympy.ImmutableMatrix(*shape, entries)


def _rows(A, name):
    """The rows of *A* (entries not yet converted) and its shape."""
    if isinstance(A, str):
        rows = parse_matrix_text(A, name)
        return rows, (len(rows), len(rows[0]) if rows else 0)
    if isinstance(A, MatrixBase):
        return A.tolist(), A.shape
    if hasattr(A, "tolist"):  # NumPy arrays and the like, without importing NumPy
        shape = getattr(A, "shape", None)
        A = _tolist(A, name)
        if isinstance(shape, tuple) and len(shape) == 2:
            _check_shape(A, shape, name)
            return A, shape
    if not isinstance(A, (list, tuple)):
        raise InvalidMatrixError(
            f"{name}: expected a SymPy Matrix, a list of rows or a string, got {type(A).__name__} "
            f"{shorten(A)}. Give a list of rows, e.g. [[1, 2], [3, 4]]."
        )
    for index, row in enumerate(A):
        if not isinstance(row, (list, tuple)):
            raise InvalidMatrixError(
                f"{name}: give a list of rows, e.g. [[1, 2, 3]]; item {index + 1} of {shorten(A)} "
                f"is {shorten(row)}, not a row."
            )
        if len(row) != len(A[0]):
            raise InvalidMatrixError(f"{name}: {ragged_problem(index, len(row), len(A[0]))}. Got {shorten(A)}.")
    if len(A) == 1 and not A[0]:
        return [], (0, 0)
    return A, (len(A), len(A[0]) if A else 0)


def _tolist(A, name):
    """``A.tolist()``, its failures reported as an :class:`InvalidMatrixError`."""
    try:
        return A.tolist()
    except Exception as error:  # a foreign object: any failure of its method is the input's fault
        raise InvalidMatrixError(
            f"{name}: {type(A).__name__}.tolist() failed ({type(error).__name__}: {shorten(str(error))}). "
            "Give a list of rows, e.g. [[1, 2], [3, 4]]."
        ) from error


def _check_shape(rows, shape, name):
    """Refuse an object whose ``tolist()`` does not have the rows and columns its ``shape`` says."""
    fits = (
        isinstance(rows, list)
        and len(rows) == shape[0]
        and all(isinstance(row, (list, tuple)) and len(row) == shape[1] for row in rows)
    )
    if not fits:
        raise InvalidMatrixError(
            f"{name}: its shape says {shorten(shape)} but its tolist() gives {shorten(rows)}. "
            "Give a list of rows, e.g. [[1, 2], [3, 4]]."
        )


def _entry(x, cell, rationalize, name):
    """The exact SymPy value of the entry *x* at *cell* (0-based), validated."""
    here = where(name, cell)
    if isinstance(x, bool):
        raise InvalidMatrixError(f"{here}: {x!r} is a bool, not a number. Write 1 or 0 instead.")
    if isinstance(x, str):
        return _check(parse_entry(x, name, position=cell), cell, rationalize, name)
    if isinstance(x, sympy.Basic):
        return _check(x, cell, rationalize, name)
    if isinstance(x, numbers.Integral):
        return sympy.Integer(int(x))
    if isinstance(x, numbers.Rational):
        return sympy.Rational(int(x.numerator), int(x.denominator))
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise NonFiniteError(f"{here}: {shorten(x)} is not finite. Every entry must be a finite number.")
        return parse_entry(str(x), name, position=cell)
    if isinstance(x, numbers.Real):
        return _float(float(x), cell, rationalize, name)
    if isinstance(x, numbers.Complex):
        raise UnsupportedEntryError(f"{here}: {shorten(x)} is complex; complex entries are not supported yet.")
    raise InvalidMatrixError(f"{here}: {shorten(x)} ({type(x).__name__}) is not a number. {HINT}")


def _float(x, cell, rationalize, name):
    """A float entry: refused, or read as the decimal that ``repr`` prints."""
    here = where(name, cell)
    if not math.isfinite(x):
        raise NonFiniteError(f"{here}: {x!r} is not finite. Every entry must be a finite number.")
    if not rationalize:
        raise NotExactError(
            f"{here}: {x!r} is a float, which is not exact. Pass rationalize=True to read each float as "
            f"the decimal it prints as, or give the entry exactly, e.g. as the string {repr(x)!r} or a "
            "fractions.Fraction."
        )
    return parse_entry(repr(x), name, position=cell)


def _check(value, cell, rationalize, name):
    """Return the SymPy *value* if it is a finite real algebraic number, else raise."""
    here = where(name, cell)
    if not isinstance(value, sympy.Expr):
        raise InvalidMatrixError(f"{here}: {shorten(value)} ({type(value).__name__}) is not a number. {HINT}")
    if value.is_Rational:
        return value
    if value.has(*_NON_FINITE):
        raise NonFiniteError(f"{here}: {shorten(value)} is not finite. Every entry must be a finite number.")
    floats = value.atoms(sympy.Float)
    if floats and not rationalize:
        raise NotExactError(
            f"{here}: {shorten(value)} {'is' if value.is_Float else 'contains'} a float, which is not exact. "
            "Pass rationalize=True to read each float as the decimal it prints as, or use exact numbers "
            "such as sympy.Rational(1, 10)."
        )
    value = value.xreplace({f: parse_entry(str(f), name, position=cell) for f in floats})
    if value.free_symbols:
        symbols = sorted(map(str, value.free_symbols))
        raise UnsupportedEntryError(
            f"{here}: {shorten(value)} has the free symbol{'s' if len(symbols) > 1 else ''} "
            f"{', '.join(symbols)}. Substitute numbers first, e.g. {name}.subs({symbols[0]}, 2)."
        )
    known = {False: "is not", None: "is not known to be"}
    if value.is_algebraic is not True:
        raise UnsupportedEntryError(
            f"{here}: {shorten(value)} {known[value.is_algebraic]} algebraic; the exact SVD needs algebraic "
            "entries. Replace it by an exact algebraic value such as a fraction, sqrt(2) or a CRootOf."
        )
    if value.is_real is not True:
        raise UnsupportedEntryError(
            f"{here}: {shorten(value)} {known[value.is_real]} real; complex entries are not supported yet. "
            "Give a real matrix."
        )
    return value
