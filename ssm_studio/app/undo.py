"""Each model edit becomes one QUndoCommand on the document's single QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..edits import ChangeEvent, Document, Edit


class EditCommand(QUndoCommand):
    """Applies an edit on redo and reverts it on undo; tells the window what it touched so
    the selection can follow (undoing a move selects what moved back)."""

    def __init__(self, document: Document, edit: Edit,
                 touched: Callable[[list[ChangeEvent], bool], None] | None = None) -> None:
        super().__init__(edit.label)
        self.document, self.edit, self.touched = document, edit, touched

    def redo(self) -> None:
        events = self.document.apply(self.edit)
        if self.touched:
            self.touched(events, False)

    def undo(self) -> None:
        events = self.document.revert(self.edit)
        if self.touched:
            self.touched(events, True)
