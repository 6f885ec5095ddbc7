"""A client journey drawn for print: a lane per member, each contact a mark in its service's
colour at its date (time runs evenly: a board member reads the gaps), pain points flagged,
each lane's feelings line, month marks, and a key of the services. Small enough for one
landscape page however many contacts there are; the cards themselves are on screen."""

from __future__ import annotations

from datetime import date

from reportlab.graphics.shapes import Drawing, Line, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from ..analysis.journeys import ordered
from ..model.journeys import FEELING_COLOURS, SERVICE_PALETTE, Journey
from ..model.project import Project
from .fonts import BOLD, SANS

LANE_H, LABEL_W, MARK_W, MARK_H = 52.0, 92.0, 6.0, 14.0
FEEL_H = 16.0  # the strip at the top of a lane where its feelings line runs
KEY_ROW, KEY_COLUMNS = 11.0, 3


def service_colour(index: int):
    base = colors.HexColor(SERVICE_PALETTE[index % len(SERVICE_PALETTE)])
    tint = min(0.6, 0.25 * (index // len(SERVICE_PALETTE)))
    return colors.linearlyInterpolatedColor(base, colors.white, 0, 1, tint) if tint else base


def journey_drawing(project: Project, journey: Journey, width: float = 480.0, text_scale: float = 1.0) -> Drawing:
    services = {s.id: (i, s.name) for i, s in enumerate(project.services)}
    used = sorted({t.service for t in journey.touchpoints if t.service is not None},
                  key=lambda s: services.get(s, (0, ""))[0])
    lanes = {m.id: i for i, m in enumerate(journey.members)}
    key_rows = (len(used) + KEY_COLUMNS - 1) // KEY_COLUMNS
    height = 18 + LANE_H * max(1, len(lanes)) + 16 + KEY_ROW * key_rows + 6
    drawing = Drawing(width, height)
    drawing.__dict__["fontName"] = SANS
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None, strokeWidth=0))
    top = height - 18  # y falls down the page: lane i spans top - (i + 1) * LANE_H .. top - i * LANE_H
    for name, i in ((m.pseudonym, lanes[m.id]) for m in journey.members):
        y0 = top - (i + 1) * LANE_H
        drawing.add(Rect(0, y0, width, LANE_H, fillColor=colors.HexColor("#F4F6F8" if i % 2 == 0 else "#FFFFFF"),
                         strokeColor=None, strokeWidth=0))
        drawing.add(String(4, y0 + LANE_H / 2 - 3, name[:18], fontName=BOLD, fontSize=8 * text_scale))
    placed = _times(journey)
    days = [d for d in placed.values() if d is not None]
    span = max(1, max(days) - min(days)) if days else 1
    start = min(days) if days else 0
    usable = width - LABEL_W - 12

    def x_of(day: int | None) -> float:
        return LABEL_W + usable * ((day if day is not None else start) - start) / span

    if days:
        first = date.fromordinal(start)
        month = date(first.year, first.month, 1)
        step = max(1, round(span / 30.44 / 12))  # at most about twelve month marks
        while month.toordinal() <= start + span:
            if month.toordinal() >= start:
                x = x_of(month.toordinal())
                drawing.add(Line(x, top - LANE_H * len(lanes), x, top + 4, strokeColor=colors.HexColor("#8A8A80"),
                                 strokeWidth=0.4))
                drawing.add(String(x + 2, top + 5, month.strftime("%b %Y"), fontName=SANS, fontSize=7 * text_scale))
            ahead = month.month - 1 + step
            month = date(month.year + ahead // 12, ahead % 12 + 1, 1)
    feelings: dict[int, list[float]] = {}
    last_x: dict[int, float] = {}
    row: dict[int, int] = {}
    for touchpoint in ordered(journey):
        x = x_of(placed[touchpoint.id])
        index = services.get(touchpoint.service or "", (-1, ""))[0]
        fill = service_colour(index) if index >= 0 else colors.white
        for member in touchpoint.members:
            lane = lanes.get(member)
            if lane is None:
                continue
            # marks closer than their width stack upwards (three high), so none hides another
            row[lane] = (row.get(lane, 0) + 1) % 3 if x - last_x.get(lane, -99.0) < MARK_W + 1 else 0
            last_x[lane] = x
            y0 = top - (lane + 1) * LANE_H + 4 + row[lane] * (MARK_H - 4)
            drawing.add(Rect(x, y0, MARK_W, MARK_H, fillColor=fill, strokeColor=colors.HexColor("#555555"),
                             strokeWidth=0.4))
            if touchpoint.pain_point:
                drawing.add(Polygon([x, y0 + MARK_H + 1, x + MARK_W, y0 + MARK_H + 1, x + MARK_W / 2, y0 + MARK_H + 6],
                                    fillColor=colors.HexColor(FEELING_COLOURS[-2]), strokeColor=None, strokeWidth=0))
            feel_y = top - lane * LANE_H - 3 - (2 - touchpoint.feeling) * (FEEL_H - 4) / 4
            feelings.setdefault(lane, []).extend([x + MARK_W / 2, feel_y])
    for points in feelings.values():
        if len(points) >= 4:
            drawing.add(PolyLine(points, strokeColor=colors.HexColor("#444444"), strokeWidth=0.8))
    key_top = top - LANE_H * max(1, len(lanes)) - 14
    column_w = width / KEY_COLUMNS
    for n, service in enumerate(used):
        index, name = services.get(service, (-1, "?"))
        x, y = (n % KEY_COLUMNS) * column_w + 4, key_top - (n // KEY_COLUMNS) * KEY_ROW
        drawing.add(Rect(x, y, 8, 7, fillColor=service_colour(index), strokeColor=None, strokeWidth=0))
        drawing.add(String(x + 11, y, name[:30], fontName=SANS, fontSize=7 * text_scale))
    return drawing


def _times(journey: Journey) -> dict[str, int | None]:
    """Each touchpoint's day (an ordinal); an undated one takes the day of the contact before it."""
    days: dict[str, int | None] = {}
    previous: int | None = None
    for touchpoint in ordered(journey):
        if touchpoint.dated:
            previous = date.fromisoformat(touchpoint.dated).toordinal()
        days[touchpoint.id] = previous
    return days
