"""The documented limits of one call, and the checks of the budget arguments.

Every figure here is part of the public contract (``docs/conventions.md``,
"Limits and budgets"): the cost model (:mod:`.cost`) refuses an input beyond
them before any work, and a call with ``timeout=`` runs in a worker process
(:mod:`.worker`) that is stopped at its deadline and capped in memory.
"""

import contextlib
import functools
import math
import numbers
import sys

from ..errors import InvalidArgumentError, shorten

#: The degree over QQ of the field of the entries that the exact path accepts (an upper bound:
#: the product of the root indices of the distinct radicals and of the degrees of the CRootOf).
MAX_FIELD_DEGREE = 64
#: Entries of the matrix, on every path.
MAX_ENTRIES = 250_000
#: Rows or columns on the numeric path, which builds the full factors whatever the form.
MAX_SIDE = 200
#: Entries of one factor (U is m×m, V is n×n) in the full form; thin and compact forms are not bound by it.
MAX_FULL_FACTOR_ENTRIES = 10_000
#: Bits of the largest integer (numerator or denominator) in an entry, on every path (about 15000 digits).
MAX_ENTRY_BITS = 50_000
#: The memory (bytes) a worker process may add to what the calling process already holds.
DEFAULT_MAX_MEMORY = 1 << 30
#: Seconds past ``timeout`` within which a call returns or raises (the worker is stopped at the deadline).
TIME_MARGIN = 1.0
#: The budget of ``method="auto"`` when no ``timeout`` is given.
DEFAULT_AUTO_TIMEOUT = 10.0
#: The share of the budget that ``method="auto"`` gives the exact attempt at most; the numeric fallback has
#: the rest, and at least its estimate (:func:`~exactsvd.budget.estimated_numeric_seconds`).
AUTO_EXACT_SHARE = 0.75
#: The least time worth an exact attempt in ``method="auto"``: with less left, numeric at once.
AUTO_LEAST_EXACT = 0.2
#: Seconds of ``TIME_MARGIN`` that ``method="auto"`` keeps for returning its numeric fallback's answer
#: (the fallback may run until ``timeout + TIME_MARGIN - AUTO_RETURN_SECONDS``).
AUTO_RETURN_SECONDS = 0.35
#: The largest ``timeout`` accepted (one day): beyond it, pass ``timeout=None``.
MAX_TIMEOUT = 86_400.0


def check_timeout(timeout, name="timeout"):
    """*timeout* as a positive ``float`` of seconds, or ``None`` (no limit).

    >>> check_timeout(2)
    2.0
    >>> check_timeout(None) is None
    True
    >>> check_timeout("abc")
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: timeout='abc' is not a number of seconds; give a positive number such as timeout=10, or None for no limit
    """
    if timeout is None:
        return None
    if isinstance(timeout, bool) or not isinstance(timeout, numbers.Real):
        raise InvalidArgumentError(
            f"{name}={shorten(timeout)} is not a number of seconds; give a positive number such as "
            f"{name}=10, or None for no limit"
        )
    seconds = float(timeout)
    if not (math.isfinite(seconds) and 0 < seconds <= MAX_TIMEOUT):
        raise InvalidArgumentError(
            f"{name}={shorten(timeout)} is out of range; give a number of seconds above 0 and at most "
            f"{MAX_TIMEOUT:g} (one day), or None for no limit"
        )
    return seconds


def check_max_memory(max_memory, name="max_memory"):
    """*max_memory* as a positive ``int`` of bytes (at least 64 MiB), or ``None``.

    >>> check_max_memory(2**30)
    1073741824
    >>> check_max_memory(0.5)
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: max_memory=0.5 is not a number of bytes; give an integer of at least 67108864 (64 MiB), e.g. max_memory=2**30, or None for the default cap
    """
    if max_memory is None:
        return None
    low = 64 << 20
    if isinstance(max_memory, bool) or not isinstance(max_memory, numbers.Integral) or max_memory < low:
        raise InvalidArgumentError(
            f"{name}={shorten(max_memory)} is not a number of bytes; give an integer of at least {low} "
            f"(64 MiB), e.g. {name}=2**30, or None for the default cap"
        )
    return int(max_memory)


@contextlib.contextmanager
def long_integers():
    """Lift Python's limit on the digits of printed integers (3.11 and security releases) inside the block.

    The cost model bounds every integer of an input (``MAX_ENTRY_BITS``), so
    what exactsvd prints is bounded too; squares and characteristic
    polynomials of a legal input can pass Python's default 4300 digits.
    Also a decorator.

    >>> with long_integers():
    ...     len(str(10**5000))
    5001
    """
    if not hasattr(sys, "set_int_max_str_digits"):
        yield
        return
    previous = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        yield
    finally:
        sys.set_int_max_str_digits(previous)


def printing_long_integers(function):
    """Decorate a renderer so that it runs inside :func:`long_integers`."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with long_integers():
            return function(*args, **kwargs)

    return wrapper
