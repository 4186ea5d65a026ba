"""HTML fragments of the numbers and matrices the pages show, in MathML (browsers render it natively).

A thin layer over the worked solutions' HTML renderer (:mod:`exactsvd.solutions.html`):
the same LaTeX printer and the same LaTeX-to-MathML translation, so the
SVD page and the worked solution typeset alike.  It formats the exact numbers
and matrices it is handed and computes nothing; whatever a visitor typed
reaches a page only as parsed numbers or as escaped text (:func:`text`).
"""

import html

from ..solutions.latex import Printer
from ..solutions.mathml import latex_to_mathml


def math(expr, display=False):
    """*expr* (a SymPy number or matrix) as one ``<math>`` element.

    Examples
    --------
    >>> from sympy import sqrt
    >>> math(sqrt(3))
    '<math><msqrt><mn>3</mn></msqrt></math>'
    """
    return latex_to_mathml(Printer().doprint(expr), display=display)


def named_matrix(name, matrix):
    """``name = [...]`` as a display ``<math>``; *name* is LaTeX of our own (``U``, ``\\Sigma``), not user text.

    Examples
    --------
    >>> import sympy
    >>> named_matrix("A", sympy.Matrix([[5]])).startswith('<math display="block"><mi>A</mi><mo>=</mo>')
    True
    """
    return latex_to_mathml(f"{name} = {Printer().doprint(matrix)}", display=True)


def text(value):
    """*value* as HTML text: escaped, so that nothing a visitor typed becomes markup.

    >>> text("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return html.escape(str(value), quote=True)
