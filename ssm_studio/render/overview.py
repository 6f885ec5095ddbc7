"""Zoomed far out, the causal diagram as a handful of cached paths.

Below a third of actual size no label can be read and each item would paint only a plain box
or a thin straight line (cld_items does exactly that at that level of detail). Painting
20,000 such items still costs a Python call each; the overview paints the same picture from
one path of boxes and one path of lines per perspective colour, while the items stop painting
(ItemHasNoContents: they stay for hit-testing, selection and editing). Any change to the
scene marks the paths stale; they are rebuilt at the next paint.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem

# The scale below which the overview stands in for the items (the items' own plain level).
OVERVIEW_BELOW = 0.3


class OverviewItem(QGraphicsItem):
    def __init__(self, scene) -> None:
        super().__init__()
        self.cld = scene
        self._boxes: QPainterPath | None = None
        self._lines: dict[str, QPainterPath] = {}
        self._bounds = QRectF()
        self.setZValue(-0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the items beneath
        self.setAcceptHoverEvents(False)

    def stale(self) -> None:
        self._boxes = None
        self.update()

    def _build(self) -> None:
        boxes = QPainterPath()
        for item in self.cld.variable_items.values():
            if item.isVisible():
                boxes.addRect(item.box.translated(item.pos()))
        lines: dict[str, QPainterPath] = {}
        for link in self.cld.link_items.values():
            if not link.isVisible():
                continue
            # Centre to centre: at this scale the same line as the curve between the boxes,
            # and no curve has to be worked out for it.
            colour = link.pen.color().name()
            line = lines.get(colour)
            if line is None:
                line = lines[colour] = QPainterPath()
            line.moveTo(link.source.pos())
            line.lineTo(link.target.pos())
        bounds = boxes.boundingRect()
        for line in lines.values():
            bounds = bounds.united(line.boundingRect())
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds
        self._boxes, self._lines = boxes, lines

    def boundingRect(self) -> QRectF:
        if self._boxes is None:
            self._build()
        return self._bounds.adjusted(-4, -4, 4, 4)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self._boxes is None:
            self._build()
        style = self.cld.style
        for colour, line in self._lines.items():
            pen = QPen(QColor(colour), 0)  # cosmetic: one device pixel at any zoom
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(line)
        painter.setPen(QPen(QColor(style.variable_border), 0))
        painter.setBrush(QColor(style.variable_fill))
        painter.drawPath(self._boxes)


def set_overview(scene, on: bool) -> None:
    """Hand painting to the overview (on) or back to the items (off). The overview item is
    made once and then only shown or hidden: this runs at the start of a paint, where taking
    an item out of the scene is not safe."""
    if on == (scene.overview is not None):
        return
    flag = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
    for table in (scene.variable_items, scene.link_items):
        for item in table.values():
            item.setFlag(flag, on)
    keeper = getattr(scene, "_overview_item", None)
    if keeper is None:
        keeper = scene._overview_item = OverviewItem(scene)
        scene.addItem(keeper)
    keeper.stale()
    keeper.setVisible(on)
    scene.overview = keeper if on else None
