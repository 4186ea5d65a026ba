#!/usr/bin/env python
"""Benchmark exactsvd against SymPy's ``Matrix.singular_value_decomposition``.

Every measurement runs in a fresh Python process (this script with ``--worker``,
JSON lines on stdout) with a timeout; a worker that runs over is killed and
reported as ``>60s (timeout)``.  See ``bench/README.md`` for the columns and the
targets.

    python bench/compare_sympy.py                 # everything, writes bench/results/compare_sympy.{txt,json}
    python bench/compare_sympy.py --quick         # small cases only (smoke run)
    python bench/compare_sympy.py --cases 'gen-*,tb-*'
    python bench/compare_sympy.py --ground-types flint   # with python-flint (accelerated)

Our time is ``r = exactsvd.svd(A)`` + ``U, S, V = r`` + ``r.verify()`` (verify is
also reported on its own); SymPy's time is ``Matrix(A).singular_value_decomposition()``.
After our timing the worker also checks the answer independently (outside the
timed part): full shapes, descending values equal to mpmath's high-precision SVD,
the identities and the sign rules numerically at 40 digits, and the kernel
completions exactly against the hand method (RREF basis, Gram–Schmidt).
"""

import argparse
import fnmatch
import json
import os
import platform
import random
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from cases import GOLUB_REINSCH  # noqa: E402  (the tests' copy of the textbook matrix)
from fractions import Fraction
from math import lcm

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "results")

# Targets from the issue (2-core machine, no optional accelerators).
GENERIC_TARGETS = {10: 2.0, 20: 30.0}   # seconds for exact, verified full SVD of gen-n
VERIFY_TARGET = ("gen-10", 1.0)          # verify() of the generic 10x10 within 1 s
MEMORY_TARGET_MIB = 1024.0               # no case above 1 GiB
RATIO_TARGET = 1.0                       # ours / sympy on every case SymPy finishes
COMPLEX_TARGETS = {"cx-gauss-5": 2.0, "cx-gauss-10": 20.0, "cx-fourier-8": 1.0}   # issue 11, seconds

WARMUP_MATRIX = [[2, 1], [1, 3]]         # warms lazy imports on both sides; not a benchmark case


# ---------------------------------------------------------------------------
# Cases (deterministic)
# ---------------------------------------------------------------------------

TEXTBOOK = [
    ("tb-2x4", [[1, 2, 1, 0], [2, 0, 1, 1]]),
    ("tb-2x2", [[3, 0], [4, 5]]),
    ("tb-2x3", [[4, 11, 14], [8, 7, -2]]),
    ("tb-3x2-rank1", [[1, -1], [-2, 2], [2, -2]]),
    ("tb-fib", [[1, 1], [1, 0]]),
    ("tb-3x3", [[1, 2, 3], [4, 5, 6], [7, 8, 10]]),
    ("tb-2x4b", [[1, 1, 1, 0], [0, 1, 2, 1]]),
    # Golub & Reinsch (mpmath's SVD test case), shared with the tests; singular values sqrt(1248), 20, sqrt(384), 0, 0.
    ("tb-golub-8x5", GOLUB_REINSCH),
]
GENERIC_SIZES = (3, 4, 5, 6, 8, 10, 12, 15, 20, 30, 40)
PHASE_SIZES = (10, 20, 30, 40)           # the four phases (issue 9) are reported for these and the cases below
NICE_SIZES = (3, 5, 10, 15, 20)
LOWRANK = ((6, 3), (6, 5), (10, 3), (10, 5))
GAUSSIAN_SIZES = tuple(range(2, 11))
FOURIER_SIZES = (4, 8)
QUICK = {"tb-*", "gen-3", "gen-4", "gen-5", "nice-cayley-3", "nice-hh-3", "nice-cayley-5", "lowrank-6-k3", "rank3-6x6"}


def generic(n):
    """Random integer n×n, entries -9..9, seed 1000 + n."""
    rng = random.Random(1000 + n)
    return [[rng.randint(-9, 9) for _ in range(n)] for _ in range(n)]


def _cayley(n, rng):
    """Rational orthogonal ``(I - K)(I + K)^-1`` for a random skew K with entries -1..1."""
    from sympy import eye, zeros
    K = zeros(n)
    for i in range(n):
        for j in range(i + 1, n):
            x = rng.randint(-1, 1)
            K[i, j], K[j, i] = x, -x
    return (eye(n) - K) * (eye(n) + K).inv()


def _householder(n, rng, count=3):
    """Rational orthogonal product of *count* reflections ``I - 2 v v^T / v^T v``, v integer in -3..3."""
    from sympy import Matrix, eye
    Q = eye(n)
    for _ in range(count):
        v = Matrix([rng.randint(-3, 3) for _ in range(n)])
        if v.is_zero_matrix:
            v[0] = 1
        Q = Q * (eye(n) - 2 * v * v.T / (v.T * v)[0, 0])
    return Q


def nice(n, kind):
    """``L * U D V^T``: U, V rational orthogonal, D distinct integers 1..n shuffled, L the lcm of denominators.

    Returns the integer matrix and its exact singular values (descending).
    """
    from sympy import diag, fraction
    rng = random.Random(2000 + n + (0 if kind == "cayley" else 500))
    make = _cayley if kind == "cayley" else _householder
    U, V = make(n, rng), make(n, rng)
    d = list(range(1, n + 1))
    rng.shuffle(d)
    A = U * diag(*d) * V.T
    L = lcm(*[int(fraction(x)[1]) for x in A])
    rows = [[int(L * A[i, j]) for j in range(n)] for i in range(n)]
    return rows, [L * x for x in sorted(d, reverse=True)]


