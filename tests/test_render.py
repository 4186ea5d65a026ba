"""What a reader sees: every document rendered and read back as pictures and text.

PDF: ``pdflatex`` (its log: no overfull box), ``pdftotext -layout`` (pages
within their budget, no page ending on a heading, no page holding only a
closing paragraph) and ``pdftoppm`` (a grey picture of the first page that is
not blank).  HTML: headless Chromium (Debian's ``chromium``) parses the page
(``--dump-dom``: one ``<math>`` per formula, no ``<merror>``), prints it
(the text layer holds the steps and MathML's mathematical italic letters, so
the formulas were laid out as mathematics) and takes a screenshot.

``.ci/run`` installs the programs; with ``CI`` set a missing one is a
failure, never a skip.
"""

import os
import re
import shutil
import subprocess
import tempfile

import pytest
from cases import DOCUMENT_CASES
from test_explain_html import formulas

import exactsvd
from exactsvd.solutions import explain
from exactsvd.solutions.steps import SingularValuesStep
from exactsvd.exercises import exercise_sheet, generate

#: Pages each worked solution may take on A4 (the issue's target: a 3×3 with a quadratic field in 3).
PAGE_BUDGET = {
    "blog": 3,
    "textbook-2x2": 2,
    "textbook-2x3": 3,
    "fibonacci": 3,
    "repeated-singular-value": 4,
    "rank-deficient-4x3": 5,
    "crootof": 4,
    "quadratic-3x3": 3,
    "radicals-6x6": 14,
    "crootof-6x6": 15,
    "complex-2x2": 3,
    "complex-hadamard": 3,
    "complex-phases": 3,
    "complex-wide-kernel": 3,
    "complex-rank-1": 4,
}
HTML_CASES = ("blog", "quadratic-3x3", "radicals-6x6")
CHROMIUM = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
HEADING = re.compile(r"^\s*(Step \d+\.|Exercise \d+)")


def need(*programs):
    """The paths of *programs*; a failure in CI, a skip elsewhere, when one is missing."""
    missing = [p for p in programs if shutil.which(p) is None]
    if missing and os.environ.get("CI"):
        pytest.fail(f"{', '.join(missing)} missing in CI: .ci/run must install it")
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (apt-get install texlive-latex-base poppler-utils chromium)")
    return [shutil.which(p) for p in programs]


def run(command, cwd, timeout=180):
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=True).stdout


def compile_document(source, directory):
    """``(pages of text, pdflatex log)`` of a LaTeX document compiled in *directory*."""
    (directory / "doc.tex").write_text(source, encoding="utf-8")
    run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "doc.tex"], directory)
    text = run(["pdftotext", "-layout", "doc.pdf", "-"], directory)
    return text.split("\f")[:-1], (directory / "doc.log").read_text(encoding="utf-8", errors="replace")


def dark_fraction(pdf, directory):
    """The fraction of dark pixels on the first page of *pdf*, drawn by ``pdftoppm`` as a grey picture."""
    run(["pdftoppm", "-gray", "-r", "30", "-f", "1", "-l", "1", str(pdf), "page"], directory)
    (picture,) = directory.glob("page*.pgm")
    data = picture.read_bytes()
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    width, height = int(header.group(1)), int(header.group(2))
    pixels = data[header.end() :]
    assert len(pixels) == width * height
    return sum(1 for p in pixels if p < 128) / len(pixels)


def assert_pages_read_well(pages, budget, label):
    assert 1 <= len(pages) <= budget, f"{label}: {len(pages)} pages, at most {budget} expected"
    for number, page in enumerate(pages, 1):
        lines = [line for line in page.splitlines() if line.strip()]
        if lines and lines[-1].strip().isdigit():
            lines.pop()  # the page number
        assert len(lines) > 3, f"{label}: page {number} holds only {lines}"
        assert not HEADING.match(lines[-1]), f"{label}: page {number} ends on the heading {lines[-1].strip()!r}"


@pytest.mark.parametrize("name", sorted(DOCUMENT_CASES))
def test_worked_solution_pdf_reads_well(name, tmp_path):
    need("pdflatex", "pdftotext", "pdftoppm")
    solution = explain(DOCUMENT_CASES[name])
    pages, log = compile_document(solution.to_latex(standalone=True), tmp_path)
    assert "Overfull" not in log, re.findall(r"Overfull.*", log)[:3]
    assert_pages_read_well(pages, PAGE_BUDGET[name], name)
    assert 0.003 < dark_fraction(tmp_path / "doc.pdf", tmp_path) < 0.3


def test_letter_paper(tmp_path):
    need("pdflatex", "pdftotext", "pdfinfo")
    compile_document(explain(DOCUMENT_CASES["blog"]).to_latex(standalone=True, paper="letter"), tmp_path)
    assert "612 x 792 pts" in run(["pdfinfo", "doc.pdf"], tmp_path)
    compile_document(explain(DOCUMENT_CASES["blog"]).to_latex(standalone=True), tmp_path)
    assert "595.276 x 841.89 pts (A4)" in run(["pdfinfo", "doc.pdf"], tmp_path)


@pytest.mark.parametrize("difficulty", ["easy", "hard"])
def test_five_problem_answer_key_fits_on_two_pages(difficulty, tmp_path):
    need("pdflatex", "pdftotext", "pdftoppm")
    shapes = [(2, 2), (2, 3), (3, 2), (3, 3), (2, 2)] if difficulty == "easy" else [(3, 3), (4, 3), (3, 4)] * 2
    results = [exactsvd.svd(generate(m, n, seed=seed, difficulty=difficulty)) for seed, (m, n) in enumerate(shapes[:5])]
    sheet, key = exercise_sheet(results, title="Week 3")
    pages, log = compile_document(key, tmp_path)
    assert "Overfull" not in log
    assert_pages_read_well(pages, 2, f"{difficulty} answer key")
    assert sum(page.count("Exercise") for page in pages) == 5
    sheet_pages, _ = compile_document(sheet, tmp_path)
    assert len(sheet_pages) == 1


def chromium(*arguments, directory):
    (program,) = need("chromium")
    profile = tempfile.mkdtemp(dir=directory)
    return run([program, *CHROMIUM, f"--user-data-dir={profile}", *arguments], directory)


@pytest.mark.parametrize("name", HTML_CASES)
def test_html_renders_in_chromium(name, tmp_path):
    need("pdftotext", "pdftoppm")
    solution = explain(DOCUMENT_CASES[name])
    page = tmp_path / "page.html"
    page.write_text(solution.to_html(), encoding="utf-8")
    dom = chromium("--dump-dom", page.as_uri(), directory=tmp_path)
    assert dom.count("<math") == formulas(solution) and "<merror" not in dom
    assert dom.count("<section>") == len(solution.steps)
    chromium("--no-pdf-header-footer", f"--print-to-pdf={tmp_path / 'printed.pdf'}", page.as_uri(), directory=tmp_path)
    text = run(["pdftotext", "-layout", "printed.pdf", "-"], tmp_path)
    assert "Step 1. The matrix and the choice of Gram matrix" in text
    assert "𝐴" in text, "no mathematical italic: the MathML was not laid out as mathematics"
    for s in solution.step(SingularValuesStep).values:
        assert s.decimal is None or str(s.decimal)[:10] in text
    assert 0.003 < dark_fraction(tmp_path / "printed.pdf", tmp_path) < 0.3
    chromium(f"--screenshot={tmp_path / 'phone.png'}", "--window-size=390,800", page.as_uri(), directory=tmp_path)
    assert (tmp_path / "phone.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
