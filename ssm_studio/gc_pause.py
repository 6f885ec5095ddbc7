"""Pause Python's cyclic garbage collector around work that builds many objects at once.

Building tens of thousands of objects (a loaded project, the steps of a loop search, a
scene's items) triggers collection after collection, each walking every object already
alive: on a 10,000-variable map two thirds of a loop search's graph building was the
collector. Nothing built here is garbage until the work ends, so nothing is lost by waiting.

The pause is counted, so overlapping pauses from the UI thread and a worker thread end only
when the last one does, and the collector is left as it was found (a caller that had turned
it off keeps it off).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


def keep_long_lived() -> None:
    """Everything alive now lives as long as the open project: move it out of the collector's
    walks (gc.freeze), so the collections that later work triggers look at new objects only.
    Cycles among frozen objects wait for release_long_lived."""
    gc.freeze()


def release_long_lived() -> None:
    """Before another project replaces this one: its objects may be collected again."""
    gc.unfreeze()
