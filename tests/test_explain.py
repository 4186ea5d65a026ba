"""Tests of the worked solutions, ``exactsvd.explain``: the steps and their renderers.

The steps must hold the exact core's numbers (one source of truth): the
singular values, U, Sigma and V of a solution are compared with
``exactsvd.svd`` exactly.  The worked intermediate steps (RREF, basis,
Gram–Schmidt, norms, partner vectors, rank-one terms) are checked against
their definitions at 40 digits.  Compiling the LaTeX is in test_explain_pdf.py.
"""

import argparse
import dataclasses

import pytest
from sympy import CRootOf, ImmutableMatrix, Matrix, N, Rational, eye, kronecker_product, sqrt, zeros

import exactsvd
from exactsvd.input import parse_entry
from exactsvd.solutions import LatexError, ToolMissingError, explain, svd_result_latex, svd_result_markdown
from exactsvd.solutions import cli as explain_cli
from exactsvd.solutions import pdf
from exactsvd.solutions.steps import (
    CharpolyStep,
    CheckStep,
    FactorsStep,
    GramStep,
    MatrixStep,
    PartnerStep,
    RankOneStep,
    SingularValuesStep,
    SpaceStep,
)

BLOG = "[[1,2,1,0],[2,0,1,1]]"
CASUS = "[[1,2,3],[4,5,6],[7,8,10]]"
CASES = {
    "blog": BLOG,
    "2x2": "[[3,0],[4,5]]",
    "fibonacci": "[[1,1],[1,0]]",
    "tall-quadratic": "[[1,2],[3,4],[5,6]]",
    "repeated": "[[1,0,1],[0,1,1],[1,1,0],[1,1,1]]",
    "rank-deficient-4x3": "[[1,2,3],[2,4,6],[1,0,1],[3,2,5]]",
    "rank-one": "[[1,-1],[-2,2],[2,-2]]",
    "casus": CASUS,
    "quartic": "[[2,-1,0,0],[-1,2,-1,0],[0,-1,2,-1],[0,0,-1,2]]",
    "radical-entries": [[1, sqrt(2), 0], [0, 1, sqrt(3)]],
    "repeated-quadratic-6x6": kronecker_product(Matrix([[1, 1], [1, 0]]), Matrix([[1, 2, 0], [2, 1, 0], [0, 0, 3]])),
    "zero": "[[0,0],[0,0],[0,0]]",
    "empty": Matrix(0, 3, []),
}
DIGITS = 40


def small(x):
    return abs(N(x, DIGITS)) < 1e-30


def numeric(a):
    return Matrix(a).evalf(DIGITS)


def close(a, b):
    """Equal at 40 digits (each side evaluated first: cheaper than simplifying big differences)."""
    a, b = numeric(a), numeric(b)
    return a.shape == b.shape and all(abs(x - y) < 1e-30 for x, y in zip(a, b))


def steps(solution, kind):
    return [step for step in solution.steps if isinstance(step, kind)]


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request):
    A = CASES[request.param]
    return exactsvd.svd(A).matrix, explain(A, rank_one=True)


def test_the_numbers_are_the_cores(case):
    A, solution = case
    result = exactsvd.svd(A)
    assert solution.singular_values == result.singular_values
    assert solution.rank == result.rank
    assert (solution.U, solution.S, solution.V) == tuple(result)
    assert solution.step(SingularValuesStep).sigma == result.S
    assert solution.step(CheckStep).proved is True
    assert solution.matrix == A


