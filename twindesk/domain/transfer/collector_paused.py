"""Python's cycle collector paused while an import builds its many small objects.

Reading and checking a staff list makes hundreds of thousands of tuples, dicts and strings that all
stay alive until the plan is done; the collector, triggered by the allocations alone, walks the whole
heap again and again and finds nothing to free (a quarter of the check's time at 10,000 rows). The
work makes no reference cycles worth collecting meanwhile, and reference counting still frees
everything else at once. Paused by a counter, so nested or concurrent imports (the wizard's worker
thread) re-enable it only when the last one ends, and only if it was on to begin with.
"""

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_paused = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    global _paused, _was_enabled
    with _lock:
        if _paused == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _paused += 1
    try:
        yield
    finally:
        with _lock:
            _paused -= 1
            if _paused == 0 and _was_enabled:
                gc.enable()
