"""HTML with MathML of worked solutions and SVD results: fragments for web pages, and standalone pages.

The renderer formats what it is handed and computes nothing.  The words and
formulas of a worked solution are the LaTeX renderer's blocks
(:func:`.latex.step_blocks`), so the HTML holds the same steps as the PDF;
each formula becomes MathML (:func:`.mathml.latex_to_mathml`), which current
browsers render natively, so a page needs no script, font or network.

* :func:`solution_fragment` -- the steps as ``<section>`` elements, for a web
  page or a notebook;
* :func:`svd_result_fragment` -- the singular values and ``U``, ``Sigma``, ``V``;
* :func:`html_page` -- a fragment wrapped into one self-contained page (the
  style sheet inline, a viewport for phones: wide matrices scroll sideways);
* :func:`to_html` -- the page of a worked solution (``Solution.to_html()``).
"""

import re
from html import escape

from .latex import Printer, document_title, factor_codes, step_blocks
from .mathml import latex_to_mathml

STYLE = """
body { font-family: "Latin Modern Roman", "STIX Two Text", Georgia, serif; line-height: 1.45;
       max-width: 52rem; margin: 0 auto; padding: 0.75rem 1rem 3rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.45rem; line-height: 1.25; margin: 0.6em 0 0.8em; }
h2 { font-size: 1.12rem; margin: 1.6em 0 0.4em; border-bottom: 1px solid #ddd; padding-bottom: 0.15em; }
p { margin: 0.45em 0; }
math { font-family: "Latin Modern Math", "STIX Two Math", "Cambria Math", math; font-size: 1.08em; }
.display { overflow-x: auto; overflow-y: hidden; padding: 0.2em 0; }
.display math { margin: 0.35em 0; }
mtable mtd { padding: 0.25em 0.45em; }
mtable.aligned mtd { padding: 0.2em 0.1em; }
@media (max-width: 40rem) { body { font-size: 0.95rem; padding: 0.5rem 0.6rem 2rem; } }
"""
INLINE = re.compile(r"\$([^$]+)\$")


def to_html(solution):
    """The worked solution as one self-contained HTML page (MathML, the style sheet inline).

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> page = to_html(explain([[3, 4]]))
    >>> page.startswith("<!DOCTYPE html>"), page.count("<h2>"), "http" in page
    (True, 9, False)
    """
    return html_page(solution_fragment(solution), document_title(solution))


def solution_fragment(solution):
    """The steps of a worked solution as HTML: one ``<section>`` per step, ``<h2>`` its title.

    Text is escaped; formulas are ``<math>`` elements (``display="block"``
    ones inside ``<div class="display">``, which :data:`STYLE` lets scroll).

    Examples
    --------
    >>> from exactsvd.solutions import explain
    >>> fragment = solution_fragment(explain([[3, 4]]))
    >>> print(fragment.splitlines()[1])
    <section><h2>Step 1. The matrix and the choice of Gram matrix</h2>
    >>> fragment.count("<section>") == len(explain([[3, 4]]).steps)
    True
    """
    sections = []
    for number, (title, blocks) in enumerate(step_blocks(solution), 1):
        body = "\n".join(_paragraph(content) if kind == "text" else _display(content) for kind, content in blocks)
        sections.append(f"<section><h2>Step {number}. {_words(title)}</h2>\n{body}\n</section>")
    return '<div class="exactsvd-solution">\n' + "\n".join(sections) + "\n</div>"


def svd_result_fragment(result):
    """An SVD result as HTML: a summary, the singular values, and ``U``, ``Sigma``, ``V`` in MathML.

    Examples
    --------
    >>> import exactsvd
    >>> fragment = svd_result_fragment(exactsvd.svd([[3, 0], [4, 5]]))
    >>> print(fragment.splitlines()[1])
    <p>SVD (exact, full form) of a 2×2 matrix of rank 2.</p>
    >>> fragment.count("<math")  # the singular values, U, Sigma, V
    4
    """
    printer = Printer()
    m, n = result.matrix.shape
    values = ", ".join(
        f"\\sigma_{{{i}}} = {printer.doprint(s)}" for i, s in enumerate(result.singular_values, 1)
    )
    U, S, V = factor_codes(result)
    lines = [
        f"<p>SVD ({escape(result.method)}, {escape(result.form)} form) of a {m}×{n} matrix of rank {result.rank}.</p>",
        _paragraph(f"Singular values: ${values}$." if values else "No singular values."),
        *(_display(f"{name} = {code}") for name, code in (("U", U), ("\\Sigma", S), ("V", V))),
    ]
    return '<div class="exactsvd-result">\n' + "\n".join(lines) + "\n</div>"


def html_page(fragment, title):
    """A standalone HTML page around *fragment*: UTF-8, a phone viewport, :data:`STYLE` inline, ``<h1>`` *title*.

    Examples
    --------
    >>> page = html_page("<p>x</p>", "A & B")
    >>> "<title>A &amp; B</title>" in page, "<h1>A &amp; B</h1>" in page
    (True, True)
    """
    heading = escape(title)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{heading}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        f"<h1>{heading}</h1>\n{fragment}\n</body>\n</html>\n"
    )


def _words(text):
    """Words with ``$math$``: the words escaped, the math as inline MathML."""
    pieces = INLINE.split(text)
    return "".join(latex_to_mathml(piece) if odd else escape(piece) for odd, piece in _alternating(pieces))


def _alternating(pieces):
    return ((k % 2 == 1, piece) for k, piece in enumerate(pieces))


def _paragraph(text):
    return f"<p>{_words(text)}</p>"


def _display(code):
    return f'<div class="display">{latex_to_mathml(code, display=True)}</div>'
