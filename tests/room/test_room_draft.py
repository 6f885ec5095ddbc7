"""A participant's private draft in the workshop room (issue #26, item 3): drafted edits stay
on the participant's laptop while the room's changes still arrive; publishing sends them as
one change and everyone converges; discarding puts the room's state back. On 127.0.0.1,
bounded."""

from __future__ import annotations

import asyncio

from ssm_studio.edits import History
from ssm_studio.edits import causal_edits as ce
from ssm_studio.edits import perspective_edits as pe
from ssm_studio.model import CausalLink, Variable
from ssm_studio.room.client import RoomClient
from ssm_studio.room.draft import Draft
from ssm_studio.room.host import RoomHost
from ssm_studio.storage import read_project

from .test_room import MEIR, _bytes, converged


def test_a_draft_stays_private_until_published_then_everyone_converges():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="DRAFT1") as host:
            drafting, other = RoomClient(host.address, "DRAFT1"), RoomClient(host.address, "DRAFT1")
            mine, theirs = await drafting.join(), await other.join()
            before = _bytes(host.document)
            draft = Draft(drafting.mirror)
            history = History(mine)
            variables = mine.project.cld.variables
            new = Variable(name="A drafted worry", x=300.0, y=40.0)
            history.push(ce.add_variable(new))
            history.push(ce.add_link(CausalLink(source=new.id, target=variables[0].id,
                                                perspective=mine.project.perspectives[0].id, polarity="+")))
            history.push(ce.rename_variable(variables[1].id, "Renamed in my draft"))
            history.push(ce.move_variables({variables[2].id: (-50.0, -60.0)}))
            history.push(ce.remove_variables(mine.project, {variables[3].id}))
            history.push(pe.reorder_perspective(mine.project.perspectives[-1].id, 0))
            scrap = Variable(name="Added then taken back")
            history.push(ce.add_variable(scrap))
            history.undo()  # undone within the draft: never sent
            History(theirs).push(ce.rename_variable(theirs.project.cld.variables[5].id, "The room's own change"))
            await asyncio.sleep(0.3)
            assert _bytes(host.document) != before  # the room's change went through ...
            room = host.document.project
            assert room.cld.variables[5].name == "The room's own change"
            assert mine.project.cld.variables[4].name == "The room's own change"  # ... and reached the drafter
            assert all(v.name != "A drafted worry" for v in room.cld.variables)  # ... but not the draft
            assert room.cld.variables[1].name != "Renamed in my draft"
            held = draft.size
            assert held >= 7  # six objects at least, and the one added then undone
            assert draft.publish() == held and draft.size == 0  # the draft is over
            assert drafting.mirror.hold is None
            assert await converged(mine, theirs, host.document)
            room = host.document.project
            names = [v.name for v in room.cld.variables]
            assert "A drafted worry" in names and "Renamed in my draft" in names
            assert "Added then taken back" not in names and "The room's own change" in names
            assert any(lk.source == new.id for lk in room.cld.links)
            assert next(v for v in room.cld.variables if v.id == variables[2].id).x == -50.0
            assert not (host.refusals or drafting.refusals or other.refusals)
            history.push(ce.rename_variable(new.id, "Said straight to the room"))  # no draft: sent at once
            assert await converged(mine, theirs, host.document)
            assert next(v for v in host.document.project.cld.variables if v.id == new.id).name == "Said straight to the room"
            await drafting.leave()
            await other.leave()
    asyncio.run(scenario())


def test_a_discarded_draft_puts_back_what_the_room_has():
    async def scenario():
        async with RoomHost(read_project(MEIR).project, code="DRAFT2") as host:
            client = RoomClient(host.address, "DRAFT2")
            mine = await client.join()
            draft = Draft(client.mirror)
            history = History(mine)
            variables = mine.project.cld.variables
            history.push(ce.add_variable(Variable(name="Second thoughts")))
            history.push(ce.rename_variable(variables[0].id, "Not after all"))
            history.push(ce.remove_variables(mine.project, {variables[1].id}))
            history.push(ce.move_variables({variables[2].id: (999.0, 999.0)}))
            assert _bytes(mine) != _bytes(host.document)
            assert draft.discard() >= 4 and draft.size == 0
            assert _bytes(mine) == _bytes(host.document)  # as the room has it, links of the removed one too
            await client.leave()
    asyncio.run(scenario())
