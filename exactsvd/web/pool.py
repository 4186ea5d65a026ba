"""Worker processes for the visitors' calculations: a bounded pool with a time limit and a memory cap.

A visitor's matrix may take a second or an hour, and one may need gigabytes.
So the server never computes in its own process: each request's task runs in
one of ``workers`` long-lived worker processes (:func:`_worker_main`), which

* run in their own process group (so that a ``pdflatex`` they start is
  stopped with them) with an address-space limit (``RLIMIT_AS``) of
  ``memory_mb``;
* are stopped (``SIGKILL`` to the group) when a task runs longer than
  ``timeout`` seconds, and replaced at once; the request gets
  :class:`~exactsvd.web.errors.TimeLimitExceeded`;
* are forked from a *forkserver* that has imported exactsvd (and NumPy and
  matplotlib when installed) and done one small SVD; each new worker does one
  more before it takes a task, and :data:`SPARES` of them wait in reserve, so
  that a stopped worker is replaced at once.

At most ``workers`` tasks run at once and at most ``queue`` wait for a
worker; a request beyond that is refused at once with
:class:`~exactsvd.web.errors.ServerBusy` (the page says "busy, try again").
"""

import asyncio
import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from ..budget.worker import cap_address_space
from ..errors import InvalidArgumentError
from .errors import InternalError, ServerBusy, TimeLimitExceeded, WebError

log = logging.getLogger("exactsvd.web")

#: Modules the forkserver imports once, so that every worker starts with them loaded (missing ones are skipped).
PRELOAD = ("exactsvd.web.warm", "numpy", "PIL.Image", "matplotlib.figure")

#: CPU seconds after which a running task counts as long (see ``long_workers``); CPU, not wall-clock
#: time, so that a quick task on a busy machine is not taken for a long one.
LONG_AFTER = 0.5

#: Wall-clock seconds after which a running task counts as long however little CPU it got.
LONG_AFTER_WALL = 2.0

#: Seconds between two looks at a running task.
POLL = 0.05

#: Clock ticks per second of the CPU times in ``/proc/PID/stat``.
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

#: Warm workers kept in reserve, so that a stopped worker is replaced at once.
SPARES = 1

#: The niceness of a worker while it runs a long task.
LONG_NICENESS = 10

#: Seconds a new worker may take to start and do its warm-up calculation.
STARTUP_TIMEOUT = 60

#: Environment of the worker processes: one BLAS thread each (the pool is the parallelism), no display.
WORKER_ENVIRONMENT = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                      "MPLBACKEND": "Agg"}

#: The library's switch that turns reading ``@FILE`` off; set in every worker, whatever the server's environment.
NO_FILES = ("EXACTSVD_NO_FILES", "1")


