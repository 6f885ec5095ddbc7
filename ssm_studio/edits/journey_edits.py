"""Edits of client journeys and the project's services: each one undoable step, checked before
it changes anything. A touchpoint records a contact that happened, so a date in the future is
refused; deleting a variable, a perspective, a member, a phase, a service or an actor takes
the touchpoints' pointers to it with it (``forget``), so nothing is left dangling."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import date

from ..errors import EditRefused
from ..model import Effect, Journey, Member, Phase, Project, Service, Touchpoint
from .base import (
    CompositeEdit,
    DeleteEdit,
    Edit,
    InsertEdit,
    InsertManyEdit,
    MoveInListEdit,
    SetFieldsEdit,
)

SERVICES = ("services",)
JOURNEYS = ("journeys",)


def touchpoints_path(journey_id: str) -> tuple[str, ...]:
    return (*JOURNEYS, journey_id, "touchpoints")


def _journey(project: Project, journey_id: str) -> Journey:
    found = next((j for j in project.journeys if j.id == journey_id), None)
    if found is None:
        raise EditRefused("That journey no longer exists (it may have just been deleted or undone); nothing was "
                          "changed.")
    return found


def check_date(dated: str, today: date | None = None) -> None:
    """A touchpoint is a contact that happened: refuse one dated after today."""
    today = today or date.today()
    if dated and dated > today.isoformat():
        raise EditRefused(f"A touchpoint records a contact that has happened; {dated} is after today "
                          f"({today.isoformat()}). Leave the date empty, or put it in a phase, for one still to come.")


# Services --------------------------------------------------------------------------------
def _unique_service_name(project: Project, name: str, but: str | None = None) -> None:
    wanted = name.strip().casefold()
    if any(s.name.strip().casefold() == wanted and s.id != but for s in project.services):
        raise EditRefused(f"There is already a service called '{name.strip()}'.")


def add_service(project: Project, service: Service) -> Edit:
    _unique_service_name(project, service.name)
    return InsertEdit(SERVICES, service, label=f"Add service '{service.name}'")


def add_services(project: Project, services: list[Service]) -> Edit:
    for service in services:
        _unique_service_name(project, service.name)
    return InsertManyEdit(SERVICES, services, label=f"Add {len(services)} services")


def change_service(project: Project, service_id: str, **changes: object) -> Edit:
    if "name" in changes:
        _unique_service_name(project, str(changes["name"]), but=service_id)
    return SetFieldsEdit((*SERVICES, service_id), changes, label="Change service")


def remove_service(project: Project, service_id: str) -> Edit:
    """A service, and every touchpoint's mention of it (the contacts stay, with no service)."""
    edits: list[Edit] = [SetFieldsEdit((*touchpoints_path(j.id), t.id), {"service": None})
                         for j in project.journeys for t in j.touchpoints if t.service == service_id]
    edits.append(DeleteEdit(SERVICES, service_id))
    return CompositeEdit(edits, label="Delete service")


# Journeys --------------------------------------------------------------------------------
def add_journey(journey: Journey) -> Edit:
    return InsertEdit(JOURNEYS, journey, label=f"Add journey '{journey.name}'")


def change_journey(journey_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*JOURNEYS, journey_id), changes, label="Change journey")


def remove_journey(journey_id: str) -> Edit:
    return DeleteEdit(JOURNEYS, journey_id, label="Delete journey")


def add_member(project: Project, journey_id: str, member: Member) -> Edit:
    _journey(project, journey_id)
    return InsertEdit((*JOURNEYS, journey_id, "members"), member, label=f"Add '{member.pseudonym}' to the journey")


def change_member(journey_id: str, member_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*JOURNEYS, journey_id, "members", member_id), changes, label="Change member")


def move_member(journey_id: str, member_id: str, index: int) -> Edit:
    return MoveInListEdit((*JOURNEYS, journey_id, "members"), member_id, index, label="Move lane")


def remove_member(project: Project, journey_id: str, member_id: str) -> Edit:
    """A member's lane: touchpoints only they were at go with it, shared ones stay with the others."""
    journey = _journey(project, journey_id)
    edits: list[Edit] = []
    for touchpoint in journey.touchpoints:
        if member_id in touchpoint.members:
            kept = [m for m in touchpoint.members if m != member_id]
            edits.append(SetFieldsEdit((*touchpoints_path(journey_id), touchpoint.id), {"members": kept}) if kept
                         else DeleteEdit(touchpoints_path(journey_id), touchpoint.id))
    edits.append(DeleteEdit((*JOURNEYS, journey_id, "members"), member_id))
    gone = sum(isinstance(e, DeleteEdit) for e in edits) - 1
    return CompositeEdit(edits, label="Delete lane" + (f" and its {gone} touchpoint(s)" if gone else ""))


def add_phase(project: Project, journey_id: str, phase: Phase) -> Edit:
    _journey(project, journey_id)
    return InsertEdit((*JOURNEYS, journey_id, "phases"), phase, label=f"Add phase '{phase.name}'")


def rename_phase(journey_id: str, phase_id: str, name: str) -> Edit:
    return SetFieldsEdit((*JOURNEYS, journey_id, "phases", phase_id), {"name": name}, label="Rename phase")


