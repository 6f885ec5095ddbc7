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
from .host import KEEPALIVE, PATIENCE, RoomLimits
from .mapping import Mirror, project_from_doc
from .presence import Presence
from .transport import ROOM_PATH, SocketChannel


class RoomError(SsmError):
    """The room could not be joined, or went away."""


WHY = {HTTPStatus.FORBIDDEN: "the join code is wrong (ask the facilitator for the code on the projector)",
       HTTPStatus.SERVICE_UNAVAILABLE: "the room is full", HTTPStatus.NOT_FOUND: "there is no room at that address"}


class RoomClient:
    def __init__(self, address: str, code: str, doc: Doc | None = None) -> None:
        self.address, self.code = address.rstrip("/"), code.strip().upper()
        self.doc = doc if doc is not None else Doc()  # a rejoin brings its own, with what was done offline
        self.document: Document | None = None
        self.mirror: Mirror | None = None
        self.refusals: list[str] = []
        self.presence = Presence(self.doc)
        self._socket: ClientConnection | None = None
        self._task: asyncio.Task | None = None
        self._provider: Provider | None = None

    async def join(self, timeout: float = 10.0) -> Document:
        try:
            self._socket = await connect(f"{self.address}{ROOM_PATH}?code={self.code}&who={self.doc.client_id}",
                                         max_size=RoomLimits().message_bytes, open_timeout=timeout,
                                         ping_interval=KEEPALIVE, ping_timeout=PATIENCE)
        except InvalidStatus as refusal:
            status = refusal.response.status_code
            said = (refusal.response.body or b"").decode("utf-8", "replace").strip().rstrip(".")[:200]
            why = WHY.get(HTTPStatus(status), f"status {status}") if status != HTTPStatus.FORBIDDEN or \
                said.startswith("Wrong") else said[:1].lower() + said[1:]
            raise RoomError(f"The room refused to let you in: {why}.") from None
        except (OSError, TimeoutError, WebSocketException) as error:
            raise RoomError(f"No room answered at {self.address} ({error}).") from None
        self._provider = Provider(self.doc, SocketChannel(self._socket))
        self._task = asyncio.create_task(self._provider.start())
        try:
            await asyncio.wait_for(self._provider.synced.wait(), timeout)
        except TimeoutError:
            await self.leave()
            raise RoomError(f"The room at {self.address} did not send its project within {timeout:.0f} s.") from None
        if self.document is None:
            self.document = Document(project_from_doc(self.doc))
            self.mirror = Mirror(self.document, self.doc, self.refusals.append)
        return self.document

    @property
    def connected(self) -> bool:
        return (self._socket is not None and self._socket.state is State.OPEN and self._task is not None
                and not self._task.done())

    async def leave(self) -> None:
        """Disconnect; the Document and the Y document stay (a rejoin merges what was done since)."""
        if self._provider is not None:
            await self._provider.stop()
            self._provider = None
        if self._task is not None:
            self._task.cancel()
            self._task = None
        if self._socket is not None:
            await self._socket.close()
            self._socket = None
