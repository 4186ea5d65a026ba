"""Benchmark: a worked solution rendered to LaTeX and to HTML, ``explain(A).to_latex(standalone=True)``
and ``explain(A).to_html()``.

The targets: a 3×3 textbook matrix in well under a second (issue "Worked
solutions"); the blog's matrix as an HTML page in under 0.5 s (issue 12).  Each case is timed in this process after a warm-up on another matrix
(so imports are not charged): *first* is the first call on the matrix (SymPy's
cache cold for it), *best* the fastest of five further calls.

Usage: ``python bench/explain_timing.py`` (writes bench/results/explain_timing.txt).
"""

import os
import platform
import sys
import time
from datetime import datetime

import sympy

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from exactsvd.solutions import explain  # noqa: E402
from report import publish  # noqa: E402

CASES = [
    ("3x3 textbook, casus irreducibilis (CRootOf)", [[1, 2, 3], [4, 5, 6], [7, 8, 10]]),
    ("3x3 textbook, second differences (radicals)", [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]),
    ("2x4 blog matrix [[1,2,1,0],[2,0,1,1]]", [[1, 2, 1, 0], [2, 0, 1, 1]]),
]
REPEATS = 5


RENDERINGS = {
    "latex": lambda solution: solution.to_latex(standalone=True),
    "html": lambda solution: solution.to_html(),
}


def seconds(A, render):
    start = time.perf_counter()
    render(explain(A))
    return time.perf_counter() - start


def main():
    for render in RENDERINGS.values():
        seconds([[2, 1], [1, 3]], render)
    lines = [
        f"# explain(A).to_latex(standalone=True) and explain(A).to_html() -- {datetime.now():%Y-%m-%d %H:%M}, "
        f"Python {platform.python_version()}, SymPy {sympy.__version__}",
        f"# seconds; first call on the matrix, then the best of {REPEATS}",
        f"{'case':<48}{'output':>8}{'first':>8}{'best':>8}",
    ]
    for name, A in CASES:
        for output, render in RENDERINGS.items():
            first = seconds(A, render)
            best = min(seconds(A, render) for _ in range(REPEATS))
            lines.append(f"{name:<48}{output:>8}{first:>8.3f}{best:>8.3f}")
    publish(lines, "explain_timing.txt")


if __name__ == "__main__":
    main()