def lowrank(n, k):
    """Random integer n×k times k×n (entries -5..5), seed 3000 + 10 n + k; rank k (generically)."""
    rng = random.Random(3000 + 10 * n + k)
    X = [[rng.randint(-5, 5) for _ in range(k)] for _ in range(n)]
    Y = [[rng.randint(-5, 5) for _ in range(n)] for _ in range(k)]
    return [[sum(X[i][t] * Y[t][j] for t in range(k)) for j in range(n)] for i in range(n)]


def gaussian(n):
    """Random Gaussian-integer n×n, entries a + b i with a, b in -9..9, seed 4000 + n; entries as text."""
    rng = random.Random(4000 + n)
    return [[f"{rng.randint(-9, 9)}+{rng.randint(-9, 9)}*I" for _ in range(n)] for _ in range(n)]


def fourier(n):
    """The Fourier matrix ``[w^(jk)]``, ``w = exp(-2 pi i / n)``, entries as exact radicals in text."""
    from sympy import I, exp, expand_complex, pi
    return [[str(expand_complex(exp(-2 * pi * I * j * k / n))) for k in range(n)] for j in range(n)]


def identity_stack(m=1000, n=66):
    """The m×n stack of n×n identities (NumPy's large-identity test shape): rank n, a thin SVD case."""
    return [[int(i % n == j) for j in range(n)] for i in range(m)]


def hilbert(n=12):
    """The n×n Hilbert matrix ``1/(i + j - 1)`` (a Sage doctest): ill-conditioned, irreducible spectrum."""
    return [[Fraction(1, i + j + 1) for j in range(n)] for i in range(n)]


def rank3():
    """The 6×6 ``(i + j)^2``: rank 3 (i^2 + 2ij + j^2), symmetric."""
    return [[(i + j) ** 2 for j in range(1, 7)] for i in range(1, 7)]


def all_cases():
    """Dict name -> (family, build); build() returns the integer rows and the exact singular values when known."""
    cases = {}
    for name, rows in TEXTBOOK:
        cases[name] = ("textbook", lambda rows=rows: (rows, None))
    for n in GENERIC_SIZES:
        cases[f"gen-{n}"] = ("generic", lambda n=n: (generic(n), None))
    for kind in ("cayley", "hh"):
        for n in NICE_SIZES:
            cases[f"nice-{kind}-{n}"] = ("nice", lambda n=n, kind=kind: nice(n, kind))
    for n, k in LOWRANK:
        cases[f"lowrank-{n}-k{k}"] = ("rank-deficient", lambda n=n, k=k: (lowrank(n, k), None))
    cases["rank3-6x6"] = ("rank-deficient", lambda: (rank3(), None))
    for n in GAUSSIAN_SIZES:
        cases[f"cx-gauss-{n}"] = ("complex", lambda n=n: (gaussian(n), None))
    for n in FOURIER_SIZES:
        cases[f"cx-fourier-{n}"] = ("complex", lambda n=n: (fourier(n), [f"sqrt({n})"] * n))
    cases["thin-1000x66"] = ("thin", lambda: (identity_stack(), None))
    cases["hilbert-12"] = ("ill-conditioned", lambda: (hilbert(), None))
    return cases


FORMS = {"thin-1000x66": "thin"}         # every other case is measured in the full form


def phase_case(name):
    """Whether *name* is one of the cases whose four phases the issue asks for."""
    return name in FORMS or name == "hilbert-12" or name in {f"gen-{n}" for n in PHASE_SIZES}


def select(names, patterns, quick):
    chosen = list(names)
    if quick:
        chosen = [c for c in chosen if any(fnmatch.fnmatch(c, p) for p in QUICK)]
    if patterns:
        pats = [p.strip() for p in patterns.split(",") if p.strip()]
        chosen = [c for c in chosen
                  if any(fnmatch.fnmatch(c, p) if any(ch in p for ch in "*?[") else p in c for p in pats)]
    return chosen


# ---------------------------------------------------------------------------
# Worker (runs in a fresh process)
# ---------------------------------------------------------------------------

def _emit(record):
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


def _peak_mib():
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # KiB on Linux


def _error(exc):
    import traceback
    tb = traceback.format_exception(type(exc), exc, exc.__traceback__)
    return {"type": type(exc).__name__, "message": str(exc)[:2000], "traceback": "".join(tb[-6:])[-4000:]}


