"""Hostile and odd inputs: every call ends with an answer or a clean error of our hierarchy.

Each case runs in a forked child process with its address space capped
(``MEMORY_CAP`` beyond what the test process holds) and a generous wall-clock
guard (``HANG_GUARD`` seconds), so that a hang or a memory blow-up fails the
test instead of hanging CI or swapping.  The guard is no speed assertion: the
seconds from call to error or fallback against the ``timeout`` asked for are
measured by ``bench/budget.py``.

A case is ``(name, call, expected)``: *call* is run in the child; *expected*
is ``"answer"`` (it must return), the name of an exception class of
``exactsvd.errors`` (the error raised must be an instance of it), or
``"answer|error"`` (either, as long as an error is ours).  A CLI case runs
``exactsvd.cli.main(argv)`` and checks the exit code and that no traceback is
printed.
"""

import io
import json
import multiprocessing
import os
import pickle
import resource
import signal
import subprocess
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
import sympy

import exactsvd
from exactsvd import errors
from processes import default_sigint, descendants, running

HANG_GUARD = 90.0
MEMORY_CAP = 1 << 30
REPO = Path(__file__).resolve().parents[1]
PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29]
BLOG = [[1, 2, 1, 0], [2, 0, 1, 1]]


# --------------------------------------------------------------------------- the guard


def _address_space():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")


def _child(sending, call):
    space = _address_space()
    resource.setrlimit(resource.RLIMIT_AS, (space + MEMORY_CAP, resource.RLIM_INFINITY))
    try:
        result = call()
        outcome = ("answer", result if isinstance(result, tuple) else repr(result)[:200])
    except BaseException as error:  # reported to the parent, which judges it
        outcome = ("error", type(error).__module__, type(error).__name__, str(error)[:2000])
    sending.send(outcome)


def guarded(call):
    """Run *call* in a forked, memory-capped child; its outcome, or a failure after ``HANG_GUARD`` seconds."""
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sending, call))
    child.start()
    sending.close()
    try:
        if not receiving.poll(HANG_GUARD):
            pytest.fail(f"no answer and no error within {HANG_GUARD} s (a hang)")
        try:
            return receiving.recv()
        except EOFError:
            child.join()
            pytest.fail(f"the process died (exit code {child.exitcode}): out of the {MEMORY_CAP >> 20} MiB cap?")
    finally:
        child.kill()
        child.join()


def judge(outcome, expected):
    if outcome[0] == "answer":
        assert expected in ("answer", "answer|error"), f"expected {expected}, got an answer {outcome[1]}"
        return
    _, module, name, message = outcome
    assert expected != "answer", f"expected an answer, got {module}.{name}: {message}"
    assert module == "exactsvd.errors", f"{module}.{name} is not one of our errors: {message}"
    assert message.strip() and "Traceback" not in message
    if expected not in ("answer|error", "ExactSVDError"):
        assert issubclass(getattr(errors, name), getattr(errors, expected)), f"expected {expected}, got {name}: {message}"


# --------------------------------------------------------------------------- API and parser cases


def svd(A, **kwargs):
    return lambda: exactsvd.svd(A, **kwargs)


def row(entries):
    return [list(entries)]


class Raises:
    shape = (2, 2)

    def tolist(self):
        raise RuntimeError("tolist is broken")


class Lies:
    shape = (2, 2)

    def tolist(self):
        return [[1, 2, 3]]


class Huge:
    shape = (10**9, 10**9)

    def tolist(self):
        return [[1]]


class NotRows:
    shape = (2, 2)

    def tolist(self):
        return 42


def deep_list(depth):
    value = [1]
    for _ in range(depth):
        value = [value]
    return value


def nested(prefix, core, suffix, depth):
    return prefix * depth + core + suffix * depth


def result_call(method, *args):
    return lambda: getattr(exactsvd.svd([[3, 0], [4, 5]]), method)(*args)


BIG = 10**3000 + 1
HUGE = 10**100000 + 1

