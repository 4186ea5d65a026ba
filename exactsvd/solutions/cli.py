"""The ``explain`` subcommand of the command line.

::

    exactsvd explain MATRIX [--markdown] [--latex FILE.tex] [--pdf FILE.pdf] [--html FILE.html] [--gram AtA|AAt] [--rank-one]

Prints the worked solution as text (or Markdown); ``--latex``, ``--pdf`` and
``--html`` write the LaTeX document, its PDF (compiled with ``pdflatex``) and a
self-contained HTML page (MathML) instead, and print what they wrote.  Errors are :class:`~exactsvd.ExactSVDError`, which
``exactsvd.cli.main`` reports with exit code 2.

``exactsvd.cli`` imports this module, so its helpers (:func:`read_matrix`,
``MATRIX_HELP``) are imported when a command runs, not at import time.
"""

from .build import GRAMS, explain
from .latex import PAPERS
from .pdf import save

HELP = "a worked solution by the hand method, step by step (text, Markdown, LaTeX, PDF or HTML)"


def add_arguments(parser):
    """Add the arguments of ``explain`` to *parser* (for ``exactsvd.cli.COMMANDS``).

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> parser.parse_args(["[[3, 4]]", "--gram", "AtA", "--markdown"]).gram
    'AtA'
    """
    from ..cli import MATRIX_HELP, file_argument, symbols_option

    parser.add_argument("matrix", metavar="MATRIX", help=MATRIX_HELP)
    symbols_option(parser)
    parser.add_argument("--markdown", action="store_true", help="print Markdown with $ and $$ math instead of text")
    parser.add_argument("--latex", metavar="FILE.tex", type=file_argument,
                        help="write the worked solution as a LaTeX document")
    parser.add_argument("--pdf", metavar="FILE.pdf", type=file_argument, help="write it as a PDF (needs pdflatex)")
    parser.add_argument("--html", metavar="FILE.html", type=file_argument,
                        help="write it as one self-contained HTML page (MathML)")
    parser.add_argument("--paper", choices=tuple(PAPERS), default="a4", help="paper size of --latex and --pdf")
    parser.add_argument("--gram", choices=GRAMS, help="the Gram matrix to use (default: the smaller one)")
    parser.add_argument("--rank-one", action="store_true", help="add the expansion A = s1 u1 v1^T + ...")


def run(args):
    """Run ``explain`` on parsed arguments; return the exit code (0).

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser(prog="exactsvd explain")
    >>> add_arguments(parser)
    >>> run(parser.parse_args(["[[3, 4]]", "--markdown"]))  # doctest: +ELLIPSIS
    # Singular value decomposition of a 1×2 matrix, step by step
    ...
    0
    """
    from ..cli import distinct_outputs, read_matrix

    distinct_outputs(latex=args.latex, pdf=args.pdf, html=args.html)
    solution = explain(read_matrix(args.matrix, symbols=args.symbols), gram=args.gram, rank_one=args.rank_one)
    if args.latex:
        save(args.latex, solution.to_latex(standalone=True, paper=args.paper))
        print(f"wrote {args.latex}")
    if args.pdf:
        solution.to_pdf(args.pdf, paper=args.paper)
        print(f"wrote {args.pdf}")
    if args.html:
        save(args.html, solution.to_html())
        print(f"wrote {args.html}")
    if args.markdown:
        print(solution.to_markdown(), end="")
    elif not (args.latex or args.pdf or args.html):
        print(solution.to_text())
    return 0
