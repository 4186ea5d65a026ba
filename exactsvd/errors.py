"""The exception hierarchy of exactsvd.

Every error the package raises on purpose is an :class:`ExactSVDError`, which is
a :class:`ValueError`, so ``except ValueError`` keeps working for callers that
do not know the package.  Messages name the argument, show the offending value
(shortened, control characters escaped: :func:`shorten`, :func:`excerpt`) and
say how to fix it.
"""

import contextlib
import contextvars


def printable(text, keep=""):
    r"""*text* with every control or invisible character escaped as Python writes it (``\x1b``, ``\n``, ``\u2028``).

    Every message and table of exactsvd passes user text through this (or
    :func:`shorten`, which uses it), so that no escape sequence reaches a
    terminal and no newline forges a line.  Characters in *keep* (such as
    ``"\n"`` for a message of several lines) are left alone.

    >>> print(printable("[[1, \x1b[31mRED\x1b[0m]]\nrow"))
    [[1, \x1b[31mRED\x1b[0m]]\nrow
    >>> print(printable("a\u2028b\tc"))
    a\u2028b\tc
    """
    return "".join(c if c.isprintable() or c in keep else repr(c)[1:-1] for c in text)


def shorten(value, limit=60):
    r"""Return ``repr(value)`` cut to at most *limit* characters, control characters escaped.

    Inside :func:`withholding_contents` the limit is at most :data:`FILE_QUOTE`.

    >>> shorten("x" * 100, limit=10)
    "'xxxxxx..."
    >>> print(shorten("a\x1b[2Jb"))
    'a\x1b[2Jb'
    """
    try:
        text = repr(value)
    except (RecursionError, ValueError):  # nested too deeply; an integer beyond Python's digits limit
        text = f"<{type(value).__name__} too large to show>"
    return _cut(printable(text), limit)


def excerpt(text, limit=60):
    r"""*text* (user text, such as a name in an entry) for a message: escaped and cut like :func:`shorten`, no quotes.

    >>> excerpt("x\ny"), excerpt("abcdefghij", 8)
    ('x\\ny', 'abcde...')
    """
    return _cut(printable(str(text)), limit)


def _cut(text, limit):
    withheld = _QUOTE_LIMIT.get()
    limit = limit if withheld is None else min(limit, withheld)
    return text if len(text) <= limit else text[: max(limit - 3, 0)] + "..."


#: The most characters of any value that a message quotes while the text comes from a file.
FILE_QUOTE = 16
_QUOTE_LIMIT = contextvars.ContextVar("exactsvd_quote_limit", default=None)


@contextlib.contextmanager
def withholding_contents(limit=FILE_QUOTE):
    r"""Within this block, messages quote at most *limit* characters of any value and no line of text.

    The input layer reads the contents of files inside it, so that an error
    about a file names the file and the place (line and column), and shows at
    most the offending token, shortened -- never the rest of what the file holds.

    >>> with withholding_contents():
    ...     shorten("TOPSECRET-0123456789abcdef")
    "'TOPSECRET-01..."
    >>> contents_withheld()
    False
    """
    token = _QUOTE_LIMIT.set(limit)
    try:
        yield
    finally:
        _QUOTE_LIMIT.reset(token)


def contents_withheld():
    """Whether messages are inside :func:`withholding_contents` (show no lines of the text)."""
    return _QUOTE_LIMIT.get() is not None


class ExactSVDError(ValueError):
    """Base class of every error raised by exactsvd."""


class InvalidMatrixError(ExactSVDError):
    """The matrix argument is not a matrix: ragged rows, empty or unreadable text."""


class MatrixParseError(InvalidMatrixError):
    """A matrix string (or an entry string) could not be read."""


class NonFiniteError(InvalidMatrixError):
    """An entry is ``nan`` or infinite."""


class NotExactError(ExactSVDError):
    """A Python float reached the exact path; pass ``rationalize=True`` to accept it."""


class UnsupportedEntryError(ExactSVDError):
    """An entry is exact but outside what the exact path handles (symbols, ``pi``, complex)."""


class InvalidArgumentError(ExactSVDError):
    """A keyword argument (``form=``, ``method=``, ``dps=`` ...) has a bad value."""


class FileReadError(InvalidArgumentError):
    """A file the user named cannot be read: missing, not a regular file, too large, not UTF-8 text.

    The message names the file, never its contents (:func:`exactsvd.input.read_text_file`).
    """


class FileReadingDisabledError(FileReadError):
    """Reading files is switched off (``allow_files=False`` or the environment variable ``EXACTSVD_NO_FILES``)."""


class VerificationError(ExactSVDError):
    """An exact identity that an SVD must satisfy does not hold."""


class NoConvergence(ExactSVDError):
    """A numeric iteration did not converge."""


class BudgetError(ExactSVDError):
    """A call was refused or stopped by its budget: time, memory or the size of the work."""


class InputTooLargeError(BudgetError):
    """The cost model refused the input before any work: it is beyond a documented limit.

    The message names the entry (or the shape) responsible, the estimated field
    degree, size or time, and what to do instead.
    """


class TimeLimitExceeded(BudgetError):
    """The call did not finish within its ``timeout=`` seconds; the message says what was being computed."""


class MemoryLimitExceeded(BudgetError):
    """The call needed more memory than its cap (``max_memory=``)."""


class SymbolicLimitError(UnsupportedEntryError):
    """A matrix with parameters is beyond the symbolic path: a factor of degree >= 3 in the eigenvalue.

    The message names the factor and suggests substituting values for the parameters.
    """


class ConditionError(ExactSVDError):
    """Parameter values violate a condition of a generic symbolic SVD (``r.subs``).

    The message names the condition and the values; ``exactsvd.svd(A.subs(...))``
    computes the SVD at that special value.
    """
