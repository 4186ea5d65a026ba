"""HTML with MathML: the worked solutions and SVD results as web pages and fragments.

The structure is checked here without a browser: every element closed in
order, one ``<math>`` per formula of the LaTeX blocks, no ``<merror>`` (a
LaTeX command the MathML translation does not know), nothing fetched from a
network.  What a browser draws of it is in test_render.py.
"""

import re
from html.parser import HTMLParser

import pytest
from cases import DOCUMENT_CASES

import exactsvd
from exactsvd.solutions import explain, html_page, solution_fragment, svd_result_fragment
from exactsvd.solutions.latex import step_blocks
from exactsvd.solutions.mathml import latex_to_mathml
from exactsvd.solutions.steps import SingularValuesStep

VOID = {"meta", "br", "img", "link", "input", "hr"}


class Nesting(HTMLParser):
    """Records the tags; fails on an end tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.open, self.tags = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.open.append(tag)

    def handle_endtag(self, tag):
        assert self.open and self.open[-1] == tag, f"</{tag}> closes <{self.open[-1] if self.open else None}>"
        self.open.pop()


def parsed(html):
    parser = Nesting()
    parser.feed(html)
    parser.close()
    assert parser.open == [], f"unclosed: {parser.open}"
    return parser.tags


def formulas(solution):
    """How many formulas the LaTeX blocks hold: displays and inline ``$...$`` (titles included)."""
    count = 0
    for title, blocks in step_blocks(solution):
        count += title.count("$") // 2
        count += sum(1 if kind == "math" else content.count("$") // 2 for kind, content in blocks)
    return count


@pytest.mark.parametrize("name", sorted(DOCUMENT_CASES))
def test_page_holds_every_step_and_formula(name):
    solution = explain(DOCUMENT_CASES[name], rank_one=True)
    page = solution.to_html()
    tags = parsed(page)
    names = [tag for tag, _ in tags]
    assert names.count("math") == formulas(solution) > 0
    assert names.count("section") == names.count("h2") == len(solution.steps)
    assert "merror" not in names
    assert page.startswith("<!DOCTYPE html>") and '<meta name="viewport"' in page
    assert not re.search(r"https?:|<script|<link|src=|@import", page), "the page must not need a network"
    for s in solution.step(SingularValuesStep).values:
        assert s.decimal is None or str(s.decimal)[:10] in page


def test_fragment_is_the_body_of_the_page():
    solution = explain(DOCUMENT_CASES["blog"])
    fragment = solution_fragment(solution)
    assert fragment in solution.to_html() and "<html" not in fragment and "<style" not in fragment
    assert solution._repr_html_() == fragment
    assert "<h2>Step 7. The right singular vectors <math>" in fragment


def test_page_title_is_escaped():
    page = html_page("<p>body</p>", "Sheet <1> & answers")
    assert "<title>Sheet &lt;1&gt; &amp; answers</title>" in page and "<h1>Sheet &lt;1&gt; &amp; answers</h1>" in page
    parsed(page)


def test_svd_result_fragment():
    result = exactsvd.svd([[3, 0], [4, 5]])
    fragment = svd_result_fragment(result)
    tags = parsed(fragment)
    assert [tag for tag, _ in tags].count("math") == 4  # the singular values, U, Sigma, V
    assert "of a 2×2 matrix of rank 2" in fragment
    assert fragment.count('display="block"') == 3
    assert result._repr_html_() == fragment
    assert "No singular values" in svd_result_fragment(exactsvd.svd([[]]))


def test_text_is_escaped_and_math_translated():
    fragment = solution_fragment(explain([[3, 4]]))
    assert "<p><math><mi>A</mi></math> has <math><mi>m</mi><mo>=</mo><mn>1</mn></math> rows" in fragment


# ---------------------------------------------------------------- the LaTeX subset -> MathML


@pytest.mark.parametrize(
    ("latex", "mathml"),
    [
        (r"\frac{1}{2}", "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        (r"\dfrac{1}{2}", '<mfrac displaystyle="true"><mn>1</mn><mn>2</mn></mfrac>'),
        (r"\sqrt[3]{2}", "<mroot><mn>2</mn><mn>3</mn></mroot>"),
        (r"\sqrt{x + 1}", "<msqrt><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow></msqrt>"),
        (r"x_{1}^{2}", "<msubsup><mi>x</mi><mn>1</mn><mn>2</mn></msubsup>"),
        (r"\lambda_{12}", "<msub><mi>λ</mi><mn>12</mn></msub>"),
        (r"1.732", "<mn>1.732</mn>"),
        (r"\text{(multiplicity 2)}", "<mtext>(multiplicity 2)</mtext>"),
        (r"\mathbb{Q}", "<mi>ℚ</mi>"),
        (r"\Sigma", '<mi mathvariant="normal">Σ</mi>'),
        (r"a < b", "<mi>a</mi><mo>&lt;</mo><mi>b</mi>"),
        (r"\operatorname{rref}", '<mi mathvariant="normal">rref</mi>'),
        (r"a \quad b", '<mi>a</mi><mspace width="1em"></mspace><mi>b</mi>'),
        (r"\unknown", r"<merror><mtext>\unknown</mtext></merror>"),
    ],
)
def test_mathml_of_latex(latex, mathml):
    assert latex_to_mathml(latex) == f"<math>{mathml}</math>"


def test_mathml_tables():
    matrix = latex_to_mathml(r"\left[\begin{matrix}1 & -2\\[1ex] 3 & 4\end{matrix}\right]")
    assert matrix.count("<mtr>") + matrix.count("<mtr ") == 2 and matrix.count("<mtd") == 4
    assert 'padding-bottom:1ex' in matrix and "<mo>−</mo>" in matrix
    aligned = latex_to_mathml(r"\begin{aligned} a &= 1 && \text{x} \\ b &= 2 \end{aligned}", display=True)
    assert aligned.startswith('<math display="block"><mtable class="aligned" displaystyle="true">')
    assert aligned.count("text-align:right") == 3 and aligned.count("text-align:left") == 3
    array = latex_to_mathml(r"\begin{array}{ccc}1 & 2 & 3\end{array}")
    assert array.count("<mtd>") == 3 and "ccc" not in array
    parsed(matrix + aligned + array)


def test_cli_writes_the_page(tmp_path, capsys):
    from exactsvd.cli import main

    path = tmp_path / "blog.html"
    assert main(["explain", DOCUMENT_CASES["blog"], "--html", str(path)]) == 0
    assert capsys.readouterr().out == f"wrote {path}\n"
    assert path.read_text(encoding="utf-8") == explain(DOCUMENT_CASES["blog"]).to_html()
