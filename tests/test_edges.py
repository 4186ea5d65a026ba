"""Trust at the edges (issue 16): files, control characters, LaTeX, equal forms, parser, numeric rank, CLI.

Each section is one item of the issue.  The disclosure tests write a file
holding a secret and assert that the secret never reaches standard error; the
TeX tests compile with a real ``pdflatex`` and read the PDF back with
``pdftotext`` (they fail instead of skipping when ``CI`` is set).
"""

import json
import os
import shutil
import subprocess
import uuid

import pytest
from sympy import CRootOf, Dummy, Matrix, Poly, expand, factor, minimal_polynomial, radsimp, sqrt, together

import exactsvd
from exactsvd.checking import bank
from exactsvd.cli import main
from exactsvd.errors import (
    FileReadError,
    FileReadingDisabledError,
    InvalidArgumentError,
    MatrixParseError,
    printable,
    shorten,
)
from exactsvd.solutions.pdf import compile_pdf
from exactsvd.solutions.tex import latex_text
from exactsvd.exercises import exercise_sheet
from exactsvd.input import parse_matrix_text, read_text_file

SECRET = "TOPSECRET-" + uuid.uuid4().hex


def run(capsys, *argv):
    """``(exit code, stdout, stderr)`` of the command line on *argv*."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- 1. reading files


@pytest.mark.parametrize(
    "name, content",
    [
        ("secret.txt", f"{SECRET}\n"),
        ("secret.txt", f"1 2\n3 {SECRET}\n"),
        ("secret.json", json.dumps([[1, SECRET]])),
        ("secret.json", json.dumps([SECRET])),
        ("secret.json", json.dumps({"token": SECRET})),
        ("secret.csv", f"1,{SECRET}\n"),
        ("secret.env", f"PATH=/usr/bin\0TOKEN={SECRET}\0"),
    ],
)
def test_file_contents_never_reach_stderr(tmp_path, capsys, name, content):
    path = tmp_path / name
    path.write_text(content)
    code, out, err = run(capsys, f"@{path}")
    assert code == 2 and name in err
    assert SECRET not in err and SECRET[10:] not in err and SECRET not in out
    assert "\0" not in err


def test_answer_and_bank_contents_never_reach_stderr_or_the_table(tmp_path, capsys):
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps({"U": [[SECRET]], "S": [1], "V": [[1]]}))
    code, out, err = run(capsys, "check", "[[1]]", "--answer", str(answer))
    assert code == 2 and SECRET not in err + out
    for data in ({"U": SECRET}, [{"id": SECRET}], [{"id": "a", "matrix": f"[[1, {SECRET}]]"}]):
        path = tmp_path / "bank.json"
        path.write_text(json.dumps(data))
        code, out, err = run(capsys, "check-bank", str(path), "--jobs", "1")
        assert code in (1, 2) and SECRET not in err + out


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "/dev/urandom", "/proc", "/"])
def test_only_regular_files_are_read(capsys, special):
    code, _, err = run(capsys, f"@{special}")
    assert code == 2 and "not a regular file" in err


def test_fifos_are_refused_without_blocking(tmp_path, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run(capsys, f"@{fifo}")
    assert code == 2 and "FIFO" in err


def test_proc_files_are_capped_and_never_quoted(capsys, monkeypatch):
    monkeypatch.setenv("EXACTSVD_TEST_SECRET", SECRET)
    code, _, err = run(capsys, "@/proc/self/environ")
    assert code == 2 and SECRET not in err and "EXACTSVD_TEST" not in err
    with pytest.raises(FileReadError, match="larger than the limit of 10 bytes"):
        read_text_file("/proc/self/environ", limit=10)


def test_the_size_cap_is_checked_before_reading(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("1 " * 1000)
    with pytest.raises(FileReadError, match="has 2,000 bytes, more than the limit of 100 bytes"):
        read_text_file(big, limit=100)
    assert read_text_file(big, limit=2000).startswith("1 1")


def test_reading_files_can_be_switched_off(tmp_path, capsys, monkeypatch):
    path = tmp_path / "m.txt"
    path.write_text("1 2; 3 4")
    with pytest.raises(FileReadingDisabledError):
        read_text_file(path, allow_files=False)
    with pytest.raises(FileReadingDisabledError):
        exactsvd.cli.read_matrix(f"@{path}", allow_files=False)
    monkeypatch.setenv("EXACTSVD_NO_FILES", "1")
    code, _, err = run(capsys, f"@{path}")
    assert code == 2 and "reading files is switched off" in err
    code, _, err = run(capsys, "check-bank", str(path))
    assert code == 2 and "switched off" in err
    monkeypatch.setenv("EXACTSVD_NO_FILES", "0")
    assert run(capsys, f"@{path}")[0] == 0


def test_not_utf8_names_the_byte_only(tmp_path):
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"1 2; 3 \xe9" + SECRET.encode())
    with pytest.raises(FileReadError, match=r"not UTF-8 text \(byte 8\)") as info:
        read_text_file(path)
    assert SECRET not in str(info.value)


# ---------------------------------------------------------------- 2. control characters


@pytest.mark.parametrize("text", ["[[1, \x1b[31mRED\x1b[0m]]", "[[1, 2]]\x1b[2J", "[[1, 2\x07]]", "[[1, x\x9b2J]]"])
def test_control_characters_are_escaped_in_messages(capsys, text):
    code, _, err = run(capsys, text)
    assert code == 2 and "\\x" in err
    assert not any(not c.isprintable() and c != "\n" for c in err)


@pytest.mark.parametrize("argv", [["svd", "[[1]]", "\x1b[2Jx"], ["generate", "--shape", "\x1b[2J"],
                                  ["numeric", "[[1]]", "--dps", "\x1b"]])
def test_usage_errors_escape_what_the_user_typed(capsys, argv):
    code, _, err = run(capsys, *argv)
    assert code == 2 and "\\x1b" in err and "\x1b" not in err


def test_a_name_with_a_newline_cannot_forge_lines(capsys, tmp_path):
    path = tmp_path / "evil\nexactsvd: all good.txt"
    path.write_text("1 x")
    code, _, err = run(capsys, f"@{path}")
    assert code == 2 and "\\n" in err and not any(line.startswith("exactsvd: all good") for line in err.splitlines())


def test_ids_in_the_bank_table_are_sanitised(capsys, tmp_path):
    forged = "p1\nforged  ok\x1b[2J"
    path = tmp_path / "bank.json"
    path.write_text(json.dumps([{"id": forged, "matrix": "3 0; 4 5", "singular_values": ["3*sqrt(5)", "sqrt(5)"]},
                                {"id": "p2", "matrix": "1 x"}]))
    code, out, _ = run(capsys, "check-bank", str(path), "--jobs", "1")
    lines = out.splitlines()
    assert code == 1 and lines[1].startswith("p1\\nforged  ok\\x1b[2J  ok")
    assert not any(line.startswith("forged") for line in lines)
    assert all(c.isprintable() for line in lines for c in line)
    # a multi-line problem stays inside its column
    error_row = next(i for i, line in enumerate(lines) if line.startswith("p2 "))
    assert lines[error_row + 1].startswith(" " * 10)


def test_printable_and_shorten():
    assert printable("a\u2028b\r\x0c") == "a\\u2028b\\r\\x0c"
    assert printable("two\nlines", keep="\n") == "two\nlines"
    assert shorten("x\x1b" * 50).isprintable()


# ---------------------------------------------------------------- 3. LaTeX

HOSTILE_TITLES = [
    r"\input{%s}",
    r"\include{%s}",
    r"\newread\f\openin\f=%s \read\f to\x \x",
    r"\catcode`\|=0 |input{%s}",
    r"^^5cinput{%s}",
    r"\makeatletter\@@input %s \makeatother",
    r"$\input{%s}$",
    "\\input{%s}\n\n\\end{document}",
]


def needs_tex():
    if shutil.which("pdflatex") and shutil.which("pdftotext"):
        return
    if os.environ.get("CI"):
        pytest.fail("pdflatex and pdftotext are needed (CI is set; install texlive-latex-base poppler-utils)")
    pytest.skip("pdflatex or pdftotext is not installed")


def pdf_text(tmp_path, source):
    path = tmp_path / "out.pdf"
    path.write_bytes(compile_pdf(source))
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("title", HOSTILE_TITLES)
def test_titles_cannot_read_files_into_the_pdf(tmp_path, title):
    needs_tex()
    secret = tmp_path / "secretfile.tex"
    secret.write_text(SECRET + "\n")
    hostile = title % str(secret).removesuffix(".tex" if "include" in title else "")
    sheet, key = exercise_sheet([exactsvd.svd([[3, 4]])], title=hostile)
    for document in (sheet, key):
        text = pdf_text(tmp_path, document)
        assert SECRET not in text and "TOPSECRET" not in text


def test_pdflatex_itself_refuses_files_outside_its_directory(tmp_path):
    needs_tex()
    secret = tmp_path / "secretfile.tex"
    secret.write_text(SECRET + "\n")
    for command in (rf"\input{{{secret}}}", rf"\newread\f\openin\f={secret} \read\f to\x \x"):
        source = rf"\documentclass{{article}}\begin{{document}}X{command}Y\end{{document}}"
        try:
            text = pdf_text(tmp_path, source)
        except exactsvd.ExactSVDError:
            continue
        assert SECRET not in text


def test_latex_text_escapes_every_special_character():
    assert latex_text(r"\input{x}") == r"\textbackslash{}input\{x\}"
    assert latex_text("^^5c") == r"\textasciicircum{}\textasciicircum{}5c"
    assert latex_text("a\nb\x00") == "a b "
    for c in "\\{}$&#^_%~":
        assert c not in latex_text(c).replace("\\" + c, "").replace("{}", "").replace("\\text", "")


# ---------------------------------------------------------------- 4. equal forms

MATRICES = [
    [[3, 0], [4, 5]],
    [[1, 1], [1, 0]],
    [[2, 1], [1, 3]],
    [[1, 2], [3, 4]],
    [[1, 0, 1], [0, 1, 1]],
    [[4, 11, 14], [8, 7, -2]],
    [[1, 2], [2, 1], [1, 1]],
    [[2, 0], [1, 1]],
    [[1, 1], [0, 2]],
    [[5, 1], [1, 4]],
]


def unrationalised(x):
    """``x`` with its radicals in the denominator: ``sqrt(2)/2`` as ``1/sqrt(2)``."""
    return 1 / radsimp(1 / x) if x else x


def scaled_root(x):
    """``x`` as ``CRootOf(p, k) / 2`` with ``p`` the minimal polynomial of ``2 x`` (kept unevaluated)."""
    if x.is_Rational:
        return x
    t = Dummy("t")
    p = Poly(minimal_polynomial(2 * x, t), t)
    roots = [CRootOf(p, k, radicals=False) for k in range(p.count_roots())]
    return min(roots, key=lambda r: abs((r - 2 * x).evalf(50))) / 2


FORMS = {
    "expanded": (expand, expand),
    "factored": (factor, factor),
    "rationalised": (radsimp, radsimp),
    "unrationalised": (unrationalised, together),
    "crootof-scaled": (expand, scaled_root),
}


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("A", MATRICES, ids=[str(A) for A in MATRICES])
def test_fifty_answers_in_other_equal_forms_are_accepted(A, form):
    vectors, values = FORMS[form]
    r = exactsvd.svd(A)
    U, V = r.U.applyfunc(vectors), r.V.applyfunc(vectors)
    S = r.S.applyfunc(values)
    report = exactsvd.check(A, U, S, V)
    assert report.ok and report.verdict == "valid", str(report)


@pytest.mark.parametrize("form", ["expanded", "unrationalised"])
def test_a_flipped_column_in_another_form_is_still_found(form):
    A = [[2, 1], [1, 3]]
    vectors, values = FORMS[form]
    r = exactsvd.svd(A)
    U, V, S = r.U.applyfunc(vectors), r.V.applyfunc(vectors), r.S.applyfunc(values)
    report = exactsvd.check(A, U * Matrix.diag(1, -1), S, V)
    assert report.verdict == "wrong" and "the signs of u2 and v2 do not fit together" in report.problems[1]


def test_the_crootof_matrix_in_expanded_form_is_accepted():
    A = [[1, 2, 3], [4, 5, 6], [7, 8, 10]]
    r = exactsvd.svd(A)
    report = exactsvd.check(A, r.U.applyfunc(expand), r.S, r.V.applyfunc(expand))
    assert report.ok and report.verdict == "valid", str(report)
    assert report.facts.method.startswith("exact: proved column by column")


def test_undecided_is_never_a_rejection_in_check_bank(monkeypatch):
    from exactsvd.checking import exact_field

    for limit in ("MAX_FIELD_DEGREE", "MAX_ENTRY_DEGREE", "MAX_ROOT_DEGREE"):
        monkeypatch.setattr(exact_field, limit, 1)
    c, s = "(sqrt(6) + sqrt(2))/4", "(sqrt(6) - sqrt(2))/4"
    turn = [[c, "-" + s], [s, c]]
    result = bank.run_problem({"id": "turn", "matrix": [[1, 0], [0, 1]],
                               "answer": {"U": turn, "S": [1, 1], "V": turn}})
    assert result.verdict == "undecided" and not result.failed
    assert all(p.startswith("could not decide exactly whether") for p in result.problems)
    assert "undecided" in bank.bank_table([result])


# ---------------------------------------------------------------- 5. the parser


@pytest.mark.parametrize("separator", ["\r", "\r\n", "\f", "\v", "\u2028", "\u2029", "\x85"])
def test_line_separators_separate_rows(separator):
    assert parse_matrix_text(f"1 2{separator}3 4") == [[1, 2], [3, 4]]


@pytest.mark.parametrize(
    "text, message",
    [
        (";;;", "row separators but no entries"),
        ("[;;]", "row separators but no entries"),
        ("\n\n", "the matrix text is empty"),
        ("[[0x10, 1]]", "hexadecimal numbers are not read"),
        ("[[0b101]]", "binary numbers are not read"),
        ("[[1_000, 2]]", "'_' cannot separate digits"),
        ("[[1e, 2]]", "'1e' is a power of ten without its exponent"),
        ("[[2.5e+, 2]]", "'2.5e' is a power of ten without its exponent"),
    ],
)
def test_misreadings_get_their_own_message(text, message):
    with pytest.raises(MatrixParseError, match=message):
        parse_matrix_text(text)


def test_the_fixes_give_the_decimal_value():
    with pytest.raises(MatrixParseError, match="Write it in decimal: 16"):
        parse_matrix_text("0x10")
    with pytest.raises(MatrixParseError, match="without separators, 1000"):
        parse_matrix_text("1_000")


def test_a_string_where_the_bank_wants_a_list_names_the_field(tmp_path):
    path = tmp_path / "bank.json"
    path.write_text(json.dumps([{"id": "p", "matrix": "2", "singular_values": "sqrt(5)"}]))
    with pytest.raises(InvalidArgumentError, match='"singular_values" must be a list'):
        bank.load_bank(path)
    with pytest.raises(InvalidArgumentError, match="expected a list of singular values"):
        exactsvd.check_singular_values([[2]], "2")


# ---------------------------------------------------------------- 6. numeric rank


def test_numeric_rank_is_certified_or_a_range(capsys):
    code, out, _ = run(capsys, "numeric", "[[2^10000, 1], [1, 1]]")
    assert code == 0
    assert "rank: between 1 and 2" in out and "σ2 = 0.0" in out and "(not certified non-zero)" in out
    r = exactsvd.svd([[2**10000, 1], [1, 1]], method="numeric")
    assert r.rank == 1 and r.singular_values[1] <= r.error_bound.singular_values
    code, out, _ = run(capsys, "numeric", "[[1, 2], [3, 4]]", "--dps", "20")
    assert "rank: 2 (certified)" in out and "not certified" not in out


def test_numeric_json_counts_the_values_not_certified_non_zero(capsys):
    _, out, _ = run(capsys, "numeric", "[[1, 2], [2, 4]]", "--json", "--dps", "20")
    data = json.loads(out)
    assert data["rank"] == 1 and data["not_certified_nonzero"] == 1


# ---------------------------------------------------------------- 7. command-line options


@pytest.mark.parametrize(
    "argv, message",
    [
        (["explain", "[[3, 4]]", "--pdf", ""], "argument --pdf: the file name is empty"),
        (["explain", "[[3, 4]]", "--latex", " "], "argument --latex: the file name is empty"),
        (["generate", "--latex", ""], "argument --latex: the file name is empty"),
        (["check", "[[1]]", "--answer", ""], "argument --answer: the file name is empty"),
        (["check-bank", ""], "the file name is empty"),
        (["generate", "--latex", "X.tex", "--key", "X.tex"], "--latex and --key name the same file"),
        (["generate", "--latex", "X.tex", "--key", "./X.tex"], "--latex and --key name the same file"),
        (["generate", "--key", "k.tex"], "--key needs --latex"),
        (["explain", "[[3, 4]]", "--latex", "same", "--pdf", "same"], "--latex and --pdf name the same file"),
    ],
)
def test_empty_and_colliding_outputs_are_refused(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *argv)
    assert code == 2 and message in err
    assert not list(tmp_path.iterdir())
