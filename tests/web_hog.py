"""A task module for the worker pool tests: the server's tasks plus ``hog``, which asks for memory.

The pool's workers import it by name (``WorkerPool(tasks="web_hog")``), so a
test can make a worker run out of memory without a matrix that happens to
need gigabytes.
"""

import os

from exactsvd.web import tasks


@tasks.task
def hog(mib):
    """Allocate *mib* MiB and return how many bytes that was."""
    return len(bytearray(mib * 2**20))


@tasks.task
def environment(name):
    """The worker's value of the environment variable *name*."""
    return os.environ.get(name)


run = tasks.run
