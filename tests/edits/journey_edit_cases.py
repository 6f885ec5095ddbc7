"""Client journeys' edits drawn at random for the undo property tests (test_edit_property.py,
through new_edit_cases): every journey edit in the vocabulary, and the ones that must be refused."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from ssm_studio.edits import Edit, InsertEdit
from ssm_studio.edits import journey_edits as je
from ssm_studio.model import Journey, Member, Phase, Service, Touchpoint

GOOD = ["service", "change_service", "del_service", "journey", "change_journey", "del_journey", "member",
        "del_member", "phase", "del_phase", "touchpoint", "many_touchpoints", "change_touchpoint", "effect",
        "del_touchpoint"]
BAD = ["future_touchpoint", "stray_service", "same_service", "bad_feeling"]

TODAY = date(2026, 12, 4)
names = st.text(min_size=1, max_size=12)
dates = st.sampled_from(["2026-01-20", "", "2026-03-10", "2025-11-02"])


def journey_edit(data, project, choice: str) -> Edit | None:
    pick = lambda seq: data.draw(st.sampled_from(seq))  # noqa: E731
    services, journeys, vs = project.services, project.journeys, project.cld.variables
    with_lanes = [j for j in journeys if j.members]
    with_touchpoints = [j for j in journeys if j.touchpoints]

    def touchpoint(journey: Journey, **more) -> Touchpoint:
        return Touchpoint(members=[pick(journey.members).id], dated=data.draw(dates),
                          service=pick([None] + [s.id for s in services]), feeling=data.draw(st.integers(-2, 2)),
                          **more)

    match choice:
        case "service":
            return je.add_service(project, Service(name=data.draw(names)))
        case "change_service" if services:
            return je.change_service(project, pick(services).id, note=data.draw(names))
        case "del_service" if services:
            return je.remove_service(project, pick(services).id)
        case "journey":
            return je.add_journey(Journey(name=data.draw(names), members=[Member(pseudonym="Mum")]))
        case "change_journey" if journeys:
            return je.change_journey(pick(journeys).id, note=data.draw(names), client="individual")
        case "del_journey" if journeys:
            return je.remove_journey(pick(journeys).id)
        case "member" if journeys:
            return je.add_member(project, pick(journeys).id, Member(pseudonym=data.draw(names)))
        case "del_member" if with_lanes:
            journey = pick(with_lanes)
            return je.remove_member(project, journey.id, pick(journey.members).id)
        case "phase" if journeys:
            return je.add_phase(project, pick(journeys).id, Phase(name=data.draw(names)))
        case "del_phase" if any(j.phases for j in journeys):
            journey = pick([j for j in journeys if j.phases])
            return je.remove_phase(project, journey.id, pick(journey.phases).id)
        case "touchpoint" if with_lanes:
            journey = pick(with_lanes)
            return je.add_touchpoint(project, journey.id, touchpoint(journey), today=TODAY)
        case "many_touchpoints" if with_lanes:
            journey = pick(with_lanes)
            return je.add_touchpoints(project, journey.id, [touchpoint(journey) for _ in range(3)], today=TODAY)
        case "change_touchpoint" if with_touchpoints:
            journey = pick(with_touchpoints)
            return je.change_touchpoint(project, journey.id, pick(journey.touchpoints).id,
                                        {"happened": data.draw(names), "pain_point": data.draw(names)}, today=TODAY)
        case "effect" if with_touchpoints and vs:
            journey = pick(with_touchpoints)
            return je.set_effect(project, journey.id, pick(journey.touchpoints).id, pick(vs).id,
                                 pick(["+", "-", None]))
        case "del_touchpoint" if with_touchpoints:
            journey = pick(with_touchpoints)
            return je.remove_touchpoints(journey.id, [pick(journey.touchpoints).id])
        # Must be refused, whole:
        case "future_touchpoint" if with_lanes:
            journey = pick(with_lanes)
            return je.add_touchpoint(project, journey.id, Touchpoint(members=[journey.members[0].id],
                                                                     dated="2030-01-01"), today=TODAY)
        case "stray_service" if with_lanes:
            journey = pick(with_lanes)
            return InsertEdit(je.touchpoints_path(journey.id),
                              Touchpoint(members=[journey.members[0].id], service="no-such-service"))
        case "same_service" if services:
            return je.add_service(project, Service(name=pick(services).name.upper()))
        case "bad_feeling" if with_touchpoints:
            journey = pick(with_touchpoints)
            return je.change_touchpoint(project, journey.id, pick(journey.touchpoints).id, {"feeling": 7})
    return None
