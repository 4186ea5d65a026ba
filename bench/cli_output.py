"""What ``exactsvd MATRIX`` costs end to end, and how wide its lines are.

::

    python bench/cli_output.py                 # all cases, 3 fresh processes each
    python bench/cli_output.py --quick         # one process each, no pretty-printer baseline
    python bench/cli_output.py --no-pretty     # skip the (slow) SymPy pretty-printer baseline

For every case the command line runs in fresh processes (``python -m exactsvd @case.json``, stdout
to a file, ``COLUMNS`` 80 and 100); the report gives the median wall-clock and CPU seconds, the
longest line (characters) and the number of lines.  In one worker process, the same run also times
the phases: ``import exactsvd.cli``, ``svd()``, ``verify()``, the text (``exactsvd.output.svd_text``),
the JSON record (``to_json``) and, as the baseline of the old output, ``sympy.pretty`` of ``U``,
``S`` and ``V`` (what ``exactsvd MATRIX`` printed before).  Targets (issue 9): a random 10×10
under 3 s end to end, every line within 100 columns; judged on CPU seconds (user + system of the
process), since wall-clock time is inflated when other work shares the machine.  Results: ``bench/results/cli_output.txt``
and ``.json``.
"""

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "bench" / "results"


def _random(n, seed):
    rng = random.Random(seed)
    return [[rng.randint(-9, 9) for _ in range(n)] for _ in range(n)]


CASES = {
    "textbook-2x4": [[1, 2, 1, 0], [2, 0, 1, 1]],
    "cubic-3x3": [[1, 1, 0], [0, 1, 1], [0, 0, 1]],
    "degree8-8x8": [[1 if j in (i, i + 1) else 0 for j in range(8)] for i in range(8)],
    "gen-10": _random(10, 1010),
    "gen-15": _random(15, 1015),
}


def _environment(columns):
    env = dict(os.environ, COLUMNS=str(columns), PYTHONPATH=str(REPO))
    env.setdefault("SYMPY_GROUND_TYPES", "python")
    return env


def end_to_end(path, columns, repeat):
    """Median wall and CPU seconds of the command line on *path*, with the widest line and line count."""
    walls, cpus, out = [], [], ""
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-m", "exactsvd", f"@{path}"],
            capture_output=True, text=True, encoding="utf-8", env=_environment(columns), check=True,
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        out = done.stdout
    lines = out.splitlines()
    return {
        "wall": statistics.median(walls),
        "cpu": statistics.median(cpus),
        "longest": max(map(len, lines)),
        "lines": len(lines),
    }


def worker(name, pretty):
    """The phases of one case in this process (run with ``--worker``); prints one JSON line."""
    start = time.process_time()
    import exactsvd.cli  # noqa: F401  (the import is a phase)
    import exactsvd
    from exactsvd.output import svd_text, to_json

    phases = {"import": time.process_time() - start}

    def timed(label, function):
        begin = time.process_time()
        value = function()
        phases[label] = time.process_time() - begin
        return value

    A = CASES[name]
    r = timed("svd", lambda: exactsvd.svd(A))
    verified = timed("verify", r.verify)
    timed("text", lambda: svd_text(r, verified, width=80))
    timed("json", lambda: to_json(r, verified=verified))
    if pretty:
        import sympy

        factors = timed("U,S,V (SymPy)", lambda: tuple(r))
        timed("pretty U,S,V", lambda: [sympy.pretty(M, use_unicode=True, wrap_line=False) for M in factors])
    print(json.dumps(phases))


def phases_of(name, pretty, timeout):
    command = [sys.executable, __file__, "--worker", name] + ([] if pretty else ["--no-pretty"])
    try:
        done = subprocess.run(command, capture_output=True, text=True, env=_environment(80), timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return {"timeout": timeout}
    return json.loads(done.stdout.splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="one process per measurement, no pretty baseline")
    parser.add_argument("--no-pretty", action="store_true", help="skip the SymPy pretty-printer baseline")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300, help="seconds for a phases worker")
    parser.add_argument("--cases", help="comma-separated case names (writes cli_output_partial.*)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    pretty = not (args.no_pretty or args.quick)
    if args.worker:
        worker(args.worker, pretty)
        return
    repeat = 1 if args.quick else args.repeat
    names = args.cases.split(",") if args.cases else list(CASES)
    report = {"python": sys.version.split()[0], "ground_types": _environment(80)["SYMPY_GROUND_TYPES"], "cases": {}}
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for name in names:
            A = CASES[name]
            path = Path(folder) / f"{name}.json"
            path.write_text(json.dumps(A))
            runs = {columns: end_to_end(path, columns, repeat) for columns in (80, 100)}
            phases = phases_of(name, False, args.timeout)
            if pretty:  # the old printer, in its own worker: its timeout does not hide the phases above
                baseline = phases_of(name, True, args.timeout)
                phases["pretty U,S,V"] = baseline.get("pretty U,S,V", f">{args.timeout:.0f} (timeout)")
            report["cases"][name] = {"end_to_end": runs, "phases": phases}
            wall, cpu = runs[100]["wall"], runs[100]["cpu"]
            width_ok = all(runs[c]["longest"] <= c for c in runs)
            target = f"{'PASS' if cpu < 3 and width_ok else 'FAIL'}" if name == "gen-10" else ""
            phase_text = ", ".join(f"{k} {v:.2f}" if isinstance(v, float) else f"{k} {v}" for k, v in phases.items())
            rows.append(
                f"{name:<13} {wall:6.2f} {cpu:6.2f}   {runs[80]['longest']:>3}/{runs[100]['longest']:<3}"
                f" {runs[100]['lines']:>5}  {target:<6} {phase_text}"
            )
            print(rows[-1], flush=True)
    header = (
        f"exactsvd MATRIX end to end (median of {repeat} fresh processes; python {report['python']}, "
        f"ground types {report['ground_types']}); longest line at COLUMNS=80/100; phases in CPU seconds "
        "(one process)\n"
        f"{'case':<13} {'wall s':>6} {'cpu s':>6}   {'width':<7} {'lines':>5}  {'cpu<3s':<6} phases"
    )
    text = header + "\n" + "\n".join(rows) + "\n"
    if not args.quick:
        stem = "cli_output_partial" if args.cases else "cli_output"
        RESULTS.mkdir(exist_ok=True)
        (RESULTS / f"{stem}.txt").write_text(text)
        (RESULTS / f"{stem}.json").write_text(json.dumps(report, indent=1))
    print(text)


if __name__ == "__main__":
    main()
