"""The exception hierarchy of exactsvd.

Every error the package raises on purpose is an :class:`ExactSVDError`, which is
a :class:`ValueError`, so ``except ValueError`` keeps working for callers that
do not know the package.  Messages name the argument, show the offending value
(shortened) and say how to fix it.
"""


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

    >>> shorten("x" * 100, limit=10)
    "'xxxxxx..."
    >>> print(shorten("a\x1b[2Jb"))
    'a\x1b[2Jb'
    """
    text = printable(repr(value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


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


class VerificationError(ExactSVDError):
    """An exact identity that an SVD must satisfy does not hold."""


class NoConvergence(ExactSVDError):
    """A numeric iteration did not converge."""
