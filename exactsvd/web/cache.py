"""Answers the server already gave, kept for the next visitor who asks the same.

Every task is deterministic (the same matrix and options give the same page),
and in a class thirty students type the same exercise: the server keeps the
last answers, up to a number of bytes, and gives a copy of a kept answer
without using a worker.  Only answers are kept, never refusals (a time limit
depends on the load).
"""

import pickle
import threading
from collections import OrderedDict


class ResultCache:
    """At most *max_bytes* of pickled answers, each at most *max_entry* bytes; the least recently used go first.

    Examples
    --------
    >>> cache = ResultCache(max_bytes=100)
    >>> key = cache.key("svd", {"matrix": "[[3, 4]]"})
    >>> cache.get(key) is None
    True
    >>> cache.put(key, {"singular_values": ["5"]})
    >>> cache.get(key)
    {'singular_values': ['5']}
    >>> cache.get(key) is not cache.get(key)   # each caller gets its own copy
    True
    """

    def __init__(self, max_bytes=64 * 2**20, max_entry=2**20):
        self.max_bytes, self.max_entry = max_bytes, max_entry
        self._answers = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    @staticmethod
    def key(task, arguments):
        """The key of *task* with *arguments* (plain values: text, numbers, lists, dicts, bytes)."""
        return pickle.dumps((task, sorted(arguments.items())), protocol=pickle.HIGHEST_PROTOCOL)

    def get(self, key):
        """A copy of the answer kept under *key*, or ``None``."""
        with self._lock:
            kept = self._answers.get(key)
            if kept is None:
                return None
            self._answers.move_to_end(key)
        return pickle.loads(kept)

    def put(self, key, answer):
        """Keep *answer* under *key* (unless it is larger than ``max_entry``)."""
        kept = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        if len(kept) + len(key) > self.max_entry:
            return
        with self._lock:
            if key in self._answers:
                self._bytes -= len(self._answers.pop(key)) + len(key)
            self._answers[key] = kept
            self._bytes += len(kept) + len(key)
            while self._bytes > self.max_bytes:
                old, value = self._answers.popitem(last=False)
                self._bytes -= len(value) + len(old)
