"""The input layer: the only part of exactsvd that reads what users give.

:func:`as_exact_matrix` turns a SymPy matrix, a list of rows or a string into a
validated exact :class:`sympy.ImmutableMatrix`; :func:`parse_matrix_text` and
:func:`parse_entry` read text without ever evaluating it as code.
"""

from .convert import as_exact_matrix
from .parse import parse_entry, parse_matrix_text

__all__ = ["as_exact_matrix", "parse_entry", "parse_matrix_text"]
