"""Joining a workshop room: connect with the join code, take the room's project (the first
sync), then keep a Document in step with it (Mirror): each local edit goes to the room as one
transaction, each change from the room arrives as one ordinary edit."""

from __future__ import annotations

import asyncio
from http import HTTPStatus

from pycrdt import Doc, Provider
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import InvalidStatus, WebSocketException
from websockets.protocol import State

from ..edits import Document
from ..errors import SsmError
from .host import ENDED, GATHERED, KEEPALIVE, PATIENCE, REMOVED, RoomLimits
from .mapping import Mirror, project_from_doc
from .presence import Presence
from .transport import ROOM_PATH, SocketChannel


class RoomError(SsmError):
    """The room could not be joined, or went away."""


class RoomRefused(RoomError):
    """The room answered and said no (a wrong code, a full room, a removal), or the laptop
    answering is not the room (its fingerprint): asking again will not change it."""


WHY = {HTTPStatus.FORBIDDEN: "the join code is wrong (ask the facilitator for the code on the projector)",
       HTTPStatus.SERVICE_UNAVAILABLE: "the room is full", HTTPStatus.NOT_FOUND: "there is no room at that address"}


def split_address(address: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a room's address; a bare host:port is taken as wss://."""
    from urllib.parse import urlsplit

    text = address.strip()
    if "://" not in text:
        text = "wss://" + text
    parts = urlsplit(text)
    if parts.scheme not in ("ws", "wss") or not parts.hostname:
        raise RoomError(f"'{address}' is not a room's address (it looks like wss://192.168.1.20:8765).")
    try:
        port = parts.port or 8765
    except ValueError:
        raise RoomError(f"'{address}' does not end with a port number (like :8765).") from None
    return parts.scheme, parts.hostname, port


def room_link(address: str, code: str, fingerprint: str = "") -> str:
    """The room as one link (what the projector's QR code holds): address, code, fingerprint."""
    from .tls import normal

    return f"{address}{ROOM_PATH}?code={code}" + (f"&fp={normal(fingerprint)}" if fingerprint else "")


def parse_link(text: str) -> tuple[str, str, str]:
    """(address, code, fingerprint) from a room's link; a plain address gives empty code and
    fingerprint."""
    from urllib.parse import parse_qs, urlsplit

    scheme, host, port = split_address(text)
    query = parse_qs(urlsplit(text.strip()).query)
    return f"{scheme}://{host}:{port}", query.get("code", [""])[0], query.get("fp", [""])[0]


async def _certificate(address: str, timeout: float) -> bytes | None:
    """The certificate a wss:// room presents (None for a ws:// room), nothing else sent."""
    from .tls import CertificateError, fetch_certificate

    scheme, host, port = split_address(address)
    if scheme != "wss":
        return None
    try:
        return await fetch_certificate(host, port, timeout)
    except (OSError, TimeoutError, CertificateError) as error:
        raise RoomError(f"No room answered at {address} ({error or 'no answer in time'}).") from None


async def room_fingerprint(address: str, timeout: float = 5.0) -> str:
    """The fingerprint of the certificate the room at ``address`` presents, to compare with the
    projector before anything is sent to it ('' for a room without TLS)."""
    from .tls import fingerprint_of

    der = await _certificate(address, timeout)
    return fingerprint_of(der) if der is not None else ""


class RoomClient:
    def __init__(self, address: str, code: str, doc: Doc | None = None, fingerprint: str = "",
                 path: str = ROOM_PATH, who: str = "") -> None:
        """``fingerprint``: the room's, as shown on the projector; a wss:// room whose
        certificate does not match it is not sent the code. ``path``: a World Café table's
        room (tables.py) rather than the whole room's; ``who``: then, the participant's id in
        the whole room."""
        self.path = path
        self.address, self.code = address.strip().rstrip("/"), code.strip().upper()
        if "://" not in self.address:
            self.address = "wss://" + self.address
        self.fingerprint = fingerprint
        self.doc = doc if doc is not None else Doc()  # a rejoin brings its own, with what was done offline
        self.document: Document | None = None
        self.mirror: Mirror | None = None
        self.refusals: list[str] = []
        self.presence = Presence(self.doc)
        self.who = who or str(self.doc.client_id)
        self._socket: ClientConnection | None = None
        self._task: asyncio.Task | None = None
        self._provider: Provider | None = None
        self._left = False

    async def _context(self, timeout: float):
        """For a wss:// room: a TLS context that trusts its certificate only, once the
        certificate's fingerprint has matched the one given (before the code is sent)."""
        from .tls import fingerprint_of, matches, pinned_context

        der = await _certificate(self.address, min(timeout, 5.0))
        if der is None:
            return None
        if not matches(der, self.fingerprint):
            raise RoomRefused(f"The room at {self.address} shows the fingerprint {fingerprint_of(der)}, not "
                              f"'{self.fingerprint}': it may not be the facilitator's room, so the join code was "
                              "not sent to it. Check the fingerprint on the projector.")
        return pinned_context(der)

    async def join(self, timeout: float = 10.0) -> Document:
        """Join, or join again after a drop (the same document: what was done meanwhile merges)."""
        context = await self._context(timeout)
        try:
            self._socket = await connect(f"{self.address}{self.path}?code={self.code}&who={self.who}",
                                         max_size=RoomLimits().message_bytes, open_timeout=timeout,
                                         ping_interval=KEEPALIVE, ping_timeout=PATIENCE, ssl=context)
        except InvalidStatus as refusal:
            status = refusal.response.status_code
            said = (refusal.response.body or b"").decode("utf-8", "replace").strip().rstrip(".")[:200]
            why = WHY.get(HTTPStatus(status), f"status {status}") if status != HTTPStatus.FORBIDDEN or \
                said.startswith("Wrong") else said[:1].lower() + said[1:]
            raise RoomRefused(f"The room refused to let you in: {why}.") from None
        except (OSError, TimeoutError, WebSocketException) as error:
            raise RoomError(f"No room answered at {self.address} ({error}).") from None
        self._provider = Provider(self.doc, SocketChannel(self._socket, self.path))
        self._task = asyncio.create_task(self._provider.start())
        try:
            await asyncio.wait_for(self._provider.synced.wait(), timeout)
        except TimeoutError:
            await self.leave()
            raise RoomError(f"The room at {self.address} did not send its project within {timeout:.0f} s.") from None
        if self.document is None:
            self.document = Document(project_from_doc(self.doc))
            self.mirror = Mirror(self.document, self.doc, self.refusals.append)
        else:
            self.presence.again()  # back after a drop: listed as here once more
        return self.document

    @property
    def connected(self) -> bool:
        return (self._socket is not None and self._socket.state is State.OPEN and self._task is not None
                and not self._task.done())

    @property
    def ended(self) -> str:
        """Why the connection ended: 'ended' (the facilitator ended the room), 'removed' (the
        host removed this participant), 'gathered' (a table's, when the tables were gathered),
        'lost' (anything else), or '' while connected."""
        if self.connected:
            return ""
        code = self._socket.close_code if self._socket is not None else None
        return {ENDED: "ended", REMOVED: "removed", GATHERED: "gathered"}.get(code or 0, "lost")

    async def rejoin(self, attempts: int = 10, wait: float = 3.0, timeout: float = 5.0) -> bool:
        """After a lost connection: try to join again, ``attempts`` times ``wait`` s apart
        (bounded: a room that has gone stays gone); True once back in the room."""
        await self._drop()
        self._left = False
        for attempt in range(max(1, attempts)):
            if self._left:
                return False  # left meanwhile: not taken back in
            try:
                await self.join(timeout)
                if self._left:  # left while this try was under way
                    await self.leave()
                    return False
                return True
            except RoomRefused:
                return False
            except RoomError:
                pass  # not there (yet): the host's laptop may be waking, or the network back soon
            await asyncio.sleep(wait * (attempt < attempts - 1))
        return False

    async def _drop(self) -> None:
        if self._provider is not None:
            try:
                await self._provider.stop()
            except RuntimeError:
                pass  # already stopped with its connection
            self._provider = None
        if self._task is not None:
            self._task.cancel()
            self._task = None

    async def leave(self) -> None:
        """Disconnect; the Document and the Y document stay (a rejoin merges what was done since)."""
        self._left = True
        await self._drop()
        if self._socket is not None:
            await self._socket.close()
            self._socket = None
