"""The teaching examples in ``examples/`` run, from the repository root, and print what they promise."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_example(name):
    """Run ``python examples/NAME`` from the repository root; return the completed process."""
    env = dict(os.environ, PYTHONIOENCODING="ascii")  # the output must be plain ASCII
    return subprocess.run(
        [sys.executable, str(Path("examples") / name)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.fixture(scope="module")
def seed():
    """The finished run of ``examples/seed_walkthrough.py``."""
    return run_example("seed_walkthrough.py")


def test_seed_walkthrough_runs(seed):
    assert seed.returncode == 0, seed.stderr
    assert seed.stderr == ""


@pytest.mark.parametrize(
    "line",
    [
        "det(A A^T - lambda I) = lambda**2 - 12*lambda + 27",
        "factored = (lambda - 9)*(lambda - 3)",
        "Eigenvalues (descending): 9, 3",
        "Singular values: 3, sqrt(3)",
        "Left kernel of A (null space of A^T): []",
        "Kernel of A, reduced row echelon basis: [-1/2, -1/4, 1, 0], [-1/2, 1/4, 0, 1]",
        "  v_3 = [2*sqrt(21)/21, sqrt(21)/21, -4*sqrt(21)/21, 0]",
        "  v_4 = [sqrt(7)/7, -2*sqrt(7)/21, sqrt(7)/21, -sqrt(7)/3]",
        "U S V^T == A: True",
        "U^T U == I: True",
        "V^T V == I: True",
        "r.verify() (exact proof, no simplify): True",
    ],
)
def test_seed_walkthrough_key_lines(seed, line):
    assert line in seed.stdout.splitlines(), f"{line!r} missing from the output:\n{seed.stdout}"


def test_seed_walkthrough_headings_in_order(seed):
    headings = [line for line in seed.stdout.splitlines() if line[:1].isdigit() and ". " in line]
    assert [h.split(".")[0] for h in headings] == [str(k) for k in range(1, 9)]
    for word, heading in zip(["matrix A", "Gram", "characteristic", "singular values", "U:", "V:", "kernel", "final"], headings):
        assert word in heading, (word, heading)


def test_seed_walkthrough_main_returns_the_result():
    """Imported, the script runs nothing; ``main()`` returns the verified result."""
    sys.path.insert(0, str(ROOT / "examples"))
    try:
        import seed_walkthrough
    finally:
        sys.path.remove(str(ROOT / "examples"))
    assert seed_walkthrough.A.shape == (2, 4)
    r = seed_walkthrough.main()
    assert r.verify() is True
