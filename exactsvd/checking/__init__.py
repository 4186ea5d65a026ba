"""The answer checker: is a given ``(U, S, V)`` a valid SVD of ``A``?

:func:`check` decides it with exact arithmetic and returns a
:class:`CheckReport`: ``ok``, one sentence per problem, and the facts it
established.  :mod:`.bank` checks a whole problem bank in parallel;
:mod:`.cli` holds the ``check``, ``check-bank`` and ``generate`` subcommands.
"""

from .checker import check, check_singular_values
from .report import CheckReport, Facts

__all__ = ["CheckReport", "Facts", "check", "check_singular_values"]
