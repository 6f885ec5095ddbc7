"""Links longer than a view, painted together: one Python call per paint, not one per link.

On a map as users make one (an import laid out by Graphviz) most claims run across much of
the map. Each paint of a pan strip crossed the bounds of hundreds of them, and each was a
Python paint call that tested its curve against the strip: 770 calls and 60 ms a strip at
1,000 variables. Here one item stands in for every long link of a causal scene: the
curves' numbers sit in numpy arrays, a paint picks the links that reach into what it
paints with a few array operations, and strokes their visible pieces, grouped by pen,
opacity and selection. The links themselves stay in the scene for hit-testing, selection,
tooltips and editing, with ItemHasNoContents so Qt never asks them to paint; an export
hands them back their own painting (prepare_for_export), so prints stay exact vectors.

Dashes: Qt starts a dash pattern afresh at each piece of a path. A piece that starts part
way along its curve starts at the last whole period of the pattern before that point, so
its dashes fall where the whole curve's would (strips painted apart meet without a seam).
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from .cld_items import LinkItem, _settle_soon

_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_EXTENDED = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
_SAMPLES = 96  # points along a curve to measure how far along it a piece starts (to 0.1 px)
_EVERYWHERE = QRectF(-1e7, -1e7, 2e7, 2e7)
FADED = 0.5  # below this opacity a link is context, drawn as a hairline (see _line_pen)


class LongLinkLayer(QGraphicsItem):
    """Paints the long links of one causal scene (LinkItem.update_geometry hands them over)."""

    # A row per link (see _grow).
    _bounds: np.ndarray
    _curves: np.ndarray
    _marks: np.ndarray
    _ready: np.ndarray
    _period: np.ndarray

    def __init__(self, cld) -> None:
        super().__init__()
        self.cld = cld  # the causal scene whose links this paints (its overview, its blanking)
        self.setZValue(5)  # where links are drawn: under the boxes
        self.setFlag(_EXTENDED)  # the exposed rectangle, not the whole bounds
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.enabled = True  # False while exporting: every link paints itself
        self._links: list[LinkItem | None] = []
        self._rows: dict[LinkItem, int] = {}
        self._dirty: set[int] = set()
        self._states: dict[LinkItem, tuple[bool, float]] = {}
        self._selected: set[LinkItem] = set()
        self._grow(0)

    # The rows -----------------------------------------------------------------------------
    def _grow(self, size: int) -> None:
        """Room for ``size`` rows, keeping those there are: bounds, the drawn curve, where its
        marks lie, whether the curve is known yet (it is worked out the first time it is
        shown), and the length of its pen's dash pattern (0 for solid)."""
        kept = min(size, len(getattr(self, "_ready", ())))
        fresh = {"_bounds": np.full((size, 4), np.nan), "_curves": np.full((size, 6), np.nan),
                 "_marks": np.full((size, 4), np.nan), "_ready": np.zeros(size, dtype=bool),
                 "_period": np.zeros(size)}
        for name, array in fresh.items():
            if kept:
                array[:kept] = getattr(self, name)[:kept]
            setattr(self, name, array)

    def owns(self, link: LinkItem) -> bool:
        return link in self._rows

    def track(self, link: LinkItem, long: bool, old_bounds: QRectF) -> None:
        """The link's curve changed (or was made): take it, keep it, or give it back."""
        if long and self.enabled:
            row = self._rows.get(link)
            if row is None:
                row = len(self._links)
                self._links.append(link)
                self._rows[link] = row
                if row >= len(self._bounds):
                    self._grow(max(64, 2 * len(self._bounds)))
                link.setFlag(_NO_CONTENTS, True)
                self._states[link] = (link.isVisible(), link.opacity())
            self._dirty.add(row)
            self.update(old_bounds.united(link._bounds))
        elif link in self._rows:
            self.drop(link)
            self.update(old_bounds)

    def bounds_changed(self, link: LinkItem) -> None:
        """Exact bounds in place of the estimate: the same picture, fewer paints asked of it."""
        row = self._rows.get(link)
        if row is not None:
            b = link._bounds
            self._bounds[row] = (b.left(), b.top(), b.right(), b.bottom())

    def drop(self, link: LinkItem) -> None:
        """The link is short again, or leaves the scene: it paints itself (or nothing)."""
        row = self._rows.pop(link, None)
        if row is None:
            return
        self._links[row] = None
        self._bounds[row] = np.nan
        self._ready[row] = False
        self._dirty.discard(row)
        self._states.pop(link, None)
        self._selected.discard(link)
        try:
            link.setFlag(_NO_CONTENTS, bool(self.cld.items_blank))
        except RuntimeError:  # the item was deleted with its scene
            pass
        if len(self._rows) * 2 < len(self._links) and len(self._links) > 256:
            self._compact()

    def _compact(self) -> None:
        keep = [row for row, link in enumerate(self._links) if link is not None]
        self._links = [self._links[row] for row in keep]
        self._rows = {link: i for i, link in enumerate(self._links) if link is not None}
        index = np.array(keep, dtype=int)
        self._bounds, self._curves = self._bounds[index], self._curves[index]
        self._marks, self._ready, self._period = self._marks[index], self._ready[index], self._period[index]
        self._dirty = set(range(len(self._links)))

    def release_all(self) -> None:
        """Every link paints itself from now on (an export must stay vector, and exact)."""
        self.enabled = False
        for link in list(self._rows):
            self.drop(link)
        self.setVisible(False)

    def clear(self) -> None:
        for link in list(self._rows):
            self.drop(link)
        self._links, self._rows, self._dirty = [], {}, set()
        self._grow(0)

    def restore_flags(self) -> None:
        """After the overview gave every item its contents back: those held here stay blank."""
        for link in self._rows:
            link.setFlag(_NO_CONTENTS, True)

    # Repaints the links cannot ask for themselves ----------------------------------------------
    def check_states(self) -> None:
        """Shown, hidden or faded since the last look: repaint where those links run (a link
        without contents has its own repaints dropped by Qt)."""
        changed = QRectF()
        for link, before in self._states.items():
            now = (link.isVisible(), link.opacity())
            if now != before:
                self._states[link] = now
                changed = changed.united(link._bounds)
        if not changed.isNull():
            self.update(changed)

    def selection_changed(self) -> None:
        try:
            scene = self.scene()
            if scene is None:
                return
            now = {item for item in scene.selectedItems() if item in self._rows}
        except RuntimeError:  # the scene is being deleted, and this layer with it
            return
        changed = QRectF()
        for link in now ^ self._selected:
            changed = changed.united(link._bounds)
        self._selected = now
        if not changed.isNull():
            self.update(changed)

    # Painting ------------------------------------------------------------------------------
    def boundingRect(self) -> QRectF:
        # Everywhere: the links it paints come and go and move, and a repaint of a piece of
        # it is asked for by rectangle (update(rect)), so its own bounds never need telling.
        return _EVERYWHERE

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the mouse: clicks reach the links themselves

    def _refresh(self) -> None:
        for row in self._dirty:
            link = self._links[row]
            if link is None:
                continue
            b = link._bounds
            self._bounds[row] = (b.left(), b.top(), b.right(), b.bottom())
            self._ready[row] = False
            pen = link.pen
            pattern = pen.dashPattern() if pen.style() != Qt.PenStyle.SolidLine else []
            self._period[row] = sum(pattern) * max(pen.widthF(), 1.0) if pattern else 0.0
        self._dirty.clear()

    def _fill(self, rows: np.ndarray) -> None:
        """Curves worked out for the rows about to be drawn that have none yet."""
        for row in rows.tolist():
            link = self._links[row]
            if link is None:
                continue
            if link._stale:
                link._ensure()
                _settle_soon(link)
            if link._q is None:  # a loop on one variable is never long; drawn whole if so
                continue
            self._curves[row] = link._q
            m = link._marks_rect()
            self._marks[row] = (m.left(), m.top(), m.right(), m.bottom())
            self._ready[row] = True

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        if not self._rows or not self.enabled or self.cld.overview is not None:
            return
        if self._dirty:
            self._refresh()
        exposed = option.exposedRect
        if painter.hasClipping():
            # QGraphicsScene.render exposes the whole bounds (all of everywhere), not what
            # it paints: the clip says where that is.
            exposed = exposed.intersected(painter.clipBoundingRect())
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        pad = 4.0  # half the widest line (a selected one) and its antialiasing
        left, top = exposed.left() - pad, exposed.top() - pad
        right, bottom = exposed.right() + pad, exposed.bottom() + pad
        b = self._bounds
        with np.errstate(invalid="ignore"):
            near = np.flatnonzero((b[:, 0] <= right) & (b[:, 2] >= left) & (b[:, 1] <= bottom) & (b[:, 3] >= top))
        if not len(near):
            return
        unready = near[~self._ready[near]]
        if len(unready):
            self._fill(unready)
        near = near[self._ready[near]]
        q = self._curves[near]
        t0, t1 = visible_spans(q, left, top, right, bottom)
        with np.errstate(invalid="ignore"):
            shows_line = t1 > t0
        m = self._marks[near]
        shows_marks = ((m[:, 0] <= exposed.right()) & (m[:, 2] >= exposed.left())
                       & (m[:, 1] <= exposed.bottom()) & (m[:, 3] >= exposed.top()))
        drawn = shows_line | shows_marks
        if not drawn.any():
            return
        near, q, t0, t1, shows_line, shows_marks = (near[drawn], q[drawn], t0[drawn], t1[drawn],
                                                    shows_line[drawn], shows_marks[drawn])
        t0 = np.where(shows_line, t0, 0.0)
        t1 = np.where(shows_line, t1, 0.0)
        t0 = dash_starts(q, t0, self._period[near])
        cut = sub_curves(q, t0, t1)
        # A piece that bends less than a quarter pixel is stroked as a line: Qt strokes a
        # short line four times faster than a curve, and a pan strip holds hundreds of them.
        bend = np.hypot(cut[:, 0] - 2 * cut[:, 2] + cut[:, 4], cut[:, 1] - 2 * cut[:, 3] + cut[:, 5]) / 4
        straight = (bend * lod < 0.25).tolist()
        pieces = cut.tolist()
        if lod < 0.3:
            self._paint_plain(painter, near, q)
            return
        # Each piece is stroked on its own, grouped only to set each pen once: Qt's raster
        # engine fills one path of many pieces scanline by scanline across all of them (a
        # view's 180 crossing pieces as one path took 950 ms; one by one, a few).
        groups: dict[tuple[int, float, bool], tuple[QPen, float, list, list]] = {}
        for row, piece, flat, line, marks in zip(near.tolist(), pieces, straight, shows_line.tolist(),
                                                 shows_marks.tolist(), strict=True):
            link = self._links[row]
            if link is None or not link.isVisible():
                continue
            opacity = link.opacity()
            if opacity <= 0.0:
                continue
            selected = link.isSelected()
            key = (id(link.pen), opacity, selected)
            group = groups.get(key)
            if group is None:
                group = groups[key] = (link.pen, opacity, [], [])
            if line:
                group[2].append((piece, flat))
            if marks or (line and (link.delay or link.conflict or link.unsupported) and link.marks_in(exposed)):
                group[3].append(link)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        draw, draw_line = painter.drawPath, painter.drawLine
        background = self._background()
        for (_pen_id, _opacity, selected), (pen, opacity, lines, _marked) in groups.items():
            if not lines:
                continue
            painter.setPen(_line_pen(pen, opacity, selected, background))
            for (x0, y0, cx, cy, x1, y1), flat in lines:
                if flat:
                    draw_line(QLineF(x0, y0, x1, y1))
                    continue
                path = QPainterPath(QPointF(x0, y0))
                path.quadTo(cx, cy, x1, y1)
                draw(path)
        for (_pen_id, _opacity, selected), (pen, opacity, _lines, marked) in groups.items():
            if marked:
                painter.setOpacity(opacity)
                for link in marked:
                    link.paint_marks(painter, _widened(pen) if selected else pen, lod)
        painter.setOpacity(1.0)

    def _background(self) -> QColor:
        scene = self.scene()
        return scene.backgroundBrush().color() if scene is not None else QColor("white")

    def _paint_plain(self, painter: QPainter, rows: np.ndarray, q: np.ndarray) -> None:
        """Zoomed far out (and the overview not standing in): thin straight strokes."""
        for row, curve in zip(rows.tolist(), q.tolist(), strict=True):
            link = self._links[row]
            if link is None or not link.isVisible():
                continue
            pen = QPen(link.pen)
            pen.setWidthF(0)
            pen.setStyle(Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.setOpacity(link.opacity())
            painter.drawLine(QPointF(curve[0], curve[1]), QPointF(curve[4], curve[5]))
        painter.setOpacity(1.0)


def _widened(pen: QPen) -> QPen:
    """A selected link's pen: as a selected link paints itself (LinkItem.paint)."""
    pen = QPen(pen)
    pen.setWidthF(pen.widthF() + 1.6)
    return pen


def _line_pen(pen: QPen, opacity: float, selected: bool, background: QColor) -> QPen:
    """The pen a group's lines are stroked with. A faded link is stroked opaque in its colour
    mixed with the background, not with the painter's opacity: Qt strokes a translucent
    dashed pen as one outline filled at the end, and a faded view of a workshop map (a loop
    picked) took 340 ms a frame that way; mixed, it looks the same on the canvas's plain
    background and strokes as fast as an opaque line."""
    if selected:
        pen = _widened(pen)
    elif opacity < FADED:
        # Faded context (the rest of the map while a loop is picked): a plain hairline in the
        # mixed colour. Qt strokes a one-pixel line through a path ten times faster than a
        # wider one, and at this opacity neither width nor dashes can be told apart.
        c, a = pen.color(), opacity * pen.color().alphaF()
        hairline = QPen(_mixed(c, a, background), 0)
        hairline.setCosmetic(True)
        return hairline
    if opacity < 1.0:
        pen = QPen(pen)
        pen.setColor(_mixed(pen.color(), opacity * pen.color().alphaF(), background))
    return pen


def _mixed(c: QColor, a: float, background: QColor) -> QColor:
    return QColor.fromRgbF(c.redF() * a + background.redF() * (1 - a), c.greenF() * a + background.greenF() * (1 - a),
                           c.blueF() * a + background.blueF() * (1 - a))


# Curves in arrays ----------------------------------------------------------------------------
def visible_spans(q: np.ndarray, left: float, top: float, right: float, bottom: float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """geometry.visible_span for many curves at once: per row (t0, t1), NaN where the curve
    never enters the rectangle."""
    x0, y0, cx, cy, x1, y1 = (q[:, i] for i in range(6))
    found = [np.where((left <= x0) & (x0 <= right) & (top <= y0) & (y0 <= bottom), 0.0, np.nan),
             np.where((left <= x1) & (x1 <= right) & (top <= y1) & (y1 <= bottom), 1.0, np.nan)]
    with np.errstate(all="ignore"):
        for p0, p1, p2, o0, o1, o2, edges, low, high in (
                (x0, cx, x1, y0, cy, y1, (left, right), top, bottom),
                (y0, cy, y1, x0, cx, x1, (top, bottom), left, right)):
            a, b = p0 - 2 * p1 + p2, 2 * (p1 - p0)
            for edge in edges:
                for root in _roots(a, b, p0 - edge):
                    t = np.clip(root, 0.0, 1.0)  # a rounding error past an end is at the end
                    u = 1 - t
                    other = u * u * o0 + 2 * u * t * o1 + t * t * o2
                    ok = (root >= -1e-9) & (root <= 1.0 + 1e-9) & (other >= low - 1e-6) & (other <= high + 1e-6)
                    found.append(np.where(ok, t, np.nan))
    stack = np.stack(found, axis=1)
    return np.fmin.reduce(stack, axis=1), np.fmax.reduce(stack, axis=1)


def _roots(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    linear = np.abs(a) < 1e-9
    d = b * b - 4 * a * c
    s = np.sqrt(np.where(d >= 0, d, np.nan))
    r1, r2 = (-b - s) / (2 * a), (-b + s) / (2 * a)
    lone = np.where(np.abs(b) > 1e-12, -c / b, np.nan)
    return np.where(linear, lone, r1), np.where(linear, np.nan, r2)


def sub_curves(q: np.ndarray, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
    """geometry.sub_curve for many curves at once."""
    x0, y0, cx, cy, x1, y1 = (q[:, i] for i in range(6))
    u0, u1 = 1 - t0, 1 - t1
    a, m, z = u0 * u0, 2 * u0 * t0, t0 * t0
    e, f, g = u1 * u1, 2 * u1 * t1, t1 * t1
    h, k, n = u0 * u1, u0 * t1 + t0 * u1, t0 * t1
    return np.stack([a * x0 + m * cx + z * x1, a * y0 + m * cy + z * y1,
                     h * x0 + k * cx + n * x1, h * y0 + k * cy + n * y1,
                     e * x0 + f * cx + g * x1, e * y0 + f * cy + g * y1], axis=1)


def dash_starts(q: np.ndarray, t0: np.ndarray, period: np.ndarray) -> np.ndarray:
    """Where a dashed piece starting at ``t0`` must start for its dashes to fall where the
    whole curve's do: the last whole period of its pattern at or before t0."""
    rows = np.flatnonzero((period > 0) & (t0 > 0))
    if not len(rows):
        return t0
    c = q[rows]
    ts = np.linspace(0.0, 1.0, _SAMPLES + 1)
    u = 1 - ts
    xs = np.outer(c[:, 0], u * u) + np.outer(c[:, 2], 2 * u * ts) + np.outer(c[:, 4], ts * ts)
    ys = np.outer(c[:, 1], u * u) + np.outer(c[:, 3], 2 * u * ts) + np.outer(c[:, 5], ts * ts)
    steps = np.hypot(np.diff(xs, axis=1), np.diff(ys, axis=1))
    along = np.concatenate([np.zeros((len(rows), 1)), np.cumsum(steps, axis=1)], axis=1)
    start = t0[rows] * _SAMPLES
    i = np.minimum(start.astype(int), _SAMPLES - 1)
    lead = along[np.arange(len(rows)), i] + (start - i) * steps[np.arange(len(rows)), i]
    wanted = np.floor(lead / period[rows]) * period[rows]
    j = np.clip((along <= wanted[:, None]).sum(axis=1) - 1, 0, _SAMPLES - 1)
    step = steps[np.arange(len(rows)), j]
    share = np.where(step > 0, (wanted - along[np.arange(len(rows)), j]) / np.where(step > 0, step, 1.0), 0.0)
    out = t0.copy()
    out[rows] = np.clip((j + np.clip(share, 0.0, 1.0)) / _SAMPLES, 0.0, t0[rows])
    return out

