"""Progress of long work on standard error, for people watching a terminal.

Nothing is written unless the stream is a terminal and the work has taken
longer than *delay* seconds; then one line (``exactsvd: proving U S V^T = A...
5 s``) is rewritten in place every *interval* seconds and erased at the end, so
that standard output stays clean and pipes or files never see it.
"""

import sys
import threading
import time


class Progress:
    """A context manager; call it with the name of each stage as the work goes on.

    Examples
    --------
    >>> import io
    >>> with Progress(io.StringIO()) as progress:   # not a terminal: silent
    ...     progress("computing the exact SVD")
    """

    def __init__(self, stream=None, *, delay=2.0, interval=0.5, prefix="exactsvd"):
        self.stream = sys.stderr if stream is None else stream
        self.delay, self.interval, self.prefix = delay, interval, prefix
        self.stage, self.shown = "", False
        self._done = threading.Event()
        self._thread = None

    def __call__(self, stage):
        self.stage = stage

    def __enter__(self):
        isatty = getattr(self.stream, "isatty", None)
        if isatty is not None and isatty():
            self.start = time.monotonic()
            self._thread = threading.Thread(target=self._run, name="exactsvd-progress", daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc_info):
        if self._thread is not None:
            self._done.set()
            self._thread.join()
            if self.shown:
                self._write("\r\033[K")
        return False

    def _run(self):
        if self._done.wait(self.delay):
            return
        while True:
            elapsed = time.monotonic() - self.start
            self._write(f"\r\033[K{self.prefix}: {self.stage}... {elapsed:.0f} s")
            self.shown = True
            if self._done.wait(self.interval):
                return

    def _write(self, text):
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):  # the terminal went away: nothing to show it on
            self._done.set()
