"""The house typography of every renderer: common factors, polynomial order, names, fractions, paper.

The rules are decided once (``exactsvd.solutions.typography``); these tests check
the rule itself (exactly: the factor times what is left is the matrix) and that
LaTeX, Markdown, HTML and text all follow it.
"""

import re

import pytest
from cases import DOCUMENT_CASES
from hypothesis import given, settings
from hypothesis import strategies as st
from sympy import CRootOf, ImmutableMatrix, Matrix, Rational, Symbol, sqrt

import exactsvd
from exactsvd.solutions import explain
from exactsvd.solutions.latex import preamble
from exactsvd.solutions.steps import SpaceStep
from exactsvd.solutions.typography import VECTOR_NAMES, Scale, common_factor, descending_terms

SCALES = [Rational(1, 2), Rational(3, 4), 1 / sqrt(10), 2 / sqrt(21), sqrt(2) / 3, 3 * sqrt(5), 1 / (3 * sqrt(2))]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(-9, 9), min_size=2, max_size=6),
    st.sampled_from(SCALES),
)
def test_the_factor_times_the_rest_is_the_matrix(entries, scale):
    matrix = ImmutableMatrix(len(entries), 1, [scale * e for e in entries])
    found = common_factor(matrix)
    if found is None:
        return
    factor, rest = found
    assert factor.value * rest == matrix
    assert factor.value > 0 and all(e.is_Integer for e in rest)


@pytest.mark.parametrize(
    ("entries", "numerator", "denominator", "rest"),
    [
        ([sqrt(10) / 10, 3 * sqrt(10) / 10], 1, sqrt(10), [1, 3]),  # the textbook's u_1 = (1/√10)[1, 3]
        ([sqrt(2) / 2, sqrt(2) / 3, sqrt(2) / 3, sqrt(2) / 6], 1, 3 * sqrt(2), [3, 2, 2, 1]),
        ([2 * sqrt(21) / 21, sqrt(21) / 21, -4 * sqrt(21) / 21, 0], 1, sqrt(21), [2, 1, -4, 0]),
        ([Rational(3, 2), Rational(9, 2)], 3, 2, [1, 3]),
        ([sqrt(2) / 3, 2 * sqrt(2) / 3], sqrt(2), 3, [1, 2]),
        ([Rational(-1, 2), Rational(-1, 4), 1, 0], 1, 4, [-2, -1, 4, 0]),
    ],
)
def test_common_factor_cases(entries, numerator, denominator, rest):
    factor, left = common_factor(Matrix(entries))
    assert factor == Scale(numerator, denominator) and list(left) == rest


@pytest.mark.parametrize(
    "entries",
    [
        [6, 3, 3, 6],  # integers are left as they are
        [1, 0, Rational(-1, 3)],  # (1/3)[3, 0, -1] is no simpler
        [sqrt(2) / 2, sqrt(3) / 3],  # no shared root, and a rational factor would leave roots over 6
        [sqrt(2) / 2],  # one entry
        [sqrt(2) / 2, sqrt(6) / 6, 2 * sqrt(21) / 21, sqrt(7) / 7],  # (1/42)[21√2, 7√6, 4√21, 6√7]: larger numbers
    ],
)
def test_no_common_factor(entries):
    assert common_factor(Matrix(entries)) is None


def test_a_shared_norm_is_pulled_out():
    r = CRootOf(Symbol("x") ** 3 - 304 * Symbol("x") ** 2 + 244 * Symbol("x") - 9, 2)
    norm = 19663 * r**2 + 24363 * r + 3386
    factor, rest = common_factor(Matrix([(r**2 - 238 * r + 29) / sqrt(norm), (78 * r - 58) / sqrt(norm)]))
    assert factor == Scale(1, sqrt(norm)) and list(rest) == [r**2 - 238 * r + 29, 78 * r - 58]


def test_descending_powers_of_a_named_root():
    r = CRootOf(Symbol("x") ** 3 - 3 * Symbol("x") + 1, 0)
    terms = descending_terms(list((29 - 238 * r + r**2).args))
    assert [t.as_poly(r).degree() if t.has(r) else 0 for t in terms] == [2, 1, 0]


