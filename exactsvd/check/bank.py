"""Problem banks: many matrices with published answers, checked in parallel.

The format (UTF-8 JSON; decimals are read exactly, ``0.447`` is 447/1000)::

    {
      "problems": [
        {
          "id": "lay-7.4-example-3",
          "source": "after D. C. Lay, Linear Algebra and Its Applications, 7.4, Example 3",
          "matrix": [[4, 11, 14], [8, 7, -2]],
          "answer": {"U": [["3/sqrt(10)", "1/sqrt(10)"], ["1/sqrt(10)", "-3/sqrt(10)"]],
                     "S": ["6*sqrt(10)", "3*sqrt(10)"],
                     "V": [["1/3", "-2/3", "2/3"], ["2/3", "-1/3", "-2/3"], ["2/3", "2/3", "1/3"]]},
          "singular_values": ["6*sqrt(10)", "3*sqrt(10)"],
          "tol": "1e-3",
          "expect": "ok",
          "note": "free text"
        }
      ]
    }

(a bare list of problems is accepted too).  ``id`` and ``matrix`` are
required; ``matrix`` is a list of rows or matrix text such as ``"1 2; 3 4"``.
``answer`` holds ``U``, ``S`` and ``V`` as :func:`exactsvd.check` takes them
(``S`` a matrix or a list of values); ``singular_values`` are published
values, checked for sign, order and size; ``tol`` checks a rounded answer key
to that tolerance; ``expect`` is the verdict the bank expects, ``"ok"``
(default) or ``"wrong"`` (a known erratum).  A problem with neither
``answer`` nor ``singular_values`` is only solved.  Other keys (``source``,
``note``) are kept for the reader and ignored.

Verdicts: ``ok``, ``wrong``, ``solved`` (nothing to check), ``error`` (the
problem could not be read or checked), ``timed out`` (not decided within the
per-problem ``timeout``, default 60 s).  A row fails when its verdict is not
the expected one.  Every problem is checked in a worker process of its own
(:mod:`exactsvd.budget`), stopped at its deadline and capped in memory, so one
bad or slow problem never spoils the others.
"""

import json
import os
from dataclasses import dataclass
from decimal import Decimal

from .. import budget
from ..api import svd
from ..errors import BudgetError, ExactSVDError, InvalidArgumentError, shorten
from ..input import as_exact_matrix
from .checker import check, check_singular_values

VERDICTS = ("ok", "wrong")
#: Seconds each problem may take (``check-bank --timeout``).
DEFAULT_PROBLEM_TIMEOUT = 60.0
_KEYS = {"id", "source", "matrix", "answer", "singular_values", "tol", "expect", "note"}


@dataclass(frozen=True)
class BankResult:
    """The verdict on one problem of a bank; ``failed`` when it is not the expected verdict."""

    id: str
    verdict: str
    expected: str
    problems: tuple

    @property
    def failed(self):
        return self.verdict != self.expected


def load_json(path, what):
    """The JSON value in the file *path* (decimals as :class:`~decimal.Decimal`); *what* names it in errors.

    >>> load_json("/no/such/bank.json", "problem bank")
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: /no/such/bank.json: cannot read the problem bank: No such file or directory.
    """
    try:
        with open(path, encoding="utf-8-sig") as file:
            return json.load(file, parse_float=Decimal, parse_constant=Decimal)
    except OSError as error:
        raise InvalidArgumentError(f"{path}: cannot read the {what}: {error.strerror or error}.") from error
    except ValueError as error:  # also UnicodeDecodeError
        raise InvalidArgumentError(f"{path}: the {what} is not valid UTF-8 JSON: {error}.") from error
    except RecursionError:
        raise InvalidArgumentError(f"{path}: the {what} is nested too deeply to be read as JSON.") from None


def load_bank(path):
    """The problems of the bank file *path*, each checked for its keys.

    Raises :class:`~exactsvd.InvalidArgumentError` naming the file and the
    problem when the structure is wrong (the entries are read later, by
    :func:`run_problem`).

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
    ...     _ = file.write('{"problems": [{"id": "a", "matrix": [[0.5, 1]], "singular_values": ["sqrt(5)/2"]}]}')
    >>> load_bank(file.name)
    [{'id': 'a', 'matrix': [[Decimal('0.5'), 1]], 'singular_values': ['sqrt(5)/2']}]
    """
    data = load_json(path, "problem bank")
    problems = data.get("problems") if isinstance(data, dict) else data
    if not isinstance(problems, list):
        raise InvalidArgumentError(
            f'{path}: expected {{"problems": [...]}} or a list of problems, got {shorten(data)}.'
        )
    seen = set()
    for number, problem in enumerate(problems, 1):
        where = f"{path}: problem {number}"
        if not isinstance(problem, dict) or not {"id", "matrix"} <= problem.keys():
            raise InvalidArgumentError(f'{where} needs an "id" and a "matrix", got {shorten(problem)}.')
        unknown = sorted(problem.keys() - _KEYS)
        if unknown:
            raise InvalidArgumentError(
                f"{where} ({problem['id']}) has unknown keys {unknown}; the keys are {sorted(_KEYS)}."
            )
        if problem.get("expect", "ok") not in VERDICTS:
            raise InvalidArgumentError(f'{where} ({problem["id"]}): "expect" must be one of {VERDICTS}.')
        if str(problem["id"]) in seen:
            raise InvalidArgumentError(f"{where}: the id {problem['id']!r} is used twice.")
        seen.add(str(problem["id"]))
    return problems


