"""``exactsvd serve``: the live cell of the blog as web pages for a class, and a JSON API behind them.

Pages: the SVD (``/``), the worked solution (``/explain``), checking an answer
(``/check``), exercise sheets (``/exercises``) and picture compression
(``/compress``); ``/api/...`` answers the same in JSON (``docs/web.md``).

The parts, each with one job: :mod:`.config` (the limits), :mod:`.inputs`
(the first look at visitor text: no ``@FILE``), :mod:`.tasks` (the
calculations, run in workers), :mod:`.pool` (worker processes, time limit,
memory cap, bounded queue), :mod:`.render` and :mod:`.pages` (HTML),
:mod:`.pictures` (uploaded pictures), :mod:`.app` (the Starlette
application), :mod:`.cli` (the ``serve`` subcommand).  Only :mod:`.app`
(and the command, when run) needs the ``web`` extra (Starlette, uvicorn,
python-multipart); ``import exactsvd.web`` works without it.
"""

from .config import ServerConfig

__all__ = ["ServerConfig"]
