"""World Café tables (issue #26, item 4): the facilitator splits the room into tables, each
participant is seated and edits their table's copy only; gathering brings back what each
table changed through the ordinary merge, and every laptop converges. On 127.0.0.1, bounded."""

from __future__ import annotations

import asyncio

import pytest

from ssm_studio.edits import Document, History
from ssm_studio.edits import causal_edits as ce
from ssm_studio.edits import perspective_edits as pe
from ssm_studio.edits.gather_edits import GatherEdit
from ssm_studio.errors import SsmError
from ssm_studio.interop.merge import plan_merge
from ssm_studio.model import CausalLink, Perspective, Variable
from ssm_studio.room.client import RoomClient
from ssm_studio.room.host import RoomHost
from ssm_studio.room.tables import (
    contribution,
    read_arrangement,
    seat_of,
    seat_round_robin,
    table_path,
)
from ssm_studio.storage import read_project

from .test_room import MEIR, _bytes, converged


def test_a_table_brings_back_only_what_it_changed():
    start = read_project(MEIR).project
    assert contribution(start, start.model_copy(deep=True)) is None  # nothing changed: nothing back
    table = Document(start.model_copy(deep=True))
    families = start.perspectives[0]
    worry = Variable(name="Fear of being judged", x=10.0)
    table.apply(ce.add_variable(worry))
    table.apply(ce.add_link(CausalLink(source=worry.id, target=start.cld.variables[0].id,
                                       perspective=families.id, polarity="-")))
    table.apply(pe.add_perspective(Perspective(name="Schools")))
    back = contribution(start, table.project)
    assert back is not None
    assert [p.name for p in back.perspectives] == [families.name, "Schools"]  # the others stay home
    assert {lk.perspective for lk in back.cld.links} == {families.id}
    assert any(v.id == worry.id for v in back.cld.variables) and back.actions == []
    plan = plan_merge(start, back, "Table 1")
    assert plan.summary.perspectives == [f"{families.name} (Table 1)", "Schools"]
    assert worry.name in plan.summary.new_variables


def test_seats_are_dealt_round_robin():
    assert seat_round_robin(["d", "a", "c", "b", "e"], 2) == [["a", "c", "e"], ["b", "d"]]
    assert seat_round_robin([], 3) == [[], [], []]


def test_tables_split_the_room_and_gathering_merges_what_each_did():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="CAFE11") as host:
            host.presence.publish(name="Facilitator", facilitator=True)
            people = [RoomClient(host.address, "CAFE11") for _ in range(4)]
            for person in people:
                await person.join()
                person.presence.publish(name=f"P{person.doc.client_id % 100}")
            for _ in range(300):
                if len(host.presence.everyone()) == 5:
                    break
                await asyncio.sleep(0.01)
            arrangement = await host.open_tables(2, ["Housing", ""])
            assert [t["name"] for t in arrangement["tables"]] == ["Housing", "Table 2"]
            with pytest.raises(SsmError, match="open already"):
                await host.open_tables(2)
            seated = []
            for person in people:
                for _ in range(300):
                    seat = seat_of(read_arrangement(person.doc), person.presence.me)
                    if seat is not None:
                        break
                    await asyncio.sleep(0.01)
                assert seat is not None
                chair = RoomClient(host.address, "CAFE11", path=table_path(seat["id"]), who=person.presence.me)
                seated.append((seat["id"], chair, await chair.join()))
            assert sorted(s[0] for s in seated) == ["table-1", "table-1", "table-2", "table-2"]
            assert host.participants == 4  # a seat is the same laptop, not another participant
            first = {t: d for t, _, d in seated}
            families = first["table-1"].project.perspectives[0].id
            History(first["table-1"]).push(ce.add_variable(Variable(name="Waiting lists", x=5.0)))
            History(first["table-2"]).push(pe.add_perspective(Perspective(name="Landlords")))
            History(first["table-2"]).push(ce.set_polarity([first["table-2"].project.cld.links[0].id], "-"))
            mates = [d for t, _, d in seated if t == "table-1"]
            assert await converged(*mates)
            assert any(v.name == "Waiting lists" for v in mates[1].project.cld.variables)  # tablemates see it
            before = _bytes(host.document)
            await asyncio.sleep(0.2)
            assert _bytes(host.document) == before  # the whole room does not, until gathered
            gathered = await host.gather_tables()
            assert [name for name, _ in gathered] == ["Housing", "Table 2"]
            for _, chair, _ in seated:
                for _ in range(300):
                    if not chair.connected:
                        break
                    await asyncio.sleep(0.01)
                assert chair.ended == "gathered"
            assert not read_arrangement(people[0].doc)["open"]
            scratch, inserts, included = host.document.project, [], {}
            for name, project in gathered:
                plan = plan_merge(scratch, project, name)
                from ssm_studio.interop.merge import apply_plan

                scratch = apply_plan(scratch, plan)
                inserts += plan.inserts
                included.update(plan.included_by)
            History(host.document).push(GatherEdit(inserts, included, "Gather tables"))
            everyone = [p.document for p in people]
            assert await converged(host.document, *everyone)
            names = [p.name for p in host.document.project.perspectives]
            assert "Landlords" in names and any(n.endswith("(Table 2)") for n in names)
            assert any(v.name == "Waiting lists" for v in host.document.project.cld.variables)
            assert families in {p.id for p in host.document.project.perspectives}  # the original stays
            for _, chair, _ in seated:
                await chair.leave()
            for person in people:
                await person.leave()
    asyncio.run(scenario())
