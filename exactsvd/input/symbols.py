"""Parameters in matrices: which names a caller allows, and which entries with them are read.

A matrix may hold parameters (free symbols) only when the caller allows them:
``symbols=`` of :func:`exactsvd.input.as_exact_matrix` declares the names that
matrix *text* may use, and a SymPy matrix (or any object converted to SymPy)
brings its own symbols.  :func:`declare_symbols` reads a declaration,
:func:`check_parametric` validates one entry with parameters.

Declarations
------------
* ``"x t"``, ``"x, t"``, ``("x", "t")``: names; a plain name is a **real**
  parameter (teachers' parameters are real);
* ``"x:positive, t"``, ``{"x": "positive", "t": "real"}``,
  ``{"n": ("positive", "integer")}``: names with assumptions, from the
  vocabulary :data:`ASSUMPTIONS` (``real``, ``positive``, ``nonnegative``,
  ``negative``, ``nonpositive``, ``nonzero``, ``integer``, ``complex``);
  ``complex`` is a parameter not assumed real (with ``nonzero``: a complex
  number other than 0);
* SymPy ``Symbol`` objects, taken with their own assumptions.

A declared name also decides the assumptions of a SymPy symbol of the same
name in a SymPy matrix (``svd(Matrix([[x]]), symbols={"x": "positive"})``).
Names that the parser reads as something else (``i``, ``j``, ``I``, ``e``,
``E``, ``pi``, ``sqrt``, ``sin`` ...) are refused, in declarations and in
SymPy matrices alike, so that every result reads back.

Entries with parameters
-----------------------
Polynomials and rational functions in the parameters with coefficients that
are algebraic numbers (rationals, roots, ``CRootOf``, ``I``), and ``sin(t)``,
``cos(t)`` of a real parameter ``t`` itself (``sin(2*t)`` is refused: write
``2*sin(t)*cos(t)``); the exact core uses ``sin(t)^2 + cos(t)^2 = 1``.
Refused, each naming the entry and the part of it: other functions
(``exp(x)``, ``Abs(x)``, ``conjugate(x)``), fractional powers of a parameter
(``sqrt(x)``, ``x**(1/2)``), parameters in an exponent (``x**y``), a
denominator that is identically zero, more than :data:`MAX_PARAMETERS`
parameters, and an entry whose numerator or denominator may have a degree
above :data:`MAX_PARAMETER_DEGREE` in the parameters (``sin(t)`` and
``cos(t)`` count as parameters of degree 1): a bound computed from the
expression as written, without expanding it.
"""

import re
from fractions import Fraction

import sympy

from ..errors import InvalidArgumentError, UnsupportedEntryError, excerpt, shorten
from .parse import CONSTANTS, FUNCTIONS, IMAGINARY_UNIT, TRANSCENDENTAL

#: The words of a declaration and the SymPy assumptions they stand for.
ASSUMPTIONS = {
    "real": {"real": True},
    "positive": {"positive": True},
    "nonnegative": {"nonnegative": True},
    "negative": {"negative": True},
    "nonpositive": {"nonpositive": True},
    "nonzero": {"nonzero": True},
    "integer": {"integer": True},
    "complex": {"complex": True},
}
#: Names the parser reads as numbers, units or functions, so never as parameters.
RESERVED = frozenset((*IMAGINARY_UNIT, *FUNCTIONS, *TRANSCENDENTAL, *CONSTANTS))
#: At most this many parameters in one matrix.
MAX_PARAMETERS = 8
#: A bound on the degree of the numerator and of the denominator of an entry in its parameters.
MAX_PARAMETER_DEGREE = 24
TRIGONOMETRIC = (sympy.sin, sympy.cos)
ENTRY_HINT = (
    "An entry with parameters may be a polynomial or a rational function in them, with exact coefficients, "
    "and sin(t), cos(t) of a real parameter t."
)
_NAME = re.compile(r"[^\W\d]\w*")