API_CASES = [
    # the number field explodes: refused at once (cost model) or a numeric answer (auto)
    ("root(2, 10000)", svd(row(["root(2, 10000)", 1])), "InputTooLargeError"),
    ("2^(1/10000)", svd(row(["2^(1/10000)", 1])), "InputTooLargeError"),
    ("2^(9999/10000)", svd(row(["2^(9999/10000)", 1])), "InputTooLargeError"),
    ("8 distinct sqrt", svd(row(f"sqrt({p})" for p in PRIMES[:8])), "InputTooLargeError"),
    ("10 distinct sqrt", svd(row(f"sqrt({p})" for p in PRIMES)), "InputTooLargeError"),
    ("nested 1+sqrt 12 deep", svd(row([nested("1+sqrt(", "2", ")", 12), 1])), "InputTooLargeError"),
    ("sqrt tower 20", svd(row([nested("sqrt(", "2", ")", 20), 1])), "InputTooLargeError"),
    ("√ nested 100", svd(row(["√" * 100 + "2", 1])), "ExactSVDError"),
    ("sqrt(i + sqrt(j)) 3x3", svd([[f"sqrt({i}+sqrt({j}))" for j in (1, 2, 3)] for i in (2, 3, 5)]), "InputTooLargeError"),
    ("sqrt of 4000 digits", svd(row(["sqrt(" + "7" * 4000 + ")"])), "MatrixParseError"),
    ("root of 700 digits", svd(row(["root(" + "7" * 700 + ", 3)"])), "MatrixParseError"),
    ("CRootOf degree 100", svd(row([sympy.CRootOf(sympy.Symbol("x") ** 100 - 3, 0), 1])), "InputTooLargeError"),
    ("auto: 2^(1/10000)", svd(row(["2^(1/10000)", 1]), method="auto", timeout=2), "answer"),
    ("auto: 10 distinct sqrt", svd(row(f"sqrt({p})" for p in PRIMES), method="auto", timeout=2), "answer"),
    ("auto: sqrt tower 20", svd(row([nested("sqrt(", "2", ")", 20), 1]), method="auto", timeout=2), "answer"),
    ("numeric: 8 distinct sqrt", svd(row(f"sqrt({p})" for p in PRIMES[:8]), method="numeric"), "answer"),
    # deadlines that hold
    ("exact timeout: 6 distinct sqrt", svd(row(f"sqrt({p})" for p in PRIMES[:6]), timeout=1), "TimeLimitExceeded"),
    ("exact timeout: 1000-digit 2x2", svd([[10**999 + 7, 3], [5, 10**998 + 1]], timeout=1), "answer|error"),
    ("auto: 30x30 of 50 digits", svd([[(10**49 + 7919 * (i * 31 + j) ** 5) % 10**50 for j in range(30)] for i in range(30)],
                                     method="auto", timeout=5), "answer|error"),
    ("auto: 6 distinct sqrt", svd(row(f"sqrt({p})" for p in PRIMES[:6]), method="auto", timeout=1), "answer"),
    ("singular_values timeout", lambda: exactsvd.singular_values([[10**999 + 7, 3], [5, 10**998 + 1]], timeout=1),
     "TimeLimitExceeded"),
    # huge Python integers
    ("100000-digit int", svd([[HUGE, 1], [2, 3]]), "InputTooLargeError"),
    ("100000-digit int numeric", svd([[HUGE, 1], [2, 3]], method="numeric"), "InputTooLargeError"),
    ("3000-digit int 1x1", lambda: str(exactsvd.svd([[BIG]]).S), "answer"),
    ("3000-digit int repr", lambda: repr(exactsvd.svd([[BIG, 0], [0, 1]])), "answer"),
    ("3000-digit int explain", lambda: str(exactsvd.explain([[BIG, 0], [0, 1]]))[:100], "answer"),
    ("3000-digit int check", lambda: exactsvd.check([[BIG]], [[1]], [[BIG]], [[1]]).ok, "answer"),
    ("5000-digit int check", lambda: exactsvd.check([[10**5000]], [[1]], [[10**5000]], [[1]]).ok, "answer|error"),
    ("huge Fraction", svd([[Fraction(HUGE, 3)]]), "InputTooLargeError"),
    # shapes
    ("1x10000 full", svd([[1] * 10000]), "InputTooLargeError"),
    ("1x10000 thin", lambda: exactsvd.svd([[1] * 10000], form="thin").V.shape, "answer"),
    ("1000x1000 entries", svd([[1] * 1000] * 1000, form="compact"), "InputTooLargeError"),
    ("101x1 full", svd([[1]] * 101), "InputTooLargeError"),
    ("150x1 thin", lambda: exactsvd.svd([[1]] * 150, form="thin").S.shape, "answer"),
    ("1x10000 numeric", svd([[1] * 10000], method="numeric"), "InputTooLargeError"),
    ("0x0", lambda: exactsvd.svd([]).U.shape, "answer"),
    ("3x0", lambda: exactsvd.svd(sympy.zeros(3, 0)).U.shape, "answer"),
    # every argument validated
    ("timeout='abc'", svd(BLOG, timeout="abc"), "InvalidArgumentError"),
    ("timeout=[]", svd(BLOG, timeout=[]), "InvalidArgumentError"),
    ("timeout=-1", svd(BLOG, timeout=-1), "InvalidArgumentError"),
    ("timeout=0", svd(BLOG, timeout=0), "InvalidArgumentError"),
    ("timeout=nan", svd(BLOG, timeout=float("nan")), "InvalidArgumentError"),
    ("timeout=inf", svd(BLOG, timeout=float("inf")), "InvalidArgumentError"),
    ("timeout=True", svd(BLOG, timeout=True), "InvalidArgumentError"),
    ("timeout=10**9", svd(BLOG, timeout=10**9), "InvalidArgumentError"),
    ("timeout auto 'x'", svd(BLOG, method="auto", timeout="x"), "InvalidArgumentError"),
    ("max_memory=0.5", svd(BLOG, max_memory=0.5), "InvalidArgumentError"),
    ("max_memory='1G'", svd(BLOG, max_memory="1G"), "InvalidArgumentError"),
    ("max_memory=1", svd(BLOG, max_memory=1), "InvalidArgumentError"),
    ("dps=0", svd(BLOG, method="numeric", dps=0), "InvalidArgumentError"),
    ("dps='50'", svd(BLOG, dps="50"), "InvalidArgumentError"),
    ("dps=2.5", svd(BLOG, method="auto", dps=2.5), "InvalidArgumentError"),
    ("dps=10**9", svd(BLOG, method="numeric", dps=10**9), "InvalidArgumentError"),
    ("dps=True", svd(BLOG, method="numeric", dps=True), "InvalidArgumentError"),
    ("form='wide'", svd(BLOG, form="wide"), "InvalidArgumentError"),
    ("form=None", svd(BLOG, form=None), "InvalidArgumentError"),
    ("form=['full']", svd(BLOG, form=["full"]), "InvalidArgumentError"),
    ("method='fast'", svd(BLOG, method="fast"), "InvalidArgumentError"),
    ("method=None", svd(BLOG, method=None), "InvalidArgumentError"),
    ("rationalize='yes'", svd(BLOG, rationalize="yes"), "InvalidArgumentError"),
    ("singular_values timeout=[]", lambda: exactsvd.singular_values(BLOG, timeout=[]), "InvalidArgumentError"),
    ("generate seed=[1]", lambda: exactsvd.generate(2, 2, seed=[1]), "InvalidArgumentError"),
    ("generate seed='x'", lambda: exactsvd.generate(2, 2, seed="x"), "InvalidArgumentError"),
    ("generate seed=1.5", lambda: exactsvd.generate(2, 2, seed=1.5), "InvalidArgumentError"),
    ("generate 12x12", lambda: exactsvd.generate(12, 12), "InvalidArgumentError"),
    ("generate 50x50", lambda: exactsvd.generate(50, 50), "InvalidArgumentError"),
    ("generate 0x2", lambda: exactsvd.generate(0, 2), "InvalidArgumentError"),
    ("generate rank 5 of 2x2", lambda: exactsvd.generate(2, 2, 5), "InvalidArgumentError"),
    ("generate difficulty", lambda: exactsvd.generate(2, 2, difficulty="impossible"), "InvalidArgumentError"),
    ("explain gram='B'", lambda: exactsvd.explain(BLOG, gram="B"), "InvalidArgumentError"),
    ("explain 8 distinct sqrt", lambda: exactsvd.explain(row(f"sqrt({p})" for p in PRIMES[:8])), "ExactSVDError"),
    ("low_rank k=-1", lambda: exactsvd.low_rank(BLOG, -1), "InvalidArgumentError"),
    ("low_rank k='1'", lambda: exactsvd.low_rank(BLOG, "1"), "InvalidArgumentError"),
    ("low_rank k=10", lambda: exactsvd.low_rank(BLOG, 10), "answer|error"),
    ("evalf(0)", result_call("evalf", 0), "InvalidArgumentError"),
    ("evalf('5')", result_call("evalf", "5"), "InvalidArgumentError"),
    ("truncate(-1)", result_call("truncate", -1), "InvalidArgumentError"),
    ("numerical_rank('x')", result_call("numerical_rank", "x"), "ExactSVDError"),
    # duck-typed and odd matrix objects
    ("tolist raises", svd(Raises()), "InvalidMatrixError"),
    ("tolist lies about the shape", svd(Lies()), "InvalidMatrixError"),
    ("shape 10^9 x 10^9", svd(Huge()), "InvalidMatrixError"),
    ("tolist gives 42", svd(NotRows()), "InvalidMatrixError"),
    ("None", svd(None), "InvalidMatrixError"),
    ("dict", svd({"a": 1}), "InvalidMatrixError"),
    ("set", svd({1, 2}), "InvalidMatrixError"),
    ("bytes", svd(b"1 2; 3 4"), "InvalidMatrixError"),
    ("generator", svd(iter([[1, 2]])), "InvalidMatrixError"),
    ("flat list", svd([1, 2, 3]), "InvalidMatrixError"),
    ("ragged", svd([[1, 2], [3]]), "InvalidMatrixError"),
    ("list 10^5 deep", svd(deep_list(100_000)), "InvalidMatrixError"),
    ("entry a list", svd([[[1], 2]]), "InvalidMatrixError"),
    ("entry bool", svd([[True, 2]]), "InvalidMatrixError"),
    ("entry None", svd([[None, 2]]), "InvalidMatrixError"),
    ("entry float", svd([[0.1, 2]]), "NotExactError"),
    ("entry nan", svd([[float("nan"), 2]], rationalize=True), "NonFiniteError"),
    ("entry inf", svd([[float("inf"), 2]], method="numeric"), "NonFiniteError"),
    ("entry complex", svd([[1 + 2j, 2]]), "ExactSVDError"),
    ("entry Decimal nan", svd([[Decimal("nan"), 2]]), "NonFiniteError"),
    ("entry Decimal 1e999999", svd([[Decimal("1e999999"), 2]]), "ExactSVDError"),
    ("entry sympy pi", svd([[sympy.pi, 2]]), "UnsupportedEntryError"),
    ("entry symbol", svd("[[x, 2]]"), "UnsupportedEntryError"),
    ("entry exp of a parameter", svd([[sympy.exp(sympy.Symbol("x")), 2]]), "UnsupportedEntryError"),
    ("entry zoo", svd([[sympy.zoo, 2]]), "NonFiniteError"),
    ("entry sympy Float", svd([[sympy.Float("0.1"), 2]]), "NotExactError"),
    ("entry object", svd([[object(), 2]]), "InvalidMatrixError"),
    # matrix text
    ("text empty", svd(""), "InvalidMatrixError"),
    ("text blank", svd("   "), "InvalidMatrixError"),
    ("text 2 MB", svd("1 " * 1_000_001), "InvalidMatrixError"),
    ("text 10^6 digits", svd("9" * 1_000_000), "InvalidMatrixError"),
    ("text 1e999999", svd("1e999999"), "MatrixParseError"),
    ("text 3^10000", svd("3^10000"), "MatrixParseError"),
    ("text 10^10000", svd("10^10000"), "MatrixParseError"),
    ("text 2^2^2^2^2^2", svd("2^2^2^2^2^2"), "MatrixParseError"),
    ("text (( x 200", svd("(" * 200 + "1" + ")" * 200), "MatrixParseError"),
    ("text [ x 10^5", svd("[" * 100_000), "InvalidMatrixError"),
    ("text 1/0", svd("1/0"), "MatrixParseError"),
    ("text 0^-1", svd("0^-1"), "MatrixParseError"),
    ("text nan", svd("nan"), "NonFiniteError"),
    ("text oo", svd("oo"), "NonFiniteError"),
    ("text pi", svd("pi"), "UnsupportedEntryError"),
    ("text I", svd("I"), "answer"),
    ("text x", svd("x"), "UnsupportedEntryError"),
    ("text __import__", svd("__import__('os').system('true')"), "ExactSVDError"),
    ("text lambda", svd("lambda: 1"), "ExactSVDError"),
    ("text exec", svd("exec('1')"), "ExactSVDError"),
    ("text NUL byte", svd("1\x00 2"), "MatrixParseError"),
    ("text sqrt()", svd("sqrt()"), "MatrixParseError"),
    ("text sqrt(1, 2)", svd("sqrt(1, 2)"), "MatrixParseError"),
    ("text root(2, 0)", svd("root(2, 0)"), "MatrixParseError"),
    ("text root(2, 1/2)", svd("root(2, 1/2)"), "MatrixParseError"),
    ("text (-8)^(1/3)", svd("(-8)^(1/3)"), "answer"),
    ("text 2^x", svd("2^x"), "ExactSVDError"),
    ("text 2^(1/3)^(1/3)", svd("2^(1/3)^(1/3)"), "MatrixParseError"),
    ("text (2^(1/3))^(1/3)", lambda: exactsvd.svd("(2^(1/3))^(1/3)").singular_values, "answer"),
    ("text ragged rows", svd("1 2; 3"), "InvalidMatrixError"),
    ("text ;;;", svd("1;;;2"), "answer|error"),
    ("text 1,,2", svd("1,,2"), "MatrixParseError"),
    # check answers of every shape
    ("check U=5", lambda: exactsvd.check(BLOG, 5, [3, 3 ** 0.5], [[1]]), "ExactSVDError"),
    ("check S=None", lambda: exactsvd.check([[3, 0], [4, 5]], [[1, 0], [0, 1]], None, [[1, 0], [0, 1]]), "ExactSVDError"),
    ("check V ragged", lambda: exactsvd.check([[1, 0], [0, 1]], [[1, 0], [0, 1]], [1, 1], [[1, 0], [0]]), "InvalidMatrixError"),
    ("check S too long", lambda: exactsvd.check([[1, 0], [0, 1]], [[1, 0], [0, 1]], [1, 1, 1], [[1, 0], [0, 1]]).ok,
     "answer|error"),
    ("check wrong shapes", lambda: exactsvd.check([[1, 0], [0, 1]], [[1]], [[1]], [[1]]).ok, "answer"),
    ("check entry None", lambda: exactsvd.check([[1]], [[None]], [[1]], [[1]]), "InvalidMatrixError"),
    ("check bad text", lambda: exactsvd.check([[1]], [["sqrt("]], [[1]], [[1]]), "MatrixParseError"),
    ("check tol='abc'", lambda: exactsvd.check([[1]], [[1]], [[1]], [[1]], tol="abc"), "ExactSVDError"),
    ("check tol=-1", lambda: exactsvd.check([[1]], [[1]], [[1]], [[1]], tol=-1), "InvalidArgumentError"),
    ("check tol=[]", lambda: exactsvd.check([[1]], [[1]], [[1]], [[1]], tol=[]), "ExactSVDError"),
    ("check_singular_values [None]", lambda: exactsvd.check_singular_values([[1]], [None]), "InvalidMatrixError"),
    ("check_singular_values 5", lambda: exactsvd.check_singular_values([[5]], 5), "InvalidArgumentError"),
    ("check_singular_values huge", lambda: exactsvd.check_singular_values([[1]], ["9" * 5000]), "ExactSVDError"),
]


