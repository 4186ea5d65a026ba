#!/usr/bin/env python
"""Budgets that hold: seconds from call to error or fallback against the timeout asked for.

    python bench/budget.py                  # everything: slow inputs, CLI signals, the 2000-example sweep
    python bench/budget.py --examples 200   # a shorter sweep
    python bench/budget.py --no-sweep       # only the slow inputs and the command line

Part 1 runs each slow or hostile input of issue 10 through ``exactsvd.svd`` (in
this process; the budget machinery forks its own workers) with the timeout
asked for, and reports the seconds until the result or the error, the margin
over the timeout (target: at most 1 s; 10 s where no timeout is given and the
cost model refuses), what came back, and the peak memory of the workers
(target: under 1 GiB).

Part 2 times the command line in real processes: ``--timeout``, Ctrl-C
(seconds from ``SIGINT`` to exit, target 1 s), a closed pipe, and a
``check-bank`` whose slow problem times out.

Part 3 is the Hypothesis sweep: random exact matrices (shapes up to 7×7, every
rank, repeated singular values from rational orthogonal matrices, entries with
sqrt(2), sqrt(3), 2^(1/3); ``tests/checker.py`` ``random_exact_matrix``), each
decomposed, proved by ``verify()`` and checked independently at 50 digits
(``check_svd(..., hand_method=False)``: 40-digit tolerance).

Results: ``bench/results/budget.txt`` and ``bench/results/budget.json``.
"""

import argparse
import json
import os
import platform
import resource
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import exactsvd  # noqa: E402
from processes import default_sigint, descendants, running  # noqa: E402

PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
MARGIN_TARGET = 1.0
REFUSAL_TARGET = 10.0
MEMORY_TARGET_MIB = 1024.0


def nested(prefix, core, suffix, depth):
    return prefix * depth + core + suffix * depth


def slow_inputs():
    """``(name, matrix)`` pairs: the slow and exploding inputs of issue 10."""
    fifty = [[(10**49 + 7919 * (i * 31 + j) ** 5) % 10**50 for j in range(30)] for i in range(30)]
    return [
        ("2^(1/10000)", [["2^(1/10000)", 1]]),
        ("sqrt tower 20 deep", [[nested("sqrt(", "2", ")", 20), 1]]),
        ("1x10 row of distinct sqrt", [[f"sqrt({p})" for p in PRIMES]]),
        ("3x3 sqrt(i + sqrt(j))", [[f"sqrt({i}+sqrt({j}))" for j in (1, 2, 3)] for i in (2, 3, 5)]),
        ("1x6 row of distinct sqrt", [[f"sqrt({p})" for p in PRIMES[:6]]]),
        ("2x2 of 1000 digits", [[10**999 + 7, 3], [5, 10**998 + 1]]),
        ("30x30 of 50 digits", fifty),
    ]


def refused_inputs():
    """``(name, matrix, form)``: inputs that the cost model (or the parser) refuses at once."""
    return [
        ("root(2, 10000)", [["root(2, 10000)", 1]], "full"),
        ("2^(9999/10000)", [["2^(9999/10000)", 1]], "full"),
        ("8 distinct sqrt in a row", [[f"sqrt({p})" for p in PRIMES[:8]]], "full"),
        ("1+sqrt(...) 12 deep", [[nested("1+sqrt(", "2", ")", 12), 1]], "full"),
        ("sqrt of a 4000-digit number", [["sqrt(" + "7" * 4000 + ")"]], "full"),
        ("√ nested 100 deep", [["√" * 100 + "2"]], "full"),
        ("100000-digit integer", [[10**100000 + 1, 1], [2, 3]], "full"),
        ("1x10000 row, full form", [[1] * 10000], "full"),
        ("101x1 column, full form", [[1]] * 101, "full"),
    ]


def children_peak_mib():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def timed(call):
    start = time.perf_counter()
    try:
        result = call()
        outcome = f"{result.method}" + (f" ({result.note.split(';')[0][:70]})" if getattr(result, "note", None) else "")
        error = None
    except exactsvd.ExactSVDError as caught:
        outcome, error = f"{type(caught).__name__}: {str(caught)[:90]}", type(caught).__name__
    except Exception as caught:  # a failure of the budget: reported, not hidden
        outcome, error = f"NOT OURS {type(caught).__name__}: {str(caught)[:80]}", "foreign"
    return time.perf_counter() - start, outcome, error


