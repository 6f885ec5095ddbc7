"""Each model edit becomes one QUndoCommand on the document's single QUndoStack."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from ..edits import ChangeEvent, Document, Edit
from ..errors import SsmError


class EditCommand(QUndoCommand):
    """Applies an edit on redo and reverts it on undo; tells the window what it touched so
    the selection can follow (undoing a move selects what moved back)."""

    def __init__(self, document: Document, edit: Edit,
                 touched: Callable[[list[ChangeEvent], bool], None] | None = None,
                 applied: bool = False, refused: Callable[[str], None] | None = None) -> None:
        super().__init__(edit.label)
        self.document, self.edit, self.touched = document, edit, touched
        self.refused = refused
        # The session applies an edit before pushing it, so that a refused edit never
        # reaches the stack; QUndoStack.push then calls redo once more, which is skipped.
        self._skip_first_redo = applied

    def redo(self) -> None:
        if self._skip_first_redo:
            self._skip_first_redo = False
            return
        try:
            events = self.document.apply(self.edit)
        except SsmError as error:
            self._gone(error)
            return
        if self.touched:
            self.touched(events, False)

    def undo(self) -> None:
        try:
            events = self.document.revert(self.edit)
        except SsmError as error:
            self._gone(error)
            return
        if self.touched:
            self.touched(events, True)

    def _gone(self, error: SsmError) -> None:
        """In a workshop room another participant may have changed what this edit touched
        since (deleted the variable it renamed): it can no longer be undone or redone, and is
        dropped from the history rather than half-applied."""
        self.setObsolete(True)
        if self.refused is not None:
            self.refused(f"'{self.edit.label}' can no longer be undone or redone: what it changed was changed "
                         f"by someone else in the room since ({error}).")
