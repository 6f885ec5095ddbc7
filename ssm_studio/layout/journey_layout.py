"""Where a journey's cards go: a lane per member, time running left to right.

Time keeps one axis for every lane, so lanes can be read against each other: a card sits at
its date's place, unless an earlier card in one of its lanes is still in the way, and then it
and every later date move right by what it had to (the axis bends, but never back, and its
month marks are placed on the bent axis). An undated card follows the contact recorded before
it. Qt-free: the page's scene and the pack's drawing both place cards from here.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date

from ..analysis.journeys import ordered
from ..model import Journey

CARD_W, CARD_H, GAP = 132.0, 66.0, 10.0
FEELING_H = 30.0  # the strip above a lane's cards where its feelings line runs
LANE_H = FEELING_H + CARD_H + 22.0
LABEL_W = 150.0  # the lane names, left of time's origin
AXIS_H = 26.0
PX_PER_DAY = 3.0


@dataclass
class Placed:
    touchpoint_id: str
    x: float
    lanes: list[int]  # lane indexes it sits in (a card is drawn in each)


@dataclass
class JourneyLayout:
    cards: list[Placed] = field(default_factory=list)  # in time order
    lane_names: list[str] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)  # (x, "Mar 2026") month marks
    width: float = 0.0

    @property
    def height(self) -> float:
        return AXIS_H + LANE_H * max(1, len(self.lane_names))

    @staticmethod
    def lane_top(lane: int) -> float:
        return AXIS_H + lane * LANE_H

    @staticmethod
    def card_top(lane: int) -> float:
        return AXIS_H + lane * LANE_H + FEELING_H

    @staticmethod
    def feeling_y(lane: int, feeling: int) -> float:
        """+2 at the top of the lane's strip, -2 at its foot."""
        return AXIS_H + lane * LANE_H + 4 + (2 - feeling) * (FEELING_H - 8) / 4


def lay_out(journey: Journey) -> JourneyLayout:
    lanes = {m.id: i for i, m in enumerate(journey.members)}
    layout = JourneyLayout(lane_names=[m.pseudonym for m in journey.members])
    cursor = [0.0] * len(lanes)  # the right edge of each lane's last card
    shift = 0.0  # how far the axis has bent right so far
    origin: int | None = None
    bends: list[tuple[int, float]] = []  # (day, shift from then on)
    placed_days: list[tuple[int, float]] = []  # (day, x) of each card, in time order
    day = 0
    for touchpoint in ordered(journey):
        if touchpoint.dated:
            ordinal = date.fromisoformat(touchpoint.dated).toordinal()
            origin = ordinal if origin is None else origin
            day = ordinal - origin
        in_lanes = [lanes[m] for m in touchpoint.members if m in lanes]
        linear = day * PX_PER_DAY + shift
        x = max([linear, *(cursor[i] for i in in_lanes)])
        if x > linear:
            shift += x - linear
            bends.append((day, shift))
        for i in in_lanes:
            cursor[i] = x + CARD_W + GAP
        layout.cards.append(Placed(touchpoint.id, x, in_lanes))
        placed_days.append((day, x))
    layout.width = max([CARD_W, *cursor])
    if origin is not None:
        layout.ticks = _month_ticks(origin, day, bends, placed_days)
    return layout


def _month_ticks(origin: int, last_day: int, bends: list[tuple[int, float]],
                 placed: list[tuple[int, float]]) -> list[tuple[float, str]]:
    """A mark where each month begins on the bent axis: after every card dated before it and
    before every card dated in it or later (cards' x grows with their time)."""
    first = date.fromordinal(origin)
    month = date(first.year, first.month, 1)
    days = [b[0] for b in bends]
    card_days = [d for d, _ in placed]
    ticks = []
    while month.toordinal() - origin <= last_day:
        offset = month.toordinal() - origin
        at = bisect_right(days, offset - 1)  # bends of days before this month began
        x = offset * PX_PER_DAY + (bends[at - 1][1] if at else 0.0)
        split = bisect_right(card_days, offset - 1)  # the first card dated in this month or later
        if split:  # clear of the last card before the month where there is room …
            x = max(x, placed[split - 1][1] + CARD_W + GAP / 2)
        if split < len(placed):  # … and never past the first card in it
            x = min(x, placed[split][1] - GAP / 2)
        ticks.append((max(0.0, x), month.strftime("%b %Y")))
        month = date(month.year + (month.month == 12), month.month % 12 + 1, 1)
    return ticks