def test_gram_and_characteristic_polynomial(case):
    A, solution = case
    m, n = A.shape
    gram = solution.step(GramStep)
    assert gram.gram == ("AtA" if n <= m else "AAt")
    assert gram.matrix == (A.T * A if gram.gram == "AtA" else A * A.T)
    charpoly = solution.step(CharpolyStep)
    assert (charpoly.expanded - gram.matrix.charpoly(charpoly.variable).as_expr()).expand() == 0
    product = 1
    for factor in charpoly.factors:
        product *= factor.polynomial**factor.multiplicity
    assert (product - charpoly.expanded).expand() == 0
    counted = sum(e.multiplicity for e in charpoly.eigenvalues)
    assert counted == gram.matrix.rows
    values = [N(e.value, DIGITS) for e in charpoly.eigenvalues]
    assert values == sorted(values, reverse=True)
    for e in charpoly.eigenvalues:
        assert small(charpoly.expanded.subs(charpoly.variable, e.value))
        assert e.decimal is None if e.value.is_Rational else e.decimal == N(e.value, 15)


def test_singular_values_are_roots_of_the_eigenvalues(case):
    _, solution = case
    step = solution.step(SingularValuesStep)
    assert [s.index for s in step.values] == list(range(1, len(step.values) + 1))
    for s in step.values:
        assert small(s.value**2 - s.eigenvalue)
        assert s.decimal is None if s.value.is_Rational else s.decimal == N(s.value, 15)


def test_null_space_steps_follow_the_hand_method(case):
    A, solution = case
    gram = solution.step(GramStep).matrix
    for step in steps(solution, SpaceStep):
        if step.kind == "eigenspace":
            assert (step.matrix - (gram - step.eigenvalue * eye(gram.rows))).applyfunc(lambda e: e.expand()) == zeros(
                *gram.shape
            )
        else:
            assert step.matrix == (A.T if step.kind == "left kernel" else A)
            assert step.rref == Matrix(step.matrix).rref()[0]
        for b in step.basis:
            assert close(step.matrix * b, zeros(step.matrix.rows, 1))
        if step.rref is not None:
            pivots = Matrix(step.rref.evalf(DIGITS)).rref(iszerofunc=lambda x: abs(x) < 1e-30)[1]
            free = [j for j in range(step.matrix.cols) if j not in pivots]
            assert [[b[f] for f in free] for b in step.basis] == eye(len(free)).tolist()
            for b in step.basis:
                assert close(step.rref * b, zeros(step.rref.rows, 1))
        for k, (b, w) in enumerate(zip(step.basis, step.orthogonal)):
            combination = b - sum((c * step.orthogonal[j] for j, c in enumerate(step.projections[k])), zeros(*b.shape))
            assert close(w, combination)
            assert small(w.dot(w) - step.norms[k]) and small(step.lengths[k] ** 2 - step.norms[k])
            assert all(small(w.dot(x)) for x in step.orthogonal[:k])
        factor = solution.U if step.letter == "u" else solution.V
        for i, w, length, sign, unit in zip(step.indices, step.orthogonal, step.lengths, step.signs, step.units):
            assert unit == factor[:, i - 1]
            assert close(unit, sign * w / length)
            if step.letter == "v" or step.kind != "eigenspace":
                assert N(next(x for x in unit if not small(x)), DIGITS) > 0


def test_partner_vectors(case):
    A, solution = case
    step = solution.step(PartnerStep)
    if step is None:
        assert solution.rank == 0
        return
    source, target = (solution.V, solution.U) if step.letter == "v" else (solution.U, solution.V)
    assert step.matrix == (A if step.letter == "v" else A.T)
    for p in step.vectors:
        assert p.source == source[:, p.index - 1] and p.result == target[:, p.index - 1]
        assert p.value == solution.singular_values[p.index - 1]
        assert close(p.product, step.matrix * p.source)
        assert close(p.result, p.product / p.value)


def test_rank_one_expansion(case):
    A, solution = case
    step = solution.step(RankOneStep)
    assert len(step.terms) == solution.rank
    total = zeros(*A.shape)
    for t in step.terms:
        assert close(t.matrix, t.value * t.u * t.v.T)
        total += t.matrix
    assert close(total, A)


