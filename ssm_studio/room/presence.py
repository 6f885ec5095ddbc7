"""Who is in the room, on which page, with which perspective and selection, and where the
facilitator is looking: kept by the app in a map of the room's document of its own
(``presence``), as pycrdt's client ignores Yjs awareness messages. Each participant writes
only its own entry, keyed by its document's client id; the host removes an entry when its
participant's connection closes. The project mapping never reads this map, so presence never
reaches a saved file."""

from __future__ import annotations

import json
import time
from collections.abc import Callable

from pycrdt import Doc, Map

PRESENCE = "presence"


class Presence:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.map = doc.get(PRESENCE, type=Map)
        self.me = str(doc.client_id)
        self._last: dict = {}

    def publish(self, **state) -> None:
        """Say where this participant is (only what changed is sent)."""
        merged = {**self._last, **state}
        if merged == self._last:
            return
        self._last = merged
        self.map[self.me] = json.dumps({**merged, "seen": time.time()}, ensure_ascii=False, sort_keys=True)

    def again(self) -> None:
        """Written again after a rejoin (the host forgot this entry when the connection closed)."""
        if self._last:
            self.map[self.me] = json.dumps({**self._last, "seen": time.time()}, ensure_ascii=False, sort_keys=True)

    def everyone(self) -> dict[str, dict]:
        found = {}
        for key, text in json.loads(str(self.map)).items():
            try:
                found[key] = json.loads(text)
            except (TypeError, ValueError):
                continue  # an entry that is not ours to read: ignored, never trusted
        return found

    def others(self) -> dict[str, dict]:
        return {k: v for k, v in self.everyone().items() if k != self.me}

    def facilitator(self) -> dict | None:
        return next((v for v in self.everyone().values() if v.get("facilitator")), None)

    def forget(self, client_id: str) -> None:
        if client_id in self.map:
            del self.map[client_id]

    def observe(self, callback: Callable[[], None]):
        return self.map.observe(lambda event: callback())
