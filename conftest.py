"""pytest's configuration for the whole repository (the doctests of ``exactsvd/`` included).

``exactsvd/web/app.py`` imports Starlette at the top (it *is* the Starlette
application); without the ``web`` extra its doctests are not collected, and
this says so.  In CI (the ``CI`` variable set) the extra is installed and
nothing is left out.
"""

import importlib.util
import os

collect_ignore = []
if importlib.util.find_spec("starlette") is None and not os.environ.get("CI"):
    collect_ignore.append("exactsvd/web/app.py")
    print("exactsvd/web/app.py: doctests not collected (the web extra, Starlette, is not installed)")
