"""A project being edited: applies edits, keeps media, tells listeners what changed."""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from ..errors import EditRefused
from ..model import Project, reference_problems
from .base import Edit
from .events import ChangeEvent
from .refusal import describe_refusal

Listener = Callable[[list[ChangeEvent]], None]


class Document:
    """Owns one project and its media (content hash -> bytes).

    ``revision`` grows with every change and undo alike; the app compares it with the
    revision at the last save to tell whether there are unsaved changes.
    """

    def __init__(self, project: Project | None = None, media: dict[str, bytes] | None = None) -> None:
        self.project = project if project is not None else Project()
        self.media: dict[str, bytes] = dict(media or {})
        self.revision = 0
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def apply(self, edit: Edit) -> list[ChangeEvent]:
        """Apply all of ``edit`` or none of it.

        Raises EditRefused (with a readable reason) when the model refuses a value, the
        edit names something already gone, or it would leave an id pointing at nothing;
        the project is then exactly as before and no listener hears of it.
        """
        try:
            events = edit.apply(self.project)
        except ValidationError as error:
            raise EditRefused(describe_refusal(error)) from None
        if edit.touches_references:
            problems = reference_problems(self.project)
            if problems:
                edit.revert(self.project)
                raise EditRefused(f"That change would break the project ({problems[0]}); "
                                  "nothing was changed.")
        return self._emit(events)

    def revert(self, edit: Edit) -> list[ChangeEvent]:
        return self._emit(edit.revert(self.project))

    def _emit(self, events: list[ChangeEvent]) -> list[ChangeEvent]:
        self.revision += 1
        for listener in list(self._listeners):
            listener(events)
        return events


class History:
    """A headless undo history (the app uses a QUndoStack over the same edits)."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self._done: list[Edit] = []
        self._undone: list[Edit] = []

    def push(self, edit: Edit) -> list[ChangeEvent]:
        events = self.document.apply(edit)
        self._done.append(edit)
        self._undone.clear()
        return events

    def undo(self) -> bool:
        if not self._done:
            return False
        edit = self._done.pop()
        self.document.revert(edit)
        self._undone.append(edit)
        return True

    def redo(self) -> bool:
        if not self._undone:
            return False
        edit = self._undone.pop()
        self.document.apply(edit)
        self._done.append(edit)
        return True
