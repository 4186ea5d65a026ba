"""Worked solutions: the SageMath hand method of the SVD, step by step.

:func:`explain` returns a :class:`Solution`, a sequence of immutable steps
holding exact SymPy objects taken from the exact core; the renderers
(:mod:`.latex`, :mod:`.markdown`, :mod:`.text`, :mod:`.html`) format it and :mod:`.pdf`
compiles the LaTeX document with ``pdflatex``.

>>> from exactsvd.solutions import explain
>>> print(explain([[3, 4]]).to_text().splitlines()[0])
Worked solution: the singular value decomposition of A (1×2)
"""

from .build import explain
from .html import html_page, solution_fragment, svd_result_fragment
from .latex import svd_result_latex
from .markdown import svd_result_markdown
from .pdf import LatexError, ToolMissingError
from .steps import Solution

__all__ = [
    "LatexError",
    "Solution",
    "ToolMissingError",
    "explain",
    "html_page",
    "solution_fragment",
    "svd_result_fragment",
    "svd_result_latex",
    "svd_result_markdown",
]