def declare_symbols(symbols, name="symbols"):
    """The parameters a caller declares: a dict from name to SymPy ``Symbol`` (``None`` when *symbols* is).

    Parameters
    ----------
    symbols : None, str, iterable or mapping
        ``None`` (no names in matrix text); a string of names separated by
        spaces or commas, each optionally followed by ``:assumption``
        (``"x:positive, t"``); an iterable of names (``"x"``,
        ``"x:positive"``) or SymPy ``Symbol`` objects; or a mapping from
        name to one assumption or several (a string such as ``"positive
        integer"`` or a tuple of words; ``None`` or ``""`` for the default;
        or the ``Symbol`` itself, so that a dict this function returns reads
        again).  A plain name is real.
    name : str
        The argument name used in error messages.

    Returns
    -------
    dict or None
        Name to ``Symbol``, in the order declared.

    Raises
    ------
    InvalidArgumentError
        A name that is not an identifier or that the parser reads as
        something else (``i``, ``e``, ``sqrt`` ...), a name declared twice,
        an unknown or contradictory assumption, or more than
        :data:`MAX_PARAMETERS` names.

    Examples
    --------
    >>> declared = declare_symbols("x:positive, t")
    >>> list(declared), declared["x"].is_positive, declared["t"].is_real
    (['x', 't'], True, True)
    >>> declare_symbols({"z": "complex"})["z"].is_real is None
    True
    >>> declare_symbols("i")
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: symbols: 'i' cannot be a parameter: the parser reads it as the imaginary unit or a number or function. Choose another name, e.g. i1 or ii.
    """
    if symbols is None:
        return None
    declared = {}
    for symbol in _declarations(symbols, name):
        if symbol.name in declared:
            raise InvalidArgumentError(f"{name}: {symbol.name!r} is declared twice. Declare each parameter once.")
        declared[symbol.name] = symbol
    if len(declared) > MAX_PARAMETERS:
        raise InvalidArgumentError(
            f"{name}: {len(declared)} parameters, more than the limit of {MAX_PARAMETERS}. "
            "Substitute numbers for some of them."
        )
    return declared


def _declarations(symbols, name):
    """The ``Symbol`` of every item of the declaration *symbols*."""
    if isinstance(symbols, sympy.Symbol):
        return [checked_symbol(symbols, name)]
    if isinstance(symbols, str):
        items = [item for item in re.split(r"[\s,]+", re.sub(r"\s*:\s*", ":", symbols.strip())) if item]
        return [_named(item, name) for item in items]
    if hasattr(symbols, "items") and callable(symbols.items):
        return [
            _given(value, key, name) if isinstance(value, sympy.Symbol) else _symbol(key, _words(value, key, name), name)
            for key, value in symbols.items()
        ]
    try:
        items = list(symbols)
    except TypeError:
        raise InvalidArgumentError(
            f"{name}={shorten(symbols)} is not a declaration of parameters. Give names such as 'x t', "
            "('x', 't'), {'x': 'positive'} or SymPy symbols."
        ) from None
    return [checked_symbol(item, name) if isinstance(item, sympy.Symbol) else _named(item, name) for item in items]


def _named(item, name):
    """The ``Symbol`` of one item ``"x"`` or ``"x:positive"`` of a declaration."""
    if isinstance(item, str) and ":" in item:
        words = re.sub(r"\s*:\s*", ":", item.strip()).split(":")
        return _symbol(words[0], words[1:], name)
    return _symbol(item, [], name)


def _given(symbol, key, name):
    """The ``Symbol`` given for the name *key* in a mapping (as :func:`declare_symbols` returns one)."""
    if symbol.name != key:
        raise InvalidArgumentError(f"{name}: the symbol {shorten(symbol)} is given for the name {shorten(key)}.")
    return checked_symbol(symbol, name)


def _words(value, key, name):
    """The assumption words of the mapping value *value* for the parameter *key*."""
    if value is None:
        return []
    if isinstance(value, str):
        return [word for word in re.split(r"[\s,:]+", value) if word]
    try:
        words = list(value)
    except TypeError:
        words = None
    if words is None or not all(isinstance(word, str) for word in words):
        raise InvalidArgumentError(
            f"{name}: the assumptions of {excerpt(key)} are {shorten(value)}; give words such as 'positive' or "
            f"('positive', 'integer'). Known: {', '.join(ASSUMPTIONS)}."
        )
    return words


def _symbol(text, words, name):
    """The ``Symbol`` named *text* with the assumption *words* (real when there are none)."""
    if not isinstance(text, str):
        raise InvalidArgumentError(
            f"{name}: {shorten(text)} is not a name; give parameters as names such as 'x' or SymPy symbols."
        )
    _check_name(text, name)
    unknown = [word for word in words if word not in ASSUMPTIONS]
    if unknown:
        raise InvalidArgumentError(
            f"{name}: {excerpt(unknown[0])!r} (for {text}) is not an assumption exactsvd knows. "
            f"Use {', '.join(ASSUMPTIONS)}."
        )
    words = words or ["real"]
    if "complex" in words and set(words) - {"complex", "nonzero"}:
        other = next(word for word in words if word not in ("complex", "nonzero"))
        raise InvalidArgumentError(
            f"{name}: {text} is declared complex and {other}, but complex means not assumed real. "
            f"Declare {text}:{other} or {text}:complex."
        )
    assumptions = {}
    for word in words:
        assumptions.update(ASSUMPTIONS[word])
    if "complex" in words and "nonzero" in words:
        assumptions = {"complex": True, "zero": False}
    try:
        return sympy.Symbol(text, **assumptions)
    except sympy.core.facts.InconsistentAssumptions:
        raise InvalidArgumentError(
            f"{name}: the assumptions {', '.join(words)} of {text} contradict each other. Keep one of them."
        ) from None


