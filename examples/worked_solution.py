"""The worked solution of the SageMath blog's matrix, as a LaTeX document and a PDF.

``exactsvd.explain`` writes out the hand method step by step -- Gram matrix,
characteristic polynomial, eigenvalues, singular values, eigenvectors by row
reduction, ``u_i = A v_i / s_i``, completion by a kernel, the final U, Sigma, V,
the exact check and the rank-one expansion -- for the blog's matrix
``A = [[1, 2, 1, 0], [2, 0, 1, 1]]``, ready to hand out.

Run it from the repository root::

    python examples/worked_solution.py [DIRECTORY]    # default: ./worked_solution/

It writes ``DIRECTORY/blog_matrix.tex`` and, with ``pdflatex`` installed,
``DIRECTORY/blog_matrix.pdf``; without ``pdflatex`` it says how to install it
and exits with status 1 after writing the ``.tex`` file.
"""

import argparse
import sys
from pathlib import Path

try:
    from exactsvd.solutions import ToolMissingError, explain
except ImportError:  # run from a checkout without installing the package
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from exactsvd.solutions import ToolMissingError, explain

#: The SageMath blog's matrix.
A = [[1, 2, 1, 0], [2, 0, 1, 1]]


def main(argv=None):
    """Write the ``.tex`` and ``.pdf`` files; return the exit status."""
    parser = argparse.ArgumentParser(description="Write the worked SVD of the blog matrix as LaTeX and PDF.")
    parser.add_argument("directory", nargs="?", default="worked_solution", help="where to write (default: %(default)s)")
    directory = Path(parser.parse_args(argv).directory)
    directory.mkdir(parents=True, exist_ok=True)
    solution = explain(A, rank_one=True)
    print("singular values:", ", ".join(map(str, solution.singular_values)))
    tex = directory / "blog_matrix.tex"
    tex.write_text(solution.to_latex(standalone=True), encoding="utf-8")
    print(f"wrote {tex}")
    pdf = directory / "blog_matrix.pdf"
    try:
        solution.to_pdf(str(pdf))
    except ToolMissingError as error:
        print(f"no PDF: {error}", file=sys.stderr)
        return 1
    print(f"wrote {pdf}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
