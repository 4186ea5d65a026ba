"""Faces that write results: the text of ``exactsvd svd``, JSON records, notation that reads back.

:func:`svd_text` (terminal text within a width), :func:`to_dict` /
:func:`to_json` (the JSON record, ``docs/json-schema.md``), :func:`linear`
(one-line notation of a number, read back by the input layer) and
:class:`Progress` (progress of long work on standard error).
"""

from .layout import terminal_width
from .notation import linear
from .progress import Progress
from .record import FORMAT, VERSION, to_dict, to_json
from .text import VERIFIED, svd_text, verified_line

__all__ = ["FORMAT", "VERSION", "VERIFIED", "Progress", "linear", "svd_text", "terminal_width", "to_dict", "to_json", "verified_line"]
