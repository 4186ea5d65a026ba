"""Run one parsed command of the command line in a worker process.

:func:`run_command` is how ``exactsvd.cli.main`` runs every subcommand, so that

* Ctrl-C stops any command within a fraction of a second, even in the middle of
  one long call into SymPy or python-flint: this process only waits, and kills
  the worker (and, through it, ``check-bank``'s workers) on ``SIGINT``;
* a reader that goes away (``exactsvd ... | head -1``) stops the work at once:
  standard output is watched while the worker computes;
* ``--timeout`` holds: the worker is killed at the deadline.

The worker writes the command's standard output into a buffer that comes back
with the exit code, and this process writes it, so an error while writing
(``/dev/full``) is reported here, once.  Standard error goes straight through
when it is a real file (progress stays live), and is sent back otherwise.
"""

import contextlib
import io
import os
import select
import stat
import sys

from . import budget

#: Seconds between two looks at standard output while the worker computes.
POLL_SECONDS = 0.1


class StdoutClosed(Exception):
    """The reader of standard output went away while the command was running."""


def run_command(run, args, *, timeout=None, what="the command", stdin=None):
    """``run(args)`` in a worker; write what it printed; return its exit code.

    A worker process has no standard input: pass what the command reads from
    it as the string *stdin* (read here, before the worker starts).

    Raises what the command raises (:class:`~exactsvd.ExactSVDError`),
    :class:`~exactsvd.TimeLimitExceeded` after *timeout* seconds,
    :class:`StdoutClosed` when standard output's reader goes away,
    ``KeyboardInterrupt`` on Ctrl-C (the worker is stopped in every case).
    """
    job = budget.start(_captured, run, args, _stderr_is_real(), stdin, timeout=timeout, max_memory=None, what=what)
    closed = _closed_pipe_watch()
    try:
        while True:
            remaining = job.remaining()
            if remaining == 0:
                raise job.time_limit_error("Give a larger --timeout.")
            step = POLL_SECONDS if remaining is None else min(POLL_SECONDS, remaining)
            if job.connection.poll(step):
                done, value = job.outcome()
                if done:
                    break
            if closed():
                raise StdoutClosed
    finally:
        job.stop()
    code, output, errors = value
    if errors:
        sys.stderr.write(errors)
    sys.stdout.write(output)
    return code


def _captured(run, args, stderr_is_real, stdin):
    """In the worker: run the command with standard output (and a non-file standard error) captured."""
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    output, errors = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(output), contextlib.ExitStack() as stack:
        if not stderr_is_real:
            stack.enter_context(contextlib.redirect_stderr(errors))
        code = run(args)
    return code, output.getvalue(), errors.getvalue()


def _stderr_is_real():
    try:
        return sys.stderr is not None and sys.stderr.fileno() == 2
    except (AttributeError, OSError, ValueError):
        return False


def _closed_pipe_watch():
    """A function that says whether standard output is a pipe whose reader has gone."""
    try:
        fd = sys.stdout.fileno()
        is_pipe = stat.S_ISFIFO(os.fstat(fd).st_mode)
    except (AttributeError, OSError, ValueError):
        is_pipe = False
    if not is_pipe or not hasattr(select, "poll"):
        return lambda: False
    watch = select.poll()
    watch.register(fd, select.POLLERR | select.POLLHUP)
    return lambda: bool(watch.poll(0))
