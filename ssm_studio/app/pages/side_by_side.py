"""Side by side: two to four views, one perspective each, their pan and zoom linked.

On a laptop four views of the whole map cannot be read (a 1366×768 window left labels a
few pixels high), so by default each view shows only its perspective's own variables,
laid out afresh for that view (``layout.own_picture``) and fitted at its own zoom. Turned
off, every view keeps the overlay's places at one zoom, so positions can be compared.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...layout.diagram_layout import own_picture
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
        self._scales: list[float] = []  # each view's zoom when last in step
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.own_places = QCheckBox("Lay out each perspective on its own")
        self.own_places.setChecked(True)
        self.own_places.setToolTip(
            "On: each view shows only its perspective's variables, laid out to be read at this size.\n"
            "Off: every view keeps the overlay's places, so where things sit can be compared.")
        self.own_places.toggled.connect(self._places_toggled)
        bar.addWidget(self.own_places)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.grid = QGridLayout()
        outer.addLayout(self.grid, 1)
        self.shown_perspectives: list[str] = []
        self._unsubscribe: Callable[[], None] | None = None
        # Claims added or removed while the page is shown: the own layouts are made again
        # once the edits settle, not on every event of a drag.
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(200)
        self._relayout.timeout.connect(self._lay_out_again)
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_again)
        self._settling = False
        self.setAccessibleName("Perspectives side by side")
        self.page: SideBySidePage | None = None

    def _places_for(self, pid: str, columns: int, rows: int) -> dict[str, tuple[float, float]] | None:
        if not self.own_places.isChecked():
            return None
        room = self.size()
        aspect = (room.width() / columns) / max(1.0, room.height() / rows - 30) if room.height() > 60 else 1.5
        return own_picture(self.session.document.project, pid, aspect).positions

    def _places_toggled(self) -> None:
        if self.shown_perspectives:
            self.show_perspectives(self.shown_perspectives)

    def _on_events(self, events) -> None:
        if self.own_places.isChecked() and any(
                e.path[:2] == ("cld", "links") or (e.path == ("cld", "variables") and e.kind != "changed")
                for e in events):
            self._relayout.start()

    def _lay_out_again(self) -> None:
        if not self.scenes:
            return
        rows = (len(self.scenes) + 1) // 2 if len(self.scenes) > 2 else 1
        columns = 2 if len(self.scenes) > 2 else len(self.scenes)
        for pid, scene in zip(self.shown_perspectives, self.scenes, strict=True):
            scene.set_places(self._places_for(pid, columns, rows))
        if self._fitted:
            self.fit()

    def show_perspectives(self, perspective_ids: list[str]) -> None:
        self.clear()
        chosen = [pid for pid in perspective_ids if self.session.document.project.perspective(pid)][:4]
        self.shown_perspectives = chosen
        self._unsubscribe = self.session.document.subscribe(self._on_events)
        columns = 2 if len(chosen) > 2 else max(1, len(chosen))
        rows = (len(chosen) + columns - 1) // columns
        for index, pid in enumerate(chosen):
            perspective = self.session.document.project.perspective(pid)
            assert perspective is not None
            scene = CldScene(self.session.document, self.layers, self.canvas_style, perspectives={pid},
                             places=self._places_for(pid, columns, rows))
            LoopFeed(self.session.loops, scene)  # a child of the scene: it goes with it
            scene.setParent(self)
            view = CanvasView(scene, None)
            # Every pixel of a quarter of a laptop's screen for the diagram: these views are
            # read-only, so dragging pans them (the others follow), as does the middle button.
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setDragMode(CanvasView.DragMode.ScrollHandDrag)
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
            view.installEventFilter(self)
            view.horizontalScrollBar().valueChanged.connect(lambda _, v=view: self._sync(v))
            view.verticalScrollBar().valueChanged.connect(lambda _, v=view: self._sync(v))
            view.zoomed.connect(lambda v=view: self._sync(v))
        self.fit()  # and again as the grid gives the views their sizes (eventFilter)

    def fit(self) -> None:
        """Each view shows its own perspective's diagram whole, centred on it. With the
        overlay's places all views share one zoom (the largest at which every one fits),
        so sizes compare; laid out on their own, each takes the largest zoom it can."""
        if not self.views:
            return
        self._syncing = True
        try:
            scales, rects = [], [self._subject(scene) for scene in self.scenes]
            for view, rect in zip(self.views, rects, strict=True):
                room = view.viewport().rect()
                scale = 1.5
                if rect.width() > 0 and rect.height() > 0 and room.width() > 1:
                    scale = min(scale, room.width() / rect.width(), room.height() / rect.height())
                scales.append(scale)
            if not self.own_places.isChecked():
                scales = [min(scales)] * len(scales)
            for view, rect, scale in zip(self.views, rects, scales, strict=True):
                view.resetTransform()
                view.scale(scale, scale)
                view.centerOn(rect.center())
            self._centres = [self._centre(v) for v in self.views]
            self._scales = [v.transform().m11() for v in self.views]
            self._fitted = True
        finally:
            self._syncing = False

    def _subject(self, scene: CldScene):
        """What a view must show whole. Laid out on its own, a scene draws only its
        perspective's variables, so everything drawn (the ones it includes with no claim
        yet too); with the overlay's places, the claims and the variables they join.
        Both rects keep 40 units of paper round a big canvas; a quarter of a laptop's
        screen keeps 14 (room for signs and arrowheads), so the words can be larger."""
        rect = scene.diagram_rect() if scene.places is not None else scene.focus_rect()
        return rect.adjusted(26, 26, -26, -26)

    def _fit_again(self) -> None:
        self._settling = False
        if self._fitted:
            self.fit()

    def eventFilter(self, watched, event) -> bool:
        # A view given a new size while still as fitted (the grid settling, the window or a
        # panel resized) is fitted again, once the sizes have settled.
        if event.type() == QEvent.Type.Resize and self._fitted and watched in self.views:
            # The scroll bars a resize moves are not the user panning: still fitted.
            self._settling = True
            self._refit.start()
        return super().eventFilter(watched, event)

    @staticmethod
    def _centre(view: CanvasView):
        return view.mapToScene(view.viewport().rect().center())

    def _sync(self, source: CanvasView) -> None:
        """Linked: the others zoom by as much as the source did and move as far as it moved."""
        if self._syncing or self._settling or source not in self.views:
            return
        self._syncing = True
        try:
            index = self.views.index(source)
            if len(self._centres) != len(self.views) or len(self._scales) != len(self.views):
                self._centres = [self._centre(v) for v in self.views]
                self._scales = [v.transform().m11() for v in self.views]
            delta = self._centre(source) - self._centres[index]
            factor = source.transform().m11() / self._scales[index] if self._scales[index] else 1.0
            zoomed = abs(factor - 1.0) > 1e-9
            for i, view in enumerate(self.views):
                if view is not source:
                    view.resetTransform()
                    view.scale(self._scales[i] * factor, self._scales[i] * factor)
                    view.centerOn(self._centres[i] + delta)
            self._centres = [self._centre(v) for v in self.views]
            self._scales = [v.transform().m11() for v in self.views]
            if zoomed or not delta.isNull():
                self._fitted = False
        finally:
            self._syncing = False

    def clear(self) -> None:
        self._relayout.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        for scene in self.scenes:
            scene.close()
            scene.deleteLater()
        while self.grid.count():
            widget = self.grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.scenes, self.views, self._centres, self._scales, self._fitted = [], [], [], [], False


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
