"""The command line: ``exactsvd`` and ``python -m exactsvd``.

::

    exactsvd svd MATRIX [--form full|thin|compact] [--json | --latex | --exact] [--digits N] [--no-verify]
    exactsvd numeric MATRIX [--dps N] [--form ...] [--json]
    exactsvd explain MATRIX [--markdown] [--latex FILE.tex] [--pdf FILE.pdf] [--gram AtA|AAt] [--rank-one]
    exactsvd check MATRIX --answer FILE.json [--tol TOL]
    exactsvd check-bank FILE.json [--jobs N]
    exactsvd generate [--count N] [--seed S] [--shape MxN ...] [--latex FILE.tex] ...
    exactsvd MATRIX ...          # short for: exactsvd svd MATRIX ...

MATRIX is matrix text such as ``"[[1, 2], [3, 4]]"`` or ``"1 2; 3 4"``, ``@FILE``
or ``-`` for standard input (see :func:`read_matrix`).  Exit codes: 0 success,
1 a checked answer is wrong (or the output cannot be written: ``/dev/full``), 2 bad input,
usage or a time limit (a message on standard error, no traceback), 3 a check could not decide
something exactly (and found nothing wrong), 130 interrupted, 141 standard output closed early
(``exactsvd ... | head -1``).  Every command runs in a worker process
(:mod:`exactsvd.cli_worker`), so Ctrl-C and ``--timeout SECONDS`` (every subcommand; per
problem for ``check-bank``) hold whatever the input.

Every subcommand is one entry of :data:`COMMANDS`: its help line, a function
that adds its arguments to its parser, and a function that runs it on the
parsed arguments and returns the exit code.
"""

import argparse
import contextlib
import csv
import io
import json
import os
import sys
from collections import namedtuple
from decimal import Decimal
from pathlib import Path

import sympy

from . import __version__
from .api import svd
from .budget import check_timeout
from .budget.limits import long_integers
from .cli_worker import StdoutClosed, run_command
from .errors import ExactSVDError, InvalidArgumentError, InvalidMatrixError, printable, shorten, withholding_contents
from .checking import cli as check_cli
from .solutions import cli as explain_cli
from .input import as_exact_matrix, read_text_file
from .input.files import file_label
from .output import VERIFIED, Progress, svd_text, terminal_width, to_dict, to_json, verified_line
from .output.layout import matrix_lines
from .result import FORMS
from .web import cli as serve_cli

PROG = "exactsvd"
TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")
MATRIX_HELP = (
    "the matrix: text such as '[[1, 2], [3, 4]]' or '1 2; 3 4' (entries such as 1/3, 0.25, "
    "2*sqrt(3)/5); @FILE to read FILE (.json: a list of rows of numbers or strings; .csv: "
    "comma-separated rows; any other name: text as above, e.g. one row per line); "
    "- to read text from standard input"
)

Command = namedtuple("Command", "help add_arguments run")

#: Subcommands with a ``--timeout`` of their own: per problem (``check-bank``), per calculation (``serve``).
OWN_TIMEOUT = ("check-bank", "serve")
#: Subcommands that run in this process, not in a worker: the server has its own workers and runs until stopped.
IN_PROCESS = ("serve",)


def read_matrix(argument, *, allow_files=None):
    """Read the MATRIX argument of a subcommand.

    Parameters
    ----------
    argument : str
        Matrix text as :func:`exactsvd.input.parse_matrix_text` reads it;
        ``@FILE`` to read the file ``FILE`` (UTF-8; by
        :func:`exactsvd.input.read_text_file`: a regular file of at most
        ``MAX_FILE_BYTES``): ``.json`` holds a list of rows of numbers or
        strings (JSON decimals are read exactly, 0.1 is 1/10), ``.csv``
        comma-separated rows, any other file matrix text; or ``-`` to read
        matrix text from standard input.
    allow_files : bool, optional
        ``False`` refuses ``@FILE`` (:class:`~exactsvd.FileReadingDisabledError`);
        the default follows the environment variable ``EXACTSVD_NO_FILES``.

    Returns
    -------
    sympy.ImmutableMatrix
        The validated exact matrix.

    Raises
    ------
    ExactSVDError
        The file cannot be read (:class:`~exactsvd.FileReadError`), or its
        contents are not an exact matrix; error messages name the file and
        the place, and quote at most the offending token of its contents, shortened.

    Examples
    --------
    >>> read_matrix("1 2; 3 4")
    Matrix([
    [1, 2],
    [3, 4]])
    >>> read_matrix("@missing.csv")
    Traceback (most recent call last):
    ...
    exactsvd.errors.FileReadError: missing.csv: cannot read the file: No such file or directory.
    """
    if argument == "-":
        return as_exact_matrix(sys.stdin.read(), name="standard input")
    if not argument.startswith("@"):
        return as_exact_matrix(argument)
    path = argument[1:]
    text = read_text_file(path, allow_files=allow_files)
    label = file_label(path)
    reader = {".json": _json_rows, ".csv": _csv_rows}.get(Path(path).suffix.lower())
    with withholding_contents():
        return as_exact_matrix(reader(text, label) if reader else text, name=label)


