"""Stage 5 (comparison with the real situation) and stages 6–7 (actions, accommodation) as
spreadsheet-like tables: arrows, Tab and typing move and edit as in a spreadsheet, and every
cell change is one undoable edit."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...analysis.accommodation import accommodation
from ...edits import Edit
from ...edits.stage_edits import (
    add_action,
    change_action,
    propose_change,
    remove_actions,
    set_comparison,
    set_stance,
)
from ...errors import SsmError
from ...model import Action
from ..session import DocumentSession
from .tables import fit_columns, make_readable

ROW_FIELDS = [("exists", "Exists?"), ("how", "How is it done?"), ("who", "By whom?"),
              ("judged", "How is it judged?"), ("comments", "Comments"), ("proposed_change", "Proposed change")]
ANSWERS = {"", "yes", "no", "partly", "unsure"}
VERDICTS = ("yes", "no", "unsure")
ROLE = Qt.ItemDataRole.UserRole
WATCHED = {("conceptual_models",), ("actions",), ("perspectives",), ("root_definitions",)}


class SpreadsheetTable(QTableWidget):
    """Typing on a cell replaces its content, as in a spreadsheet (Qt would append)."""

    def edit(self, index, trigger=None, event=None):
        if trigger is None:
            return super().edit(index)
        started = super().edit(index, trigger, event)
        if started and trigger == QAbstractItemView.EditTrigger.AnyKeyPressed and event is not None:
            editor = QApplication.focusWidget()
            if isinstance(editor, QLineEdit) and event.text():
                editor.setText(event.text())
        return started


class _Table(QWidget):
    def __init__(self, session: DocumentSession, name: str, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName(name)
        self.table = SpreadsheetTable()
        self.table.setAccessibleName(name)
        self.table.setWordWrap(True)
        self.table.itemChanged.connect(self._item_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._filling = False
        self.stale = False
        make_readable(self.table)
        self._unsubscribe = session.document.subscribe(self._on_events)

    def _on_events(self, events) -> None:
        # Only what the tables show; and while the page is hidden, only a note to refresh.
        if self._filling or not any(e.path[:1] in WATCHED for e in events):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event) -> None:
        if self.stale:
            self.stale = False
            self.refresh()
        super().showEvent(event)

    def close_document(self) -> None:
        self._unsubscribe()

    def push(self, edit: Edit | Callable[[], Edit], rebuild: bool = False) -> bool:
        """Push an edit made in a cell (or build it first: building may be refused). The
        cell already shows what was typed, and rebuilding the table under an open editor
        would lose the editor's commit; a refused edit puts the true values back."""
        self._filling = True
        try:
            done = self.session.push(edit) if isinstance(edit, Edit) else self.session.attempt(edit)
        finally:
            self._filling = False
        if not done:
            self.message.setText("Not changed: see the status bar.")
        if rebuild or not done:
            self.refresh()
        return done

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if not self._filling:
            self.cell_edited(item.row(), item.column(), item.text().strip())

    def cell_edited(self, row: int, column: int, text: str) -> None:
        """Each table says what a cell means."""


