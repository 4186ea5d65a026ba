"""Tests of the problem generator ``exactsvd.generate``: nice matrices, deterministic seeds, exercise sheets."""

import argparse
import os
import shutil
import subprocess

import pytest
from checker import check_generated_problem

import exactsvd
from exactsvd.checking import cli as check_cli
from exactsvd.errors import InvalidArgumentError
from exactsvd.exercises import DIFFICULTIES, exercise_sheet, generate

SHAPES = [(m, n) for m in range(1, 5) for n in range(1, 5)]
#: The shapes of hard problems: square, or tall and wide up to 4×3.
HARD_SHAPES = [(2, 2), (3, 3), (4, 3), (3, 4), (4, 4)]
#: Seeds per difficulty here; bench/generate_guarantees.py checks 200 (hard: about 1.4 s a problem with the checks).
SEEDS = 20


def problem(seed, difficulty):
    """Seed -> (m, n, rank): every shape up to 4×4 and every rank (hard: its shapes, rank 2 or more)."""
    if difficulty == "hard":
        m, n = HARD_SHAPES[seed % len(HARD_SHAPES)]
        return m, n, min(m, n) - (seed // len(HARD_SHAPES)) % (min(m, n) - 1)
    m, n = SHAPES[seed % len(SHAPES)]
    return m, n, min(m, n) - (seed // len(SHAPES)) % (min(m, n) + 1)


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
def test_generated_problems_keep_their_guarantees(difficulty):
    for seed in range(SEEDS):
        m, n, rank = problem(seed, difficulty)
        A = generate(m, n, rank, seed=seed, difficulty=difficulty)
        assert A.shape == (m, n)
        check_generated_problem(A, exactsvd.svd(A), rank, difficulty)


def test_default_problems_need_real_work():
    """The issue's count: over seeds 1-6 the old default gave 30 of 30 problems with orthogonal rows or columns."""
    for seed in range(1, 7):
        for m, n in ((2, 2), (2, 3), (3, 2), (3, 3)):
            A = generate(m, n, seed=seed)
            assert not (A.T * A).is_diagonal() and not (A * A.T).is_diagonal(), (seed, A)


def test_rank_one_problems_have_no_zero_line():
    for seed in range(10):
        A = generate(3, 2, 1, seed=seed)
        assert all(any(A.row(i)) for i in range(3)) and all(any(A.col(j)) for j in range(2)), A


def test_hard_problems_need_rank_two():
    with pytest.raises(InvalidArgumentError, match="rank=1: a hard problem needs rank 2"):
        generate(3, 3, 1, seed=1, difficulty="hard")


def test_a_seed_always_gives_the_same_matrix():
    assert generate(3, 3, seed=5, difficulty="medium") == generate(3, 3, seed=5, difficulty="medium")
    assert len({generate(3, 2, seed=seed) for seed in range(10)}) > 5


def test_medium_problems_have_square_roots():
    values = [s for seed in range(12) for s in exactsvd.singular_values(generate(2, 2, seed=seed, difficulty="medium"))]
    assert any(not s.is_Rational for s in values)


@pytest.mark.parametrize(
    "args, message",
    [
        ((0, 2), "m=0 must be an integer from 1 to 6"),
        ((12, 12), "m=12 must be an integer from 1 to 6"),
        ((2, "3"), "n='3' must be an integer from 1 to 6"),
        ((2, 3, 3), "rank=3 must be an integer from 0 to min(m, n) = 2"),
    ],
)
def test_bad_arguments(args, message):
    with pytest.raises(InvalidArgumentError, match=message.replace("(", r"\(").replace(")", r"\)")):
        generate(*args)
    with pytest.raises(InvalidArgumentError, match="difficulty='expert'"):
        generate(2, 2, difficulty="expert")


def test_the_exercise_sheet_and_the_answer_key():
    results = [exactsvd.svd(generate(2, 2, seed=seed)) for seed in range(3)]
    sheet, key = exercise_sheet(results, title="Week 3")
    assert sheet.count(r"\item $A = ") == 3 and "Week 3" in sheet and sheet.endswith("\\end{document}\n")
    assert key.count(r"\subsection*{Exercise") == 3 and r"\sigma_{1} = " in key and r"\Sigma = " in key
    worked, _ = exercise_sheet(results, solutions=["WORKED-1", "WORKED-2", "WORKED-3"])[1], None
    assert "WORKED-2" in worked and r"\Sigma = " not in worked


def run_generate(*argv):
    parser = argparse.ArgumentParser()
    check_cli.add_generate_arguments(parser)
    return check_cli.run_generate(parser.parse_args(list(argv)))


def test_the_generate_command_prints_matrices(capsys):
    assert run_generate("--count", "3", "--seed", "2", "--shape", "2x3", "--rank", "1") == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(".")[0] for line in lines] == ["1", "2", "3"]
    assert all(exactsvd.svd(line.split(". ", 1)[1]).rank == 1 for line in lines)
    assert run_generate("--count", "3", "--seed", "2", "--shape", "2x3", "--rank", "1") == 0
    assert capsys.readouterr().out.splitlines() == lines


def test_the_generate_command_writes_a_sheet_and_two_keys(tmp_path, capsys):
    sheet = tmp_path / "sheet.tex"
    assert run_generate("--count", "2", "--seed", "1", "--latex", str(sheet)) == 0
    answers, key = tmp_path / "sheet-answers.tex", tmp_path / "sheet-key.tex"
    assert capsys.readouterr().out == (
        f"wrote {sheet} (2 exercises), {answers} (answers), {key} (worked solutions)\n"
    )
    assert "Step 1" in key.read_text() and key.read_text().count(r"\section*{Exercise") == 2
    assert "Step 1" not in answers.read_text() and answers.read_text().count(r"\subsection*{Exercise") == 2
    assert run_generate("--count", "2", "--seed", "1", "--latex", str(sheet), "--key", str(tmp_path / "k.tex"),
                        "--answers-only") == 0
    assert "Step 1" not in (tmp_path / "k.tex").read_text()
    assert "letterpaper" in (tmp_path / "k.tex").read_text() if run_generate(
        "--count", "1", "--latex", str(sheet), "--key", str(tmp_path / "k.tex"), "--answers-only", "--paper", "letter"
    ) == 0 else False


def test_the_generate_command_writes_pdfs(tmp_path, capsys):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed") if not os.environ.get("CI") else pytest.fail("pdflatex missing in CI")
    assert run_generate("--count", "2", "--seed", "3", "--pdf", str(tmp_path / "week.pdf"), "--answers-only") == 0
    assert (tmp_path / "week.pdf").read_bytes().startswith(b"%PDF-")
    assert (tmp_path / "week-answers.pdf").read_bytes().startswith(b"%PDF-")
    assert not (tmp_path / "week-key.pdf").exists()


def test_the_sheet_and_the_key_compile(tmp_path):
    if shutil.which("pdflatex") is None:
        pytest.skip("pdflatex is not installed") if not os.environ.get("CI") else pytest.fail("pdflatex missing in CI")
    results = [exactsvd.svd(generate(m, n, seed=seed, difficulty="medium")) for seed, (m, n) in enumerate(SHAPES[5:9])]
    for name, text in zip(("sheet", "key"), exercise_sheet(results)):
        (tmp_path / f"{name}.tex").write_text(text)
        done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout[-2000:]
