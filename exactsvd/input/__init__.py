"""The input layer: the only part of exactsvd that reads what users give.

:func:`as_exact_matrix` turns a SymPy matrix, a list of rows or a string into a
validated exact :class:`sympy.ImmutableMatrix`; :func:`parse_matrix_text` and
:func:`parse_entry` read text without ever evaluating it as code;
:func:`read_text_file` reads a file that user text names (regular files only,
size capped, contents never quoted in errors, switched off by
``allow_files=False`` or ``EXACTSVD_NO_FILES``).
"""

from .convert import as_exact_matrix
from .files import MAX_FILE_BYTES, NO_FILES_VARIABLE, files_allowed, read_text_file
from .parse import parse_entry, parse_matrix_text

__all__ = [
    "MAX_FILE_BYTES",
    "NO_FILES_VARIABLE",
    "as_exact_matrix",
    "files_allowed",
    "parse_entry",
    "parse_matrix_text",
    "read_text_file",
]
