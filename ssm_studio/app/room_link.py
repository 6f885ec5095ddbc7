"""The window's end of the workshop room (File → Host Workshop Room, Join Workshop Room).

The room's asyncio work runs on Qt's own event loop (qasync, joined to the loop already
running), so the room's changes reach the Document on the thread every view uses, with no
locks. Host: the window's own Document is the room's, so the facilitator edits as everyone
does. Join: the room's project opens as a new document in the window (saved where the
participant chooses); leaving keeps it.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ..room.client import RoomClient
    from ..room.host import RoomHost

_LOOP: asyncio.AbstractEventLoop | None = None
REJOIN_ATTEMPTS, REJOIN_WAIT = 20, 3.0  # a lost connection is tried again for about a minute


def event_loop() -> asyncio.AbstractEventLoop:
    """The asyncio loop that rides on Qt's (made when a room first starts)."""
    global _LOOP
    if _LOOP is None:
        import qasync

        _LOOP = qasync.QEventLoop(QApplication.instance(), already_running=True)
        asyncio.set_event_loop(_LOOP)
    return _LOOP


_LINKS: set[RoomLink] = set()  # the rooms open in this process (two windows may host and join)
_PENDING: set[asyncio.Future] = set()  # room work under way (a room starting is not open yet)


def release_loop() -> None:
    """No room open any more: asyncio is let go of this thread (a later asyncio.run may use
    it), a moment after the last room's sockets have finished closing."""
    global _LOOP
    if _LOOP is not None and not _LINKS and not _PENDING:
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        _LOOP = None


