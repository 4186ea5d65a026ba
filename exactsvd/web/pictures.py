"""The pictures visitors uploaded to the compression page, kept a little while so the k slider can reuse them."""

import hashlib
import threading
from collections import OrderedDict

from .errors import NotFound

#: The name of matplotlib's sample photo, which every server has.
SAMPLE = "sample"


class PictureStore:
    """The last *capacity* uploaded pictures (their bytes) by id; the oldest are forgotten first.

    Examples
    --------
    >>> store = PictureStore(capacity=1)
    >>> first = store.add(b"one")
    >>> store.get(first)
    b'one'
    >>> _ = store.add(b"two")
    >>> store.get(first)
    Traceback (most recent call last):
    ...
    exactsvd.web.errors.NotFound: image: this server no longer keeps that picture; upload it again.
    >>> store.get(SAMPLE) is None
    True
    """

    def __init__(self, capacity=16):
        self.capacity = capacity
        self._pictures = OrderedDict()
        self._lock = threading.Lock()

    def add(self, data):
        """Keep *data*; its id (a hash of its content)."""
        picture = hashlib.sha256(data).hexdigest()[:32]
        with self._lock:
            self._pictures[picture] = data
            self._pictures.move_to_end(picture)
            while len(self._pictures) > self.capacity:
                self._pictures.popitem(last=False)
        return picture

    def get(self, picture):
        """The bytes of *picture*; ``None`` for :data:`SAMPLE` (the worker reads the sample photo itself)."""
        if picture == SAMPLE:
            return None
        with self._lock:
            if isinstance(picture, str) and picture in self._pictures:
                self._pictures.move_to_end(picture)
                return self._pictures[picture]
        raise NotFound("image: this server no longer keeps that picture; upload it again.")
