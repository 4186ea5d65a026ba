"""HTML fragments of the mathematics the pages show: MathML, which browsers render natively.

A renderer: it formats the exact numbers and matrices it is handed and
computes nothing.  Everything a visitor typed reaches a page only as parsed
numbers (printed by SymPy's MathML printer) or as escaped text.
"""

import html

import sympy


def math(expr, display=False):
    """*expr* (a SymPy number or matrix) as one ``<math>`` element.

    Examples
    --------
    >>> from sympy import sqrt
    >>> math(sqrt(3))
    '<math><msqrt><mn>3</mn></msqrt></math>'
    >>> math(sympy.Matrix([[1, 2]]), display=True)[:27]
    '<math display="block"><mrow'
    """
    body = sympy.mathml(expr, printer="presentation")
    return f'<math display="block">{body}</math>' if display else f"<math>{body}</math>"


def named_matrix(name, matrix):
    """``name = [...]`` as a display ``<math>``; *name* is MathML (``<mi>U</mi>``, trusted, not user text).

    Examples
    --------
    >>> named_matrix("<mi>A</mi>", sympy.Matrix([[5]]))[:51]
    '<math display="block"><mi>A</mi><mo>=</mo><mrow><mo>'
    """
    return f'<math display="block">{name}<mo>=</mo>{sympy.mathml(matrix, printer="presentation")}</math>'


def text(value):
    """*value* as HTML text: escaped, so that nothing a visitor typed becomes markup.

    >>> text("<script>alert(1)</script>")
    '&lt;script&gt;alert(1)&lt;/script&gt;'
    """
    return html.escape(str(value), quote=True)