def worker(side, case_name):
    """Measure one side on one case; print JSON lines (``timing`` first, then ``check`` for ours)."""
    sys.path.insert(0, os.environ.get("EXACTSVD_BENCH_ROOT", ROOT))
    import sympy
    from sympy.external.gmpy import GROUND_TYPES
    family, build = all_cases()[case_name]
    rows, expected = build()
    from sympy.core.cache import clear_cache
    clear_cache()  # building a "nice" case uses SymPy; start both sides from an empty cache
    base = {"kind": "timing", "side": side, "case": case_name, "ground_types": GROUND_TYPES}
    if side == "ours":
        import exactsvd
        w = exactsvd.svd(WARMUP_MATRIX)
        tuple(w)
        w.verify()
        baseline = _peak_mib()
        try:
            c0, t0 = time.process_time(), time.perf_counter()
            r = exactsvd.svd(rows, form=FORMS.get(case_name, "full"))
            t1 = time.perf_counter()
            U, S, V = r
            c2, t2 = time.process_time(), time.perf_counter()
            r.verify()
            c3, t3 = time.process_time(), time.perf_counter()
        except Exception as exc:  # noqa: BLE001 - reported, never hidden
            _emit({**base, "ok": False, "error": _error(exc), "peak_mib": _peak_mib(), "baseline_mib": baseline})
            return
        _emit({**base, "ok": True, "total": t3 - t0, "svd": t1 - t0, "factors": t2 - t1, "verify": t3 - t2,
               "cpu_total": c3 - c0, "cpu_verify": c3 - c2,
               "peak_mib": _peak_mib(), "baseline_mib": baseline, "rank": r.rank,
               "singular_values": [str(s) for s in r.singular_values]})
        try:
            t = time.perf_counter()
            check = check_complex_answer if family == "complex" else check_answer
            problems, notes = check(rows, r, U, S, V, expected, FORMS.get(case_name, "full"))
            _emit({"kind": "check", "ok": not problems, "problems": problems, "notes": notes,
                   "seconds": time.perf_counter() - t})
        except Exception as exc:  # noqa: BLE001
            _emit({"kind": "check", "ok": False, "problems": [f"checker crashed: {type(exc).__name__}: {exc}"[:500]],
                   "error": _error(exc)})
    else:
        M = sympy.Matrix(WARMUP_MATRIX)
        M.singular_value_decomposition()
        baseline = _peak_mib()
        A = sympy.Matrix(rows)
        try:
            c0, t0 = time.process_time(), time.perf_counter()
            U, S, V = A.singular_value_decomposition()
            c1, t1 = time.process_time(), time.perf_counter()
        except Exception as exc:  # noqa: BLE001
            _emit({**base, "ok": False, "error": _error(exc), "peak_mib": _peak_mib(), "baseline_mib": baseline})
            return
        _emit({**base, "ok": True, "total": t1 - t0, "cpu_total": c1 - c0, "peak_mib": _peak_mib(), "baseline_mib": baseline,
               "shapes": [list(U.shape), list(S.shape), list(V.shape)]})


# ---------------------------------------------------------------------------
# Independent check of our answer (outside the timed part)
# ---------------------------------------------------------------------------

DPS = 40