def assumption_words(symbol):
    """The fewest words of the vocabulary that declare *symbol* again (``complex``: not known to be real).

    >>> assumption_words(sympy.Symbol("x", positive=True)), assumption_words(sympy.Symbol("n", integer=True))
    (['positive'], ['integer'])
    >>> assumption_words(sympy.Symbol("z")), assumption_words(sympy.Symbol("w", complex=True, zero=False))
    (['complex'], ['complex', 'nonzero'])
    """
    if symbol.is_real is not True:
        return ["complex", "nonzero"] if symbol.is_zero is False else ["complex"]
    sign = next((word for word in ("positive", "negative", "nonnegative", "nonpositive", "nonzero")
                 if getattr(symbol, f"is_{word}")), None)
    words = [sign] if sign else []
    if symbol.is_integer:
        words.append("integer")
    return words or ["real"]


def declaration(symbols):
    """The text that declares *symbols* again, as ``symbols=`` and ``--symbols`` read it.

    >>> declaration([sympy.Symbol("x", positive=True), sympy.Symbol("t", real=True)])
    'x:positive, t'
    """
    parts = []
    for symbol in symbols:
        words = [word for word in assumption_words(symbol) if word != "real"]
        parts.append(":".join([symbol.name, *words]))
    return ", ".join(parts)


def _check_name(text, name):
    if not _NAME.fullmatch(text):
        raise InvalidArgumentError(
            f"{name}: {shorten(text)} is not a name; a parameter is a letter followed by letters, digits or _, "
            "e.g. x, t or a1."
        )
    if text in RESERVED or text.lower() in CONSTANTS:
        raise InvalidArgumentError(
            f"{name}: {text!r} cannot be a parameter: the parser reads it as the imaginary unit or a number or "
            f"function. Choose another name, e.g. {text}1 or {text * 2}."
        )


def checked_symbol(symbol, name="A"):
    """*symbol* (a SymPy ``Symbol``) if it can be a parameter: a name the parser reads, commutative, finite."""
    if not isinstance(symbol, sympy.Symbol) or not symbol.is_commutative or symbol.is_finite is False:
        raise InvalidArgumentError(
            f"{name}: {shorten(symbol)} cannot be a parameter: use a commutative, finite SymPy Symbol or a name."
        )
    _check_name(symbol.name, name)
    return symbol


def check_parametric(value, here, constant):
    """Validate the entry *value* with free symbols at *here* (a place for messages); return it.

    *constant(x)* checks a part of the entry that holds no symbol (an exact
    algebraic number) and returns it.  The structure allowed is described in
    the module documentation; the degree bound is
    :func:`degree_bound`.

    >>> x = sympy.Symbol("x", real=True)
    >>> check_parametric(x**2 / (x + 1), "A, row 1, column 1", lambda c: c)
    x**2/(x + 1)
    >>> check_parametric(sympy.exp(x), "A, row 1, column 1", lambda c: c)
    Traceback (most recent call last):
    ...
    exactsvd.errors.UnsupportedEntryError: A, row 1, column 1: exp(x) is not supported in an entry with parameters. An entry with parameters may be a polynomial or a rational function in them, with exact coefficients, and sin(t), cos(t) of a real parameter t.
    """
    fail = _failure(value, here)
    replaced = {part: constant(part) for part in _constants(value, fail)}
    value = value.xreplace(replaced) if any(part is not new for part, new in replaced.items()) else value
    numerator, denominator = degree_bound(value)
    if max(numerator, denominator) > MAX_PARAMETER_DEGREE:
        part = "numerator" if numerator >= denominator else "denominator"
        raise UnsupportedEntryError(
            f"{here}: {shorten(value)} has a {part} of degree up to {max(numerator, denominator)} in its parameters, "
            f"above the limit of {MAX_PARAMETER_DEGREE}. Use lower powers, or substitute numbers for the parameters."
        )
    for power in value.atoms(sympy.Pow):
        if power.exp.is_negative and power.base.free_symbols and _identically_zero(power.base):
            raise UnsupportedEntryError(
                f"{here}: {shorten(value)} divides by {shorten(power.base)}, which is 0 for every value of the "
                "parameters. Check the denominators of this entry."
            )
    return value


