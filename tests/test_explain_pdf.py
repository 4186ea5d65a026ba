"""The worked solutions compile with a real ``pdflatex``, and the PDF holds the singular values.

These tests need ``pdflatex`` (TeX Live: texlive-latex-base) and ``pdftotext``
(poppler-utils).  ``.ci/run`` installs them; in CI (the ``CI`` environment
variable set) a missing program is a failure, never a skip.  Outside CI the
tests are skipped when one is missing.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from cases import DOCUMENT_CASES

from exactsvd.solutions import LatexError, explain
from exactsvd.solutions import cli as explain_cli
from exactsvd.solutions.pdf import compile_pdf
from exactsvd.solutions.steps import SingularValuesStep

PROGRAMS = ("pdflatex", "pdftotext")
CASES = DOCUMENT_CASES


@pytest.fixture(scope="module", autouse=True)
def tex_programs():
    missing = [program for program in PROGRAMS if shutil.which(program) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"{', '.join(missing)} missing in CI: .ci/run must install texlive-latex-base and poppler-utils")
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install texlive-latex-base poppler-utils)")


def pdf_text(path):
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def assert_singular_values_in(text, solution):
    """Integers end their line ``s1 = λ1 = 9 = 3``; irrational values show their certified decimal."""
    for s in solution.step(SingularValuesStep).values:
        if s.decimal is None:
            assert re.search(rf"s{s.index} = .*= {s.value}\s*$", text, re.MULTILINE)
        else:
            assert str(s.decimal)[:10] in text


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_compiles_and_shows_the_singular_values(name, tmp_path):
    solution = explain(CASES[name], rank_one=True)
    path = tmp_path / f"{name}.pdf"
    solution.to_pdf(str(path))  # LatexError on any LaTeX error (-halt-on-error)
    assert path.read_bytes().startswith(b"%PDF-")
    text = pdf_text(path)
    assert "Step 1. The matrix and the choice of Gram matrix" in text
    assert_singular_values_in(text, solution)


@pytest.mark.parametrize("name", ["radicals-6x6", "crootof-6x6", "crootof"])
def test_nothing_runs_off_the_page(name, tmp_path):
    (tmp_path / "doc.tex").write_text(explain(CASES[name], rank_one=True).to_latex(standalone=True), encoding="utf-8")
    subprocess.run(
        ["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "doc.tex"],
        cwd=tmp_path,
        capture_output=True,
        check=True,
        timeout=120,
    )
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert "Overfull \\hbox" not in log and "LaTeX Warning" not in log


def test_fragment_compiles_inside_a_document():
    fragment = explain(CASES["blog"]).to_latex()
    document = (
        "\\documentclass{article}\\usepackage{amsmath,graphicx}\\begin{document}\n" + fragment + "\\end{document}\n"
    )
    assert compile_pdf(document).startswith(b"%PDF-")


def test_latex_errors_are_reported():
    with pytest.raises(LatexError, match="Undefined control sequence"):
        compile_pdf("\\documentclass{article}\\begin{document}\n\\nosuchmacro\n\\end{document}\n")


def test_cli_writes_the_pdf(tmp_path, capsys):
    parser = argparse.ArgumentParser(prog="exactsvd")
    explain = parser.add_subparsers().add_parser("explain")
    explain_cli.add_arguments(explain)
    explain.set_defaults(run=explain_cli.run)
    path = tmp_path / "blog.pdf"
    args = parser.parse_args(["explain", CASES["blog"], "--pdf", str(path)])
    assert args.run(args) == 0
    assert capsys.readouterr().out == f"wrote {path}\n"
    assert "1.73205080" in pdf_text(path)


def test_example_writes_the_blog_matrix(tmp_path):
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [sys.executable, "examples/worked_solution.py", str(tmp_path)],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, PYTHONIOENCODING="ascii"),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0] == "singular values: 3, sqrt(3)"
    assert (tmp_path / "blog_matrix.tex").read_text(encoding="utf-8").startswith("\\documentclass")
    assert "1.73205080" in pdf_text(tmp_path / "blog_matrix.pdf")