@pytest.mark.parametrize("name, call, expected", API_CASES, ids=[c[0] for c in API_CASES])
def test_api(name, call, expected):
    judge(guarded(call), expected)


# --------------------------------------------------------------------------- command line, files, banks


def main(argv, stdin=""):
    """``exactsvd.cli.main(argv)`` with captured streams: ``(code, stdout, stderr)``."""
    from exactsvd.cli import main as cli_main

    out, err = io.StringIO(), io.StringIO()
    sys.stdin = io.StringIO(stdin)
    with redirect_stdout(out), redirect_stderr(err):
        code = cli_main(argv)
    return code, out.getvalue()[:2000], err.getvalue()[:2000]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    paths = {}

    def write(name, content):
        path = folder / name
        (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
        paths[name] = str(path)

    write("binary.bin", bytes(range(256)) * 4)
    write("latin1.txt", "1 2; 3 \xe9".encode("latin-1"))
    write("deep.json", "[" * 100_000 + "]" * 100_000)
    write("nan.json", "[[NaN, 1]]")
    write("bad.csv", '1,"2\n3')
    write("empty.txt", "")
    write("big-int.json", f"[[{'9' * 20000}, 1]]")
    slow = [f"sqrt({p})" for p in PRIMES[:6]]
    problems = [
        {"id": "slow", "matrix": [slow]},
        {"id": "fine", "matrix": "3 0; 4 5", "singular_values": ["3*sqrt(5)", "sqrt(5)"]},
        {"id": "null", "matrix": "3 0; 4 5", "singular_values": [None, 5]},
        {"id": "int", "matrix": "3 0; 4 5", "singular_values": [7, 5]},
        {"id": "no-matrix-field", "matrix": None},
        {"id": "bad-answer", "matrix": "1 0; 0 1", "answer": {"U": 5, "S": None, "V": "x"}},
        {"id": "huge-field", "matrix": [[f"sqrt({p})" for p in PRIMES]]},
        {"id": "bad-tol", "matrix": "1", "singular_values": [1], "tol": "abc"},
    ]
    write("bank.json", json.dumps({"problems": problems}))
    write("bank-unknown-key.json", json.dumps([{"id": "a", "matrix": "1", "colour": "red"}]))
    write("bank-duplicate.json", json.dumps([{"id": "a", "matrix": "1"}, {"id": "a", "matrix": "2"}]))
    write("bank-not-list.json", json.dumps({"problems": 5}))
    write("bank-deep.json", '{"problems": ' + "[" * 100_000 + "]" * 100_000 + "}")
    write("bank-expect.json", json.dumps([{"id": "a", "matrix": "1", "expect": "maybe"}]))
    write("answer-shapes.json", json.dumps({"U": [[1, 0]], "S": "x", "V": [[1, 2], [3]]}))
    write("answer-list.json", json.dumps([1, 2, 3]))
    paths["folder"] = str(folder)
    return paths


def cli_case(argv, codes, *, stdin="", output=None, message=None):
    return argv, codes, stdin, output, message


CLI_CASES = {
    "svd --timeout abc": cli_case(["[[1]]", "--timeout", "abc"], {2}),
    "svd --timeout -1": cli_case(["[[1]]", "--timeout", "-1"], {2}),
    "svd --timeout 0": cli_case(["[[1]]", "--timeout", "0"], {2}),
    "svd --timeout on a slow matrix": cli_case(
        [str([[f"sqrt({p})" for p in PRIMES[:6]]]).replace("'", ""), "--timeout", "1"], {2}, message="timeout=1"
    ),
    "svd --timeout that suffices": cli_case(["[[3, 4]]", "--timeout", "30", "--json"], {0}, output='"rank": 1'),
    "svd 8 distinct sqrt": cli_case(["[[" + ",".join(f"sqrt({p})" for p in PRIMES[:8]) + "]]"], {2}, message="degree"),
    "svd root(2, 10000)": cli_case(["[[root(2, 10000)]]"], {2}),
    "svd 101x1 full": cli_case(["[" + ";".join(["1"] * 101) + "]"], {2}, message="form='thin'"),
    "svd 1x10000 row": cli_case(["[" + ",".join(["1"] * 10000) + "]"], {2}, message="form='thin'"),
    "svd from stdin": cli_case(["-", "--json"], {0}, stdin="3 4", output='"rank": 1'),
    "svd empty stdin": cli_case(["-"], {2}, stdin=""),
    "numeric --dps 0": cli_case(["numeric", "[[1]]", "--dps", "0"], {2}),
    "numeric --dps 10^9": cli_case(["numeric", "[[1]]", "--dps", "1000000000"], {2}),
    "numeric of 10 distinct sqrt": cli_case(
        ["numeric", "[[" + ",".join(f"sqrt({p})" for p in PRIMES) + "]]", "--dps", "20"], {0}, output="σ1"
    ),
    "explain --timeout on a slow matrix": cli_case(
        ["explain", "[[" + ",".join(f"sqrt({p})" for p in PRIMES[:6]) + "]]", "--timeout", "1"], {2}
    ),
    "generate --count 10^9": cli_case(["generate", "--count", "1000000000"], {2}),
    "generate --count 0": cli_case(["generate", "--count", "0"], {2}),
    "generate --shape 12x12": cli_case(["generate", "--shape", "12x12"], {2}),
    "generate --shape 50x50": cli_case(["generate", "--shape", "50x50", "--count", "1"], {2}),
    "generate --seed x": cli_case(["generate", "--seed", "x"], {2}),
    "check --answer missing": cli_case(["check", "[[1]]", "--answer", "/no/such/key.json"], {2}),
    "check --answer a list": cli_case(["check", "[[1]]", "--answer", "@answer-list.json"], {2}),
    "check --answer bad shapes": cli_case(["check", "[[1, 0], [0, 1]]", "--answer", "@answer-shapes.json"], {1, 2}),
    "check --tol abc": cli_case(["check", "[[1]]", "--answer", "@answer-shapes.json", "--tol", "abc"], {1, 2}),
    "file missing": cli_case(["@/no/such/file.json"], {2}),
    "file is a folder": cli_case(["@folder"], {2}),
    "file binary": cli_case(["@binary.bin"], {2}),
    "file not UTF-8": cli_case(["@latin1.txt"], {2}),
    "file JSON 10^5 deep": cli_case(["@deep.json"], {2}),
    "file JSON NaN": cli_case(["@nan.json"], {2}),
    "file bad CSV": cli_case(["@bad.csv"], {2}),
    "file empty": cli_case(["@empty.txt"], {2}),
    "file 20000-digit integer": cli_case(["@big-int.json"], {2}, message="digits"),
    "file /dev/null": cli_case(["@/dev/null"], {2}),
    "bank: every bad problem is its own row": cli_case(
        ["check-bank", "@bank.json", "--timeout", "2", "--jobs", "2"], {1}, output="8 problems"
    ),
    "bank --timeout abc": cli_case(["check-bank", "@bank.json", "--timeout", "abc"], {2}),
    "bank --timeout none": cli_case(["check-bank", "@bank-expect.json", "--timeout", "none"], {2}),
    "bank --jobs 0": cli_case(["check-bank", "@bank.json", "--jobs", "0"], {2}),
    "bank unknown key": cli_case(["check-bank", "@bank-unknown-key.json"], {2}, message="colour"),
    "bank duplicate id": cli_case(["check-bank", "@bank-duplicate.json"], {2}, message="twice"),
    "bank not a list": cli_case(["check-bank", "@bank-not-list.json"], {2}),
    "bank 10^5 deep": cli_case(["check-bank", "@bank-deep.json"], {2}, message="nested"),
    "bank bad expect": cli_case(["check-bank", "@bank-expect.json"], {2}),
    "bank missing": cli_case(["check-bank", "/no/such/bank.json"], {2}),
    "bank binary": cli_case(["check-bank", "@binary.bin"], {2}),
    "unknown command": cli_case(["frobnicate", "[[1]]"], {2}),
    "no arguments": cli_case([], {2}),
}


def _resolve(argv, files):
    """Put the fixture's paths in place of ``@name`` (and of a bare bank name)."""
    resolved = []
    for arg in argv:
        name = arg[1:] if arg.startswith("@") else None
        if name in files:
            resolved.append(("@" if argv[0] != "check-bank" else "") + files[name])
        else:
            resolved.append(arg)
    return resolved


@pytest.mark.parametrize("name", list(CLI_CASES))
def test_cli(name, files):
    argv, codes, stdin, output, message = CLI_CASES[name]
    argv = _resolve(argv, files)
    outcome = guarded(lambda: main(argv, stdin))
    assert outcome[0] == "answer", f"main raised {outcome[1:]}"
    code, out, err = outcome[1]
    assert code in codes, f"exit code {code}, expected {codes}; stderr: {err}"
    assert "Traceback" not in err and "Traceback" not in out
    if code == 2:
        assert err.startswith("exactsvd: error:") or err.startswith("usage:"), err
    if output:
        assert output in out, out
    if message:
        assert message in err, err


def test_bank_rows_name_every_problem(files):
    outcome = guarded(lambda: main(["check-bank", files["bank.json"], "--timeout", "2", "--jobs", "2"]))
    code, out, _ = outcome[1]
    assert code == 1
    rows = {line.split()[0]: line for line in out.splitlines()[1:-1] if line and not line.startswith(" ")}
    assert "timed out" in rows["slow"] and rows["fine"].split()[1] == "ok"
    assert all(rows[name].split()[1] == "error" for name in ("null", "no-matrix-field", "bad-answer", "bad-tol"))
    assert rows["int"].split()[1] == "wrong" and "error" in rows["huge-field"]


# --------------------------------------------------------------------------- signals and streams (real processes)


def _command(*argv):
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return [sys.executable, "-m", "exactsvd", *argv], env


SLOW_TEXT = "[[" + ",".join(f"sqrt({p})" for p in PRIMES[:6]) + "]]"


def _started(process, marker_seconds=60.0):
    """Wait until the command is past its imports (its worker process exists), at most *marker_seconds*."""
    deadline = time.monotonic() + marker_seconds
    while time.monotonic() < deadline:
        children = subprocess.run(["pgrep", "-P", str(process.pid)], capture_output=True, text=True).stdout.split()
        if children:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("argv, workers", [(["svd", SLOW_TEXT], 1), (["check-bank", "BANK", "--jobs", "2"], 2)])
def test_ctrl_c_stops_the_command_and_its_workers(argv, workers, files):
    """SIGINT to the process group, as a terminal's Ctrl-C: exit 130, one line, every worker gone."""
    argv = [files["bank.json"] if a == "BANK" else a for a in argv]
    command, env = _command(*argv)
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True, preexec_fn=default_sigint)
    try:
        assert _started(process)
        deadline = time.monotonic() + HANG_GUARD
        while len(descendants(process.pid)) < workers and time.monotonic() < deadline:
            time.sleep(0.1)  # check-bank's runner starts its problems' workers
        tree = descendants(process.pid)
        assert len(tree) >= workers
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=HANG_GUARD)
    finally:
        process.kill()
    assert process.returncode == 130 and err == "exactsvd: interrupted\n" and out == ""
    deadline = time.monotonic() + HANG_GUARD  # orphans killed by the kernel are reaped by init, not at once
    while any(running(pid) for pid in tree) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in tree if running(pid)]