def run_problem(problem):
    """Check one problem of a bank (a dict in the bank format) and return its :class:`BankResult`.

    Examples
    --------
    >>> run_problem({"id": "p1", "matrix": "3 0; 4 5", "singular_values": ["sqrt(5)", "3*sqrt(5)"]}).problems
    ('the singular values are listed in ascending order; list them in descending order, with the columns of U and V in the same order',)
    >>> run_problem({"id": "p2", "matrix": [[2, 0], [0, 1]]})
    BankResult(id='p2', verdict='solved', expected='solved', problems=('singular values 2, 1',))
    """
    name = str(problem["id"])
    expected = problem.get("expect", "ok")
    try:
        A = as_exact_matrix(problem["matrix"], name=f"{name}: matrix")
        tol = problem.get("tol")
        problems = []
        if "answer" in problem:
            problems += check(A, *_factors(problem["answer"], name), tol=tol).problems
        if "singular_values" in problem:
            problems += [p for p in check_singular_values(A, problem["singular_values"], tol=tol).problems
                         if p not in problems]
        if not {"answer", "singular_values"} & problem.keys():
            values = ", ".join(map(str, svd(A).singular_values))
            return BankResult(name, "solved", "solved", (f"singular values {values}",))
    except ExactSVDError as error:
        return BankResult(name, "error", expected, (str(error),))
    return BankResult(name, "wrong" if problems else "ok", expected, tuple(problems))


def _factors(answer, name):
    if not isinstance(answer, dict) or not {"U", "S", "V"} <= answer.keys():
        raise InvalidArgumentError(f'{name}: "answer" must hold "U", "S" and "V", got {shorten(answer)}.')
    return answer["U"], answer["S"], answer["V"]


def run_bank(problems, *, jobs=None, timeout=DEFAULT_PROBLEM_TIMEOUT):
    """Check every problem, in up to *jobs* worker processes at once (default: one per CPU).

    Each problem runs in a worker of its own, stopped after *timeout* seconds
    (``None``: no limit; verdict ``timed out``) and capped at
    ``exactsvd.budget.DEFAULT_MAX_MEMORY``; with ``jobs=1`` and no *timeout*
    the problems are checked in this process.  Returns the
    :class:`BankResult` objects in the order of *problems*; Ctrl-C stops
    every worker.

    >>> [r.verdict for r in run_bank([{"id": "a", "matrix": "2", "singular_values": [2]},
    ...                               {"id": "b", "matrix": "2", "singular_values": [-2]}], jobs=2)]
    ['ok', 'wrong']
    """
    jobs = jobs or os.cpu_count() or 1
    if jobs == 1 and timeout is None:
        return [run_problem(p) for p in problems]
    results = [None] * len(problems)
    waiting = list(enumerate(problems))
    running = {}
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                index, problem = waiting.pop(0)
                job = budget.start(run_problem, problem, timeout=timeout, what=f"problem {problem['id']}")
                running[job] = index
            deadlines = [job.remaining() for job in running]
            soonest = min((d for d in deadlines if d is not None), default=None)
            for job in budget.wait_any(list(running), soonest):
                done, result = _outcome(job, problems[running[job]])
                if done:
                    results[running.pop(job)] = result
                    job.stop()
            for job in [job for job in running if job.remaining() == 0]:
                index = running.pop(job)
                job.stop()
                problem = problems[index]
                results[index] = BankResult(
                    str(problem["id"]), "timed out", problem.get("expect", "ok"),
                    (f"not decided within {timeout:g} s (check-bank --timeout)",),
                )
    finally:
        for job in running:
            job.stop()
    return results


def _outcome(job, problem):
    """``(done, BankResult or None)`` from a readable job; a crash of the worker is the problem's error."""
    try:
        return job.outcome()
    except Exception as error:  # one bad problem never spoils the others
        kind = "" if isinstance(error, ExactSVDError) else f"internal error ({type(error).__name__}), please report: "
        verdict = "timed out" if isinstance(error, BudgetError) and "timeout" in str(error) else "error"
        return True, BankResult(str(problem["id"]), verdict, problem.get("expect", "ok"), (f"{kind}{error}",))


def bank_table(results):
    """The results as a text table (id, verdict, problems) and a summary line.

    A verdict that is not the expected one is marked ``(expected ...)``; each
    further problem of a row is on a line of its own.

    >>> print(bank_table([BankResult("a", "ok", "ok", ()), BankResult("b", "ok", "wrong", ())]))
    id  verdict              problems
    a   ok
    b   ok (expected wrong)
    2 problems: 1 as expected, 1 not as expected
    """
    shown = [r.verdict + (f" (expected {r.expected})" if r.failed else "") for r in results]
    id_width = max([2] + [len(r.id) for r in results])
    verdict_width = max([7] + [len(v) for v in shown])
    lines = [f"{'id':<{id_width}}  {'verdict':<{verdict_width}}  problems"]
    for result, verdict in zip(results, shown):
        notes = result.problems or ("",)
        lines.append(f"{result.id:<{id_width}}  {verdict:<{verdict_width}}  {notes[0]}".rstrip())
        lines += [f"{'':<{id_width}}  {'':<{verdict_width}}  {note}" for note in notes[1:]]
    failed = sum(r.failed for r in results)
    counted = f"{len(results)} problem" + ("" if len(results) == 1 else "s")
    lines.append(f"{counted}: {len(results) - failed} as expected, {failed} not as expected")
    return "\n".join(lines)
