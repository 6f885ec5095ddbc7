"""Bringing many objects in at once (an import into the project, a merge of participants'
files) as one step: one undo takes the whole merge back.

One edit appends to each list in one go (checking ids against a set), so gathering tens of
thousands of variables does not cost an insert per object with a scan of the list each time.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ..errors import EditRefused
from ..model import Project
from .base import LIST_LIMITS, Edit, SetFieldsEdit
from .events import ChangeEvent, EventKind
from .paths import PathError, resolve_list
from .refusal import describe_refusal


class GatherEdit(Edit):
    def __init__(self, inserts: list[tuple[tuple[str, ...], Any]], included_by: dict[str, list[str]],
                 label: str = "Gather") -> None:
        self.label = label
        self.groups: dict[tuple[str, ...], list[Any]] = {}
        widened = dict(included_by)
        for path, obj in inserts:  # in the order given: perspectives before the claims naming them
            if path == ("cld", "variables") and obj.id in widened:
                # Brought in by this same step (one file of a merge) and widened by a later
                # file: it comes in widened, so undo never reports a change to a variable
                # it has just taken away.
                obj = obj.model_copy(update={"included_by": widened.pop(obj.id)})
            self.groups.setdefault(path, []).append(obj)
        self.widen = [SetFieldsEdit(("cld", "variables", variable_id), {"included_by": perspectives}, label=label)
                      for variable_id, perspectives in widened.items()]

    def apply(self, project: Project) -> list[ChangeEvent]:
        fresh: dict[tuple[str, ...], list[Any]] = {}
        for path, objects in self.groups.items():
            items = resolve_list(project, path)
            limit = LIST_LIMITS.get(path[-1])
            if limit is not None and len(items) + len(objects) > limit:
                raise EditRefused(f"There is no room for {len(objects):,} more: a project holds at most "
                                  f"{limit:,} of these.")
            present = {item.id for item in items}
            if any(obj.id in present for obj in objects):
                raise PathError("an object being brought in has the id of one already there")
            try:
                fresh[path] = [type(obj).model_validate(obj.model_dump()) for obj in objects]
            except ValidationError as error:
                raise EditRefused(describe_refusal(error)) from None
        for path, objects in fresh.items():
            resolve_list(project, path).extend(objects)
        done: list[Edit] = []
        try:
            for edit in self.widen:
                edit.apply(project)
                done.append(edit)
        except Exception:
            for undone in reversed(done):
                undone.revert(project)
            self._remove(project)
            raise
        return self._events("added") + [ChangeEvent("changed", ("cld", "variables"), e.target[-1], ("included_by",))
                                        for e in self.widen]

    def _remove(self, project: Project) -> None:
        for path, objects in self.groups.items():
            gone = {obj.id for obj in objects}
            items = resolve_list(project, path)
            items[:] = [item for item in items if item.id not in gone]

    def _events(self, kind: EventKind) -> list[ChangeEvent]:
        return [ChangeEvent(kind, path, obj.id) for path, objects in self.groups.items() for obj in objects]

    def revert(self, project: Project) -> list[ChangeEvent]:
        for edit in reversed(self.widen):
            edit.revert(project)
        self._remove(project)
        events = [ChangeEvent("changed", ("cld", "variables"), e.target[-1], ("included_by",)) for e in self.widen]
        # Removed in reverse order of adding, so views drop claims before their variables.
        return events + list(reversed(self._events("removed")))
