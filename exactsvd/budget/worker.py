"""Run a call in a worker process that is stopped at its deadline and capped in memory.

Cooperative checks cannot interrupt one long call into SymPy, python-flint or
GMP (factoring a large polynomial, one product of huge integers), so a call
with a deadline runs in a child process: the parent waits for its answer at
most ``timeout`` seconds, then kills it.  In the child

* ``RLIMIT_AS`` caps the address space at what the parent held plus
  ``max_memory`` bytes (Linux; elsewhere the cap is not enforced), so that a
  runaway allocation fails with ``MemoryError`` (or kills the child) instead of
  swapping;
* an alarm kills the child itself a little after its deadline, and on Linux it
  dies with its parent, so no worker outlives its caller;
* ``SIGINT`` is ignored: on Ctrl-C the parent stops it.

The child may report what it is computing with :func:`stage`; the last stage
is named in :class:`~exactsvd.TimeLimitExceeded`.  Results travel pickled
(:mod:`.pickling` carries the core's number fields faithfully).

The start method is ``fork`` where it exists and the process has one thread
(nothing to import again: the child starts in milliseconds), else
``forkserver`` (POSIX) or ``spawn``; :func:`start` takes another.  With those,
the function must be importable and its arguments picklable.
"""

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from multiprocessing.connection import wait

from ..errors import ExactSVDError, MemoryLimitExceeded, TimeLimitExceeded
from . import pickling
from .limits import DEFAULT_MAX_MEMORY, TIME_MARGIN

#: Seconds after its deadline at which a child kills itself if its parent did not.
SELF_KILL_DELAY = 2.0

#: Seconds to wait for a killed child to be reaped: a bound, so that no stop can hang (one not reaped by
#: then is a zombie until multiprocessing reaps it at the next start or at exit).
STOP_WAIT = 0.1

_reporter = None


def stage(text):
    """Report what the current call is computing (in a worker; a no-op elsewhere).

    >>> stage("the characteristic polynomial")
    """
    if _reporter is not None:
        with contextlib.suppress(OSError):
            _reporter.send(("stage", text))


class Job:
    """One call running in a child process; see :func:`start`.

    ``connection`` is readable when the child has something to say;
    :meth:`outcome` reads it; :meth:`stop` kills the child (idempotent).
    """

    def __init__(self, process, connection, timeout, max_memory, what):
        self.process = process
        self.connection = connection
        self.started = time.monotonic()
        self.deadline = None if timeout is None else self.started + timeout
        self.timeout = timeout
        self.max_memory = max_memory
        self.what = what
        self.stage = None

    def remaining(self):
        """Seconds until the deadline (``None``: no deadline), never negative."""
        return None if self.deadline is None else max(0.0, self.deadline - time.monotonic())

    def elapsed(self):
        return time.monotonic() - self.started

    def outcome(self):
        """Read one message: ``(True, result)`` when done, ``(False, None)`` for a stage report.

        Raises the child's exception, or :class:`~exactsvd.MemoryLimitExceeded`
        / :class:`~exactsvd.ExactSVDError` when the child died.
        """
        try:
            kind, value = self.connection.recv()
        except (EOFError, OSError):
            self.process.join(1)
            raise self._death() from None
        if kind == "stage":
            self.stage = value
            return False, None
        if kind == "ok":
            return True, value
        raise value

    def time_limit_error(self, hint=""):
        """The :class:`~exactsvd.TimeLimitExceeded` of this job."""
        doing = f" (stopped while computing {self.stage})" if self.stage else ""
        return TimeLimitExceeded(
            f"{self.what} did not finish within timeout={self.timeout:g} s{doing}.{' ' + hint if hint else ''}"
        )

    def _death(self):
        code = self.process.exitcode
        if code is not None and code == -signal.SIGALRM:
            return self.time_limit_error()
        if self.max_memory is not None:
            return MemoryLimitExceeded(
                f"{self.what} stopped: its worker process died (exit code {code}), most likely on reaching the "
                f"memory cap of {_mib(self.max_memory)}. Give a larger max_memory, a smaller input, or use "
                "method='numeric'."
            )
        return ExactSVDError(f"{self.what} stopped: its worker process died (exit code {code}).")

    def stop(self):
        """Kill the child (if still running; ``SIGKILL``), wait at most ``STOP_WAIT`` s for it, release the connection."""
        if self.process.is_alive():
            with contextlib.suppress(OSError):
                self.process.kill()
        self.process.join(STOP_WAIT)
        self.connection.close()


