"""Thin Qt items for rich-picture items, keyed by model id. Positions are item centres."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyle

from .diagram_scene import DiagramScene
from .item_kinds import Arrow, Box
from .stencils import renderer

INK = "#222222"
PAPER = "#FFFFFF"


def _font(points: float) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPointSizeF(points)
    return font


class RpItem(QGraphicsItem):
    """Common behaviour: selectable, movable unless locked, tells the scene when it moves."""

    name = ""  # the words in-place editing changes (label, text), if any
    editable_text: str | None = None  # the same, for kinds that have words (None: nothing to rename)

    def __init__(self, item_id: str) -> None:
        super().__init__()
        self.item_id = self.object_id = item_id
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                      | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                      | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)

    def set_locked(self, locked: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, not locked)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, not locked)

    def itemChange(self, change, value):
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            scene = self.scene()
            if isinstance(scene, DiagramScene):
                scene.item_moved(self.item_id)
        return super().itemChange(change, value)

    def attach_rect(self) -> QRectF:
        """Where connectors and bubble tails attach, in scene coordinates."""
        return self.sceneBoundingRect()

    def label_size(self) -> float:
        """The size in points of the item's words; 0 if it has none."""
        return 0.0

    def _selection(self, painter: QPainter, option, rect: QRectF) -> None:
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor("#1F6FEB"), 1.2, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(-3, -3, 3, 3))


class StencilItem(RpItem, Box):
    def __init__(self, item_id: str, stencil: str, width: float, height: float, label: str,
                 text_scale: float = 1.0) -> None:
        super().__init__(item_id)
        self.stencil, self.w, self.h, self.label = stencil, width, height, label
        self.name = self.editable_text = label  # what in-place editing edits
        self.text_scale = text_scale
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def label_size(self) -> float:
        return 9 * self.text_scale if self.label else 0.0

    def label_box(self) -> QRectF:
        """Under the picture, wider than it, as tall as its wrapped lines; larger text (a
        printed pack) gets a larger box."""
        s = self.text_scale
        width = self.w + 80 * s
        if self._label_height is None:
            from PySide6.QtGui import QFontMetricsF

            flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
            measured = QFontMetricsF(_font(9 * s)).boundingRect(QRectF(0, 0, width, 10_000), flags, self.label)
            self._label_height = max(26 * s, measured.height() + 4 * s)
        # A little below the figure: its artwork reaches its box's edge.
        return QRectF(-self.w / 2 - 40 * s, self.h / 2 + 3 * (s - 1), width, self._label_height)

    _label_height: float | None = None

    def boundingRect(self) -> QRectF:
        box = QRectF(-self.w / 2 - 40, -self.h / 2 - 4, self.w + 80, self.h + 8)
        return box.united(self.label_box()) if self.label else box

    def attach_rect(self) -> QRectF:
        return self.mapRectToScene(QRectF(-self.w / 2, -self.h / 2, self.w, self.h))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        box = QRectF(-self.w / 2, -self.h / 2, self.w, self.h)
        svg = renderer(self.stencil)
        if svg is not None:
            svg.render(painter, box)
        else:  # a stencil this version does not have: say so rather than vanish
            painter.setPen(QPen(QColor(INK), 1, Qt.PenStyle.DashLine))
            painter.drawRect(box)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), self.stencil)
        if self.label:
            painter.setPen(QColor(INK))
            painter.setFont(_font(9 * self.text_scale))
            painter.drawText(self.label_box(), int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap),
                             self.label)
        self._selection(painter, option, box)


def smooth_path(points: list[tuple[float, float]]) -> QPainterPath:
    """Quadratic curves through the midpoints: free-hand ink without the jitter of the mouse."""
    path = QPainterPath()
    if not points:
        return path
    path.moveTo(*points[0])
    if len(points) < 3:
        for x, y in points[1:]:
            path.lineTo(x, y)
        return path
    for (x0, y0), (x1, y1) in zip(points[1:-1], points[2:], strict=False):
        path.quadTo(x0, y0, (x0 + x1) / 2, (y0 + y1) / 2)
    path.lineTo(*points[-1])
    return path