def remove_phase(project: Project, journey_id: str, phase_id: str) -> Edit:
    journey = _journey(project, journey_id)
    edits: list[Edit] = [SetFieldsEdit((*touchpoints_path(journey_id), t.id), {"phase": None})
                         for t in journey.touchpoints if t.phase == phase_id]
    edits.append(DeleteEdit((*JOURNEYS, journey_id, "phases"), phase_id))
    return CompositeEdit(edits, label="Delete phase")


# Touchpoints -----------------------------------------------------------------------------
def _check_touchpoint(project: Project, journey: Journey, touchpoint: Touchpoint, today: date | None) -> None:
    check_date(touchpoint.dated, today)
    if touchpoint.service is not None and all(s.id != touchpoint.service for s in project.services):
        raise EditRefused("That service is not in the project's list of services; add it there first.")
    lanes = {m.id for m in journey.members}
    if not set(touchpoint.members) <= lanes:
        raise EditRefused(f"A touchpoint sits in the lane of a member of '{journey.name}'; that member is not in it.")


def add_touchpoint(project: Project, journey_id: str, touchpoint: Touchpoint, today: date | None = None) -> Edit:
    journey = _journey(project, journey_id)
    _check_touchpoint(project, journey, touchpoint, today)
    return InsertEdit(touchpoints_path(journey_id), touchpoint, label="Add touchpoint")


def add_touchpoints(project: Project, journey_id: str, touchpoints: list[Touchpoint],
                    today: date | None = None) -> Edit:
    """Many at once (an import of one row per contact): one step, checked once."""
    journey = _journey(project, journey_id)
    for touchpoint in touchpoints:
        _check_touchpoint(project, journey, touchpoint, today)
    return InsertManyEdit(touchpoints_path(journey_id), touchpoints, label=f"Add {len(touchpoints):,} touchpoints")


def change_touchpoint(project: Project, journey_id: str, touchpoint_id: str, changes: dict[str, object],
                      today: date | None = None) -> Edit:
    if "dated" in changes:
        check_date(str(changes["dated"] or ""), today)
    if changes.get("service") is not None and all(s.id != changes["service"] for s in project.services):
        raise EditRefused("That service is not in the project's list of services; add it there first.")
    return SetFieldsEdit((*touchpoints_path(journey_id), touchpoint_id), changes, label="Change touchpoint")


def set_effect(project: Project, journey_id: str, touchpoint_id: str, variable_id: str, sign: str | None) -> Edit:
    """The touchpoint raises (+) or lowers (-) the variable; None: it no longer affects it."""
    return set_effects(project, journey_id, touchpoint_id, [variable_id], sign)


def set_effects(project: Project, journey_id: str, touchpoint_id: str, variable_ids: list[str],
                sign: str | None) -> Edit:
    """The same for several variables at once (those selected on the overlay), as one step."""
    journey = _journey(project, journey_id)
    touchpoint = next((t for t in journey.touchpoints if t.id == touchpoint_id), None)
    if touchpoint is None:
        raise EditRefused("That touchpoint no longer exists; nothing was changed.")
    known = {v.id for v in project.cld.variables}
    if not variable_ids or not set(variable_ids) <= known:
        raise EditRefused("That variable is no longer in the causal-loop diagram; nothing was changed.")
    if sign not in (None, "+", "-"):
        raise EditRefused(f"A touchpoint raises (+) or lowers (-) a variable, not '{sign}'.")
    effects = [e for e in touchpoint.effects if e.variable not in variable_ids]
    if sign is not None:
        effects += [Effect(variable=v, sign=sign) for v in dict.fromkeys(variable_ids)]  # type: ignore[arg-type]
    return SetFieldsEdit((*touchpoints_path(journey_id), touchpoint_id), {"effects": effects},
                         label="Link touchpoint to variable" if sign else "Unlink touchpoint from variable")


def remove_touchpoints(journey_id: str, touchpoint_ids: Iterable[str]) -> Edit:
    ids = list(touchpoint_ids)
    return CompositeEdit([DeleteEdit(touchpoints_path(journey_id), t) for t in ids],
                         label="Delete touchpoint" if len(ids) == 1 else f"Delete {len(ids)} touchpoints")


# What deleting something else takes with it ----------------------------------------------
def forget(project: Project, variables: AbstractSet[str] = frozenset(), perspectives: AbstractSet[str] = frozenset(),
           move_to: str | None = None, actors: AbstractSet[str] = frozenset()) -> list[Edit]:
    """The edits that take the journeys' pointers to these (about to be deleted) objects. A
    perspective's own account goes with it, or is retold by ``move_to`` where its claims move."""
    edits: list[Edit] = []
    if actors:
        edits += [SetFieldsEdit((*SERVICES, s.id), {"actor": None}) for s in project.services if s.actor in actors]
    if not (variables or perspectives):
        return edits
    for journey in project.journeys:
        path = touchpoints_path(journey.id)
        for touchpoint in journey.touchpoints:
            if touchpoint.told_by in perspectives:
                edits.append(SetFieldsEdit((*path, touchpoint.id), {"told_by": move_to}) if move_to
                             else DeleteEdit(path, touchpoint.id))
                if not move_to:
                    continue
            if variables and any(e.variable in variables for e in touchpoint.effects):
                kept = [e for e in touchpoint.effects if e.variable not in variables]
                edits.append(SetFieldsEdit((*path, touchpoint.id), {"effects": kept}))
    return edits
