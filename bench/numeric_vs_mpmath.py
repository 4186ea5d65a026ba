"""Benchmark: ``exactsvd.numeric.numeric_svd`` against mpmath's ``mp.svd_r``, in the same run.

Random n×n matrices (entries uniform in [-1, 1), as SymPy Floats for us and as
mpf for mpmath: the same numbers) at 50 and 100 digits.  For each case:

- ours-fallback: ``numeric_svd(A, dps=N, fast=False)`` (mpmath ``svd_r`` with
  guard digits, plus canonical form and certification, pure Python);
- ours-fast: ``numeric_svd(A, dps=N, fast=True)`` (float64 SVD refined by
  Ogita–Aishima on python-flint products, plus canonical form and certification);
- mp.svd_r: ``mp.svd_r(M)`` at ``mp.dps = N``, no certificate.

Times are CPU seconds of this process (``time.process_time``, all threads
counted), so that other processes on a shared machine skew them little; each
case runs in rounds, each round timing the three in turn; a method's time is its
best round: 3 rounds (up to 15 for the fast cases, 2 where mp.svd_r takes
more than 5 s).  mp.svd_r (and the fallback, which costs the same) is skipped
where its time, extrapolated as n**3 from the previous size, would exceed 60 s;
n = 160 is run for the fast path only.  Imports and first calls are warmed up
before timing.

Usage: ``python bench/numeric_vs_mpmath.py`` (writes bench/results/numeric_vs_mpmath.txt).
"""

import os
import platform
import random
import sys
import time

import mpmath
import sympy
from mpmath import mp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from exactsvd.numeric import numeric_svd

SIZES = (10, 20, 40, 80, 160)
FAST_ONLY = (160,)
DIGITS = (50, 100)
LIMIT = 60.0
HEADER = f"{'n':>4} {'dps':>4} {'fallback':>9} {'fast':>8} {'svd_r':>9} {'fb/svd_r':>9} {'svd_r/fast':>10} digits"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "results", "numeric_vs_mpmath.txt")


def timed(fn, *args, **kwargs):
    """CPU seconds of this process (all its threads) for one call, and the result."""
    start = time.process_time()
    result = fn(*args, **kwargs)
    return time.process_time() - start, result


def another_round(ref_times):
    """3 rounds (2 when mp.svd_r takes over 5 s), more (up to 15) while they total under a second."""
    if len(ref_times) >= 2 and ref_times[0] > 5:
        return False
    return len(ref_times) < 3 or (len(ref_times) < 15 and sum(ref_times) < 1.0)


def svd_r(M, dps):
    with mp.workdps(dps):
        return mp.svd_r(M)


def main():
    rng = random.Random(20240601)
    numeric_svd(sympy.ImmutableMatrix([[1, 2], [3, 4]]), dps=20, fast=True)  # warm up imports
    numeric_svd(sympy.ImmutableMatrix([[1, 2], [3, 4]]), dps=20, fast=False)
    lines = [
        (
            f"# numeric_svd vs mpmath.mp.svd_r -- {time.strftime('%Y-%m-%d %H:%M')}, "
            f"Python {platform.python_version()}, mpmath {mpmath.__version__} "
            f"(backend {mpmath.libmp.BACKEND}), {_accelerators()}"
        ),
        (
            "# random n x n, entries uniform in [-1, 1); CPU seconds of this process (best of interleaved rounds); "
            f"load average at start {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
        ),
        "# fb/svd_r: our pure-Python path over mpmath's (target <= 1.2)",
        "# svd_r/fast: speed-up of the fast path (targets: 20x at 50 digits, 10x at 100, for n = 80)",
        "# digits: certified significant digits (relative to s_1), fallback / fast",
        HEADER,
    ]
    print("\n".join(lines), flush=True)
    previous = {}
    for n in SIZES:
        rows = [[rng.uniform(-1, 1) for _ in range(n)] for _ in range(n)]
        A = sympy.ImmutableMatrix([[sympy.Float(x) for x in row] for row in rows])
        M = mp.matrix(rows)
        for dps in DIGITS:
            estimate = previous.get(dps, 0) * (n / (n // 2)) ** 3
            if n in FAST_ONLY or estimate > LIMIT:
                previous[dps] = estimate
                runs = [timed(numeric_svd, A, dps=dps, fast=True) for _ in range(3)]
                t_fast, fast = min(t for t, _ in runs), runs[-1][1]
                line = (
                    f"{n:>4} {dps:>4} {'-':>9} {t_fast:>8.3f} {'-':>9} {'-':>9} {'-':>10} {'-':>3} / {fast.digits:<3}"
                    f"  (svd_r and fallback skipped: svd_r estimated at {estimate:.0f} s)"
                )
            else:
                times = {"ref": [], "fb": [], "fast": []}
                while another_round(times["ref"]):
                    times["ref"].append(timed(svd_r, M, dps)[0])
                    t, fb = timed(numeric_svd, A, dps=dps, fast=False)
                    times["fb"].append(t)
                    t, fast = timed(numeric_svd, A, dps=dps, fast=True)
                    times["fast"].append(t)
                t_ref, t_fb, t_fast = (min(times[k]) for k in ("ref", "fb", "fast"))
                previous[dps] = t_ref
                line = (
                    f"{n:>4} {dps:>4} {t_fb:>9.3f} {t_fast:>8.3f} {t_ref:>9.3f} {t_fb / t_ref:>9.3f} "
                    f"{t_ref / t_fast:>9.1f}x {fb.digits:>3} / {fast.digits:<3}"
                )
            print(line, flush=True)
            lines.append(line)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as out:
        out.write("\n".join(lines) + "\n")


def _accelerators():
    names = []
    for module in ("numpy", "flint"):
        try:
            names.append(f"{module} {__import__(module).__version__}")
        except ImportError:
            names.append(f"no {module}")
    return ", ".join(names)


if __name__ == "__main__":
    main()
