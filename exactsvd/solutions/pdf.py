"""Compile a LaTeX document with ``pdflatex`` (in a temporary directory, with a timeout)."""

import os
import re
import shutil
import subprocess
import tempfile

from ..errors import ExactSVDError, InvalidArgumentError

INSTALL = "apt-get install texlive-latex-base texlive-latex-recommended"
#: kpathsea settings for pdflatex: read and write only inside the working directory ("paranoid").
RESTRICTED = {"openin_any": "p", "openout_any": "p", "shell_escape": "f"}


class ToolMissingError(ExactSVDError):
    """An external program that a face needs (``pdflatex``) is not installed."""


class LatexError(ExactSVDError):
    """``pdflatex`` failed on a document or did not finish in time."""


def compile_pdf(source, timeout=120):
    r"""The PDF that ``pdflatex`` makes of the LaTeX document *source*, as bytes.

    Runs ``pdflatex -interaction=nonstopmode -halt-on-error -no-shell-escape``
    in a temporary directory, with ``openin_any=p`` and ``openout_any=p``
    (TeX may read and write only files inside that directory: no absolute
    paths, no ``..``, no dot files), so a document cannot read or write
    anything else even if a command slipped into it.

    Raises
    ------
    ToolMissingError
        ``pdflatex`` is not on ``PATH``; the message says how to install it.
    LatexError
        ``pdflatex`` failed (the message quotes the first error of its log)
        or ran longer than *timeout* seconds.

    Examples
    --------
    >>> doc = "\\documentclass{article}\\begin{document}$s_1 = 3$\\end{document}"
    >>> compile_pdf(doc)[:5] == b"%PDF-" if shutil.which("pdflatex") else True
    True
    """
    program = shutil.which("pdflatex")
    if program is None:
        raise ToolMissingError(
            "pdflatex is needed to write a PDF but is not installed (or not on PATH). Install TeX Live, "
            f"e.g. '{INSTALL}' on Debian or Ubuntu, or write the LaTeX file (--latex) and compile it elsewhere."
        )
    with tempfile.TemporaryDirectory(prefix="exactsvd-") as directory:
        with open(os.path.join(directory, "solution.tex"), "w", encoding="utf-8") as file:
            file.write(source)
        command = [program, "-interaction=nonstopmode", "-halt-on-error", "-no-shell-escape", "solution.tex"]
        try:
            done = subprocess.run(
                command, cwd=directory, capture_output=True, stdin=subprocess.DEVNULL, timeout=timeout,
                env={**os.environ, **RESTRICTED},
            )
        except subprocess.TimeoutExpired as error:
            raise LatexError(f"pdflatex did not finish within {timeout} s") from error
        pdf = os.path.join(directory, "solution.pdf")
        if done.returncode or not os.path.exists(pdf):
            raise LatexError(f"pdflatex failed: {_first_error(os.path.join(directory, 'solution.log'))}")
        with open(pdf, "rb") as file:
            return file.read()


def write_pdf(source, path, timeout=120):
    """Compile the LaTeX document *source* (see :func:`compile_pdf`) and write the PDF to *path*.

    Examples
    --------
    >>> import os, tempfile
    >>> from exactsvd.solutions import explain
    >>> path = os.path.join(tempfile.mkdtemp(), "solution.pdf")
    >>> if shutil.which("pdflatex"):
    ...     write_pdf(explain([[3, 4]]).to_latex(standalone=True), path)
    ... else:
    ...     save(path, b"%PDF-")
    >>> open(path, "rb").read(5)
    b'%PDF-'
    """
    save(path, compile_pdf(source, timeout=timeout))


def save(path, data):
    """Write *data* (``bytes``, or ``str`` as UTF-8) to *path*; :class:`InvalidArgumentError` if it cannot.

    Examples
    --------
    >>> save("/no/such/directory/solution.tex", "text")
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: /no/such/directory/solution.tex: cannot write the file: No such file or directory.
    """
    try:
        with open(path, "wb") as file:
            file.write(data if isinstance(data, bytes) else data.encode("utf-8"))
    except OSError as error:
        raise InvalidArgumentError(f"{path}: cannot write the file: {error.strerror or error}.") from error


def _first_error(log_path):
    """The first ``! ...`` line of a TeX log, with the input line it happened on."""
    try:
        with open(log_path, encoding="utf-8", errors="replace") as file:
            log = file.read()
    except OSError:
        return "no log was written"
    found = re.search(r"^! (.*)$", log, re.MULTILINE)
    if found is None:
        return "no PDF was written (see the log of pdflatex)"
    where = re.search(r"^l\.(\d+)", log[found.end() :], re.MULTILINE)
    return found.group(1) + (f" (line {where.group(1)} of the document)" if where else "")