def test_rank_one_terms_of_rational_values_are_exact():
    step = explain(BLOG, rank_one=True).step(RankOneStep)
    assert sum((t.matrix for t in step.terms), zeros(2, 4)) == Matrix([[1, 2, 1, 0], [2, 0, 1, 1]])
    assert explain(BLOG).step(RankOneStep) is None


def test_step_order_and_immutability():
    solution = explain(BLOG)
    kinds = [type(step) for step in solution.steps]
    assert kinds == [
        MatrixStep,
        GramStep,
        CharpolyStep,
        SingularValuesStep,
        SpaceStep,
        SpaceStep,
        PartnerStep,
        SpaceStep,
        FactorsStep,
        CheckStep,
    ]
    with pytest.raises(dataclasses.FrozenInstanceError):
        solution.steps[0].gram = "AtA"
    assert all(isinstance(v, ImmutableMatrix) for v in solution.step(SpaceStep).basis)
    assert repr(solution) == "Solution(2x4, rank=2, singular_values=(3, sqrt(3)), 10 steps)"


@pytest.mark.parametrize("name", ["blog", "tall-quadratic", "repeated", "rank-deficient-4x3", "casus", "zero"])
@pytest.mark.parametrize("gram", ["AtA", "AAt"])
def test_forcing_the_gram_matrix(name, gram):
    A = exactsvd.svd(CASES[name]).matrix
    solution = explain(A, gram=gram)
    result = exactsvd.svd(A)
    assert solution.step(MatrixStep).forced
    assert solution.step(GramStep).matrix == (A.T * A if gram == "AtA" else A * A.T)
    assert solution.singular_values == result.singular_values
    assert solution.S == result.S and solution.U.shape == result.U.shape and solution.V.shape == result.V.shape
    U, S, V = map(numeric, (solution.U, solution.S, solution.V))
    assert close(U.T * U, eye(U.rows)) and close(V.T * V, eye(V.rows)) and close(U * S * V.T, A)
    positive = [s for s in result.singular_values if s != 0]
    if len(set(positive)) == len(positive):  # simple values: the unit vectors are determined, signs by rule 4
        assert close(solution.U, result.U) and close(solution.V, result.V)


def test_gram_of_a_wide_matrix_forced_to_the_bigger_one():
    solution = explain(BLOG, gram="AtA")
    assert solution.step(GramStep).matrix.shape == (4, 4)
    eigenvalues = solution.step(CharpolyStep).eigenvalues
    assert [(e.value, e.multiplicity) for e in eigenvalues] == [(9, 1), (3, 1), (0, 2)]
    assert solution.step(PartnerStep).letter == "v"


def test_bad_arguments():
    with pytest.raises(exactsvd.InvalidArgumentError, match="gram='VtV'"):
        explain(BLOG, gram="VtV")
    with pytest.raises(exactsvd.NotExactError):
        explain([[0.5, 1]])
    assert explain([[0.5, 1]], rationalize=True).matrix == Matrix([[Rational(1, 2), 1]])


def test_casus_irreducibilis_names_its_roots():
    solution = explain(CASUS)
    charpoly = solution.step(CharpolyStep)
    (factor,) = charpoly.factors
    assert (factor.degree, factor.radical) == (3, False)
    assert [r.symbol.name for r in charpoly.roots] == ["lambda_1", "lambda_2", "lambda_3"]
    for r, e in zip(charpoly.roots, charpoly.eigenvalues):
        assert isinstance(r.root, CRootOf) and r.root == e.value and r.decimal == N(r.root, 15)
    eigenspace = solution.step(SpaceStep)
    assert eigenspace.rref is None and all(entry.has(CRootOf) for entry in eigenspace.basis[0])
    text, latex = str(solution), solution.to_latex()
    assert "casus irreducibilis" in text and "casus irreducibilis" in latex
    assert "λ₁ = CRootOf" in text and "s₁ = √λ₁  ≈ 17.4125051668086" in text
    assert latex.count("\\operatorname{CRootOf}") == 3  # defined once each, then called lambda_i
    assert "\\lambda_{1}^{2}" in latex


