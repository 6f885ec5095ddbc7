"""Side by side: two to four views, one perspective each, their pan and zoom linked."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ...render.cld_scene import CldScene
from ...render.layers import LayerState
from ...render.style import CanvasStyle
from ..canvas.view import CanvasView
from ..loop_feed import LoopFeed
from ..session import DocumentSession
from .base import Page, view_commands


class SideBySide(QWidget):
    def __init__(self, session: DocumentSession, layers: LayerState, style: CanvasStyle, parent=None) -> None:
        super().__init__(parent)
        self.session, self.layers, self.canvas_style = session, layers, style
        self.scenes: list[CldScene] = []
        self.views: list[CanvasView] = []
        self._syncing = False
        self._fitted = False  # as fit() left it: no pan or zoom since
        self._centres: list = []  # each view's centre, in its scene, when last in step
        self.grid = QGridLayout(self)
        self.setAccessibleName("Perspectives side by side")
        self.page: SideBySidePage | None = None

    def show_perspectives(self, perspective_ids: list[str]) -> None:
        self.clear()
        chosen = perspective_ids[:4]
        columns = 2 if len(chosen) > 2 else max(1, len(chosen))
        for index, pid in enumerate(chosen):
            perspective = self.session.document.project.perspective(pid)
            scene = CldScene(self.session.document, self.layers, self.canvas_style, perspectives={pid})
            LoopFeed(self.session.loops, scene)  # a child of the scene: it goes with it
            scene.setParent(self)
            view = CanvasView(scene, None)
            view.page = self.page
            view.setAccessibleName(f"Causal claims of {perspective.name}")
            title = QLabel(f"<b>{perspective.name}</b> — {perspective.stakeholder}")
            title.setStyleSheet(f"border-bottom: 4px solid {perspective.colour}; padding: 2px")
            cell = QWidget()
            box = QVBoxLayout(cell)
            box.setContentsMargins(2, 2, 2, 2)
            box.addWidget(title)
            box.addWidget(view)
            self.grid.addWidget(cell, index // columns, index % columns)
            self.scenes.append(scene)
            self.views.append(view)
            view.horizontalScrollBar().valueChanged.connect(lambda _, v=view: self._sync(v))
            view.verticalScrollBar().valueChanged.connect(lambda _, v=view: self._sync(v))
            view.zoomed.connect(lambda v=view: self._sync(v))
        self.fit()
        # Fitted again once the grid has given the views their sizes (before, each view still
        # had its first size, and a 1366×768 window cut every diagram at the views' edges).
        QTimer.singleShot(0, self.fit)

    def fit(self) -> None:
        """Each view shows its own perspective's diagram whole, all at one zoom (the largest
        at which every one fits), each centred on its own; pan and zoom stay linked."""
        if not self.views:
            return
        self._syncing = True
        try:
            scale = 1.5
            for view, scene in zip(self.views, self.scenes, strict=True):
                rect = scene.focus_rect().adjusted(-20, -20, 20, 20)
                room = view.viewport().rect()
                if rect.width() > 0 and rect.height() > 0 and room.width() > 1:
                    scale = min(scale, room.width() / rect.width(), room.height() / rect.height())
            for view, scene in zip(self.views, self.scenes, strict=True):
                view.resetTransform()
                view.scale(scale, scale)
                view.centerOn(scene.focus_rect().center())
            self._centres = [self._centre(v) for v in self.views]
            self._fitted = True
        finally:
            self._syncing = False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitted:  # still as fitted: keep it fitted to the new size
            QTimer.singleShot(0, self.fit)

    @staticmethod
    def _centre(view: CanvasView):
        return view.mapToScene(view.viewport().rect().center())

    def _sync(self, source: CanvasView) -> None:
        """Linked: the others take the source's zoom and move as far as it moved."""
        if self._syncing or source not in self.views:
            return
        self._syncing = True
        try:
            index = self.views.index(source)
            if len(self._centres) != len(self.views):
                self._centres = [self._centre(v) for v in self.views]
            delta = self._centre(source) - self._centres[index]
            zoomed = any(v.transform() != source.transform() for v in self.views)
            for i, view in enumerate(self.views):
                if view is not source:
                    view.setTransform(source.transform())
                    view.centerOn(self._centres[i] + delta)
            self._centres = [self._centre(v) for v in self.views]
            if zoomed or not delta.isNull():
                self._fitted = False
        finally:
            self._syncing = False

    def clear(self) -> None:
        for scene in self.scenes:
            scene.close()
            scene.deleteLater()
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.scenes, self.views, self._centres, self._fitted = [], [], [], False


class SideBySidePage(Page):
    """Read-only views of one perspective each: zoom and fit act on all of them at once."""

    key = "side-by-side"
    title = "Side by side"

    def __init__(self, session: DocumentSession, layers: LayerState, style: CanvasStyle) -> None:
        super().__init__(SideBySide(session, layers, style))
        self.side: SideBySide = self.widget
        self.side.page = self
        self.layers = layers
        self.commands = view_commands(lambda: self.side.views, self.side.fit)

    @property
    def view(self) -> CanvasView | None:
        return self.side.views[0] if self.side.views else None

    def activate(self) -> None:
        project = self.side.session.document.project
        self.side.show_perspectives([p.id for p in project.perspectives if self.layers.is_visible(p.id)])

    def deactivate(self) -> None:
        self.side.clear()

    def apply_style(self, style: CanvasStyle) -> None:
        self.side.canvas_style = style
        if self.side.views:
            self.activate()

    def close(self) -> None:
        self.side.clear()
