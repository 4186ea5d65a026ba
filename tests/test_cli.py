"""Tests of the command line: exactsvd.cli (``exactsvd`` and ``python -m exactsvd``)."""

import io
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import sympy
from sympy import Matrix, eye, sqrt

import exactsvd
from exactsvd import cli
from exactsvd.input import parse_entry

BLOG = "[[1,2,1,0],[2,0,1,1]]"
BLOG_MATRIX = Matrix([[1, 2, 1, 0], [2, 0, 1, 1]])
RANK_ONE = "[[1, -1], [-2, 2], [2, -2]]"
REPO = Path(__file__).resolve().parents[1]


def run(capsys, *argv):
    """Run ``main(argv)`` in-process; return (exit code, stdout, stderr)."""
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv):
    code, out, err = run(capsys, *argv, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


def as_matrix(rows):
    return Matrix([[parse_entry(entry) for entry in row] for row in rows])


# ---------------------------------------------------------------- output


def test_text_output_of_the_blog_matrix(capsys):
    code, out, err = run(capsys, "svd", BLOG)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "A (2×4) ="
    assert "  σ1 = 3" in lines
    assert "  σ2 = √3 ≈ 1.7320508" in lines
    assert "rank: 2" in lines
    for header in ("U (2×2) =", "S (2×4) =", "V (4×4) ="):
        assert header in lines
    assert "[[3,  0, 0, 0]," in lines  # S, as matrix text that reads back
    assert lines[-1] == cli.VERIFIED == "verified: U^T U = I, V^T V = I, U S V^T = A (exact)"


def test_no_verify_skips_the_proof(capsys, monkeypatch):
    monkeypatch.setattr(exactsvd.SVDResult, "verify", lambda self: pytest.fail("verify was called"))
    code, out, _ = run(capsys, BLOG, "--no-verify")
    assert code == 0 and "verified" not in out and out.rstrip().endswith("]]")
    assert run_json(capsys, BLOG, "--no-verify")["verified"] is None


def test_zero_singular_values_are_listed(capsys):
    code, out, _ = run(capsys, RANK_ONE)
    assert code == 0
    assert "  σ1 = 3√2 ≈ 4.2426407\n" in out and "  σ2 = 0\n" in out


def test_empty_matrix(capsys):
    code, out, _ = run(capsys, "[[], []]")
    assert code == 0 and "A (2×0) =" in out and "(none)" in out and "rank: 0" in out
    data = run_json(capsys, "[[], []]")
    assert data["shape"] == [2, 0] and data["U"] == [["1", "0"], ["0", "1"]] and data["S"] == [[], []]


def test_json_round_trip(capsys):
    data = run_json(capsys, BLOG)
    assert set(data) == {
        "format", "version", "method", "shape", "form", "rank", "matrix", "singular_values", "U", "S", "V",
        "decimals", "verified",
    }
    assert data["shape"] == [2, 4] and data["form"] == "full" and data["rank"] == 2 and data["verified"] is True
    assert (data["format"], data["version"], data["method"]) == ("exactsvd.svd", 1, "exact")
    assert [parse_entry(s) for s in data["singular_values"]] == [3, sqrt(3)]
    assert "sqrt(2)/2" in data["U"][0]
    U, S, V = (as_matrix(data[name]) for name in "USV")
    assert (U * S * V.T).applyfunc(sympy.expand) == BLOG_MATRIX
    assert (U.T * U).applyfunc(sympy.expand) == eye(2)
    assert (V.T * V).applyfunc(sympy.expand) == eye(4)
    assert [U, S, V] == list(exactsvd.svd(BLOG))


@pytest.mark.parametrize(
    "matrix, form, shapes",
    [
        (BLOG, "full", [(2, 2), (2, 4), (4, 4)]),
        (BLOG, "thin", [(2, 2), (2, 2), (4, 2)]),
        (BLOG, "compact", [(2, 2), (2, 2), (4, 2)]),
        (RANK_ONE, "full", [(3, 3), (3, 2), (2, 2)]),
        (RANK_ONE, "thin", [(3, 2), (2, 2), (2, 2)]),
        (RANK_ONE, "compact", [(3, 1), (1, 1), (2, 1)]),
    ],
)
def test_json_shapes_of_the_forms(capsys, matrix, form, shapes):
    data = run_json(capsys, matrix, "--form", form)
    assert data["form"] == form
    assert [as_matrix(data[name]).shape for name in "USV"] == shapes


def test_latex(capsys):
    code, out, _ = run(capsys, BLOG, "--latex")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    half = r"\frac{\sqrt{2}}{2}"
    assert lines[0] == rf"U = \left[\begin{{matrix}}{half} & - {half}\\{half} & {half}\end{{matrix}}\right]"
    assert lines[1].startswith(r"S = \left[\begin{matrix}3 & 0 & 0 & 0\\0 & \sqrt{3} & 0 & 0")
    assert lines[2].startswith(r"V = \left[")
    assert lines[3] == "% " + cli.VERIFIED


def test_very_long_integers_print(capsys, tmp_path):
    big = "1" + "0" * 5000  # beyond Python's default limit of 4300 digits for str(int)
    path = tmp_path / "big.json"
    path.write_text(f"[[{big}, 0], [0, 1]]")
    limit = sys.get_int_max_str_digits()
    data = run_json(capsys, f"@{path}")
    assert sys.get_int_max_str_digits() == limit  # restored after main
    assert data["singular_values"] == [big, "1"] and data["S"] == [[big, "0"], ["0", "1"]]


# ---------------------------------------------------------------- shorthand, usage


@pytest.mark.parametrize("options", [[], ["--json"], ["--form", "thin", "--latex"]])
def test_shorthand_means_svd(capsys, options):
    assert run(capsys, BLOG, *options) == run(capsys, "svd", BLOG, *options)


def test_shorthand_with_a_negative_first_entry(capsys):
    assert run_json(capsys, "-3 0; 0 1")["singular_values"] == ["3", "1"]


def test_help_and_version(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "svd" in out and "short for 'exactsvd svd MATRIX" in out
    assert all(f" {status} " in " ".join(out.split()) for status in (0, 1, 2, 3, 130, 141))  # every exit code
    code, out, _ = run(capsys, "svd", "--help")
    assert code == 0 and "--form" in out and "@FILE" in out
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"exactsvd {exactsvd.__version__}\n")


@pytest.mark.parametrize(
    "argv", [[], ["svd"], [BLOG, "--form", "wide"], [BLOG, "--json", "--latex"], [BLOG, "extra"]]
)
def test_usage_errors_exit_2(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and "usage: exactsvd" in err and "Traceback" not in err


def test_ctrl_c_exits_130_with_one_line(capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "svd", interrupted)
    assert run(capsys, BLOG) == (130, "", "exactsvd: interrupted\n")


# ---------------------------------------------------------------- files and standard input


@pytest.mark.parametrize(
    "name, text",
    [
        ("a.json", '[[1, 2, 1, 0], ["2", 0.0, "1/1", 1e0]]'),
        ("a.JSON", "[[1, 2, 1, 0], [2, 0, 1, 1]]"),
        ("a.csv", '\ufeff1, 2, 1, 0\r\n\r\n"2",0,1/1, 1.0\r\n'),
        ("a.txt", "1 2 1 0\n2 0 1 1\n"),
        ("matrix", "[1, 2, 1, 0; 2, 0, 1, 1]"),
    ],
)
def test_matrix_files(capsys, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    assert run_json(capsys, f"@{path}") == run_json(capsys, BLOG)


def test_standard_input(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("1 2 1 0\n2 0 1 1\n"))
    assert run_json(capsys, "-") == run_json(capsys, BLOG)


# ---------------------------------------------------------------- bad input


@pytest.mark.parametrize(
    "matrix, files, message",
    [
        ("[[1, 2], [3]]", {}, "A: row 2 has 1 entry but row 1 has 2 entries"),
        ("[[1, x+]]", {}, "A, row 1, column 2"),
        ("[[nan, 1]]", {}, "nan is not a number"),
        ("[[1, pi]]", {}, "pi is not algebraic"),
        ("@missing.json", {}, "missing.json: cannot read the file: No such file or directory."),
        ("@bad.json", {"bad.json": "[[1, 2], [3, 4]"}, "bad.json: not valid JSON: "),
        ("@nan.json", {"nan.json": "[[NaN, 1]]"}, "nan.json, row 1, column 1"),
        ("@flat.json", {"flat.json": "[1, 2]"}, "flat.json: give a list of rows"),
        ("@ragged.csv", {"ragged.csv": "1,2\n3\n"}, "ragged.csv: row 2 has 1 entry"),
        ("@quote.csv", {"quote.csv": '1,"2\n'}, "quote.csv: not valid CSV: "),
        ("@empty.csv", {"empty.csv": "\n"}, "empty.csv: the file has no rows"),
        ("@bad.txt", {"bad.txt": "1 2\n3 y\n"}, "bad.txt, row 2, column 2: free symbol y"),
        ("@latin1.txt", {"latin1.txt": b"1 \xe9\n"}, "latin1.txt: the file is not UTF-8 text (byte 3)"),
        ("@.", {}, ".: cannot read the file: "),
    ],
)
def test_bad_input_exits_2_with_a_message(capsys, monkeypatch, tmp_path, matrix, files, message):
    monkeypatch.chdir(tmp_path)
    for name, content in files.items():
        (tmp_path / name).write_bytes(content if isinstance(content, bytes) else content.encode())
    code, out, err = run(capsys, matrix)
    assert (code, out) == (2, "")
    assert err.startswith("exactsvd: error: ") and message in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- the real programs


def test_python_dash_m(capsys):
    done = subprocess.run(
        [sys.executable, "-m", "exactsvd", BLOG], capture_output=True, text=True, encoding="utf-8", cwd=REPO
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == run(capsys, BLOG)[1]


def test_console_script(capsys):
    script = shutil.which("exactsvd", path=sysconfig.get_path("scripts"))  # this interpreter's, not another on PATH
    if script is None:
        pytest.skip("this Python has no exactsvd console script; install the package with pip install -e .")
    done = subprocess.run([script, "[[1, x+]]"], capture_output=True, text=True, encoding="utf-8")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("exactsvd: error: A, row 1, column 2") and "Traceback" not in done.stderr
    done = subprocess.run([script, "-", "--json"], input=BLOG, capture_output=True, text=True, encoding="utf-8")
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout) == run_json(capsys, BLOG)


def test_closed_standard_output_is_quiet():
    read, write = os.pipe()
    os.close(read)  # nobody reads: writing raises BrokenPipeError, as in exactsvd ... | head -1
    try:
        done = subprocess.run([sys.executable, "-m", "exactsvd", BLOG], stdout=write, stderr=subprocess.PIPE, cwd=REPO)
    finally:
        os.close(write)
    assert (done.returncode, done.stderr) == (141, b"")