def part_api():
    rows = []
    for name, A in slow_inputs():
        for method, timeout in (("auto", 2.0), ("exact", 2.0), ("numeric", 5.0)):
            if method == "numeric" and "30x30" not in name:
                continue
            seconds, outcome, error = timed(lambda: exactsvd.svd(A, method=method, timeout=timeout))
            margin = seconds - timeout
            rows.append({"input": name, "call": f"method={method!r}, timeout={timeout:g}", "timeout": timeout,
                         "seconds": seconds, "margin": margin, "outcome": outcome, "ok": margin <= MARGIN_TARGET
                         and error != "foreign", "workers_peak_mib": children_peak_mib()})
            print(f"  {name:28} {rows[-1]['call']:32} {seconds:6.2f} s  {outcome[:80]}", flush=True)
    for name, A, form in refused_inputs():
        seconds, outcome, error = timed(lambda: exactsvd.svd(A, form=form))
        rows.append({"input": name, "call": f"form={form!r}, no timeout", "timeout": None, "seconds": seconds,
                     "margin": None, "outcome": outcome, "ok": error not in (None, "foreign") and seconds <= REFUSAL_TARGET,
                     "workers_peak_mib": children_peak_mib()})
        print(f"  {name:28} {rows[-1]['call']:32} {seconds:6.2f} s  {outcome[:80]}", flush=True)
    return rows


def _command(*argv):
    return [sys.executable, "-m", "exactsvd", *argv], dict(os.environ, PYTHONPATH=str(ROOT))


def _wait_for_worker(process, limit=60.0):
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True).stdout.strip():
            return
        time.sleep(0.05)


def part_cli(tmp):
    slow = "[[" + ",".join(f"sqrt({p})" for p in PRIMES[:6]) + "]]"
    rows = []
    command, env = _command("svd", slow, "--timeout", "2")
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    rows.append({"what": "exactsvd svd SLOW --timeout 2 (whole command, imports included)", "seconds": time.perf_counter() - start,
                 "exit": done.returncode, "stderr": done.stderr.strip()[:120]})
    for what, argv in (
        ("Ctrl-C during exactsvd svd SLOW: SIGINT to exit", ("svd", slow)),
        ("Ctrl-C during check-bank --jobs 2: SIGINT to exit", ("check-bank", str(tmp / "bank.json"), "--jobs", "2")),
    ):
        command, env = _command(*argv)
        # its own process group, which SIGINT reaches as a terminal's Ctrl-C reaches the foreground group
        process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True, preexec_fn=default_sigint)
        _wait_for_worker(process)
        time.sleep(0.5)
        workers = descendants(process.pid)
        start = time.perf_counter()
        os.killpg(process.pid, signal.SIGINT)
        line = process.stderr.readline()
        line_seconds = time.perf_counter() - start
        _, err = process.communicate()
        seconds = time.perf_counter() - start
        time.sleep(0.2)
        left = [pid for pid in workers if running(pid)]
        rows.append({"what": what, "seconds": seconds, "exit": process.returncode,
                     "stderr": f"{(line + err).strip()[:60]} (line after {line_seconds:.2f} s; "
                               f"{len(workers)} workers, {len(left)} left)"})
    command, env = _command("svd", slow)
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _wait_for_worker(process)
    start = time.perf_counter()
    process.stdout.close()
    _, err = process.communicate()
    rows.append({"what": "closed pipe during exactsvd svd SLOW: reader gone to exit", "seconds": time.perf_counter() - start,
                 "exit": process.returncode, "stderr": err.decode().strip()[:120]})
    command, env = _command("check-bank", str(tmp / "bank.json"), "--timeout", "2", "--jobs", "2")
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    rows.append({"what": "check-bank with a slow problem, --timeout 2 (whole command)", "seconds": time.perf_counter() - start,
                 "exit": done.returncode, "stderr": " | ".join(done.stdout.splitlines()[1:3])[:120]})
    for row in rows:
        print(f"  {row['what']:62} {row['seconds']:6.2f} s  exit {row['exit']}  {row['stderr'][:60]}", flush=True)
    return rows