class ComparisonTable(_Table):
    """One row per activity of the chosen conceptual model; rows follow the model."""

    def __init__(self, session: DocumentSession, parent=None) -> None:
        super().__init__(session, "Stage 5 comparison table", parent)
        self.model_chooser = QComboBox()
        self.model_chooser.setAccessibleName("Conceptual model")
        self.model_chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.model_chooser.setMinimumContentsLength(16)
        self.model_chooser.currentIndexChanged.connect(lambda _: self.refresh())
        self.propose = QPushButton("Propose the chosen row as a change")
        self.propose.setAccessibleName("Propose the chosen row as a change")
        self.propose.clicked.connect(lambda: self.propose_change())
        top = QHBoxLayout()
        top.addWidget(self.model_chooser, 1)
        top.addWidget(self.propose)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.refresh()

    def propose_change(self, row: int | None = None) -> str | None:
        """Stage 5 → 6: the row's proposed change (or its activity) becomes an action."""
        cm = self.model()
        row = self.table.currentRow() if row is None else row
        if cm is None or row < 0:
            return None
        activity_id = self.table.item(row, 0).data(ROLE)
        try:
            edit, action_id = propose_change(self.session.document.project, cm.id, activity_id)
        except SsmError as error:
            self.message.setText(str(error))
            return None
        if not self.push(edit):
            return None
        title = next(a.title for a in self.session.document.project.actions if a.id == action_id)
        self.message.setText(f"Added to the actions: {title}")
        return action_id

    def model(self):
        wanted = self.model_chooser.currentData()
        return next((cm for cm in self.session.document.project.conceptual_models if cm.id == wanted), None)

    def refresh(self) -> None:
        project = self.session.document.project
        current = self.model_chooser.currentData()
        self.model_chooser.blockSignals(True)
        self.model_chooser.clear()
        rds = {rd.id: rd for rd in project.root_definitions}
        for cm in project.conceptual_models:
            rd = rds.get(cm.root_definition)
            owner = project.perspective(rd.perspective).name if rd else "?"
            self.model_chooser.addItem(f"{owner}: {cm.title or (rd.title if rd else '')}", cm.id)
        index = max(0, self.model_chooser.findData(current))
        self.model_chooser.setCurrentIndex(index)
        self.model_chooser.blockSignals(False)
        cm = self.model()
        self._filling = True
        self.table.clear()
        self.table.setColumnCount(1 + len(ROW_FIELDS))
        self.table.setHorizontalHeaderLabels(["Activity"] + [title for _, title in ROW_FIELDS])
        activities = cm.activities if cm else []
        self.table.setRowCount(len(activities))
        rows = {r.activity: r for r in cm.comparison} if cm else {}
        for r, activity in enumerate(activities):
            label = QTableWidgetItem(activity.label + (" (monitor and control)" if activity.monitor_control else ""))
            label.setFlags(label.flags() & ~Qt.ItemFlag.ItemIsEditable)
            label.setData(ROLE, activity.id)
            self.table.setItem(r, 0, label)
            row = rows.get(activity.id)
            for c, (field, _title) in enumerate(ROW_FIELDS, start=1):
                self.table.setItem(r, c, QTableWidgetItem(getattr(row, field) if row else ""))
        fit_columns(self.table)
        self._filling = False

    def cell_edited(self, row: int, column: int, text: str) -> None:
        cm = self.model()
        if cm is None or column == 0:
            return
        field = ROW_FIELDS[column - 1][0]
        if field == "exists" and text.lower() not in ANSWERS:
            self.message.setText("'Exists?' takes yes, no, partly or unsure.")
            self.refresh()
            return
        value = text.lower() if field == "exists" else text
        self.message.setText("")
        activity_id = self.table.item(row, 0).data(ROLE)
        existing = next((r for r in cm.comparison if r.activity == activity_id), None)
        if field == "exists" and value != text:
            self._filling = True
            self.table.item(row, column).setText(value)
            self._filling = False
        if existing is None or getattr(existing, field) != value:
            project = self.session.document.project
            self.push(lambda: set_comparison(project, cm.id, activity_id, **{field: value}))


