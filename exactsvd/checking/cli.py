"""The ``check``, ``check-bank`` and ``generate`` subcommands of the command line.

::

    exactsvd check MATRIX --answer FILE.json [--tol TOL]
    exactsvd check-bank FILE.json [--jobs N] [--timeout SECONDS]
    exactsvd generate [--count N] [--seed S] [--shape MxN ...] [--rank R] [--difficulty easy|medium|hard]
                      [--latex FILE.tex | --pdf FILE.pdf] [--key FILE] [--answers-only] [--paper a4|letter]

``check`` prints the verdict and one line per problem; ``check-bank`` a table
(id, verdict, problems).  Both exit with 1 when an answer is wrong (for a
bank: when a verdict is not the expected one), 3 when nothing is wrong but
something could not be decided exactly (never a rejection), 0 otherwise; errors are
:class:`~exactsvd.ExactSVDError`, which ``exactsvd.cli.main`` reports with
exit code 2.  ``exactsvd.cli`` imports this module, so its helpers
(:func:`~exactsvd.cli.read_matrix`, ``MATRIX_HELP``) are imported when a
command runs, not at import time.

:data:`SUBCOMMANDS` maps each name to ``(help, add_arguments, run)``, the
fields of ``exactsvd.cli.Command``; ``exactsvd.cli`` adds them to its table.
"""

import argparse
import random
from pathlib import Path

from ..api import svd
from ..errors import ExactSVDError, InvalidArgumentError, withholding_contents
from ..solutions import explain
from ..solutions.latex import PAPERS
from ..solutions.pdf import compile_pdf, save
from ..exercises import DIFFICULTIES, exercise_sheet, generate
from ..input.files import file_label
from .answer import answer_from_json, answer_key
from .bank import DEFAULT_PROBLEM_TIMEOUT, bank_table, load_bank, load_json, run_bank
from .checker import check

#: Shapes that ``generate`` draws from when no ``--shape`` is given, by difficulty.
SHAPES = {
    "easy": ((2, 2), (2, 3), (3, 2)),
    "medium": ((2, 2), (2, 3), (3, 2), (3, 3)),
    "hard": ((3, 3), (4, 3), (3, 4)),
}
#: The most exercises one ``generate`` makes.
MAX_COUNT = 1000


def add_check_arguments(parser):
    """Add the arguments of ``check`` to *parser*.

    >>> parser = argparse.ArgumentParser()
    >>> add_check_arguments(parser)
    >>> parser.parse_args(["1 2; 3 4", "--answer", "key.json", "--tol", "1e-3"]).tol
    '1e-3'
    """
    from ..cli import MATRIX_HELP, file_argument

    parser.add_argument("matrix", metavar="MATRIX", help=MATRIX_HELP)
    parser.add_argument(
        "--answer",
        metavar="FILE.json",
        required=True,
        type=file_argument,
        help='the answer: a JSON object {"U": rows, "S": rows or a list of values, "V": rows} ("Vt" or "Vh" '
        'instead of "V" for V^T, as NumPy returns it), entries as strings such as "1/sqrt(5)" or "2*sqrt(5)/5" '
        "(or numbers), such as the output of exactsvd svd --json",
    )
    parser.add_argument("--tol", help="check a rounded answer key to this tolerance, e.g. 1e-3 (default: exactly)")