def _numeric(M, cache):
    """Entries of the SymPy matrix M as mpmath mpf at DPS digits, each correct to about DPS + 5 digits.

    The expression trees are evaluated node by node in mpmath (``CRootOf`` numbers once each per
    precision, from SymPy) at ``3 DPS`` digits, then again at twice that until two evaluations agree:
    entries of ill-conditioned cases (the Hilbert matrix) cancel heavily.  *cache* keeps the roots.
    """
    import mpmath
    precision, previous = 3 * DPS, None
    while True:
        with mpmath.workdps(precision):
            values = _evaluate_entries(M, cache.setdefault(precision, {}))
        if previous is not None and all(
            abs(a - b) <= mpmath.mpf(10) ** (-(DPS + 5)) * max(1, abs(a)) for a, b in zip(values, previous)
        ):
            break
        if precision > 40 * DPS:
            raise ValueError(f"the entries do not settle at {precision} digits")
        precision, previous = 2 * precision, values
    out = mpmath.matrix(*M.shape)
    for index, value in enumerate(values):
        out[index // M.cols, index % M.cols] = +value  # rounded to the working DPS
    return out


def _evaluate_entries(M, roots):
    """The entries of M (row by row) as mpmath numbers at the working precision; complex entries are refused."""
    import mpmath
    from sympy import Add, CRootOf, Mul, Pow
    memo = {}

    def evaluate(expr):
        """A SymPy number expression in mpmath (sums, products, powers, CRootOf), each subexpression once."""
        if expr in memo:
            return memo[expr]
        if expr.is_Rational:
            value = mpmath.mpf(int(expr.p)) / int(expr.q)
        elif isinstance(expr, CRootOf):
            if expr not in roots:
                roots[expr] = _real_root(expr, roots)
            value = roots[expr]
        elif isinstance(expr, Add):
            value = mpmath.fsum(evaluate(a) for a in expr.args)
        elif isinstance(expr, Mul):
            value = mpmath.fprod(evaluate(a) for a in expr.args)
        elif isinstance(expr, Pow) and expr.exp.is_Rational:
            base, e = evaluate(expr.base), expr.exp
            if e.is_Integer:
                value = base ** int(e)
            else:
                value = (mpmath.sqrt(base) if e.q == 2 else mpmath.root(base, int(e.q))) ** int(e.p)
        else:
            value = expr._to_mpmath(mpmath.mp.prec + 30)
        memo[expr] = value
        return value

    values = []
    for i in range(M.rows):
        for j in range(M.cols):
            value = evaluate(M[i, j])
            if isinstance(value, mpmath.mpc):
                if abs(value.imag) > mpmath.mpf(10) ** (-DPS):
                    raise ValueError(f"entry ({i}, {j}) is not real: {M[i, j]}")
                value = value.real
            values.append(value)
    return values


def _real_root(root, roots):
    """A real ``CRootOf`` at the working precision: mpmath's ``polyroots`` of its polynomial (all roots at once,
    cached in *roots* under the polynomial), the real ones ascending, as SymPy numbers them; SymPy's own
    evaluation (slow for degree 40) only when those do not converge."""
    import mpmath
    poly = root.poly
    if poly not in roots:
        coefficients = [mpmath.mpf(int(c.p)) / int(c.q) for c in poly.all_coeffs()]
        try:
            found = mpmath.polyroots(coefficients, maxsteps=400, extraprec=4 * mpmath.mp.prec)
        except mpmath.libmp.NoConvergence:
            found = None
        real = None
        if found is not None:
            real = sorted(mpmath.re(z) for z in found if abs(mpmath.im(z)) <= mpmath.mpf(10) ** (-mpmath.mp.dps // 2))
        roots[poly] = real
    real = roots[poly]
    if real is not None and root.is_real and len(real) > root.index:
        return real[root.index]
    return root._to_mpmath(mpmath.mp.prec + 30)


def _orthonormal_kernel(B):
    """The hand method's basis of ker(B): RREF basis, Gram–Schmidt in order, normalised, first non-zero > 0."""
    from sympy import sqrt
    basis = B.nullspace()
    if not basis:
        return []
    ortho = []
    for v in basis:
        w = v
        for q in ortho:
            w = w - (q.dot(v) / q.dot(q)) * q
        ortho.append(w)
    out = []
    for w in ortho:
        w = w / sqrt(w.dot(w))
        first = next(x for x in w if x != 0)
        out.append(-w if first < 0 else w)
    return out


def check_complex_answer(rows, r, U, S, V, expected, form="full"):
    """The tests' shared checker (``tests/checker.py``): unitary identities at 50 digits, phase rule, hand bases."""
    from checker import check_svd
    from sympy import Matrix, sympify
    problems = []
    try:
        check_svd(Matrix(rows), r, form)
    except AssertionError as failure:
        problems.append(str(failure)[:500])
    if expected is not None and [sympify(x) for x in expected] != list(r.singular_values):
        problems.append(f"singular values {r.singular_values} differ from the known {expected}")
    return problems, ["checked by tests/checker.py (complex: U^H U, V^H V, U S V^H, phase rule)"]


def check_answer(rows, r, U, S, V, expected, form="full"):
    import mpmath
    from sympy import Matrix, simplify, sympify
    mpmath.mp.dps = DPS
    problems, notes = [], []
    A = Matrix(rows)
    m, n = A.shape
    k = min(m, n)
    # 1. the shapes of the form (full: U m×m, S m×n, V n×n; thin: k = min(m, n) columns)
    shapes = ((m, m), (m, n), (n, n)) if form == "full" else ((m, k), (k, k), (n, k))
    if (U.shape, S.shape, V.shape) != shapes:
        problems.append(f"not {form} form: U {U.shape}, S {S.shape}, V {V.shape} for A {m}x{n}")
        return problems, notes
    m_cols, n_cols = U.shape[1], V.shape[1]
    sv = list(r.singular_values)
    if len(sv) != k:
        problems.append(f"{len(sv)} singular values, expected min(m, n) = {k}")
    # S diagonal with the singular values
    for i in range(S.rows):
        for j in range(S.cols):
            want = sv[i] if (i == j and i < len(sv)) else 0
            if S[i, j] != want:
                problems.append(f"S[{i},{j}] = {S[i, j]} but singular_values gives {want}")
                break
    # 2. values: exact ones if known, and mpmath's SVD of A at high precision
    cache = {}
    num_sv = [_numeric(Matrix([[s]]), cache)[0, 0] for s in sv]
    ref = sorted(mpmath.svd_r(mpmath.matrix(rows), compute_uv=False), reverse=True)
    ref = [mpmath.mpf(x) for x in ref]
    scale = max([abs(x) for x in ref] + [mpmath.mpf(1)])
    tol = scale * mpmath.mpf(10) ** (-(DPS - 10))
    for i, (a, b) in enumerate(zip(num_sv, ref)):
        if abs(a - b) > tol:
            problems.append(f"singular value {i}: ours {mpmath.nstr(a, 15)} vs mpmath {mpmath.nstr(b, 15)}")
            break
    for i in range(len(num_sv) - 1):
        if num_sv[i] < num_sv[i + 1] - tol:
            problems.append(f"singular values not descending at {i}: {sv[i]} < {sv[i + 1]}")
            break
    if any(x < -tol for x in num_sv):
        problems.append("a negative singular value")
    if expected is not None:
        if [sympify(x) for x in expected] != [sympify(x) for x in sv]:
            problems.append(f"singular values {sv} differ from the construction's {expected}")
    rank = sum(1 for x in num_sv if x > tol)
    if rank != r.rank:
        problems.append(f"r.rank = {r.rank}, numerically {rank}")
    # 3. identities and sign rules at DPS digits
    Un, Vn = _numeric(U, cache), _numeric(V, cache)
    An = mpmath.matrix(rows)
    Sn = mpmath.matrix(S.rows, S.cols)
    for i in range(k):
        Sn[i, i] = num_sv[i]
    eps = mpmath.mpf(10) ** (-(DPS - 12))
    if mpmath.mnorm(Un.T * Un - mpmath.eye(m_cols), 1) > eps:
        problems.append("U^T U != I numerically")
    if mpmath.mnorm(Vn.T * Vn - mpmath.eye(n_cols), 1) > eps:
        problems.append("V^T V != I numerically")
    if mpmath.mnorm(Un * Sn * Vn.T - An, 1) > eps * scale:
        problems.append("U S V^T != A numerically")
    small = mpmath.mpf(10) ** (-(DPS - 15))
    for i in range(n_cols):
        col = [Vn[t, i] for t in range(n)]
        first = next((x for x in col if abs(x) > small), None)
        if first is not None and first < 0:
            problems.append(f"rule 4: v_{i} has a negative first non-zero entry")
            break
    for i in range(min(r.rank, k)):
        Av = An * mpmath.matrix([Vn[t, i] for t in range(n)])
        if max(abs(Av[t] - num_sv[i] * Un[t, i]) for t in range(m)) > eps * scale:  # no division: s_i may be tiny
            problems.append(f"rule 3: u_{i} != A v_{i} / s_{i}")
            break
    for i in range(r.rank, m_cols):
        col = [Un[t, i] for t in range(m)]
        first = next((x for x in col if abs(x) > small), None)
        if first is not None and first < 0:
            problems.append(f"rule 4: unpaired u_{i} has a negative first non-zero entry")
            break
    # 4. kernel completions exactly against the hand method (rules 5, 6)
    if form == "full" and r.rank < max(m, n) and max(m, n) <= 12:
        for name, F, B, size in (("V", V, A, n), ("U", U, A.T, m)):
            want = _orthonormal_kernel(B)
            got = [F[:, j] for j in range(size - len(want), size)]
            for j, (g, w) in enumerate(zip(got, want)):
                if any(simplify(x - y) != 0 for x, y in zip(g, w)):
                    problems.append(f"rule 5/6: kernel column {size - len(want) + j} of {name} is {list(g)}, "
                                    f"hand method gives {list(w)}")
                    break
        notes.append("kernel completions compared exactly")
    return problems, notes


# ---------------------------------------------------------------------------
# Driver
# ---------------------------------------------------------------------------

def _env(ground_types, root):
    env = dict(os.environ)
    env["SYMPY_GROUND_TYPES"] = ground_types
    env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env["PYTHONHASHSEED"] = "0"
    env["EXACTSVD_BENCH_ROOT"] = root
    return env


def run_cli(case, timeout, ground_types, root):
    """Wall seconds of ``python -m exactsvd @case.json [--form F]`` end to end (import, parse, SVD, printing)."""
    import tempfile
    rows, _ = all_cases()[case][1]()
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump([[str(x) for x in row] for row in rows], f)
    cmd = [sys.executable, "-m", "exactsvd", "@" + f.name] + (["--form", FORMS[case]] if case in FORMS else [])
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=_env(ground_types, root), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, start_new_session=True, cwd=tempfile.gettempdir())
    try:
        _, err = proc.communicate(timeout=timeout)
        status = "ok" if proc.returncode == 0 else "error"
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
        status = "timeout"
    finally:
        os.unlink(f.name)
    return {"status": status, "total": time.perf_counter() - start, "timeout": timeout,
            "returncode": proc.returncode, "stderr": (err or "")[-500:]}


def run_worker(side, case, timeout, ground_types, root=ROOT):
    env = _env(ground_types, root)
    cmd = [sys.executable, os.path.abspath(__file__), "--worker", side, case]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    timed_out = False
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        proc.kill()
        out, err = proc.communicate()
    wall = time.perf_counter() - start
    records = []
    for line in out.splitlines():
        try:
            records.append(json.loads(line))
        except ValueError:
            pass
    timing = next((x for x in records if x.get("kind") == "timing"), None)
    check = next((x for x in records if x.get("kind") == "check"), None)
    result = {"side": side, "timeout": timeout, "wall": wall, "returncode": proc.returncode}
    if timing is None:
        if timed_out:
            result.update(status="timeout")
        else:
            result.update(status="crash", stderr=err[-3000:])
        return result
    result.update(timing)
    result["status"] = "ok" if timing["ok"] else "error"
    if side == "ours":
        if check is not None:
            result["check"] = check
        else:
            result["check"] = {"ok": None, "problems": ["check timed out" if timed_out else "check crashed: " + err[-800:]]}
    return result


REPEAT_BELOW = 1.0   # seconds: faster measurements are repeated (fresh processes) and the minimum kept


def measure(side, case, timeout, ground_types, repeat, root=ROOT):
    """``run_worker``, repeated *repeat* times in total when a run takes under REPEAT_BELOW s; keep the fastest."""
    first = run_worker(side, case, timeout, ground_types, root)
    runs = [first]
    if first["status"] == "ok" and first["total"] < REPEAT_BELOW:
        for _ in range(repeat - 1):
            again = run_worker(side, case, timeout, ground_types, root)
            if again["status"] != "ok":
                break
            runs.append(again)
    if len(runs) == 1:
        return first
    best = dict(min(runs, key=lambda x: x["total"]))
    if len(runs) > 1:
        best["runs"] = [x["total"] for x in runs]
        best["peak_mib"] = max(x["peak_mib"] for x in runs)
        if side == "ours":
            bad = [x["check"] for x in runs if not (x.get("check") or {}).get("ok")]
            if bad:
                best["check"] = bad[0]
    return best


def fmt_time(rec):
    if rec is None:
        return "-"
    if rec["status"] == "ok":
        return f"{rec['total']:.3f}"
    if rec["status"] == "timeout":
        return f">{rec['timeout']:g}s (timeout)"
    return "ERROR" if rec["status"] == "error" else "CRASH"


def ratio(ours, sympy):
    if not ours or not sympy or ours["status"] != "ok":
        return None, "-"
    if sympy["status"] == "ok":
        x = ours["total"] / max(sympy["total"], 1e-9)
        return x, f"{x:.3g}"
    if sympy["status"] == "timeout":
        x = ours["total"] / sympy["timeout"]
        return None, f"<{x:.3g}"
    return None, "n/a"


def cpu_ratio(ours, sympy):
    if ours.get("status") != "ok" or sympy.get("status") != "ok":
        return "-"
    return f"{ours['cpu_total'] / max(sympy['cpu_total'], 1e-9):.3g}"


def targets_for(name, ours, sympy):
    """List of (target, PASS/FAIL/?) that apply to this case."""
    out = []
    if ours is None:
        return out
    ok = ours["status"] == "ok"
    if name.startswith("gen-") and int(name[4:]) in GENERIC_TARGETS:
        limit = GENERIC_TARGETS[int(name[4:])]
        out.append((f"<{limit:g}s", "PASS" if ok and ours["total"] < limit else "FAIL"))
    if name in COMPLEX_TARGETS:
        limit = COMPLEX_TARGETS[name]
        out.append((f"<{limit:g}s", "PASS" if ok and ours["total"] < limit else "FAIL"))
    if name == VERIFY_TARGET[0]:
        out.append((f"verify<{VERIFY_TARGET[1]:g}s", "PASS" if ok and ours["verify"] < VERIFY_TARGET[1] else "FAIL"))
    if sympy is not None and sympy["status"] == "ok":
        x, _ = ratio(ours, sympy)
        out.append(("ratio<=1", "PASS" if x is not None and x <= RATIO_TARGET else "FAIL"))
    check = ours.get("check") or {}
    form = "PASS" if ok and check.get("ok") else ("?" if ok and check.get("ok") is None else "FAIL")
    out.append(("form", form))
    if ok:
        out.append(("mem<1GiB", "PASS" if ours["peak_mib"] <= MEMORY_TARGET_MIB else "FAIL"))
    else:
        out.append(("mem<1GiB", "FAIL" if ours.get("peak_mib", 0) > MEMORY_TARGET_MIB else "?"))
    return out


def mib(rec):
    if rec is None or "peak_mib" not in rec:
        return "-"
    return f"{rec['peak_mib']:.0f}"


def cpu(rec):
    if rec is None or rec.get("status") != "ok":
        return "-"
    return f"{rec['cpu_total']:.3f}"


def make_table(rows):
    headers = ["case", "shape", "rank", "ours s", "verify s", "sympy s", "ratio", "cpu ours/sympy", "MiB ours/sympy",
               "targets"]
    lines = []
    for row in rows:
        ours, sym = row.get("ours"), row.get("sympy")
        rank = str(ours.get("rank", "?")) if ours and ours["status"] == "ok" else "?"
        lines.append([
            row["case"], row["shape"], rank, fmt_time(ours),
            f"{ours['verify']:.3f}" if ours and ours["status"] == "ok" else "-",
            fmt_time(sym), ratio(ours, sym)[1], f"{cpu(ours)}/{cpu(sym)}", f"{mib(ours)}/{mib(sym)}",
            " ".join(f"{t}:{v}" for t, v in row["targets"]),
        ])
    widths = [max(len(h), *(len(l[i]) for l in lines)) if lines else len(h) for i, h in enumerate(headers)]
    fmt = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    out = [fmt(headers), fmt(["-" * w for w in widths])]
    out += [fmt(l) for l in lines]
    return "\n".join(out)


def summary(rows, meta):
    lines = []
    by = {r["case"]: r for r in rows}
    lines.append("Targets (issue text):")
    for n, limit in GENERIC_TARGETS.items():
        r = by.get(f"gen-{n}")
        if r and r.get("ours"):
            o = r["ours"]
            got = f"{o['total']:.2f} s" if o["status"] == "ok" else fmt_time(o)
            verdict = "PASS" if o["status"] == "ok" and o["total"] < limit and (o.get("check") or {}).get("ok") else "FAIL"
            lines.append(f"  generic {n}x{n} exact verified full SVD < {limit:g} s: {verdict} ({got})")
    r = by.get(VERIFY_TARGET[0])
    if r and r.get("ours"):
        o = r["ours"]
        got = f"{o['verify']:.3f} s" if o["status"] == "ok" else fmt_time(o)
        verdict = "PASS" if o["status"] == "ok" and o["verify"] < VERIFY_TARGET[1] else "FAIL"
        lines.append(f"  verify() of generic 10x10 < {VERIFY_TARGET[1]:g} s: {verdict} ({got})")
    gens = [r for r in rows if r["case"] in ("gen-10", "gen-20") and r.get("sympy")]
    if gens:
        answered = [r["case"] for r in gens if r["sympy"]["status"] == "ok"]
        lines.append(f"  claim 'SymPy answers none of gen-10, gen-20': {'TRUE' if not answered else 'FALSE (answers ' + ', '.join(answered) + ')'}"
                     f" ({', '.join(r['case'] + ': ' + fmt_time(r['sympy']) for r in gens)})")
    finished = [r for r in rows if r.get("sympy") and r["sympy"]["status"] == "ok" and r.get("ours")]
    slower = [r["case"] + f" ({ratio(r['ours'], r['sympy'])[1]}; cpu {cpu_ratio(r['ours'], r['sympy'])})" for r in finished
              if ratio(r["ours"], r["sympy"])[0] is None or ratio(r["ours"], r["sympy"])[0] > RATIO_TARGET]
    lines.append(f"  ratio ours/sympy <= 1 on every case SymPy finishes ({len(finished)} cases): "
                 + ("PASS" if not slower else "FAIL: " + ", ".join(slower)))
    bad_form = [r["case"] for r in rows if r.get("ours") and dict(r["targets"]).get("form") != "PASS"]
    lines.append(f"  full, descending, canonical form on every case ({len([r for r in rows if r.get('ours')])}): "
                 + ("PASS" if not bad_form else "FAIL: " + ", ".join(bad_form)))
    big = [f"{r['case']} ({mib(r['ours'])} MiB)" for r in rows if r.get("ours") and dict(r["targets"]).get("mem<1GiB") != "PASS"]
    lines.append("  peak memory <= 1 GiB on every case (ours): " + ("PASS" if not big else "FAIL/unknown: " + ", ".join(big)))
    problems = []
    for r in rows:
        o = r.get("ours")
        if not o:
            continue
        if o["status"] == "error":
            e = o["error"]
            problems.append(f"  {r['case']}: exactsvd raised {e['type']}: {e['message'][:300]}")
        elif o["status"] == "crash":
            problems.append(f"  {r['case']}: worker crashed: {o.get('stderr', '')[-300:]}")
        elif o["status"] == "timeout":
            problems.append(f"  {r['case']}: exactsvd did not finish within {o['timeout']:g} s")
        elif o.get("check") and o["check"].get("problems"):
            for p in o["check"]["problems"]:
                problems.append(f"  {r['case']}: check: {p[:400]}")
        s = r.get("sympy")
        if s and s["status"] in ("error", "crash"):
            what = s["error"]["type"] + ": " + s["error"]["message"][:200] if s["status"] == "error" else "crash"
            problems.append(f"  {r['case']}: (SymPy) {what}")
    if problems:
        lines.append("")
        lines.append("Errors, timeouts and wrong answers:")
        lines += problems
    return "\n".join(lines)


def header(meta):
    return (f"exactsvd vs SymPy singular_value_decomposition -- {meta['date']}\n"
            f"python {meta['python']}, sympy {meta['sympy']}, mpmath {meta['mpmath']}, "
            f"{meta['cpus']} CPUs, {meta['machine']}; exactsvd commit {meta['commit']}\n"
            f"load average (1 min) at start {meta['load_start']}, at end {meta.get('load_end', '?')}\n"
            f"SYMPY_GROUND_TYPES requested {meta['ground_types_requested']}, in effect: {meta['ground_types_effective']}\n"
            f"timeouts: ours {meta['timeout_ours']:g} s, sympy {meta['timeout_sympy']:g} s; "
            f"one fresh process per measurement, warmed on a 2x2; times in seconds, the minimum of "
            f"{meta['repeat']} runs when under {REPEAT_BELOW:g} s\n")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--worker", nargs=2, metavar=("SIDE", "CASE"), help=argparse.SUPPRESS)
    p.add_argument("--quick", action="store_true", help="only the small cases (smoke run)")
    p.add_argument("--cases", metavar="PATTERN", help="comma-separated globs (or substrings) of case names")
    p.add_argument("--list", action="store_true", help="list the case names and exit")
    p.add_argument("--timeout-ours", type=float, metavar="S", help="per-case timeout for exactsvd (default 120, 30 with --quick)")
    p.add_argument("--timeout-sympy", type=float, metavar="S", help="per-case timeout for SymPy (default 60, 10 with --quick)")
    p.add_argument("--repeat", type=int, default=5, metavar="N",
                   help=f"measure cases that take under {REPEAT_BELOW:g} s N times (fresh processes), keep the minimum (default 5)")
    p.add_argument("--ground-types", choices=("python", "flint", "gmpy"), default="python",
                   help="SYMPY_GROUND_TYPES for the workers (default python: no accelerators)")
    p.add_argument("--no-sympy", action="store_true", help="measure only exactsvd")
    p.add_argument("--root", default=ROOT, metavar="DIR", help="the exactsvd checkout to measure (default: this one)")
    p.add_argument("--baseline", metavar="DIR",
                   help="also measure this checkout (e.g. `git archive main | tar -x -C DIR`), same cases, same run: "
                        "the 'before' columns and the 'no case gets slower' check")
    p.add_argument("--timeout-cli", type=float, default=60.0, metavar="S",
                   help="timeout of the command line end to end on the phase cases (default 60)")
    p.add_argument("--out", metavar="STEM",
                   help="write STEM.txt and STEM.json (default bench/results/compare_sympy, "
                        "or compare_sympy_partial with --quick/--cases)")
    p.add_argument("--no-write", action="store_true", help="print only")
    args = p.parse_args(argv)

    if args.worker:
        worker(*args.worker)
        return 0
    if args.timeout_ours is None:
        args.timeout_ours = 30.0 if args.quick else 120.0
    if args.timeout_sympy is None:
        args.timeout_sympy = 10.0 if args.quick else 60.0

    cases = all_cases()
    names = select(cases, args.cases, args.quick)
    if args.list:
        print("\n".join(names))
        return 0
    if not names:
        print("no case matches", file=sys.stderr)
        return 2

    import mpmath
    import sympy
    try:
        commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                                text=True, timeout=10).stdout.strip() or "?"
    except Exception:  # noqa: BLE001
        commit = "?"
    meta = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "python": platform.python_version(), "sympy": sympy.__version__, "mpmath": mpmath.__version__,
        "cpus": os.cpu_count(), "machine": platform.machine() + " " + platform.system(), "commit": commit,
        "ground_types_requested": args.ground_types, "ground_types_effective": "?",
        "timeout_ours": args.timeout_ours, "timeout_sympy": args.timeout_sympy, "repeat": args.repeat,
        "load_start": round(os.getloadavg()[0], 2), "root": args.root, "baseline": args.baseline,
    }
    stem = None if args.no_write else (args.out or os.path.join(
        RESULTS, "compare_sympy_partial" if (args.quick or args.cases) else "compare_sympy"))
    rows, effective = [], set()
    for name in names:
        family, build = cases[name]
        A, _ = build()
        shape = f"{len(A)}x{len(A[0])}"
        row = {"case": name, "family": family, "shape": shape, "matrix": A}
        row["ours"] = measure("ours", name, args.timeout_ours, args.ground_types, args.repeat, args.root)
        if args.baseline:
            row["before"] = measure("ours", name, args.timeout_ours, args.ground_types, args.repeat, args.baseline)
        if phase_case(name):
            row["cli"] = run_cli(name, args.timeout_cli, args.ground_types, args.root)
            if args.baseline:
                row["cli_before"] = run_cli(name, args.timeout_cli, args.ground_types, args.baseline)
        if not args.no_sympy:
            row["sympy"] = measure("sympy", name, args.timeout_sympy, args.ground_types, args.repeat)
        for side in ("ours", "sympy"):
            if row.get(side) and "ground_types" in row[side]:
                effective.add(row[side]["ground_types"])
        row["targets"] = targets_for(name, row["ours"], row.get("sympy"))
        rows.append(row)
        print(f"{name:16s} {shape:6s} ours {fmt_time(row['ours']):>18s}   sympy {fmt_time(row.get('sympy')):>18s}   "
              + " ".join(f"{t}:{v}" for t, v in row["targets"]), flush=True)
        meta["ground_types_effective"] = ", ".join(sorted(effective)) or "?"
        write(stem, meta, rows, complete=False)   # after every case, so an interrupted run keeps its data
    meta["load_end"] = round(os.getloadavg()[0], 2)
    text = report(meta, rows)
    print()
    print(text)
    if stem:
        write(stem, meta, rows, complete=True)
        print(f"written {stem}.txt and {stem}.json")
    return 0


