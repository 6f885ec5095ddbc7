"""The chosen touchpoint's fields, each an undoable edit when it is left (journey_edits):
date, phase, service, channel, lanes, wait, what happened, how it felt, the pain point, whose
account it is, and the causal-loop variables it affects."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...edits import journey_edits as je
from ...model import CHANNELS, FEELING_WORDS, Journey, Project, Touchpoint
from ..session import DocumentSession
from .record_table import refill

ROLE = Qt.ItemDataRole.UserRole


class TouchpointForm(QWidget):
    def __init__(self, session: DocumentSession, overlay_variables: Callable[[], set[str]]) -> None:
        super().__init__()
        self.session = session
        self.overlay_variables = overlay_variables  # the variables selected on the overlay
        self.journey: Journey | None = None
        self.touchpoint: Touchpoint | None = None
        self._filling = False
        box = QVBoxLayout(self)
        form = QFormLayout()
        box.addLayout(form)
        self.dated = self._line(form, "&Date", "YYYY-MM-DD, or empty where only the phase is known", "dated")
        self.phase = self._combo(form, "P&hase", "phase")
        self.service = self._combo(form, "&Service", "service")
        self.channel = self._combo(form, "C&hannel", "channel")
        for key, words in CHANNELS.items():
            self.channel.addItem(words, key)
        self.lanes = QListWidget()
        self.lanes.setAccessibleName("Lanes: who was there")
        self.lanes.setMaximumHeight(80)
        self.lanes.itemChanged.connect(lambda _: self.commit("members"))
        form.addRow("&Who", self.lanes)
        self.wait = QSpinBox()
        self.wait.setRange(-1, 36_500)
        self.wait.setSpecialValueText("not recorded")
        self.wait.setSuffix(" days")
        self.wait.setAccessibleName("Wait in days")
        self.wait.editingFinished.connect(lambda: self.commit("wait_days"))
        form.addRow("&Wait", self.wait)
        self.happened = self._line(form, "What &happened", "", "happened")
        self.feeling = self._combo(form, "How it &felt", "feeling")
        for value in range(2, -3, -1):
            self.feeling.addItem(f"{value:+d} {FEELING_WORDS[value]}", value)
        self.pain = self._line(form, "&Pain point", "what hurt, if this was a pain point", "pain_point")
        self.told_by = self._combo(form, "&Told by", "told_by")
        self.effects = QListWidget()
        self.effects.setAccessibleName("Variables this touchpoint affects")
        self.effects.setMaximumHeight(90)
        form.addRow("Affects", self.effects)
        row = QHBoxLayout()
        for text, sign in (("Raises the overlay's selection (+)", "+"), ("Lowers it (−)", "-")):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(lambda _=False, sign=sign: self.link_overlay(sign))
            row.addWidget(button)
        unlink = QPushButton("Unlink")
        unlink.setAccessibleName("Unlink the chosen variable")
        unlink.clicked.connect(self.unlink)
        row.addWidget(unlink)
        box.addLayout(row)
        box.addStretch(1)
        self.setEnabled(False)

    def _line(self, form: QFormLayout, label: str, hint: str, key: str) -> QLineEdit:
        field = QLineEdit()
        field.setPlaceholderText(hint)
        field.setAccessibleName(label.replace("&", ""))
        field.editingFinished.connect(lambda: self.commit(key))
        form.addRow(label, field)
        return field

    def _combo(self, form: QFormLayout, label: str, key: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(label.replace("&", ""))
        combo.activated.connect(lambda _: self.commit(key))
        form.addRow(label, combo)
        return combo

    @property
    def project(self) -> Project:
        return self.session.document.project

    def show_touchpoint(self, journey: Journey | None, touchpoint: Touchpoint | None) -> None:
        self.journey, self.touchpoint = journey, touchpoint
        self.setEnabled(touchpoint is not None)
        if journey is None or touchpoint is None:
            return
        self._filling = True
        try:
            project = self.project
            refill(self.phase, [("(no phase)", "")] + [(p.name, p.id) for p in journey.phases])
            refill(self.service, [("(no service)", "")] + [(s.name, s.id) for s in project.services])
            refill(self.told_by, [("Shared record", "")] + [(p.name, p.id) for p in project.perspectives])
            self.dated.setText(touchpoint.dated)
            for combo, value in ((self.phase, touchpoint.phase or ""), (self.service, touchpoint.service or ""),
                                 (self.channel, touchpoint.channel), (self.feeling, touchpoint.feeling),
                                 (self.told_by, touchpoint.told_by or "")):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.lanes.clear()
            for member in journey.members:
                item = QListWidgetItem(member.pseudonym)
                item.setData(ROLE, member.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if member.id in touchpoint.members
                                   else Qt.CheckState.Unchecked)
                self.lanes.addItem(item)
            self.wait.setValue(-1 if touchpoint.wait_days is None else touchpoint.wait_days)
            self.happened.setText(touchpoint.happened)
            self.pain.setText(touchpoint.pain_point)
            names = {v.id: v.name for v in project.cld.variables}
            self.effects.clear()
            for effect in touchpoint.effects:
                item = QListWidgetItem(f"{'raises' if effect.sign == '+' else 'lowers'} {names.get(effect.variable, '?')}")
                item.setData(ROLE, effect.variable)
                self.effects.addItem(item)
        finally:
            self._filling = False

    def _value(self, key: str) -> object:
        if key in ("dated", "happened", "pain_point"):
            field = {"dated": self.dated, "happened": self.happened, "pain_point": self.pain}[key]
            return field.text().strip()
        if key == "members":
            return [self.lanes.item(i).data(ROLE) for i in range(self.lanes.count())
                    if self.lanes.item(i).checkState() == Qt.CheckState.Checked]
        if key == "wait_days":
            return None if self.wait.value() < 0 else self.wait.value()
        combo = {"phase": self.phase, "service": self.service, "channel": self.channel, "feeling": self.feeling,
                 "told_by": self.told_by}[key]
        value = combo.currentData()
        return None if value == "" else value

    def commit(self, key: str) -> None:
        if self._filling or self.journey is None or self.touchpoint is None:
            return
        value = self._value(key)
        if value == getattr(self.touchpoint, key):
            return
        if key == "members" and not value:
            self.session.refused.emit("A touchpoint sits in at least one lane: tick who was there.")
            self.show_touchpoint(self.journey, self.touchpoint)
            return
        journey, touchpoint = self.journey, self.touchpoint
        if not self.session.attempt(lambda: je.change_touchpoint(self.project, journey.id, touchpoint.id,
                                                                 {key: value})):
            self.show_touchpoint(journey, touchpoint)  # refused: what the touchpoint still holds

    def link_overlay(self, sign: str) -> None:
        chosen = self.overlay_variables()
        if self.journey is None or self.touchpoint is None or not chosen:
            self.session.refused.emit("Choose a touchpoint, and select the variables it affects on the overlay (F3).")
            return
        journey, touchpoint = self.journey, self.touchpoint
        self.session.attempt(lambda: je.set_effects(self.project, journey.id, touchpoint.id, sorted(chosen), sign))

    def unlink(self) -> None:
        item = self.effects.currentItem()
        if item is None or self.journey is None or self.touchpoint is None:
            self.session.refused.emit("Choose a variable in the list to unlink.")
            return
        journey, touchpoint = self.journey, self.touchpoint
        self.session.attempt(lambda: je.set_effect(self.project, journey.id, touchpoint.id, item.data(ROLE), None))

