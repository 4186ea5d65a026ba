"""Matrices with parameters (issue 15): the generic SVD and the singular values, timed, against SymPy.

    python bench/symbolic.py            # prints the table, writes bench/results/symbolic.txt
    python bench/symbolic.py --no-write

Ours: ``r = exactsvd.svd(A)``, ``U, S, V = r``, ``r.verify()`` (the proof), and separately
``exactsvd.singular_values(A)``.  SymPy: ``Matrix(A).singular_values()`` (unordered, sometimes
unsimplified), in a worker process stopped after ``--timeout-sympy`` seconds.  Each time is the
minimum of ``--repeat`` runs in this process after one warm-up; the machine is shared, so compare
the ratios of one run.  Targets: every case under 5 s, ``singular_values`` of a 3x3 with one
parameter under 1 s.
"""

import argparse
import multiprocessing
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))

import sympy  # noqa: E402
from sympy import Matrix, cos, diag, sin, sqrt, symbols  # noqa: E402

import exactsvd  # noqa: E402

x, y, a, t = symbols("x y a t", real=True)
p = symbols("p", positive=True)

CASES = [
    ("peer: diag(1, x, 5)", diag(1, x, 5)),
    ("peer: rotation", Matrix([[cos(t), -sin(t)], [sin(t), cos(t)]])),
    ("peer: shear [[1,a],[0,1]]", Matrix([[1, a], [0, 1]])),
    ("peer: [[0,1,0],[0,x,0],[-1,0,0]]", Matrix([[0, 1, 0], [0, x, 0], [-1, 0, 0]])),
    ("peer: [[x]] real", Matrix([[x]])),
    ("peer: [[x]] complex", Matrix([[symbols("z", complex=True)]])),
    ("peer: [[x+1,0],[0,2x+1]] x>0", Matrix([[p + 1, 0], [0, 2 * p + 1]])),
    ("peer: [[x,0],[0,-5]]", Matrix([[x, 0], [0, -5]])),
    ("peer: [[x,0],[0,2x]] x>0", Matrix([[p, 0], [0, 2 * p]])),
    ("3x3 circulant in x", Matrix([[1, x, 0], [0, 1, x], [x, 0, 1]])),
    ("3x3 [[x,1,1],[1,x,1],[1,1,x]]", Matrix([[x, 1, 1], [1, x, 1], [1, 1, x]])),
    ("3x3 two parameters", Matrix([[x, 1, 0], [1, x, 0], [0, 0, y]])),
    ("3x2 [[1,x],[x,1],[0,1]]", Matrix([[1, x], [x, 1], [0, 1]])),
    ("2x2 [[x,y],[0,1]]", Matrix([[x, y], [0, 1]])),
    ("2x2 sqrt(2) constants", Matrix([[sqrt(2), x], [0, sqrt(2)]])),
    ("3x3 [[x,0,0],[0,1,0],[0,0,2]]", Matrix([[x, 0, 0], [0, 1, 0], [0, 0, 2]])),
    ("2x2 complex shear [[1,z],[0,1]]", Matrix([[1, symbols("z", complex=True)], [0, 1]])),
]


def _best(f, repeat):
    f()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        f()
        times.append(time.perf_counter() - start)
    return min(times)


def _ours_svd(A):
    r = exactsvd.svd(A)
    U, S, V = r
    r.verify()


def _sympy_worker(A, queue):
    start = time.perf_counter()
    Matrix(A).singular_values()
    queue.put(time.perf_counter() - start)


def _sympy_time(A, timeout):
    queue = multiprocessing.Queue()
    worker = multiprocessing.Process(target=_sympy_worker, args=(A, queue))
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        worker.kill()
        worker.join()
        return None
    return queue.get() if not queue.empty() else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout-sympy", type=float, default=20)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    lines = [f"exactsvd symbolic path, SymPy {sympy.__version__}, ground types "
             f"{sympy.external.gmpy.GROUND_TYPES}, min of {args.repeat} runs",
             f"{'case':36} {'svd+verify':>11} {'sing. values':>13} {'SymPy s.v.':>11} {'ratio':>7}"]
    print(*lines, sep="\n")
    for name, A in CASES:
        ours = _best(lambda: _ours_svd(A), args.repeat)
        values = _best(lambda: exactsvd.singular_values(A), args.repeat)
        theirs = _sympy_time(A, args.timeout_sympy)
        shown = f"{theirs:10.3f}s" if theirs is not None else f">{args.timeout_sympy:g}s".rjust(11)
        ratio = f"{theirs / values:6.1f}x" if theirs is not None else "-".rjust(7)
        line = f"{name:36} {ours:10.3f}s {values:12.3f}s {shown} {ratio}"
        lines.append(line)
        print(line, flush=True)
    if not args.no_write:
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", "symbolic.txt")
        with open(path, "w") as out:
            out.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
