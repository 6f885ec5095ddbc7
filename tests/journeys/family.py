"""A small journey on the Stoke example, built through the edits (shared by the tests)."""

from __future__ import annotations

from ssm_studio.edits import Document, History
from ssm_studio.edits import journey_edits as je
from ssm_studio.model import Effect, Journey, Member, Phase, Project, Service, Touchpoint


def with_journey(project: Project) -> tuple[History, dict[str, str]]:
    history = History(Document(project))
    ids: dict[str, str] = {}
    for name in ("GP surgery", "Jobcentre Plus", "Housing"):
        service = Service(name=name)
        history.push(je.add_service(project, service))
        ids[name] = service.id
    mum, son = Member(pseudonym="Mum"), Member(pseudonym="J., 14")
    crisis = Phase(name="Crisis")
    journey = Journey(name="The test family", members=[mum, son], phases=[crisis])
    history.push(je.add_journey(journey))
    ids.update(journey=journey.id, mum=mum.id, son=son.id, crisis=crisis.id)
    v = project.cld.variables
    rows = [("2026-01-05", "GP surgery", [mum.id], -1, [Effect(variable=v[0].id, sign="+")]),
            ("2026-01-20", "Jobcentre Plus", [mum.id, son.id], -2, [Effect(variable=v[1].id, sign="-")]),
            ("2026-03-02", "Housing", [son.id], 1, [])]
    for dated, service, members, feeling, effects in rows:
        touchpoint = Touchpoint(dated=dated, service=ids[service], members=members, feeling=feeling, effects=effects,
                                phase=crisis.id)
        history.push(je.add_touchpoint(project, journey.id, touchpoint))
        ids[dated] = touchpoint.id
    return history, ids
