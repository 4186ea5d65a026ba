"""Turn what a user gives as a matrix into a validated, exact SymPy matrix.

Every entry that leaves this module is a finite algebraic SymPy number: an
integer, a fraction, a root such as ``sqrt(2)``, a ``CRootOf``, the imaginary
unit ``I``, or an exact expression in them (``1 + 2*I``, ``sqrt(-2)``, the
principal root ``(-8)**(1/3)``) -- or, in a matrix with parameters, a
polynomial or rational function in them with such coefficients, in which
``sin(t)`` and ``cos(t)`` of a real parameter may appear
(:mod:`exactsvd.input.symbols`).  Error messages number rows and columns from 1.
"""

import math
import numbers
import operator
from decimal import Decimal

import sympy
from sympy.matrices import MatrixBase

from ..errors import InvalidArgumentError, InvalidMatrixError, MatrixParseError, NonFiniteError, NotExactError
from ..errors import UnsupportedEntryError
from ..errors import shorten
from .arrays import array_rows
from .parse import HINT, parse_entry, parse_matrix_text, ragged_problem, where
from .sage import is_sage, sage_number, sage_rows
from .symbols import MAX_PARAMETERS, check_parametric, checked_symbol, declare_symbols

_NON_FINITE = (sympy.nan, sympy.oo, -sympy.oo, sympy.zoo)


def as_exact_matrix(A, *, rationalize=False, symbols=None, name="A"):
    """Convert *A* to an exact SymPy matrix, checking every entry.

    Parameters
    ----------
    A : sympy.Matrix, list of rows, str or array-like
        A SymPy matrix (mutable or immutable, any shape including 0×n and m×0);
        a list or tuple of rows whose entries are ``int``, ``fractions.Fraction``,
        ``decimal.Decimal`` (read exactly), SymPy numbers, Sage numbers or
        strings such as ``"1/3"`` or ``"2*sqrt(3)"``; one string for the whole
        matrix (see :func:`exactsvd.input.parse_matrix_text`); a NumPy array
        (integer, object or string dtype; float and complex ones with
        *rationalize*); a pandas ``DataFrame`` (its values, column by column);
        a SageMath matrix over ``ZZ``, ``QQ``, a number field with an
        embedding, ``AA`` or ``QQbar``, or a Sage vector (read as a column); or
        any object with ``_sympy_()``, ``tolist()`` or ``__array__()``.  All
        are recognised by duck typing, without importing NumPy, pandas or
        Sage.  ``[]`` and ``[[]]`` are the 0×0 matrix; a flat list such as
        ``[1, 2, 3]`` (or a 1-D array) is refused.
    rationalize : bool
        Accept floats (Python, NumPy or SymPy ``Float``), reading each as the
        decimal it prints as: ``0.1`` (``repr``) becomes 1/10, not the binary
        value 3602879701896397/36028797018963968.  Without it floats raise
        :class:`NotExactError`.  ``nan`` and infinities are refused either way.
        A Python ``complex`` is a pair of floats: ``0.5+2j`` becomes ``1/2 + 2*I``.
    symbols : None, str, iterable or mapping
        The parameters that matrix text may name (see
        :func:`exactsvd.input.symbols.declare_symbols`): ``"x t"``,
        ``("x", "t")``, ``"x:positive, t"``, ``{"x": "positive"}`` or SymPy
        symbols.  A plain name is a real parameter; ``complex`` declares one
        that is not assumed real.  Without it (``None``) text may name none,
        whereas SymPy entries always bring their own symbols with their
        assumptions; a declared name gives a SymPy symbol of that name the
        declared assumptions.  Entries with parameters are polynomials and
        rational functions in them, and ``sin(t)``, ``cos(t)`` of a real ``t``.
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
        A float entry (real or complex), a float array, a ``DataFrame`` column of
        floats or a Sage matrix over ``RR``, ``RDF``, ``CC`` ... and ``rationalize=False``.
    UnsupportedEntryError
        A name in text that *symbols* does not allow (the message says how to
        allow it), an entry with parameters that is not a rational function
        of them (``exp(x)``, ``sqrt(x)``, ``Abs(x)``, ``x**y``) or has a degree
        above :data:`~exactsvd.input.symbols.MAX_PARAMETER_DEGREE`, two
        different SymPy symbols of one name, more than
        :data:`~exactsvd.input.symbols.MAX_PARAMETERS` parameters, or a number
        not known to be algebraic (``pi``, ``exp(I)``, ``pi*I``).
    InvalidArgumentError
        A bad *symbols* declaration (an unknown assumption, a name the parser
        reads otherwise such as ``i`` or ``e``).

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

    Parameters, allowed by the caller:

    >>> M = as_exact_matrix("[[x + 1, 0], [0, 2x + 1]]", symbols="x:positive")
    >>> M.tolist(), M[0, 0].free_symbols.pop().is_positive
    ([[x + 1, 0], [0, 2*x + 1]], True)
    >>> as_exact_matrix("[[1, x]]")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    exactsvd.errors.UnsupportedEntryError: A, row 1, column 2: free symbol x: substitute a number, or allow it as a parameter: symbols='x' (command line: --symbols x)
    ...
    """
    declared = declare_symbols(symbols)
    rows, shape = _rows(A, name, rationalize, declared)
    entries = [
        _entry(x, (i, j), rationalize, name, declared) for i, row in enumerate(rows) for j, x in enumerate(row)
    ]
    _check_parameters(entries, shape, name)
    return sympy.ImmutableMatrix(*shape, entries)


