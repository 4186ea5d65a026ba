"""Imported once by the workers' forkserver: loads the tasks and runs the task ``warm``, so workers start warm.

Importing this module does work on purpose (a fraction of a second after the
imports): every worker is forked from the process that imported it and so
starts with SymPy's caches and the lazily imported parts of exactsvd loaded.

>>> from exactsvd.web import warm
>>> warm.WARMED
True
"""

from . import tasks

#: Set when the warm-up ran.
WARMED = tasks.run("warm", {}) == ("ok", None)
