"""The Storyline panel: a storyline's steps, made from what the window shows, reordered by
dragging, captioned, annotated, deleted, and played from any step. Every change is an edit
on the one undo stack."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...edits.storyline_edits import (
    add_step,
    add_storyline,
    change_step,
    move_step,
    remove_step,
    remove_storyline,
)
from ...model import PAGE_WORDS, Area, StoryStep
from ...model.storyline import StepPage
from ..field_undo import share_undo
from .following import Following

ROLE_ID = Qt.ItemDataRole.UserRole
STEP_PAGES: dict[str, StepPage] = {"rich_picture": "rich_picture", "overlay": "overlay", "side_by_side": "side_by_side",
                                   "conceptual_model": "conceptual_model", "catwoe": "catwoe",
                                   "comparison": "comparison", "actions": "actions"}


class StorylinePanel(QWidget):
    def __init__(self, window, session) -> None:
        super().__init__()
        self.main, self.session = window, session  # the main window
        self.setAccessibleName("Storyline")
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Storyline")
        self.chooser.activated.connect(lambda _i: self.refresh())
        generate = QPushButton("New from model")
        generate.setToolTip("A storyline made from the model: the situation, each perspective, the loops, "
                            "the conflicts and the actions")
        generate.clicked.connect(self.generate)
        top.addWidget(self.chooser, 1)
        top.addWidget(generate)
        outer.addLayout(top)
        self.steps = QListWidget()
        self.steps.setAccessibleName("Steps")
        self.steps.setTextElideMode(Qt.TextElideMode.ElideRight)  # the whole caption is in the tooltip
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.steps.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)  # reorder by dragging
        self.steps.model().rowsMoved.connect(self._dragged)
        self.steps.currentRowChanged.connect(self._show_fields)
        self.steps.itemDoubleClicked.connect(lambda _item: self.play())
        outer.addWidget(self.steps, 1)
        buttons = QHBoxLayout()
        for text, slot, tip in (("Add view", self.add_current_view, "Add what the window shows now as a step"),
                                ("Delete", self.delete_step, "Delete the chosen step"),
                                ("Play from here", self.play, "Present from the chosen step (F5 from the start)")):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        outer.addLayout(buttons)
        self.caption = QLineEdit()
        self.caption.setAccessibleName("Caption")
        self.caption.setPlaceholderText("Caption the room reads")
        self.caption.editingFinished.connect(lambda: self._field_done("caption", self.caption.text()))
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Speaker notes")
        self.notes.setPlaceholderText("Speaker notes (on the presenter view only)")
        self.notes.setMaximumHeight(110)
        self.notes.focusOutEvent = self._notes_done  # type: ignore[method-assign]
        self.where = QLabel()
        self.where.setWordWrap(True)
        for widget in (self.where, self.caption, self.notes):
            outer.addWidget(widget)
        share_undo(self.caption, self.notes)
        self.following = Following(self, session.document, [("storylines",), ("perspectives",)], self.refresh)
        self.refresh()

    # What is shown ------------------------------------------------------------------------
    def storyline(self):
        storyline_id = self.chooser.currentData()
        storylines = self.session.document.project.storylines
        return next((s for s in storylines if s.id == storyline_id), storylines[0] if storylines else None)

    def current_step(self):
        storyline, item = self.storyline(), self.steps.currentItem()
        if storyline is None or item is None:
            return None
        return next((s for s in storyline.steps if s.id == item.data(ROLE_ID)), None)

    def refresh(self) -> None:
        project = self.session.document.project
        chosen = self.storyline()
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for storyline in project.storylines:
            self.chooser.addItem(f"{storyline.name} ({len(storyline.steps)})", storyline.id)
        if chosen is not None:
            self.chooser.setCurrentIndex(max(0, self.chooser.findData(chosen.id)))
        self.chooser.blockSignals(False)
        storyline = self.storyline()
        row = self.steps.currentRow()
        self.steps.blockSignals(True)
        self.steps.clear()
        names = {p.id: p.name for p in project.perspectives}
        for number, step in enumerate(storyline.steps if storyline else [], 1):
            shown = ", ".join(names.get(p, "(deleted)") for p in step.shown) or "everyone"
            item = QListWidgetItem(f"{number}. {step.caption or PAGE_WORDS[step.page]}")
            item.setToolTip(f"{step.caption}\n{PAGE_WORDS[step.page]} · {shown}" + (" · a loop picked" if step.loop else ""))
            item.setData(ROLE_ID, step.id)
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        if self.steps.count():
            self.steps.setCurrentRow(min(max(row, 0), self.steps.count() - 1))
        self._show_fields()

    def _show_fields(self, _row: int = -1) -> None:
        step = self.current_step()
        for widget in (self.caption, self.notes):
            widget.setEnabled(step is not None)
        if step is None:
            self.where.setText("No steps yet: “New from model”, or “Add view” to add what the window shows.")
            self.caption.setText("")
            self.notes.setPlainText("")
            return
        self.where.setText(PAGE_WORDS[step.page])
        if self.caption.text() != step.caption:
            self.caption.setText(step.caption)
        if self.notes.toPlainText() != step.notes:
            self.notes.setPlainText(step.notes)

    # Changes ------------------------------------------------------------------------------
    def generate(self) -> None:
        from ...analysis.storyline import generate_storyline

        storyline = generate_storyline(self.session.document.project)
        if self.session.push(add_storyline(storyline)):
            self.chooser.setCurrentIndex(self.chooser.findData(storyline.id))
            self.refresh()

    def add_current_view(self) -> None:
        """The page, the perspectives shown, the loop picked, the model and the area in view."""
        window, project = self.main, self.session.document.project
        storyline = self.storyline()
        if storyline is None:
            from ...model import Storyline

            storyline = Storyline(name="My storyline")
            if not self.session.push(add_storyline(storyline)):
                return
        page: StepPage = STEP_PAGES.get(window.page_key, "overlay")
        shown = [p.id for p in project.perspectives if window.layers.is_visible(p.id)]
        step = StoryStep(page=page, shown=[] if len(shown) == len(project.perspectives) else shown,
                         loop=(window.scene.highlighted or "") if page in ("overlay", "side_by_side") else "",
                         conceptual_model=window.models.current if page == "conceptual_model" else None,
                         area=self._area(), caption=PAGE_WORDS[page])
        index = self.steps.currentRow() + 1 if self.steps.currentRow() >= 0 else None
        if self.session.push(add_step(storyline.id, step, index)):
            self.refresh()
            self.steps.setCurrentRow(len(storyline.steps) - 1 if index is None else index)

    def _area(self) -> Area | None:
        view = self.main.page.view
        if view is None or self.main.page_key not in ("overlay", "rich_picture", "conceptual_model"):
            return None
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        return Area(x=shown.x(), y=shown.y(), width=max(shown.width(), 1.0), height=max(shown.height(), 1.0))

    def delete_step(self) -> None:
        storyline, step = self.storyline(), self.current_step()
        if storyline is None:
            return
        if step is None and not storyline.steps:
            self.session.push(remove_storyline(storyline.id))  # an empty storyline: the storyline goes
        elif step is not None:
            self.session.push(remove_step(storyline.id, step.id))

    def _dragged(self, _parent, start: int, _end: int, _destination, row: int) -> None:
        storyline = self.storyline()
        if storyline is None or not 0 <= start < len(storyline.steps):
            return
        moved = storyline.steps[start]
        index = row - 1 if row > start else row  # Qt counts the destination before the move
        if index != start:
            self.session.push(move_step(storyline.id, moved.id, index))
        self.refresh()

    def _field_done(self, field: str, text: str) -> None:
        storyline, step = self.storyline(), self.current_step()
        if storyline is not None and step is not None and getattr(step, field) != text:
            self.session.push(change_step(storyline.id, step.id, **{field: text}))

    def _notes_done(self, event) -> None:
        QPlainTextEdit.focusOutEvent(self.notes, event)
        self._field_done("notes", self.notes.toPlainText())

    def play(self) -> None:
        from ..presenting import toggle_presentation

        storyline = self.storyline()
        if self.main.presentation is not None:
            self.main.presentation.stop()
        toggle_presentation(self.main, storyline.id if storyline else None, max(0, self.steps.currentRow()))

    def close_document(self) -> None:
        self.following.stop()