def _failure(value, here):
    def fail(part, problem=None, fix=ENTRY_HINT):
        problem = problem or f"{shorten(part)} is not supported in an entry with parameters"
        whole = "" if part == value else f"{shorten(value)}: "
        raise UnsupportedEntryError(f"{here}: {whole}{problem}. {fix}")

    return fail


def _constants(expr, fail):
    """The maximal parts of *expr* without free symbols, after checking the structure around them."""
    if not expr.free_symbols:
        return [expr]
    if expr.is_Symbol:
        return []
    if expr.is_Add or expr.is_Mul:
        return [part for arg in expr.args for part in _constants(arg, fail)]
    if expr.is_Pow:
        base, exponent = expr.args
        if exponent.free_symbols:
            fail(expr, f"the exponent of {shorten(expr)} holds a parameter", "Exponents must be integers.")
        if base.free_symbols and not exponent.is_Integer:
            fail(
                expr,
                f"{shorten(expr)} is a fractional power of a parameter, not a rational function",
                "Only integer powers of the parameters are read; " + ENTRY_HINT[0].lower() + ENTRY_HINT[1:],
            )
        return _constants(base, fail)
    if isinstance(expr, TRIGONOMETRIC):
        (argument,) = expr.args
        if not argument.is_Symbol:
            fail(
                expr,
                f"{shorten(expr)} is not sin or cos of a parameter itself",
                "Write it in sin(t) and cos(t), e.g. sin(2*t) as 2*sin(t)*cos(t) and cos(t + 1) by the addition "
                "formula with exact values.",
            )
        if argument.is_real is not True:
            fail(
                expr,
                f"{shorten(expr)} needs a real {argument}",
                f"Declare {argument} real: symbols={{'{argument}': 'real'}} or sympy.Symbol('{argument}', real=True).",
            )
        return []
    fail(expr)


def degree_bound(expr):
    """Bounds ``(numerator, denominator)`` of the degrees of *expr* as a rational function of its parameters.

    ``sin(t)`` and ``cos(t)`` count as parameters; nothing is expanded.

    >>> x, y = sympy.symbols("x y")
    >>> degree_bound((x + 1)**3 / (x*y - 1) + 1/x)
    (4, 3)
    """
    if not expr.free_symbols:
        return 0, 0
    if expr.is_Symbol or isinstance(expr, TRIGONOMETRIC):
        return 1, 0
    if expr.is_Mul:
        bounds = [degree_bound(arg) for arg in expr.args]
        return sum(b[0] for b in bounds), sum(b[1] for b in bounds)
    if expr.is_Add:
        numerator, denominator = 0, 0
        for arg in expr.args:
            top, bottom = degree_bound(arg)
            numerator, denominator = max(numerator + bottom, top + denominator), denominator + bottom
        return numerator, denominator
    top, bottom = degree_bound(expr.base)  # a power with an integer exponent (checked before)
    power = abs(int(expr.exp))
    return (top * power, bottom * power) if expr.exp > 0 else (bottom * power, top * power)


def _identically_zero(expr):
    """Whether the rational function *expr* (parameters, ``sin``, ``cos``) is 0, with ``sin^2 + cos^2 = 1``.

    A value at one rational point of the parameters (and of the unit circle
    for ``sin``, ``cos``) that is not 0 proves that *expr* is not; only then
    is it expanded.
    """
    point = {}
    for index, symbol in enumerate(sorted(expr.free_symbols, key=str)):
        point[symbol] = sympy.Rational(Fraction(2 * index + 3, 7 + index))
    for trig in expr.atoms(*TRIGONOMETRIC):
        u = point[trig.args[0]]
        point[trig] = (2 * u / (1 + u**2)) if isinstance(trig, sympy.sin) else ((1 - u**2) / (1 + u**2))
    trigs = sorted(expr.atoms(*TRIGONOMETRIC), key=str)
    value = expr.xreplace(point)  # top-down: sin(t) is replaced before t
    if value.is_zero is False and value.is_finite:
        return False
    numerator = sympy.fraction(sympy.together(expr))[0].expand()
    for symbol in sorted({trig.args[0] for trig in trigs}, key=str):
        s, c = sympy.sin(symbol), sympy.cos(symbol)
        dummy = sympy.Dummy("s")
        numerator = sympy.rem(numerator.subs(s, dummy), dummy**2 + c**2 - 1, dummy).subs(dummy, s)
    return sympy.expand(numerator) == 0