def start(function, *args, timeout=None, max_memory=DEFAULT_MAX_MEMORY, what="the call", start_method=None,
          **kwargs):
    """Start ``function(*args, **kwargs)`` in a child process and return its :class:`Job`.

    *timeout* (seconds or ``None``) sets the job's deadline; *max_memory*
    (bytes or ``None`` for no cap) caps what the child may allocate beyond
    what this process holds; *what* names the call in error messages.
    """
    pickling.register()
    context = multiprocessing.get_context(start_method or _start_method())
    receiving, sending = context.Pipe(duplex=False)
    child = context.Process(
        target=_child, args=(sending, function, args, kwargs, timeout, max_memory, _address_space()), daemon=False
    )
    child.start()
    sending.close()
    return Job(child, receiving, timeout, max_memory, what)


def run(function, *args, timeout=None, max_memory=DEFAULT_MAX_MEMORY, what="the call", hint="",
        start_method=None, **kwargs):
    """``function(*args, **kwargs)`` in a worker process, within *timeout* seconds and *max_memory* bytes.

    Returns what the function returns, or raises what it raises;
    :class:`~exactsvd.TimeLimitExceeded` (naming *what*, the last
    :func:`stage` and *hint*) when the deadline passes, at most about
    ``TIME_MARGIN`` seconds later; :class:`~exactsvd.MemoryLimitExceeded`
    when the child ran out of its memory.  ``KeyboardInterrupt`` stops the
    child too.

    >>> run(pow, 2, 10, timeout=30)
    1024
    >>> import time
    >>> run(time.sleep, 5, timeout=0.5, what="a nap")
    Traceback (most recent call last):
    ...
    exactsvd.errors.TimeLimitExceeded: a nap did not finish within timeout=0.5 s.
    """
    job = start(function, *args, timeout=timeout, max_memory=max_memory, what=what, start_method=start_method,
                **kwargs)
    try:
        while True:
            if not job.connection.poll(job.remaining()):
                raise job.time_limit_error(hint)
            done, result = job.outcome()
            if done:
                return result
    finally:
        job.stop()


def wait_any(jobs, timeout=None):
    """The jobs among *jobs* whose connection is readable, waiting at most *timeout* seconds."""
    ready = set(wait([job.connection for job in jobs], timeout))
    return [job for job in jobs if job.connection in ready]


def _start_method():
    methods = multiprocessing.get_all_start_methods()
    if "fork" in methods and threading.active_count() == 1:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


def _address_space():
    """The bytes of address space this process holds (Linux), else ``None``."""
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return None


def _child(sending, function, args, kwargs, timeout, max_memory, parent_space):
    """The body of the worker process."""
    global _reporter
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if timeout is not None and hasattr(signal, "setitimer"):
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.setitimer(signal.ITIMER_REAL, timeout + SELF_KILL_DELAY)
    pickling.register()
    _cap_memory(max_memory, parent_space)
    _reporter = sending
    try:
        message = ("ok", function(*args, **kwargs))
    except MemoryError:
        message = ("error", MemoryLimitExceeded(f"ran out of the memory cap of {_mib(max_memory)}"))
    except BaseException as error:  # sent to the parent, which raises it
        message = ("error", error)
    try:
        sending.send(message)
    except MemoryError:
        sending.send(("error", MemoryLimitExceeded(f"ran out of the memory cap of {_mib(max_memory)}")))
    except Exception as error:  # the result or the exception does not pickle
        sending.send(("error", ExactSVDError(f"internal error: the worker's answer cannot be sent back: {error}")))
    sending.close()
    sys.stdout.flush()


def _cap_memory(max_memory, parent_space):
    if max_memory is not None and parent_space is not None:
        cap_address_space(parent_space + max_memory)


def cap_address_space(limit):
    """Cap the address space of this process (``RLIMIT_AS``) at *limit* bytes, or lower at the hard limit.

    For worker processes (this one's and the web server's): past the cap an
    allocation fails with ``MemoryError``.  Without the ``resource`` module
    (Windows) nothing is capped.
    """
    try:
        import resource
    except ImportError:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (limit if hard == resource.RLIM_INFINITY else min(limit, hard), hard))


def _die_with_parent():
    """On Linux, ask the kernel to kill this process when its parent dies (``PR_SET_PDEATHSIG``)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _mib(size):
    return "no" if size is None else f"{size / 2**20:.0f} MiB"


__all__ = ["Job", "TIME_MARGIN", "cap_address_space", "run", "stage", "start", "wait_any"]