class StrokeItem(RpItem, Box):
    def __init__(self, item_id: str, points, width: float, colour: str) -> None:
        super().__init__(item_id)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # ink is redrawn from cache when panning
        self.path = smooth_path(list(points))
        self.pen = QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)

    def boundingRect(self) -> QRectF:
        w = self.pen.widthF() / 2 + 4
        return self.path.boundingRect().adjusted(-w, -w, w, w)

    def shape(self) -> QPainterPath:
        from PySide6.QtGui import QPainterPathStroker

        stroker = QPainterPathStroker()
        stroker.setWidth(max(8.0, self.pen.widthF() + 6))
        return stroker.createStroke(self.path)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setPen(self.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self.path)
        self._selection(painter, option, self.path.boundingRect())


class TextBlockItem(RpItem, Box):
    def __init__(self, item_id: str, text: str, font_size: float, width: float, text_scale: float = 1.0) -> None:
        super().__init__(item_id)
        # Larger words for print bring small text up to the labels' enlarged size; a title
        # already that large stays as it is (enlarged with the rest it would widen the picture).
        size = font_size * text_scale if text_scale <= 1 else max(font_size, min(font_size * text_scale, 9 * text_scale))
        self.text, self.font = text, _font(size)
        self.name = self.editable_text = text
        width *= size / font_size
        self.w = width
        from PySide6.QtGui import QFontMetricsF

        rect = QFontMetricsF(self.font).boundingRect(QRectF(0, 0, width, 10_000),
                                                     int(Qt.TextFlag.TextWordWrap), text or " ")
        self.box = QRectF(-width / 2, -rect.height() / 2, width, rect.height())

    def boundingRect(self) -> QRectF:
        return self.box.adjusted(-4, -4, 4, 4)

    def label_size(self) -> float:
        return self.font.pointSizeF() if self.text.strip() else 0.0

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setFont(self.font)
        painter.setPen(QColor(INK))
        painter.drawText(self.box, int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap), self.text)
        self._selection(painter, option, self.box)


class BubbleItem(RpItem, Box):
    """Speech or thought; its tail points at its owner and follows it (the scene keeps it)."""

    def __init__(self, item_id: str, style: str, text: str, width: float, height: float,
                 text_scale: float = 1.0) -> None:
        super().__init__(item_id)
        # Larger text (a printed pack) makes a larger bubble, so the words stay inside it.
        self.style, self.text, self.w, self.h = style, text, width * text_scale, height * text_scale
        self.text_scale = text_scale
        if text_scale > 1:  # grown, a bubble would hide the labels around it: it goes behind them
            self.setZValue(-5)
        self.name = self.editable_text = text
        self.tail_to: QPointF | None = None  # owner's centre, in scene coordinates

    def body(self) -> QRectF:
        return QRectF(-self.w / 2, -self.h / 2, self.w, self.h)

    def label_size(self) -> float:
        return 9 * self.text_scale if self.text.strip() else 0.0

    def boundingRect(self) -> QRectF:
        rect = self.body().adjusted(-6, -6, 6, 6)
        if self.tail_to is not None:
            local = self.mapFromScene(self.tail_to)
            rect = rect.united(QRectF(local, local).adjusted(-30, -30, 30, 30))
        return rect

    def set_tail(self, target: QPointF | None) -> None:
        self.prepareGeometryChange()
        self.tail_to = target
        self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        body = self.body()
        painter.setPen(QPen(QColor(INK), 2))
        painter.setBrush(QBrush(QColor(PAPER)))
        tail_local = self.mapFromScene(self.tail_to) if self.tail_to is not None else None
        if self.style == "thought":
            painter.drawEllipse(body)
            if tail_local is not None:
                direction = tail_local - body.center()
                length = math.hypot(direction.x(), direction.y()) or 1
                unit = direction / length
                for i, radius in enumerate((7, 5, 3.5)):
                    at = body.center() + unit * (min(self.w, self.h) / 2 + 12 + i * 14)
                    if math.hypot((at - tail_local).x(), (at - tail_local).y()) > 25:
                        painter.drawEllipse(at, radius, radius)
        else:
            path = QPainterPath()
            path.addRoundedRect(body, 14, 14)
            if tail_local is not None:
                centre = body.center()
                direction = tail_local - centre
                length = math.hypot(direction.x(), direction.y()) or 1
                tip = centre + direction / length * (min(length - 25, max(self.w, self.h)))
                normal = QPointF(-direction.y(), direction.x()) / length * 12
                tail = QPainterPath()
                tail.addPolygon(QPolygonF([centre + normal, tip, centre - normal]))
                path = path.united(tail)
            painter.drawPath(path)
        painter.setPen(QColor(INK))
        painter.setFont(_font(9 * self.text_scale))
        s = self.text_scale
        painter.drawText(body.adjusted(10 * s, 6 * s, -10 * s, -6 * s),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.text)
        self._selection(painter, option, body)


