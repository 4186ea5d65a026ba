"""The command line for matrices with parameters: ``exactsvd svd --symbols ...`` as text, JSON and LaTeX."""

import json
import os
from pathlib import Path

import pytest
from sympy import Abs, Matrix, Symbol, sqrt

from exactsvd import cli
from exactsvd.input import parse_entry
from exactsvd.input.symbols import declare_symbols

SCHEMA = Path(__file__).resolve().parents[1] / "docs" / "svd-result.schema.json"
x = Symbol("x", real=True)


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_text_states_the_parameters_the_answer_and_the_conditions(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run(capsys, "svd", "--symbols", "x", "[[x, 0], [0, -5]]")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "A (2×2) in the parameter x (real) ="
    assert ["  σ1 = 5", "  σ2 = abs(x)", "generic rank: 2"] == lines[lines.index("singular values (generic):") + 1 :][:3]
    assert "[[ 0, abs(x)/x]," in lines  # U as matrix text
    conditions = lines[lines.index("valid where all of these hold:") + 1 :]
    assert conditions[:2] == ["  x ≠ 0", "  -(x - 5)*(x + 5) ≥ 0"]
    assert lines[-1].startswith("verified: U^T U = I, V^T V = I, U S V^T = A as identities of rational functions of x")
    assert all(len(line) <= 80 or line.startswith("verified") for line in lines)


def test_the_svd_command_is_implied_and_assumptions_are_shown(capsys):
    code, out, err = run(capsys, "[[x + 1, 0], [0, 2x + 1]]", "--symbols", "x:positive")
    assert (code, err) == (0, "")
    assert "A (2×2) in the parameter x (positive) =" in out
    assert "  σ1 = 2*x + 1" in out and "  σ2 = x + 1" in out
    assert "valid for every value of x (positive)." in out


def test_wide_factors_are_listed_column_by_column_never_cut(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, err = run(capsys, "svd", "[[1, a], [0, 1]]", "--symbols", "a")
    assert (code, err) == (0, "")
    assert "U (2×2), column by column:" in out and "..." not in out
    assert all(len(line) <= 60 for line in out.splitlines() if not line.startswith("verified"))


def test_json_record_follows_the_schema_and_reads_back(capsys):
    if os.environ.get("CI"):
        import jsonschema
    else:
        jsonschema = pytest.importorskip("jsonschema", reason="jsonschema comes with the test extra")
    code, out, err = run(capsys, "svd", "[[0, 1, 0], [0, x, 0], [-1, 0, 0]]", "--symbols", "x", "--json")
    assert (code, err) == (0, "")
    record = json.loads(out)
    jsonschema.validate(record, json.loads(SCHEMA.read_text()))
    assert record["symbols"] == [{"name": "x", "assumptions": ["real"]}]
    assert record["conditions"] == [] and record["rank"] == 2 and "decimals" not in record
    declared = declare_symbols(":".join([s["name"], *s["assumptions"]]) for s in record["symbols"])
    U = Matrix([[parse_entry(e, symbols=declared) for e in row] for row in record["U"]])
    assert U[:, 0] == Matrix([1, x, 0]) / sqrt(x**2 + 1)
    assert [parse_entry(s, symbols=declared) for s in record["singular_values"]] == [sqrt(x**2 + 1), 1, 0]
    broken = {key: value for key, value in record.items() if key != "conditions"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, json.loads(SCHEMA.read_text()))


def test_json_conditions_and_abs_read_back(capsys):
    code, out, _ = run(capsys, "svd", "[[x, 0], [0, -5]]", "--symbols", "x", "--json", "--no-verify")
    record = json.loads(out)
    assert record["verified"] is None
    assert record["conditions"][0] == {"expression": "x", "relation": "!="}
    assert parse_entry(record["U"][0][1], symbols={"x": x}) == Abs(x) / x


def test_latex_has_the_conditions(capsys):
    code, out, err = run(capsys, "svd", "[[x, 0], [0, -5]]", "--symbols", "x", "--latex")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("U = ") and lines[2].startswith("V = ")
    assert lines[3] == r"\text{valid where } x \neq 0,\quad - \left(x - 5\right) \left(x + 5\right) \geq 0"
    assert lines[4].startswith("% verified")


def test_undeclared_names_and_bad_declarations_exit_2(capsys):
    code, out, err = run(capsys, "svd", "[[1, a], [0, 1]]")
    assert code == 2 and out == ""
    assert "free symbol a" in err and "--symbols a" in err and "Traceback" not in err
    code, out, err = run(capsys, "svd", "[[1, a], [0, 1]]", "--symbols", "a:big")
    assert code == 2 and "argument --symbols: 'big' (for a) is not an assumption" in err
    code, out, err = run(capsys, "svd", "[[1]]", "--symbols", "i")
    assert code == 2 and "'i' cannot be a parameter" in err


def test_symbols_on_a_matrix_without_them_is_the_usual_answer(capsys):
    plain = run(capsys, "svd", "[[3, 0], [4, 5]]")
    assert run(capsys, "svd", "[[3, 0], [4, 5]]", "--symbols", "x") == plain
