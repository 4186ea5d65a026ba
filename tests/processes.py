"""The process tree of a command under test: its workers, and whether they are gone (Linux ``/proc``).

Shared by ``tests/test_hostile.py`` and ``bench/budget.py`` (Ctrl-C must stop the command and every
worker it started).
"""

import signal
import subprocess


def default_sigint():
    """A ``preexec_fn``: the command starts with SIGINT's default action, as from a terminal.

    A job started in the background by a non-interactive shell (``pytest ... &``) inherits SIGINT
    ignored, and a program that inherits it ignored keeps ignoring it (so does Python), so without
    this a test of Ctrl-C would test nothing.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def descendants(pid):
    """The process ids of the children of *pid*, their children, and so on (``pgrep -P``)."""
    children = [int(c) for c in subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()]
    return children + [grandchild for child in children for grandchild in descendants(child)]


def running(pid):
    """Whether process *pid* exists and is not a zombie (a killed child that its parent did not reap yet)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
