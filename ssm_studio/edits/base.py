"""Reversible edits: the only way a document changes.

Each edit captures what it needs to undo itself when applied, so ``revert`` after ``apply``
restores the project exactly (the hypothesis test in tests/edits holds this byte for byte).
Each is all-or-nothing: it checks what it can before it changes anything, and an edit that
still fails half-way puts back what it had done before the error leaves it.
"""

from __future__ import annotations

import copy
from abc import ABC, abstractmethod
from collections.abc import Sequence
from operator import attrgetter
from typing import Any

from pydantic import ValidationError

from ..errors import EditRefused
from ..model import Project
from ..model import limits as L
from ..model.base import Identified
from .events import ChangeEvent
from .paths import PathError, index_of, resolve, resolve_list
from .refusal import describe_refusal

# Fields that hold another object's id: changing one may leave a reference dangling, so the
# document checks references after such an edit (and only then: moves stay cheap).
REFERENCE_FIELDS = frozenset({
    "source", "target", "perspective", "layer", "owner", "members", "included_by",
    "root_definition", "activity", "id",
    # the SPOTlight review's (model/spotlight.py): evidence, ratings, plan and stocktakes
    "variables", "links", "ratings", "action", "updates", "snapshot", "starts", "dated", "voiced_by",
    # journeys' (model/journeys.py): touchpoints' lanes, phase, service, effects and teller
    "phase", "service", "effects", "told_by", "touchpoints", "phases",
})

# The ceiling of each list an edit may insert into (the model checks them on load).
LIST_LIMITS = {
    "perspectives": L.MAX_PERSPECTIVES, "variables": L.MAX_VARIABLES, "links": L.MAX_LINKS,
    "items": L.MAX_RICH_PICTURE_ITEMS, "root_definitions": L.MAX_ROOT_DEFINITIONS,
    "conceptual_models": L.MAX_CONCEPTUAL_MODELS, "activities": L.MAX_ACTIVITIES,
    "actions": L.MAX_ACTIONS, "storylines": L.MAX_STORYLINES, "steps": L.MAX_STEPS,
    "evidence": L.MAX_EVIDENCE, "actors": L.MAX_ACTORS, "chain": L.MAX_CHAIN_LINKS, "plan": L.MAX_ACTIONS,
    "issues": L.MAX_ACTIONS,
    "stocktakes": L.MAX_STOCKTAKES, "snapshots": L.MAX_SNAPSHOTS,
    "services": L.MAX_SERVICES, "journeys": L.MAX_JOURNEYS, "touchpoints": L.MAX_TOUCHPOINTS,
}


_ID = attrgetter("id")


class Edit(ABC):
    label: str = "Edit"
    # Whether applying may leave an id pointing at nothing (see REFERENCE_FIELDS).
    touches_references: bool = True

    @abstractmethod
    def apply(self, project: Project) -> list[ChangeEvent]:
        """Change the project and say what changed."""

    @abstractmethod
    def revert(self, project: Project) -> list[ChangeEvent]:
        """Undo exactly what ``apply`` did."""


