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
from .curve_arrays import SAMPLES, arc_tables, dash_starts, sub_curves, visible_spans

_NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
_EXTENDED = QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
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
    _along: np.ndarray
    _visible: np.ndarray
    _opacity: np.ndarray
    _chosen: np.ndarray
    _pen: np.ndarray
    _middle: np.ndarray

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
        self._pens: list[QPen] = []  # the pens the rows use, by index (_pen)
        self._pen_index: dict[tuple, int] = {}
        self._grow(0)

    # The rows -----------------------------------------------------------------------------
    def _grow(self, size: int) -> None:
        """Room for ``size`` rows, keeping those there are: bounds, the drawn curve, where its
        head and sign lie, whether the curve is known yet (it is worked out the first time it
        is shown), the length of its pen's dash pattern (0 for solid), its arc table, and
        what the link's item says of itself (shown, opacity, selected, pen, middle marks),
        kept here so a paint reads arrays rather than asking a thousand items."""
        kept = min(size, len(getattr(self, "_ready", ())))
        fresh = {"_bounds": np.full((size, 4), np.nan), "_curves": np.full((size, 6), np.nan),
                 "_marks": np.full((size, 4), np.nan), "_ready": np.zeros(size, dtype=bool),
                 "_period": np.zeros(size), "_along": np.zeros((size, SAMPLES + 1), dtype=np.float32),
                 "_visible": np.zeros(size, dtype=bool), "_opacity": np.ones(size),
                 "_chosen": np.zeros(size, dtype=bool), "_pen": np.zeros(size, dtype=np.int64),
                 "_middle": np.zeros(size, dtype=bool)}
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
                self._states[link] = state = (link.isVisible(), link.opacity())
                self._visible[row], self._opacity[row] = state
                self._chosen[row] = link.isSelected()
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
        self._ready[row] = self._visible[row] = False
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
        for name in ("_bounds", "_curves", "_marks", "_ready", "_period", "_along", "_visible", "_opacity",
                     "_chosen", "_pen", "_middle"):
            setattr(self, name, getattr(self, name)[index])
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
                row = self._rows[link]
                self._visible[row], self._opacity[row] = now
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
            self._chosen[self._rows[link]] = link in now
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
            key = (pen.color().rgba(), pen.widthF(), tuple(pattern))
            index = self._pen_index.get(key)
            if index is None:
                index = self._pen_index[key] = len(self._pens)
                self._pens.append(QPen(pen))
            self._pen[row] = index
            self._middle[row] = link.delay or link.conflict or link.unsupported
        self._dirty.clear()

    def _fill(self, rows: np.ndarray) -> None:
        """Curves worked out for the rows about to be drawn that have none yet."""
        filled = []
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
            filled.append(row)
        if filled:
            self._along[filled] = arc_tables(self._curves[filled])

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
        shown = self._visible[near] & (self._opacity[near] > 0.0)
        if not shown.any():
            return
        near, q, t0, t1, shows_line, shows_marks = (near[shown], q[shown], t0[shown], t1[shown],
                                                    shows_line[shown], shows_marks[shown])
        if lod < 0.3:
            self._paint_plain(painter, near, q)
            return
        t0 = dash_starts(self._along[near], t0, self._period[near])
        cut = sub_curves(q, t0, t1)
        # A piece that bends less than a quarter pixel is stroked as a line: Qt strokes a
        # short line four times faster than a curve, and a pan strip holds hundreds of them.
        bend = np.hypot(cut[:, 0] - 2 * cut[:, 2] + cut[:, 4], cut[:, 1] - 2 * cut[:, 3] + cut[:, 5]) / 4
        straight = bend * lod < 0.25
        # Grouped by pen, opacity and selection, each group's lines in one call. Each piece is
        # still stroked on its own: Qt's raster engine fills one path of many pieces scanline
        # by scanline across all of them (a view's 180 crossing pieces as one path: 950 ms).
        opacity = self._opacity[near]
        chosen = self._chosen[near]
        keys = self._pen[near] * 4096 + np.round(opacity * 1000).astype(np.int64) * 2 + chosen
        groups, which = np.unique(keys, return_inverse=True)
        marked = shows_marks | (shows_line & self._middle[near])
        painter.setBrush(Qt.BrushStyle.NoBrush)
        background = self._background()
        lines_of = shows_line & straight
        curves_of = shows_line & ~straight
        for g, key in enumerate(groups.tolist()):
            members = which == g
            first = int(np.flatnonzero(members)[0])
            pen = self._pens[key // 4096]
            painter.setPen(_line_pen(pen, float(opacity[first]), bool(chosen[first]), background))
            flat = cut[members & lines_of]
            if len(flat):
                painter.drawLines([QLineF(x0, y0, x1, y1) for x0, y0, _cx, _cy, x1, y1 in flat.tolist()])
            for x0, y0, cx, cy, x1, y1 in cut[members & curves_of].tolist():
                path = QPainterPath(QPointF(x0, y0))
                path.quadTo(cx, cy, x1, y1)
                painter.drawPath(path)
        for row, is_chosen, alpha, near_marks in zip(near[marked].tolist(), chosen[marked].tolist(),
                                                     opacity[marked].tolist(), shows_marks[marked].tolist(),
                                                     strict=True):
            link = self._links[row]
            if link is None or not (near_marks or link.marks_in(exposed)):
                continue
            painter.setOpacity(alpha)
            link.paint_marks(painter, _widened(link.pen) if is_chosen else link.pen, lod)
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
