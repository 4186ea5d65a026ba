"""The exception hierarchy of exactsvd.

Every error the package raises on purpose is an :class:`ExactSVDError`, which is
a :class:`ValueError`, so ``except ValueError`` keeps working for callers that
do not know the package.  Messages name the argument, show the offending value
(shortened) and say how to fix it.
"""


def shorten(value, limit=60):
    """Return ``repr(value)`` cut to at most *limit* characters.

    >>> shorten("x" * 100, limit=10)
    "'xxxxxx..."
    """
    try:
        text = repr(value)
    except (RecursionError, ValueError):  # nested too deeply; an integer beyond Python's digits limit
        text = f"<{type(value).__name__} too large to show>"
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