def _json_rows(text, path):
    """The rows of a JSON file, decimals as :class:`~decimal.Decimal` so that they stay exact."""
    try:
        return json.loads(text, parse_float=Decimal, parse_constant=Decimal)
    except ValueError as error:
        raise InvalidMatrixError(
            f'{path}: not valid JSON: {error}. Write a list of rows, e.g. [[1, "1/3"], [0, 2]].'
        ) from error
    except RecursionError:
        raise InvalidMatrixError(f"{path}: the JSON is nested too deeply. Write a list of rows, e.g. [[1, 2], [3, 4]].") from None


def _csv_rows(text, path):
    """The rows of a CSV file as lists of entry strings; blank lines are skipped."""
    try:
        rows = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text), strict=True) if row]
    except csv.Error as error:
        raise InvalidMatrixError(f"{path}: not valid CSV: {error}.") from error
    if not rows:
        raise InvalidMatrixError(f"{path}: the file has no rows. Write one row per line, e.g. 1, 2.")
    return rows


# ---------------------------------------------------------------- svd


def file_argument(text):
    """An argparse type for a file name: refuses an empty name (``--pdf ""``) instead of ignoring it.

    >>> file_argument("out.pdf")
    'out.pdf'
    >>> file_argument("  ")
    Traceback (most recent call last):
    ...
    argparse.ArgumentTypeError: the file name is empty; give the name of a file
    """
    if not text.strip():
        raise argparse.ArgumentTypeError("the file name is empty; give the name of a file")
    return text


def distinct_outputs(**paths):
    """Refuse output files that are one file (``--latex X --key X``): :class:`InvalidArgumentError`.

    *paths* maps option names (``latex``, ``key``) to file names or ``None``.

    >>> distinct_outputs(latex="sheet.tex", key="./sheet.tex")
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: --latex and --key name the same file './sheet.tex'; the second would overwrite the first. Give two different file names.
    """
    seen = {}
    for option, path in paths.items():
        if path is None:
            continue
        key = os.path.normcase(os.path.realpath(path))
        if key in seen:
            raise InvalidArgumentError(
                f"--{seen[key]} and --{option} name the same file {shorten(path)}; the second would overwrite "
                "the first. Give two different file names."
            )
        seen[key] = option


def _svd_arguments(parser):
    parser.add_argument("matrix", metavar="MATRIX", help=MATRIX_HELP)
    parser.add_argument(
        "--form",
        choices=FORMS,
        default="full",
        help="full: U m×m, S m×n, V n×n (default); thin: min(m, n) columns; compact: rank columns",
    )
    output = parser.add_mutually_exclusive_group()
    output.add_argument(
        "--json",
        action="store_true",
        help="print the result as one JSON object (format: docs/json-schema.md): exact entries as strings "
        "that MATRIX syntax and 'check --answer' read back, with certified decimals",
    )
    output.add_argument("--latex", action="store_true", help="print U, S and V as LaTeX")
    output.add_argument(
        "--exact",
        action="store_true",
        help="print every entry exactly and in full, however long (default: exact entries where they fit "
        "the terminal, certified decimals and named roots where not)",
    )
    parser.add_argument(
        "--digits",
        type=_digits,
        help="significant digits of the certified decimals (default 8 in the text, 30 in --json)",
    )
    parser.add_argument(
        "--no-verify", dest="verify", action="store_false", help="skip the exact proof that U S V^T = A (U S V^H = A for complex A)"
    )


