"""Thin Qt items for the causal-loop diagram, keyed by model id. Items never edit the model:
they report drags to the scene, which pushes edits when the mouse is released."""

from __future__ import annotations

import math

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem

from .diagram_scene import DiagramScene
from .geometry import control_point, exit_parameter, point_at, sub_curve, tangent_at, visible_span
from .item_kinds import Arrow, Box, Marker
from .style import CanvasStyle, perspective_pen

MAX_LABEL_WIDTH = 150.0
GRID = 10.0
MARK_AT = 0.3  # where along a link its delay mark sits (the middle holds the bend handle)


_NO_PEN = QPen()
_NO_PATH = QPainterPath()
_NO_POLYGON = QPolygonF()
_ORIGIN, _RIGHT = QPointF(), QPointF(1, 0)
_NO_RECT = QRectF()
_METRICS: dict[tuple[str, float], tuple] = {}


def _font_and_metrics(style: CanvasStyle):
    """One font and one measurer per look (making them per box was a tenth of opening)."""
    key = (style.font_family, style.font_size * style.text_scale)
    cached = _METRICS.get(key)
    if cached is None:
        font = style.font()
        cached = _METRICS[key] = (font, QFontMetricsF(font))
    return cached


# Combined once: OR-ing Qt's flag enums in Python costs more than making the item itself.
BOX_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsMovable | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
             | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges)
LINK_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable


# Looked up once: each PySide enum attribute access runs Python code, and itemChange runs
# a dozen times per box while a diagram is built.
_POSITION_CHANGE = QGraphicsItem.GraphicsItemChange.ItemPositionChange
_POSITION_CHANGED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
_DEVICE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
_EXTENDED = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
# A link longer than this (scene units) is painted by its scene's long-link layer
# (render/long_links.py), not by itself. Its own cached picture, capped at the view's edge,
# was made again on every pan (a view-sized pixmap cleared and drawn per link): 700 such links
# made a pan of an imported random map take 700-1,000 ms a frame; painted straight, each was
# still a Python call per strip. Links of 600-1,200 units kept pictures of up to 5 MB each,
# more than the pool holds, so a full repaint made them all again (45 ms at 1,000 variables).
LONG_LINK = 600.0
_LABEL_FLAGS = int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)

_TO_SETTLE: list = []


def _settle_soon(link) -> None:
    """Tighten a link's bounds once the paint that worked out its curve is over (bounds may
    not change during a paint)."""
    if not _TO_SETTLE:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, _settle_waiting)
    _TO_SETTLE.append(link)


def _settle_waiting() -> None:
    waiting = list(_TO_SETTLE)
    _TO_SETTLE.clear()
    for link in waiting:
        try:
            link.settle()
        except RuntimeError:  # its scene was closed meanwhile
            continue


def point_between(a: QPointF, b: QPointF, share: float) -> QPointF:
    return a + (b - a) * share


def _draw_valve(painter: QPainter, box: QRectF) -> None:
    """A flow's valve: the bow tie SD diagrams put on a pipe, on the box's top edge."""
    x, y = box.center().x(), box.top()
    pen = painter.pen()
    pen.setWidthF(max(pen.widthF(), 1.3))
    painter.setPen(pen)
    painter.drawPolygon([QPointF(x - 7, y - 5), QPointF(x + 7, y + 5), QPointF(x + 7, y - 5), QPointF(x - 7, y + 5)])


