"""The rich picture as a scene that follows the document: figures, ink, words, bubbles whose
tails follow their owners, connectors that stay attached, photos; each on its layer."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from ..edits import ChangeEvent, Document
from .diagram_scene import DiagramScene
from .item_kinds import Arrow, Box
from .layers import LayerState
from .rp_items import (
    BubbleItem,
    ConnectorItem,
    PictureItem,
    RpItem,
    ShapeItem,
    StencilItem,
    StrokeItem,
    TextBlockItem,
)

ITEMS = ("rich_picture", "items")


class RpScene(DiagramScene):
    hand_drawn = False  # sketchy connectors and shapes (a view preference, not saved)

    def __init__(self, document: Document, layers: LayerState, text_scale: float = 1.0) -> None:
        super().__init__()
        self.document, self.layers = document, layers
        self.text_scale = text_scale  # larger words, in boxes and bubbles grown to hold them (the pack)
        self.variable_items: dict[str, RpItem] = {}  # everything but connectors
        self.link_items: dict[str, ConnectorItem] = {}
        self.loop_items: dict = {}
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.follow(document, layers)
        self.rebuild()

    _index: dict | None = None

    def model_items(self) -> dict:
        """id -> model item. Edits change items in place, so the index is rebuilt only when
        items come or go, not on every mouse move of a drag."""
        items = self.document.project.rich_picture.items
        if self._index is None or len(self._index) != len(items):
            self._index = {item.id: item for item in items}
        return self._index

    def smallest_label(self) -> float:
        """The smallest size any words of the picture are set in, in points: labels, text,
        bubbles. Words inside a stencil's artwork ("COUNCIL" on the council) are part of the
        drawing and do not count; print makes the labels legible, not the icons."""
        sizes = [item.label_size() for item in self.items() if isinstance(item, RpItem) and item.isVisible()]
        return min((size for size in sizes if size), default=0.0)

    def diagram_rect(self, precise: bool = True):
        rect = super().diagram_rect()
        return rect.adjusted(20, 20, -20, -20)  # figures carry their own label margins

    def rebuild(self) -> None:
        for table in (self.link_items, self.variable_items):
            for item in table.values():
                self.removeItem(item)
            table.clear()
        for item in self.document.project.rich_picture.items:
            self._add(item)
        self._reattach()
        self.refresh_layers()
        self.settle_rect()

    def _make(self, item) -> RpItem | None:
        kind = item.kind
        if kind == "stencil":
            return StencilItem(item.id, item.stencil, item.width, item.height, item.label, self.text_scale)
        if kind == "stroke":
            return StrokeItem(item.id, item.points, item.width, item.colour)
        if kind == "text":
            return TextBlockItem(item.id, item.text, item.font_size, item.width, self.text_scale)
        if kind == "bubble":
            return BubbleItem(item.id, item.style, item.text, item.width, item.height, self.text_scale)
        if kind == "connector":
            return ConnectorItem(item.id, item.label, item.arrow_start, item.arrow_end, self.text_scale)
        if kind == "shape":
            return ShapeItem(item.id, item.shape, item.width, item.height, item.colour)
        if kind == "image":
            return PictureItem(item.id, self.document.media.get(item.media), item.width, item.height, item.caption)
        return None  # groups have no picture of their own

    def _add(self, item) -> None:
        view = self._make(item)
        if view is None:
            return
        view.layer = item.layer
        if item.kind == "connector":
            self.link_items[item.id] = view
        else:
            view.setPos(item.x, item.y)
            view.setRotation(item.rotation)
            view.set_locked(item.locked)
            self.variable_items[item.id] = view
        if item.z:
            view.setZValue(item.z)
        self.addItem(view)

    def on_events(self, events: list[ChangeEvent]) -> None:
        mine = [e for e in events if e.path == ITEMS]
        if not mine:
            return
        if any(e.kind in ("added", "removed") for e in mine):
            self._index = None
        model = self.model_items()
        # Items are remade on change (cheap, and every field can matter); keep the selection.
        selected = {i.object_id for i in self.selectedItems() if isinstance(i, (Box, Arrow))}
        for event in mine:
            for table in (self.variable_items, self.link_items):
                old = table.pop(event.id, None)
                if old is not None:
                    self.removeItem(old)
            if event.kind in ("added", "changed", "moved") and event.id in model:
                self._add(model[event.id])
                view = self.variable_items.get(event.id) or self.link_items.get(event.id)
                if view is not None and event.id in selected:
                    view.setSelected(True)
        self._reattach()
        self.refresh_layers()

    # Attachments -------------------------------------------------------------------------
    def item_moved(self, item_id: str) -> None:
        self._reattach(item_id)

    def _reattach(self, moved: str | None = None) -> None:
        model = self.model_items()
        for cid, connector in self.link_items.items():
            data = model.get(cid)
            if data is None or (moved and moved not in (data.source, data.target)):
                continue
            a, b = self.variable_items.get(data.source), self.variable_items.get(data.target)
            if a is not None and b is not None:
                connector.set_ends(a.attach_rect(), b.attach_rect())
        for iid, view in self.variable_items.items():
            if isinstance(view, BubbleItem):
                owner = model[iid].owner if iid in model else None
                if moved and moved not in (iid, owner):
                    continue
                target = self.variable_items.get(owner) if owner else None
                view.set_tail(target.attach_rect().center() if target is not None else None)

    # Layers ------------------------------------------------------------------------------
    def refresh_layers(self) -> None:
        for table in (self.variable_items, self.link_items):
            for view in table.values():
                view.setVisible(self.layers.is_visible(view.layer))
                view.setOpacity(self.layers.opacity(view.layer))

    def positions(self) -> dict[str, QPointF]:
        return {iid: view.pos() for iid, view in self.variable_items.items()}
