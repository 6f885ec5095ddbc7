"""Adding, changing, ordering and removing perspectives; all equally valid."""

from __future__ import annotations

from typing import Literal

from ..model import Perspective, Project
from .base import CompositeEdit, DeleteEdit, Edit, InsertEdit, MoveInListEdit, SetFieldsEdit
from .journey_edits import forget as forget_in_journeys
from .rich_picture_edits import remove_items
from .spotlight_edits import forget

PERSPECTIVES = ("perspectives",)


def add_perspective(perspective: Perspective) -> Edit:
    return InsertEdit(PERSPECTIVES, perspective, label=f"Add perspective '{perspective.name}'")


def change_perspective(perspective_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*PERSPECTIVES, perspective_id), changes, label="Change perspective")


def reorder_perspective(perspective_id: str, new_index: int) -> Edit:
    return MoveInListEdit(PERSPECTIVES, perspective_id, new_index, label="Reorder perspectives")


ClaimFate = Literal["delete", "move"]


def remove_perspective(project: Project, perspective_id: str, claims: ClaimFate = "delete",
                       move_to: str | None = None) -> Edit:
    """Remove a perspective. Its causal claims, root definitions (with their models), layer
    items and stances are deleted, or moved to ``move_to`` (None: common ground for layer
    items; claims and definitions need a perspective)."""
    if claims == "move" and move_to is not None and project.perspective(move_to) is None:
        raise ValueError("the perspective to move claims to does not exist")
    edits: list[Edit] = []
    moving = claims == "move"
    for link in project.cld.links:
        if link.perspective == perspective_id:
            if moving and move_to is not None:
                edits.append(SetFieldsEdit(("cld", "links", link.id), {"perspective": move_to}))
            else:
                edits.append(DeleteEdit(("cld", "links"), link.id))
    for variable in project.cld.variables:
        if perspective_id in variable.included_by:
            kept = [p for p in variable.included_by if p != perspective_id]
            if moving and move_to is not None and move_to not in kept:
                kept.append(move_to)
            edits.append(SetFieldsEdit(("cld", "variables", variable.id), {"included_by": kept}))
    on_layer = {item.id for item in project.rich_picture.items if item.layer == perspective_id}
    if moving:
        edits += [SetFieldsEdit(("rich_picture", "items", i), {"layer": move_to}) for i in on_layer]
    elif on_layer:
        edits.append(remove_items(project, on_layer))
    for rd in project.root_definitions:
        if rd.perspective != perspective_id:
            continue
        if moving and move_to is not None:
            edits.append(SetFieldsEdit(("root_definitions", rd.id), {"perspective": move_to}))
        else:
            for cm in project.conceptual_models:
                if cm.root_definition == rd.id:
                    edits.append(DeleteEdit(("conceptual_models",), cm.id))
            edits.append(DeleteEdit(("root_definitions",), rd.id))
    for action in project.actions:
        for stance in action.stances:
            if stance.perspective == perspective_id:
                edits.append(DeleteEdit(("actions", action.id, "stances"), stance.id))
    gone = {link.id for link in project.cld.links if link.perspective == perspective_id} if not moving else set()
    edits = forget(project, links=gone, perspectives={perspective_id}) + edits  # the review's pointers first
    edits = forget_in_journeys(project, perspectives={perspective_id}, move_to=move_to if moving else None) + edits
    edits.append(DeleteEdit(PERSPECTIVES, perspective_id))
    name = getattr(project.perspective(perspective_id), "name", "")
    return CompositeEdit(edits, label=f"Remove perspective '{name}'")
