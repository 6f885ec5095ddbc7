"""Hosting a workshop room: the project loaded into a Y document before anyone can join
(y-crdt issue #632 loses writes made between a room's snapshot and its subscription), a
websocket server on the facilitator's laptop, a short join code checked at the handshake
(a wrong code is refused before a byte of the project is sent), a limit on participants and
on the size of a message. The host keeps its own Document in step (Mirror) and saves it."""

from __future__ import annotations

import asyncio
import json
import secrets
from dataclasses import dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, urlsplit

from pycrdt.websocket import WebsocketServer, YRoom
from websockets.asyncio.server import Server, serve

from ..edits import Document
from ..errors import SsmError
from ..model import Project
from .mapping import Mirror, doc_from_project
from .presence import Presence
from .transport import ROOM_PATH, SocketChannel

if TYPE_CHECKING:
    from .discovery import Announcement
    from .tls import Certificate

# Keepalive: a laptop busy redrawing a large map may answer a ping late; only a long silence
# (a closed lid, a lost network) ends its connection.
KEEPALIVE, PATIENCE = 20.0, 120.0
CODE_LETTERS = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off a projector
# Close codes a participant reads as the reason its connection ended (4000-4999: the app's own).
ENDED, REMOVED, GATHERED = 4000, 4003, 4004


def lan_address() -> str:
    """This laptop's address on the room's network (no packet is sent: a UDP socket is only
    pointed at a private address to learn which interface would be used)."""
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))
        return probe.getsockname()[0]
    except OSError:
        return "127.0.0.1"
    finally:
        probe.close()


def new_code(length: int = 6) -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(length))


@dataclass
class Table:
    """One World Café table: a room of its own on this host (tables.py)."""

    id: str
    name: str
    room: YRoom
    document: Document
    mirror: Mirror
    sockets: set = field(default_factory=set)


@dataclass(frozen=True)
class RoomLimits:
    participants: int = 40
    message_bytes: int = 16 * 1024 * 1024  # a 5,000-variable project's first sync is ~3 MB


