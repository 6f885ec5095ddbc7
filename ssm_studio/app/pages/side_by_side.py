"""Side by side: two to four views, one perspective each, their pan and zoom linked."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
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
        self.session, self.layers, self.style = session, layers, style
        self.scenes: list[CldScene] = []
        self.views: list[CanvasView] = []
        self._syncing = False
        self.grid = QGridLayout(self)
        self.setAccessibleName("Perspectives side by side")
        self.page: SideBySidePage | None = None

    def show_perspectives(self, perspective_ids: list[str]) -> None:
        self.clear()
        chosen = perspective_ids[:4]
        columns = 2 if len(chosen) > 2 else max(1, len(chosen))
        for index, pid in enumerate(chosen):
            perspective = self.session.document.project.perspective(pid)
            scene = CldScene(self.session.document, self.layers, self.style, perspectives={pid})
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

    def fit(self) -> None:
        """Fit the widest diagram into the first view; the others follow its transform."""
        if self.views:
            rect = QRectF()
            for scene in self.scenes:
                rect = rect.united(scene.focus_rect())
            first = self.views[0]
            first.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
            if first.transform().m11() > 1.5:
                first.resetTransform()
                first.scale(1.5, 1.5)
            first.centerOn(rect.center())
            self._sync(first)

    def _sync(self, source: CanvasView) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            centre = source.mapToScene(source.viewport().rect().center())
            for view in self.views:
                if view is not source:
                    view.setTransform(source.transform())
                    view.centerOn(centre)
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
        self.scenes, self.views = [], []


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
        self.side.style = style
        if self.side.views:
            self.activate()

    def close(self) -> None:
        self.side.clear()
