"""How a panel follows the document: only the collections it shows, and not while hidden.

A hidden panel notes that it is stale and refreshes when it is shown again, so a dozen
panels cost nothing while the user drags variables on the canvas; closing the document
stops the following.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from ...edits import ChangeEvent, Document


class Following(QObject):
    def __init__(self, widget: QWidget, document: Document, paths: Iterable[tuple[str, ...]],
                 refresh: Callable[[], None], kinds: Iterable[str] | None = None,
                 about: Callable[[ChangeEvent], bool] | None = None) -> None:
        super().__init__(widget)
        self.widget, self.paths, self.refresh = widget, tuple(paths), refresh
        # Which kinds of change matter (a panel of counts ignores moves and renames).
        self.kinds = set(kinds) if kinds is not None else None
        # A finer test still: the inspector cares only for the object it shows.
        self.about = about
        self.stale = False
        self.heard = 0  # events that concerned this panel (tests and benchmarks read it)
        self._unsubscribe: Callable[[], None] | None = document.subscribe(self._on_events)
        widget.installEventFilter(self)

    def concerns(self, events: list[ChangeEvent]) -> bool:
        return any(event.path[:len(path)] == path and (self.kinds is None or event.kind in self.kinds)
                   and (self.about is None or self.about(event))
                   for event in events for path in self.paths)

    def _on_events(self, events: list[ChangeEvent]) -> None:
        if not self.concerns(events):
            return
        self.heard += 1
        if self.widget.isVisible():
            self.refresh()
        else:
            self.stale = True

    def eventFilter(self, watched, event) -> bool:
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self.stale = False
            self.refresh()
        return False

    def stop(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
