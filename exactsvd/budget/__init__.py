"""The budget of one call: cost model, deadline, worker process, memory cap.

Used by :func:`exactsvd.svd`, the command line and ``check-bank``; made to be
reused by any face that runs untrusted requests (a web application)::

    from exactsvd import budget

    budget.refuse_beyond_limits(matrix, "full", "exact")    # InputTooLargeError before any work
    result = budget.run(function, *args, timeout=5, max_memory=2**30, what="svd of A")
    # -> function(*args) computed in a worker process; TimeLimitExceeded after 5 s
    #    (plus at most TIME_MARGIN), MemoryLimitExceeded past the cap

* :mod:`.limits`: the documented limits and the checks of ``timeout=`` and ``max_memory=``;
* :mod:`.cost`: bounds of the field degree, the digits and the time, from the entries;
* :mod:`.worker`: :func:`run` (one call), :func:`start` / :func:`wait_any` (many jobs at
  once, as ``check-bank`` runs them) and :func:`stage` (what the worker is computing).

>>> from exactsvd import budget
>>> budget.run(sum, [1, 2, 3], timeout=30)
6
"""

from .cost import Cost, estimate, estimated_numeric_seconds, estimated_seconds, refuse_beyond_limits
from .limits import (
    DEFAULT_AUTO_TIMEOUT,
    DEFAULT_MAX_MEMORY,
    MAX_ENTRIES,
    MAX_ENTRY_BITS,
    MAX_FIELD_DEGREE,
    MAX_FULL_FACTOR_ENTRIES,
    MAX_SIDE,
    TIME_MARGIN,
    check_max_memory,
    check_timeout,
)
from .worker import Job, run, stage, start, wait_any

__all__ = [
    "Cost",
    "DEFAULT_AUTO_TIMEOUT",
    "DEFAULT_MAX_MEMORY",
    "Job",
    "MAX_ENTRIES",
    "MAX_ENTRY_BITS",
    "MAX_FIELD_DEGREE",
    "MAX_FULL_FACTOR_ENTRIES",
    "MAX_SIDE",
    "TIME_MARGIN",
    "check_max_memory",
    "check_timeout",
    "estimate",
    "estimated_numeric_seconds",
    "estimated_seconds",
    "refuse_beyond_limits",
    "run",
    "stage",
    "start",
    "wait_any",
]
