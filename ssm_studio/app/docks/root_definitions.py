"""Root definitions (SSM stage 3): an editor per perspective and the CATWOE matrix.

Every field is committed as one undoable edit when the user leaves it; the sentence is
composed live from the parts (or the user's own wording), and T is checked in plain words.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...edits.stage_edits import (
    add_root_definition,
    change_measures,
    change_root_definition,
    remove_root_definition,
)
from ...model import RootDefinition
from ...model.sentences import compose_sentence, transformation_problems
from ..field_undo import share_undo
from ..session import DocumentSession
from .following import Following

# (field, label, guidance in plain words, multi-line)
FIELDS = [
    ("title", "Title", "A short name for this system, e.g. 'Off-flow into work'.", False),
    ("customers", "C · Customers", "Who gains or loses from it: beneficiaries and victims.", False),
    ("actors", "A · Actors", "Who would do the activities.", False),
    ("transformation_input", "T · Input", "What goes in, to be changed (e.g. 'people out of work').", False),
    ("transformation_output", "T · Output", "The same thing, changed (e.g. 'people in work').", False),
    ("worldview", "W · Worldview", "The belief that makes this transformation worth doing.", True),
    ("owners", "O · Owners", "Who could stop or change the system.", False),
    ("environment", "E · Environment", "What it takes as given: budgets, law, the labour market.", False),
    ("what", "P · Do what", "PQR: a system to do P …", False),
    ("how", "Q · By means of", "… by means of Q …", False),
    ("why", "R · In order to", "… in order to achieve R.", False),
]
MEASURES = [("efficacy", "Efficacy", "Does the transformation happen?"),
            ("efficiency", "Efficiency", "With the least resources?"),
            ("effectiveness", "Effectiveness", "Does it achieve the longer-term aim R?"),
            ("ethicality", "Ethicality", "Is it morally right?"),
            ("elegance", "Elegance", "Is it aesthetically pleasing, simple?")]


class RootDefinitionEditor(QScrollArea):
    def __init__(self, session: DocumentSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.rd_id: str | None = None
        self.setWidgetResizable(True)
        # The panel's width is the dock's: fields and sentence wrap to it, never sit behind a
        # horizontal scroll bar (a long heading line made the body wider than the dock).
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setAccessibleName("Root definition editor")
        body = QWidget()
        layout = QVBoxLayout(body)
        top = QHBoxLayout()
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Root definition")
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.add_primary = QPushButton("Add primary-task")
        self.add_issue = QPushButton("Add issue-based")
        self.remove_button = QPushButton("Remove")
        self.add_primary.clicked.connect(lambda: self.add("primary-task"))
        self.add_issue.clicked.connect(lambda: self.add("issue-based"))
        self.remove_button.clicked.connect(self.remove)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(12)
        buttons = QHBoxLayout()  # a second row: all four on one were wider than a laptop's dock
        top.addWidget(self.chooser, 1)
        top.addWidget(self.remove_button)
        for w in (self.add_primary, self.add_issue):
            buttons.addWidget(w)
        layout.addLayout(top)
        layout.addLayout(buttons)
        self.owner = QLabel()
        self.owner.setWordWrap(True)
        layout.addWidget(self.owner)
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.inputs: dict[str, QLineEdit | QPlainTextEdit] = {}
        for field, label, guidance, multi in FIELDS:
            widget = QPlainTextEdit() if multi else QLineEdit()
            widget.setAccessibleName(label)
            widget.setToolTip(guidance)
            if multi:
                widget.setMaximumHeight(70)
                widget.focusOutEvent = self._focus_out(widget, field)  # type: ignore[method-assign]
            else:
                widget.setPlaceholderText(guidance)
                widget.editingFinished.connect(lambda f=field: self._commit(f))
            self.inputs[field] = widget
            form.addRow(label, widget)
        self.t_hint = QLabel()
        self.t_hint.setWordWrap(True)
        self.t_hint.setStyleSheet("color: #8a4b00")
        form.addRow("", self.t_hint)
        self.measure_inputs: dict[str, QLineEdit] = {}
        for field, label, guidance in MEASURES:
            widget = QLineEdit()
            widget.setPlaceholderText(guidance)
            widget.setAccessibleName(label)
            widget.editingFinished.connect(lambda f=field: self._commit_measure(f))
            self.measure_inputs[field] = widget
            form.addRow(label, widget)
        layout.addLayout(form)
        heading = QLabel("<b>Root definition</b> (composed from the parts; write your own below to override)")
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.sentence = QLabel()
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.sentence.font()
        font.setItalic(True)
        self.sentence.setFont(font)
        layout.addWidget(self.sentence)
        self.own_words = QPlainTextEdit()
        self.own_words.setAccessibleName("Root definition in your own words")
        self.own_words.setPlaceholderText("Leave empty to use the composed sentence")
        self.own_words.setMaximumHeight(60)
        self.own_words.focusOutEvent = self._focus_out(self.own_words, "sentence")  # type: ignore[method-assign]
        layout.addWidget(self.own_words)
        layout.addStretch(1)
        self.setWidget(body)
        self.perspective: str | None = None
        share_undo(*self.inputs.values(), *self.measure_inputs.values(), self.own_words)
        self.following = Following(self, session.document,
                                   [("root_definitions",), ("perspectives",), ("conceptual_models",)],
                                   lambda: self.show_perspective(self.perspective, self.rd_id))

    def close_document(self) -> None:
        self.following.stop()

    # Which definition ------------------------------------------------------------------
    def show_perspective(self, perspective_id: str | None, rd_id: str | None = None) -> None:
        self.perspective = perspective_id
        project = self.session.document.project
        rds = [rd for rd in project.root_definitions if rd.perspective == perspective_id]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for rd in rds:
            self.chooser.addItem(f"{rd.title or 'Untitled'} ({rd.kind})", rd.id)
        self.chooser.blockSignals(False)
        wanted = rd_id if rd_id in [rd.id for rd in rds] else (self.rd_id if self.rd_id in [rd.id for rd in rds] else None)
        if wanted is None and rds:
            wanted = rds[0].id
        if wanted is not None:
            self.chooser.setCurrentIndex([rd.id for rd in rds].index(wanted))
        self.rd_id = wanted
        perspective = project.perspective(perspective_id) if perspective_id else None
        self.owner.setText(f"Perspective: <b>{perspective.name}</b>" if perspective else "Choose a perspective.")
        for button in (self.add_primary, self.add_issue):
            button.setEnabled(perspective is not None)
        self._fill()

    def _chosen(self, index: int) -> None:
        self.rd_id = self.chooser.itemData(index)
        self._fill()

    def current(self) -> RootDefinition | None:
        return next((rd for rd in self.session.document.project.root_definitions if rd.id == self.rd_id), None)

    def _fill(self) -> None:
        rd = self.current()
        for widget in list(self.inputs.values()) + list(self.measure_inputs.values()) + [self.own_words]:
            widget.setEnabled(rd is not None)
        self.remove_button.setEnabled(rd is not None)
        if rd is None:
            self.sentence.setText("")
            self.t_hint.setText("")
            return
        for field, widget in self.inputs.items():
            value = getattr(rd, field)
            if widget.hasFocus():
                continue
            (widget.setPlainText if isinstance(widget, QPlainTextEdit) else widget.setText)(value)
        for field, widget in self.measure_inputs.items():
            if not widget.hasFocus():
                widget.setText(getattr(rd.measures, field))
        if not self.own_words.hasFocus():
            self.own_words.setPlainText(rd.sentence or "")
        self.sentence.setText(compose_sentence(rd.model_copy(update={"sentence": None})) or "(fill in the parts above)")
        self.t_hint.setText(" ".join(transformation_problems(rd)))

    # Edits ----------------------------------------------------------------------------
    def _focus_out(self, widget: QPlainTextEdit, field: str):
        def handler(event) -> None:
            QPlainTextEdit.focusOutEvent(widget, event)
            self._commit(field)
        return handler

    def _commit(self, field: str) -> None:
        rd = self.current()
        if rd is None:
            return
        widget = self.own_words if field == "sentence" else self.inputs[field]
        text = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        value: str | None = text.strip() or None if field == "sentence" else text.strip()
        if getattr(rd, field) != value:
            if not self.session.push(change_root_definition(rd.id, **{field: value})):
                self.show_perspective(self.perspective, rd.id)  # show what is really kept

    def _commit_measure(self, field: str) -> None:
        rd = self.current()
        if rd is None:
            return
        value = self.measure_inputs[field].text().strip()
        if getattr(rd.measures, field) != value:
            if not self.session.push(change_measures(rd.id, **{field: value})):
                self.show_perspective(self.perspective, rd.id)

    def add(self, kind: str = "primary-task") -> str | None:
        if self.perspective is None:
            return None
        rd = RootDefinition(perspective=self.perspective, kind=kind, title="New root definition")
        if not self.session.push(add_root_definition(rd)):
            return None
        self.show_perspective(self.perspective, rd.id)
        return rd.id

    def remove(self) -> None:
        rd = self.current()
        if rd is None:
            return
        self.session.push(remove_root_definition(self.session.document.project, rd.id))
        self.rd_id = None
