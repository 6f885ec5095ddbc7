"""Help → Keyboard Shortcuts: every command and its keys in a readable, searchable table,
built from the window's own actions (so it cannot fall out of date) and the canvas keys."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

CANVAS_KEYS = [
    ("Canvas", "New box (variable, activity or text) at the pointer", "N"),
    ("Canvas", "Select, Add, Link and Pen tools", "V  A  L  P"),
    ("Canvas", "Link the two chosen boxes (the first chosen is the cause)", "K"),
    ("Canvas", "Polarity of the chosen links", "+  −  ?"),
    ("Canvas", "Delay mark (monitor and control on a conceptual model)", "D"),
    ("Canvas", "Rename in place", "F2 or double-click"),
    ("Canvas", "Nudge (Shift: 1 point)", "Arrow keys"),
    ("Canvas", "Rotate, resize (rich picture)", "[  ]  <  >"),
    ("Canvas", "Pan", "Space+drag or middle button"),
    ("Canvas", "Zoom", "Wheel"),
    ("Canvas", "Cancel, back to Select", "Esc"),
]


def shortcut_rows(actions: Iterable[QAction]) -> list[tuple[str, str, str]]:
    rows = []
    for action in actions:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
        text = action.text().replace("&", "")
        words, _, hint = text.partition("\t")
        keys = keys or hint
        if keys:
            rows.append(("Window", words.rstrip("…"), keys))
    return rows + CANVAS_KEYS


class ShortcutsDialog(QDialog):
    def __init__(self, parent, actions: Iterable[QAction]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(640, 520)
        rows = shortcut_rows(actions)
        self.table = QTableWidget(len(rows), 3)
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Where", "Command", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.filter = QLineEdit()
        self.filter.setPlaceholderText("Find a command or key")
        self.filter.setAccessibleName("Find a command or key")
        self.filter.textChanged.connect(self._filter)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.table)
        layout.addWidget(buttons)

    def _filter(self, text: str) -> None:
        wanted = text.casefold()
        for r in range(self.table.rowCount()):
            cells = " ".join(self.table.item(r, c).text() for c in range(3)).casefold()
            self.table.setRowHidden(r, wanted not in cells)
