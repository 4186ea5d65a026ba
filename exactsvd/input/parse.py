r"""Read matrices and entries from text, safely.

This is the only module of exactsvd that reads user text.  It never calls
``eval``, ``exec`` or SymPy's string parser: a tokenizer and a small
recursive-descent parser build the SymPy numbers from the tokens themselves.

Matrix text
-----------
* ``[[1, 2], [3, 4]]``: a list of bracketed rows (the comma between rows may be left out);
* ``[1, 2; 3, 4]``, ``1 2; 3 4``, ``"1,2\n3,4"``: rows separated by ``;`` or new lines, with
  or without one pair of outer brackets, so ``[1, 2, 3]`` is a single row (1×3);
* ``[]`` and ``[[]]`` are the 0×0 matrix, ``[[], []]`` is 2×0 (blank rows between ``;`` or
  new lines are skipped, but text with separators and no entry at all, ``;;;``, is refused).

A new line is any of Python's line boundaries: ``\n``, ``\r\n``, ``\r``, form feed,
vertical tab, ``\x1c``-``\x1e``, U+0085, U+2028 and U+2029; none of them is read as a space.

Inside a row, entries are separated by commas when the row has a comma outside
parentheses, and by spaces otherwise.  So in the space-separated form an entry
cannot contain spaces, except inside parentheses: ``1/3 2`` is two entries and
``1 + 2`` is three (write ``1+2``, ``(1 + 2)`` or use commas).

Entries
-------
::

    expr   := term (("+" | "-") term)*
    term   := signed (("*" | "/") signed | power)*   √ or a name right after a number or ")" multiplies: 3√10
    signed := ("+" | "-")* power            -2^2 is -4
    power  := atom [("^" | "**") signed]    right associative: 2^3^2 is 2^9
    atom   := number | "(" expr ")" | "√" atom | function "(" expr ["," expr] ")"
            | "CRootOf(" polynomial "," index ")" | parameter | ("sin" | "cos") "(" parameter ")"

Numbers are integers and decimals, read exactly (``0.96`` is 24/25, ``2.5e2`` is
250, ``1e-3`` is 1/1000).  Integers in other bases (``0x10``, ``0b101``, ``0o17``),
``_`` between digits (``1_000``) and a power of ten without exponent (``1e``) are
refused, each with its own message.  Exponents must be rational numbers (``2^(1/3)``).  The
functions are ``sqrt(x)``, ``cbrt(x)``, ``root(x, n)`` and ``abs(x)`` (or SymPy's
``Abs(x)``); ``cbrt`` and ``root`` with odd ``n`` take the real root (``cbrt(-8)`` is -2), whereas
``(-8)^(1/3)`` is SymPy's principal, complex, root.  ``−`` may be written for
``-``, and ``⋅``, ``·`` or ``×`` for ``*``; a number or a closing parenthesis
directly followed (no space) by ``√`` or a name is multiplied by it, so
``3√10/10`` and ``3⋅√5`` read as written (but ``2(3)`` is refused: write ``2*(3)``).
``I``, ``i`` and ``j`` are the imaginary unit, so a number written directly
before one of them is a multiple of it (``1+2i``, ``3 - 4j``), and
``sqrt(-1)`` is ``I``.
``CRootOf(p, k)`` is root number ``k`` (from 0; the real roots first, ascending)
of a polynomial ``p`` with rational coefficients in one variable, written as an
entry with that variable (``x^3 - 6x^2 + 5x - 1`` or ``x**3 - 6*x**2 + 5*x - 1``),
of degree 1 to ``MAX_ROOT_DEGREE``: exactsvd writes the roots it cannot express by
radicals so.  Other names are refused with a specific error: ``nan``, ``inf``,
``oo`` (:class:`NonFiniteError`), ``pi``, ``E``, ``e``, the functions ``exp``,
``log``, ``sin``, ``cos``, ``tan`` (``sin``, ``cos`` of a declared real parameter
excepted, see below) and any other name (:class:`UnsupportedEntryError`).

Parameters
----------
Names are read as parameters only when the caller declares them (``symbols=``
of :func:`parse_matrix_text` and :func:`parse_entry`, a dict from name to
SymPy ``Symbol`` as :func:`exactsvd.input.symbols.declare_symbols` returns
it); every other name stays refused, with the hint to declare it.  A declared
name is a factor like a number (``2x`` is ``2*x``; ``2 x`` is refused: write
``2*x``), may take integer powers (``x^-2``), and ``sin(t)``, ``cos(t)`` are
read for a real parameter ``t`` itself; ``sin(2t)``, ``sin t``, ``x(1+x)`` and
a parameter in an exponent (``2^x``) are refused, each with its own message.
Inside ``CRootOf(p, k)`` a name is the polynomial's own variable, declared or not.

The values are exact but not yet checked to be algebraic (nor, with
parameters, rational functions of bounded degree):
:func:`exactsvd.input.as_exact_matrix` does that.

Limits, so that no text can hang the parser or exhaust memory: at most
``MAX_LENGTH`` characters, ``MAX_DEPTH`` nested levels, ``MAX_DIGITS`` digits in a
number, exponents with numerator and denominator at most ``MAX_EXPONENT``, and an
upper bound of the size of every value at most ``MAX_ENTRY_BITS`` bits (and
``MAX_TOTAL_BITS`` for the whole text), and at most ``MAX_RADICAND_BITS`` bits (about
600 digits) under a root or a fractional power, since SymPy looks for square factors
of a radicand when it builds the root.  ``MAX_ENTRY_BITS`` keeps every integer in
an entry below Python's default limit of 4300 digits for printing integers, so
2^10000 is accepted and 3^10000 is not.  A parameter counts as one bit, so these
limits bound its powers too ((x^9000)^9000 is refused here); the degree of an entry
in its parameters is bounded by :func:`exactsvd.input.as_exact_matrix`
(``MAX_PARAMETER_DEGREE`` of :mod:`exactsvd.input.symbols`), without expanding.
Error messages number rows and columns from 1.
"""

