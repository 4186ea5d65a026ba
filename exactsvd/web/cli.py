"""The ``serve`` subcommand of the command line: the web pages for a class (the ``web`` extra).

::

    exactsvd serve [--host 127.0.0.1] [--port 8000] [--workers N] [--queue N] [--long-workers N] [--timeout T]
                   [--memory MiB] [--cache MiB] [--max-entries N] [--max-text N] [--max-upload BYTES]

Starts uvicorn with :func:`exactsvd.web.app.create_app` and returns when it is
stopped (Ctrl-C).  It binds to 127.0.0.1 (this computer only) unless
``--host`` says otherwise: ``--host 0.0.0.0`` lets the phones and laptops of a
class on the same network open ``http://THIS-COMPUTER:8000/``.
"""

import importlib.util

from ..solutions.pdf import ToolMissingError
from .config import ServerConfig

HELP = "serve the pages (SVD, worked solution, checker, exercise sheets, compression) and a JSON API"

#: The options and the :class:`~exactsvd.web.config.ServerConfig` fields they set: (option, metavar, field, type, help).
OPTIONS = (
    ("--host", "ADDRESS", "host", str, "the address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: the network)"),
    ("--port", "PORT", "port", int, "the TCP port (default 8000)"),
    ("--workers", "N", "workers", int, "worker processes: calculations at the same time (default 2)"),
    ("--queue", "N", "queue", int, "requests that may wait for a worker before 'busy, try again' (default 8)"),
    ("--long-workers", "N", "long_workers", int,
     "workers that may run calculations past 0.5 s of CPU at once (default: half the workers, at least 1)"),
    ("--timeout", "SECONDS", "timeout", float, "seconds one calculation may take (default 10)"),
    ("--memory", "MiB", "memory_mb", int, "memory limit of each worker in MiB (default 1024)"),
    ("--max-text", "N", "max_text", int, "characters of one matrix box (default 4000)"),
    ("--max-entries", "N", "max_entries", int, "entries of one matrix (default 144, e.g. 12×12)"),
    ("--cache", "MiB", "cache_mb", int, "MiB of answers kept for visitors who ask the same again (default 64; 0: none)"),
    ("--max-upload", "BYTES", "max_upload", int, "bytes of one uploaded file (default 4194304)"),
)


def add_arguments(parser):
    """Add the arguments of ``serve`` to *parser* (for ``exactsvd.cli.COMMANDS``).

    Examples
    --------
    >>> import argparse
    >>> parser = argparse.ArgumentParser()
    >>> add_arguments(parser)
    >>> config(parser.parse_args(["--port", "8080", "--workers", "4"]))
    ServerConfig(host='127.0.0.1', port=8080, workers=4, queue=8, long_workers=None, timeout=10.0, memory_mb=1024, max_text=4000, max_entries=144, max_body=65536, max_upload=4194304, max_pixels=16777216, max_exercises=20, cache_mb=64)
    """
    for option, metavar, field, kind, text in OPTIONS:
        parser.add_argument(option, metavar=metavar, dest=field, type=kind, default=getattr(ServerConfig, field),
                            help=text)


def config(args):
    """The :class:`ServerConfig` of parsed arguments (:class:`~exactsvd.InvalidArgumentError` for a bad value)."""
    return ServerConfig(**{field: getattr(args, field) for _, _, field, _, _ in OPTIONS})


def run(args):
    """Run ``serve``: start the server and block until it is stopped; return the exit code (0)."""
    settings = config(args)
    missing = [name for name in ("starlette", "uvicorn", "multipart") if importlib.util.find_spec(name) is None]
    if missing:
        raise ToolMissingError(
            f"exactsvd serve needs the web extra ({', '.join(missing)} missing): pip install 'exactsvd[web]'"
        )
    import uvicorn

    from .app import create_app

    print(f"exactsvd serve: http://{settings.host}:{settings.port}/ ({settings.workers} workers, "
          f"{settings.timeout:g} s per calculation); Ctrl-C stops it", flush=True)
    uvicorn.run(create_app(settings), host=settings.host, port=settings.port, log_level="warning",
                h11_max_incomplete_event_size=64 * 1024)
    return 0