def test_scaled_multiple_of_a_root_is_named_r():
    solution = explain(Matrix(6, 6, lambda i, j: (i + j + 2) ** 2))
    charpoly = solution.step(CharpolyStep)
    assert [r.symbol.name for r in charpoly.roots] == ["r_1", "r_2", "r_3"]
    assert charpoly.eigenvalues[0].value == 7 * charpoly.roots[0].root
    assert "λ₁ = 7⋅r₁" in str(solution) and "where r₁ = CRootOf" in str(solution)


def test_quartic_roots_in_nested_radicals():
    charpoly = explain(CASES["quartic"]).step(CharpolyStep)
    assert all(not e.value.has(CRootOf) for e in charpoly.eigenvalues)


# ---------------------------------------------------------------- renderers


def test_text_of_the_blog_matrix():
    text = str(explain(BLOG))
    lines = [line.strip() for line in text.splitlines()]
    assert lines[0] == "Worked solution: the singular value decomposition of A (2×4)"
    for expected in [
        "Step 1. The matrix and the choice of Gram matrix",
        "We use the smaller Gram matrix, G = AAᵀ (2×2; AᵀA is 4×4). Its eigenvectors are the left singular",
        "= (λ - 9) · (λ - 3)",
        "λ₁ = 9   (multiplicity 1)",
        "s₁ = √λ₁ = √9 = 3",
        "s₂ = √λ₂ = √3  ≈ 1.73205080756888",
        "c₁ = [1  1]ᵀ",  # it leads to u₁; b₁ would name a vector leading to v₁
        "u₁ = c₁/‖c₁‖ = ──⋅[1  1]ᵀ",
        "Step 7. The right singular vectors vᵢ = Aᵀuᵢ/sᵢ",
        "v₁ = Aᵀu₁/s₁ = Aᵀu₁/3 = ────⋅[3  2  2  1]ᵀ",
        "3⋅√2",
        "Step 8. Completing V: the null space of A",
        "b₃ = ─⋅[-2  -1  4  0]ᵀ,   b₄ = ─⋅[-2  1  0  4]ᵀ",
        "w₄ = b₄ − 1/7·w₃ = ─⋅[-3  2  -1  7]ᵀ",
        "UᵀU = I₂,   VᵀV = I₄,   UΣVᵀ = ⎢          ⎥ = A",
    ]:
        assert expected in lines
    assert str(explain(BLOG)) == explain(BLOG).to_text()


def test_a_product_in_a_denominator_is_parenthesised():
    text = str(explain("[[3,0],[4,5]]"))
    assert "u₁ = Av₁/s₁ = Av₁/(3⋅√5) = " in text and "u₂ = Av₂/s₂ = Av₂/√5 = " in text
    assert "Av₁/3⋅√5" not in text
    denominator = text.split("Av₁/s₁ = Av₁/", 1)[1].split(" = ", 1)[0]
    assert parse_entry(denominator) == 3 * sqrt(5)


def test_markdown():
    solution = explain(BLOG, rank_one=True)
    markdown = solution.to_markdown()
    assert markdown.startswith("# Singular value decomposition of a 2×4 matrix, step by step\n\n## Step 1. ")
    assert "## Step 11. The rank-one expansion" in markdown
    assert markdown.count("$$") % 2 == 0
    assert (
        "$$\ns_{1} &= " not in markdown and "\\begin{aligned} s_{1} &= \\sqrt{\\lambda_{1}} = \\sqrt{9} = 3" in markdown
    )
    assert "\\resizebox" not in markdown
    assert solution._repr_markdown_() == markdown


