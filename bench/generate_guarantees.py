"""Benchmark and check: 200 seeds of ``exactsvd.generate`` per difficulty, every guarantee asserted.

For each difficulty the problems cycle through the shapes and ranks of
``tests/test_generate.py`` (``problem(seed, difficulty)``); each one goes through
the shared checker's ``check_generated_problem`` (small entries, no zero line,
no diagonal Gram matrix, the canonical SVD verified exactly and at 50 digits,
the singular values the difficulty promises).  The unit test does the same for
fewer seeds; this script does the issue's 200 and reports the time per problem.

Usage: ``python bench/generate_guarantees.py [SEEDS]`` (writes bench/results/generate_guarantees.txt).
"""

import os
import platform
import sys
import time
from datetime import datetime

import sympy

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, ".."), os.path.join(HERE, "..", "tests")]
import exactsvd  # noqa: E402
from checker import check_generated_problem  # noqa: E402
from exactsvd.exercises import DIFFICULTIES, generate  # noqa: E402
from report import publish  # noqa: E402
from test_generate import problem  # noqa: E402


def main():
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    lines = [
        f"# {seeds} seeds of exactsvd.generate per difficulty, every guarantee checked -- "
        f"{datetime.now():%Y-%m-%d %H:%M}, Python {platform.python_version()}, SymPy {sympy.__version__}",
        f"{'difficulty':<12}{'problems':>10}{'failed':>8}{'generate s':>12}{'check s':>10}{'ms/problem':>12}",
    ]
    for difficulty in DIFFICULTIES:
        failed, making, checking = [], 0.0, 0.0
        for seed in range(seeds):
            m, n, rank = problem(seed, difficulty)
            start = time.perf_counter()
            A = generate(m, n, rank, seed=seed, difficulty=difficulty)
            made = time.perf_counter()
            try:
                check_generated_problem(A, exactsvd.svd(A), rank, difficulty)
            except AssertionError as error:
                failed.append(f"seed {seed}: {error}")
            checking += time.perf_counter() - made
            making += made - start
        per = 1000 * making / seeds
        lines.append(f"{difficulty:<12}{seeds:>10}{len(failed):>8}{making:>12.2f}{checking:>10.2f}{per:>12.1f}")
        lines += [f"#   {line}" for line in failed[:5]]
    publish(lines, "generate_guarantees.txt")


if __name__ == "__main__":
    main()