import functools
import math
import re
from collections import namedtuple

import sympy

from ..errors import (
    InvalidMatrixError,
    MatrixParseError,
    NonFiniteError,
    UnsupportedEntryError,
    contents_withheld,
    excerpt,
    printable,
    shorten,
)

MAX_LENGTH = 1_000_000
MAX_DEPTH = 100
MAX_DIGITS = 4_000
MAX_EXPONENT = 10_000
MAX_ENTRY_BITS = 14_000
MAX_RADICAND_BITS = 2_000
MAX_TOTAL_BITS = 10_000_000
MAX_ROOT_DEGREE = 1_000

HINT = "Write entries as integers, fractions such as 1/3, decimals such as 0.25, or roots such as sqrt(2)."
SPACED_HINT = (
    "This row has no comma, so spaces separate its entries: remove the spaces inside an entry "
    "(1+2), put it in parentheses ((1 + 2)), or separate the entries with commas."
)
#: Names of the imaginary unit; a number directly followed by one (``2i``, ``3j``) is a multiple of it.
IMAGINARY_UNIT = ("I", "i", "j")
#: Functions that are refused as not algebraic (rather than as unknown names); sin and cos of a parameter are read.
TRANSCENDENTAL = ("exp", "log", "ln", "sin", "cos", "tan")
#: Functions read for a real parameter t: sin(t) and cos(t).
TRIGONOMETRIC = {"sin": sympy.sin, "cos": sympy.cos}
#: Names of numbers that are not algebraic or not finite (compared in lower case): never parameters.
CONSTANTS = ("nan", "inf", "infinity", "oo", "pi", "π", "e")
FUNCTIONS = {
    "sqrt": "sqrt(2)",
    "cbrt": "cbrt(2)",
    "root": "root(2, 5)",
    "abs": "abs(-2)",
    "Abs": "Abs(-2)",
    "CRootOf": "CRootOf(x^3 - 3x + 1, 0)",
}
ROOT_OF_HINT = (
    "Write CRootOf(polynomial, index): a polynomial with rational coefficients in one variable, and the "
    "number of the root from 0 (the real roots first, ascending), e.g. CRootOf(x^3 - 3x + 1, 0)."
)
#: Operators written with other characters, and the ASCII operator they stand for.
OPERATOR_SPELLINGS = {"−": "-", "⋅": "*", "·": "*", "×": "*"}
#: Tokens that start a factor multiplied without "*" (3√10, 6x^2), and the tokens that may precede it.
IMPLICIT_FACTORS, IMPLICIT_AFTER = ("√", "name"), ("number", ")")

Token = namedtuple("Token", "kind text pos")
Row = namedtuple("Row", "entries spaced pos")  # token lists; split at spaces (no comma)?; start
_WHITESPACE = ("space", "newline")
#: The characters that end a line (and so a row): Python's line boundaries; ``\r\n`` counts as one.
_BREAK_CHARACTERS = r"\n\r\v\f\x1c-\x1e\x85\u2028\u2029"
_LINE_BREAK = re.compile(rf"\r\n|[{_BREAK_CHARACTERS}]")
_TOKEN = re.compile(
    r"(?P<number>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<name>[^\W\d]\w*)"
    rf"|(?P<newline>{_LINE_BREAK.pattern})"
    rf"|(?P<space>[^\S{_BREAK_CHARACTERS}]+)"
    r"|(?P<op>\*\*|[-+*/^(),;\[\]√−⋅·×])"
    r"|(?P<bad>.)",
    re.DOTALL,
)
_NUMBER = re.compile(r"([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?")
#: Prefixes of integers in other bases, which matrix text does not read.
_BASES = {"x": ("hexadecimal", 16), "b": ("binary", 2), "o": ("octal", 8)}


def where(name, cell=None):
    """Name an argument, or one of its entries, for an error message.

    *cell* is a 0-based ``(row, column)`` pair; messages count from 1.

    >>> where("A", (0, 2))
    'A, row 1, column 3'
    """
    name = printable(name)
    return name if cell is None else f"{name}, row {cell[0] + 1}, column {cell[1] + 1}"