class RoomLink(QObject):
    """One room this window hosts or has joined; says what happens through ``message``."""

    message = Signal(str)
    changed = Signal()  # started, joined, participants came or went, ended

    def __init__(self, parent=None, tick=None) -> None:
        super().__init__(parent)
        self.tick = tick  # the window's: say where it is, show who is where
        self.host: RoomHost | None = None  # while hosting
        self.client: RoomClient | None = None  # while joined
        self.error = ""
        self._watch = QTimer(self)
        self._watch.setInterval(250)
        self._watch.timeout.connect(self._check)
        self._participants = 0
        self._seen_count = 0  # refusals already said
        self.last_client: RoomClient | None = None  # the room left or lost: joined again with its document
        self.rejoining = False
        self.table: RoomClient | None = None  # this participant's World Café table, while seated
        self.table_name = ""
        self.seating = False

    @property
    def active(self) -> bool:
        return self.host is not None or self.client is not None

    def run(self, work, done=None) -> asyncio.Future:
        """Run the coroutine ``work`` on the room's loop; ``done(result or None)`` after it."""
        future = asyncio.ensure_future(work, loop=event_loop())
        _PENDING.add(future)

        def finished(f: asyncio.Future) -> None:
            _PENDING.discard(f)
            self.error = ""
            result = None
            if f.cancelled():
                self.error = "cancelled"
            elif f.exception() is not None:
                self.error = str(f.exception())
                self.message.emit(self.error)
            else:
                result = f.result()
            if done is not None:
                done(result)
        future.add_done_callback(finished)
        return future

    def start_hosting(self, document, host: str = "0.0.0.0", port: int = 0, code: str | None = None, done=None,
                      log=None, announce: bool = True, certificate=None):
        from ..room.host import RoomHost

        room = RoomHost(document, code, host, port, log=log, announce=announce, certificate=certificate)

        def started(result) -> None:
            if self.error:
                self.host = None
            else:
                self.host = room
                _LINKS.add(self)
                self._watch.start()
                self.message.emit(f"Hosting a workshop room at {room.address}, join code {room.code}")
            self.changed.emit()
            if done is not None:
                done(room if not self.error else None)
        return self.run(room.start(), started)

    def join(self, address: str, code: str, done=None, fingerprint: str = "", again=None):
        """Join the room at ``address``; ``again``: the client of a room this window left or
        lost, joined again with its own document (what was done meanwhile merges)."""
        from ..room.client import RoomClient

        client = again if again is not None else RoomClient(address, code, fingerprint=fingerprint)

        def joined(document) -> None:
            if document is not None:
                self.client = client
                self.last_client = None
                _LINKS.add(self)
                self._watch.start()
                self.message.emit(f"Joined the workshop room at {client.address}")
            self.changed.emit()
            if done is not None:
                done(document)
        return self.run(client.join(), joined)

    def end(self, done=None):
        """Stop hosting, or leave the room; the document stays open as it is."""
        room, client, table = self.host, self.client, self.table
        self.host = self.client = self.table = None
        self.last_client = client  # File → Join Workshop Room joins again with its document
        self.rejoining = False
        self._watch.stop()

        async def stop() -> None:
            if room is not None:
                await room.stop()
            if client is not None:
                await client.leave()
            if table is not None:
                await table.leave()

        def ended(_) -> None:
            self.message.emit("The workshop room has ended; the project stays open here." if room is not None
                              else "You have left the workshop room; your copy stays open.")
            self.changed.emit()
            _LINKS.discard(self)
            QTimer.singleShot(500, release_loop)
            if done is not None:
                done(None)
        return self.run(stop(), ended)

    def sit(self, seat: dict, done=None):
        """Take this participant's seat at a World Café table (a room of its own on the
        host); ``done(document or None)``."""
        from ..room.client import RoomClient
        from ..room.tables import table_path

        assert self.client is not None
        table = RoomClient(self.client.address, self.client.code, fingerprint=self.client.fingerprint,
                           path=table_path(str(seat.get("id", ""))), who=self.client.presence.me)
        self.seating = True

        def seated(document) -> None:
            self.seating = False
            if document is not None:
                self.table, self.table_name = table, str(seat.get("name", "a table"))[:80]
            if done is not None:
                done(document)
        return self.run(table.join(), seated)

    def stand(self) -> None:
        """Leave the table (the tables were gathered): its connection is closed."""
        table, self.table, self.table_name = self.table, None, ""
        if table is not None:
            self.run(table.leave())

    def _connection_ended(self, client: RoomClient) -> None:
        """The facilitator ended the room, the host removed this participant, or the
        connection was lost: the first two are said and the copy stays; a lost connection is
        joined again by itself, for about a minute, merging what was done meanwhile."""
        why = client.ended
        if why == "lost":
            self.rejoining = True
            self.message.emit("The connection to the workshop room was lost; joining again (your changes are kept "
                              "and merge when you are back)…")
            self.changed.emit()

            def back(result) -> None:
                self.rejoining = False
                if result:
                    self.message.emit("Back in the workshop room: what you and the room did meanwhile has merged.")
                    self.changed.emit()
                else:
                    self._let_go(client, "The workshop room could not be reached again. Your copy keeps every "
                                         "change: File → Join Workshop Room joins again and merges them.")
            self.run(client.rejoin(attempts=REJOIN_ATTEMPTS, wait=REJOIN_WAIT), back)
            return
        self._let_go(client, "The facilitator ended the workshop room. Your copy stays open here with every "
                             "change: save it to keep it." if why == "ended" else
                             "The host removed you from the workshop room. Your copy stays open here.")

    def _let_go(self, client: RoomClient, said: str) -> None:
        self.message.emit(said)
        self.client = None
        self.last_client = client if client.ended != "removed" else None
        self._watch.stop()
        _LINKS.discard(self)
        QTimer.singleShot(500, release_loop)
        self.changed.emit()

    def refusals(self) -> list[str]:
        if self.host is not None:
            return self.host.refusals
        return self.client.refusals if self.client is not None else []

    def _check(self) -> None:
        """Four times a second: who is here, whether the room still answers, what it refused;
        and the window says where it is (and follows the facilitator, if asked)."""
        if self.tick is not None and self.active:
            self.tick()
        if self.host is not None and self.host.participants != self._participants:
            self._participants = self.host.participants
            self.message.emit(f"{self._participants} participant(s) in the room")
            self.changed.emit()
        if self.client is not None and not self.client.connected and not self.rejoining:
            self._connection_ended(self.client)
        for reason in self.refusals()[self._seen_count:]:
            self.message.emit(reason)
        self._seen_count = len(self.refusals())
