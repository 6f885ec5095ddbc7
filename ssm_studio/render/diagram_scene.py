"""What every diagram scene shares: boxes and arrows keyed by model id, and their extent."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from .item_kinds import Arrow, Box

if TYPE_CHECKING:
    from .long_links import LongLinkLayer


@runtime_checkable
class Diagram(Protocol):
    """What the canvas view, the editors' shared base, the overview and the exports ask of
    a scene: its items by model id and the few things every diagram answers. Each scene
    answers all of it (a quiet default where a kind of diagram has nothing to say), so
    nothing asks a scene whether it can."""

    variable_items: dict  # boxes by model id
    link_items: dict  # arrows by model id
    loop_items: dict  # markers by loop key
    hand_drawn: bool
    draws_overview: bool

    def diagram_rect(self, precise: bool = True) -> QRectF: ...
    def focus_rect(self) -> QRectF: ...
    def set_snap(self, snap: bool) -> None: ...
    def set_overview(self, on: bool, walked: bool = True) -> None: ...
    def item_moved(self, item_id: str) -> None: ...
    def geometry_changed(self) -> None: ...
    def bounds_tightened(self, before: QRectF) -> None: ...
    def loop_clicked(self, key: str) -> None: ...
    def smallest_label(self) -> float | None: ...
    def prepare_for_export(self) -> None: ...
    def close(self) -> None: ...


class DiagramScene(QGraphicsScene):
    """Subclasses fill ``variable_items`` (boxes) and ``link_items`` (arrows); views, editors
    and exports work on any of them through the ``Diagram`` protocol above."""

    variable_items: dict
    link_items: dict
    loop_items: dict
    snap = False
    hand_drawn = False  # sketchy lines: only rich pictures offer it
    draws_overview = False  # painted from a few cached paths when zoomed far out (overview.py)

    _unsubscribe = None
    _layers = None

    def follow(self, document, layers=None) -> None:
        """Listen to the document's changes (and the layer state's, if the scene has layers)."""
        self._unsubscribe = document.subscribe(self.on_events)
        if layers is not None:
            self._layers = layers
            layers.changed.connect(self.refresh_layers)

    def close(self) -> None:
        """Stop following; no more signals, so no slot runs on a view being torn down."""
        self.blockSignals(True)
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._layers is not None:
            try:
                self._layers.changed.disconnect(self.refresh_layers)
            except (RuntimeError, TypeError):
                pass
            self._layers = None

    exporting = False
    # The causal scene's painter of long links (render/long_links.py); the others have none.
    long_links: LongLinkLayer | None = None

    def prepare_for_export(self) -> None:
        """On screen items keep pictures of themselves; an export must stay vector with real
        text (a cached item would go into an SVG or PDF as an image), so no item of this scene
        caches, now or when added later (loop labels come and go)."""
        self.exporting = True
        for item in self.items():
            item.setCacheMode(item.CacheMode.NoCache)
        for link in self.link_items.values():
            # Curves worked out and measured exactly, not estimated; a perspective's picture
            # holds every claim but shows its own, so the hidden ones need no curve.
            if link.isVisible():
                link.settle()

    def loop_clicked(self, key: str) -> None:
        """Only causal-loop diagrams have loops to click."""

    def item_moved(self, item_id: str) -> None:
        """Scenes whose items depend on others' places (connectors, bubble tails) follow here."""

    def set_overview(self, on: bool, walked: bool = True) -> None:
        """Only scenes that ``draws_overview`` have a cheaper far-out picture."""

    def rebuild(self) -> None:
        """Every item made again from the document (each kind of diagram makes its own)."""

    def rebuild_keeping_selection(self) -> None:
        """Made again after a structural edit, with what was selected still selected."""
        selected = {i.object_id for i in self.selectedItems() if isinstance(i, (Box, Arrow))}
        self.rebuild()
        for key in selected:
            for table in (self.variable_items, self.link_items):
                if key in table:
                    table[key].setSelected(True)

    def geometry_changed(self) -> None:
        """An item moved or changed size (scenes that keep their extent forget it here)."""

    def bounds_tightened(self, before: QRectF) -> None:
        """A link's estimated bounds gave way to its exact ones, inside them."""
        self.geometry_changed()

    def smallest_label(self) -> float | None:
        """The smallest words a picture must keep legible in print; None where the boxes'
        own size decides (causal and activity diagrams)."""
        return None

    def addItem(self, item) -> None:
        if self.exporting:
            item.setCacheMode(item.CacheMode.NoCache)
        super().addItem(item)

    def diagram_rect(self, precise: bool = True) -> QRectF:
        """What the diagram covers. ``precise`` False counts the boxes only (a link can bulge
        a little past them): enough for a view's scroll area, and quick on 15,000 links;
        fitting and export want every curve."""
        # In plain numbers from each item's position and bounds: sceneBoundingRect calls back
        # into Python for every item, and this runs for every view of a diagram that opens.
        left = top = math.inf
        right = bottom = -math.inf
        tables = [self.variable_items.values()]
        if precise:
            # A causal link's bounds are a safe estimate until its curve is needed (exports
            # settle them first, in prepare_for_export); fitting a view to it is close enough.
            tables += [self.link_items.values(), self.loop_items.values()]
        for table in tables:
            for item in table:
                if not item.isVisible():
                    continue
                if item.rotation():  # a turned figure: Qt works out its corners
                    bounds, x, y = item.sceneBoundingRect(), 0.0, 0.0
                else:
                    bounds, x, y = item.boundingRect(), item.x(), item.y()
                left, top = min(left, x + bounds.left()), min(top, y + bounds.top())
                right, bottom = max(right, x + bounds.right()), max(bottom, y + bounds.bottom())
        if left > right:
            return QRectF(-400, -300, 800, 600)
        return QRectF(left - 40, top - 40, right - left + 80, bottom - top + 80)

    def settle_rect(self) -> None:
        """Give the scene an explicit extent. Left to itself Qt measures every item (each a
        Python boundingRect call) whenever a view asks, which took 0.4 s per view on a
        5,000-variable diagram."""
        self.setSceneRect(self.diagram_rect(precise=False).adjusted(-2000, -2000, 2000, 2000))

    def focus_rect(self) -> QRectF:
        """What the shown perspectives talk about: their claims and the variables they use."""
        rect = QRectF()
        for item in self.link_items.values():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        for item in self.variable_items.values():
            if item.base_opacity >= 1.0 and item.links:
                if any(link.isVisible() for link in item.links):
                    rect = rect.united(item.sceneBoundingRect())
        return rect.adjusted(-40, -40, 40, 40) if not rect.isNull() else self.diagram_rect()

    def set_snap(self, snap: bool) -> None:
        self.snap = snap
        for item in self.variable_items.values():
            item.snap = snap