class RoomHost:
    def __init__(self, project: Project | Document, code: str | None = None, host: str = "127.0.0.1", port: int = 0,
                 limits: RoomLimits | None = None, log: Path | None = None, announce: bool = False,
                 certificate: Certificate | None = None) -> None:
        """``project``: a project, or the Document a window is editing (the facilitator's
        own edits then go to the room as anyone's do). ``log``: the room's update log; when
        it holds a room already (the host stopped), the room starts from it. ``certificate``:
        the room is served over TLS with it (wss://), and its fingerprint is shown to check."""
        self.certificate = certificate
        self.log_path = log
        self.resumed = False
        self.announce = announce  # on the network by mDNS (discovery.py)
        self.announcement: Announcement | None = None
        self.code = code or new_code()
        self.address_host, self.wanted_port = host, port
        self.limits = limits or RoomLimits()
        self.document = project if isinstance(project, Document) else Document(project)
        self.doc = doc_from_project(self.document.project)  # before anyone can join
        self.refusals: list[str] = []
        self.troubles: list[str] = []
        self.mirror = Mirror(self.document, self.doc, self.refusals.append)
        self.presence = Presence(self.doc)
        self._sockets: dict[str, object] = {}  # a participant's client id -> its connection
        self._open: set = set()  # every participant's connection, to say goodbye when the room ends
        self.removed: set[str] = set()  # participants the host removed: not let back in this room
        self.participants = 0
        self.port = 0
        self._server: WebsocketServer | None = None
        self._listener: Server | None = None
        self._store = None
        self._tasks: list[asyncio.Task] = []
        self.tables: dict[str, Table] = {}  # open World Café tables, by id
        self.table_start: Project | None = None  # the project as it was when the tables opened

    @property
    def address(self) -> str:
        shown = lan_address() if self.address_host in ("0.0.0.0", "") else self.address_host
        return f"{'wss' if self.certificate is not None else 'ws'}://{shown}:{self.port}"

    @property
    def fingerprint(self) -> str:
        """What participants check against the projector ('' for a room without TLS)."""
        return self.certificate.fingerprint if self.certificate is not None else ""

    async def start(self) -> None:
        store = None
        if self.log_path is not None:
            store = await self._resume()
        self._store = store
        self._server = WebsocketServer(auto_clean_rooms=False, exception_handler=self._trouble)
        self._tasks.append(asyncio.create_task(self._server.start()))
        await self._server.started.wait()
        room = YRoom(ydoc=self.doc, exception_handler=self._trouble, ystore=store)
        self._server.rooms[ROOM_PATH] = room
        await self._server.start_room(room)
        context = None
        if self.certificate is not None:
            from .tls import server_context

            context = server_context(self.certificate)
        listener = await serve(self._serve, self.address_host, self.wanted_port, process_request=self._admit,
                               max_size=self.limits.message_bytes, ping_interval=KEEPALIVE, ping_timeout=PATIENCE,
                               ssl=context)
        self._listener = listener
        self.port = next(iter(listener.sockets)).getsockname()[1]
        if self.announce:
            from .discovery import Announcement

            scheme, rest = self.address.split("://")
            where = rest.rsplit(":", 1)[0]
            try:
                title = self.document.project.metadata.title
                self.announcement = await asyncio.to_thread(lambda: Announcement(title, where, self.port, scheme))
            except OSError as error:  # a network without multicast: the typed address still works
                self.troubles.append(f"The room could not be announced on the network ({error}).")

    async def _resume(self):
        """Open the log; a logged room is taken up where it stopped (its document replaces
        the one loaded from the project, which the log had already passed), else the project's
        document is logged as the room's first update."""
        from .mapping import project_from_doc
        from .update_log import open_log

        assert self.log_path is not None
        store, logged = await open_log(self.log_path)
        if logged is not None:
            try:
                project = project_from_doc(logged)
            except (SsmError, ValueError) as error:
                self.refusals.append(f"The room's log could not be read as a project ({error}); the room starts "
                                     "from the project file instead.")
            else:
                self.mirror.close()
                self.doc = logged
                self.document = Document(project)  # a window that hosts opens this one in place of its own
                self.mirror = Mirror(self.document, self.doc, self.refusals.append)
                self.presence = Presence(self.doc)
                for who in list(self.presence.everyone()):
                    self.presence.forget(who)  # no one is here yet: the last room's list is stale
                self.resumed = True
                return store
        await store.write(self.doc.get_update())
        return store

    async def stop(self) -> None:
        self.mirror.close()
        if self.announcement is not None:
            await asyncio.to_thread(self.announcement.close)
        self.announcement = None
        everyone = [*self._open, *(s for t in self.tables.values() for s in t.sockets)]
        if everyone:  # each participant is told the room has ended, not that it was lost
            await asyncio.gather(*(s.close(code=ENDED, reason="the facilitator ended the room")
                                   for s in everyone), return_exceptions=True)
        for table in self.tables.values():
            table.mirror.close()
        if self._listener is not None:
            self._listener.close()
            await self._listener.wait_closed()
            self._listener = None
        if self._server is not None:
            await self._server.stop()
            self._server = None
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()
        if self.log_path is not None and self._store is not None:
            from .update_log import compact

            await self._store.stop()
            await compact(self.log_path, self.doc)
            self._store = None

    async def __aenter__(self) -> RoomHost:
        await self.start()
        return self

    async def __aexit__(self, *exc) -> None:
        await self.stop()

    def _trouble(self, exception: Exception, log) -> bool:
        """A client's failure (a dropped socket, a frame that is not one) is that client's:
        the room is kept running, and the trouble noted."""
        self.troubles.append(f"{type(exception).__name__}: {exception}"[:300])
        del self.troubles[:-100]
        return True

    def status(self, code_given: bool = False) -> dict:
        """Who is here; the project's title only to someone who has the code."""
        said = {"room": "SSM Studio workshop room", "participants": self.participants,
                "limit": self.limits.participants}
        return {**said, "title": self.document.project.metadata.title} if code_given else said

    def _admit(self, connection, request):
        """At the handshake, before any of the project is sent: the status page, a wrong
        code, a full room."""
        parts = urlsplit(request.path)
        given = parse_qs(parts.query).get("code", [""])[0].strip().upper()
        if parts.path == "/status":
            return connection.respond(HTTPStatus.OK,
                                      json.dumps(self.status(secrets.compare_digest(given, self.code))) + "\n")
        if parts.path != ROOM_PATH and parts.path not in self._table_paths():
            return connection.respond(HTTPStatus.NOT_FOUND, "No such room here.\n")
        if not secrets.compare_digest(given, self.code):
            return connection.respond(HTTPStatus.FORBIDDEN, "Wrong join code.\n")
        if parse_qs(parts.query).get("who", [""])[0] in self.removed:
            return connection.respond(HTTPStatus.FORBIDDEN, "The host removed you from this room.\n")
        if self.participants >= self.limits.participants and parts.path == ROOM_PATH:
            return connection.respond(HTTPStatus.SERVICE_UNAVAILABLE,
                                      f"The room is full ({self.limits.participants} participants).\n")
        return None

    def _table_paths(self) -> dict[str, Table]:
        from .tables import table_path

        return {table_path(t.id): t for t in self.tables.values()}

    async def _serve(self, socket) -> None:
        assert self._server is not None
        parts = urlsplit(socket.request.path)
        table = self._table_paths().get(parts.path)
        if table is not None:  # a participant's seat at a table: the same laptop, counted once
            table.sockets.add(socket)
            try:
                await self._server.serve(SocketChannel(socket, parts.path))
            finally:
                table.sockets.discard(socket)
            return
        who = parse_qs(parts.query).get("who", [""])[0][:32]
        self.participants += 1
        self._open.add(socket)
        if who:
            self._sockets[who] = socket
        try:
            await self._server.serve(SocketChannel(socket))
        finally:
            self.participants -= 1
            self._open.discard(socket)
            if who and self._sockets.get(who) is socket:
                del self._sockets[who]
                self.presence.forget(who)  # gone: no longer listed as here

    async def remove(self, who: str) -> bool:
        """Remove a participant (by its client id) from the room; it cannot rejoin this room."""
        self.removed.add(who)
        socket = self._sockets.get(who)
        if socket is None:
            return False
        await socket.close(code=REMOVED, reason="removed by the host")  # type: ignore[attr-defined]
        return True

    # World Café tables (tables.py) ---------------------------------------------------------
    async def open_tables(self, count: int, names: list[str] | None = None) -> dict:
        """Split the room into ``count`` tables, each starting from the project as it is now
        (loaded into its room before anyone sits down: y-crdt #632), everyone here but the
        facilitator seated round-robin. Returns the arrangement everyone reads."""
        from .tables import MAX_TABLES, seat_round_robin, table_path, write_arrangement

        if self.tables:
            raise SsmError("The tables are open already: gather them first.")
        assert self._server is not None
        count = max(1, min(count, MAX_TABLES))
        start = self.document.project.model_copy(deep=True)
        people = [who for who, state in self.presence.everyone().items() if not state.get("facilitator")]
        seats = seat_round_robin(people, count)
        arranged = []
        for n in range(count):
            table_id = f"table-{n + 1}"
            name = (names[n] if names and n < len(names) and names[n].strip() else f"Table {n + 1}")[:80]
            doc = doc_from_project(start)
            room = YRoom(ydoc=doc, exception_handler=self._trouble)
            self._server.rooms[table_path(table_id)] = room
            await self._server.start_room(room)
            document = Document(start.model_copy(deep=True))
            self.tables[table_id] = Table(table_id, name, room, document, Mirror(document, doc, self.refusals.append))
            arranged.append({"id": table_id, "name": name, "members": seats[n]})
        self.table_start = start
        arrangement = {"open": True, "tables": arranged}
        write_arrangement(self.doc, arrangement)
        return arrangement

    async def gather_tables(self) -> list[tuple[str, Project]]:
        """Close the tables and return what each changed, to merge into the room's project;
        a table that changed nothing is left out."""
        gathered = self.contributions()
        await self.close_tables()
        return gathered

    def contributions(self) -> list[tuple[str, Project]]:
        """What each open table changed (tables.contribution), the tables left open: the app
        merges these with the review first, and closes the tables only once it is done."""
        from .tables import contribution

        gathered = []
        for table in self.tables.values():
            assert self.table_start is not None
            found = contribution(self.table_start, table.document.project)
            if found is not None:
                gathered.append((table.name, found))
        return gathered

    async def close_tables(self) -> None:
        from .tables import table_path, write_arrangement

        write_arrangement(self.doc, {"open": False, "tables": []})  # everyone returns to the whole room
        tables, self.tables = list(self.tables.values()), {}
        for table in tables:
            await asyncio.gather(*(s.close(code=GATHERED, reason="the tables were gathered")
                                   for s in list(table.sockets)), return_exceptions=True)
            table.mirror.close()
            if self._server is not None:
                self._server.rooms.pop(table_path(table.id), None)
                await table.room.stop()
        self.table_start = None

    def save(self, path: str | Path) -> None:
        from ..storage import save_project

        save_project(Path(path), self.document.project, self.document.media)