def test_latex_fragment_and_document():
    solution = explain(BLOG)
    fragment = solution.to_latex()
    assert fragment.startswith("\\subsection*{Step 1. The matrix and the choice of Gram matrix}")
    assert "\\documentclass" not in fragment and fragment.count("\\subsection*{Step") == 10
    document = solution.to_latex(standalone=True)
    assert document.startswith("\\documentclass") and fragment in document and document.endswith("\\end{document}\n")
    assert "\\approx 1.73205080756888" in fragment
    assert solution._repr_latex_() == fragment
    assert fragment.count("{") == fragment.count("}")


def test_wide_matrices_are_broken_into_column_blocks():
    latex = explain(Matrix(6, 6, lambda i, j: (i + j + 2) ** 2)).to_latex()
    assert "Column 1 of $U$:" in latex and "Columns 4 to 6 of $U$:" in latex
    assert "Columns" not in explain(BLOG).to_latex()


def test_svd_result_representations():
    result = exactsvd.svd([[3, 0], [4, 5]])
    latex = svd_result_latex(result)
    assert latex.startswith("$\\displaystyle ") and latex.endswith("^{T}$") and "3 \\sqrt{5}" in latex
    markdown = svd_result_markdown(result)
    assert markdown.startswith(
        "SVD (exact, full form) of a 2×2 matrix of rank 2; singular values $3 \\sqrt{5}$, $\\sqrt{5}$."
    )
    assert markdown.count("$$") == 2


def test_empty_matrix():
    solution = explain([])
    assert solution.singular_values == () and solution.U.shape == (0, 0)
    assert "G is empty: it has no eigenvalues." in str(solution)
    assert "\\subsection*{Step 3." in solution.to_latex()


# ---------------------------------------------------------------- command line and files


@pytest.fixture
def parser():
    parser = argparse.ArgumentParser(prog="exactsvd")
    explain = parser.add_subparsers().add_parser("explain")
    explain_cli.add_arguments(explain)
    explain.set_defaults(run=explain_cli.run)
    return parser


def run(parser, *argv):
    args = parser.parse_args(["explain", *argv])
    return args.run(args)


def test_cli_text_and_markdown(parser, capsys):
    assert run(parser, BLOG) == 0
    assert capsys.readouterr().out == str(explain(BLOG)) + "\n"
    assert run(parser, BLOG, "--markdown", "--gram", "AtA", "--rank-one") == 0
    assert capsys.readouterr().out == explain(BLOG, gram="AtA", rank_one=True).to_markdown()


def test_cli_latex_file(parser, capsys, tmp_path):
    path = tmp_path / "blog.tex"
    assert run(parser, BLOG, "--latex", str(path)) == 0
    assert capsys.readouterr().out == f"wrote {path}\n"
    assert path.read_text(encoding="utf-8") == explain(BLOG).to_latex(standalone=True)
    with pytest.raises(exactsvd.InvalidArgumentError, match="cannot write the file"):
        run(parser, BLOG, "--latex", str(tmp_path / "missing" / "blog.tex"))


def test_cli_bad_matrix(parser):
    with pytest.raises(exactsvd.ExactSVDError):
        run(parser, "[[1, 2], [3]]")


def test_missing_pdflatex_is_named(parser, monkeypatch, tmp_path):
    monkeypatch.setattr(pdf.shutil, "which", lambda name: None)
    with pytest.raises(ToolMissingError, match="pdflatex.*apt-get install texlive-latex-base") as raised:
        run(parser, BLOG, "--pdf", str(tmp_path / "blog.pdf"))
    assert isinstance(raised.value, exactsvd.ExactSVDError)
    assert not (tmp_path / "blog.pdf").exists()


def test_latex_error_quotes_the_log(tmp_path):
    log = tmp_path / "solution.log"
    log.write_text("This is pdfTeX\n! Undefined control sequence.\nl.7 \\foo\n", encoding="utf-8")
    assert pdf._first_error(str(log)) == "Undefined control sequence. (line 7 of the document)"
    assert pdf._first_error(str(tmp_path / "none.log")) == "no log was written"
    assert issubclass(LatexError, exactsvd.ExactSVDError)
