"""Everything exactsvd writes reads back: JSON records, the text of ``exactsvd svd``, the notation.

Round trips on a textbook matrix, a cubic, two quartics (``CRootOf`` and nested radicals) and a
degree-8 case: svd -> JSON -> ``check --answer`` accepts; text -> parser -> the same numbers.  The
text must fit the terminal (``COLUMNS``); answers that are not records get errors that name the key.
"""

import io
import json
import os
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from sympy import CRootOf, ImmutableMatrix, Rational, sqrt, symbols

import exactsvd
from exactsvd import cli
from exactsvd.checking.answer import answer_from_json
from exactsvd.errors import InvalidArgumentError, MatrixParseError
from exactsvd.input import parse_entry, parse_matrix_text
from exactsvd.output import Progress, linear, svd_text

from checker import check_record, random_rational_matrix

TEXTBOOK = [[1, 2, 1, 0], [2, 0, 1, 1]]
CUBIC = [[1, 1, 0], [0, 1, 1], [0, 0, 1]]  # A^T A has the irreducible x^3 - 5x^2 + 6x - 1
QUARTIC = [[1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1], [1, 0, 0, 2]]  # an irreducible quartic, CRootOf
QUARTIC_RADICAL = [[1, 2, 0, 0], [0, 1, 2, 0], [0, 0, 1, 2], [0, 0, 0, 1]]  # a quartic with nested radicals
DEGREE_8 = [[1 if j in (i, i + 1) else 0 for j in range(8)] for i in range(8)]
RANK_ONE = [[1, -1], [-2, 2], [2, -2]]
X = symbols("x")


def run(capsys, *argv):
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def blocks(text):
    """``{name: (heading, matrix lines)}`` of the blocks ``U (m×n) =`` of the text of ``exactsvd svd``."""
    found = {}
    for block in text.split("\n\n"):
        head, *lines = block.split("\n")
        if head[:1] in "AUSV" and head[1:3] == " (":
            found[head[0]] = (head, [line for line in lines if line.startswith(("[[", " ["))])
    return found


def random_integer_matrix(n, seed):
    rng = random.Random(seed)
    return [[rng.randint(-9, 9) for _ in range(n)] for _ in range(n)]


# ---------------------------------------------------------------- svd -> JSON -> check


@pytest.mark.parametrize("A", [TEXTBOOK, CUBIC, QUARTIC, QUARTIC_RADICAL, DEGREE_8, RANK_ONE], ids=lambda A: f"{len(A)}x{len(A[0])}")
def test_the_record_reads_back_and_is_accepted(A):
    r = exactsvd.svd(A)
    check_record(A, r, json.loads(r.to_json(verified=r.verify())))


@pytest.mark.parametrize("form", ["thin", "compact"])
def test_records_of_thin_and_compact_forms(form):
    r = exactsvd.svd(RANK_ONE, form=form)
    check_record(RANK_ONE, r, r.to_dict())


@pytest.mark.parametrize("A", [TEXTBOOK, CUBIC], ids=["textbook", "cubic"])
def test_check_answer_accepts_the_json_of_svd(capsys, tmp_path, A):
    matrix = json.dumps(A)
    code, out, err = run(capsys, matrix, "--json")
    assert (code, err) == (0, "")
    path = tmp_path / "answer.json"
    path.write_text(out, encoding="utf-8")
    code, out, err = run(capsys, "check", matrix, "--answer", str(path))
    assert (code, err) == (0, "")
    read, verdict = out.split("\n", 1)
    assert read == f'read "U", "S", "V" from {path}'
    assert verdict.startswith("a valid SVD of A (full form), equal to the canonical answer")


