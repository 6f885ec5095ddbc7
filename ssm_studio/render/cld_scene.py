"""The causal-loop diagram as a QGraphicsScene that follows the document's change events."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem

from ..analysis import LoopReport
from ..edits import ChangeEvent, Document
from ..gc_pause import gc_paused
from .cld_items import LinkItem, LoopLabelItem, VariableItem
from .diagram_scene import DiagramScene
from .layers import LayerState
from .long_links import LongLinkLayer
from .style import CanvasStyle

PARALLEL_SPACING = 0.14  # curvature between claims of one link drawn side by side
MAX_LOOP_LABELS = 80  # beyond this, labels stop helping a room read the picture


class CldScene(DiagramScene):
    # The canvas style, not QGraphicsScene.style() (Qt's widget style, which no scene of
    # ours uses): the name is the one every item and export reads.
    style: CanvasStyle  # type: ignore[assignment]
    variable_items: dict[str, VariableItem]
    link_items: dict[str, LinkItem]
    loop_items: dict[str, LoopLabelItem]
    long_links: LongLinkLayer  # always, here
    loops_changed = Signal(object)  # LoopReport
    loop_highlighted = Signal(object)  # loop key or None
    # The loops shown no longer match the claims or the perspectives shown: whoever feeds
    # this scene its loops (app/loop_feed.py, or an export) hands it a new report.
    loops_stale = Signal()

    def __init__(self, document: Document, layers: LayerState, style: CanvasStyle | None = None,
                 perspectives: set[str] | None = None,
                 places: dict[str, tuple[float, float]] | None = None) -> None:
        super().__init__()
        self.document = document
        self.layers = layers
        self.style = style or CanvasStyle()
        self.fixed = set(perspectives) if perspectives is not None else None
        # A read-only picture may put variables where a layout of its own put them (side by
        # side, each perspective laid out to be read); variables it has no place for are
        # not drawn. None: the model's places, every variable.
        self.places = dict(places) if places is not None else None
        self.variable_items: dict[str, VariableItem] = {}
        self.link_items: dict[str, LinkItem] = {}
        self.loop_items: dict[str, LoopLabelItem] = {}
        self.overview = None  # zoomed far out: render/overview.py paints for the items
        self.overview_item = None  # made the first time, then only shown or hidden
        self.items_blank = False  # the items paint nothing: the overview paints for them
        self.report: LoopReport | None = None
        self.highlighted: str | None = None
        # What refresh_layers last applied: (perspectives in order, shown, opacities).
        self._layers_shown: tuple[tuple[str, ...], frozenset[str], dict[str, float]] | None = None
        self._highlight_shown: tuple[str | None, int] | None = None  # (loop, report) of the last full pass
        self.searched_for: set[str] | None = None  # the perspectives the last search was for
        self._index: dict[str, dict] = {}
        self.snap = False
        self._extent: dict[bool, QRectF] = {}  # diagram_rect's answers until a change
        self.long_links = LongLinkLayer(self)  # paints every link longer than a view, together
        self.addItem(self.long_links)
        self.selectionChanged.connect(self.long_links.selection_changed)
        self.setBackgroundBrush(QColor(self.style.background))
        self.follow(document, layers)
        self.rebuild()

    # Building -----------------------------------------------------------------------------
    def rebuild(self) -> None:
        with gc_paused():  # 20,000 items and their wrappers at once, none of them garbage
            self._rebuild()

    def _rebuild(self) -> None:
        # Remove only our own items: views may keep helpers (a bend handle) in the scene.
        self.long_links.clear()
        for table in (self.link_items, self.variable_items, self.loop_items):
            for item in table.values():
                self.removeItem(item)
        self.variable_items.clear()
        self.link_items.clear()
        self.loop_items.clear()
        self._index.clear()
        self._layers_shown = None  # every claim is new: all laid out
        project = self.document.project
        for variable in project.cld.variables:
            self._add_variable(variable)
        for link in project.cld.links:
            self._add_link(link, geometry=False)  # refresh_layers lays every link out once
        self.refresh_layers()
        self.settle_rect()
        self.loops_stale.emit()

    def apply_style(self, style: CanvasStyle) -> None:
        """A new look (high contrast, text size): every item told before it changes size."""
        self.style = style
        for box in self.variable_items.values():
            box.style = style
            box.set_name(box.name)
        for arrow in self.link_items.values():
            arrow.style = style
        for label in self.loop_items.values():
            label.set_style(style)
        for item in self.link_items.values():
            self._style_link(item, self._link(item.link_id), geometry=False)
        self._arrange_pairs(self.link_items.values(), self.visible_perspectives())
        self.setBackgroundBrush(QColor(style.background))
        self._place_loop_labels()
        self.overview_changed()

    def _variable(self, variable_id: str):
        return self._lookup("variables")[variable_id]

    def _link(self, link_id: str):
        return self._lookup("links")[link_id]

    def _lookup(self, kind: str) -> dict:
        """id -> object, rebuilt only after objects were added or removed (not per event)."""
        objects = getattr(self.document.project.cld, kind)
        cached = self._index.get(kind)
        if cached is None or len(cached) != len(objects):
            cached = self._index[kind] = {o.id: o for o in objects}
        return cached

    def _link_order(self) -> dict[str, int]:
        """Each claim's place in the model's list, rebuilt only when claims come or go."""
        cached = self._index.get("link_order")
        if cached is None or len(cached) != len(self.document.project.cld.links):
            cached = self._index["link_order"] = {link.id: i for i, link in
                                                  enumerate(self.document.project.cld.links)}
        return cached

    def _place(self, item: VariableItem, variable) -> None:
        if self.places is None:
            at = (variable.x, variable.y)
        else:
            at = self.places.get(variable.id, (variable.x, variable.y))
            item.setVisible(variable.id in self.places)
        if item.pos() != QPointF(*at):
            item.setPos(*at)

    def set_places(self, places: dict[str, tuple[float, float]] | None) -> None:
        """Draw the variables at these places (None: the model's); the loops' labels follow."""
        self.places = dict(places) if places is not None else None
        variables = self._lookup("variables")
        for vid, item in self.variable_items.items():
            self._place(item, variables[vid])
        self._extent.clear()  # variables without a place were hidden
        self.settle_rect()
        self._place_loop_labels()

    def _add_variable(self, variable) -> None:
        item = VariableItem(variable.id, variable.name, self.style)
        item.set_kind(variable.kind)
        item.snap = self.snap
        self._place(item, variable)
        self.addItem(item)
        self.variable_items[variable.id] = item
        if self.items_blank:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def _add_link(self, link, geometry: bool = True) -> None:
        item = LinkItem(link.id, self.variable_items[link.source], self.variable_items[link.target], self.style)
        self.addItem(item)
        self.link_items[link.id] = item
        self._style_link(item, link, geometry)
        if self.items_blank:
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def _style_link(self, item: LinkItem, link, geometry: bool = True) -> None:
        styles = self._index.get("perspectives")
        if styles is None:  # cleared whenever perspectives or any list changes
            styles = self._index["perspectives"] = {p.id: p for p in self.document.project.perspectives}
        perspective = styles.get(link.perspective)
        colour, dash = (perspective.colour, perspective.dash) if perspective else ("#777777", "solid")
        item.perspective = link.perspective
        item.set_claim(link.polarity, link.delay, link.curvature, colour, dash, geometry)
        item.setToolTip(link.note or "")

    # Following the document ---------------------------------------------------------------
    def on_events(self, events: list[ChangeEvent]) -> None:
        if any(e.kind in ("added", "removed") for e in events):
            self._index.clear()
        touched_cld = False
        moved: set[str] = set()
        around: set[str] = set()
        for event in events:
            if event.path == ("cld", "variables"):
                # A move, rename or note changes no claim, layer or loop: the variable's own
                # links follow it (itemChange) and only the loop labels need placing again.
                if event.kind == "changed" and event.id is not None:
                    moved.add(event.id)
                else:
                    touched_cld = True
                self._variable_event(event)
            elif event.path == ("cld", "links"):
                around |= self._link_event(event)
            elif event.path == ("perspectives",):
                self._index.pop("perspectives", None)
                for item in self.link_items.values():
                    self._style_link(item, self._link(item.link_id))
                touched_cld = True
            elif event.path == ("cld", "loop_names"):
                touched_cld = True
        if touched_cld:
            self._layers_shown = None  # the model changed: the whole diagram again
            self.refresh_layers()
        elif around:
            self._refresh_around(around)
        if touched_cld or around:
            self.loops_stale.emit()
        elif moved:
            self._place_loop_labels(moved)
        if self.gaps_shown and (touched_cld or around or any(e.path[:1] == ("spotlight",) for e in events)):
            self._mark_gaps()
        self.overview_changed()

    draws_overview = True

    def geometry_changed(self) -> None:
        self._extent.clear()

    def bounds_tightened(self, before: QRectF) -> None:
        """Exact bounds lie inside the estimate: the extent can only shrink, and only if the
        estimate reached its edge. Links settle after every paint that first shows them, so
        a fit after a look close up measured 5,000 boxes and 15,000 links again each time."""
        precise = self._extent.get(True)
        if precise is not None and not precise.adjusted(41, 41, -41, -41).contains(before):
            del self._extent[True]  # (the boxes-only extent never counts links)

    def diagram_rect(self, precise: bool = True) -> QRectF:
        """As DiagramScene's, read from the items' own numbers: boxes are never turned and
        links sit at the origin with their bounds kept in Python (the general walk took
        8 ms at 1,000 variables). Kept until anything moves, changes size, or is shown or
        hidden (geometry_changed, overview_changed): a fit asks twice, 6 ms each."""
        known = self._extent.get(precise)
        if known is None:
            known = self._extent[precise] = self._measure(precise)
        return QRectF(known)

    def _measure(self, precise: bool) -> QRectF:
        left = top = math.inf
        right = bottom = -math.inf
        for item in self.variable_items.values():
            if item.isVisible():
                x, y = item.x(), item.y()
                left, top = min(left, x - item.half_w), min(top, y - item.half_h)
                right, bottom = max(right, x + item.half_w), max(bottom, y + item.half_h)
        if left > right:
            return QRectF(-400, -300, 800, 600)
        covered = QRectF(left, top, right - left, bottom - top)
        if precise:
            for link in self.link_items.values():  # at the origin: their bounds are the scene's
                if link.isVisible():
                    covered = covered.united(link._bounds)
            for label in self.loop_items.values():
                if label.isVisible():
                    covered = covered.united(label.sceneBoundingRect())
        return covered.adjusted(-40, -40, 40, 40)

    def overview_changed(self) -> None:
        """The picture changed: the overview paints it again if shown, or forgets its paths."""
        if self.overview is not None:
            self.overview.stale()
        elif self.overview_item is not None:
            self.overview_item.forget()
        self.long_links.check_states()
        self._extent.clear()  # something was shown, hidden, added or removed

    gaps_shown = False

    def show_evidence_gaps(self, on: bool) -> None:
        """Mark the claims no evidence supports, or only weak evidence (View menu)."""
        self.gaps_shown = on
        self._mark_gaps()

    def _mark_gaps(self) -> None:
        from ..analysis.spotlight import evidence_gaps

        gaps = {g.link_id for g in evidence_gaps(self.document.project)} if self.gaps_shown else set()
        for link_id, item in self.link_items.items():
            if (link_id in gaps) != item.unsupported:
                item.unsupported = link_id in gaps
                item.update_geometry()  # its marks changed: the same curve, painted again

    def prepare_for_export(self) -> None:
        self.long_links.release_all()  # every link paints itself, exactly, as vectors
        super().prepare_for_export()

    def set_overview(self, on: bool, walked: bool = True) -> None:
        from .overview import set_overview

        set_overview(self, on, walked)

    def _variable_event(self, event: ChangeEvent) -> None:
        if event.id is None:  # events on a list's objects always name one; nothing to follow
            return
        if event.kind == "added":
            self._add_variable(self._variable(event.id))
        elif event.kind == "removed":
            item = self.variable_items.pop(event.id, None)
            if item is not None:
                self.removeItem(item)
        elif event.kind == "changed":
            item = self.variable_items[event.id]
            variable = self._variable(event.id)
            if "name" in event.fields:
                item.set_name(variable.name)
                for link in item.links:
                    link.update_geometry()
            if "kind" in event.fields:
                item.set_kind(variable.kind)
            self._place(item, variable)

    def _link_event(self, event: ChangeEvent) -> set[str]:
        """Apply a claim's change; returns the variables whose links need laying out again."""
        if event.id is None:
            return set()
        item: LinkItem | None
        if event.kind == "added":
            self._add_link(self._link(event.id))
            item = self.link_items[event.id]
        elif event.kind == "removed":
            item = self.link_items.pop(event.id, None)
            if item is None:
                return set()
            item.detach()
            self.long_links.drop(item)
            self.long_links.update(item._bounds)
            self.removeItem(item)
        elif event.kind == "changed":
            item = self.link_items[event.id]
            self._style_link(item, self._link(event.id))
        else:
            return set()
        return {item.source.variable_id, item.target.variable_id}

    # Layers, parallel claims and conflicts ------------------------------------------------
    def visible_perspectives(self) -> set[str]:
        ids = [p.id for p in self.document.project.perspectives]
        if self.fixed is not None:
            return {p for p in ids if p in self.fixed}
        return {p for p in ids if self.layers.is_visible(p)}

    def refresh_layers(self) -> None:
        """Everything that depends on which perspectives are shown: for the claims of the
        perspectives whose showing or opacity changed since the last time (a presented step
        on a 1,000-variable map re-laid all 3,000 claims for the one perspective it
        changed), or for the whole diagram after a change to the model itself."""
        perspectives = tuple(p.id for p in self.document.project.perspectives)
        self.layers.know(list(perspectives))
        visible = self.visible_perspectives()
        opacity = {p: self.layers.opacity(p) if self.fixed is None else 1.0 for p in perspectives}
        before, self._layers_shown = self._layers_shown, (perspectives, frozenset(visible), opacity)
        links: list[LinkItem]
        variables: Iterable[str]
        if before is None or before[0] != perspectives:
            links, variables = list(self.link_items.values()), self.variable_items.keys()
        else:
            changed = (before[1] ^ visible) | {p for p in perspectives if before[2].get(p) != opacity[p]}
            links, variables = self._claims_touching(changed)
        for item in links:
            item.setVisible(item.perspective in visible)
        self._arrange_pairs(links, visible)
        self._set_relevance(variables, visible)
        # (The overview hears of it from _apply_highlight, below: once, not twice a step.)
        if self.searched_for is not None and visible != self.searched_for:
            # The loops shown follow the perspectives shown: old labels go at once.
            for item in self.loop_items.values():
                item.setVisible(False)
            self.loops_stale.emit()
        self._apply_highlight()

    def _claims_touching(self, perspectives: AbstractSet[str]) -> tuple[list[LinkItem], set[str]]:
        """The claims sharing a link (either way) with a claim of these perspectives, which
        are laid out side by side with it, and the variables whose relevance they decide."""
        if not perspectives:
            return [], set()
        pairs = {(it.source.variable_id, it.target.variable_id) for it in self.link_items.values()
                 if it.perspective in perspectives}
        pairs |= {(target, source) for source, target in pairs}
        links = [it for it in self.link_items.values() if (it.source.variable_id, it.target.variable_id) in pairs]
        variables = {end for pair in pairs for end in pair}
        variables |= {v.id for v in self.document.project.cld.variables if perspectives & set(v.included_by)}
        return links, variables

    def _refresh_around(self, variable_ids: set[str]) -> None:
        """After claims were added, removed or changed: only the links between these
        variables' neighbours are laid out again (a new claim in a 5,000-variable diagram
        must not re-lay 15,000 links)."""
        visible = self.visible_perspectives()
        links = {link for vid in variable_ids if vid in self.variable_items
                 for link in self.variable_items[vid].links}
        for item in links:
            item.setVisible(item.perspective in visible)
        self._arrange_pairs(links, visible)
        self._set_relevance(variable_ids, visible)
        self._apply_highlight(variable_ids, links)

    def _arrange_pairs(self, links, visible: set[str]) -> None:
        """Claims of one link side by side, each perspective in the user's order; pairs
        claimed with opposite polarities are marked as conflicts."""
        by_pair: dict[tuple[str, str], list[LinkItem]] = defaultdict(list)
        for item in links:
            if item.perspective in visible:
                by_pair[(item.source.variable_id, item.target.variable_id)].append(item)
        order = {p.id: i for i, p in enumerate(self.document.project.perspectives)}
        opacity = {p: self.layers.opacity(p) if self.fixed is None else 1.0 for p in order}
        filed = self._link_order() if any(len(items) > 1 for items in by_pair.values()) else {}
        for (source, target), items in by_pair.items():
            # One perspective may claim a link twice (with both signs): the model's order
            # settles which is drawn where, so an undo or redo puts them back as they were.
            items.sort(key=lambda it: (order.get(it.perspective, 0), filed.get(it.link_id, 0)))
            both_ways = source != target and (target, source) in by_pair
            base = PARALLEL_SPACING * 0.8 if both_ways else 0.0
            conflict = {"+", "-"} <= {it.polarity for it in items}
            signed: set[str] = set()
            for index, item in enumerate(items):
                before = (item.offset, item.conflict, item.sign_shared)
                item.sign_shared = item.polarity in signed
                signed.add(item.polarity)
                item.offset = base + (index - (len(items) - 1) / 2) * PARALLEL_SPACING
                item.conflict = conflict
                value = opacity.get(item.perspective, 1.0)
                if item.opacity() != value:
                    item.setOpacity(value)
                # Only what moved is laid out again: showing a perspective on a large map
                # re-laid every link (40 ms a step while presenting 1,000 variables).
                if item.needs_layout or (item.offset, item.conflict, item.sign_shared) != before:
                    item.update_geometry()

    def _set_relevance(self, variable_ids, visible: set[str]) -> None:
        """Variables the shown perspectives do not use are faded context."""
        variables = self._lookup("variables")
        for vid in variable_ids:
            item, variable = self.variable_items.get(vid), variables.get(vid)
            if item is None or variable is None:
                continue
            relevant = (not item.links or any(link.perspective in visible for link in item.links)
                        or visible & set(variable.included_by))
            item.base_opacity = 1.0 if relevant else 0.35

    def clear_signs(self) -> None:
        """For print: each shown sign at the first of its places that covers no box and no
        sign already placed (signs of links meeting at one box crowded its arrowheads)."""
        half = 7 * self.style.text_scale  # the glyph itself: 13 pt bold, about 10 wide and tall
        cell = 200.0 * self.style.text_scale
        grid: dict[tuple[int, int], list[tuple[float, float, float, float]]] = defaultdict(list)

        def cells(x0, y0, x1, y1):
            return [(i, j) for i in range(int(x0 // cell), int(x1 // cell) + 1)
                    for j in range(int(y0 // cell), int(y1 // cell) + 1)]

        def add(rect: tuple[float, float, float, float]) -> None:
            for key in cells(*rect):
                grid[key].append(rect)

        def clear(rect: tuple[float, float, float, float]) -> bool:
            x0, y0, x1, y1 = rect
            return not any(a < x1 and x0 < c and b < y1 and y0 < d
                           for key in cells(*rect) for a, b, c, d in grid.get(key, ()))

        for item in self.variable_items.values():
            if item.isVisible():
                box = item.scene_box()
                add((box.left(), box.top(), box.right(), box.bottom()))
        for link in self.link_items.values():
            if not (link.isVisible() and link.show_sign and not link.sign_shared):
                continue
            for choice, place in enumerate(link.sign_places()):
                rect = (place.x() - half, place.y() - half, place.x() + half, place.y() + half)
                if clear(rect):
                    link.put_sign(choice)
                    add(rect)
                    break
            else:
                at = link.sign_rect()
                add((at.left(), at.top(), at.right(), at.bottom()))

    # Loops ------------------------------------------------------------------------------
    def show_report(self, report: LoopReport) -> None:
        self.report = report
        for item in self.loop_items.values():
            self.removeItem(item)
        self.loop_items.clear()
        for loop in report.loops[:MAX_LOOP_LABELS]:
            item = LoopLabelItem(loop.key, loop.label, loop.name, self.style)
            self.addItem(item)
            self.loop_items[loop.key] = item
        self._place_loop_labels()
        if self.highlighted and not any(lp.key == self.highlighted for lp in report.loops):
            self.highlighted = None
        self._apply_highlight()
        self.loops_changed.emit(report)

    def _place_loop_labels(self, moved: set[str] | None = None) -> None:
        """Each label at the centre of its loop; labels of loops over the same variables
        (one per polarity) are stacked rather than drawn on top of each other. After a
        move only the loops through the moved variables are placed again."""
        if self.report is None:
            return
        shown = [(loop, self.loop_items[loop.key]) for loop in self.report.loops[:MAX_LOOP_LABELS]
                 if loop.key in self.loop_items]
        again = [(loop, item) for loop, item in shown if moved is None or not moved.isdisjoint(loop.variables)]
        staying = {id(item) for _, item in again}
        placed: list[QPointF] = [item.pos() for _, item in shown if id(item) not in staying]
        obstacles = _Obstacles(self) if again else None
        for loop, item in again:
            assert obstacles is not None
            at = self._free_label_spot(self._loop_centre(loop.variables), placed, item, obstacles)
            placed.append(at)
            item.setPos(at)
        self._extent.clear()  # the labels count in what the diagram covers

    def _free_label_spot(self, centre: QPointF, placed: list[QPointF], label, obstacles: _Obstacles) -> QPointF:
        """The loop's centre, or the nearest spot around it where the marker covers no
        variable, no polarity sign or delay mark, and no other marker."""
        radius = label.boundingRect().width() / 2
        for ring in range(0, 7):
            for k in range(max(1, 8 * ring)):
                angle = 2 * math.pi * k / max(1, 8 * ring) - math.pi / 2
                at = centre + QPointF(math.cos(angle), math.sin(angle)) * (ring * 2 * radius)
                if not any(distance(at, other) < 2 * radius for other in placed) and obstacles.clear(at, radius):
                    return at
        return centre

    def _loop_centre(self, variables: list[str]) -> QPointF:
        points = [self.variable_items[v].pos() for v in variables if v in self.variable_items]
        if not points:
            return QPointF()
        if len(points) == 1:
            return points[0] + QPointF(0, -70)
        return sum(points, QPointF()) / len(points)

    def highlight_loop(self, key: str | None) -> None:
        self.highlighted = key
        if self._highlight_shown != (key, id(self.report)):  # not already shown by the last pass
            self._apply_highlight()
        self.loop_highlighted.emit(key)

    def expect_highlight(self, key: str | None) -> None:
        """The loop the next pass over the diagram shows highlighted: a presented step sets
        its perspectives and its loop at once, and one pass over every item does both."""
        self.highlighted = key

    def loop_clicked(self, key: str) -> None:
        self.highlight_loop(None if key == self.highlighted else key)

    def _apply_highlight(self, variable_ids=None, links=None) -> None:
        """Opacity from the layer, the variable's relevance and the chosen loop; for the
        given variables and links only, or for everything."""
        loop = None
        if self.highlighted and self.report:
            loop = next((lp for lp in self.report.loops if lp.key == self.highlighted), None)
        dim = self.style.dimmed_opacity
        in_loop_links = set(loop.link_ids) if loop else set()
        in_loop_vars = set(loop.variables) if loop else set()
        boxes = (self.variable_items.items() if variable_ids is None
                 else [(v, self.variable_items[v]) for v in variable_ids if v in self.variable_items])
        # Only what changes is set: setting an item's opacity runs Qt's change machinery even
        # when the value is the same (4,000 items, 14 ms, twice a presented step).
        for vid, item in boxes:
            value = item.base_opacity if loop is None or vid in in_loop_vars else dim
            if item.opacity() != value:
                item.setOpacity(value)
        layer_opacity = {p.id: self.layers.opacity(p.id) if self.fixed is None else 1.0
                         for p in self.document.project.perspectives}
        for item in (self.link_items.values() if links is None else links):
            base = layer_opacity.get(item.perspective, 1.0)
            value = base if loop is None or item.link_id in in_loop_links else dim
            if item.opacity() != value:
                item.setOpacity(value)
        if variable_ids is None:
            for key, item in self.loop_items.items():
                value = 1.0 if loop is None or key == loop.key else dim
                if item.opacity() != value:
                    item.setOpacity(value)
            self._highlight_shown = (self.highlighted, id(self.report))
        self.overview_changed()  # zoomed far out the overview paints for the items

class _Obstacles:
    """What a loop's marker must not cover, in a grid of cells: the shown boxes, and beside
    each the signs of the claims that point at it (a sign sits by its arrowhead); delay marks
    and signs a print moved along their line, wherever they are. Asking the scene's index
    instead called every long claim's boundingRect into Python, per spot: 80 labels took most
    of a second on a 1,000-variable map each time the loops came back."""

    CELL = 240.0
    REACH = 40.0  # a sign's centre lies within about 35 units of the box its claim points at

    def __init__(self, scene: CldScene) -> None:
        self.boxes: dict[tuple[int, int], list[tuple[VariableItem, QRectF]]] = defaultdict(list)
        self.marks: dict[tuple[int, int], list[QRectF]] = defaultdict(list)
        for item in scene.variable_items.values():
            if item.isVisible():
                box = item.scene_box()
                for key in self._cells(box.adjusted(-self.REACH, -self.REACH, self.REACH, self.REACH)):
                    self.boxes[key].append((item, box))
        for link in scene.link_items.values():
            if not (link.isVisible() and link.show_sign):
                continue
            rects = [link.delay_mark_rect()] if link.delay else []
            if link.sign_choice is not None and link.sign_choice >= 2:
                rects.append(link.sign_rect())  # moved along the line by clear_signs
            for rect in rects:
                for key in self._cells(rect):
                    self.marks[key].append(rect)

    def _cells(self, rect: QRectF) -> list[tuple[int, int]]:
        c = self.CELL
        return [(i, j) for i in range(int(rect.left() // c), int(rect.right() // c) + 1)
                for j in range(int(rect.top() // c), int(rect.bottom() // c) + 1)]

    def clear(self, at: QPointF, radius: float) -> bool:
        spot = QRectF(at.x() - radius, at.y() - radius, 2 * radius, 2 * radius)
        seen: set[int] = set()
        for key in self._cells(spot):
            for item, box in self.boxes.get(key, ()):
                if id(item) in seen:
                    continue
                seen.add(id(item))
                if box.intersects(spot):
                    return False
                for link in item.links:
                    if (link.target is item and link.isVisible() and link.show_sign and not link.sign_shared
                            and link.sign_rect().intersects(spot)):
                        return False
            if any(rect.intersects(spot) for rect in self.marks.get(key, ())):
                return False
        return True


def distance(a: QPointF, b: QPointF) -> float:
    return math.hypot(a.x() - b.x(), a.y() - b.y())