def _check_parameters(entries, shape, name):
    """Refuse two different symbols with one name, and more than ``MAX_PARAMETERS`` parameters."""
    named = {}
    for index, entry in enumerate(entries):
        for symbol in sorted(entry.free_symbols, key=str):
            other = named.setdefault(symbol.name, symbol)
            if other != symbol:
                raise UnsupportedEntryError(
                    f"{where(name, divmod(index, shape[1]))}: two different symbols are named {symbol.name} "
                    f"({_assumed(other)} and {_assumed(symbol)}). Use one symbol per name, or declare its "
                    f"assumptions with symbols={{'{symbol.name}': ...}}."
                )
    if len(named) > MAX_PARAMETERS:
        raise UnsupportedEntryError(
            f"{name} has {len(named)} parameters ({', '.join(named)}), more than the limit of {MAX_PARAMETERS}. "
            "Substitute numbers for some of them."
        )


def _assumed(symbol):
    """The assumptions of *symbol*, briefly, for a message."""
    facts = sorted(key for key, value in symbol.assumptions0.items() if value is True and key != "commutative")
    return f"{symbol.name} with {', '.join(facts[:4])}" if facts else f"{symbol.name} without assumptions"


def _rows(A, name, rationalize, declared=None):
    """The rows of *A* (entries not yet converted) and its shape."""
    if isinstance(A, str):
        rows = parse_matrix_text(A, name, symbols=declared)
        return rows, (len(rows), len(rows[0]) if rows else 0)
    if isinstance(A, MatrixBase):
        return A.tolist(), A.shape
    if is_sage(A):
        found = sage_rows(A, name, rationalize)
        if found:
            return found
    found = array_rows(A, name, rationalize, lambda x, cell: _entry(x, cell, rationalize, name, declared))
    if found:
        return found
    if callable(getattr(A, "_sympy_", None)):
        return _rows(A._sympy_(), name, rationalize, declared)
    if callable(getattr(A, "tolist", None)):
        shape = getattr(A, "shape", None)
        A = _tolist(A, name)
        if isinstance(shape, tuple) and len(shape) == 2:
            _check_shape(A, shape, name)
            return A, shape
    if not isinstance(A, (list, tuple)):
        raise InvalidMatrixError(
            f"{name}: expected a matrix (a list of rows, a string, a SymPy, NumPy or Sage matrix, or a pandas "
            f"DataFrame), got {type(A).__name__} {shorten(A)}. Give a list of rows, e.g. [[1, 2], [3, 4]]."
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


def _entry(x, cell, rationalize, name, declared=None):
    """The exact SymPy value of the entry *x* at *cell* (0-based), validated; *declared* parameters allowed."""
    here = where(name, cell)
    if isinstance(x, bool):
        raise InvalidMatrixError(f"{here}: {x!r} is a bool, not a number. Write 1 or 0 instead.")
    if isinstance(x, str):
        return _check(parse_entry(x, name, position=cell, symbols=declared), cell, rationalize, name, declared)
    if isinstance(x, sympy.Basic):
        return _check(x, cell, rationalize, name, declared)
    if is_sage(x):
        return _check(sage_number(x, here, rationalize), cell, rationalize, name, declared)
    if isinstance(x, numbers.Integral):
        return sympy.Integer(int(x))
    rational = _rational(x)
    if rational is not None:
        return rational
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise NonFiniteError(f"{here}: {shorten(x)} is not finite. Every entry must be a finite number.")
        return parse_entry(str(x), name, position=cell)
    if isinstance(x, numbers.Real):
        return _float(x, cell, rationalize, name)
    if isinstance(x, numbers.Complex):
        if not rationalize:
            raise NotExactError(
                f"{here}: {shorten(x)} is a complex float, which is not exact. Pass rationalize=True to read its "
                "parts as the decimals they print as, use method='numeric', or write it exactly, e.g. '1 + 2*I'."
            )
        parts = _float(x.real, cell, True, name), _float(x.imag, cell, True, name)
        return _check(parts[0] + parts[1] * sympy.I, cell, rationalize, name)
    if callable(getattr(x, "_sympy_", None)):
        return _check(x._sympy_(), cell, rationalize, name, declared)
    raise InvalidMatrixError(f"{here}: {shorten(x)} ({type(x).__name__}) is not a number. {HINT}")


def _rational(x):
    """An integer or fraction of any library, by duck typing, or ``None``.

    Integers are what ``operator.index`` accepts (python-flint's ``fmpz``,
    gmpy2's ``mpz``); fractions have integer ``numerator`` and ``denominator``,
    as attributes (``Fraction``, ``fmpq``) or methods.
    """
    if type(x).__name__ in ("bool", "bool_"):  # NumPy's booleans index like 0 and 1 but are no numbers
        return None
    try:
        return sympy.Integer(operator.index(x))
    except TypeError:
        pass
    parts = [getattr(x, "numerator", None), getattr(x, "denominator", None)]
    try:
        p, q = (operator.index(part() if callable(part) else part) for part in parts)
    except TypeError:
        return None
    return sympy.Rational(p, q)


def _float(x, cell, rationalize, name):
    """A float entry (Python, NumPy or other): refused, or read as the decimal it prints as.

    A NumPy ``float32`` prints as the decimal typed (``0.1``), not as the
    binary value it stores (``0.10000000149011612``), so its own ``str`` is read.
    """
    here = where(name, cell)
    value = float(x)
    if not math.isfinite(value):
        raise NonFiniteError(f"{here}: {shorten(x)} is not finite. Every entry must be a finite number.")
    if not rationalize:
        raise NotExactError(
            f"{here}: {value!r} is a float, which is not exact. Pass rationalize=True to read each float as "
            f"the decimal it prints as, use method='numeric', or give the entry exactly, e.g. as the string "
            f"{repr(value)!r} or a fractions.Fraction."
        )
    try:
        return parse_entry(str(x), name, position=cell)
    except MatrixParseError:
        return parse_entry(repr(value), name, position=cell)


def _check(value, cell, rationalize, name, declared=None):
    """Return the SymPy *value* if it is a finite algebraic number (real or complex), else raise.

    An entry with free symbols is checked as an entry with parameters
    (:func:`~exactsvd.input.symbols.check_parametric`); a symbol named in
    *declared* is replaced by the declared one.
    """
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
        return _parametric(value, cell, rationalize, name, declared)
    known = {False: "is not", None: "is not known to be"}
    if value.is_algebraic is not True:
        raise UnsupportedEntryError(
            f"{here}: {shorten(value)} {known[value.is_algebraic]} algebraic; the exact SVD needs algebraic "
            "entries. Replace it by an exact algebraic value such as a fraction, sqrt(2) or a CRootOf."
        )
    return value


def _parametric(value, cell, rationalize, name, declared):
    """The entry *value* with parameters, its symbols checked (and declared ones put in), validated."""
    here = where(name, cell)
    for symbol in value.free_symbols:
        try:
            checked_symbol(symbol, here)
        except InvalidArgumentError as error:
            raise UnsupportedEntryError(str(error)) from None
    if declared:
        renamed = {s: declared[s.name] for s in value.free_symbols if s.name in declared and s != declared[s.name]}
        value = value.xreplace(renamed) if renamed else value
    return check_parametric(value, here, lambda constant: _check(constant, cell, rationalize, name))
