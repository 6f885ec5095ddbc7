"""Table pages (the CATWOE matrix, stage 5, stages 6–7) and what makes tables readable:
headers that wrap between words instead of being cut, and columns sized to their content
within a sensible width."""

from __future__ import annotations

import textwrap

from PySide6.QtCore import QRect, QSize, Qt, QTimer
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
MIN_MATRIX_COLUMN = 150  # a perspective's column of the CATWOE matrix, at any text size

# The projector look for tables: black on white, heavy rules, bold headings. Set on the
# table alone, so the window's own widgets keep their size and colours.
CONTRAST_SHEET = ("QTableWidget { color: #000000; background: #FFFFFF; gridline-color: #000000; "
                  "selection-background-color: #1F6FEB; selection-color: #FFFFFF; }"
                  "QHeaderView::section { color: #000000; background: #FFFFFF; "
                  "border: 1px solid #000000; }")


def style_table(table: QTableWidget, style) -> None:
    """A table page in the canvas's look: its text as many times larger as the canvas's
    (Ctrl+Shift+= reaches the tables too), and high contrast when the projector look is on."""
    font = QFont(QApplication.font())
    base = font.pointSizeF() if font.pointSizeF() > 0 else 9.0
    font.setPointSizeF(base * style.text_scale)
    table.setFont(font)
    # Headings bold in the projector look, set as a font (not in the style sheet) so the
    # wrapping header measures the very words it paints.
    heading = QFont(font)
    heading.setBold(style.contrast)
    table.horizontalHeader().setFont(heading)
    table.verticalHeader().setFont(heading)
    table.setStyleSheet(CONTRAST_SHEET if style.contrast else "")


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
        if self.sectionSize(section) > 0:
            width = self.sectionSize(section)  # the height is for the words as painted, at this width
        else:
            longest_word = max((metrics.horizontalAdvance(w) for w in text.split()), default=0) + 16
            width = max(MIN_COLUMN, min(longest_word, MAX_COLUMN))
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
        self._rewrap_soon = QTimer(self)
        self._rewrap_soon.setSingleShot(True)
        self._rewrap_soon.setInterval(0)
        self._rewrap_soon.timeout.connect(self._rewrap)
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
        # Long element names take two lines: a narrow row header leaves the width to the
        # perspectives' columns ("E · Environmental constraints" was a third of a laptop's page).
        self.setVerticalHeaderLabels([textwrap.fill(f"{letter} · {title}", 18) for letter, title, _ in CATWOE])
        for row, (letter, _title, _field) in enumerate(CATWOE):
            values = [catwoe_value(rd, letter).strip() for rd, _ in columns]
            for column, value in enumerate(values):
                shared = bool(value) and values.count(value) > 1
                item = QTableWidgetItem(("= " if shared else "") + (value or "\u2014"))
                if not value:
                    item.setForeground(QColor("#666666"))  # readable grey: 5.7:1 on white
                if shared:
                    font = QFont(self.font())  # the table's size, which follows the text size
                    font.setBold(True)
                    item.setFont(font)
                    item.setToolTip("The same wording as another perspective's definition")
                self.setItem(row, column, item)
        self.fit()

    def fit(self) -> None:
        """Every perspective's column in view, sharing the page's width (a board compares
        them side by side), never narrower than MIN_MATRIX_COLUMN; rows grow to the
        wrapped words."""
        header = self.horizontalHeader()
        header.setMinimumSectionSize(MIN_MATRIX_COLUMN)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.verticalHeader().resizeSections(QHeaderView.ResizeMode.ResizeToContents)
        self._rewrap()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # After Qt has stretched the columns to the new width, not before: measured now,
        # the headings' height would be for the old, wider columns.
        self._rewrap_soon.start()

    def _rewrap(self) -> None:
        """Narrower columns wrap onto more lines: the rows and the heading row grow to them
        (the heading's height is cached by Qt until its titles are said to have changed)."""
        self.resizeRowsToContents()
        if self.columnCount():
            self.horizontalHeader().headerDataChanged(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

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

    def apply_style(self, style) -> None:
        style_table(self.table, style)
        if isinstance(self.table, CatwoeMatrix):
            self.table.fit()
        else:
            fit_columns(self.table)

    def close(self) -> None:
        self._on_close()
