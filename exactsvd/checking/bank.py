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
(``S`` a matrix or a list of values; ``Vt`` or ``Vh``, NumPy's ``V^T``, instead of ``V``); ``singular_values`` are published
values, checked for sign, order and size; ``tol`` checks a rounded answer key
to that tolerance; ``expect`` is the verdict the bank expects, ``"ok"``
(default) or ``"wrong"`` (a known erratum).  A problem with neither
``answer`` nor ``singular_values`` is only solved.  Other keys (``source``,
``note``) are kept for the reader and ignored.

Verdicts: ``ok``, ``wrong``, ``solved`` (nothing to check), ``undecided``
(nothing was proved wrong, but an identity could not be decided exactly: the
reason is given, and the row is never counted as a rejection), ``error`` (the
problem could not be read or checked), ``timed out`` (not decided within the
per-problem ``timeout``, default 60 s).  A row fails when its verdict is
neither the expected one nor ``undecided``.  Every problem is checked in a
worker process of its own (:mod:`exactsvd.budget`), stopped at its deadline
and capped in memory, so one bad or slow problem never spoils the others.
"""

import json
import os
from dataclasses import dataclass
from decimal import Decimal

from .. import budget
from ..api import svd
from ..errors import (
    BudgetError,
    ExactSVDError,
    InvalidArgumentError,
    excerpt,
    printable,
    shorten,
    withholding_contents,
)
from ..input import as_exact_matrix, read_text_file
from ..input.files import file_label
from .answer import answer_key
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
        return self.verdict not in (self.expected, "undecided")


def load_json(path, what):
    """The JSON value in the file *path* (decimals as :class:`~decimal.Decimal`); *what* names it in errors.

    The file is read by :func:`exactsvd.input.read_text_file` (a regular file,
    size capped, switched off by ``EXACTSVD_NO_FILES``).

    >>> load_json("/no/such/bank.json", "problem bank")
    Traceback (most recent call last):
    ...
    exactsvd.errors.FileReadError: /no/such/bank.json: cannot read the problem bank: No such file or directory.
    """
    text = read_text_file(path, what)
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=Decimal)
    except ValueError as error:
        raise InvalidArgumentError(f"{file_label(path)}: the {what} is not valid UTF-8 JSON: {error}.") from None
    except RecursionError:
        raise InvalidArgumentError(f"{file_label(path)}: the {what} is nested too deeply to be read as JSON.") from None


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
    with withholding_contents():
        return _checked_problems(data, file_label(path))


def _checked_problems(data, path):
    """The problems of the bank *data* (read from the file *path*), each checked for its keys."""
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
                f"{where} ({excerpt(problem['id'])}) has unknown keys {shorten(unknown)}; the keys are {sorted(_KEYS)}."
            )
        values = problem.get("singular_values", [])
        if not isinstance(values, list):
            raise InvalidArgumentError(
                f'{where} ({excerpt(problem["id"])}): "singular_values" must be a list of values such as '
                f'["3*sqrt(5)", "sqrt(5)"], got {type(values).__name__} {shorten(values)}.'
            )
        if problem.get("expect", "ok") not in VERDICTS:
            raise InvalidArgumentError(f'{where} ({excerpt(problem["id"])}): "expect" must be one of {VERDICTS}.')
        if str(problem["id"]) in seen:
            raise InvalidArgumentError(f"{where}: the id {shorten(problem['id'])} is used twice.")
        seen.add(str(problem["id"]))
    return problems


def run_problem(problem):
    """Check one problem of a bank (a dict in the bank format) and return its :class:`BankResult`.

    Error messages quote no line of the bank (:func:`~exactsvd.errors.withholding_contents`).

    Examples
    --------
    >>> run_problem({"id": "p1", "matrix": "3 0; 4 5", "singular_values": ["sqrt(5)", "3*sqrt(5)"]}).problems
    ('the singular values are listed in ascending order; list them in descending order, with the columns of U and V in the same order',)
    >>> run_problem({"id": "p2", "matrix": [[2, 0], [0, 1]]})
    BankResult(id='p2', verdict='solved', expected='solved', problems=('singular values 2, 1',))
    """
    with withholding_contents():
        return _run_problem(problem)


def _run_problem(problem):
    name = str(problem["id"])
    expected = problem.get("expect", "ok")
    try:
        A = as_exact_matrix(problem["matrix"], name=f"{name}: matrix")
        tol = problem.get("tol")
        reports = []
        if "answer" in problem:
            key = answer_key(problem["answer"], f'{name}: "answer"', A.shape)
            reports.append(check(A, key.U, key.S, key.V, tol=tol))
        if "singular_values" in problem:
            reports.append(check_singular_values(A, problem["singular_values"], tol=tol))
        if not {"answer", "singular_values"} & problem.keys():
            values = ", ".join(map(str, svd(A).singular_values))
            return BankResult(name, "solved", "solved", (f"singular values {values}",))
    except ExactSVDError as error:
        return BankResult(name, "error", expected, (str(error),))
    problems = list(dict.fromkeys(p for report in reports for p in report.problems))
    if problems:
        return BankResult(name, "wrong", expected, tuple(problems))
    undecided = tuple(dict.fromkeys(p for report in reports for p in report.undecided))
    return BankResult(name, "undecided" if undecided else "ok", expected, undecided)


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
    further problem of a row, and each further line of a problem, is on a line
    of its own.  Ids and problems are shown with control characters escaped
    (:func:`~exactsvd.errors.printable`), so no id can forge a row.

    >>> print(bank_table([BankResult("a", "ok", "ok", ()), BankResult("b\\nc  ok", "ok", "wrong", ())]))
    id        verdict              problems
    a         ok
    b\\nc  ok  ok (expected wrong)
    2 problems: 1 as expected, 1 not as expected
    """
    shown = [r.verdict + (f" (expected {r.expected})" if r.failed else "") for r in results]
    ids = [printable(r.id) for r in results]
    id_width = max([2] + [len(i) for i in ids])
    verdict_width = max([7] + [len(v) for v in shown])
    lines = [f"{'id':<{id_width}}  {'verdict':<{verdict_width}}  problems"]
    for result, name, verdict in zip(results, ids, shown):
        notes = [printable(line) for note in result.problems for line in note.splitlines()] or [""]
        lines.append(f"{name:<{id_width}}  {verdict:<{verdict_width}}  {notes[0]}".rstrip())
        lines += [f"{'':<{id_width}}  {'':<{verdict_width}}  {note}".rstrip() for note in notes[1:]]
    failed = sum(r.failed for r in results)
    undecided = sum(r.verdict == "undecided" for r in results)
    counted = f"{len(results)} problem" + ("" if len(results) == 1 else "s")
    summary = f"{counted}: {len(results) - failed - undecided} as expected, {failed} not as expected"
    lines.append(summary + (f", {undecided} undecided" if undecided else ""))
    return "\n".join(lines)
