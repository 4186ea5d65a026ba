"""Worked solutions of matrices with parameters: the steps from the core's decomposition, and every rendering."""

import os
import shutil
import subprocess

import pytest
import sympy
from sympy import ImmutableMatrix, Symbol

import exactsvd
from exactsvd import cli
from exactsvd.solutions.parametric import (
    CompletionStep,
    ConditionsStep,
    EigenvectorsStep,
    ParametricCharpolyStep,
    ParametricSolution,
)
from exactsvd.solutions.steps import FactorsStep, GramStep, SingularValuesStep
from symbolic_cases import CASES, matrix

x = Symbol("x", real=True)
DIAGONAL = "[[x, 0], [0, -5]]"
THREE = "[[0, 1, 0], [0, x, 0], [-1, 0, 0]]"


def test_the_steps_are_the_core_answer():
    solution = exactsvd.explain(THREE, symbols="x")
    r = exactsvd.svd(THREE, symbols="x")
    assert isinstance(solution, ParametricSolution)
    assert (solution.U, solution.S, solution.V) == tuple(ImmutableMatrix(M) for M in r)
    assert solution.singular_values == r.singular_values and solution.rank == r.rank == 2
    A = solution.matrix
    assert solution.step(GramStep).matrix == ImmutableMatrix((A.T * A).applyfunc(sympy.expand))
    charpoly = solution.step(ParametricCharpolyStep)
    product = sympy.Mul(*(f**k for f, k in charpoly.factors))
    assert sympy.expand(product - charpoly.expanded) == 0
    assert sympy.expand(charpoly.expanded - (A.T * A).charpoly(charpoly.variable).as_expr()) == 0
    G = solution.step(GramStep).matrix
    for i, eigenvalue, w, norm, unit in solution.step(EigenvectorsStep).vectors:
        assert (G * w - eigenvalue * w).applyfunc(sympy.cancel) == sympy.zeros(3, 1), f"G w{i} != lambda w{i}"
        assert sympy.cancel((w.T * w)[0] - norm) == 0
        assert unit == r.V[:, i - 1]
    left, right = [s for s in solution.steps if isinstance(s, CompletionStep)]
    assert (left.letter, left.columns) == ("u", ((3, r.U[:, 2]),))
    assert (right.letter, right.columns) == ("v", ((3, r.V[:, 2]),))
    assert solution.step(ConditionsStep).conditions == r.conditions == ()


def test_text_states_the_conditions():
    text = str(exactsvd.explain(DIAGONAL, symbols="x"))
    assert text.startswith("Worked solution: the generic singular value decomposition of A (2×2) with parameters")
    assert "Step 2. The parameters" in text and "x (real)" in text
    tail = text[text.index("Where the answer holds"):]
    assert "  x ≠ 0" in tail and "-(x - 5)*(x + 5) ≥ 0" in tail and "Proved exactly" in tail
    assert max(map(len, text.splitlines())) <= 102


def test_markdown_and_html_carry_the_same_steps():
    solution = exactsvd.explain(DIAGONAL, symbols="x")
    markdown = solution.to_markdown()
    assert markdown.count("\n## Step ") == len(solution.steps)
    assert "x &\\neq 0" in markdown
    page = solution.to_html()
    assert page.count("<section>") == len(solution.steps) and "<merror" not in page
    assert "Where the answer holds" in page


def test_the_latex_document_compiles_and_reads(tmp_path):
    missing = [p for p in ("pdflatex", "pdftotext") if shutil.which(p) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"{', '.join(missing)} missing in CI")
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install texlive-latex-base poppler-utils)")
    solution = exactsvd.explain("[[1, a], [0, 1]]", symbols="a")
    solution.to_pdf(tmp_path / "shear.pdf")
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "shear.pdf"), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "Step 2. The parameters" in text and "Where the answer holds" in text
    assert "a ̸= 0" in text or "a ≠ 0" in text or "a = 0" in text.replace("̸", "")


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES if "complex" not in c.symbols])
def test_every_corpus_case_explains(case):
    solution = exactsvd.explain(matrix(case))
    r = exactsvd.svd(matrix(case))
    assert solution.singular_values == r.singular_values
    assert solution.step(FactorsStep).U == ImmutableMatrix(r.U)
    assert len(solution.step(SingularValuesStep).values) == min(r.matrix.shape)
    assert "Where the answer holds" in str(solution) and "Where the answer holds" in solution.to_latex()


def test_refusals():
    with pytest.raises(exactsvd.InvalidArgumentError, match="smaller Gram matrix"):
        exactsvd.explain("[[x, 1, 0]]", symbols="x", gram="AtA")
    with pytest.raises(exactsvd.InvalidArgumentError, match="rank_one"):
        exactsvd.explain(DIAGONAL, symbols="x", rank_one=True)
    with pytest.raises(exactsvd.UnsupportedEntryError, match="complex parameters"):
        exactsvd.explain("[[z, 1]]", symbols="z:complex")
    with pytest.raises(exactsvd.UnsupportedEntryError, match="symbols='x'"):
        exactsvd.explain(DIAGONAL)


def test_command_line(capsys, tmp_path):
    assert cli.main(["explain", "--symbols", "x", DIAGONAL, "--markdown"]) == 0
    out, err = capsys.readouterr()
    assert err == "" and out.startswith("# Singular value decomposition of a 2×2 matrix") and "x &\\neq 0" in out
    assert cli.main(["explain", DIAGONAL]) == 2
    assert "--symbols x" in capsys.readouterr().err
