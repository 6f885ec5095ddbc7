"""The loops panel: the loops of the visible perspectives; choosing one highlights it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...analysis import LoopReport
from ...edits.causal_edits import name_loop
from ...render.cld_scene import CldScene
from ...render.layers import LayerState
from ..session import DocumentSession

KIND = {"R": "reinforcing", "B": "balancing", "?": "unknown"}


def gaps_note(report: LoopReport) -> str:
    """Why R2 may be listed with no R1: labels stay with their loops in every view."""
    missing = []
    for kind in ("R", "B", "?"):
        numbers = {int(lp.label[1:]) for lp in report.loops if lp.label[:1] == kind and lp.label[1:].isdigit()}
        missing += [f"{kind}{n}" for n in range(1, max(numbers, default=0)) if n not in numbers]
    if not missing:
        return "Each loop keeps its label in every view."
    shown = ", ".join(missing[:6]) + (" …" if len(missing) > 6 else "")
    return (f"No {shown}: those loops are not in this view (their perspectives are hidden, or an edit "
            "broke them). Each loop keeps its label, so last meeting's labels still hold.")


class LoopsPanel(QWidget):
    def __init__(self, scene: CldScene, session: DocumentSession, layers: LayerState | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.scene, self.session = scene, session
        # The list shows the loops of the perspectives on screen: hiding or soloing a
        # perspective clears the list at once, and the scene's new search refills it.
        if layers is not None:
            layers.changed.connect(self._layers_changed)
        self._layers = layers
        self.setAccessibleName("Feedback loops")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Feedback loops of the visible perspectives")
        self.list.setWordWrap(True)  # a narrow panel wraps loop paths instead of cutting them
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemDoubleClicked.connect(lambda _: self.rename())
        rename = QPushButton("Name loop…")
        rename.setAccessibleName("Name the chosen loop")
        rename.clicked.connect(self.rename)
        clear = QPushButton("Show all")
        clear.setAccessibleName("Stop highlighting a loop")
        clear.clicked.connect(lambda: self.list.setCurrentRow(-1))
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.list)
        layout.addWidget(rename)
        layout.addWidget(clear)
        scene.loops_changed.connect(self.show_report)
        scene.loop_highlighted.connect(self._follow_scene)
        if scene.report is not None:
            self.show_report(scene.report)

    def _layers_changed(self) -> None:
        if self.scene.visible_perspectives() != self.scene.searched_for:
            self.list.clear()
            self.status.setText("Finding the loops of the perspectives shown…")

    def show_report(self, report: LoopReport) -> None:
        project = self.session.document.project
        names = {v.id: v.name for v in project.cld.variables}
        perspectives = {p.id: p.name for p in project.perspectives}
        variants: dict[tuple, list] = {}
        for loop in report.loops:
            variants.setdefault(tuple(loop.variables), []).append(loop)
        self.list.blockSignals(True)
        self.list.clear()
        for loop in report.loops:
            title = f"{loop.label} {loop.name}".strip()
            path = " \u2192 ".join(names.get(v, "?") for v in loop.variables)
            holders = ", ".join(perspectives.get(p, "?") for p in loop.perspectives)
            held = f"held by {holders}" if holders else "no single perspective holds all of it"
            lines = [f"{title} ({KIND[loop.polarity]}{', delay' if loop.has_delay else ''})", f"   {path}",
                     f"   {held}"]
            twins = [other.label for other in variants[tuple(loop.variables)] if other is not loop]
            if twins:
                # The same circle of variables, read with another perspective's polarity.
                lines.append(f"   also listed as {', '.join(twins)}: perspectives disagree on a link's polarity")
            item = QListWidgetItem("\n".join(lines))
            item.setData(Qt.ItemDataRole.UserRole, loop.key)
            self.list.addItem(item)
            if loop.key == self.scene.highlighted:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        state = "all loops" if report.complete else "INCOMPLETE: " + " ".join(report.notes)
        shown = self.scene.visible_perspectives()
        scope = "" if shown == set(perspectives) else " of the perspectives shown"
        self.status.setText(f"{len(report.loops)} loops{scope} ({state}). {gaps_note(report)}")

    def close_document(self) -> None:
        """The document is closing: this list no longer speaks to its scene."""
        self.list.blockSignals(True)
        for signal, slot in ((self.scene.loops_changed, self.show_report),
                             (self.scene.loop_highlighted, self._follow_scene)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        if self._layers is not None:
            try:
                self._layers.changed.disconnect(self._layers_changed)
            except (RuntimeError, TypeError):
                pass

    def _chosen(self, current, previous) -> None:
        self.scene.highlight_loop(current.data(Qt.ItemDataRole.UserRole) if current else None)

    def _follow_scene(self, key) -> None:
        self.list.blockSignals(True)
        self.list.setCurrentRow(-1)
        for row in range(self.list.count()):
            if self.list.item(row).data(Qt.ItemDataRole.UserRole) == key:
                self.list.setCurrentRow(row)
        self.list.blockSignals(False)

    def rename(self, name: str | None = None) -> None:
        item = self.list.currentItem()
        if item is None or self.scene.report is None:
            return
        key = item.data(Qt.ItemDataRole.UserRole)
        loop = next(lp for lp in self.scene.report.loops if lp.key == key)
        if name is None:
            name, ok = QInputDialog.getText(self, "Name loop", f"A name for {loop.label}:", text=loop.name)
            if not ok:
                return
        self.session.attempt(lambda: name_loop(self.session.document.project, key, loop.label, name.strip()))
