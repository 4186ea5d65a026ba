"""The worker processes of ``exactsvd.budget``: the memory cap they share with the web server's pool."""

import os

import pytest

from exactsvd import MemoryLimitExceeded, budget

resource = pytest.importorskip("resource", reason="memory caps need the resource module (POSIX)")

CAP = 256 * 2**20


def allocate(mib):
    """Allocate *mib* MiB; the bytes allocated."""
    return len(bytearray(mib * 2**20))


def soft_address_limit():
    """This process's soft ``RLIMIT_AS``."""
    return resource.getrlimit(resource.RLIMIT_AS)[0]


def test_a_worker_past_its_memory_cap_stops_with_memory_limit_exceeded():
    with pytest.raises(MemoryLimitExceeded, match="memory cap of 256 MiB"):
        budget.run(allocate, 2048, timeout=60, max_memory=CAP)
    assert budget.run(allocate, 16, timeout=60, max_memory=CAP) == 16 * 2**20


@pytest.mark.skipif(not os.path.exists("/proc/self/statm"), reason="the caller's address space is read from /proc")
def test_the_cap_is_what_the_caller_holds_plus_max_memory():
    limit = budget.run(soft_address_limit, timeout=60, max_memory=CAP)
    assert CAP < limit < CAP + 2**34  # the caller's address space (at most 16 GiB here) plus the cap
    assert budget.run(soft_address_limit, timeout=60, max_memory=None) == soft_address_limit()