# ---------------------------------------------------------------- every renderer follows the rules


def test_textbook_factors_in_every_renderer():
    solution = explain("[[3,0],[4,5]]")
    latex = solution.to_latex()
    assert "U = \\frac{1}{\\sqrt{10}} \\left[\\begin{matrix}1 & 3 \\\\ 3 & -1\\end{matrix}\\right]" in latex
    assert "\\Sigma = \\left[\\begin{matrix}3 \\sqrt{5} & 0" in latex  # Sigma keeps the values in place
    assert "U = \\frac{1}{\\sqrt{10}}" in solution.to_markdown()
    assert "<mi>U</mi><mo>=</mo><mfrac><mn>1</mn><msqrt><mn>10</mn></msqrt></mfrac>" in solution.to_html()
    text = str(solution)
    assert re.search(r"U = ───⋅⎢", text) and " 1  ⎡1  3 ⎤" in text
    assert "\\frac{1}{\\sqrt{10}}" in exactsvd.svd([[3, 0], [4, 5]])._repr_latex_()


def test_the_matrix_and_rref_are_shown_as_they_are():
    latex = explain("[[1,2,1,0],[2,0,1,1]]").to_latex()
    assert "\\operatorname{rref}(A) = \\left[\\begin{matrix}\\displaystyle 1 & \\displaystyle 0 & \\displaystyle \\frac{1}{2}" in latex
    assert "A = \\left[\\begin{matrix}1 & 2 & 1 & 0" in latex


def test_displayed_fractions_are_full_size_on_spaced_rows():
    latex = explain("[[1,2,1,0],[2,0,1,1]]").to_latex()
    assert "\\displaystyle \\frac{1}{2} \\\\[1ex]" in latex
    html = explain("[[1,2,1,0],[2,0,1,1]]").to_html()
    assert '<mstyle displaystyle="true"><mfrac>' in html and "padding-bottom:1ex" in html


def test_polynomials_in_descending_powers_everywhere():
    solution = explain(DOCUMENT_CASES["crootof"])
    assert "\\lambda_{1}^{2} - 238 \\lambda_{1} + 29" in solution.to_latex()
    assert "λ₁  - 238⋅λ₁ + 29" in str(solution)
    assert "<msubsup><mi>λ</mi><mn>1</mn><mn>2</mn></msubsup><mo>−</mo><mn>238</mn>" in solution.to_html()
    lower_then_square = r"(\\lambda_\{\d\}|\d) [-+] (\d+ )?\\lambda_\{\d\}\^\{2\}"
    assert not re.search(lower_then_square, solution.to_latex())


@pytest.mark.parametrize("name", sorted(DOCUMENT_CASES))
def test_each_name_names_one_vector(name):
    solution = explain(DOCUMENT_CASES[name])
    named = [(VECTOR_NAMES[s.letter][0], i) for s in solution.steps if isinstance(s, SpaceStep) for i in s.indices]
    assert len(named) == len(set(named))
    assert len(set(VECTOR_NAMES.values())) == len(VECTOR_NAMES)


def test_vectors_leading_to_u_and_to_v_have_different_names():
    latex = explain("[[1,2,1,0],[2,0,1,1]]").to_latex()  # G = A A^T: c_1, c_2 lead to u; b_3, b_4 to v
    assert "c_{1} = \\left[" in latex and "b_{3} = \\frac{1}{4}" in latex and "b_{1}" not in latex


def test_paper_sizes():
    solution = explain("[[3,0],[4,5]]")
    assert "\\usepackage[a4paper,margin=2cm]{geometry}" in solution.to_latex(standalone=True)
    assert "\\usepackage[letterpaper,margin=2cm]{geometry}" in solution.to_latex(standalone=True, paper="letter")
    with pytest.raises(exactsvd.InvalidArgumentError, match="paper='A5' is not a paper size"):
        solution.to_latex(standalone=True, paper="A5")
    assert "\\needspace" in preamble() and "\\renewcommand{\\subsection}{\\needspace" in preamble()