def part_sweep(examples, seed):
    from hypothesis import HealthCheck, given, settings, seed as hypothesis_seed
    from checker import check_svd, random_exact_matrix

    tally = {"examples": 0, "failures": [], "kinds": {}, "ranks": {}, "shapes": {}, "seconds": 0.0, "repeated": 0}
    start = time.perf_counter()

    @hypothesis_seed(seed)
    @settings(max_examples=examples, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(random_exact_matrix(max_size=7, max_algebraic_size=4))
    def sweep(drawn):
        kind, A = drawn
        tally["examples"] += 1
        tally["kinds"][kind] = tally["kinds"].get(kind, 0) + 1
        try:
            r = exactsvd.svd(A)
            check_svd(A, r, "full", hand_method=False)
        except Exception as error:  # a wrong answer or a crash: recorded, and the sweep goes on
            tally["failures"].append({"matrix": str(A.tolist()), "error": f"{type(error).__name__}: {str(error)[:300]}"})
            return
        tally["ranks"][r.rank] = tally["ranks"].get(r.rank, 0) + 1
        shape = f"{A.rows}x{A.cols}"
        tally["shapes"][shape] = tally["shapes"].get(shape, 0) + 1
        positive = [s for s in r.singular_values if s != 0]
        tally["repeated"] += len(set(positive)) < len(positive)
        if tally["examples"] % 100 == 0:
            print(f"  {tally['examples']} examples, {len(tally['failures'])} failures, "
                  f"{time.perf_counter() - start:.0f} s", flush=True)

    sweep()
    tally["seconds"] = time.perf_counter() - start
    return tally


def write_bank(tmp):
    slow = [f"sqrt({p})" for p in PRIMES[:6]]
    problems = [{"id": "slow", "matrix": [slow]}, {"id": "fine", "matrix": "3 0; 4 5",
                                                   "singular_values": ["3*sqrt(5)", "sqrt(5)"]}]
    (tmp / "bank.json").write_text(json.dumps({"problems": problems}))


def report(api, cli, sweep, args, parts=(1, 2, 3)):
    lines = [f"bench/budget.py  {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC  python {platform.python_version()}  "
             f"{os.cpu_count()} CPUs  load average {os.getloadavg()[0]:.1f}  "
             f"ground types {__import__('sympy').external.gmpy.GROUND_TYPES}", ""]
    if 1 in parts:
        lines.append("1. exactsvd.svd on slow and exploding inputs: seconds from call to result or error")
        lines.append(f"{'input':30} {'call':34} {'seconds':>7} {'over':>6}  ok  outcome")
        for row in api:
            over = "" if row["margin"] is None else f"{row['margin']:+.2f}"
            lines.append(f"{row['input']:30} {row['call']:34} {row['seconds']:7.2f} {over:>6}  {'yes' if row['ok'] else 'NO '} "
                         f"{row['outcome'][:90]}")
        peak = max((row["workers_peak_mib"] for row in api), default=0)
        lines.append(f"targets: result or error within timeout + {MARGIN_TARGET:g} s: "
                     f"{'PASS' if all(r['ok'] for r in api if r['timeout']) else 'FAIL'}; "
                     f"refusals within {REFUSAL_TARGET:g} s: {'PASS' if all(r['ok'] for r in api if not r['timeout']) else 'FAIL'}; "
                     f"peak memory of the workers {peak:.0f} MiB (< {MEMORY_TARGET_MIB:g}: {'PASS' if peak < MEMORY_TARGET_MIB else 'FAIL'})")
        for row in api:
            if row["input"] == "30x30 of 50 digits" and row["call"].startswith("method='auto'"):
                room = row["timeout"] + MARGIN_TARGET - row["seconds"]
                what = "answered" if row["outcome"].startswith("numeric") else f"ended ({row['outcome'][:40]}...)"
                lines.append(f"auto on the 30x30 of 50 digits, {row['call']}: {what} in {row['seconds']:.2f} s, "
                             f"{room:.2f} s of room under timeout + {MARGIN_TARGET:g} s "
                             f"(numeric estimate {exactsvd.budget.estimated_numeric_seconds(30, 30):.1f} s)")
        lines += ["", "2. the command line (real processes, imports included where said)"]
        for row in cli:
            lines.append(f"{row['what']:64} {row['seconds']:6.2f} s  exit {row['exit']}  {row['stderr'][:70]}")
    if sweep:
        lines += ["", f"3. Hypothesis sweep (seed {args.seed}): {sweep['examples']} random exact matrices in "
                      f"{sweep['seconds']:.0f} s, {len(sweep['failures'])} failures",
                  f"   kinds {sweep['kinds']}; ranks {dict(sorted(sweep['ranks'].items()))}; "
                  f"{sweep['repeated']} with a repeated non-zero singular value; {len(sweep['shapes'])} shapes"]
        lines += [f"   FAILED {f['matrix'][:120]}: {f['error'][:200]}" for f in sweep["failures"][:20]]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--examples", type=int, default=2000, help="examples of the sweep (default 2000)")
    parser.add_argument("--seed", type=int, default=10, help="the sweep's seed")
    parser.add_argument("--no-sweep", action="store_true", help="skip the sweep")
    parser.add_argument("--only-sweep", action="store_true", help="only the sweep (written to budget_sweep.*)")
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    import tempfile

    if args.only_sweep:
        sweep = part_sweep(args.examples, args.seed)
        text = report([], [], sweep, args, parts=(3,))
        print(text)
        if not args.no_write:
            RESULTS.mkdir(exist_ok=True)
            (RESULTS / "budget_sweep.txt").write_text(text)
            (RESULTS / "budget_sweep.json").write_text(json.dumps(sweep, indent=1, default=str))
        return
    tmp = Path(tempfile.mkdtemp())
    write_bank(tmp)
    print("1. slow inputs", flush=True)
    api = part_api()
    print("2. command line", flush=True)
    cli = part_cli(tmp)
    sweep = None
    if not args.no_sweep:
        print(f"3. sweep of {args.examples} examples", flush=True)
        sweep = part_sweep(args.examples, args.seed)
    text = report(api, cli, sweep, args)
    print(text)
    if not args.no_write:
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / "budget.txt").write_text(text)
        (RESULTS / "budget.json").write_text(json.dumps({"api": api, "cli": cli, "sweep": sweep}, indent=1, default=str))


if __name__ == "__main__":
    main()