def test_closed_pipe_stops_the_work():
    command, env = _command("svd", SLOW_TEXT)
    reader_gone = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert _started(reader_gone)
        reader_gone.stdout.close()  # like `| head -1` exiting
        _, err = reader_gone.communicate(timeout=HANG_GUARD)
    finally:
        reader_gone.kill()
    assert reader_gone.returncode == 141 and err == b""


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full on this system")
def test_dev_full_and_closed_stdout_give_one_line():
    command, env = _command("[[3, 4]]")
    with open("/dev/full", "w") as full:
        done = subprocess.run(command, env=env, stdout=full, stderr=subprocess.PIPE, text=True, timeout=HANG_GUARD)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "No space left" in done.stderr
    done = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          timeout=HANG_GUARD, pass_fds=(), close_fds=True,
                          preexec_fn=lambda: os.close(1))
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "closed" in done.stderr


def test_results_of_the_worker_travel_faithfully():
    """A decomposition over a number field survives the pickling of the worker (same values, proved)."""
    from exactsvd.budget import pickling

    pickling.register()
    r = exactsvd.svd([["sqrt(2)", 1], [3, "2^(1/3)"]], timeout=60)
    assert r.verify() and r.singular_values == exactsvd.svd([["sqrt(2)", 1], [3, "2^(1/3)"]]).singular_values
    assert pickle.loads(pickle.dumps(r.decomposition)).spectrum.charpoly == r.decomposition.spectrum.charpoly


