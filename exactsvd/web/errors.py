"""What the web application answers when a request cannot be served, by kind.

Every refusal is an :class:`~exactsvd.ExactSVDError` with a ``kind`` (a short
word that scripts can test, part of the JSON API) and an HTTP ``status``.
Errors of the mathematics (bad matrix text, a wrong argument) are
``bad_input``; the limits of the server have their own kinds.  Visitors see the
message, never a traceback.
"""

from .. import errors
from ..errors import ExactSVDError


class WebError(ExactSVDError):
    """A request the server refuses; ``kind`` and ``status`` say why (see :data:`KINDS`)."""

    kind = "bad_input"
    status = 400

    @classmethod
    def of_kind(cls, kind, message):
        """The error of *kind* (a key of :data:`KINDS`) with *message*.

        >>> error = WebError.of_kind("busy", "all workers are busy")
        >>> type(error).__name__, error.status, str(error)
        ('ServerBusy', 503, 'all workers are busy')
        """
        return KINDS.get(kind, WebError)(message)


class RequestTooLarge(WebError):
    """The request body, an upload, a matrix or a picture is over its size limit, or the cost model refused it."""

    kind = "too_large"
    status = 413


class UnsupportedUpload(WebError):
    """An uploaded file is not of a type the page takes (PNG or JPEG pictures, JSON answers)."""

    kind = "unsupported_type"
    status = 415


class NotFound(WebError):
    """A page, or a picture the server no longer keeps."""

    kind = "not_found"
    status = 404


class ServerBusy(WebError):
    """Every worker is busy and the queue is full: try again in a few seconds (HTTP 503)."""

    kind = "busy"
    status = 503


class TimeLimitExceeded(WebError, errors.TimeLimitExceeded):
    """A calculation ran past the server's time limit and its worker was stopped (an :class:`exactsvd.TimeLimitExceeded`)."""

    kind = "time_limit"


class MemoryLimitExceeded(WebError, errors.MemoryLimitExceeded):
    """A calculation needed more memory than a worker may take (an :class:`exactsvd.MemoryLimitExceeded`)."""

    kind = "memory_limit"


class Unavailable(WebError):
    """The server lacks a program or extra that this output needs (pdflatex, matplotlib)."""

    kind = "unavailable"
    status = 501


class InternalError(WebError):
    """A worker died or a calculation failed unexpectedly (the traceback goes to the server's log only)."""

    kind = "internal"
    status = 500


#: The kinds of the library's own errors that are not ``bad_input`` (the budget's, :mod:`exactsvd.budget`).
LIBRARY_KINDS = ((errors.TimeLimitExceeded, "time_limit"), (errors.MemoryLimitExceeded, "memory_limit"),
                 (errors.InputTooLargeError, "too_large"))


def kind_of(error):
    """The kind of refusal an :class:`~exactsvd.ExactSVDError` is.

    >>> kind_of(errors.InputTooLargeError("too many distinct radicals")), kind_of(errors.MatrixParseError("x"))
    ('too_large', 'bad_input')
    """
    if isinstance(error, WebError):
        return error.kind
    return next((kind for cls, kind in LIBRARY_KINDS if isinstance(error, cls)), "bad_input")


#: Every kind of refusal and its class.
KINDS = {cls.kind: cls for cls in (WebError, RequestTooLarge, UnsupportedUpload, NotFound, ServerBusy,
                                   TimeLimitExceeded, MemoryLimitExceeded, Unavailable, InternalError)}
