"""Reversible edits: the only way a document changes.

Each edit captures what it needs to undo itself when applied, so ``revert`` after ``apply``
restores the project exactly (the hypothesis test in tests/edits holds this byte for byte).
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from typing import Any

from pydantic import BaseModel

from ..model import Project
from .events import ChangeEvent
from .paths import PathError, index_of, resolve, resolve_list


class Edit(ABC):
    label: str = "Edit"

    @abstractmethod
    def apply(self, project: Project) -> list[ChangeEvent]:
        """Change the project and say what changed."""

    @abstractmethod
    def revert(self, project: Project) -> list[ChangeEvent]:
        """Undo exactly what ``apply`` did."""


class InsertEdit(Edit):
    """Insert an object into a list (at the end unless an index is given)."""

    def __init__(self, path: tuple[str, ...], obj: BaseModel, index: int | None = None,
                 label: str = "Add") -> None:
        self.path, self.obj, self.index, self.label = path, obj, index, label

    def apply(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        if any(item.id == self.obj.id for item in items):
            raise PathError(f"an object with id {self.obj.id} is already there")
        index = len(items) if self.index is None else self.index
        items.insert(index, copy.deepcopy(self.obj))
        return [ChangeEvent("added", self.path, self.obj.id)]

    def revert(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        del items[index_of(items, self.obj.id)]
        return [ChangeEvent("removed", self.path, self.obj.id)]


class DeleteEdit(Edit):
    """Remove an object from a list; revert puts it back where it was."""

    def __init__(self, path: tuple[str, ...], obj_id: str, label: str = "Delete") -> None:
        self.path, self.obj_id, self.label = path, obj_id, label
        self._removed: Any = None
        self._index = -1

    def apply(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        self._index = index_of(items, self.obj_id)
        self._removed = items.pop(self._index)
        return [ChangeEvent("removed", self.path, self.obj_id)]

    def revert(self, project: Project) -> list[ChangeEvent]:
        resolve_list(project, self.path).insert(self._index, self._removed)
        return [ChangeEvent("added", self.path, self.obj_id)]


class SetFieldsEdit(Edit):
    """Change fields of one object; every value is validated by the model on assignment."""

    def __init__(self, target: tuple[str, ...], changes: dict[str, Any], label: str = "Change") -> None:
        self.target, self.changes, self.label = target, dict(changes), label
        self._old: dict[str, Any] = {}

    def _event(self, obj: Any) -> ChangeEvent:
        obj_id = getattr(obj, "id", None)
        path = self.target[:-1] if obj_id is not None and self.target[-1] == obj_id else self.target
        return ChangeEvent("changed", path, obj_id, tuple(self.changes))

    def apply(self, project: Project) -> list[ChangeEvent]:
        obj = resolve(project, self.target)
        self._old = {name: copy.deepcopy(getattr(obj, name)) for name in self.changes}
        try:
            for name, value in self.changes.items():
                setattr(obj, name, copy.deepcopy(value))
        except Exception:
            for name, value in self._old.items():
                setattr(obj, name, value)
            raise
        return [self._event(obj)]

    def revert(self, project: Project) -> list[ChangeEvent]:
        obj = resolve(project, self.target)
        for name, value in self._old.items():
            setattr(obj, name, value)
        return [self._event(obj)]


class MoveInListEdit(Edit):
    """Reorder: users order perspectives, layers and activities as they wish."""

    def __init__(self, path: tuple[str, ...], obj_id: str, new_index: int, label: str = "Reorder") -> None:
        self.path, self.obj_id, self.new_index, self.label = path, obj_id, new_index, label
        self._old_index = -1

    def apply(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        self._old_index = index_of(items, self.obj_id)
        items.insert(self.new_index, items.pop(self._old_index))
        return [ChangeEvent("moved", self.path, self.obj_id)]

    def revert(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        items.insert(self._old_index, items.pop(index_of(items, self.obj_id)))
        return [ChangeEvent("moved", self.path, self.obj_id)]


class CompositeEdit(Edit):
    """Several edits as one step (moving ten items is one undo)."""

    def __init__(self, edits: list[Edit], label: str = "Edit") -> None:
        self.edits, self.label = list(edits), label

    def apply(self, project: Project) -> list[ChangeEvent]:
        events: list[ChangeEvent] = []
        done: list[Edit] = []
        try:
            for edit in self.edits:
                events += edit.apply(project)
                done.append(edit)
        except Exception:
            for edit in reversed(done):
                edit.revert(project)
            raise
        return events

    def revert(self, project: Project) -> list[ChangeEvent]:
        events: list[ChangeEvent] = []
        for edit in reversed(self.edits):
            events += edit.revert(project)
        return events
