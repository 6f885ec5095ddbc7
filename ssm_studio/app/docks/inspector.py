"""The inspector: the chosen variable or causal claim, editable field by field (each an edit)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...edits.causal_edits import change_variable, rename_variable, set_link_fields
from ...model import KIND_WORDS
from ...render.cld_items import LinkItem, VariableItem
from ..field_undo import share_undo
from ..session import DocumentSession
from .following import Following

POLARITIES = [("+  same direction", "+"), ("\u2212  opposite direction", "-"), ("?  unknown / disputed", "?")]


class Inspector(QWidget):
    def __init__(self, session: DocumentSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self.setAccessibleName("Inspector")
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # keep the fields at the top of a tall dock
        self.heading = QLabel("Nothing selected")
        self.form.addRow(self.heading)
        self.name = QLineEdit()
        self.name.setAccessibleName("Name")
        self.name.editingFinished.connect(self._name_done)
        self.polarity = QComboBox()
        self.polarity.setAccessibleName("Polarity")
        for text, value in POLARITIES:
            self.polarity.addItem(text, value)
        self.polarity.activated.connect(self._polarity_chosen)
        self.delay = QCheckBox("Significant delay")
        self.delay.clicked.connect(self._delay_toggled)
        self.pinned = QCheckBox("Pinned: Tidy Layout leaves it where it is")
        self.pinned.setAccessibleName("Pinned")
        self.pinned.clicked.connect(self._pinned_toggled)
        # Stock or flow: what stock-and-flow tools (Vensim, Stella) get back on export.
        self.variable_kind = QComboBox()
        self.variable_kind.setAccessibleName("Kind of variable")
        for value, word in KIND_WORDS.items():
            self.variable_kind.addItem(word, value)
        self.variable_kind.activated.connect(self._variable_kind_chosen)
        self.perspective = QLabel()
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note on the evidence")
        self.note.setPlaceholderText("Evidence, source, who said it…")
        self.note.setMaximumHeight(120)
        self.note.focusOutEvent = self._note_done  # type: ignore[method-assign]
        for label, widget in (("Name", self.name), ("Kind", self.variable_kind), ("", self.pinned),
                              ("Polarity", self.polarity), ("", self.delay),
                              ("Claimed by", self.perspective), ("Note", self.note)):
            self.form.addRow(label, widget)
        share_undo(self.name, self.note)
        self.kind: str | None = None
        self.target: str | None = None
        self._items: list = []
        # Follows what it shows: a rename on the canvas or an undo updates the fields, so
        # pressing Enter here never writes a stale name back.
        self.following = Following(self, session.document, [("cld",), ("perspectives",)], self._refresh,
                                   about=self._shows)
        self.show_nothing()

    def _shows(self, event) -> bool:
        """An event about what is shown: the object itself, or a name or perspective its
        heading mentions (a link's ends and owner)."""
        return self.target is not None and (event.id == self.target or event.kind == "removed"
                                            or self.kind == "link" and event.kind == "changed")

    def _refresh(self) -> None:
        try:
            self.show_items(self._items)
        except RuntimeError:  # an item was deleted with its scene
            self.show_nothing()

    def close_document(self) -> None:
        self.following.stop()

    @staticmethod
    def _set_text(widget, text: str) -> None:
        current = widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()
        if current != text:  # leave the cursor alone when nothing changed
            (widget.setPlainText if isinstance(widget, QPlainTextEdit) else widget.setText)(text)

    def _rows(self, visible: set[str]) -> None:
        for widget, key in ((self.name, "name"), (self.variable_kind, "kind"), (self.pinned, "pinned"), (self.polarity, "polarity"),
                            (self.delay, "delay"),
                            (self.perspective, "perspective"), (self.note, "note")):
            self.form.setRowVisible(widget, key in visible)

    def show_nothing(self) -> None:
        self.kind = self.target = None
        self.heading.setText("Select a variable or a link to see and edit it.")
        self._rows(set())

    def show_items(self, items) -> None:
        self._items = list(items)
        project = self.session.document.project
        if len(items) != 1:
            if items:
                self.heading.setText(f"{len(items)} items selected")
                self._rows(set())
                self.kind = self.target = None
            else:
                self.show_nothing()
            return
        item = items[0]
        if isinstance(item, VariableItem):
            variable = next((v for v in project.cld.variables if v.id == item.variable_id), None)
            if variable is None:  # being removed
                return self.show_nothing()
            self.kind, self.target = "variable", variable.id
            self.heading.setText("<b>Variable</b> (shared by every perspective)")
            self._set_text(self.name, variable.name)
            self._set_text(self.note, variable.note)
            self.pinned.setChecked(variable.pinned)
            self.variable_kind.setCurrentIndex(list(KIND_WORDS).index(variable.kind))
            self._rows({"name", "kind", "pinned", "note"})
        elif isinstance(item, LinkItem):
            link = next((lk for lk in project.cld.links if lk.id == item.link_id), None)
            if link is None:
                return self.show_nothing()
            names = {v.id: v.name for v in project.cld.variables}
            self.kind, self.target = "link", link.id
            self.heading.setText(f"<b>Causal claim</b><br>{names[link.source]} \u2192 {names[link.target]}")
            self.polarity.setCurrentIndex([v for _, v in POLARITIES].index(link.polarity))
            self.delay.setChecked(link.delay)
            perspective = project.perspective(link.perspective)
            self.perspective.setText(perspective.name if perspective else "")
            self._set_text(self.note, link.note)
            self._rows({"polarity", "delay", "perspective", "note"})

    def _name_done(self) -> None:
        if self.kind == "variable" and self.target is not None:
            name = self.name.text().strip()
            current = next(v.name for v in self.session.document.project.cld.variables if v.id == self.target)
            if name and name != current and not self.session.push(rename_variable(self.target, name)):
                self.name.setText(current)  # refused: show the name that is kept

    def _polarity_chosen(self, index: int) -> None:
        if self.kind == "link" and self.target is not None:
            self.session.push(set_link_fields(self.target, polarity=self.polarity.itemData(index)))

    def _pinned_toggled(self, checked: bool) -> None:
        if self.kind == "variable" and self.target is not None:
            self.session.push(change_variable(self.target, pinned=checked))

    def _variable_kind_chosen(self, index: int) -> None:
        kind = self.variable_kind.itemData(index)
        if self.kind == "variable" and self.target is not None:
            current = next(v.kind for v in self.session.document.project.cld.variables if v.id == self.target)
            if kind != current:
                self.session.push(change_variable(self.target, kind=kind))

    def _delay_toggled(self, checked: bool) -> None:
        if self.kind == "link" and self.target is not None:
            self.session.push(set_link_fields(self.target, delay=checked))

    def _note_done(self, event) -> None:
        QPlainTextEdit.focusOutEvent(self.note, event)
        text = self.note.toPlainText()
        project = self.session.document.project
        if self.kind == "variable" and self.target is not None:
            if next(v.note for v in project.cld.variables if v.id == self.target) != text:
                self.session.push(change_variable(self.target, note=text))
        elif self.kind == "link" and self.target is not None:
            if next(lk.note for lk in project.cld.links if lk.id == self.target) != text:
                self.session.push(set_link_fields(self.target, note=text))
