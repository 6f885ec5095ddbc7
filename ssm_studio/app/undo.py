"""Each model edit becomes one QUndoCommand on the document's single QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..edits import ChangeEvent, Document, Edit


class EditCommand(QUndoCommand):
    """Applies an edit on redo and reverts it on undo; tells the window what it touched so
    the selection can follow (undoing a move selects what moved back)."""

    def __init__(self, document: Document, edit: Edit,
                 touched: Callable[[list[ChangeEvent], bool], None] | None = None,
                 applied: bool = False) -> None:
        super().__init__(edit.label)
        self.document, self.edit, self.touched = document, edit, touched
        # The session applies an edit before pushing it, so that a refused edit never
        # reaches the stack; QUndoStack.push then calls redo once more, which is skipped.
        self._skip_first_redo = applied

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        events = self.document.apply(self.edit)
        if self.touched:
            self.touched(events, False)

    def undo(self) -> None:
        events = self.document.revert(self.edit)
        if self.touched:
            self.touched(events, True)