class ConnectorItem(RpItem, Arrow):
    """A line between two items that stays attached to them; arrow heads and a label."""

    def __init__(self, item_id: str, label: str, arrow_start: bool, arrow_end: bool,
                 text_scale: float = 1.0) -> None:
        super().__init__(item_id)
        self.text_scale = text_scale
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, False)
        self.name = self.editable_text = label
        self.label, self.arrow_start, self.arrow_end = label, arrow_start, arrow_end
        self.line = (QPointF(), QPointF())
        self.setZValue(-1)

    def label_size(self) -> float:
        return 8 * self.text_scale if self.label else 0.0

    def set_ends(self, a: QRectF, b: QRectF) -> None:
        self.prepareGeometryChange()
        self.line = (_edge_point(a, b.center()), _edge_point(b, a.center()))
        self.update()

    def boundingRect(self) -> QRectF:
        a, b = self.line
        s = self.text_scale
        return QRectF(a, b).normalized().adjusted(-60 * s, -20 * s, 60 * s, 20 * s)

    def shape(self) -> QPainterPath:
        from PySide6.QtGui import QPainterPathStroker

        path = QPainterPath(self.line[0])
        path.lineTo(self.line[1])
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        return stroker.createStroke(path)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        a, b = self.line
        painter.setPen(QPen(QColor(INK), 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        if hand_drawn(self):
            painter.drawPath(wobbly(a, b, self.item_id))
        else:
            painter.drawLine(a, b)
        painter.setBrush(QColor(INK))
        for on, tip, tail in ((self.arrow_end, b, a), (self.arrow_start, a, b)):
            if on:
                d = tip - tail
                length = math.hypot(d.x(), d.y()) or 1
                u, n = d / length, QPointF(-d.y(), d.x()) / length
                painter.drawPolygon(QPolygonF([tip, tip - u * 12 + n * 5, tip - u * 12 - n * 5]))
        if self.label:
            s = self.text_scale
            painter.setFont(_font(8 * s))
            mid = (a + b) / 2
            painter.drawText(QRectF(mid.x() - 60 * s, mid.y() - 16 * s, 120 * s, 14 * s),
                             int(Qt.AlignmentFlag.AlignCenter), self.label)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(QColor("#1F6FEB"), 1, Qt.PenStyle.DashLine))
            painter.drawLine(a, b)


def wobbly(a: QPointF, b: QPointF, seed: str, amount: float = 2.2) -> QPainterPath:
    """A line as a marker draws it: a slight bow and a small overshoot, the same every time."""
    import random

    rng = random.Random(seed + f"{a.x():.0f}{a.y():.0f}")
    d = b - a
    length = math.hypot(d.x(), d.y()) or 1
    n = QPointF(-d.y(), d.x()) / length
    bow = n * rng.uniform(-amount, amount) * min(3.0, length / 60)
    path = QPainterPath(a + n * rng.uniform(-1, 1))
    path.quadTo((a + b) / 2 + bow, b + d / length * rng.uniform(0, 3))
    return path


def hand_drawn(item: QGraphicsItem) -> bool:
    """The optional sketchy style for lines and shapes, chosen per scene."""
    scene = item.scene()
    return isinstance(scene, DiagramScene) and scene.hand_drawn


def _edge_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the line from the rectangle's centre toward a point leaves the rectangle."""
    c = rect.center()
    d = toward - c
    if d.x() == 0 and d.y() == 0:
        return c
    sx = (rect.width() / 2) / abs(d.x()) if d.x() else math.inf
    sy = (rect.height() / 2) / abs(d.y()) if d.y() else math.inf
    return c + d * min(sx, sy, 1.0)


class ShapeItem(RpItem, Box):
    def __init__(self, item_id: str, shape: str, width: float, height: float, colour: str) -> None:
        super().__init__(item_id)
        self.shape_kind, self.w, self.h, self.colour = shape, width, height, colour

    def boundingRect(self) -> QRectF:
        return QRectF(-self.w / 2 - 4, -self.h / 2 - 4, self.w + 8, self.h + 8)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        box = QRectF(-self.w / 2, -self.h / 2, self.w, self.h)
        painter.setPen(QPen(QColor(self.colour), 2.5))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        sketchy = hand_drawn(self)
        if sketchy and self.shape_kind != "ellipse":
            corners = [box.topLeft(), box.topRight(), box.bottomRight(), box.bottomLeft()]
            edges = [(box.topLeft(), box.bottomRight())] if self.shape_kind == "line" else \
                list(zip(corners, corners[1:] + corners[:1], strict=True))
            for a, b in edges:
                painter.drawPath(wobbly(a, b, self.item_id))
        elif self.shape_kind == "ellipse":
            painter.drawEllipse(box)
            if sketchy:  # a second, slightly different pass reads as drawn by hand
                painter.drawEllipse(box.adjusted(1.5, -1, -1, 1.5))
        elif self.shape_kind == "line":
            painter.drawLine(box.topLeft(), box.bottomRight())
        else:
            painter.drawRoundedRect(box, 4, 4)
        self._selection(painter, option, box)


class PictureItem(RpItem, Box):
    """A photo from the file's media, read with an allocation limit; a marked gap if unusable."""

    def __init__(self, item_id: str, data: bytes | None, width: float, height: float, caption: str) -> None:
        super().__init__(item_id)
        self.w, self.h, self.caption = width, height, caption
        self.pixmap = _read_pixmap(data)
        if self.pixmap is not None and self.pixmap.width() > 2 * width:
            # Drawing a 6,000-pixel photo into a 900-unit box every frame is what makes
            # panning stutter; two pixels per unit keeps it sharp up to 200 % zoom.
            self.pixmap = self.pixmap.scaled(int(2 * width), int(2 * height), Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)
        self.setZValue(-10)  # photos of flip charts sit behind what is drawn on them

    def boundingRect(self) -> QRectF:
        return QRectF(-self.w / 2, -self.h / 2, self.w, self.h + (18 if self.caption else 0))

    def paint(self, painter: QPainter, option, widget=None) -> None:
        box = QRectF(-self.w / 2, -self.h / 2, self.w, self.h)
        if self.pixmap is not None:
            painter.drawPixmap(box, self.pixmap, QRectF(self.pixmap.rect()))
        else:
            painter.setPen(QPen(QColor("#AA3333"), 1.5, Qt.PenStyle.DashLine))
            painter.drawRect(box)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignCenter), "picture missing or damaged")
        if self.caption:
            painter.setPen(QColor(INK))
            painter.drawText(QRectF(box.left(), box.bottom(), box.width(), 18), int(Qt.AlignmentFlag.AlignCenter),
                             self.caption)
        self._selection(painter, option, box)


def _read_pixmap(data: bytes | None) -> QPixmap | None:
    if not data:
        return None
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImageReader

    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAllocationLimit(256)  # MB: never trust the file's own claim of its size
    image = reader.read()
    return QPixmap.fromImage(image) if not image.isNull() else None
