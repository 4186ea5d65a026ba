"""Tests of problem banks (``exactsvd.checking.bank``) and of the ``check`` and ``check-bank`` commands.

``tests/data/problem_bank.json`` holds textbook problems with their published
answers, transcribed from well-known books, and constructed errata of the
kinds seen in published keys (labelled ``"expect": "wrong"``); the bank
itself says which verdict each problem must get.
"""

import json
from pathlib import Path

import pytest

from exactsvd.checking import bank
from exactsvd.cli import main
from exactsvd.errors import ExactSVDError, InvalidArgumentError

BANK = Path(__file__).parent / "data" / "problem_bank.json"
PROBLEMS = bank.load_bank(BANK)
RESULTS = {r.id: r for r in bank.run_bank(PROBLEMS, jobs=1)}


def run(*argv):
    """Run the command line on *argv*; return its exit code."""
    return main(list(argv))


def test_the_bank_has_at_least_thirty_textbook_problems_with_answers():
    assert len(PROBLEMS) >= 30
    assert sum(1 for p in PROBLEMS if "answer" in p and p.get("expect", "ok") == "ok") >= 25
    assert sum(1 for p in PROBLEMS if p.get("expect") == "wrong") >= 8


@pytest.mark.parametrize("problem", PROBLEMS, ids=[p["id"] for p in PROBLEMS])
def test_every_verdict_is_the_expected_one(problem):
    result = RESULTS[problem["id"]]
    assert result.verdict == problem.get("expect", "ok"), result.problems
    assert not result.failed and bool(result.problems) == (result.verdict == "wrong")


@pytest.mark.parametrize(
    "problem_id, sentence",
    [
        ("erratum-ascending", "the singular values are listed in ascending order"),
        ("erratum-sign", "the signs of u2 and v2 do not fit together"),
        ("erratum-v-transposed", "V is given transposed"),
        ("erratum-swapped", "U and V are swapped"),
        ("erratum-gram", "s1 = 5 is not a singular value of A: A has 3*sqrt(5)"),
        ("erratum-unnormalised", "column 1 of V has length sqrt(2)"),
        ("erratum-values-ascending", "the singular values are listed in ascending order"),
        ("erratum-values-wrong", "s1 = 3 is not a singular value of A: A has sqrt(3)"),
        ("erratum-negative", "s1 = -2 is negative"),
        ("erratum-decimal-without-tol", "entries such as 0.316 look like rounded decimals"),
    ],
)
def test_each_erratum_is_diagnosed(problem_id, sentence):
    assert any(p.startswith(sentence) for p in RESULTS[problem_id].problems), RESULTS[problem_id].problems


def test_check_bank_runs_in_parallel_and_prints_the_table(capsys):
    assert run("check-bank", str(BANK), "--jobs", "2") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["id", "verdict", "problems"]
    assert lines[-1] == f"{len(PROBLEMS)} problems: {len(PROBLEMS)} as expected, 0 not as expected"
    assert any(line.split()[:2] == ["erratum-swapped", "wrong"] for line in lines)


def test_check_bank_exits_with_1_when_a_verdict_is_unexpected(tmp_path, capsys):
    problems = [dict(p) for p in json.loads(BANK.read_text())["problems"][:3]]
    problems[1]["answer"]["S"] = ["1", "2"]
    (tmp_path / "bank.json").write_text(json.dumps(problems))
    assert run("check-bank", str(tmp_path / "bank.json"), "--jobs", "1") == 1
    out = capsys.readouterr().out
    assert f"{problems[1]['id']}  wrong (expected ok)" in out
    assert out.rstrip().endswith("2 as expected, 1 not as expected")


def test_problems_without_an_answer_are_solved_and_bad_problems_are_errors():
    solved = bank.run_problem({"id": "s", "matrix": "3 0; 4 5"})
    assert (solved.verdict, solved.failed) == ("solved", False)
    assert solved.problems == ("singular values 3*sqrt(5), sqrt(5)",)
    broken = bank.run_problem({"id": "b", "matrix": "1 2; 3", "answer": {"U": [[1]], "S": [1], "V": [[1]]}})
    assert broken.verdict == "error" and broken.failed and broken.problems[0].startswith("b: matrix: row 2 has 1 entry")
    assert bank.run_problem({"id": "c", "matrix": "1", "answer": {"U": [[1]]}}).problems[0].startswith(
        'c: "answer" must hold "U", "S" and "V" (or "Vt" / "Vh"')


@pytest.mark.parametrize(
    "content, message",
    [
        ("{", "the problem bank is not valid UTF-8 JSON"),
        ('{"problems": 3}', 'expected {"problems": [...]} or a list of problems'),
        ('[{"id": "a"}]', 'problem 1 needs an "id" and a "matrix"'),
        ('[{"id": "a", "matrix": "1", "answr": 1}]', "problem 1 (a) has unknown keys ['answr']"),
        ('[{"id": "a", "matrix": "1", "expect": "right"}]', "\"expect\" must be one of ('ok', 'wrong')"),
        ('[{"id": "a", "matrix": "1"}, {"id": "a", "matrix": "2"}]', "problem 2: the id 'a' is used twice"),
    ],
)
def test_bank_format_errors_name_the_file_and_the_problem(tmp_path, content, message):
    path = tmp_path / "bank.json"
    path.write_text(content)
    with pytest.raises(InvalidArgumentError) as error:
        bank.load_bank(path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)


def test_the_check_command(tmp_path, capsys):
    answer = tmp_path / "answer.json"
    U = [["1/sqrt(10)", "-3/sqrt(10)"], ["3/sqrt(10)", "1/sqrt(10)"]]
    V = [["1/sqrt(2)", "-1/sqrt(2)"], ["1/sqrt(2)", "1/sqrt(2)"]]
    answer.write_text(json.dumps({"U": U, "S": ["3*sqrt(5)", "sqrt(5)"], "V": V}))
    assert run("check", "3 0; 4 5", "--answer", str(answer)) == 0
    read, verdict = capsys.readouterr().out.splitlines()
    assert read == f'read "U", "S", "V" from {answer}' and verdict.startswith("a valid SVD of A (full form)")
    assert run("check", "3 0; 4 -5", "--answer", str(answer)) == 1
    out = capsys.readouterr().out.splitlines()[1:]
    assert out[0] == "not a valid SVD of A (full form):" and all(line.startswith("- ") for line in out[1:])
    rounded = tmp_path / "rounded.json"
    rounded.write_text('{"U": [[0.316, -0.949], [0.949, 0.316]], "S": [6.708, 2.236], '
                       '"V": [[0.707, -0.707], [0.707, 0.707]]}')
    assert run("check", "3 0; 4 5", "--answer", str(rounded)) == 1
    assert run("check", "3 0; 4 5", "--answer", str(rounded), "--tol", "1e-2") == 0
    assert "agrees to 3 digits" in capsys.readouterr().out


def test_check_command_errors(tmp_path, capsys):
    answer = tmp_path / "answer.json"
    answer.write_text('{"U": [[1]], "S": [1]}')
    cases = [
        (answer, '{"U": [[1]], "S": [1]}', 'the answer has no "V": give "V": a list of rows'),
        (tmp_path / "missing.json", None, "cannot read the answer"),
        (answer, '{"U": [[1]], "S": [1], "V": [["x"]]}', "V, row 1, column 1"),
    ]
    for path, text, message in cases:
        if text is not None:
            path.write_text(text)
        assert run("check", "1", "--answer", str(path)) == 2
        err = capsys.readouterr().err
        assert err.startswith("exactsvd: error:") and message in err