def run_check(args):
    """Run ``check``: print the verdict; return 0 when the answer is a valid SVD, 1 when not, 3 when undecided.

    >>> import json, tempfile
    >>> parser = argparse.ArgumentParser()
    >>> add_check_arguments(parser)
    >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
    ...     json.dump({"U": [[1, 0], [0, 1]], "S": [1, 2], "V": [[1, 0], [0, 1]]}, file)
    >>> run_check(parser.parse_args(["1 0; 0 2", "--answer", file.name]))  # doctest: +ELLIPSIS
    read "U", "S", "V" from ...json
    not a valid SVD of A (full form):
    - the singular values are listed in ascending order; list them in descending order, with the columns of U and V in the same order
    1
    """
    from ..cli import read_matrix

    A = read_matrix(args.matrix)
    with withholding_contents():
        label = file_label(args.answer)
        answer = load_json(args.answer, "answer")
        answer_from_json(answer, label)
        key = answer_key(answer, f"{label}: the answer", A.shape)
        try:
            report = check(A, key.U, key.S, key.V, tol=args.tol)
        except ExactSVDError as error:  # an entry of the answer: say which file it is in
            if not str(error).startswith(("U", "S", "V")):
                raise
            raise type(error)(f"{label}: {error}") from error
    print(f"read {key.read} from {label}")
    print(report)
    return {"valid": 0, "wrong": 1, "undecided": 3}[report.verdict]


def add_bank_arguments(parser):
    """Add the arguments of ``check-bank`` to *parser*.

    >>> parser = argparse.ArgumentParser()
    >>> add_bank_arguments(parser)
    >>> parser.parse_args(["bank.json", "--jobs", "4"]).jobs
    4
    """
    from ..cli import file_argument

    parser.add_argument("bank", metavar="FILE.json", type=file_argument,
                        help="the problem bank (format: see exactsvd.checking.bank)")
    parser.add_argument("--jobs", type=_positive, help="worker processes (default: one per CPU)")
    parser.add_argument(
        "--timeout",
        type=_problem_seconds,
        default=DEFAULT_PROBLEM_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds per problem, then 'timed out' (default {DEFAULT_PROBLEM_TIMEOUT:g}; 'none' for no limit)",
    )


def run_check_bank(args):
    """Run ``check-bank``: print the table; return 1 when a verdict is not the expected one, else 3 when one is undecided, else 0.

    >>> import json, tempfile
    >>> with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as file:
    ...     json.dump([{"id": "p1", "matrix": "3 0; 4 5", "singular_values": ["sqrt(5)", "3*sqrt(5)"]}], file)
    >>> run_check_bank(argparse.Namespace(bank=file.name, jobs=1, timeout=60))
    id  verdict              problems
    p1  wrong (expected ok)  the singular values are listed in ascending order; list them in descending order, with the columns of U and V in the same order
    1 problem: 0 as expected, 1 not as expected
    1
    """
    results = run_bank(load_bank(args.bank), jobs=args.jobs, timeout=args.timeout)
    print(bank_table(results))
    if any(result.failed for result in results):
        return 1
    return 3 if any(result.verdict == "undecided" for result in results) else 0


def add_generate_arguments(parser):
    """Add the arguments of ``generate`` to *parser*.

    >>> parser = argparse.ArgumentParser()
    >>> add_generate_arguments(parser)
    >>> parser.parse_args(["--shape", "3x2", "--shape", "2×2"]).shape
    [(3, 2), (2, 2)]
    """
    from ..cli import file_argument

    parser.add_argument("--count", type=_count, default=10, help=f"the number of exercises (default 10, at most {MAX_COUNT})")
    parser.add_argument("--seed", type=int, help="the same seed gives the same exercises")
    parser.add_argument(
        "--shape",
        type=_shape,
        action="append",
        metavar="MxN",
        help="a shape such as 3x2; repeat for several (used in turn); default: drawn from 2x2, 2x3, 3x2 "
        "(easy), also 3x3 (medium), 3x3, 4x3, 3x4 (hard)",
    )
    parser.add_argument("--rank", type=int, help="the rank of every matrix (default: full rank)")
    parser.add_argument("--difficulty", choices=DIFFICULTIES, default="easy",
                        help="easy: integer singular values, rational singular vectors; medium: square roots of "
                        "integers; hard: a pair a ± b√d in a quadratic field")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--latex", metavar="FILE.tex", type=file_argument,
                        help="write the exercise sheet here, and its answer keys")
    output.add_argument("--pdf", metavar="FILE.pdf", type=file_argument, help="the same, compiled with pdflatex")
    parser.add_argument("--key", metavar="FILE", type=file_argument,
                        help="where the worked answer key goes (default: FILE-key; with --answers-only: the compact "
                        "key, default FILE-answers; needs --latex or --pdf)")
    parser.add_argument("--answers-only", action="store_true",
                        help="write only the compact key (FILE-answers: U, S, V), not the worked solutions")
    parser.add_argument("--paper", choices=tuple(PAPERS), default="a4", help="paper size of the documents")


