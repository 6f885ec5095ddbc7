"""The journey map: a lane per family member, touchpoints as cards along time (a card in
each lane the contact involved), services as the cards' colours, and each lane's feelings
line. Thin items keyed by touchpoint id over layout/journey_layout.py; the page edits the
model and rebuilds, and highlights (a loop's touchpoints) are only a repaint of the cards
whose state changed."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
)

from ..layout.journey_layout import CARD_H, CARD_W, LABEL_W, JourneyLayout, lay_out
from ..model.journeys import CHANNELS, FEELING_COLOURS, SERVICE_PALETTE, Journey, Touchpoint
from ..model.project import Project
from .style import CanvasStyle


def service_colour(index: int) -> QColor:
    """The palette's colours, then lighter tints of them."""
    colour = QColor(SERVICE_PALETTE[index % len(SERVICE_PALETTE)])
    return colour.lighter(100 + 25 * (index // len(SERVICE_PALETTE))) if index >= len(SERVICE_PALETTE) else colour


FEELING_PIECE = 24  # contacts to a piece of a feelings line


class CardLook:
    """What every card shares (fonts, metrics, pens), made once per scene."""

    def __init__(self, style: CanvasStyle) -> None:
        self.style = style
        self.small = style.font(8.0)
        self.bold = style.font(8.5, bold=True)
        self.small_metrics, self.bold_metrics = QFontMetricsF(self.small), QFontMetricsF(self.bold)
        self.border = QPen(QColor(style.variable_border), 1.0)
        self.selected = QPen(QColor(style.selection), 3.0)
        self.lit = QPen(QColor("#000000"), 2.6)
        self.fill = QBrush(QColor(style.variable_fill))
        self.text = QColor(style.text)
        self.pain = QBrush(QColor("#B2182B"))


class TouchpointCard(QGraphicsItem):
    """One touchpoint in one lane."""

    def __init__(self, touchpoint: Touchpoint, lines: tuple[str, str, str], colour: QColor, look: CardLook) -> None:
        super().__init__()
        self.touchpoint_id = touchpoint.id
        self.feeling, self.painful = touchpoint.feeling, bool(touchpoint.pain_point)
        self.lines, self.colour, self.look = lines, QBrush(colour), look
        self.lit = False  # fed a highlighted loop, or affects a chosen variable
        self.dimmed = False
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self._elided: tuple[str, str, str] | None = None

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return QRectF(-2, -2, CARD_W + 4, CARD_H + 4)

    def set_state(self, lit: bool, dimmed: bool) -> None:
        if (lit, dimmed) != (self.lit, self.dimmed):
            self.lit, self.dimmed = lit, dimmed
            self.update()

    def paint(self, painter: QPainter, option, widget=None) -> None:
        look = self.look
        if self.dimmed:
            painter.setOpacity(0.3)
        pen = look.selected if self.isSelected() else look.lit if self.lit else look.border
        painter.setPen(pen)
        painter.setBrush(look.fill)
        painter.drawRoundedRect(QRectF(0, 0, CARD_W, CARD_H), 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.colour)
        painter.drawRect(QRectF(1, 1, 7, CARD_H - 2))  # the service's colour
        painter.setBrush(QBrush(QColor(FEELING_COLOURS[self.feeling])))
        painter.drawEllipse(QPointF(CARD_W - 10, 10), 5, 5)  # how it felt
        if self.painful:
            painter.setBrush(look.pain)
            painter.drawPolygon([QPointF(CARD_W - 18, CARD_H), QPointF(CARD_W, CARD_H - 18), QPointF(CARD_W, CARD_H)])
        if self._elided is None:
            width = CARD_W - 30
            head, service, happened = self.lines
            self._elided = (look.small_metrics.elidedText(head, Qt.TextElideMode.ElideRight, width),
                            look.bold_metrics.elidedText(service, Qt.TextElideMode.ElideRight, CARD_W - 16),
                            look.small_metrics.elidedText(happened, Qt.TextElideMode.ElideRight, CARD_W - 16))
        head, service, happened = self._elided
        painter.setPen(look.text)
        painter.setFont(look.small)
        painter.drawText(QPointF(13, 14), head)
        painter.drawText(QPointF(13, 52), happened)
        painter.setFont(look.bold)
        painter.drawText(QPointF(13, 33), service)


class JourneyScene(QGraphicsScene):
    def __init__(self, style: CanvasStyle | None = None) -> None:
        super().__init__()
        self.style_ = style or CanvasStyle()
        self.look = CardLook(self.style_)
        self.cards: dict[str, list[TouchpointCard]] = {}  # touchpoint id -> its card in each lane
        self.layout: JourneyLayout = JourneyLayout()
        self.journey_id: str | None = None
        self.setBackgroundBrush(QColor(self.style_.background))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)

    def show_journey(self, project: Project, journey: Journey | None) -> None:
        """Rebuild from the model (after an edit, or another journey chosen)."""
        self.clearSelection()
        self.clear()
        self.cards = {}
        self.journey_id = journey.id if journey is not None else None
        if journey is None:
            self.layout = JourneyLayout()
            self.setSceneRect(QRectF(0, 0, 400, 200))
            return
        self.layout = layout = lay_out(journey)
        services = {s.id: (i, s.name) for i, s in enumerate(project.services)}
        phases = {p.id: p.name for p in journey.phases}
        touchpoints = {t.id: t for t in journey.touchpoints}
        width, height = layout.width, layout.height
        self._draw_lanes(layout, width)
        lines: list[list[QPointF]] = [[] for _ in layout.lane_names]
        for placed in layout.cards:
            touchpoint = touchpoints[placed.touchpoint_id]
            index, name = services.get(touchpoint.service or "", (-1, "No service recorded"))
            head = " · ".join(w for w in (touchpoint.dated or phases.get(touchpoint.phase or "", "undated"),
                                          CHANNELS[touchpoint.channel],
                                          f"wait {touchpoint.wait_days}d" if touchpoint.wait_days else "") if w)
            text = (head, name, touchpoint.happened or touchpoint.pain_point)
            colour = service_colour(index) if index >= 0 else QColor("#FFFFFF")
            made = []
            for lane in placed.lanes:
                card = TouchpointCard(touchpoint, text, colour, self.look)
                card.setPos(placed.x, layout.card_top(lane))
                card.setToolTip(_tooltip(touchpoint, name))
                self.addItem(card)
                made.append(card)
                lines[lane].append(QPointF(placed.x + CARD_W / 2, layout.feeling_y(lane, touchpoint.feeling)))
            self.cards[touchpoint.id] = made
        self._draw_feelings(lines)
        self.setSceneRect(QRectF(-LABEL_W, 0, width + LABEL_W + 20, height + 10))

    def _draw_lanes(self, layout: JourneyLayout, width: float) -> None:
        band = [QBrush(QColor("#F4F6F8")), QBrush(QColor("#FFFFFF"))]
        label_font: QFont = self.style_.font(10.0, bold=True)
        for lane, name in enumerate(layout.lane_names):
            top = layout.lane_top(lane)
            rect = self.addRect(QRectF(-LABEL_W, top, width + LABEL_W + 20, layout.lane_top(1) - layout.lane_top(0)),
                                QPen(Qt.PenStyle.NoPen), band[lane % 2])
            rect.setZValue(-10)
            label = QGraphicsSimpleTextItem(name)
            label.setFont(label_font)
            label.setBrush(QColor(self.style_.text))
            label.setPos(-LABEL_W + 8, layout.card_top(lane) + 20)
            self.addItem(label)
        axis = QPen(QColor("#8A8A80"), 1.0)
        tick_font = self.style_.font(8.0)
        for x, words in layout.ticks:
            self.addLine(x, 4, x, layout.height, axis).setZValue(-5)
            mark = QGraphicsSimpleTextItem(words)
            mark.setFont(tick_font)
            mark.setBrush(QColor(self.style_.text))
            mark.setPos(x + 3, 4)
            self.addItem(mark)

    def _draw_feelings(self, lines: list[list[QPointF]]) -> None:
        """Each lane's line in pieces of a few dozen contacts: a view paints only the pieces
        it shows (one path the journey's length was stroked whole at every scroll)."""
        pen = QPen(QColor("#444444"), 1.6)
        for points in lines:
            if len(points) < 2:
                continue
            for start in range(0, len(points) - 1, FEELING_PIECE):
                piece = points[start:start + FEELING_PIECE + 1]  # pieces share their ends: the line is unbroken
                path = QPainterPath(piece[0])
                for point in piece[1:]:
                    path.lineTo(point)
                for point in piece[:-1] if start + FEELING_PIECE < len(points) - 1 else piece:
                    path.addEllipse(point, 2.5, 2.5)  # a dot at each contact: the line's turns are the feelings
                item = QGraphicsPathItem(path)
                item.setPen(pen)
                item.setZValue(-1)
                self.addItem(item)

    # Highlights -----------------------------------------------------------------------------
    def highlight(self, lit: set[str] | None) -> None:
        """Light these touchpoints and dim the rest; None: every card as it was."""
        for touchpoint_id, cards in self.cards.items():
            on = lit is not None and touchpoint_id in lit
            for card in cards:
                card.set_state(on, lit is not None and not on)

    def lit(self) -> set[str]:
        return {tid for tid, cards in self.cards.items() if cards and cards[0].lit}

    def selected_touchpoints(self) -> list[str]:
        seen: dict[str, None] = {}
        for item in self.selectedItems():
            if isinstance(item, TouchpointCard):
                seen[item.touchpoint_id] = None
        return list(seen)

    def select_touchpoint(self, touchpoint_id: str | None) -> None:
        self.clearSelection()
        for card in self.cards.get(touchpoint_id or "", []):
            card.setSelected(True)


def _tooltip(touchpoint: Touchpoint, service: str) -> str:
    said = [f"{touchpoint.dated or 'Undated'}: {service} ({CHANNELS[touchpoint.channel]})"]
    if touchpoint.happened:
        said.append(touchpoint.happened)
    if touchpoint.pain_point:
        said.append(f"Pain point: {touchpoint.pain_point}")
    if touchpoint.wait_days is not None:
        said.append(f"Waited {touchpoint.wait_days} day(s)")
    said.append(f"How it felt: {touchpoint.feeling:+d}")
    return "\n".join(said)
