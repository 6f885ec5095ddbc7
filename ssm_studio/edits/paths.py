"""Addressing objects inside a project by path, so one set of edits serves every collection.

A path is a tuple of steps from the project: attribute names, and after a list an object's
id. ``("cld", "variables")`` is a list, ``("cld", "variables", "<id>")`` one variable,
``("conceptual_models", "<id>", "activities")`` the activities of one model.
"""

from __future__ import annotations

from typing import Any

from ..errors import EditRefused
from ..model import Project


class PathError(EditRefused, LookupError):
    """An edit names something the document does not hold: usually something deleted a
    moment ago (by an undo, or in another panel) while a field still showed it."""


def resolve(project: Project, path: tuple[str, ...]) -> Any:
    node: Any = project
    for step in path:
        if isinstance(node, list):
            node = find_by_id(node, step)
        else:
            if step.startswith("_") or not hasattr(node, step):
                raise PathError(f"no '{step}' in {type(node).__name__} (path {path})")
            node = getattr(node, step)
    return node


def resolve_list(project: Project, path: tuple[str, ...]) -> list:
    node = resolve(project, path)
    if not isinstance(node, list):
        raise PathError(f"path {path} is not a list")
    return node


def find_by_id(items: list, obj_id: str) -> Any:
    for item in items:
        if item.id == obj_id:
            return item
    raise PathError(f"That item no longer exists (it may have just been deleted or undone); "
                    f"nothing was changed. [id {obj_id[:12]}]")


def index_of(items: list, obj_id: str) -> int:
    for index, item in enumerate(items):
        if item.id == obj_id:
            return index
    raise PathError(f"That item no longer exists (it may have just been deleted or undone); "
                    f"nothing was changed. [id {obj_id[:12]}]")