class WorkerPool:
    """``workers`` worker processes, a waiting room of ``queue`` requests, a time limit per task.

    Parameters
    ----------
    workers : int
        Worker processes (calculations at the same time).
    queue : int
        Requests that may wait for a free worker.
    timeout : float
        Seconds a task may run before its worker is stopped.
    memory_mb : int
        Address-space limit of each worker, in MiB.
    long_workers : int, optional
        How many workers may hold a *long* task (one that used
        :data:`LONG_AFTER` seconds of CPU time, or ran :data:`LONG_AFTER_WALL`
        seconds) at once; default half of them (at least
        1), so that other workers stay free for quick tasks.  A task that
        becomes long when that many long tasks run is stopped with
        :class:`~exactsvd.web.errors.ServerBusy`.  A long task runs at a
        lower CPU priority (:data:`LONG_NICENESS`), and its worker is replaced
        by a fresh one afterwards.
    tasks : str
        The module whose ``run(task, arguments)`` the workers call (default
        :mod:`exactsvd.web.tasks`; see :func:`exactsvd.web.tasks.run` for the
        tuples it returns).

    Use :meth:`start` before the first task and :meth:`close` at the end (or
    ``with WorkerPool(...) as pool:``).  :meth:`run` is for an event loop,
    :meth:`call` for threads; both raise
    :class:`~exactsvd.web.errors.WebError` (``busy``, ``time_limit``,
    ``memory_limit``, ``bad_input`` ...) and return the task's value.

    Examples
    --------
    >>> with WorkerPool(workers=1, queue=0, timeout=30) as pool:
    ...     pool.call("svd", matrix="[[3, 4]]", limits={"max_text": 100, "max_entries": 4})["singular_values"]
    ['5']
    """

    def __init__(self, workers=2, queue=8, timeout=10.0, memory_mb=1024, tasks="exactsvd.web.tasks",
                 long_workers=None):
        for name, value, low in (("workers", workers, 1), ("queue", queue, 0), ("timeout", timeout, 0.001),
                                 ("memory_mb", memory_mb, 256)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not value >= low:
                raise InvalidArgumentError(f"{name}={value!r} must be a number of at least {low}")
        self.workers, self.queue, self.timeout, self.memory_mb = workers, queue, timeout, memory_mb
        self.tasks = tasks
        self.long_workers = max(1, workers // 2) if long_workers is None else long_workers
        self._long = 0
        self._idle = []
        self._lock = threading.Lock()
        self._free = threading.Semaphore(workers)
        self._admitted = 0
        self._running = 0
        self._threads = None
        self._context = None
        self._all = set()
        self._spares = []
        self._spawner = None
        self._closed = False

    # ------------------------------------------------------------ life cycle

    def start(self):
        """Start the forkserver and the worker processes (returns when they are up)."""
        for name, value in WORKER_ENVIRONMENT.items():
            os.environ.setdefault(name, value)
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(list(PRELOAD))
        self._threads = ThreadPoolExecutor(self.workers + self.queue, thread_name_prefix="exactsvd-web")
        self._spawner = ThreadPoolExecutor(1, thread_name_prefix="exactsvd-web-spawn")
        self._idle = [self._spawn() for _ in range(self.workers)]
        self._spares = [self._spawn() for _ in range(SPARES)]
        return self

    def close(self):
        """Stop every worker process."""
        with self._lock:
            self._closed = True
            workers, self._idle = list(self._all), []
        for worker in workers:
            worker.stop()
        for executor in (self._threads, self._spawner):
            if executor is not None:
                executor.shutdown(wait=False, cancel_futures=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.close()

    def status(self):
        """``{"workers", "running", "long", "waiting", "queue", "timeout"}``: what the pool is doing now.

        >>> WorkerPool(workers=3, queue=1).status()["workers"]
        3
        """
        return {"workers": self.workers, "running": self._running, "long": self._long,
                "waiting": self._admitted - self._running,
                "queue": self.queue, "timeout": self.timeout}

    # ------------------------------------------------------------ running tasks

    async def run(self, task, **arguments):
        """Run *task* (a name in :data:`exactsvd.web.tasks.TASKS`) in a worker; its value.

        Raises :class:`~exactsvd.web.errors.ServerBusy` at once when every
        worker is busy and the queue is full.
        """
        self._admit()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._threads, self._call_admitted, task, arguments)

    def call(self, task, **arguments):
        """:meth:`run` for threads: blocks until the task is done."""
        self._admit()
        return self._call_admitted(task, arguments)

    def _admit(self):
        with self._lock:
            if self._admitted >= self.workers + self.queue:
                raise ServerBusy(
                    f"The server is busy ({self.workers} calculations running, {self.queue} waiting). "
                    "Please try again in a few seconds."
                )
            self._admitted += 1

    def _call_admitted(self, task, arguments):
        try:
            with self._free:
                with self._lock:
                    worker = self._idle.pop()
                    self._running += 1
                try:
                    return self._on(worker, task, arguments)
                finally:
                    if not worker.alive():
                        worker = self._replace(worker)
                    with self._lock:
                        self._idle.append(worker)
                        self._running -= 1
        finally:
            with self._lock:
                self._admitted -= 1

    def _on(self, worker, task, arguments):
        """The task's value; the worker is stopped when it ran out of time or memory, or died."""
        try:
            reply = self._reply(worker, task, arguments)
        except TimeoutError:
            worker.stop()
            raise TimeLimitExceeded(
                f"the calculation took longer than this server's limit of {self.timeout:g} s and was stopped; "
                "try a smaller matrix, or exactsvd on your own computer (method='numeric' for decimals)"
            ) from None
        except EOFError:
            code = worker.stop()
            log.error("exactsvd worker %s died during %s (exit code %s)", worker.pid, task, code)
            raise InternalError("the calculation stopped unexpectedly; please try again") from None
        if reply[0] == "ok":
            return reply[1]
        if reply[0] == "crash":
            log.error("exactsvd task %s failed:\n%s", task, reply[1])
            raise InternalError("the calculation failed unexpectedly (the details are in the server's log)")
        if reply[1] == "memory_limit":  # the worker may be left in a poor state: start afresh
            worker.stop()
        raise WebError.of_kind(reply[1], reply[2])

    def _reply(self, worker, task, arguments):
        """The worker's reply; a long task (:data:`LONG_AFTER` s of CPU or :data:`LONG_AFTER_WALL` s) takes a
        long-task place or is stopped."""
        started = time.monotonic()
        worker.send((task, arguments))
        cpu = worker.cpu_seconds()
        while True:
            left = self.timeout - (time.monotonic() - started)
            if worker.wait(min(POLL, left)):
                return worker.receive()
            if left <= POLL:
                raise TimeoutError
            if worker.cpu_seconds() - cpu >= LONG_AFTER or time.monotonic() - started >= LONG_AFTER_WALL:
                break
        with self._lock:
            admitted = self._long < self.long_workers
            self._long += admitted
        if not admitted:
            worker.stop()
            raise ServerBusy(
                f"The server is busy with other long calculations ({self.long_workers} running). "
                "Please try again in a minute."
            )
        worker.lower_priority()
        try:
            if worker.wait(self.timeout - (time.monotonic() - started)):
                return worker.receive()
            raise TimeoutError
        finally:
            worker.stop()  # it ran at a lower priority: the next task gets a fresh worker
            with self._lock:
                self._long -= 1

    def _replace(self, worker):
        """A warm spare in place of the stopped *worker* (a new worker if there is none); the spares refilled."""
        with self._lock:
            self._all.discard(worker)
            if self._closed:
                return worker
            spare = self._spares.pop() if self._spares else None
        self._spawner.submit(self._refill)
        return spare or self._spawn()

    def _refill(self):
        """Start workers until :data:`SPARES` wait, ready (in the background thread of the pool)."""
        while True:
            with self._lock:
                if self._closed or len(self._spares) >= SPARES:
                    return
            worker = self._spawn()
            with self._lock:
                if not self._closed:
                    self._spares.append(worker)
                    continue
            worker.stop()
            return

    def _spawn(self):
        parent, child = self._context.Pipe()
        process = self._context.Process(target=_worker_main, args=(child, self.memory_mb, self.tasks), daemon=True,
                                        name="exactsvd-web-worker")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        try:
            if parent.poll(STARTUP_TIMEOUT):  # the worker's warm-up calculation
                parent.recv()
            else:
                log.error("exactsvd worker %s did not start within %s s", process.pid, STARTUP_TIMEOUT)
        except EOFError:  # it died; the first task sent to it reports that and replaces it
            log.error("exactsvd worker %s died while starting", process.pid)
        with self._lock:
            self._all.add(worker)
        return worker


class _Worker:
    """One worker process and the pipe to it."""

    def __init__(self, process, connection):
        self.process, self.connection = process, connection
        self.started = time.monotonic()

    @property
    def pid(self):
        return self.process.pid

    def alive(self):
        return self.process.is_alive()

    def send(self, message):
        """Send *message* to the worker (``EOFError`` when it is gone)."""
        try:
            self.connection.send(message)
        except (BrokenPipeError, ConnectionResetError, OSError) as error:
            raise EOFError from error

    def wait(self, timeout):
        """Whether a reply (or the end of the pipe) arrived within *timeout* seconds."""
        return self.connection.poll(max(timeout, 0))

    def receive(self):
        """The reply (``EOFError`` when the worker died)."""
        try:
            return self.connection.recv()
        except (ConnectionResetError, OSError) as error:
            raise EOFError from error

    def cpu_seconds(self):
        """CPU seconds the worker used so far (Linux: ``/proc``); wall-clock seconds since it started elsewhere."""
        try:
            with open(f"/proc/{self.process.pid}/stat", "rb") as file:
                fields = file.read().rsplit(b")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime and stime
        except (OSError, IndexError, ValueError):
            return time.monotonic() - self.started

    def lower_priority(self):
        """Let quick tasks of other workers go first on the CPU (``nice`` :data:`LONG_NICENESS`)."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, LONG_NICENESS)
        except OSError:  # the worker is gone; the reply says so
            pass

    def stop(self):
        """Kill the worker's process group (itself and any ``pdflatex`` it started); its exit code."""
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            self.process.kill()
        self.process.join(5)
        self.connection.close()
        return self.process.exitcode


def _worker_main(connection, memory_mb, tasks):
    """The loop of a worker process: receive ``(task, arguments)``, send the tuple that *tasks*' ``run`` returns."""
    os.setsid()
    os.environ[NO_FILES[0]] = NO_FILES[1]  # no visitor's text may read a file (exactsvd.web.inputs refuses it first)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C stops the server, which stops the workers
    cap_address_space(memory_mb * 2**20)
    run = importlib.import_module(tasks).run
    connection.send(run("warm", {}))  # the first calculation after a fork is slow (copy-on-write pages)
    while True:
        try:
            task, arguments = connection.recv()
        except (EOFError, OSError):  # the server went away
            return
        connection.send(run(task, arguments))
