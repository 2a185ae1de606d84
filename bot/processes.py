"""Whether a process of this machine still exists (for leases and leftover temporary files)."""

from __future__ import annotations

import os


def process_exists(pid: int) -> bool:
    """Return False only when no process ``pid`` exists on this machine.

    A pid reused by another process reads as existing: callers then wait or keep a file a
    little longer, never take what a running process holds.
    """
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # it exists, but belongs to another user
        return True
    return True