def report(meta, rows):
    return (header(meta) + "\n" + make_table(rows) + "\n\n" + phase_table(rows) + "\n\n"
            + before_after(rows) + summary(rows, meta) + "\n")


def _seconds(rec, key="total"):
    if rec is None:
        return "-"
    if rec["status"] == "ok":
        return f"{rec[key]:.3f}"
    return f">{rec['timeout']:g}" if rec["status"] == "timeout" else rec["status"].upper()


PHASE_TARGETS = {"gen-20": 1.5, "gen-40": 15.0, "thin-1000x66": 5.0, "hilbert-12": 30.0}   # svd + factors + verify, pure
FLINT_TARGETS = {"gen-40": 5.0}


def phase_table(rows):
    """The four phases of the issue-9 cases: svd(), U, S, V = r, verify(), the command line end to end."""
    headers = ["case", "shape", "form", "svd s", "factors s", "verify s", "sum s", "cli s", "before: sum s", "cli s",
               "target"]
    lines = []
    for row in rows:
        if "cli" not in row:
            continue
        ours, before = row.get("ours"), row.get("before")
        limit = (FLINT_TARGETS if (ours or {}).get("ground_types") == "flint" else PHASE_TARGETS).get(row["case"])
        verdict = "-"
        if limit is not None:
            ok = ours and ours["status"] == "ok" and ours["total"] < limit and (ours.get("check") or {}).get("ok")
            verdict = f"<{limit:g}s:{'PASS' if ok else 'FAIL'}"
        lines.append([row["case"], row["shape"], FORMS.get(row["case"], "full"), _seconds(ours, "svd"),
                      _seconds(ours, "factors"), _seconds(ours, "verify"), _seconds(ours), _seconds(row["cli"]),
                      _seconds(before), _seconds(row.get("cli_before")), verdict])
    if not lines:
        return ""
    widths = [max(len(h), *(len(l[i]) for l in lines)) for i, h in enumerate(headers)]
    fmt = lambda cells: "  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip()
    return "\n".join(["Phases (wall seconds; sum = svd + factors + verify; cli = `python -m exactsvd @A.json` "
                      "end to end, printing to /dev/null):", fmt(headers), fmt(["-" * w for w in widths])]
                     + [fmt(l) for l in lines])