def run_generate(args):
    """Run ``generate``: print the matrices, or write the sheet and its keys (LaTeX or PDF); return 0.

    With ``--latex FILE.tex`` or ``--pdf FILE.pdf`` it writes the sheet there,
    the compact answer key to ``FILE-answers`` and the worked solutions to
    ``FILE-key`` (not with ``--answers-only``).

    >>> parser = argparse.ArgumentParser()
    >>> add_generate_arguments(parser)
    >>> run_generate(parser.parse_args(["--count", "2", "--seed", "1", "--shape", "2x2"]))
    1. [[-23, 36], [-36, 2]]
    2. [[-2, -36], [36, 23]]
    0
    """
    from ..cli import distinct_outputs

    target = args.latex or args.pdf
    if args.key and not target:
        raise InvalidArgumentError("--key needs --latex or --pdf: the key is written together with the exercise sheet.")
    paths = _key_paths(target, args.key, args.answers_only) if target else {}
    distinct_outputs(**{"latex" if args.latex else "pdf": target}, **paths)
    rng = random.Random(args.seed)
    shapes = args.shape or SHAPES[args.difficulty]
    matrices = []
    for i in range(args.count):
        m, n = shapes[i % len(shapes)] if args.shape else rng.choice(shapes)
        matrices.append(generate(m, n, args.rank, seed=rng.randrange(2**32), difficulty=args.difficulty))
    if not target:
        print("\n".join(f"{i}. {A.tolist()}" for i, A in enumerate(matrices, 1)))
        return 0
    results = [svd(A) for A in matrices]
    sheet, answers = exercise_sheet(results, paper=args.paper)
    documents = [(target, sheet, f"{len(matrices)} exercises"), (paths["answers"], answers, "answers")]
    if not args.answers_only:
        solutions = [explain(A).to_latex() for A in matrices]
        _, key = exercise_sheet(results, solutions=solutions, paper=args.paper)
        documents.append((paths["key"], key, "worked solutions"))
    for where, document, _ in documents:
        save(where, compile_pdf(document) if args.pdf else document)
    print("wrote " + ", ".join(f"{where} ({what})" for where, _, what in documents))
    return 0


def _key_paths(target, key, answers_only):
    """``{"answers": path, "key": path}``: beside *target* (``FILE-answers``, ``FILE-key``), or *key*.

    With *answers_only* there is no worked key and *key*, if given, names the compact one.
    """
    path = Path(target)

    def beside(suffix):
        return str(path.with_name(f"{path.stem}-{suffix}{path.suffix}"))

    if answers_only:
        return {"answers": key or beside("answers")}
    return {"answers": beside("answers"), "key": key or beside("key")}


def _problem_seconds(text):
    if text.strip().lower() == "none":
        return None
    from ..cli import seconds

    return seconds(text)


def _count(text):
    value = _positive(text)
    if value > MAX_COUNT:
        raise argparse.ArgumentTypeError(f"{text!r} is more than {MAX_COUNT} exercises; make several sheets")
    return value


def _positive(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive integer")
    return value


def _shape(text):
    rows, _, cols = text.lower().replace("×", "x").partition("x")
    try:
        return _positive(rows), _positive(cols)
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a shape such as 3x2") from None


SUBCOMMANDS = {
    "check": ("is a given U, S, V an SVD of MATRIX? decided exactly (exit 1 if not)", add_check_arguments, run_check),
    "check-bank": ("check a bank of problems with published answers, in parallel", add_bank_arguments, run_check_bank),
    "generate": ("matrices with nice SVDs for hand work, or a LaTeX exercise sheet and key",
                 add_generate_arguments, run_generate),
}