class VariableItem(QGraphicsItem, Box):
    """A variable: its name on a soft box. Shared by every perspective."""

    base_opacity = 1.0  # below 1 where no shown perspective uses the variable


    def __init__(self, variable_id: str, name: str, style: CanvasStyle) -> None:
        super().__init__()
        self.variable_id = self.object_id = variable_id
        self.style = style
        self.links: list[LinkItem] = []
        self.snap = False
        self.dashed = False
        self.kind = "variable"  # a stock is drawn boxed, a flow with a valve, as in SD diagrams
        self.setFlags(BOX_FLAGS)
        self.setCacheMode(_DEVICE_CACHE)
        self.setZValue(10)
        self.set_name(name)

    def set_name(self, name: str) -> None:
        self.prepareGeometryChange()
        scene = self.scene()
        if isinstance(scene, DiagramScene):
            scene.geometry_changed()
        self.name = self.editable_text = name
        self.font, metrics = _font_and_metrics(self.style)
        # The wrapping width grows with the words, so larger text keeps its line breaks.
        width = MAX_LABEL_WIDTH * self.style.text_scale
        text = metrics.boundingRect(QRectF(0, 0, width, 1000), _LABEL_FLAGS, name or " ")
        w, h = text.width() + 14, text.height() + 8
        self.box = QRectF(-w / 2, -h / 2, w, h)
        self.half_w, self.half_h = w / 2, h / 2
        self._set_tip()
        self.update()

    def set_kind(self, kind: str) -> None:
        if kind != self.kind:
            self.kind = kind
            self._set_tip()
            self.update()

    def _set_tip(self) -> None:
        self.setToolTip(f"{self.name} ({self.kind})" if self.kind != "variable" else self.name)

    def boundingRect(self) -> QRectF:
        return self.box.adjusted(-3, -7, 3, 3)  # room for a flow's valve on the top edge

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        painter.setBrush(QColor(self.style.variable_fill))
        pen = QPen(QColor(self.style.selection if selected else self.style.variable_border),
                   2.2 if selected else 0.8)
        if self.dashed:  # e.g. an activity of the monitor-and-control subsystem
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(max(pen.widthF(), 1.4))
        painter.setPen(pen)
        if lod < 0.3:  # zoomed far out: a plain box is all anyone can see
            painter.drawRect(self.box)
            return
        if self.kind == "stock":
            pen.setWidthF(max(pen.widthF(), 2.2))
            painter.setPen(pen)
            painter.drawRect(self.box)
        else:
            painter.drawRoundedRect(self.box, 6, 6)
            if self.kind == "flow":
                _draw_valve(painter, self.box)
        painter.setFont(self.font)
        painter.setPen(QColor(self.style.text))
        painter.drawText(self.box.adjusted(7, 4, -7, -4),
                         int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap), self.name)

    def itemChange(self, change, value):
        if change == _POSITION_CHANGE and self.snap:
            return QPointF(round(value.x() / GRID) * GRID, round(value.y() / GRID) * GRID)
        if change == _POSITION_CHANGED:
            for link in self.links:
                link.update_geometry()
            scene = self.scene()
            if isinstance(scene, DiagramScene):
                scene.geometry_changed()
        return super().itemChange(change, value)

    def scene_box(self) -> QRectF:
        return self.box.translated(self.pos()).adjusted(-2, -2, 2, 2)


