"""Table pages (the CATWOE matrix, stage 5, stages 6–7) and what makes tables readable:
headers that wrap between words instead of being cut, and columns sized to their content
within a sensible width."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QStyle,
    QStyleOptionHeader,
    QTableWidget,
    QTableWidgetItem,
)

from ...model.sentences import CATWOE, catwoe_value
from ..session import DocumentSession
from .base import Page

MIN_COLUMN, MAX_COLUMN = 90, 320


class WrappingHeader(QHeaderView):
    """A horizontal header whose titles wrap on word boundaries ("Customers", not
    "Custo mers"), growing in height to fit the longest."""

    def __init__(self, parent=None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

    def _text(self, section: int) -> str:
        model = self.model()
        return str(model.headerData(section, self.orientation(), Qt.ItemDataRole.DisplayRole) or "") if model else ""

    def sectionSizeFromContents(self, section: int) -> QSize:
        text = self._text(section)
        metrics = QFontMetrics(self.font())
        width = max(MIN_COLUMN, self.sectionSize(section) if self.sectionSize(section) > 0 else MIN_COLUMN)
        longest_word = max((metrics.horizontalAdvance(w) for w in text.split()), default=0) + 16
        width = max(width, min(longest_word, MAX_COLUMN))
        rect = metrics.boundingRect(QRect(0, 0, width - 12, 2000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(width, rect.height() + 12)

    def paintSection(self, painter, rect: QRect, section: int) -> None:
        option = QStyleOptionHeader()
        self.initStyleOption(option)
        option.rect = rect
        option.section = section
        option.text = ""
        self.style().drawControl(QStyle.ControlElement.CE_Header, option, painter, self)
        painter.save()
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect.adjusted(6, 4, -6, -4),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self._text(section))
        painter.restore()


def make_readable(table: QTableWidget) -> None:
    """Wrapping headers, no word broken in two, and columns as wide as their content needs
    (between MIN_COLUMN and MAX_COLUMN); rows grow to fit wrapped cells."""
    if not isinstance(table.horizontalHeader(), WrappingHeader):
        table.setHorizontalHeader(WrappingHeader(table))
    table.setWordWrap(True)
    table.setTextElideMode(Qt.TextElideMode.ElideNone)
    table.horizontalHeader().setStretchLastSection(False)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


def fit_columns(table: QTableWidget) -> None:
    metrics = QFontMetrics(table.font())
    header = table.horizontalHeader()
    for column in range(table.columnCount()):
        title = str(table.horizontalHeaderItem(column).text() if table.horizontalHeaderItem(column) else "")
        words = [metrics.horizontalAdvance(w) for w in title.split()] or [0]
        widest = max(words) + 20
        for row in range(min(table.rowCount(), 200)):
            item = table.item(row, column)
            if item is not None:
                widest = max(widest, min(metrics.horizontalAdvance(item.text()) + 20, MAX_COLUMN))
        header.resizeSection(column, max(MIN_COLUMN, min(widest, MAX_COLUMN)))
    table.resizeRowsToContents()
    header.updateGeometry()


def copy_cells(table: QTableWidget) -> None:
    """The chosen cells as tab-separated text, ready to paste into a spreadsheet."""
    ranges = table.selectedRanges()
    if not ranges:
        return
    chosen = ranges[0]
    lines = []
    for row in range(chosen.topRow(), chosen.bottomRow() + 1):
        cells = []
        for column in range(chosen.leftColumn(), chosen.rightColumn() + 1):
            item = table.item(row, column)
            cells.append(item.text().replace("\t", " ").replace("\n", " ") if item else "")
        lines.append("\t".join(cells))
    QApplication.clipboard().setText("\n".join(lines))


class CatwoeMatrix(QTableWidget):
    """All perspectives' root definitions side by side, one row per CATWOE element.

    Differences are shown, not ranked: wording two definitions share is marked '='; an
    element a definition leaves empty shows a dash. Columns follow the user's order."""

    def __init__(self, session: DocumentSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("CATWOE matrix")
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        make_readable(self)
        self.stale = True
        self._unsubscribe = session.document.subscribe(self._on_events)
        self.refresh()

    def _on_events(self, events) -> None:
        if any(e.path[:1] in (("root_definitions",), ("perspectives",)) for e in events):
            self.stale = True
            if self.isVisible():
                self.refresh()

    def showEvent(self, event) -> None:
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.stale = False
        project = self.session.document.project
        columns = [(rd, project.perspective(rd.perspective)) for p in project.perspectives
                   for rd in project.root_definitions if rd.perspective == p.id]
        self.setColumnCount(len(columns))
        self.setRowCount(len(CATWOE))
        self.setHorizontalHeaderLabels([f"{p.name}: {rd.title}" for rd, p in columns])
        self.setVerticalHeaderLabels([f"{letter} · {title}" for letter, title, _ in CATWOE])
        for row, (letter, _title, _field) in enumerate(CATWOE):
            values = [catwoe_value(rd, letter).strip() for rd, _ in columns]
            for column, value in enumerate(values):
                shared = bool(value) and values.count(value) > 1
                item = QTableWidgetItem(("= " if shared else "") + (value or "\u2014"))
                if not value:
                    item.setForeground(QColor("#888888"))
                if shared:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip("The same wording as another perspective's definition")
                self.setItem(row, column, item)
        fit_columns(self)

    def close_document(self) -> None:
        self._unsubscribe()


class TablePage(Page):
    """A page that is a table: copy and select all act on its cells; some export CSV."""

    def __init__(self, key: str, title: str, widget, table: QTableWidget, on_close,
                 export: str | None = None) -> None:
        super().__init__(widget)
        self.key, self.title, self.table = key, title, table
        self._on_close = on_close
        self.commands = {"copy": lambda: copy_cells(table), "select_all": table.selectAll}
        if export is not None:
            self.commands["export_table"] = lambda: export

    def close(self) -> None:
        self._on_close()
