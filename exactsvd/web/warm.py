"""Imported once by the workers' forkserver: loads the tasks and runs a small SVD, so workers start warm.

Importing this module does work on purpose (about a second): every worker is
forked from the process that imported it and so starts with SymPy's caches
and the lazily imported parts of exactsvd already loaded.

>>> from exactsvd.web import warm
>>> warm.WARMED
True
"""

from . import tasks

tasks.run("svd", {"matrix": "[[1, 2, 1, 0], [2, 0, 1, 1]]", "limits": {"max_text": 100, "max_entries": 16}})
tasks.run("solution_file", {"matrix": "[[3, 4]]", "limits": {"max_text": 100, "max_entries": 4}, "fmt": "markdown"})

#: Set when the warm-up ran.
WARMED = True
