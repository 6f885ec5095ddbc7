"""The room's update log (pycrdt-store, SQLite): every change the room takes is written as it
is taken, so a host that stops (a crash, a flat battery) starts again where the room was, with
the same document history, and participants who rejoin merge rather than duplicate. At the end
the log is compacted into one update (a new file, swapped in whole)."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from pycrdt import Doc
from pycrdt.store import SQLiteYStore

ROOM = "workshop"  # the document's name inside the log


def _store(path: Path) -> SQLiteYStore:
    kind = type("RoomLog", (SQLiteYStore,), {"db_path": str(path)})
    return kind(path=ROOM)


_RUNNING: set[asyncio.Task] = set()  # a store runs as a task until it is stopped


async def _start(store: SQLiteYStore) -> None:
    task = asyncio.create_task(store.start())
    _RUNNING.add(task)
    task.add_done_callback(_RUNNING.discard)
    await store.started.wait()
    assert store.db_initialized is not None
    await store.db_initialized.wait()


async def open_log(path: Path) -> tuple[SQLiteYStore, Doc | None]:
    """The started log at ``path``, and the room's document as it was logged (None: new log)."""
    store = _store(path)
    existed = path.exists() and path.stat().st_size > 0
    await _start(store)
    if not existed:
        return store, None
    doc: Doc = Doc()
    try:
        await store.apply_updates(doc)
    except Exception:  # noqa: BLE001 - a log from no room, or damaged: a new room then, the old log kept aside
        await store.stop()
        path.replace(path.with_name(path.name + ".unreadable"))
        store = _store(path)
        await _start(store)
        return store, None
    return store, doc


async def compact(path: Path, doc: Doc) -> None:
    """The log rewritten as one update of the whole document (written beside it, then swapped)."""
    fresh = path.with_name(path.name + ".compacting")
    if fresh.exists():
        fresh.unlink()
    store = _store(fresh)
    await _start(store)
    await store.write(doc.get_update())
    await store.stop()
    os.replace(fresh, path)
