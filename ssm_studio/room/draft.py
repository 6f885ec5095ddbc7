"""A participant's private draft in the workshop room: while drafting, their edits stay on
their own laptop (the room's changes still arrive); publishing sends what the draft changed to
the room as one transaction, discarding puts those objects back as the room has them.

The draft is kept as the set of objects it touched, not as a list of edits to replay: what is
published is each touched object as it is now (an object added then deleted in the draft is
never sent), so undoing within the draft and the room's own changes meanwhile need no special
care. A field changed both in the draft and by the room meanwhile shows the room's value (it
arrived later); the draft's other changes to that object are kept."""

from __future__ import annotations

import json

from pycrdt import Map
from pydantic import BaseModel

from ..edits import ChangeEvent
from ..edits.paths import resolve
from ..errors import SsmError
from ..model.base import Identified
from .mapping import POS, SEP, Mirror, _plain, entries_of, key_of


class Draft:
    def __init__(self, mirror: Mirror) -> None:
        self.mirror = mirror
        self.touched: dict[tuple[str, ...], set[str]] = {}  # object path -> kinds of change
        mirror.hold = self._hold

    @property
    def size(self) -> int:
        """How many objects the draft has changed (added, changed, moved or removed)."""
        return len(self.touched)

    def close(self) -> None:
        if self.mirror.hold == self._hold:
            self.mirror.hold = None

    def _hold(self, events: list[ChangeEvent]) -> bool:
        for event in events:
            path = (*event.path, event.id) if event.id is not None else event.path
            self.touched.setdefault(path, set()).add(event.kind)
        return True  # kept here: nothing goes to the room

    # Publish -------------------------------------------------------------------------------
    def publish(self) -> int:
        """Send every object the draft touched, as it is now, to the room in one transaction;
        the draft ends. Returns how many objects were sent."""
        mirror, touched = self.mirror, dict(self.touched)
        self.close()
        self.touched.clear()
        project = mirror.document.project
        mirror._writing = True
        try:
            with mirror.doc.transaction(origin="local"):
                for path in sorted(touched, key=len):  # parents first
                    try:
                        obj = resolve(project, path)
                    except SsmError:
                        obj = None
                    if obj is None:
                        self._remove(key_of(path))
                    else:
                        self._send(obj, path, "moved" in touched[path] or "added" in touched[path])
        finally:
            mirror._writing = False
        return len(touched)

    def _remove(self, key: str) -> None:
        entries = self.mirror.entries
        for gone in [k for k in entries.keys() if k == key or k.startswith(key + SEP)]:
            del entries[gone]

    def _send(self, obj: BaseModel, path: tuple[str, ...], placed: bool) -> None:
        mirror, entries = self.mirror, self.mirror.entries
        key = key_of(path)
        place_id = obj.id if isinstance(obj, Identified) and len(path) >= 2 else None  # an object of a list
        if key not in entries:  # new in the draft: sent whole, placed among its neighbours
            if place_id is None:
                for child_key, own in entries_of(obj, path):
                    entries[child_key] = Map(own)
            else:
                mirror._put(obj, path, mirror._pos_for(path[:-1], place_id))
            return
        wanted = dict(entries_of(obj, path))
        for child in [k for k in entries.keys() if k.startswith(key + SEP) and k not in wanted]:
            del entries[child]  # removed inside the object (a list of its own set anew)
        for child_key, own in wanted.items():
            entry = entries.get(child_key)
            if entry is None:
                entries[child_key] = Map(own)
                continue
            there = _plain(entry)
            for name, text in own.items():
                if name != POS and there.get(name) != text:
                    entry[name] = text
        if placed and place_id is not None:
            entries[key][POS] = json.dumps(mirror._pos_for(path[:-1], place_id))

    # Discard -------------------------------------------------------------------------------
    def discard(self) -> int:
        """Put every object the draft touched back as the room has it (one edit, from the
        room); the draft ends. Returns how many objects were put back."""
        mirror, touched = self.mirror, set(self.touched)
        self.close()
        self.touched.clear()
        keys = {key_of(path) for path in touched}
        keys |= {k for k in mirror.entries.keys() if any(k.startswith(key + SEP) for key in keys)}
        if keys:
            mirror.pull(keys)
        return len(touched)