def ragged_problem(row, length, first_length):
    """Describe a row (0-based index) whose length differs from the first row's."""
    return (
        f"row {row + 1} has {_plural_entries(length)} but row 1 has {_plural_entries(first_length)}; "
        "every row needs the same number of entries"
    )


def _plural_entries(count):
    return f"{count} entr{'y' if count == 1 else 'ies'}"


def parse_matrix_text(text, name="A", *, symbols=None):
    r"""Read a matrix written as text.

    Parameters
    ----------
    text : str
        The matrix, in one of the forms described in the module documentation.
    name : str
        The argument name used in error messages.
    symbols : dict, optional
        The parameters the text may use, name to SymPy ``Symbol``, as
        :func:`exactsvd.input.symbols.declare_symbols` returns them; without
        it every name other than the parser's own is refused.

    Returns
    -------
    list of list of sympy.Expr
        The rows; all have the same length.  ``[[]]`` and ``[]`` give ``[]``.

    Raises
    ------
    MatrixParseError
        The text cannot be read (the message points at the place).
    NonFiniteError, UnsupportedEntryError
        An entry is ``nan``/``inf``, or a name such as ``pi``, ``I`` or ``x``.

    Examples
    --------
    >>> parse_matrix_text("[[1, 0.5], [sqrt(2), -1/3]]")
    [[1, 1/2], [sqrt(2), -1/3]]
    >>> parse_matrix_text("1 2; 3 4")
    [[1, 2], [3, 4]]
    >>> parse_matrix_text("[[], []]")
    [[], []]
    >>> t = sympy.Symbol("t", real=True)
    >>> parse_matrix_text("[[cos(t), -sin(t)], [sin(t), cos(t)]]", symbols={"t": t})
    [[cos(t), -sin(t)], [sin(t), cos(t)]]
    """
    reader = _Reader(text, name, symbols)
    return [
        [reader.entry(tokens, (i, j), row.spaced) for j, tokens in enumerate(row.entries)]
        for i, row in enumerate(reader.rows())
    ]


def parse_entry(text, name="A", *, position=None, symbols=None):
    """Read one matrix entry written as text.

    Parameters
    ----------
    text : str
        The entry, such as ``"1/3"``, ``"0.96"`` or ``"2*sqrt(3)/5"``.
    name : str
        The argument name used in error messages.
    position : tuple of int, optional
        The 0-based ``(row, column)`` of the entry, named in error messages.
    symbols : dict, optional
        The parameters the entry may use, as for :func:`parse_matrix_text`.

    Returns
    -------
    sympy.Expr
        The exact value, as SymPy evaluates it automatically.

    Raises
    ------
    MatrixParseError, NonFiniteError, UnsupportedEntryError
        As for :func:`parse_matrix_text`.

    Examples
    --------
    >>> parse_entry("0.96")
    24/25
    >>> parse_entry("2*sqrt(3)/5 - 2^-1")
    -1/2 + 2*sqrt(3)/5
    >>> parse_entry("1/0", name="B", position=(1, 0))
    Traceback (most recent call last):
    ...
    exactsvd.errors.MatrixParseError: B, row 2, column 1: cannot read entry '1/0': division by zero
      1/0
       ^
    Check the denominators of this entry.
    >>> x = sympy.Symbol("x", real=True)
    >>> parse_entry("(2x + 1)/(x^2 - 1)", symbols={"x": x})
    (2*x + 1)/(x**2 - 1)
    """
    reader = _Reader(text, name, symbols)
    return reader.entry(_strip(reader.tokens), position, spaced=False)


def _strip(tokens):
    """Drop the whitespace tokens at both ends of *tokens*."""
    start, stop = 0, len(tokens)
    while start < stop and tokens[start].kind in _WHITESPACE:
        start += 1
    while stop > start and tokens[stop - 1].kind in _WHITESPACE:
        stop -= 1
    return tokens[start:stop]


def _skip_whitespace(tokens, index):
    """The index of the first token from *index* on that is not whitespace."""
    while index < len(tokens) and tokens[index].kind in _WHITESPACE:
        index += 1
    return index


def _split(tokens, separators):
    """Split *tokens* at the separator tokens outside parentheses.

    Returns a list of ``(piece, separator)`` pairs; the last separator is None.
    """
    pieces, piece, depth = [], [], 0
    for token in tokens:
        depth += {"(": 1, ")": -1}.get(token.kind, 0)
        if depth <= 0 and token.kind in separators:
            pieces.append((piece, token))
            piece = []
        else:
            piece.append(token)
    return pieces + [(piece, None)]


def _is_zero(value):
    """Whether *value* is known to be 0; with a ``CRootOf`` only when SymPy made it 0 (asking more evaluates it)."""
    return value == 0 if value.has(sympy.CRootOf) else value.is_zero


@functools.lru_cache(maxsize=256)
def _root_of(coefficients, index):
    """``CRootOf`` of the polynomial with *coefficients* (highest first); built once for each (SymPy factors it)."""
    return sympy.CRootOf(sympy.Poly(coefficients, sympy.Dummy("x")), index)


