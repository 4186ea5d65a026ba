"""The limits a server runs under: :class:`ServerConfig`.

Every request of a visitor is bounded by these numbers: how many calculations
run at once (``workers``) and wait (``queue``), how long one may run
(``timeout``), how much memory a worker may take (``memory_mb``), and how large
the input may be (text, matrix, upload, picture).  The defaults suit a class on
a laptop; ``exactsvd serve --help`` lists the options that change them.
"""

from dataclasses import dataclass, fields

from ..errors import InvalidArgumentError, shorten


@dataclass(frozen=True)
class ServerConfig:
    """What ``exactsvd serve`` binds to and the limits every request runs under.

    Attributes
    ----------
    host : str
        The address to listen on; ``127.0.0.1`` (this machine only) unless
        told otherwise (``0.0.0.0`` for a class on the same network).
    port : int
        The TCP port.
    workers : int
        Worker processes: calculations that run at the same time.
    queue : int
        Requests that may wait for a worker; beyond ``workers + queue`` a
        request is answered at once with HTTP 503 "busy, try again".
    long_workers : int or None
        Workers that may hold a calculation that used more than half a second of CPU at
        once; ``None``: half the workers (at least 1), so that the others are
        free for quick requests.
    timeout : float
        Seconds one calculation may take before its worker is stopped.
    memory_mb : int
        Address-space limit of each worker process, in MiB.
    max_text : int
        Characters of one matrix text box.
    max_entries : int
        Entries of one matrix (rows times columns).
    max_body : int
        Bytes of one request body (forms and JSON), uploads excepted.
    max_upload : int
        Bytes of one uploaded file (a picture or an answer in JSON).
    max_pixels : int
        Pixels of an uploaded picture (width times height); larger pictures are refused.
    max_exercises : int
        Exercises on one sheet.
    cache_mb : int
        MiB of answers kept for visitors who ask the same again (0: none).

    Examples
    --------
    >>> ServerConfig().host, ServerConfig().workers
    ('127.0.0.1', 2)
    >>> ServerConfig(workers=0)
    Traceback (most recent call last):
    ...
    exactsvd.errors.InvalidArgumentError: workers=0 must be at least 1
    """

    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 2
    queue: int = 8
    long_workers: int = None
    timeout: float = 10.0
    memory_mb: int = 1024
    max_text: int = 4000
    max_entries: int = 144
    max_body: int = 64 * 1024
    max_upload: int = 4 * 1024 * 1024
    max_pixels: int = 16 * 1024 * 1024
    max_exercises: int = 20
    cache_mb: int = 64

    def __post_init__(self):
        minimum = {"port": 0, "queue": 0, "memory_mb": 256, "cache_mb": 0}
        for field in fields(self):
            value = getattr(self, field.name)
            if field.name == "long_workers" and value is None:
                continue
            if field.name == "host":
                if not isinstance(value, str) or not value:
                    raise InvalidArgumentError(f"host={shorten(value)} must be an address such as '127.0.0.1'")
                continue
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
                raise InvalidArgumentError(f"{field.name}={shorten(value)} must be a number")
            low = minimum.get(field.name, 1)
            if value < low:
                raise InvalidArgumentError(f"{field.name}={shorten(value)} must be at least {low}")
        if self.port > 65535:
            raise InvalidArgumentError(f"port={self.port} must be at most 65535")

    @property
    def limits(self):
        """The limits the worker tasks check, as a plain dict (sent to the worker processes).

        >>> sorted(ServerConfig().limits)
        ['max_entries', 'max_exercises', 'max_pixels', 'max_text', 'max_upload']
        """
        return {name: getattr(self, name) for name in ("max_text", "max_entries", "max_upload", "max_pixels",
                                                        "max_exercises")}
