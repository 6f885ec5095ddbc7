"""The perspectives panel: common ground and every perspective as layers.

Visibility, solo, colour, opacity, order, add, rename and remove, and which perspective is
active (receives new claims). Listed in the user's order; none is default or on top by rule.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QColorDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QSlider,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...edits.perspective_edits import (
    add_perspective,
    change_perspective,
    remove_perspective,
    reorder_perspective,
)
from ...model import COMMON_GROUND_NAME, Perspective, style_for_index
from ...model.perspective import DASHES
from ...render.layers import COMMON, LayerState
from ..icons import icon
from ..session import DocumentSession
from .following import Following

ROLE_ID = Qt.ItemDataRole.UserRole


def swatch(colour: str, dash: str, size: int = 28) -> QIcon:
    """A sample of the line users will see: colour and dash pattern together."""
    pixmap = QPixmap(size, 14)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    from ...render.style import perspective_pen

    pen = perspective_pen(colour, dash, 3)
    painter.setPen(pen)
    painter.drawLine(1, 7, size - 1, 7)
    painter.end()
    return QIcon(pixmap)


class PerspectivesPanel(QWidget):
    active_changed = Signal(object)

    def __init__(self, session: DocumentSession, layers: LayerState, parent=None) -> None:
        super().__init__(parent)
        self.session, self.layers = session, layers
        self.setAccessibleName("Perspectives")
        self.list = QListWidget()
        self.list.setAccessibleName("Perspectives and common ground")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemChanged.connect(self._visibility_toggled)
        self.list.itemDoubleClicked.connect(lambda item: self.make_active(item.data(ROLE_ID)))
        self.list.currentItemChanged.connect(self._show_opacity)
        # One row of icon buttons (names in tooltips), so the panel stays narrow.
        buttons = QHBoxLayout()
        buttons.setSpacing(1)
        self.add_button = self._tool("add_perspective", "Add a perspective (Ctrl+Shift+P)", self.add)
        self.rename_button = self._tool("rename_perspective", "Rename the chosen perspective", self.rename)
        self.remove_button = self._tool("remove_perspective", "Remove the chosen perspective", self.remove)
        self.active_button = self._tool("set_active", "Make active: new claims and annotations go to it "
                                                      "(or double-click)", self.activate_current)
        self.solo_button = self._tool("solo", "Solo: show only this perspective and common ground (Ctrl+Alt+S)",
                                      self.toggle_solo)
        self.solo_button.setCheckable(True)
        self.colour_button = self._tool("colour", "Change colour", self.recolour)
        up = self._tool("move_up", "Move up", lambda: self.move(-1))
        down = self._tool("move_down", "Move down", lambda: self.move(1))
        for w in (self.add_button, self.rename_button, self.remove_button, self.active_button, self.solo_button,
                  self.colour_button, up, down):
            buttons.addWidget(w)
        buttons.addStretch(1)
        tools = QHBoxLayout()
        self.opacity = QSlider(Qt.Orientation.Horizontal)
        self.opacity.setRange(5, 100)
        self.opacity.setAccessibleName("Opacity of the chosen layer")
        self.opacity.valueChanged.connect(self._opacity_moved)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addLayout(buttons)
        layout.addLayout(tools)
        row = QHBoxLayout()
        row.addWidget(QLabel("Opacity"))
        row.addWidget(self.opacity)
        layout.addLayout(row)
        self.following = Following(self, session.document, [("perspectives",)], self._perspectives_changed)
        layers.changed.connect(self.refresh)
        layers.active_changed.connect(lambda _: self.refresh())
        self.refresh()

    def _tool(self, key: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon(key))
        button.setAutoRaise(True)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(":")[0].split(" (")[0])
        button.clicked.connect(slot)
        return button

    @property
    def project(self):
        return self.session.document.project

    def _perspectives_changed(self) -> None:
        if self.layers.active and self.project.perspective(self.layers.active) is None:
            self.layers.set_active(None)
        self.refresh()

    def close_document(self) -> None:
        self.following.stop()

    def refresh(self) -> None:
        current = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        rows = [(COMMON, COMMON_GROUND_NAME, None)] + [(p.id, p.name, p) for p in self.project.perspectives]
        for key, name, perspective in rows:
            active = perspective is not None and perspective.id == self.layers.active
            item = QListWidgetItem(("\u25cf " if active else "") + name)
            item.setData(ROLE_ID, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if self.layers.is_visible(key) else Qt.CheckState.Unchecked)
            if perspective is not None:
                item.setIcon(swatch(perspective.colour, perspective.dash))
                # The whole name first: a narrow panel cuts it with "…".
                item.setToolTip("\n".join(t for t in (name, perspective.stakeholder, perspective.worldview) if t))
            font = item.font()
            font.setBold(active)
            item.setFont(font)
            self.list.addItem(item)
            if key == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        self.solo_button.setChecked(self.layers.solo is not None)
        self._show_opacity()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(ROLE_ID) if item else None

    def select(self, key: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ROLE_ID) == key:
                self.list.setCurrentRow(row)

    def _perspective_id(self) -> str | None:
        key = self.current_id()
        return key if key and key != COMMON else None

    def _visibility_toggled(self, item: QListWidgetItem) -> None:
        self.layers.set_visible(item.data(ROLE_ID), item.checkState() == Qt.CheckState.Checked)

    def _show_opacity(self, *args) -> None:
        key = self.current_id()
        self.opacity.blockSignals(True)
        self.opacity.setValue(int(self.layers.opacity(key) * 100) if key else 100)
        self.opacity.blockSignals(False)

    def _opacity_moved(self, value: int) -> None:
        key = self.current_id()
        if key:
            self.layers.set_opacity(key, value / 100)

    # Commands ------------------------------------------------------------------------------
    def make_active(self, key: str | None) -> None:
        if key and key != COMMON:
            self.layers.set_active(key)
            self.active_changed.emit(key)

    def activate_current(self) -> None:
        self.make_active(self._perspective_id())

    def toggle_solo(self) -> None:
        key = self.current_id()
        self.layers.set_solo(None if self.layers.solo is not None or not key else key)

    def add(self, name: str | None = None) -> str | None:
        if not name:
            name, ok = QInputDialog.getText(self, "Add perspective", "Whose view is it? (e.g. 'Jobcentre Plus advisers')")
            if not ok or not name.strip():
                return None
        colour, dash = style_for_index(len(self.project.perspectives))
        perspective = self.session.make(Perspective, name=name.strip(), colour=colour, dash=dash)
        if perspective is None or not self.session.push(add_perspective(perspective)):
            return None
        self.make_active(perspective.id)
        return perspective.id

    def rename(self) -> None:
        pid = self._perspective_id()
        perspective = self.project.perspective(pid) if pid else None
        if perspective is None:
            return
        name, ok = QInputDialog.getText(self, "Rename perspective", "Name:", text=perspective.name)
        if ok and name.strip() and name.strip() != perspective.name:
            self.session.push(change_perspective(pid, name=name.strip()))

    def recolour(self) -> None:
        pid = self._perspective_id()
        perspective = self.project.perspective(pid) if pid else None
        if perspective is None:
            return
        colour = QColorDialog.getColor(QColor(perspective.colour), self, "Perspective colour")
        if colour.isValid():
            dashes = list(DASHES)
            self.session.push(change_perspective(pid, colour=colour.name().upper(), dash=perspective.dash
                                                 if perspective.dash in dashes else "solid"))

    def move(self, step: int) -> None:
        pid = self._perspective_id()
        ids = [p.id for p in self.project.perspectives]
        if pid in ids and 0 <= ids.index(pid) + step < len(ids):
            self.session.push(reorder_perspective(pid, ids.index(pid) + step))
            self.select(pid)

    def remove(self, choice: str | None = None) -> None:
        pid = self._perspective_id()
        perspective = self.project.perspective(pid) if pid else None
        if perspective is None:
            return
        others = [p for p in self.project.perspectives if p.id != pid]
        if choice is None:
            box = QMessageBox(QMessageBox.Icon.Question, "Remove perspective",
                              f"Remove '{perspective.name}'? What should happen to its causal claims, "
                              "root definitions and layer drawings?", parent=self)
            delete = box.addButton("Delete them", QMessageBox.ButtonRole.DestructiveRole)
            move = box.addButton(f"Move them to '{others[0].name}'" if others else "Move them",
                                 QMessageBox.ButtonRole.AcceptRole)
            move.setEnabled(bool(others))
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            clicked = box.clickedButton()
            choice = "delete" if clicked is delete else "move" if clicked is move else None
        if choice is None:
            return
        target = others[0].id if choice == "move" and others else None
        self.session.push(remove_perspective(self.project, pid, choice, target))