class ActionsTable(_Table):
    """Proposed changes, and each perspective's view of whether they are desirable and feasible."""

    FIXED = ["Change", "Owner", "Timescale", "Accepted by"]

    def __init__(self, session: DocumentSession, parent=None) -> None:
        super().__init__(session, "Actions and accommodation", parent)
        self.by_accommodation = QCheckBox("Order by accommodation")
        self.by_accommodation.setToolTip("Changes most perspectives find desirable and feasible first")
        self.by_accommodation.toggled.connect(lambda _: self.refresh())
        note = QPushButton("Note…")
        note.setAccessibleName("Edit the note of the chosen perspective's stance")
        note.setToolTip("Why the chosen perspective sees the change this way")
        note.clicked.connect(lambda: self.edit_note())
        add = QPushButton("Add change…")
        add.setAccessibleName("Add a proposed change")
        add.clicked.connect(lambda: self.add_action())
        remove = QPushButton("Remove")
        remove.setAccessibleName("Remove the chosen change")
        remove.clicked.connect(self.remove_current)
        top = QHBoxLayout()
        for w in (add, remove, note, self.by_accommodation):
            top.addWidget(w)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        self.refresh()

    def ordered(self) -> list[Action]:
        project = self.session.document.project
        if self.by_accommodation.isChecked():
            return [s.action for s in accommodation(project)]
        return list(project.actions)

    def refresh(self) -> None:
        project = self.session.document.project
        perspectives = project.perspectives
        standing = {s.action.id: s for s in accommodation(project)}
        self._filling = True
        self.table.clear()
        headers = list(self.FIXED)
        for p in perspectives:
            headers += [f"{p.name}: desirable?", f"{p.name}: feasible?"]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        actions = self.ordered()
        self.table.setRowCount(len(actions))
        for r, action in enumerate(actions):
            s = standing[action.id]
            objectors = ", ".join(project.perspective(q).name for q in s.objecting)
            cells = [action.title, action.owner, action.timescale,
                     f"{s.score} of {len(perspectives)}" + (f"; objecting: {objectors}" if objectors else "")]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                item.setData(ROLE, action.id)
                self.table.setItem(r, c, item)
            by = {st.perspective: st for st in action.stances}
            for i, p in enumerate(perspectives):
                stance = by.get(p.id)
                for offset, field in ((4, "desirable"), (5, "feasible")):
                    item = QTableWidgetItem(getattr(stance, field) if stance else "")
                    if stance is not None and stance.note:
                        item.setToolTip(stance.note)
                        item.setText(item.text() + " \u270e")
                    self.table.setItem(r, offset + 2 * i, item)
        fit_columns(self.table)
        self._filling = False

    def cell_edited(self, row: int, column: int, text: str) -> None:
        project = self.session.document.project
        action_id = self.table.item(row, 0).data(ROLE)
        action = next(a for a in project.actions if a.id == action_id)
        if column < 3:
            field = ("title", "owner", "timescale")[column]
            value = text.lower() if field == "timescale" else text
            if field == "timescale" and value not in ("short", "medium", "long"):
                self.message.setText("Timescale is short, medium or long (term).")
                return self.refresh()
            if field == "title" and not value:
                return self.refresh()
            if getattr(action, field) != value:
                self.push(change_action(action.id, **{field: value}))
            return
        if column < 4:
            return
        verdict = text.lower().replace("\u270e", "").strip()
        if verdict not in VERDICTS:
            self.message.setText("Say yes, no or unsure.")
            return self.refresh()
        self.message.setText("")
        perspective = project.perspectives[(column - 4) // 2]
        field = "desirable" if (column - 4) % 2 == 0 else "feasible"
        stance = next((s for s in action.stances if s.perspective == perspective.id), None)
        if stance is None or getattr(stance, field) != verdict:
            self.push(lambda: set_stance(project, action.id, perspective.id, **{field: verdict}))
        self._show_standing(row, action.id)

    def _show_standing(self, row: int, action_id: str) -> None:
        project = self.session.document.project
        standing = next(s for s in accommodation(project) if s.action.id == action_id)
        objectors = ", ".join(project.perspective(q).name for q in standing.objecting)
        self._filling = True
        self.table.item(row, 3).setText(f"{standing.score} of {len(project.perspectives)}"
                                        + (f"; objecting: {objectors}" if objectors else ""))
        self._filling = False

    def edit_note(self, text: str | None = None) -> bool:
        """The note on the chosen perspective's stance (the current cell's column)."""
        item = self.table.currentItem()
        if item is None or item.column() < 4:
            self.message.setText("Choose a perspective's desirable or feasible cell first.")
            return False
        project = self.session.document.project
        action = next(a for a in project.actions if a.id == self.table.item(item.row(), 0).data(ROLE))
        perspective = project.perspectives[(item.column() - 4) // 2]
        stance = next((s for s in action.stances if s.perspective == perspective.id), None)
        if text is None:
            text, ok = QInputDialog.getText(self, "Note", f"Why does {perspective.name} see it so?",
                                            text=stance.note if stance else "")
            if not ok:
                return False
        if stance is None or stance.note != text:
            return self.push(lambda: set_stance(project, action.id, perspective.id, note=text), rebuild=True)
        return True

    def add_action(self, title: str | None = None) -> str | None:
        if title is None:
            title, ok = QInputDialog.getText(self, "Add change", "The proposed change:")
            if not ok or not title.strip():
                return None
        action = self.session.make(Action, title=title.strip())
        if action is None:
            self.message.setText("Not added: see the status bar.")
            return None
        return action.id if self.push(add_action(action), rebuild=True) else None

    def remove_current(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            action_id = self.table.item(item.row(), 0).data(ROLE)
            self.push(remove_actions({action_id}, self.session.document.project), rebuild=True)
