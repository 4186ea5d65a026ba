"""exactsvd.check of answers for matrices with parameters: identities of rational functions, witnesses for wrong ones."""

import json

import pytest
from sympy import Matrix

import exactsvd
from exactsvd import cli
from symbolic_cases import CASES, matrix

DIAGONAL = "[[x, 0], [0, -5]]"


def _plain(case):
    return "complex" not in case.symbols and "sin" not in case.text and "cos" not in case.text


#: Cases whose generic answer has the absolute value of a formula with square roots, which check does not read.
NESTED_ABS = ("symmetric-rank-drop",)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name) for c in CASES if _plain(c)])
def test_the_generic_answer_is_valid(case):
    A = matrix(case)
    U, S, V = exactsvd.svd(A)
    if case.name in NESTED_ABS:
        with pytest.raises(exactsvd.UnsupportedEntryError, match="absolute value of a formula with square roots"):
            exactsvd.check(A, U, S, V)
        return
    report = exactsvd.check(A, U, S, V)
    assert report.ok and report.verdict == "valid", str(report)
    assert str(report).startswith("a valid SVD of A, proved as identities of rational functions")


def test_most_cases_are_checked():
    assert len([c for c in CASES if _plain(c) and c.name not in NESTED_ABS]) >= 25


def test_an_answer_as_text_and_as_the_json_record(capsys):
    report = exactsvd.check(DIAGONAL, "[[0, abs(x)/x], [-1, 0]]", ["5", "abs(x)"], "[[0, 1], [1, 0]]", symbols="x")
    assert report.ok and "x ≠ 0" in str(report)
    assert cli.main(["svd", "--symbols", "x", DIAGONAL, "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert exactsvd.check(DIAGONAL, record["U"], record["S"], record["V"], symbols="x").ok


def test_wrong_answers_get_a_witness():
    flipped = exactsvd.check(DIAGONAL, "[[0, -abs(x)/x], [-1, 0]]", ["5", "abs(x)"], "[[0, 1], [1, 0]]", symbols="x")
    assert flipped.verdict == "wrong" and not flipped
    assert any(p.startswith("U S V^T = A fails at entry (1, 1): at x = ") and p.endswith(", not 0")
               for p in flipped.problems), flipped.problems
    ascending = exactsvd.check(DIAGONAL, "[[abs(x)/x, 0], [0, -1]]", ["abs(x)", "5"], "[[1, 0], [0, 1]]", symbols="x")
    assert ascending.verdict == "wrong" and any("singular value 1 is not 5" in p for p in ascending.problems)
    unnormalised = exactsvd.check("[[1, x], [x, 1]]", *(Matrix(M) * 2 if k != 1 else M
                                                         for k, M in enumerate(exactsvd.svd("[[1, x], [x, 1]]", symbols="x"))),
                                  symbols="x")
    assert unnormalised.verdict == "wrong" and any("U^T U = I fails" in p for p in unnormalised.problems)


def test_refusals():
    with pytest.raises(exactsvd.InvalidArgumentError, match="tol="):
        exactsvd.check(DIAGONAL, "[[0, 1], [-1, 0]]", ["5", "1"], "[[0, 1], [1, 0]]", symbols="x", tol="0.01")
    with pytest.raises(exactsvd.InvalidMatrixError, match="shapes"):
        exactsvd.check(DIAGONAL, "[[0, 1]]", ["5", "1"], "[[0, 1], [1, 0]]", symbols="x")
    with pytest.raises(exactsvd.UnsupportedEntryError, match="not a rational function"):
        exactsvd.check(DIAGONAL, "[[0, 1], [-1, 0]]", ["5", "abs(x)"], [["sqrt(sqrt(x))", 1], [1, 0]], symbols="x")
    with pytest.raises(exactsvd.UnsupportedEntryError, match="sin/cos"):
        exactsvd.check("[[cos(t), -sin(t)], [sin(t), cos(t)]]", "[[1, 0], [0, 1]]", ["1", "1"], "[[1, 0], [0, 1]]",
                       symbols="t")