def test_records_follow_the_documented_schema():
    if os.environ.get("CI"):  # the test extra installs it: never skip there
        import jsonschema
    else:
        jsonschema = pytest.importorskip("jsonschema", reason="jsonschema comes with the test extra")
    schema = json.loads((Path(__file__).resolve().parents[1] / "docs" / "svd-result.schema.json").read_text())
    records = [
        exactsvd.svd(CUBIC).to_dict(verified=True),
        exactsvd.svd(RANK_ONE, form="compact").to_dict(),
        exactsvd.svd([[], []]).to_dict(),
        exactsvd.svd([[1, 2], [3, 4]], method="numeric", dps=20).to_dict(),
    ]
    for record in records:
        jsonschema.validate(json.loads(json.dumps(record)), schema)
    broken = dict(records[0], U="1")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_numeric_records_follow_the_format(capsys):
    code, out, _ = run(capsys, "numeric", "[[1, 2], [3, 4]]", "--dps", "20", "--json")
    record = json.loads(out)
    assert code == 0 and (record["format"], record["method"], record["digits"]) == ("exactsvd.svd", "numeric", 20)
    assert set(record["error_bound"]) == {"singular_values", "residual", "orthogonality_U", "orthogonality_V"}
    assert abs(parse_entry(record["singular_values"][0]) - sqrt(15 + sqrt(221))) < Rational(1, 10**18)
    report = exactsvd.check([[1, 2], [3, 4]], record["U"], record["S"], record["V"], tol="1e-15")
    assert report.ok, report


# ---------------------------------------------------------------- text -> parse -> equal


def test_exact_text_reads_back_as_the_factors(capsys):
    code, out, _ = run(capsys, json.dumps(TEXTBOOK))
    assert code == 0
    found = blocks(out)
    r = exactsvd.svd(TEXTBOOK)
    for name, factor in zip("USV", r):
        head, lines = found[name]
        assert head.endswith("=") and parse_matrix_text("\n".join(lines)) == factor.tolist()
    assert parse_matrix_text("\n".join(found["A"][1])) == TEXTBOOK


@pytest.mark.parametrize("A", [CUBIC, QUARTIC, DEGREE_8], ids=["cubic", "quartic", "degree-8"])
def test_text_with_exact_reads_back(capsys, A):
    code, out, _ = run(capsys, json.dumps(A), "--exact", "--no-verify")
    assert code == 0
    found = blocks(out)
    for name, factor in zip("USV", exactsvd.svd(A)):
        assert parse_matrix_text("\n".join(found[name][1])) == factor.tolist(), name


@pytest.mark.parametrize("A", [CUBIC, QUARTIC, DEGREE_8], ids=["cubic", "quartic", "degree-8"])
def test_named_roots_and_decimals_read_back(A):
    r = exactsvd.svd(A)
    text = svd_text(r, True, width=120)  # wide enough for CRootOf(x^8 - ..., k) on one line
    eigenvalues = {f"λ{i}": s**2 for i, s in enumerate(r.singular_values, 1)}
    named = [line.split(" = ", 1)[1].split(" ≈ ") for line in text.splitlines() if line.startswith("  λ")]
    assert len(named) == len(r.singular_values)
    for (exact, decimal), value in zip(named, eigenvalues.values()):
        root = parse_entry(exact)
        assert isinstance(root, CRootOf) and (root - value).equals(0) is not False
        assert abs(root.evalf(30) - parse_entry(decimal)) <= abs(root.evalf(30)) * Rational(1, 10**7)
    found = blocks(text)
    decimals = r.evalf(8)
    for name in "UV":
        head, lines = found[name]
        assert head.startswith(f"{name} (") and "≈ (certified decimals, 8 significant digits)" in text
        assert parse_matrix_text("\n".join(lines)) == [[parse_entry(str(x)) for x in row] for row in getattr(decimals, name).tolist()]


def test_long_polynomials_are_named_once():
    text = svd_text(exactsvd.svd(DEGREE_8), True, width=80)
    assert "  p(x) = x^8 - 15x^7 + 91x^6 - 286x^5 + 495x^4 - 462x^3 + 210x^2 - 36x + 1" in text.splitlines()
    assert "  λ1 = CRootOf(p, 7) ≈ 3.8649445" in text.splitlines()


