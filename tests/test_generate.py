"""Tests of the problem generator ``exactsvd.generate``: nice matrices, deterministic seeds, exercise sheets."""

import argparse
import shutil
import subprocess

import pytest

import exactsvd
from exactsvd.check import cli as check_cli
from exactsvd.errors import InvalidArgumentError
from exactsvd.generate import exercise_sheet, generate

SHAPES = [(m, n) for m in range(1, 5) for n in range(1, 5)]


def case(seed):
    """Seed -> (m, n, rank, difficulty): every shape up to 4×4, every rank, both difficulties."""
    m, n = SHAPES[seed % len(SHAPES)]
    rank = min(m, n) - (seed // len(SHAPES)) % (min(m, n) + 1)
    return m, n, rank, ("easy", "medium")[seed % 2]


def test_two_hundred_seeds_give_small_entries_and_exactly_verified_nice_svds():
    for seed in range(200):
        m, n, rank, difficulty = case(seed)
        A = generate(m, n, rank, seed=seed, difficulty=difficulty)
        assert A.shape == (m, n) and all(a.is_Integer and abs(a) <= 99 for a in A), (seed, A)
        r = exactsvd.svd(A)
        assert r.verify() and r.rank == rank, (seed, A)
        values = r.singular_values[:rank]
        assert all((s**2).is_Rational for s in values) and len(set(values)) == rank, (seed, A, values)
        if difficulty == "easy":
            assert all(s.is_Integer for s in values), (seed, A, values)
            assert all(x.is_Rational for M in (r.U, r.V) for x in M[:, :rank]), (seed, A)


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
    with pytest.raises(InvalidArgumentError, match="difficulty='hard'"):
        generate(2, 2, difficulty="hard")


def test_the_exercise_sheet_and_the_answer_key():
    results = [exactsvd.svd(generate(2, 2, seed=seed)) for seed in range(3)]
    sheet, key = exercise_sheet(results, title="Week 3")
    assert sheet.count(r"\item $A = ") == 3 and "Week 3" in sheet and sheet.endswith("\\end{document}\n")
    assert key.count(r"\section*{Exercise") == 3 and r"\sigma_{1} = " in key and r"\Sigma = " in key
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


def test_the_generate_command_writes_a_sheet_and_a_key_with_worked_solutions(tmp_path, capsys):
    sheet = tmp_path / "sheet.tex"
    assert run_generate("--count", "2", "--seed", "1", "--latex", str(sheet)) == 0
    assert capsys.readouterr().out == f"wrote {sheet} (2 exercises) and {tmp_path / 'sheet-key.tex'} (answer key)\n"
    key = (tmp_path / "sheet-key.tex").read_text()
    assert "Step 1" in key and key.count(r"\section*{Exercise") == 2
    assert run_generate("--count", "2", "--seed", "1", "--latex", str(sheet), "--key", str(tmp_path / "k.tex"),
                        "--answers-only") == 0
    assert "Step 1" not in (tmp_path / "k.tex").read_text()


@pytest.mark.skipif(shutil.which("pdflatex") is None, reason="pdflatex is not installed")
def test_the_sheet_and_the_key_compile(tmp_path):
    results = [exactsvd.svd(generate(m, n, seed=seed, difficulty="medium")) for seed, (m, n) in enumerate(SHAPES[5:9])]
    for name, text in zip(("sheet", "key"), exercise_sheet(results)):
        (tmp_path / f"{name}.tex").write_text(text)
        done = subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", f"{name}.tex"],
                              cwd=tmp_path, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout[-2000:]
