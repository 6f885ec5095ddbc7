"""A table of model records whose cells edit them: each column says how to show a record and
which edit a typed value makes. Every change is one undoable edit through the session; a
refused one puts the true value back and says why in the status bar."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...edits import Edit
from .stage_tables import SpreadsheetTable
from .tables import fit_columns, make_readable

ROLE = Qt.ItemDataRole.UserRole


@dataclass
class Column:
    header: str
    show: Callable[[Any], str]  # a record of the table's kind
    # The edit a typed value makes (it may refuse, raising EditRefused); None: read only.
    edit: Callable[[Any, str], Edit] | None = None
    choices: tuple[str, ...] = ()  # the words the cell accepts, said in its tooltip
    colour: Callable[[Any], str] | None = None  # a mark beside the words (a RAG status's colour)


class RecordTable(QWidget):
    def __init__(self, session, name: str, records: Callable[[], list], columns: list[Column],
                 buttons: Sequence[tuple[str, Callable[[], None]]] = (), hint: str = "", parent=None) -> None:
        super().__init__(parent)
        self.session, self.records, self.columns = session, records, columns
        self.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if hint:
            words = QLabel(hint)
            words.setWordWrap(True)
            layout.addWidget(words)
        self.table = SpreadsheetTable(0, len(columns))
        self.table.setAccessibleName(name)
        self.table.setHorizontalHeaderLabels([c.header for c in columns])
        self.table.setWordWrap(True)
        make_readable(self.table)
        self.table.itemChanged.connect(self._changed)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for text, act in buttons:
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", ""))
            button.clicked.connect(act)
            row.addWidget(button)
            self.buttons[text.replace("&", "")] = button
        row.addStretch(1)
        layout.addLayout(row)
        self.footer = QLabel()  # what the records add up to, said under them (hidden when empty)
        self.footer.setWordWrap(True)
        self.footer.setVisible(False)
        layout.addWidget(self.footer)
        self._filling = False

    def say(self, text: str) -> None:
        self.footer.setText(text)
        self.footer.setAccessibleName(text[:200])
        self.footer.setVisible(bool(text))

    def current(self):
        """The record of the current row, or None."""
        return self._record(self.table.currentRow())

    def _record(self, row: int):
        """The record a row shows: by its id (rows follow the model, which may have changed
        under them), or by place for records without one (an action's update)."""
        item = self.table.item(row, 0) if row >= 0 else None
        if item is None:
            return None
        records = self.records()
        wanted = item.data(ROLE)
        if wanted is None:
            return records[row] if row < len(records) else None
        return next((r for r in records if getattr(r, "id", None) == wanted), None)

    def refresh(self) -> None:
        records = self.records()
        keep = self.table.currentRow()
        self._filling = True
        try:
            self.table.setRowCount(len(records))
            for row, record in enumerate(records):
                for col, column in enumerate(self.columns):
                    item = QTableWidgetItem(column.show(record))
                    item.setData(ROLE, getattr(record, "id", None))
                    if column.edit is None:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    if column.choices:
                        item.setToolTip("One of: " + ", ".join(column.choices))
                    if column.colour is not None:  # the words stay: colour is never the only sign
                        item.setData(Qt.ItemDataRole.DecorationRole, QColor(column.colour(record)))
                    self.table.setItem(row, col, item)
        finally:
            self._filling = False
        fit_columns(self.table)
        if 0 <= keep < len(records):
            self.table.setCurrentCell(keep, 0)

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        column = self.columns[item.column()]
        record = self._record(item.row())
        if column.edit is None or record is None:
            return
        text = item.text().strip()
        if text == column.show(record):
            return
        edit = column.edit
        self._filling = True
        try:
            self.session.attempt(lambda: edit(record, text))
        finally:
            self._filling = False
        self.refresh()  # what the model now holds (a refused value goes back)


def refill(combo: QComboBox, choices: list[tuple[str, str]]) -> None:
    """The combo's choices (words, id) again after an edit, the chosen one kept if it is still there."""
    chosen = combo.currentData()
    combo.clear()
    for words, key in choices:
        combo.addItem(words, key)
    if chosen is not None and combo.findData(chosen) >= 0:
        combo.setCurrentIndex(combo.findData(chosen))


def chooser_row(combos: list[tuple[QComboBox, str]], button: str, name: str, act: Callable[[], None]) -> QHBoxLayout:
    """Combos to choose with and the button that acts on the choice, in a row."""
    row = QHBoxLayout()
    for combo, words in combos:
        combo.setAccessibleName(words)
        row.addWidget(combo)
    press = QPushButton(button)
    press.setAccessibleName(name)
    press.clicked.connect(act)
    row.addWidget(press)
    row.addStretch(1)
    return row
