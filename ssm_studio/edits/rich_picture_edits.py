"""Edits of the rich picture that keep connectors, bubbles and groups joined up."""

from __future__ import annotations

from ..model import Project, RichPictureItem
from .base import CompositeEdit, DeleteEdit, Edit, InsertEdit, SetFieldsEdit

ITEMS = ("rich_picture", "items")


def add_item(item: RichPictureItem) -> Edit:
    return InsertEdit(ITEMS, item, label=f"Add {item.kind}")


def change_item(item_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*ITEMS, item_id), changes, label="Change item")


def remove_items(project: Project, item_ids: set[str]) -> Edit:
    """Delete items; connectors to them go too, bubbles lose their tail, groups their member."""
    doomed = set(item_ids)
    for item in project.rich_picture.items:
        if item.kind == "connector" and (item.source in doomed or item.target in doomed):
            doomed.add(item.id)
    edits: list[Edit] = []
    for item in project.rich_picture.items:
        if item.id in doomed:
            continue
        if item.kind == "bubble" and item.owner in doomed:
            edits.append(SetFieldsEdit((*ITEMS, item.id), {"owner": None}))
        if item.kind == "group" and doomed & set(item.members):
            kept = [m for m in item.members if m not in doomed]
            edits.append(SetFieldsEdit((*ITEMS, item.id), {"members": kept}))
    edits += [DeleteEdit(ITEMS, item.id) for item in project.rich_picture.items if item.id in doomed]
    return CompositeEdit(edits, label="Delete" if len(item_ids) == 1 else f"Delete {len(item_ids)} items")


def ungroup(group_ids: list[str]) -> Edit:
    """Dissolve groups; their members stay where they are."""
    return CompositeEdit([DeleteEdit(ITEMS, gid) for gid in group_ids], label="Ungroup")