@pytest.mark.parametrize("A, method", [([["sqrt(2)", 1], [3, "2^(1/3)"]], "exact"), ([[3, 0], [4, 5]], "auto"),
                                       ([[1 + sympy.I, 2], [0, sympy.I]], "exact")])
def test_singular_values_are_built_within_the_deadline(A, method, monkeypatch):
    """With ``timeout=`` the worker builds the singular-value expressions: the caller only unpickles them."""
    import exactsvd.result.complex_exact
    import exactsvd.result.exact

    def outside_the_deadline(*args):
        raise AssertionError("singular values built by the caller, after the worker's deadline")

    expected = exactsvd.svd(A).singular_values
    for module in (exactsvd.result.exact, exactsvd.result.complex_exact):
        monkeypatch.setattr(module, "singular_value_list", outside_the_deadline)
    r = exactsvd.svd(A, method=method, timeout=60)
    assert r.method == "exact" and r.singular_values == expected
    check_svd(A, r, "full", hand_method=False)


# --------------------------------------------------------------------------- the sweep, CI-sized


from hypothesis import HealthCheck, given, settings  # noqa: E402

from checker import check_svd, random_exact_matrix  # noqa: E402


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(random_exact_matrix(max_size=7, max_algebraic_size=3))
def test_random_exact_matrices_through_the_worker(drawn):
    """Random exact matrices through ``svd(..., timeout=...)`` (the worker path): proved exactly, checked at 50 digits.

    ``bench/budget.py`` runs the same sweep with 2000 examples (algebraic ones up to 4×4).
    """
    _, A = drawn
    check_svd(A, exactsvd.svd(A, timeout=600), "full", hand_method=False)