def _real_root(x, n):
    """The real *n*-th root of *x* when *n* is odd, else the principal root."""
    if n % 2 and x.is_negative:
        return -sympy.root(-x, n)
    return sympy.root(x, n)


class _Reader:
    """One text to read: its tokens, and errors that point into it."""

    def __init__(self, text, name, symbols=None):
        if not isinstance(text, str):
            raise InvalidMatrixError(f"{where(name)}: expected a string, got {type(text).__name__} {shorten(text)}.")
        self.text, self.name, self.budget = text, name, MAX_TOTAL_BITS
        self.symbols = symbols
        if len(text) > MAX_LENGTH:
            raise MatrixParseError(
                f"{where(name)}: the text has {len(text):,} characters, more than the limit of {MAX_LENGTH:,} "
                f"(it starts {shorten(text)}). Give such a matrix as a list of rows or a SymPy Matrix."
            )
        self.tokens = []
        for match in _TOKEN.finditer(text):
            kind, token = match.lastgroup, match.group()
            if kind == "bad":
                context = "" if contents_withheld() else f" in {shorten(text)}"
                self.fail(MatrixParseError, f"cannot read {shorten(token)}{context}", match.start(), HINT)
            if kind == "op":
                kind = token = OPERATOR_SPELLINGS.get(token, token)
            self.tokens.append(Token(kind, token, match.start()))

    def fail(self, cls, problem, pos, fix, cell=None):
        """Raise *cls* with *problem*, the line of the text at *pos* with a caret, and *fix*.

        The line is shown with its control characters escaped (:func:`~exactsvd.errors.printable`);
        while the text comes from a file (:func:`~exactsvd.errors.withholding_contents`) only the
        line and column numbers are.
        """
        breaks = [m.end() for m in _LINE_BREAK.finditer(self.text, 0, pos)]
        line_start = breaks[-1] if breaks else 0
        line_end = _LINE_BREAK.search(self.text, pos)
        line = self.text[line_start : len(self.text) if line_end is None else line_end.start()]
        column = pos - line_start
        if contents_withheld():
            raise cls(f"{where(self.name, cell)}: {problem} (line {len(breaks) + 1}, column {column + 1})\n{fix}")
        start = max(0, column - 35)
        before, after = printable(line[start:column]), printable(line[column : start + 70])
        shown = ("..." if start else "") + before + after + ("..." if len(line) > start + 70 else "")
        caret = " " * (len(before) + (3 if start else 0)) + "^"
        raise cls(f"{where(self.name, cell)}: {problem}\n  {shown}\n  {caret}\n{fix}")

    def rows(self):
        """Split the text into rows of entries: a list of :data:`Row`."""
        tokens = _strip(self.tokens)
        if not tokens:
            self.fail(MatrixParseError, "the matrix text is empty", 0, "Write [] for an empty matrix. " + HINT)
        if tokens[0].kind == "[":
            close = self._closing(tokens, 0)
            if close != len(tokens) - 1:
                extra = tokens[close + 1]
                self.fail(
                    MatrixParseError,
                    f"unexpected {shorten(extra.text)} after the closing ']'",
                    extra.pos,
                    "Put all rows inside one pair of brackets, e.g. [[1, 2], [3, 4]] or [1, 2; 3, 4].",
                )
            tokens = _strip(tokens[1:close])
            if tokens and tokens[0].kind == "[":
                return self._bracketed_rows(tokens)
        rows = [self._entries(row, row[0].pos) for row, _ in _split(tokens, (";", "newline")) if _strip(row)]
        if not rows and tokens:
            self.fail(
                MatrixParseError,
                "the text has row separators but no entries",
                tokens[0].pos,
                "Write [] for an empty matrix, or put entries between the separators, e.g. 1 2; 3 4.",
            )
        self._check_lengths(rows)
        return rows

    def _closing(self, tokens, open_index):
        """Index of the ']' matching the '[' at *open_index*."""
        depth = 0
        for index in range(open_index, len(tokens)):
            depth += {"[": 1, "]": -1}.get(tokens[index].kind, 0)
            if depth == 0:
                return index
        self.fail(MatrixParseError, "this '[' is never closed", tokens[open_index].pos, "Add the missing ']'.")

    def _bracketed_rows(self, tokens):
        """Rows written as ``[...], [...]``: the tokens inside the outer brackets."""
        rows, index = [], 0
        while index < len(tokens):
            if tokens[index].kind != "[":
                self.fail(
                    MatrixParseError,
                    f"expected '[' to start row {len(rows) + 1}, found {shorten(tokens[index].text)}",
                    tokens[index].pos,
                    "Write the matrix as a list of rows, e.g. [[1, 2], [3, 4]].",
                )
            close = self._closing(tokens, index)
            inner = tokens[index + 1 : close]
            nested = next((t for t in inner if t.kind == "["), None)
            if nested:
                self.fail(
                    MatrixParseError,
                    "too many brackets: a row holds entries, not lists",
                    nested.pos,
                    "Write the matrix as a list of rows, e.g. [[1, 2], [3, 4]].",
                )
            rows.append(self._entries(inner, tokens[index].pos))
            index = _skip_whitespace(tokens, close + 1)
            if index < len(tokens) and tokens[index].kind == ",":
                index = _skip_whitespace(tokens, index + 1)
        self._check_lengths(rows)
        return [] if len(rows) == 1 and not rows[0].entries else rows

    def _entries(self, tokens, pos):
        """Split the tokens of the row starting at *pos* into a :data:`Row`."""
        tokens = _strip(tokens)
        pieces = _split(tokens, (",",))
        if len(pieces) > 1:
            for index, (piece, comma) in enumerate(pieces):
                if not _strip(piece):
                    comma = comma or pieces[index - 1][1]
                    self.fail(MatrixParseError, "empty entry", comma.pos, "Remove the extra comma. " + HINT)
            return Row([_strip(piece) for piece, _ in pieces], False, pos)
        return Row([piece for piece, _ in _split(tokens, _WHITESPACE) if piece], True, pos)

    def _check_lengths(self, rows):
        for index, row in enumerate(rows):
            if len(row.entries) != len(rows[0].entries):
                self.fail(
                    MatrixParseError,
                    ragged_problem(index, len(row.entries), len(rows[0].entries)),
                    row.pos,
                    "Check this row for a missing or extra entry.",
                )

    def entry(self, tokens, cell, spaced):
        """Evaluate the tokens of one entry at *cell* (0-based, or None)."""
        if not tokens:
            self.fail(MatrixParseError, "the entry is empty", 0, HINT, cell)
        value, bits = _Entry(self, tokens, cell, SPACED_HINT if spaced else HINT).parse()
        self.budget -= bits
        if self.budget < 0:
            self.fail(
                MatrixParseError,
                f"the numbers in the text are too large (more than {MAX_TOTAL_BITS:,} bits in all)",
                tokens[0].pos,
                "Use smaller numbers or exponents.",
                cell,
            )
        return value