def _digits(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of digits from 1 to 1000")
    return value


def _svd(args):
    """Compute, prove and print; progress goes to standard error when the work takes long."""
    with Progress() as progress:
        progress("reading the matrix")
        matrix = read_matrix(args.matrix)
        progress("computing the exact SVD")
        result = svd(matrix, form=args.form)
        progress("proving U S V^T = A")
        verified = result.verify() if args.verify else None
        progress("writing the result")
        if args.json:
            text = to_json(result, verified=verified, **({"digits": args.digits} if args.digits else {}))
        elif args.latex:
            text = _svd_latex(result, verified)
        else:
            width = None if args.exact else terminal_width()
            text = svd_text(result, verified, width=width, **({"digits": args.digits} if args.digits else {}))
    print(text)
    return 0


def _svd_latex(result, verified):
    """``U = ...``, ``S = ...``, ``V = ...`` as LaTeX, and the proof as a LaTeX comment."""
    lines = [f"{name} = {sympy.latex(factor)}" for name, factor in zip("USV", result)]
    if verified:
        lines.append(f"% {verified_line(result)}")
    return "\n".join(lines)


# ---------------------------------------------------------------- numeric


def _numeric_arguments(parser):
    parser.add_argument("matrix", metavar="MATRIX", help=MATRIX_HELP)
    parser.add_argument("--dps", type=int, default=50, help="significant decimal digits (5 to 100000; default 50)")
    parser.add_argument("--form", choices=FORMS, default="full", help="full (default), thin or compact")
    parser.add_argument("--json", action="store_true", help="print one JSON object with decimal strings")


def _numeric(args):
    result = svd(read_matrix(args.matrix), form=args.form, method="numeric", dps=args.dps)

    def text(entry):
        return str(sympy.Float(entry, args.dps))

    uncertain = len(result.singular_values) - result.rank - _proved_zeros(result)
    if args.json:
        record = to_dict(result, verified=result.verify(), digits=result.digits)
        record["not_certified_nonzero"] = uncertain
        print(json.dumps(record, ensure_ascii=False))
        return 0
    bound, t = result.error_bound, "H" if result.is_complex else "T"
    width = max((len(text(s)) for s in result.singular_values), default=0)
    lines = [
        f"singular values ({result.digits} certified digits, |s_i - sigma_i| <= {mpmath_str(bound.singular_values)}):",
        *((f"  σ{i} = {text(s):<{width}}" + ("  (not certified non-zero)" if i > result.rank and uncertain else "")
           ).rstrip() for i, s in enumerate(result.singular_values, 1)),
        _numeric_rank(result.rank, uncertain),
        f"certified: ||A - U S V^{t}|| <= {mpmath_str(bound.residual)}, ||U^{t} U - I|| <= "
        f"{mpmath_str(bound.orthogonality_U)}, ||V^{t} V - I|| <= {mpmath_str(bound.orthogonality_V)}",
        f"method: {result.engine}; {result.note}",
    ]
    width, shown = terminal_width(), result.evalf(min(result.digits, 8))
    for name, factor in zip("USV", shown):
        cells = [[str(x) for x in row] for row in factor.tolist()]
        lines += ["", f"{name} ({factor.rows}×{factor.cols}) ≈", *matrix_lines(cells, width)]
    print("\n".join(lines))
    return 0


def _proved_zeros(result):
    """How many singular values are proved to be 0: a zero value with a zero bound (an exact computation)."""
    if result.error_bound.singular_values:
        return 0
    return sum(1 for s in result.singular_values[result.rank :] if not s)


def _numeric_rank(rank, uncertain):
    """The rank line of ``numeric``: certified, or a range when some values are not certified non-zero.

    >>> _numeric_rank(2, 0), _numeric_rank(1, 1)
    ('rank: 2 (certified)', 'rank: between 1 and 2 (1 singular value certified non-zero, 1 not certified non-zero: its bound does not exclude 0)')
    """
    if not uncertain:
        return f"rank: {rank} (certified)"
    values = "value" if rank == 1 else "values"
    verb = "its bound does not" if uncertain == 1 else "their bounds do not"
    return (f"rank: between {rank} and {rank + uncertain} ({rank} singular {values} certified non-zero, "
            f"{uncertain} not certified non-zero: {verb} exclude 0)")


def mpmath_str(value):
    """A bound printed with 3 significant digits."""
    return sympy.N(sympy.Float(value), 3)


# ---------------------------------------------------------------- the table and main

COMMANDS = {
    "svd": Command("the exact singular value decomposition A = U S V^T (U S V^H for complex A)", _svd_arguments, _svd),
    "numeric": Command("the SVD to N digits with a certified error bound (mpmath)", _numeric_arguments, _numeric),
    "explain": Command(explain_cli.HELP, explain_cli.add_arguments, explain_cli.run),
    **{name: Command(*fields) for name, fields in check_cli.SUBCOMMANDS.items()},
    "serve": Command(serve_cli.HELP, serve_cli.add_arguments, serve_cli.run),
}


class _Parser(argparse.ArgumentParser):
    """argparse's parser, with user text in usage errors escaped (``unrecognized arguments: \\x1b[2J``)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {printable(message)}\n")


def _parser():
    parser = _Parser(
        prog=PROG,
        description="Exact singular value decompositions of rational and algebraic matrices.",
        epilog=f"'{PROG} MATRIX ...' is short for '{PROG} svd MATRIX ...'. "
        "Exit codes: 0 success, 1 a checked answer is wrong (or the output cannot be written), "
        "2 bad input, usage or a time limit, 130 interrupted, 141 output closed.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for name, command in COMMANDS.items():
        subparser = commands.add_parser(name, help=command.help, description=command.help)
        command.add_arguments(subparser)
        if name not in OWN_TIMEOUT:
            subparser.add_argument(
                "--timeout", type=seconds, metavar="SECONDS", help="stop with an error after SECONDS (default: no limit)"
            )
        subparser.set_defaults(run=command.run, command=name)
    return parser


def seconds(text):
    """An ``argparse`` type: a positive number of seconds (see :func:`exactsvd.budget.check_timeout`).

    >>> seconds("2.5")
    2.5
    """
    try:
        return check_timeout(float(text), "--timeout")
    except (ValueError, ExactSVDError):
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds (at most 86400)") from None


def main(argv=None):
    r"""Run the ``exactsvd`` command line.

    Parameters
    ----------
    argv : list of str, optional
        The arguments, without the program name; default ``sys.argv[1:]``.
        When the first one is neither a subcommand nor ``-h``, ``--help`` or
        ``--version``, ``svd`` is put in front: ``exactsvd MATRIX`` means
        ``exactsvd svd MATRIX``.

    Returns
    -------
    int
        The exit code: 0 success, 1 a checked answer is wrong or the output
        cannot be written, 2 bad input, usage or ``--timeout`` passed (the
        message is on standard error, without traceback), 3 a check could
        not decide something exactly, 130 interrupted (Ctrl-C), 141 standard
        output closed early (as by a shell killed by ``SIGPIPE``).

    Examples
    --------
    >>> main(["[[3, 4]]", "--json", "--digits", "5"])
    {"format": "exactsvd.svd", "version": 1, "method": "exact", "shape": [1, 2], "form": "full", "rank": 1, "matrix": [["3", "4"]], "singular_values": ["5"], "U": [["1"]], "S": [["5", "0"]], "V": [["3/5", "4/5"], ["4/5", "-3/5"]], "decimals": {"digits": 5, "singular_values": ["5.0000"], "U": [["1.0000"]], "S": [["5.0000", "0"]], "V": [["0.60000", "0.80000"], ["0.80000", "-0.60000"]]}, "verified": true}
    0
    >>> main(["svd", "[[3, 4]]", "--form", "compact", "--latex", "--no-verify"])
    U = \left[\begin{matrix}1\end{matrix}\right]
    S = \left[\begin{matrix}5\end{matrix}\right]
    V = \left[\begin{matrix}\frac{3}{5}\\\frac{4}{5}\end{matrix}\right]
    0
    """
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] not in COMMANDS and argv[0] not in TOP_LEVEL_OPTIONS:
        argv.insert(0, "svd")
    try:
        with long_integers():
            args = _parser().parse_args(argv)
            if sys.stdout is None:
                raise OSError("standard output is closed")
            if args.command in IN_PROCESS:
                return args.run(args)
            timeout = None if args.command in OWN_TIMEOUT else args.timeout
            stdin = sys.stdin.read() if getattr(args, "matrix", None) == "-" else None
            code = run_command(args.run, args, timeout=timeout, what=f"{PROG} {args.command}", stdin=stdin)
            sys.stdout.flush()  # so that a closed pipe is reported here, not at exit
            return code
    except SystemExit as stop:  # argparse: --help, --version and usage errors (code 2)
        return stop.code
    except ExactSVDError as error:
        print(f"{PROG}: error: {printable(str(error), keep=chr(10))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except (BrokenPipeError, StdoutClosed):  # the reader went away, e.g. exactsvd ... | head -1
        _silence_stdout()
        return 141
    except OSError as error:  # standard output cannot be written: /dev/full, closed
        _silence_stdout()
        print(f"{PROG}: error: cannot write the output: {error.strerror or error}", file=sys.stderr)
        return 1


def _silence_stdout():
    """Point standard output at the null device, so that nothing is left to flush at exit."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
