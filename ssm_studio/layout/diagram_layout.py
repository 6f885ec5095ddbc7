"""Tidy a causal-loop diagram: lay out the variables a set of perspectives uses, keeping the
pinned ones where the user put them."""

from __future__ import annotations

from collections.abc import Iterable

from ..model import Project
from .graphviz_layout import LayoutResult, layout
from .simple import remove_overlaps


def tidy_causal_diagram(project: Project, perspectives: Iterable[str] | None = None,
                        engine: str = "auto") -> LayoutResult:
    """New positions for the variables of ``perspectives`` (None: every variable)."""
    chosen = None if perspectives is None else set(perspectives)
    links = [lk for lk in project.cld.links if chosen is None or lk.perspective in chosen]
    if chosen is None:
        variables = list(project.cld.variables)
    else:
        used = {lk.source for lk in links} | {lk.target for lk in links}
        variables = [v for v in project.cld.variables if v.id in used or chosen & set(v.included_by)]
    pinned = {v.id: (v.x, v.y) for v in variables if v.pinned}
    return layout([v.id for v in variables], [(lk.source, lk.target) for lk in links], engine, pinned)


def tidy_conceptual_model(project: Project, model_id: str, engine: str = "auto") -> LayoutResult:
    """A conceptual model as a ranked flow: logical contingency from top to bottom."""
    model = next(cm for cm in project.conceptual_models if cm.id == model_id)
    return layout([a.id for a in model.activities], [(d.source, d.target) for d in model.dependencies],
                  engine, ranked=True)


# A variable's box, roughly, at the canvas's usual text size: what a layout's extent is
# measured with when it is fitted to a view.
BOX_ALLOWANCE = (160.0, 60.0)


def own_picture(project: Project, perspective_id: str, aspect: float = 1.5) -> LayoutResult:
    """One perspective's own claims laid out afresh to be read in a small view (side by
    side on a laptop): only the variables it uses, pins ignored, and of Graphviz's two
    layouts the one that fits a view of ``aspect`` (width / height) at the larger zoom.
    The model's places are not touched; this is a picture, not an edit."""
    links = [lk for lk in project.cld.links if lk.perspective == perspective_id]
    used = {lk.source for lk in links} | {lk.target for lk in links}
    variables = [v.id for v in project.cld.variables if v.id in used or perspective_id in v.included_by]
    edges = [(lk.source, lk.target) for lk in links]
    best: LayoutResult | None = None
    best_zoom = -1.0
    for engine in ("neato", "dot"):
        result = layout(variables, edges, engine)
        result.positions = _drawn_in(result.positions)
        zoom = _zoom_to_fit(result.positions, aspect)
        if zoom > best_zoom:
            best, best_zoom = result, zoom
        if result.engine == "fallback":  # no Graphviz here: one built-in layout is all there is
            break
    assert best is not None
    return best


def _zoom_to_fit(positions: dict[str, tuple[float, float]], aspect: float) -> float:
    """The zoom at which these boxes fit a view 1 unit high and ``aspect`` units wide."""
    if not positions:
        return 1.0
    xs = [x for x, _ in positions.values()]
    ys = [y for _, y in positions.values()]
    width = max(xs) - min(xs) + BOX_ALLOWANCE[0]
    height = max(ys) - min(ys) + BOX_ALLOWANCE[1]
    return min(aspect / width, 1.0 / height)


GAP = (24.0, 20.0)  # room between boxes for an arrow and its sign


def _drawn_in(positions: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """The same layout drawn in as far as it goes with no two boxes (and the gap between
    them) overlapping: Graphviz spaces nodes for its own idea of their size, which left a
    small view mostly empty paper."""
    items = list(positions.items())
    width, height = BOX_ALLOWANCE[0] + GAP[0], BOX_ALLOWANCE[1] + GAP[1]
    needed = 0.0
    for i, (_, (x1, y1)) in enumerate(items):
        for _, (x2, y2) in items[i + 1:]:
            dx, dy = abs(x1 - x2), abs(y1 - y2)
            # Apart along either axis is enough; the pair needs the easier of the two.
            along_x = width / dx if dx else float("inf")
            along_y = height / dy if dy else float("inf")
            needed = max(needed, min(along_x, along_y))
    factor = min(1.0, needed) if needed > 0 else 1.0
    if not items:
        return {}
    cx = sum(x for _, (x, _) in items) / len(items)
    cy = sum(y for _, (_, y) in items) / len(items)
    drawn = {key: [cx + (x - cx) * factor, cy + (y - cy) * factor] for key, (x, y) in items}
    # Boxes Graphviz left overlapping are pushed apart where they are, rather than the
    # whole picture spread for their sake (each step of spread costs every label size).
    remove_overlaps(drawn, width=BOX_ALLOWANCE[0] - 8.0, height=BOX_ALLOWANCE[1] - 8.0)  # it adds 8
    return {key: (round(x, 1), round(y, 1)) for key, (x, y) in drawn.items()}