class LinkItem(QGraphicsItem, Arrow):
    """One perspective's causal claim, in its perspective's colour and dash pattern."""


    def __init__(self, link_id: str, source: VariableItem, target: VariableItem, style: CanvasStyle) -> None:
        super().__init__()
        self.link_id, self.source, self.target, self.style = link_id, source, target, style
        self.object_id = link_id
        self.perspective = ""  # whose claim it is (the scene sets it with the claim)
        self.polarity, self.delay, self.curvature = "+", False, 0.0
        self.offset = 0.0  # extra bend that sets parallel claims of the same link side by side
        self.conflict = False
        self.unsupported = False  # no evidence (or only weak) supports it, and the gaps are shown
        self.show_sign = True  # arrows of logical contingency carry no polarity
        # Claims of one link drawn side by side with the same sign: the sign is printed once
        # (on the first of them); several copies crowded the arrowheads.
        self.sign_shared = False
        self.sign_choice: int | None = None  # which of its places the sign takes (print)
        self.pen = _NO_PEN
        self.setFlags(LINK_FLAGS)
        # A link keeps a picture of itself, so a pan copies it instead of stroking the curve
        # again (a dashed antialiased curve takes 40–190 µs a frame; a copy a few). Qt caps a
        # picture at the part inside the view, and the view sizes the shared pool.
        self.setCacheMode(_DEVICE_CACHE)
        self.setZValue(5)
        # Shared empty values until the curve is first worked out (they are replaced, never
        # changed in place): 15,000 links need not make 135,000 Qt objects to start with.
        self._path = self._shape = _NO_PATH
        self._head = _NO_POLYGON
        self._sign_at = self._mid = self._mark_at = _ORIGIN
        self._mid_tangent = self._mark_tangent = _RIGHT
        self._bounds = _NO_RECT
        self._stale = True  # the curve is worked out when first needed (paint, hit test)
        source.links.append(self)
        if target is not source:
            target.links.append(self)

    _long = False  # see LONG_LINK
    needs_layout = True  # not laid out since it was made or restyled
    colour = "#777777"
    overview_line: QLineF | None = None
    _q: tuple[float, float, float, float, float, float] | None = None  # the drawn curve, as numbers
    _marks: QRectF | None = None  # see _marks_rect; None when the curve or sign moved

    def set_claim(self, polarity: str, delay: bool, curvature: float, colour: str, dash: str,
                  geometry: bool = True) -> None:
        """``geometry`` False when the caller lays the link out next (a whole diagram being
        built computes each link's curve once, not twice)."""
        self.polarity, self.delay, self.curvature = polarity, delay, curvature
        # Lines, heads and signs grow with the words (print draws large words, then shrinks).
        self.pen = perspective_pen(colour, dash, self.style.link_width * self.style.text_scale)
        self.colour = self.pen.color().name()  # the overview groups lines by it, every frame it builds
        if geometry:
            self.update_geometry()
        else:
            self.needs_layout = True  # the caller lays it out (CldScene._arrange_pairs)

    def detach(self) -> None:
        for end in (self.source, self.target):
            if self in end.links:
                end.links.remove(self)

    def update_geometry(self) -> None:
        """The ends moved or the bend changed. The curve itself is worked out when it is first
        needed (a paint, a hit test): opening a large diagram zoomed out to fit needs none of
        them, and a drag needs only those on screen. The bounds are a safe over-estimate
        (both boxes, widened by the bend), so the scene's index is right meanwhile."""
        self.prepareGeometryChange()
        self._stale = True
        self.overview_line = None  # centre to centre, as the overview draws it: again when next needed
        self.needs_layout = False
        before = self._bounds
        self._bounds = self._rough_bounds()
        long = max(self._bounds.width(), self._bounds.height()) > LONG_LINK
        if long != self._long:
            self._long = long
            # (An export keeps every item uncached: it must stay vector.)
            self.setCacheMode(_NO_CACHE if long or self.scene_exporting() else _DEVICE_CACHE)
            self.setFlag(_EXTENDED, long)  # the exposed rect in paint, not the whole bounds
        scene = self.scene()
        layer = None
        if isinstance(scene, DiagramScene):
            scene.geometry_changed()
            layer = scene.long_links  # a causal scene paints its long links together
        if layer is not None and (long or layer.owns(self)):
            layer.track(self, long, before)
        else:
            self.update()

    def _rough_bounds(self) -> QRectF:
        if self.source is self.target:
            a = self.source.scene_box()
            radius = 22 + 32 * abs(self.offset)
            return a.adjusted(-radius - 40, -2.2 * radius - 40, radius + 40, 20)
        # In plain numbers: 15,000 links are estimated while a large diagram opens.
        source, target = self.source, self.target
        ax, ay, aw, ah = source.x(), source.y(), source.half_w, source.half_h
        bx, by, bw, bh = target.x(), target.y(), target.half_w, target.half_h
        margin = 0.5 * abs(self.curvature + self.offset) * math.hypot(bx - ax, by - ay) + 42
        left, top = min(ax - aw, bx - bw) - margin, min(ay - ah, by - bh) - margin
        return QRectF(left, top, max(ax + aw, bx + bw) + margin - left,
                      max(ay + ah, by + bh) + margin - top)

    def exact_rect(self) -> QRectF:
        """The scene rectangle the link really covers (its curve worked out if need be)."""
        self._ensure()
        r = 12 * self.style.text_scale
        return self._shape.boundingRect().united(
            QRectF(self._sign_at - QPointF(r, r), self._sign_at + QPointF(r, r))).adjusted(-4, -4, 4, 4)

    def settle(self) -> None:
        """Exact bounds in place of the estimate (exports measure the scene by them)."""
        exact = self.exact_rect()
        if exact != self._bounds:
            self.prepareGeometryChange()
            before, self._bounds = self._bounds, exact
            scene = self.scene()
            if isinstance(scene, DiagramScene):
                scene.bounds_tightened(before)
                if scene.long_links is not None and scene.long_links.owns(self):
                    scene.long_links.bounds_changed(self)

    def _ensure(self) -> None:
        if not self._stale:
            return
        self._stale = False
        self._marks = None
        if self.source is self.target:
            self._self_loop()
        else:
            self._curve()
        self._far_places = None  # worked out only when an export asks (sign_places)
        if self.sign_choice is not None:
            places = self.sign_places()
            if self.sign_choice < len(places):
                self._sign_at = places[self.sign_choice]
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        self._shape = stroker.createStroke(self._path)
        self._shape.addPolygon(self._head)

    def _curve(self) -> None:
        p1, p2 = self.source.pos(), self.target.pos()
        c = control_point(p1, p2, self.curvature + self.offset)
        t0 = exit_parameter(p1, c, p2, self.source.scene_box(), from_start=True)
        t1 = exit_parameter(p1, c, p2, self.target.scene_box(), from_start=False)
        if t1 <= t0:  # the boxes overlap: draw between centres
            t0, t1 = 0.0, 1.0
        start, end = point_at(p1, c, p2, t0), point_at(p1, c, p2, t1)
        # The sub-curve between t0 and t1 keeps the shape: its control point by blossoming.
        u0, u1 = 1 - t0, 1 - t1
        ctrl = p1 * (u0 * u1) + c * (u0 * t1 + t0 * u1) + p2 * (t0 * t1)
        path = QPainterPath(start)
        path.quadTo(ctrl, end)
        self._path = path
        self._q = (start.x(), start.y(), ctrl.x(), ctrl.y(), end.x(), end.y())
        self._arrow(end, tangent_at(p1, c, p2, t1))
        self._mid = point_at(p1, c, p2, (t0 + t1) / 2)
        self._mid_tangent = tangent_at(p1, c, p2, (t0 + t1) / 2)
        # The bend handle sits at the middle and the sign by the head: the delay mark and
        # the conflict ring go a third of the way along, clear of both.
        self._mark_at = point_at(p1, c, p2, t0 + (t1 - t0) * MARK_AT)
        self._mark_tangent = tangent_at(p1, c, p2, t0 + (t1 - t0) * MARK_AT)

    def _self_loop(self) -> None:
        box = self.source.scene_box()
        radius = 22 + 8 * abs(self.offset) * 4
        top = QPointF(box.center().x(), box.top())
        left, right = top + QPointF(-14, 0), top + QPointF(14, 0)
        path = QPainterPath(right)
        path.cubicTo(right + QPointF(radius, -radius * 2), left + QPointF(-radius, -radius * 2), left)
        self._path = path
        self._arrow(left, QPointF(0.3, 1))
        self._mid = top + QPointF(0, -radius * 1.5)
        self._mid_tangent = QPointF(-1, 0)
        self._mark_at, self._mark_tangent = self._mid, self._mid_tangent

    def _arrow(self, tip: QPointF, direction: QPointF) -> None:
        length = math.hypot(direction.x(), direction.y()) or 1.0
        d = QPointF(direction.x() / length, direction.y() / length)
        n = QPointF(-d.y(), d.x())
        s = self.style.text_scale
        size = (9 + self.style.link_width) * s
        self._head = QPolygonF([tip, tip - d * size + n * (size * 0.45), tip - d * size - n * (size * 0.45)])
        # Where the sign may go, best first: beside the head on either side, then further
        # back along the line. An export takes the first clear of every box and other sign
        # (clear_signs); on screen, the first clear of the box the link points at (a line
        # meeting its box at a slant put the sign on the box's words).
        self._sign_places = [tip - d * (size + (9 + 12 * k) * s) + n * (side * 11 * s)
                             for k in range(4) for side in (1, -1)]
        box = self.target.scene_box().adjusted(-10 * s, -10 * s, 10 * s, 10 * s)
        # (A choice made by clear_signs is applied once all the places are known: _ensure.)
        self._sign_at = next((p for p in self._sign_places[:2] if not box.contains(p)), self._sign_places[0])

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        self._ensure()
        return self._shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if self._stale:
            self._ensure()
            _settle_soon(self)  # exact bounds after this paint: later frames paint fewer links
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < 0.3:  # zoomed far out: a thin straight stroke in the perspective's colour
            pen = QPen(self.pen)
            pen.setWidthF(0)
            pen.setStyle(Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawLine(self._path.pointAtPercent(0), self._path.pointAtPercent(1))
            return
        # A long link is drawn only where the exposed rectangle meets it: its piece of the
        # curve, and its head, sign and marks if they are in it. A pan strip crosses hundreds
        # of long links' bounds and misses most of their curves: those cost one test.
        q = self._q if self._long and not self.scene_exporting() else None
        clipped = q is not None
        span: tuple[float, float] | None = (0.0, 1.0)
        marks_shown = True
        if q is not None:
            exposed = option.exposedRect
            pad = self.pen.widthF() + 4
            span = visible_span(q, exposed.left() - pad, exposed.top() - pad, exposed.right() + pad,
                                exposed.bottom() + pad)
            marks_shown = self.marks_in(exposed)
            if span is None and not marks_shown:
                return
        pen = self.pen
        if option.state & QStyle.StateFlag.State_Selected:
            pen = QPen(pen)
            pen.setWidthF(pen.widthF() + 1.6)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if not clipped or span == (0.0, 1.0):
            painter.drawPath(self._path)
        elif span is not None:
            self._draw_piece(painter, pen, span)
        if not marks_shown:  # the head, sign and marks are far off
            return
        self.paint_marks(painter, pen, lod)

    def paint_marks(self, painter: QPainter, pen: QPen, lod: float) -> None:
        """The head, the sign and the delay and conflict marks (the long-link layer draws
        them for the links it paints)."""
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(pen.color()))
        painter.drawPolygon(self._head)
        if lod < 0.45:
            return
        # (A contingency arrow or a chain link shows no sign; its marks it may still show.)
        if self.show_sign and not self.sign_shared:
            sign = {"+": "+", "-": "\u2212", "?": "?"}[self.polarity]
            painter.setPen(QColor(self.style.text))
            painter.setFont(self.style.font(13, bold=True))
            r = 10 * self.style.text_scale
            painter.drawText(QRectF(self._sign_at - QPointF(r, r), self._sign_at + QPointF(r, r)),
                             int(Qt.AlignmentFlag.AlignCenter), sign)
        if self.delay:
            self._draw_delay(painter, pen)
        if self.conflict:
            self._draw_conflict(painter)
        if self.unsupported:
            self._draw_gap(painter, pen)

    def _marks_rect(self) -> QRectF:
        """Where a long link draws more than its line, near its head: the head and the sign."""
        if self._marks is None:
            r = 14 * self.style.text_scale
            self._marks = self._head.boundingRect().united(
                QRectF(self._sign_at - QPointF(r, r), self._sign_at + QPointF(r, r)))
        return self._marks

    def _middle_rects(self) -> list[QRectF]:
        """Where its delay, conflict and evidence-gap marks sit along the line (none without
        them): apart from the head, so a strip far from them does not draw them."""
        if not (self.delay or self.conflict or self.unsupported):
            return []
        r = 14 * self.style.text_scale
        places = [self._mark_at] if self.delay or self.conflict else []
        if self.delay and self.conflict:
            places.append(point_between(self._mid, self._head.at(0), 0.5))
        if self.unsupported:
            places.append(self._mid)
        return [QRectF(at - QPointF(r, r), at + QPointF(r, r)) for at in places]

    def marks_in(self, exposed: QRectF) -> bool:
        return self._marks_rect().intersects(exposed) or any(m.intersects(exposed) for m in self._middle_rects())

    def _draw_piece(self, painter: QPainter, pen: QPen, span: tuple[float, float]) -> None:
        """Only a piece of a long curve: Qt strokes a whole path before it clips (a 1,600 px
        antialiased curve took 0.3 ms however little of it was shown)."""
        if self._q is None:
            return
        x0, y0, cx, cy, x1, y1 = sub_curve(self._q, *span)
        if pen.style() != Qt.PenStyle.SolidLine and span[0] > 0:
            # The dashes stay where they were along the whole curve: the piece starts its
            # pattern as far in as it lies along the link.
            before = sub_curve(self._q, 0.0, span[0])
            lead = QPainterPath(QPointF(before[0], before[1]))
            lead.quadTo(before[2], before[3], before[4], before[5])
            pen = QPen(pen)
            pen.setDashOffset(pen.dashOffset() + lead.length() / max(pen.widthF(), 1.0))
            painter.setPen(pen)
        piece = QPainterPath(QPointF(x0, y0))
        piece.quadTo(cx, cy, x1, y1)
        painter.drawPath(piece)

    def scene_exporting(self) -> bool:
        scene = self.scene()
        return isinstance(scene, DiagramScene) and scene.exporting

    def _draw_delay(self, painter: QPainter, pen: QPen) -> None:
        t = self._mark_tangent
        length = math.hypot(t.x(), t.y()) or 1.0
        d = QPointF(t.x() / length, t.y() / length)
        n = QPointF(-d.y(), d.x())
        s = self.style.text_scale
        mark = QPen(pen.color(), 2 * s)
        painter.setPen(mark)
        for shift in (-3.5 * s, 3.5 * s):
            centre = self._mark_at + d * shift
            painter.drawLine(centre - n * (8 * s), centre + n * (8 * s))

    def delay_mark_rect(self) -> QRectF:
        self._ensure()
        return QRectF(self._mark_at - QPointF(11, 11), self._mark_at + QPointF(11, 11))

    _far_places: list[QPointF] | None = None

    def sign_places(self) -> list[QPointF]:
        """Where the sign may go, best first: beside the head, then along the line from near
        its head towards its start (those only for print: the screen never asks)."""
        self._ensure()
        if self._far_places is None:
            s = self.style.text_scale
            far = []
            for away in (11, 8):
                for share in (0.8, 0.65, 0.5, 0.35, 0.2):
                    at = self._path.pointAtPercent(share)
                    angle = math.radians(self._path.angleAtPercent(share))
                    normal = QPointF(-math.sin(angle), -math.cos(angle)) * (away * s)
                    far += [at + normal, at - normal]
            self._far_places = far
        return self._sign_places + self._far_places

    def put_sign(self, choice: int) -> None:
        """The sign at the ``choice``-th of its places (sign_places)."""
        self.sign_choice = choice
        self._sign_at = self.sign_places()[choice]
        self._marks = None
        self.settle()

    def sign_rect(self) -> QRectF:
        self._ensure()
        r = 10 * self.style.text_scale
        return QRectF(self._sign_at - QPointF(r, r), self._sign_at + QPointF(r, r))

    def handle_point(self) -> QPointF:
        self._ensure()
        """Where the bend handle sits: the middle of the curve."""
        return self._mid

    def _draw_gap(self, painter: QPainter, pen: QPen) -> None:
        """No evidence supports the claim: a hollow diamond at its middle (the conflict ring
        and the delay bars sit a third of the way along)."""
        r = 6 * self.style.text_scale
        at = self._mid
        painter.setPen(QPen(pen.color(), 1.6 * self.style.text_scale))
        painter.setBrush(QColor(self.style.background))
        painter.drawPolygon(QPolygonF([at + QPointF(0, -r), at + QPointF(r, 0), at + QPointF(0, r), at + QPointF(-r, 0)]))

    def _draw_conflict(self, painter: QPainter) -> None:
        """Perspectives disagree on this link's polarity: a ringed '≠' on the line (a delay
        mark, when there is one, takes that place; the ring then sits at two thirds)."""
        at = self._mark_at if not self.delay else point_between(self._mid, self._head.at(0), 0.5)
        r = 8 * self.style.text_scale
        painter.setPen(QPen(QColor(self.style.text), 1.4 * self.style.text_scale))
        painter.setBrush(QColor(self.style.background))
        painter.drawEllipse(at, r, r)
        painter.setFont(self.style.font(10, bold=True))
        painter.drawText(QRectF(at - QPointF(r, r), at + QPointF(r, r)),
                         int(Qt.AlignmentFlag.AlignCenter), "\u2260")

    def midpoint(self) -> QPointF:
        self._ensure()
        return self._mid


