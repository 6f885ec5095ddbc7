"""Ctrl+Z in a text field: the field's own typing first, then the document's history.

A QLineEdit claims Ctrl+Z for itself even when it has nothing to undo (its text was set by
the program, or the change was already committed), so in a root-definition field the key
did nothing at all. With this filter the field keeps Ctrl+Z while it has typing to undo,
and otherwise lets the window's Undo have it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget


class FieldUndo(QObject):
    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride:
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if (undo or redo) and not _field_can(watched, undo):
                event.ignore()  # not claimed: the window's Undo or Redo runs
                return True
        return False


def _field_can(widget, undo: bool) -> bool:
    if isinstance(widget, QLineEdit):
        return widget.isUndoAvailable() if undo else widget.isRedoAvailable()
    if isinstance(widget, QPlainTextEdit):
        document = widget.document()
        return document.isUndoAvailable() if undo else document.isRedoAvailable()
    return False


_FILTER: FieldUndo | None = None


def share_undo(*fields: QWidget) -> None:
    """Let Ctrl+Z and Ctrl+Shift+Z in these fields reach the document when the field itself
    has nothing to undo."""
    global _FILTER
    if _FILTER is None:
        _FILTER = FieldUndo()
    for field in fields:
        field.installEventFilter(_FILTER)
