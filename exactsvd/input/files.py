"""Reading the files that user text names (``@FILE``, ``--answer FILE``, a problem bank): safely.

Every file exactsvd reads because a user named it goes through
:func:`read_text_file`, which

* reads only regular files: the path is checked with :func:`os.stat` before it
  is opened and the open file with :func:`os.fstat` (so a FIFO, a device such
  as ``/dev/zero`` or a directory is refused without reading a byte);
* refuses a file larger than :data:`MAX_FILE_BYTES` before reading, and reads
  at most that many bytes plus one, so a file that grows, or a pseudo-file
  such as ``/proc/self/environ`` whose size reads as 0, is still capped;
* never quotes what the file holds in an error: messages name the file (its
  name shortened, control characters escaped) and the byte or line where
  it went wrong, nothing more;
* can be switched off: ``allow_files=False``, or the environment variable
  ``EXACTSVD_NO_FILES`` set to anything but ``""`` or ``"0"`` (for services
  that pass user text through, such as a web application), raises
  :class:`FileReadingDisabledError` before the file system is touched.
"""

import os
import stat

from ..errors import FileReadError, FileReadingDisabledError, printable, shorten

#: The largest file read (bytes).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: The environment variable that turns reading files off.
NO_FILES_VARIABLE = "EXACTSVD_NO_FILES"


def files_allowed(allow_files=None):
    """Whether files may be read: *allow_files* when given, else not ``EXACTSVD_NO_FILES``.

    >>> files_allowed(False), files_allowed(True)
    (False, True)
    """
    if allow_files is not None:
        return bool(allow_files)
    return os.environ.get(NO_FILES_VARIABLE, "") in ("", "0")


def file_label(path):
    """The file's name as messages show it: shortened, control characters escaped.

    >>> file_label("bank\\n.json")
    'bank\\\\n.json'
    """
    text = printable(os.fspath(path))
    return text if len(text) <= 80 else shorten(text, 80)


def read_text_file(path, what="file", *, allow_files=None, limit=MAX_FILE_BYTES):
    """The text of the regular file *path* (UTF-8, a byte order mark dropped), read safely.

    Parameters
    ----------
    path : str or os.PathLike
        The file, as the user named it.
    what : str
        What the file is, for messages (``"problem bank"``, ``"answer"``).
    allow_files : bool, optional
        ``False`` refuses every file; the default follows the environment
        variable ``EXACTSVD_NO_FILES`` (set to anything but ``""`` or ``"0"``
        to refuse files).
    limit : int
        The largest size in bytes (default :data:`MAX_FILE_BYTES`).

    Returns
    -------
    str
        The text, with line ends as they are in the file.

    Raises
    ------
    FileReadingDisabledError
        Files are switched off.
    FileReadError
        The file is missing or unreadable, not a regular file (a FIFO, a
        device, a directory), larger than *limit*, or not UTF-8 text.  The
        message names the file, never its contents.

    Examples
    --------
    >>> read_text_file("/dev/zero")
    Traceback (most recent call last):
    ...
    exactsvd.errors.FileReadError: /dev/zero: cannot read the file: it is a character device, not a regular file. Give the name of a regular file.
    >>> read_text_file("matrix.txt", allow_files=False)
    Traceback (most recent call last):
    ...
    exactsvd.errors.FileReadingDisabledError: matrix.txt: reading files is switched off here (allow_files=False or EXACTSVD_NO_FILES); give the text itself.
    """
    label = file_label(path)
    if not files_allowed(allow_files):
        raise FileReadingDisabledError(
            f"{label}: reading files is switched off here (allow_files=False or {NO_FILES_VARIABLE}); "
            "give the text itself."
        )
    try:
        _check_regular(os.stat(path), label, what, limit)
        with open(path, "rb") as file:
            _check_regular(os.fstat(file.fileno()), label, what, limit)
            data = file.read(limit + 1)
    except OSError as error:
        raise FileReadError(f"{label}: cannot read the {what}: {error.strerror or type(error).__name__}.") from None
    if len(data) > limit:
        raise FileReadError(f"{label}: the {what} is larger than the limit of {limit:,} bytes.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileReadError(
            f"{label}: the {what} is not UTF-8 text (byte {error.start + 1}). Save it as UTF-8 text."
        ) from None


_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _check_regular(status, label, what, limit):
    """Raise :class:`FileReadError` unless *status* is that of a regular file of at most *limit* bytes."""
    if not stat.S_ISREG(status.st_mode):
        kind = next((name for test, name in _KINDS if test(status.st_mode)), "a special file")
        raise FileReadError(
            f"{label}: cannot read the {what}: it is {kind}, not a regular file. Give the name of a regular file."
        )
    if status.st_size > limit:
        raise FileReadError(
            f"{label}: the {what} has {status.st_size:,} bytes, more than the limit of {limit:,} bytes."
        )