class InsertEdit(Edit):
    """Insert an object into a list (at the end unless an index is given)."""

    def __init__(self, path: tuple[str, ...], obj: Identified, index: int | None = None,
                 label: str = "Add") -> None:
        self.path, self.obj, self.index, self.label = path, obj, index, label

    def apply(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        if self.obj.id in map(_ID, items):  # at C speed: imports insert thousands in one step
            raise PathError(f"an object with id {self.obj.id} is already there")
        limit = LIST_LIMITS.get(self.path[-1])
        if limit is not None and len(items) >= limit:
            raise EditRefused(f"There is no room for more: a project holds at most {limit:,} of these.")
        try:
            # A validated copy: objects built with model_construct, or changed since they
            # were made, are checked here rather than when the file is next opened.
            fresh = type(self.obj).model_validate(self.obj.model_dump())
        except ValidationError as error:
            raise EditRefused(describe_refusal(error)) from None
        index = len(items) if self.index is None else max(0, min(self.index, len(items)))
        items.insert(index, fresh)
        return [ChangeEvent("added", self.path, self.obj.id)]

    def revert(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        del items[index_of(items, self.obj.id)]
        return [ChangeEvent("removed", self.path, self.obj.id)]


class InsertManyEdit(Edit):
    """Append many objects to one list as one step (an import of 10,000 evidence items): the
    ids are checked against a set once, where one InsertEdit each checked the whole list."""

    def __init__(self, path: tuple[str, ...], objs: Sequence[Identified], label: str = "Add") -> None:
        self.path, self.objs, self.label = path, list(objs), label

    def apply(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        known = set(map(_ID, items))
        new_ids = [obj.id for obj in self.objs]
        if len(set(new_ids)) != len(new_ids) or not known.isdisjoint(new_ids):
            raise PathError("two objects would share one id")
        limit = LIST_LIMITS.get(self.path[-1])
        if limit is not None and len(items) + len(self.objs) > limit:
            raise EditRefused(f"There is no room for {len(self.objs):,} more: a project holds at most {limit:,} "
                              "of these.")
        try:
            fresh = [type(obj).model_validate(obj.model_dump()) for obj in self.objs]
        except ValidationError as error:
            raise EditRefused(describe_refusal(error)) from None
        items.extend(fresh)
        return [ChangeEvent("added", self.path, obj_id) for obj_id in new_ids]

    def revert(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        ours = {obj.id for obj in self.objs}
        items[:] = [item for item in items if item.id not in ours]
        return [ChangeEvent("removed", self.path, obj.id) for obj in reversed(self.objs)]


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
        self.touches_references = bool(REFERENCE_FIELDS & self.changes.keys())

    def _event(self, obj: Any) -> ChangeEvent:
        obj_id = getattr(obj, "id", None)
        path = self.target[:-1] if obj_id is not None and self.target[-1] == obj_id else self.target
        return ChangeEvent("changed", path, obj_id, tuple(self.changes))

    def apply(self, project: Project) -> list[ChangeEvent]:
        obj = resolve(project, self.target)
        fields = getattr(type(obj), "model_fields", {})
        unknown = [name for name in self.changes if name not in fields or name == "id"]
        if unknown:
            raise PathError(f"{type(obj).__name__} has no field that can be changed named {unknown[0]!r}")
        self._old = {name: copy.deepcopy(getattr(obj, name)) for name in self.changes}
        try:
            for name, value in self.changes.items():
                setattr(obj, name, copy.deepcopy(value))
        except Exception as error:
            for name, value in self._old.items():
                object.__setattr__(obj, name, value)  # the old values were valid already
            if isinstance(error, ValidationError):
                raise EditRefused(describe_refusal(error)) from None
            raise
        return [self._event(obj)]

    def revert(self, project: Project) -> list[ChangeEvent]:
        obj = resolve(project, self.target)
        for name, value in self._old.items():
            setattr(obj, name, value)
        return [self._event(obj)]


class MoveInListEdit(Edit):
    """Reorder: users order perspectives, layers and activities as they wish."""

    touches_references = False

    def __init__(self, path: tuple[str, ...], obj_id: str, new_index: int, label: str = "Reorder") -> None:
        self.path, self.obj_id, self.new_index, self.label = path, obj_id, new_index, label
        self._old_index = -1

    def apply(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        self._old_index = index_of(items, self.obj_id)
        new_index = max(0, min(int(self.new_index), len(items) - 1))
        items.insert(new_index, items.pop(self._old_index))
        return [ChangeEvent("moved", self.path, self.obj_id)]

    def revert(self, project: Project) -> list[ChangeEvent]:
        items = resolve_list(project, self.path)
        items.insert(self._old_index, items.pop(index_of(items, self.obj_id)))
        return [ChangeEvent("moved", self.path, self.obj_id)]


class CompositeEdit(Edit):
    """Several edits as one step (moving ten items is one undo)."""

    def __init__(self, edits: Sequence[Edit], label: str = "Edit") -> None:
        self.edits, self.label = list(edits), label
        self.touches_references = any(edit.touches_references for edit in self.edits)

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