SLOWER = 1.25   # after/before above this counts as slower (the noise of a shared 2-core machine is about +-20%)


def before_after(rows):
    """After/before ratios of svd + factors + verify on every case measured with --baseline."""
    pairs = [(r["case"], r["ours"], r["before"]) for r in rows if r.get("before")]
    if not pairs:
        return ""
    slower, cells = [], []
    for case, after, before in pairs:
        if after["status"] != "ok":
            slower.append(f"{case} ({_seconds(after)} after, {_seconds(before)} before)")
            cells.append(f"{case} FAILS")
            continue
        if before["status"] != "ok":
            cells.append(f"{case} {after['total']:.3g}s/{_seconds(before)}")
            continue
        x = after["total"] / max(before["total"], 1e-9)
        cells.append(f"{case} {x:.2f}")
        if x > SLOWER:
            slower.append(f"{case} ({after['total']:.3f} s after, {before['total']:.3f} s before)")
    text = "After/before (svd + factors + verify, same run): " + ", ".join(cells) + "\n"
    text += (f"  no case slower than before (ratio <= {SLOWER}): "
             + ("PASS" if not slower else "FAIL: " + "; ".join(slower)) + "\n\n")
    return text


def write(stem, meta, rows, complete):
    if not stem:
        return
    meta = dict(meta, complete=complete)
    text = report(meta, rows)
    if not complete:
        text = "(incomplete: the run is still going or was interrupted)\n" + text
    os.makedirs(os.path.dirname(os.path.abspath(stem)), exist_ok=True)
    with open(stem + ".txt", "w") as f:
        f.write(text)
    with open(stem + ".json", "w") as f:
        json.dump({"meta": meta, "cases": rows}, f, indent=1, default=str)


if __name__ == "__main__":
    sys.exit(main())