def test_named_formulas_of_the_cubic():
    text = svd_text(exactsvd.svd(CUBIC), True, width=80)
    assert "  λ1 = CRootOf(x^3 - 5x^2 + 6x - 1, 2) ≈ 3.2469796" in text.splitlines()
    assert "  σ3 = √λ3 ≈ 0.44504187" in text.splitlines()
    assert "  v1 = w(λ1)/‖w(λ1)‖, v2 = -w(λ2)/‖w(λ2)‖, v3 = w(λ3)/‖w(λ3)‖" in text.splitlines()
    assert "  w(λ) = [λ^2 - 4λ + 3, λ - 2, 1]" in text.splitlines()
    assert "  ui = Avi/σi for i = 1, 2, 3" in text.splitlines()
    # the formula is right: v1 = w(λ1)/|w(λ1)| exactly, with the printed polynomials
    lam = CRootOf(X**3 - 5 * X**2 + 6 * X - 1, 2)
    w = ImmutableMatrix([lam**2 - 4 * lam + 3, lam - 2, 1])
    v1 = exactsvd.svd(CUBIC).V[:, 0]
    assert all((a * sqrt(2 * lam**2 - 9 * lam + 11) - b).equals(0) for a, b in zip(v1, w))


# ---------------------------------------------------------------- the terminal width


