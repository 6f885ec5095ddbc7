"""Side by side: two to four views, one perspective each, their pan and zoom linked."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from ..render.cld_scene import CldScene
from ..render.layers import LayerState
from ..render.style import CanvasStyle
from .cld_view import CldView
from .session import DocumentSession


class SideBySide(QWidget):
    def __init__(self, session: DocumentSession, layers: LayerState, style: CanvasStyle, parent=None) -> None:
        super().__init__(parent)
        self.session, self.layers, self.style = session, layers, style
        self.scenes: list[CldScene] = []
        self.views: list[CldView] = []
        self._syncing = False
        self.grid = QGridLayout(self)
        self.setAccessibleName("Perspectives side by side")

    def show_perspectives(self, perspective_ids: list[str]) -> None:
        self.clear()
        chosen = perspective_ids[:4]
        columns = 2 if len(chosen) > 2 else max(1, len(chosen))
        for index, pid in enumerate(chosen):
            perspective = self.session.document.project.perspective(pid)
            scene = CldScene(self.session.document, self.layers, self.style, perspectives={pid},
                             tracker=self.session.loops, asynchronous=True)
            scene.setParent(self)
            view = CldView(scene, None)
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

    def _sync(self, source: CldView) -> None:
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
