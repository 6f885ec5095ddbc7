"""The workshop room on 127.0.0.1 (issue #26): clients editing one project concurrently
converge to byte-identical files; a wrong code, garbage and oversized frames are refused
without harming the room; a remote change the project refuses is refused everywhere; undo is
per person; a participant who drops off keeps editing and merges on rejoin. Every wait is
bounded in time and stops by itself."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pycrdt import Map
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from ssm_studio.edits import History
from ssm_studio.edits import causal_edits as ce
from ssm_studio.edits import journey_edits as je
from ssm_studio.edits import perspective_edits as pe
from ssm_studio.edits import rich_picture_edits as rpe
from ssm_studio.model import CausalLink, Perspective, StencilFigure, Touchpoint, Variable
from ssm_studio.room.client import RoomClient, RoomError
from ssm_studio.room.host import RoomHost, RoomLimits
from ssm_studio.room.mapping import ENTRIES, doc_from_project, entries_of, project_from_doc
from ssm_studio.storage import project_to_bytes, read_project

MEIR = Path(__file__).resolve().parents[2] / "examples" / "meir-think-family.ssm"


def _bytes(document) -> bytes:
    return project_to_bytes(document.project, {})


async def converged(*documents, seconds: float = 5.0) -> bool:
    """Whether every document saves to the same bytes within ``seconds`` (polled, bounded)."""
    for _ in range(int(seconds / 0.01)):
        if len({_bytes(d) for d in documents}) == 1:
            return True
        await asyncio.sleep(0.01)
    return False


def test_the_mapping_round_trips_every_example_exactly():
    for path in sorted(MEIR.parent.glob("*.ssm")):
        project = read_project(path).project
        assert project_to_bytes(project_from_doc(doc_from_project(project)), {}) == project_to_bytes(project, {})


def test_three_clients_editing_concurrently_converge_to_identical_files():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="ROOM42") as host:
            clients = [RoomClient(host.address, "room42") for _ in range(3)]
            a, b, c = [await client.join() for client in clients]
            ha, hb, hc = History(a), History(b), History(c)
            first = a.project.cld.variables[0].id
            perspective = a.project.perspectives[0].id
            journey = a.project.journeys[0]
            # every kind of edit, at once, from three laptops
            ha.push(ce.rename_variable(first, "Renamed in the room"))
            hb.push(ce.move_variables({first: (12.0, 34.0)}))  # the same variable, another field
            new = Variable(name="Added by C", x=40.0)
            hc.push(ce.add_variable(new))
            ha.push(pe.add_perspective(Perspective(name="Youth workers")))
            hb.push(rpe.add_item(StencilFigure(stencil="person", label="A neighbour", x=5.0)))
            hc.push(je.add_touchpoint(c.project, journey.id, Touchpoint(members=[journey.members[0].id],
                                                                         dated="2026-06-30")))
            hb.push(pe.reorder_perspective(b.project.perspectives[-1].id, 0))
            assert await converged(a, b, c, host.document)
            ha.push(ce.add_link(CausalLink(source=new.id, target=first, perspective=perspective, polarity="-")))
            hc.push(ce.remove_variables(c.project, {a.project.cld.variables[3].id}))
            assert await converged(a, b, c, host.document)
            project = host.document.project
            assert project.cld.variables[0].name == "Renamed in the room" and project.cld.variables[0].x == 12.0
            assert any(v.name == "Added by C" for v in project.cld.variables)
            assert any(lk.source == new.id and lk.polarity == "-" for lk in project.cld.links)
            assert len(project.journeys[0].touchpoints) == 31 and project.perspectives[0].name != "Families"
            assert not (host.refusals or any(client.refusals for client in clients))
            for client in clients:
                await client.leave()
    asyncio.run(scenario())


def test_undo_is_per_person():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="UNDO99") as host:
            a, b = RoomClient(host.address, "UNDO99"), RoomClient(host.address, "UNDO99")
            da, db = await a.join(), await b.join()
            ha, hb = History(da), History(db)
            one, two = da.project.cld.variables[0].id, da.project.cld.variables[1].id
            ha.push(ce.rename_variable(one, "Mine"))
            hb.push(ce.rename_variable(two, "Theirs"))
            assert await converged(da, db, host.document)
            ha.undo()  # takes back A's edit only
            assert await converged(da, db, host.document)
            names = {v.id: v.name for v in host.document.project.cld.variables}
            assert names[one] == "Services each family deals with" and names[two] == "Theirs"
            assert hb.undo() and await converged(da, db, host.document)
            assert {v.id: v.name for v in db.project.cld.variables}[two] == "Trust in a lead worker"
            await a.leave()
            await b.leave()
    asyncio.run(scenario())


def test_a_wrong_code_is_refused_before_any_sync_and_a_full_room_says_so():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="RIGHT7", limits=RoomLimits(participants=1)) as host:
            with pytest.raises(RoomError, match="join code is wrong"):
                await RoomClient(host.address, "WRONG7").join(timeout=3)
            assert host.participants == 0
            first = RoomClient(host.address, "RIGHT7")
            await first.join()
            with pytest.raises(RoomError, match="the room is full"):
                await RoomClient(host.address, "RIGHT7").join(timeout=3)
            await first.leave()
            with pytest.raises(RoomError, match="No room answered"):
                await RoomClient("ws://127.0.0.1:1", "RIGHT7").join(timeout=2)
    asyncio.run(scenario())


def test_garbage_and_oversized_frames_are_refused_and_the_room_goes_on():
    async def scenario():
        limits = RoomLimits(message_bytes=1024 * 1024)  # the example's first sync is about 75 KB
        async with RoomHost(read_project(MEIR).project, code="SAFE55", limits=limits) as host:
            before = _bytes(host.document)
            async with connect(f"{host.address}/workshop?code=SAFE55", max_size=None) as raw:
                await raw.send(b"\x00\x02\xff\xff\xff garbage")  # a sync update that is not one
                await raw.send(b"\xff" * 10)  # no such message type
                await raw.send("text is not ours")
            async with connect(f"{host.address}/workshop?code=SAFE55", max_size=None) as raw:
                await raw.send(b"\x00" * (limits.message_bytes + 1))
                with pytest.raises(ConnectionClosed) as closed:  # the host closes on a message over the limit
                    for _ in range(50):
                        await asyncio.wait_for(raw.recv(), 1)
                assert closed.value.rcvd is not None and closed.value.rcvd.code == 1009  # "message too big"
            assert _bytes(host.document) == before and host.refusals == []
            client = RoomClient(host.address, "SAFE55")
            document = await client.join()
            History(document).push(ce.rename_variable(document.project.cld.variables[0].id, "Still working"))
            assert await converged(document, host.document)
            await client.leave()
    asyncio.run(scenario())


def test_a_remote_change_the_project_refuses_is_refused_everywhere():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="CHECK1") as host:
            honest = RoomClient(host.address, "CHECK1")
            document = await honest.join()
            before = _bytes(host.document)
            rogue = RoomClient(host.address, "CHECK1")
            await rogue.join()
            assert rogue.mirror is not None
            rogue.mirror.close()  # writes to the room directly, past its own checks
            entries = rogue.doc.get(ENTRIES, type=Map)
            dangling = CausalLink(id="dangling-claim", source="no-such-variable", target="nor-this",
                                  perspective=document.project.perspectives[0].id)
            for key, own in entries_of(dangling, ("cld", "links", dangling.id), 99.0):
                entries[key] = Map(own)
            for _ in range(300):
                if host.refusals and honest.refusals:
                    break
                await asyncio.sleep(0.01)
            assert "was refused" in host.refusals[0] and "does not exist" in honest.refusals[0]
            assert _bytes(host.document) == before == _bytes(document)
            await rogue.leave()
            await honest.leave()
    asyncio.run(scenario())


def test_a_participant_who_drops_off_keeps_editing_and_merges_on_rejoin():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="AWAY22") as host:
            away = RoomClient(host.address, "AWAY22")
            mine = await away.join()
            stay = RoomClient(host.address, "AWAY22")
            theirs = await stay.join()
            await away.leave()
            History(mine).push(ce.rename_variable(mine.project.cld.variables[0].id, "Edited offline"))
            History(theirs).push(ce.rename_variable(theirs.project.cld.variables[1].id, "Edited in the room"))
            await asyncio.sleep(0.1)
            back = RoomClient(host.address, "AWAY22", doc=away.doc)  # the same laptop's document
            back.document, back.mirror = away.document, away.mirror
            await back.join()
            assert await converged(mine, theirs, host.document)
            names = [v.name for v in host.document.project.cld.variables[:2]]
            assert names == ["Edited offline", "Edited in the room"]
            await back.leave()
            await stay.leave()
    asyncio.run(scenario())


def test_presence_says_who_is_where_and_the_host_can_remove_someone():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="HERE33") as host:
            host.presence.publish(name="Facilitator", page="overlay", facilitator=True, view=[0, 0, 800, 600])
            a, b = RoomClient(host.address, "HERE33"), RoomClient(host.address, "HERE33")
            await a.join()
            await b.join()
            a.presence.publish(name="Asha", page="journeys", perspective="Families", selection=["v-1"])
            b.presence.publish(name="Ben", page="overlay")
            for _ in range(300):
                if len(host.presence.everyone()) == 3 and len(a.presence.others()) == 2:
                    break
                await asyncio.sleep(0.01)
            assert {v["name"] for v in host.presence.everyone().values()} == {"Facilitator", "Asha", "Ben"}
            assert b.presence.facilitator()["view"] == [0, 0, 800, 600]
            assert b.presence.others()[a.presence.me]["page"] == "journeys"
            assert await host.remove(b.presence.me)
            for _ in range(300):
                if b.presence.me not in a.presence.everyone() and not b.connected:
                    break
                await asyncio.sleep(0.01)
            assert b.presence.me not in a.presence.everyone() and not b.connected  # gone from every list
            rejoin = RoomClient(host.address, "HERE33", doc=b.doc)
            with pytest.raises(RoomError, match="the host removed you"):
                await rejoin.join(timeout=3)
            await a.leave()
            await b.leave()
    asyncio.run(scenario())


def test_a_host_that_stops_starts_again_from_its_log_and_a_participant_merges_on_rejoin(tmp_path):
    log = tmp_path / "room.log"

    async def scenario():
        host = RoomHost(read_project(MEIR).project, code="LOGGED", log=log)
        await host.start()
        away = RoomClient(host.address, "LOGGED")
        mine = await away.join()
        History(mine).push(ce.rename_variable(mine.project.cld.variables[0].id, "Before the crash"))
        assert await converged(mine, host.document)
        port = host.port
        await host.stop()  # the host's laptop restarts (the log is compacted as it stops)
        History(mine).push(ce.rename_variable(mine.project.cld.variables[1].id, "Made while the host was away"))
        again = RoomHost(read_project(MEIR).project, code="LOGGED", port=port, log=log)  # the file, as it was
        await again.start()
        assert again.resumed and again.document.project.cld.variables[0].name == "Before the crash"
        await away.leave()
        back = RoomClient(again.address, "LOGGED", doc=away.doc)
        back.document, back.mirror = away.document, away.mirror
        await back.join()
        assert await converged(mine, again.document)
        names = [v.name for v in again.document.project.cld.variables[:2]]
        assert names == ["Before the crash", "Made while the host was away"]
        assert len(again.document.project.cld.variables) == len(read_project(MEIR).project.cld.variables)  # no twins
        await back.leave()
        await again.stop()
    asyncio.run(scenario())
    assert log.exists() and not log.with_name(log.name + ".compacting").exists()


def test_a_room_is_found_on_the_network_by_its_title_and_gone_when_it_ends():
    from ssm_studio.room.discovery import discover

    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="FIND01", announce=True) as host:
            assert host.announcement is not None, host.troubles
            found = await asyncio.to_thread(discover, 2.0, "127.0.0.1")
            assert any(r.address == host.address and r.title.startswith("Meir: families") for r in found)
            address = host.address
        later = await asyncio.to_thread(discover, 1.5, "127.0.0.1")
        assert all(r.address != address for r in later)
    asyncio.run(scenario())
