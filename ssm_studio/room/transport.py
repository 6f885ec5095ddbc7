"""A websocket connection as the channel pycrdt's room and provider talk through."""

from __future__ import annotations

from websockets.exceptions import ConnectionClosed

ROOM_PATH = "/workshop"  # one room per host: every connection is to it


class SocketChannel:
    """pycrdt's Channel protocol over a ``websockets`` connection (either end)."""

    def __init__(self, socket, path: str = ROOM_PATH) -> None:
        self.socket, self._path = socket, path

    @property
    def path(self) -> str:
        return self._path

    def __aiter__(self) -> SocketChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self.recv()
        except ConnectionClosed:
            raise StopAsyncIteration() from None

    async def send(self, message: bytes) -> None:
        try:
            await self.socket.send(message)
        except ConnectionClosed:
            pass  # gone: the room drops it when its receiving side ends

    async def recv(self) -> bytes:
        message = await self.socket.recv()
        if isinstance(message, str):  # a Y room speaks bytes only: a text frame is not ours
            raise ConnectionClosed(None, None)
        return bytes(message)
