"""Zoomed far out, the causal diagram as a handful of cached paths.

Below a third of actual size no label can be read and each item would paint only a plain box
or a thin straight line (cld_items does exactly that at that level of detail). Painting
20,000 such items still costs a Python call each; the overview paints the same picture from
one path of boxes and one path of lines per perspective colour, while the items stop painting
(ItemHasNoContents: they stay for hit-testing, selection and editing). Any change to the
scene marks the paths stale; they are rebuilt at the next paint.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem

from .cld_items import LinkItem, VariableItem

# The scale below which the overview stands in for the items (the items' own plain level).
OVERVIEW_BELOW = 0.3
_EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
SMOOTH_LINES_UP_TO = 1500


class OverviewItem(QGraphicsItem):
    def __init__(self, scene) -> None:
        super().__init__()
        self.cld = scene
        self._boxes: dict[float, list[QRectF]] | None = None
        self._lines: dict[tuple[str, float], list[QLineF]] = {}
        self.setZValue(-0.5)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go to the items beneath
        self.setAcceptHoverEvents(False)

    def stale(self) -> None:
        self._boxes = None
        self.repaint_views()

    def forget(self) -> None:
        """The scene changed while the items paint themselves: build again when next shown
        (no repaint: the overview is not on screen)."""
        self._boxes = None

    def repaint_views(self) -> None:
        """Ask every view of the scene to paint again. An item's own update() is not enough:
        paint_view draws this item outside Qt's walk, so Qt never learns where in a view it
        was painted and drops its updates (a loop picked while zoomed out changed nothing)."""
        try:
            scene = self.scene()
            views = scene.views() if scene is not None else []
        except RuntimeError:  # the scene clearing its selection as it is deleted
            return
        self.update()
        for view in views:
            view.viewport().update()

    def _build(self) -> None:
        # A list of rectangles, not one path: filling a path of 5,000 rectangles antialiased
        # took 68 ms a frame, drawRects 5 ms. Grouped by opacity too, so a faded layer and a
        # highlighted loop read the same here as close up (the few opacities in use make few
        # groups).
        boxes: dict[float, list[QRectF]] = {}
        for item in self.cld.variable_items.values():
            if item.isVisible():
                boxes.setdefault(round(item.opacity(), 2), []).append(item.box.translated(item.pos()))
        # Lines centre to centre: at this scale the same line as the curve between the boxes,
        # and no curve has to be worked out for it. Each link keeps its line until it moves,
        # so a presented step (which changes only what is shown) rebuilds from kept lines.
        lines: dict[tuple[str, float], list[QLineF]] = {}
        for link in self.cld.link_items.values():
            if not link.isVisible():
                continue
            line = link.overview_line
            if line is None:
                line = link.overview_line = QLineF(link.source.pos(), link.target.pos())
            key = (link.colour, round(link.opacity(), 2))
            group = lines.get(key)
            if group is None:
                lines[key] = [line]
            else:
                group.append(line)
        self._boxes, self._lines = boxes, lines

    def boundingRect(self) -> QRectF:
        # Everywhere, and never hidden: showing or hiding an item asks for a second paint,
        # and each fit that crossed into the overview painted the whole view twice.
        return _EVERYWHERE

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the mouse

    def paint(self, painter: QPainter, option, widget=None) -> None:
        if self.cld.overview is not self:  # close up, the items paint themselves
            return
        if self._boxes is None:
            self._build()
        style = self.cld.style
        # A large map's overview is a mass of lines: drawn without antialiasing they cost half
        # (3,000 long lines, 19 ms a frame to 9), and at this scale the mass reads the same.
        smooth = bool(painter.renderHints() & QPainter.RenderHint.Antialiasing)
        if sum(len(group) for group in self._lines.values()) > SMOOTH_LINES_UP_TO:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for (colour, opacity), group in self._lines.items():
            painter.setOpacity(opacity)
            pen = QPen(QColor(colour), 0)  # cosmetic: one device pixel at any zoom
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawLines(group)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, smooth)  # the boxes as before
        painter.setPen(QPen(QColor(style.variable_border), 0))
        painter.setBrush(QColor(style.variable_fill))
        for opacity, group in self._boxes.items():
            painter.setOpacity(opacity)
            painter.drawRects(group)
        painter.setOpacity(1.0)
        self._paint_selection(painter)

    def _paint_selection(self, painter: QPainter) -> None:
        """Selected boxes and links stand out here too (the items themselves paint nothing)."""
        selected = self.cld.selectedItems()
        if not selected:
            return
        boxes, lines = QPainterPath(), QPainterPath()
        variables = self.cld.variable_items
        for item in selected:
            if isinstance(item, VariableItem) and variables.get(item.object_id) is item:
                boxes.addRect(item.box.translated(item.pos()))
            elif isinstance(item, LinkItem):
                lines.moveTo(item.source.pos())
                lines.lineTo(item.target.pos())
        painter.setPen(_selection_pen())
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(lines)
        painter.drawPath(boxes)


SELECTION = "#1F6FEB"


def _selection_pen() -> QPen:
    pen = QPen(QColor(SELECTION), 3)
    pen.setCosmetic(True)  # three device pixels at any zoom
    return pen


def paint_view(view, event) -> None:
    """Paint a zoomed-out causal view without Qt's walk of every item.

    Even items that paint nothing are visited one by one on every frame (transforms, bounds,
    stacking order): at 5,000 variables and 15,000 links that walk alone took 95 ms a frame.
    Here the background, the overview, the loop labels and the bend handle are painted
    directly, then the foreground. Only called while no gesture is under way (the view
    falls back to Qt's own painting while a button is held, so previews and the rubber band
    are drawn as usual)."""
    scene = view.scene()
    painter = QPainter(view.viewport())
    painter.setRenderHints(view.renderHints())
    exposed = view.mapToScene(event.rect()).boundingRect()
    to_view = view.viewportTransform()
    painter.setTransform(to_view)
    painter.setClipRect(exposed)
    view.drawBackground(painter, exposed)
    option = QStyleOptionGraphicsItem()
    option.exposedRect = exposed
    scene.overview.paint(painter, option, view.viewport())
    extras = [item for item in scene.loop_items.values() if item.isVisible()]
    handle = getattr(view, "bend_handle", None)
    if handle is not None and handle.isVisible():
        extras.append(handle)
    for item in sorted(extras, key=lambda it: it.zValue()):
        if not item.sceneBoundingRect().intersects(exposed):
            continue
        painter.save()
        painter.setOpacity(item.effectiveOpacity())  # a label faded by a highlighted loop
        painter.setTransform(item.sceneTransform() * to_view)
        item_option = QStyleOptionGraphicsItem()
        item_option.exposedRect = item.boundingRect()
        if item.isSelected():
            item_option.state |= QStyle.StateFlag.State_Selected
        item.paint(painter, item_option, view.viewport())
        painter.restore()
    view.drawForeground(painter, exposed)
    painter.end()


def set_overview(scene, on: bool, walked: bool = True) -> None:
    """Hand painting to the overview (on) or back to the items (off). The overview item is
    made once and then only shown or hidden: this runs at the start of a paint, where taking
    an item out of the scene is not safe. ``walked``: Qt is about to walk the items (a
    gesture is under way), so while zoomed out they must paint nothing; when paint_view
    paints instead, they are left alone (marking 20,000 items and back took 8 ms a fit)."""
    blank = on and walked
    if blank != scene.items_blank:
        flag = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        for table in (scene.variable_items, scene.link_items):
            for item in table.values():
                item.setFlag(flag, blank)
        scene.items_blank = blank
        if not blank:
            scene.long_links.restore_flags()  # the long links' layer paints those
    if on == (scene.overview is not None):
        return
    keeper = scene.overview_item
    if keeper is None:
        keeper = scene.overview_item = OverviewItem(scene)
        scene.addItem(keeper)
        # The items paint nothing meanwhile, so their own repaints on selection are no-ops.
        scene.selectionChanged.connect(keeper.repaint_views)
    # The paths are kept between spells zoomed out: the scene tells the keeper of every
    # change meanwhile (CausalLoopScene.overview_changed), so zooming out again after a
    # look close up builds nothing, and nothing here asks for a second paint (the keeper
    # stays shown and paints only while it stands in: OverviewItem.paint).
    scene.overview = keeper if on else None