@pytest.mark.parametrize("A", [CUBIC, random_integer_matrix(10, 1010)], ids=["cubic", "random-10x10"])
@pytest.mark.parametrize("columns", [80, 100])
def test_every_line_fits_the_terminal(capsys, monkeypatch, A, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, err = run(capsys, json.dumps(A))
    assert (code, err) == (0, "")
    longest = max(out.splitlines(), key=len)
    assert len(longest) <= columns, longest
    assert "CRootOf" in out and "certified decimals" in out


def test_exact_prints_lines_in_full(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run(capsys, json.dumps(CUBIC), "--exact")
    assert code == 0 and max(map(len, out.splitlines())) > 80 and "certified decimals" not in out


def test_a_wide_matrix_is_shown_in_column_blocks(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "40")
    A = [[10 * i + j for j in range(12)] for i in range(2)]
    code, out, _ = run(capsys, json.dumps(A), "--no-verify")
    assert code == 0 and max(map(len, out.splitlines())) <= 40
    assert "columns 1–" in out


# ---------------------------------------------------------------- the notation


@pytest.mark.parametrize(
    "text, value",
    [
        ("3⋅√5", 3 * sqrt(5)),
        ("1/(3⋅√5)", 1 / (3 * sqrt(5))),
        ("1/3⋅√5", sqrt(5) / 3),  # as written: a product in a denominator needs its parentheses
        ("3·√5", 3 * sqrt(5)),
        ("2×3", 6),
        ("3√10/10", 3 * sqrt(10) / 10),
        ("√2", sqrt(2)),
        ("√(2)", sqrt(2)),
        ("-√2/2", -sqrt(2) / 2),
        ("√(3/2 + √5/2)", sqrt(Rational(3, 2) + sqrt(5) / 2)),
        ("CRootOf(x**3 - 6*x**2 + 5*x - 1, 2)", CRootOf(X**3 - 6 * X**2 + 5 * X - 1, 2)),
        ("CRootOf(x^3 - 6x^2 + 5x - 1, 2)", CRootOf(X**3 - 6 * X**2 + 5 * X - 1, 2)),
        ("CRootOf(t^2 - 2, 1)", CRootOf(X**2 - 2, 1)),  # SymPy keeps it so: equal to sqrt(2), not the same
        ("2√CRootOf(x^3 - 3x + 1, 0)", 2 * sqrt(CRootOf(X**3 - 3 * X + 1, 0))),
    ],
)
def test_the_printed_notation_is_read(text, value):
    assert parse_entry(text) == value


@pytest.mark.parametrize(
    "text, message",
    [
        ("CRootOf(x^3 - 1)", "CRootOf takes 2 arguments"),
        ("CRootOf(x^3 - y, 0)", "two variables, x and y"),
        ("CRootOf(x^3 - 3x + 1, 3)", "from 0 to 2"),
        ("CRootOf(x^3 - 3x + 1, 1/2)", "from 0 to 2"),
        ("CRootOf(1/x, 0)", "not a polynomial in x"),
        ("CRootOf(sqrt(2)x - 1, 0)", "rational coefficients"),
        ("CRootOf(5, 0)", "not a polynomial in a variable"),
        ("2 √3", "unexpected '√'"),
    ],
)
def test_bad_roots_are_refused_with_the_reason(text, message):
    with pytest.raises(MatrixParseError, match=message):
        parse_entry(text)


def test_names_stay_refused_outside_crootof():
    with pytest.raises(exactsvd.ExactSVDError, match="free symbol x"):
        parse_entry("2x")


@settings(max_examples=15, deadline=None)
@given(random_rational_matrix(max_rows=3, max_cols=3))
def test_linear_notation_reads_back(A):
    r = exactsvd.svd(A)
    numbers = [*r.singular_values, *r.U, *r.V]
    assert [parse_entry(linear(x)) for x in numbers] == numbers


# ---------------------------------------------------------------- answers that are not records


@pytest.mark.parametrize(
    "answer, message",
    [
        ([1, 2], 'a JSON object with the keys "U", "S" and "V"; it is a list of 2 items'),
        ({"U": [[1]], "S": [5]}, 'has no "V": give "V": a list of rows'),
        ({"U": [[1]], "S": [5], "V": "3/5"}, '"V" must be a list of rows, each a list of entries'),
        ({"U": [[1]], "S": {"a": 1}, "V": [[1]]}, '"S" must be a list of rows of entries, or a flat list'),
        ({"U": [[1, None]], "S": [5], "V": [[1]]}, '"U" must be .*; it holds null'),
        ({"format": "other", "U": [[1]], "S": [5], "V": [[1]]}, '"format" is .other., not "exactsvd.svd"'),
        ({"version": 2, "U": [[1]], "S": [5], "V": [[1]]}, '"version" is 2; this exactsvd reads records of versions 1'),
    ],
)
def test_answers_off_the_format_name_the_key(capsys, tmp_path, answer, message):
    path = tmp_path / "key.json"
    path.write_text(json.dumps(answer))
    with pytest.raises(InvalidArgumentError, match=message):
        answer_from_json(answer, "key.json")
    code, _, err = run(capsys, "check", "[[3, 4]]", "--answer", str(path))
    assert code == 2 and err.startswith(f"exactsvd: error: {path}: ") and "{" not in err.splitlines()[0]


def test_an_entry_that_does_not_read_back_names_its_place(capsys, tmp_path):
    record = exactsvd.svd([[3, 4]]).to_dict()
    record["V"][1][1] = "-3/5+"
    path = tmp_path / "key.json"
    path.write_text(json.dumps(record))
    code, _, err = run(capsys, "check", "[[3, 4]]", "--answer", str(path))
    assert code == 2 and f"{path}: V, row 2, column 2: cannot read entry '-3/5+'" in err


# ---------------------------------------------------------------- progress on standard error


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_shown_on_a_terminal_and_erased():
    stream = _Terminal()
    with Progress(stream, delay=0, interval=0.001) as progress:
        progress("computing the exact SVD")
        while "computing" not in stream.getvalue():
            pass
    shown = stream.getvalue()
    assert "\rexactsvd: computing the exact SVD... " not in shown  # each line starts by clearing the line
    assert "\r\033[Kexactsvd: computing the exact SVD... 0 s" in shown and shown.endswith("\r\033[K")


def test_progress_is_silent_elsewhere():
    stream = io.StringIO()
    with Progress(stream, delay=0, interval=0.001) as progress:
        progress("computing the exact SVD")
    assert stream.getvalue() == ""
