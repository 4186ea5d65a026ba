"""The first look at what a visitor sends, before anything reads it as mathematics.

The command line reads ``@FILE`` and ``-`` (standard input); a web page must
never: text that starts with ``@`` or equals ``-`` is refused here, whatever
the input layer would do with it, and so is text over the size limit.  Only
text that passes is handed to the input layer (:mod:`exactsvd.input`), in a
worker process.
"""

from decimal import Decimal

from ..errors import shorten
from .errors import RequestTooLarge, WebError


def checked_text(value, name, max_text):
    """*value* if it is matrix text the server may read; :class:`WebError` otherwise.

    Parameters
    ----------
    value : object
        What the visitor sent for the field *name*.
    name : str
        The field, for messages (``"matrix"``, ``"U"`` ...).
    max_text : int
        The longest text accepted, in characters.

    Returns
    -------
    str

    Raises
    ------
    WebError
        Not text, empty, or file notation (``@FILE``, ``-``).
    RequestTooLarge
        Longer than *max_text*.

    Examples
    --------
    >>> checked_text("1 2; 3 4", "matrix", 100)
    '1 2; 3 4'
    >>> checked_text("@/etc/passwd", "matrix", 100)
    Traceback (most recent call last):
    ...
    exactsvd.web.errors.WebError: matrix: the server reads only the matrix typed in the box, not files ('@/etc/passwd'); type the entries, e.g. [[1, 2], [3, 4]].
    """
    if not isinstance(value, str):
        raise WebError(f"{name}: expected matrix text such as '[[1, 2], [3, 4]]', got {shorten(value)}.")
    if len(value) > max_text:
        raise RequestTooLarge(
            f"{name}: the text has {len(value)} characters; this server takes at most {max_text}. "
            "Use a smaller matrix, or exactsvd on your own computer."
        )
    stripped = value.strip()
    if not stripped:
        raise WebError(f"{name}: the box is empty; type a matrix such as [[1, 2], [3, 4]] or 1 2; 3 4.")
    if stripped.startswith("@") or stripped == "-":
        raise WebError(
            f"{name}: the server reads only the matrix typed in the box, not files ({shorten(stripped, 40)}); "
            "type the entries, e.g. [[1, 2], [3, 4]]."
        )
    return value


def checked_matrix(value, name, limits):
    """*value* if it is a matrix the server may read: text (see :func:`checked_text`) or a list of rows.

    A list of rows (from the JSON API) may hold numbers and strings, at most
    ``limits["max_entries"]`` of them, each string at most ``max_text`` long.

    Examples
    --------
    >>> checked_matrix([[1, "1/2"], [0, 1]], "matrix", {"max_text": 10, "max_entries": 4})
    [[1, '1/2'], [0, 1]]
    >>> checked_matrix([[1] * 5], "matrix", {"max_text": 10, "max_entries": 4})
    Traceback (most recent call last):
    ...
    exactsvd.web.errors.RequestTooLarge: matrix: 5 entries; this server takes at most 4.
    """
    if not isinstance(value, list):
        return checked_text(value, name, limits["max_text"])
    if not all(isinstance(row, list) for row in value):
        raise WebError(f"{name}: expected a list of rows such as [[1, 2], [3, 4]], got {shorten(value)}.")
    count = sum(len(row) for row in value)
    if count > limits["max_entries"]:
        raise RequestTooLarge(f"{name}: {count} entries; this server takes at most {limits['max_entries']}.")
    for row in value:
        for entry in row:
            if isinstance(entry, str):
                checked_text(entry, name, limits["max_text"])
            elif isinstance(entry, bool) or not isinstance(entry, (int, Decimal)):
                raise WebError(f"{name}: an entry must be a number or a string such as \"sqrt(2)\", got "
                               f"{shorten(entry)}.")
    return value


def checked_answer(value, name, limits):
    """One part of an answer (``U``, ``S`` or ``V``): a matrix as :func:`checked_matrix` takes it, or for
    ``S`` also a flat list of singular values.

    >>> checked_answer([3, "sqrt(3)"], "S", {"max_text": 10, "max_entries": 4})
    [3, 'sqrt(3)']
    """
    if name == "S" and isinstance(value, list) and not any(isinstance(s, list) for s in value):
        return checked_matrix([value], name, limits)[0]
    return checked_matrix(value, name, limits)
