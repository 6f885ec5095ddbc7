"""Client journeys as model data (issue #25): undoable edits, the format upgrade, the
cascades when what a touchpoint points at is deleted, and each bad input refused whole."""

from __future__ import annotations

import json
from datetime import date

import pytest

from ssm_studio.edits import InsertEdit
from ssm_studio.edits import journey_edits as je
from ssm_studio.edits.causal_edits import remove_variables
from ssm_studio.edits.perspective_edits import remove_perspective
from ssm_studio.errors import EditRefused
from ssm_studio.model import (
    FORMAT_VERSION,
    Journey,
    Member,
    Service,
    Touchpoint,
    reference_problems,
)
from ssm_studio.storage import project_to_bytes, read_project_bytes

from ..storage.helpers import zip_bytes
from .family import with_journey


def test_a_journey_is_made_of_undoable_edits_and_undoes_to_identical_bytes(example_project):
    before = project_to_bytes(example_project, {})
    history, ids = with_journey(example_project)
    journey = example_project.journeys[0]
    assert [m.pseudonym for m in journey.members] == ["Mum", "J., 14"] and len(journey.touchpoints) == 3
    history.push(je.set_effect(example_project, ids["journey"], ids["2026-03-02"],
                               example_project.cld.variables[2].id, "-"))
    assert journey.touchpoints[2].effects[0].sign == "-"
    saved = project_to_bytes(example_project, {})
    assert read_project_bytes(saved).project.journeys == example_project.journeys  # kept on a round trip
    while history.undo():
        pass
    assert project_to_bytes(example_project, {}) == before
    while history.redo():
        pass
    assert project_to_bytes(example_project, {}) == saved


def test_a_format_5_project_opens_with_no_journeys(example_project):
    data = json.loads(example_project.model_dump_json())
    data["format_version"] = 5
    del data["journeys"], data["services"]
    loaded = read_project_bytes(zip_bytes({"project.json": json.dumps(data).encode()})).project
    assert loaded.format_version == FORMAT_VERSION == 6
    assert loaded.journeys == [] and loaded.services == []


def test_a_touchpoint_in_the_future_is_refused_and_nothing_changes(example_project):
    history, ids = with_journey(example_project)
    before = project_to_bytes(example_project, {})
    ahead = Touchpoint(dated="2027-01-01", members=[ids["mum"]])
    with pytest.raises(EditRefused, match="2027-01-01 is after today"):
        history.push(je.add_touchpoint(example_project, ids["journey"], ahead, today=date(2026, 12, 4)))
    with pytest.raises(EditRefused, match="after today"):
        history.push(je.change_touchpoint(example_project, ids["journey"], ids["2026-01-05"],
                                          {"dated": "2031-05-05"}, today=date(2026, 12, 4)))
    assert project_to_bytes(example_project, {}) == before


def test_an_unknown_service_or_lane_is_refused_however_it_comes(example_project):
    history, ids = with_journey(example_project)
    stray = Touchpoint(dated="2026-02-01", members=[ids["mum"]], service="no-such-service")
    with pytest.raises(EditRefused, match="not in the project's list of services"):
        history.push(je.add_touchpoint(example_project, ids["journey"], stray))
    with pytest.raises(EditRefused, match="service the project does not list"):
        history.push(InsertEdit(je.touchpoints_path(ids["journey"]), stray))  # the raw edit: the project's check
    with pytest.raises(EditRefused, match="not in it"):
        history.push(je.add_touchpoint(example_project, ids["journey"], Touchpoint(members=["nobody"])))
    with pytest.raises(EditRefused, match="already a service called 'gp surgery'"):
        history.push(je.add_service(example_project, Service(name="gp surgery")))
    with pytest.raises(ValueError, match="at least 1"):
        Touchpoint(members=[])
    with pytest.raises(ValueError, match="less than or equal to 2"):
        Touchpoint(members=["m"], feeling=3)
    assert reference_problems(example_project) == []


def test_deleting_a_variable_takes_it_off_the_touchpoints_and_undo_puts_it_back(example_project):
    history, ids = with_journey(example_project)
    variable = example_project.cld.variables[0].id
    touchpoint = example_project.journeys[0].touchpoints[0]
    assert [e.variable for e in touchpoint.effects] == [variable]
    history.push(remove_variables(example_project, {variable}))
    assert example_project.journeys[0].touchpoints[0].effects == []  # the contact stays; the link goes
    assert reference_problems(example_project) == []
    history.undo()
    assert [e.variable for e in example_project.journeys[0].touchpoints[0].effects] == [variable]


def test_deleting_a_perspective_takes_its_account_and_a_service_leaves_its_contacts(example_project):
    history, ids = with_journey(example_project)
    teller = example_project.perspectives[0].id
    told = Touchpoint(dated="2026-02-02", members=[ids["mum"]], told_by=teller)
    history.push(je.add_touchpoint(example_project, ids["journey"], told))
    history.push(remove_perspective(example_project, teller))
    assert told.id not in {t.id for t in example_project.journeys[0].touchpoints}
    history.undo()
    history.push(je.remove_service(example_project, ids["GP surgery"]))
    assert example_project.journeys[0].touchpoints[0].service is None and len(example_project.services) == 2
    history.undo()
    assert example_project.journeys[0].touchpoints[0].service == ids["GP surgery"]


def test_removing_a_lane_keeps_shared_contacts_with_the_others(example_project):
    history, ids = with_journey(example_project)
    edit = je.remove_member(example_project, ids["journey"], ids["son"])
    assert "1 touchpoint" in edit.label
    history.push(edit)
    journey = example_project.journeys[0]
    assert [t.dated for t in journey.touchpoints] == ["2026-01-05", "2026-01-20"]
    assert journey.touchpoints[1].members == [ids["mum"]]
    history.push(je.remove_phase(example_project, ids["journey"], ids["crisis"]))
    assert all(t.phase is None for t in journey.touchpoints)
    assert reference_problems(example_project) == []


def test_a_journey_refuses_a_lane_or_phase_it_does_not_have():
    with pytest.raises(ValueError, match="lane of a member it does not have"):
        Journey(name="x", members=[Member(id="a", pseudonym="A")], touchpoints=[Touchpoint(members=["b"])])
    with pytest.raises(ValueError, match="phase it does not have"):
        Journey(name="x", members=[Member(id="a", pseudonym="A")], touchpoints=[Touchpoint(members=["a"], phase="p")])
