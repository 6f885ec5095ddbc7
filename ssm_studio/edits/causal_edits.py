"""Edits of the causal-loop diagram, keeping every link joined to existing variables."""

from __future__ import annotations

from ..model import CausalLink, LoopName, Polarity, Project, Variable
from .base import CompositeEdit, DeleteEdit, Edit, InsertEdit, SetFieldsEdit
from .journey_edits import forget as forget_in_journeys
from .refusal import build
from .spotlight_edits import forget

VARIABLES = ("cld", "variables")
LINKS = ("cld", "links")
LOOP_NAMES = ("cld", "loop_names")


def add_variable(variable: Variable) -> Edit:
    return InsertEdit(VARIABLES, variable, label=f"Add variable '{variable.name}'")


def rename_variable(variable_id: str, name: str) -> Edit:
    return SetFieldsEdit((*VARIABLES, variable_id), {"name": name}, label=f"Rename to '{name}'")


def change_variable(variable_id: str, **changes: object) -> Edit:
    label = "Edit note" if set(changes) == {"note"} else "Change variable"
    return SetFieldsEdit((*VARIABLES, variable_id), changes, label=label)


def move_variables(positions: dict[str, tuple[float, float]]) -> Edit:
    moves = [
        SetFieldsEdit((*VARIABLES, vid), {"x": x, "y": y}, label="Move")
        for vid, (x, y) in positions.items()
    ]
    return CompositeEdit(moves, label="Move" if len(moves) == 1 else f"Move {len(moves)} variables")


def remove_variables(project: Project, variable_ids: set[str]) -> Edit:
    """Remove variables and every claim that touches them, as one step (evidence that
    pointed at them no longer does)."""
    touched = {link.id for link in project.cld.links
               if link.source in variable_ids or link.target in variable_ids}
    edits: list[Edit] = forget(project, variables=variable_ids, links=touched)
    edits += forget_in_journeys(project, variables=variable_ids)  # touchpoints no longer affect them
    edits += [DeleteEdit(LINKS, link.id) for link in project.cld.links if link.id in touched]
    edits += [DeleteEdit(VARIABLES, vid) for vid in variable_ids]
    what = "variable" if len(variable_ids) == 1 else f"{len(variable_ids)} variables"
    return CompositeEdit(edits, label=f"Delete {what}")


def add_link(link: CausalLink) -> Edit:
    return InsertEdit(LINKS, link, label="Add causal link")


def claim_link(project: Project, source: str, target: str, perspective: str,
               polarity: Polarity = "+") -> tuple[Edit, str]:
    """A perspective's new claim that ``source`` causes ``target``; one perspective claims
    one link once (a second claim with another polarity would contradict itself)."""
    from ..errors import EditRefused

    for link in project.cld.links:
        if link.source == source and link.target == target and link.perspective == perspective:
            raise EditRefused("This perspective already claims that link; change its polarity instead.")
    claim = build(CausalLink, source=source, target=target, perspective=perspective, polarity=polarity)
    return add_link(claim), claim.id


def remove_links(link_ids: set[str], project: Project | None = None) -> Edit:
    """With ``project``, evidence that supported these claims no longer points at them."""
    edits = forget(project, links=set(link_ids)) if project is not None else []
    return CompositeEdit([*edits, *(DeleteEdit(LINKS, lid) for lid in link_ids)], label="Delete causal link")


def set_link_fields(link_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*LINKS, link_id), changes, label="Change causal link")


def set_polarity(link_ids: list[str], polarity: Polarity) -> Edit:
    return CompositeEdit(
        [SetFieldsEdit((*LINKS, lid), {"polarity": polarity}) for lid in link_ids],
        label=f"Set polarity {polarity}",
    )


def name_loop(project: Project, key: str, label: str, name: str) -> Edit:
    """Record a loop's label and user-given name, so 'R2' stays 'R2' in minutes and reports."""
    for existing in project.cld.loop_names:
        if existing.key == key:
            return SetFieldsEdit((*LOOP_NAMES, existing.id), {"label": label, "name": name},
                                 label="Name loop")
    return InsertEdit(LOOP_NAMES, build(LoopName, key=key, label=label, name=name), label="Name loop")
