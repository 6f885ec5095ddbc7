"""The workshop room over TLS (issue #26, items 1, 5 and 6): a self-signed certificate made on
first use and kept; a participant whose fingerprint does not match is not sent the code; a
participant learns whether the room ended, removed them, or was lost, and a lost connection
is joined again in place, merging what was done meanwhile. On 127.0.0.1, bounded."""

from __future__ import annotations

import asyncio
import stat

import pytest

from ssm_studio.edits import History
from ssm_studio.edits import causal_edits as ce
from ssm_studio.room.client import (
    RoomClient,
    RoomError,
    RoomRefused,
    room_fingerprint,
    split_address,
)
from ssm_studio.room.host import RoomHost
from ssm_studio.room.tls import matches, normal, room_certificate
from ssm_studio.storage import read_project

from .test_room import MEIR, converged


async def settle(check, seconds: float = 5.0) -> bool:
    for _ in range(int(seconds / 0.01)):
        if check():
            return True
        await asyncio.sleep(0.01)
    return False


def test_the_certificate_is_made_once_kept_private_and_its_fingerprint_is_stable(tmp_path):
    first = room_certificate(tmp_path / "tls")
    again = room_certificate(tmp_path / "tls")
    assert first.der == again.der and first.fingerprint == again.fingerprint
    assert len(normal(first.fingerprint)) == 20 and first.fingerprint.count(" ") == 4
    assert stat.S_IMODE(first.key_file.stat().st_mode) == 0o600
    assert matches(first.der, first.fingerprint.lower().replace(" ", "-"))  # as typed, any spacing and case
    assert not matches(first.der, normal(first.fingerprint)[:8])  # too short to be a check
    other = room_certificate(tmp_path / "elsewhere")
    assert other.fingerprint != first.fingerprint
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / "room-certificate.pem").write_text("not a certificate")
    (tmp_path / "broken" / "room-key.pem").write_text("nor a key")
    with pytest.raises(Exception, match="could not be read"):
        room_certificate(tmp_path / "broken")


def test_a_room_over_tls_is_joined_with_its_fingerprint_and_refuses_the_wrong_one(tmp_path):
    certificate = room_certificate(tmp_path / "tls")

    async def scenario():
        host = RoomHost(read_project(MEIR).project, code="SAFE01", certificate=certificate)
        asked: list[str] = []  # every request that reached the room (the code is in it)
        admit = host._admit
        host._admit = lambda connection, request: asked.append(request.path) or admit(connection, request)
        async with host:
            assert host.address.startswith("wss://127.0.0.1:") and host.fingerprint == certificate.fingerprint
            assert await room_fingerprint(host.address) == certificate.fingerprint
            impostor = room_certificate(tmp_path / "impostor").fingerprint
            with pytest.raises(RoomRefused, match="join code was not sent"):
                await RoomClient(host.address, "SAFE01", fingerprint=impostor).join(timeout=3)
            with pytest.raises(RoomRefused, match="fingerprint"):
                await RoomClient(host.address, "SAFE01").join(timeout=3)  # none given: none trusted
            assert asked == []  # no request, so no code, ever reached the room
            client = RoomClient(host.address, "SAFE01", fingerprint=certificate.fingerprint)
            mine = await client.join()
            assert asked and "code=SAFE01" in asked[0]
            History(mine).push(ce.rename_variable(mine.project.cld.variables[0].id, "Over TLS"))
            assert await converged(mine, host.document)
            await client.leave()
    asyncio.run(scenario())


def test_a_participant_is_told_the_room_ended_and_keeps_a_copy(tmp_path):
    async def scenario():
        host = RoomHost(read_project(MEIR).project, code="BYE123")
        await host.start()
        client = RoomClient(host.address, "BYE123")
        mine = await client.join()
        History(mine).push(ce.rename_variable(mine.project.cld.variables[0].id, "Kept by the participant"))
        assert await converged(mine, host.document)
        await host.stop()
        assert await settle(lambda: not client.connected)
        assert client.ended == "ended"
        assert mine.project.cld.variables[0].name == "Kept by the participant"  # the copy stays
        assert not await client.rejoin(attempts=2, wait=0.1, timeout=1)  # gone: two bounded tries, then no
        await client.leave()
    asyncio.run(scenario())


def test_a_lost_connection_is_joined_again_in_place_and_merges(tmp_path):
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="LOST42") as host:
            client, other = RoomClient(host.address, "LOST42"), RoomClient(host.address, "LOST42")
            mine, theirs = await client.join(), await other.join()
            client._socket.transport.abort()  # the wifi drops: no goodbye from either end
            assert await settle(lambda: not client.connected)
            assert client.ended == "lost"
            History(mine).push(ce.rename_variable(mine.project.cld.variables[0].id, "Typed while away"))
            History(theirs).push(ce.rename_variable(theirs.project.cld.variables[1].id, "Typed in the room"))
            assert await client.rejoin(attempts=3, wait=0.2, timeout=3)
            assert client.document is mine  # the same document: its pages and undo carry on
            assert await converged(mine, theirs, host.document)
            assert [v.name for v in host.document.project.cld.variables[:2]] == ["Typed while away",
                                                                                 "Typed in the room"]
            await host.remove(other.presence.me)
            assert await settle(lambda: not other.connected)
            assert other.ended == "removed" and not await other.rejoin(attempts=3, wait=0.1, timeout=2)
            await client.leave()
            await other.leave()
    asyncio.run(scenario())


def test_addresses_are_read_as_people_type_them():
    assert split_address("192.168.1.20:8765") == ("wss", "192.168.1.20", 8765)
    assert split_address("ws://10.0.0.5:9000/") == ("ws", "10.0.0.5", 9000)
    for bad in ("http://10.0.0.5:80", "wss://", "wss://10.0.0.5:port"):
        with pytest.raises(RoomError):
            split_address(bad)


def test_a_room_link_carries_its_address_code_and_fingerprint(tmp_path):
    from ssm_studio.room.client import parse_link, room_link

    fingerprint = room_certificate(tmp_path).fingerprint
    link = room_link("wss://192.168.1.20:8765", "ABC234", fingerprint)
    assert parse_link(link) == ("wss://192.168.1.20:8765", "ABC234", normal(fingerprint))
    assert parse_link("192.168.1.20:8765") == ("wss://192.168.1.20:8765", "", "")