def _root_bits(coefficients):
    """Bits of Cauchy's bound ``1 + max |a_i / a_n|`` on every root of the polynomial with these coefficients.

    The size of a ``CRootOf`` is that of the root, not of its polynomial's
    coefficients (a degree-8 polynomial with 3-digit coefficients has roots
    below 1000).

    >>> _root_bits([1, -15, 91, -286, 495, -462, 210, -36, 1])
    9
    """
    lead = abs(coefficients[0])
    bound = 1 + max((abs(sympy.Rational(c) / lead) for c in coefficients[1:]), default=0)
    return max(1, int(sympy.ceiling(bound)).bit_length())


class _Entry:
    """Recursive-descent parser of one entry.

    Every parse method returns a pair ``(value, bits)`` where *bits* bounds the
    size of the exact value (log2 of numerator plus log2 of denominator for a
    rational), so that a value too large is refused before SymPy computes it.
    """

    def __init__(self, reader, tokens, cell, hint):
        self.reader, self.cell, self.hint, self.depth = reader, cell, hint, 0
        end = tokens[-1].pos + len(tokens[-1].text)
        self.source = reader.text[tokens[0].pos : end]
        self.tokens = [t for t in tokens if t.kind not in _WHITESPACE] + [Token("end", "", end)]
        self.index = 0
        self.deferred_name = None
        self.variables = None  # inside the polynomial of CRootOf: its variable, by name

    def parse(self):
        """Parse the whole entry; a bad name is reported only once the syntax is known to be right."""
        result = self._expr()
        if self._peek().kind != "end":
            self._unexpected()
        if self.deferred_name:
            self._name(self.deferred_name)
        return result

    # -- helpers --------------------------------------------------------
    def _peek(self):
        return self.tokens[self.index]

    def _take(self):
        self.index += 1
        return self.tokens[self.index - 1]

    def _fail(self, problem, pos, fix=None):
        message = f"cannot read entry {shorten(self.source)}: {problem}"
        self.reader.fail(MatrixParseError, message, pos, fix or self.hint, self.cell)

    def _unexpected(self):
        token, before = self._peek(), self.tokens[self.index - 1] if self.index else None
        if before is not None and before.kind == "name" and before.text in (*FUNCTIONS, *TRANSCENDENTAL):
            self._name(before)  # sin t, sqrt 2: the parentheses are missing
        if token.kind == "name" and self.reader.symbols and token.text in self.reader.symbols:
            self._fail(f"unexpected {token.text}", token.pos, f"Write a product with *, e.g. 2*{token.text}.")
        if token.kind == "name":
            self._name(token)
        self._fail("the entry is incomplete" if token.kind == "end" else f"unexpected {shorten(token.text)}", token.pos)

    def _limit(self, bits, pos):
        if bits > MAX_ENTRY_BITS:
            self._fail(
                f"the value is too large (it could need more than {MAX_ENTRY_BITS:,} bits, "
                f"about {int(MAX_ENTRY_BITS * math.log10(2)):,} digits)",
                pos,
                "Use smaller numbers or exponents.",
            )
        return bits

    def _nested(self, parse):
        self.depth += 1
        if self.depth > MAX_DEPTH:
            self._fail(f"nested more than {MAX_DEPTH} levels deep", self._peek().pos, "Simplify the entry.")
        result = parse()
        self.depth -= 1
        return result

    # -- grammar --------------------------------------------------------
    def _expr(self):
        value, bits = self._term()
        terms = [value]
        while self._peek().kind in ("+", "-"):
            op = self._take()
            value, term_bits = self._term()
            terms.append(-value if op.kind == "-" else value)
            bits = self._limit(bits + term_bits + 1, op.pos)
        return sympy.Add(*terms), bits

    def _implicit_product(self):
        """Whether the next token is a factor written right after the previous one, without "*"."""
        before, after = self.tokens[self.index - 1], self._peek()
        return (
            after.kind in IMPLICIT_FACTORS
            and before.kind in IMPLICIT_AFTER
            and before.pos + len(before.text) == after.pos
        )

    def _term(self):
        value, bits = self._signed()
        factors = [value]
        while self._peek().kind in ("*", "/") or self._implicit_product():
            op = self._take() if self._peek().kind in ("*", "/") else Token("*", "", self._peek().pos)
            value, factor_bits = self._signed() if op.text else self._power()
            if op.kind == "/" and _is_zero(value):
                self._fail("division by zero", op.pos, "Check the denominators of this entry.")
            factors.append(sympy.Pow(value, -1) if op.kind == "/" else value)
            bits = self._limit(bits + factor_bits, op.pos)
        return sympy.Mul(*factors), bits

    def _signed(self):
        negative = False
        while self._peek().kind in ("+", "-"):
            negative ^= self._take().kind == "-"
        value, bits = self._power()
        return (-value if negative else value), bits

    def _power(self):
        base, bits = self._atom()
        if self._peek().kind not in ("^", "**"):
            return base, bits
        op = self._take()
        start = self._peek().pos
        exponent, exponent_bits = self._nested(self._signed)
        if (exponent.free_symbols or (base.free_symbols and not exponent.is_Rational)) and self.deferred_name:
            self._name(self.deferred_name)
        if exponent.free_symbols:
            self.reader.fail(
                UnsupportedEntryError,
                f"the exponent {shorten(exponent)} holds a parameter",
                start,
                "Exponents must be rational numbers, e.g. x^2 or 2^(1/3).",
                self.cell,
            )
        if not exponent.is_Rational:
            self._fail(
                f"the exponent {shorten(exponent)} is not a rational number",
                start,
                "Use an integer or a fraction as exponent, e.g. 2^3 or 2^(1/3).",
            )
        if max(abs(exponent.p), exponent.q) > MAX_EXPONENT:
            self._fail(
                f"the exponent {shorten(exponent)} has a numerator or denominator above {MAX_EXPONENT}",
                start,
                f"Exponents are limited to a numerator and denominator of at most {MAX_EXPONENT}.",
            )
        if exponent < 0 and _is_zero(base):
            self._fail("division by zero (a negative power of 0)", op.pos, "Check the base of this power.")
        if not exponent.is_Integer:
            self._radicand(bits, op.pos)
        bits = self._limit(abs(exponent.p) * bits + exponent_bits, op.pos)
        return sympy.Pow(base, exponent), bits

    def _atom(self):
        token = self._peek()
        if token.kind == "number":
            self._take()
            value, bits = self._number(token)
            suffix = self._peek()
            if suffix.kind == "name" and suffix.text in IMAGINARY_UNIT and suffix.pos == token.pos + len(token.text):
                self._take()  # 2i, 3j: a number times the imaginary unit
                return value * sympy.I, bits
            self._number_suffix(token)
            return value, bits
        if token.kind == "(":
            self._take()
            result = self._nested(self._expr)
            self._close(token)
            return result
        if token.kind == "√":
            self._take()
            value, bits = self._nested(self._atom)
            self._radicand(bits, token.pos)
            return sympy.sqrt(value), bits
        if token.kind == "name":
            self._take()
            if token.text in IMAGINARY_UNIT and self._peek().kind != "(":
                return sympy.I, 1
            if token.text in FUNCTIONS and self._peek().kind == "(":
                return self._root_of() if token.text == "CRootOf" else self._call(token)
            if token.text in TRIGONOMETRIC and self._peek().kind == "(":
                return self._trigonometric(token), 1
            if self.variables is not None and token.text not in FUNCTIONS:
                return self._variable(token), 1
            if self.reader.symbols and token.text in self.reader.symbols:
                if self._peek().kind == "(":
                    self._fail(
                        f"the parameter {token.text} is not a function",
                        self._peek().pos,
                        f"Write {token.text}*(...) for a product.",
                    )
                return self.reader.symbols[token.text], 1
            if token.text in FUNCTIONS or self._peek().kind == "(":
                self._name(token)
            self.deferred_name = self.deferred_name or token
            return sympy.Dummy(token.text), 1
        self._unexpected()

    def _close(self, opening):
        if self._peek().kind != ")":
            if self._peek().kind == "end":
                self._fail("this '(' is never closed", opening.pos, "Add the missing ')'.")
            self._unexpected()
        self._take()

    def _number(self, token):
        whole, fraction, exponent = _NUMBER.fullmatch(token.text).groups()
        digits, fraction = (whole + (fraction or "")).lstrip("0"), fraction or ""
        if len(digits) > MAX_DIGITS:
            self._fail(f"the number has more than {MAX_DIGITS} digits", token.pos, "Use shorter numbers.")
        exponent = exponent or "0"
        if len(exponent.lstrip("+-").lstrip("0")) > 6 or abs(int(exponent) - len(fraction)) > MAX_EXPONENT:
            self._fail(
                f"the power of ten in {shorten(token.text)} is too large",
                token.pos,
                f"Powers of ten are limited to 10^{MAX_EXPONENT} and 10^-{MAX_EXPONENT}.",
            )
        scale = int(exponent) - len(fraction)
        mantissa = int(digits or "0")
        value = sympy.Rational(mantissa * 10**scale) if scale >= 0 else sympy.Rational(mantissa, 10**-scale)
        return value, self._limit(math.log2(max(abs(value.p), 1)) + math.log2(value.q), token.pos)

    def _number_suffix(self, token):
        """Refuse a name written right after the number *token*: another base, ``_`` separators, ``1e``."""
        suffix = self._peek()
        if suffix.kind != "name" or suffix.pos != token.pos + len(token.text):
            return
        letter = suffix.text[0].lower()
        if token.text == "0" and letter in _BASES and len(suffix.text) > 1:
            base, radix = _BASES[letter]
            try:
                fix = f"Write it in decimal: {int(suffix.text[1:].replace('_', ''), radix)}."
            except ValueError:
                fix = "Write the number in decimal."
            self._fail(f"{base} numbers are not read", token.pos, fix)
        if suffix.text.startswith("_"):
            digits = (token.text + suffix.text).replace("_", "")
            self._fail(
                "'_' cannot separate digits",
                suffix.pos,
                f"Write the number without separators{f', {digits}' if digits.replace('.', '').isdigit() else ''}.",
            )
        if letter == "e" and "e" not in token.text.lower() and (suffix.text[1:].isdigit() or len(suffix.text) == 1):
            self._fail(
                f"{shorten(token.text + suffix.text)} is a power of ten without its exponent",
                suffix.pos,
                "Write the exponent after e, e.g. 1e3 for 1000 or 2.5e-2 for 1/40.",
            )

    def _call(self, token):
        opening = self._take()
        arguments = [(self._peek().pos, self._nested(self._expr))]
        while self._peek().kind == ",":
            self._take()
            arguments.append((self._peek().pos, self._nested(self._expr)))
        self._close(opening)
        arity = 2 if token.text == "root" else 1
        if len(arguments) != arity:
            self._fail(
                f"{token.text} takes {arity} argument{'s' if arity > 1 else ''}, not {len(arguments)}",
                opening.pos,
                f"Write it as {FUNCTIONS[token.text]}.",
            )
        value, bits = arguments[0][1]
        if token.text not in ("abs", "Abs"):
            self._radicand(bits, token.pos)
        if token.text == "sqrt":
            return sympy.sqrt(value), bits
        if token.text in ("abs", "Abs"):
            return sympy.Abs(value), bits
        return _real_root(value, 3 if token.text == "cbrt" else self._index(*arguments[1])), bits

    def _trigonometric(self, token):
        """``sin(t)`` or ``cos(t)`` of a real parameter ``t`` itself; any other argument is refused."""
        opening = self._take()
        start = self._peek().pos
        argument, _ = self._nested(self._expr)
        self._close(opening)
        if self.deferred_name:
            self._name(self.deferred_name)
        if argument.is_Symbol and argument.is_real:
            return TRIGONOMETRIC[token.text](argument)
        if argument.is_Symbol:
            problem = f"{token.text}({argument}) needs a real parameter, and {argument} is not declared real"
            fix = f"Declare it real, e.g. symbols='{argument}' or '{argument}:real'."
        elif argument.free_symbols:
            problem = f"{token.text} of {shorten(argument)} is not read: only sin and cos of a parameter itself are"
            fix = "Write it in sin(t) and cos(t), e.g. sin(2t) as 2*sin(t)*cos(t)."
        else:
            problem = (
                f"{token.text}(...) of a number is not supported: its values are in general not algebraic, and the "
                "exact SVD needs algebraic entries"
            )
            fix = f"Give the value exactly, e.g. cos(pi/3) as 1/2. {HINT}"
        self.reader.fail(UnsupportedEntryError, problem, start, fix, self.cell)

    def _variable(self, token):
        """The variable of the polynomial of CRootOf named by *token*; a second name is refused."""
        if token.text not in self.variables and self.variables:
            (first,) = self.variables
            self._fail(
                f"the polynomial of CRootOf has two variables, {first} and {token.text}",
                token.pos,
                ROOT_OF_HINT,
            )
        return self.variables.setdefault(token.text, sympy.Symbol(token.text))

    def _root_of(self):
        """``CRootOf(polynomial, index)``: read the polynomial with its variable, check both."""
        opening = self._take()
        start = self._peek().pos
        outer, self.variables = self.variables, {}
        expression, bits = self._nested(self._expr)
        variables, self.variables = self.variables, outer
        if self._peek().kind != ",":
            self._fail("CRootOf takes 2 arguments, a polynomial and the index of its root", opening.pos, ROOT_OF_HINT)
        self._take()
        index_pos = self._peek().pos
        index, _ = self._nested(self._expr)
        self._close(opening)
        if not variables:
            self._fail("the first argument of CRootOf is not a polynomial in a variable", start, ROOT_OF_HINT)
        (variable,) = variables.values()
        try:
            polynomial = sympy.Poly(expression, variable)
        except sympy.PolynomialError:
            polynomial = None
        if polynomial is None or not (polynomial.domain.is_ZZ or polynomial.domain.is_QQ):
            self._fail(
                f"the first argument of CRootOf is not a polynomial in {variable} with rational coefficients",
                start,
                ROOT_OF_HINT,
            )
        degree = polynomial.degree()
        if not 1 <= degree <= MAX_ROOT_DEGREE:
            self._fail(
                f"the polynomial of CRootOf has degree {degree}; it needs a degree from 1 to {MAX_ROOT_DEGREE}",
                start,
                ROOT_OF_HINT,
            )
        if not (index.is_Integer and 0 <= index < degree):
            self._fail(
                f"the index of CRootOf must be a whole number from 0 to {degree - 1} "
                f"(its polynomial has degree {degree}), not {shorten(index)}",
                index_pos,
                ROOT_OF_HINT,
            )
        coefficients = polynomial.all_coeffs()
        return _root_of(tuple(coefficients), int(index)), _root_bits(coefficients)

    def _radicand(self, bits, pos):
        """Refuse a root of a number with more than ``MAX_RADICAND_BITS`` bits."""
        if bits > MAX_RADICAND_BITS:
            self._fail(
                f"the number under this root has up to {bits:.0f} bits, above the limit of {MAX_RADICAND_BITS} "
                "(about 600 digits)",
                pos,
                "Take the root of a smaller number, or give the entry as a decimal and use method='numeric'.",
            )

    def _index(self, pos, argument):
        n = argument[0]
        if not (n.is_Integer and 1 <= n <= MAX_EXPONENT):
            self._fail(
                f"the index of root must be a whole number from 1 to {MAX_EXPONENT}, not {shorten(n)}",
                pos,
                "Write it as root(2, 5) for the fifth root of 2.",
            )
        return int(n)

    def _name(self, token):
        """Raise the error for a name that is not a call of a known function."""
        name, fail = token.text, self.reader.fail
        if name in FUNCTIONS:
            self._fail(f"{name} needs its argument in parentheses", token.pos, f"Write it as {FUNCTIONS[name]}.")
        if name.lower() in CONSTANTS[:4]:
            problem = f"{name} is not a number" if name.lower() == "nan" else f"{name} is infinite"
            fail(NonFiniteError, problem, token.pos, "Every entry must be a finite number.", self.cell)
        if name.lower() == "pi" or name in ("π", "E", "e"):
            fail(
                UnsupportedEntryError,
                f"{name} is not algebraic; the exact SVD needs algebraic entries",
                token.pos,
                "Replace it by an exact algebraic value, e.g. a fraction such as 355/113. " + HINT,
                self.cell,
            )
        if name in TRANSCENDENTAL and (self._peek().kind == "(" or name not in TRIGONOMETRIC):
            fail(
                UnsupportedEntryError,
                f"{name}(...) is not supported: its values are in general not algebraic, and the exact SVD needs "
                "algebraic entries",
                token.pos,
                "Give the value exactly, e.g. cos(pi/3) as 1/2 and exp(I*pi/2) as I; with parameters, entries may be "
                "polynomials and rational functions in them, and sin(t), cos(t) of a real parameter t. " + HINT,
                self.cell,
            )
        if name in TRIGONOMETRIC:
            self._fail(f"{name} needs its argument in parentheses", token.pos, f"Write it as {name}(t).")
        if self._peek().kind == "(":
            self._fail(
                f"unknown function {excerpt(name)}",
                token.pos,
                f"The functions are {', '.join(FUNCTIONS)}, e.g. {FUNCTIONS['sqrt']}.",
            )
        fail(UnsupportedEntryError, f"free symbol {excerpt(name)}: {self._symbol_hint(name)}", token.pos, HINT, self.cell)

    def _symbol_hint(self, name):
        """How to read the name *name* that is not an allowed parameter: substitute it, or allow it."""
        shown = excerpt(name, 20)
        if self.reader.symbols:
            allowed = " ".join(self.reader.symbols)
            return (
                f"substitute a number, or add it to the parameters ({allowed}): "
                f"symbols={allowed + ' ' + shown!r} (command line: --symbols {allowed.replace(' ', ',')},{shown})"
            )
        return f"substitute a number, or allow it as a parameter: symbols={shown!r} (command line: --symbols {shown})"