class LoopLabelItem(QGraphicsItem, Marker):
    """'R1', 'B2' inside its loop, with a circling arrow; the loop's name as a tooltip."""

    def __init__(self, key: str, label: str, name: str, style: CanvasStyle) -> None:
        super().__init__()
        self.key, self.label = key, label
        self.setToolTip(f"{label} {name}".strip())
        self.setZValue(3)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # small, and on every frame
        self.set_style(style)

    def set_style(self, style: CanvasStyle) -> None:
        """The size follows the text scale; the scene's index must hear of a new size
        before it happens (a stale index crashed Qt when labels were later removed)."""
        self.prepareGeometryChange()
        self.style = style
        self._radius = 15 * style.text_scale
        self.update()

    def boundingRect(self) -> QRectF:
        r = self._radius + 2
        return QRectF(-r - 2, -r - 2, 2 * r + 4, 2 * r + 4)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        r = self._radius
        painter.setPen(QPen(QColor(self.style.text), 1.3))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawArc(QRectF(-r, -r, 2 * r, 2 * r), 100 * 16, 300 * 16)
        tip = QPointF(r * math.cos(math.radians(100)), -r * math.sin(math.radians(100)))
        painter.setBrush(QColor(self.style.text))
        painter.drawPolygon(QPolygonF([tip + QPointF(5, -4), tip + QPointF(5, 4), tip + QPointF(-2, 0)]))
        painter.setFont(self.style.font(11, bold=True))
        painter.drawText(QRectF(-r, -r, 2 * r, 2 * r), int(Qt.AlignmentFlag.AlignCenter), self.label)

    def mousePressEvent(self, event) -> None:
        scene = self.scene()
        if isinstance(scene, DiagramScene):
            scene.loop_clicked(self.key)
        event.accept()
