"""Links longer than a view are painted together by their scene's long-link layer: they look
as they would painted one by one (and as they print), strips of a pan meet without seams,
and every change that shows on them (hidden, faded, selected, moved, removed) reaches the
picture, while clicks and exports still find the links themselves."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem

from ssm_studio.edits import Document, History
from ssm_studio.edits.causal_edits import move_variables, remove_links
from ssm_studio.model import CausalLink, Perspective, Project, Variable
from ssm_studio.render.cld_scene import CldScene
from ssm_studio.render.curve_arrays import arc_tables, dash_starts, visible_spans
from ssm_studio.render.geometry import sub_curve, visible_span
from ssm_studio.render.layers import LayerState
from ssm_studio.render.long_links import FADED

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
WINDOW = QRectF(1200, 200, 400, 300)


def _project() -> Project:
    """Four far-apart variables, claims across the map in a solid and a dashed perspective,
    and one short claim."""
    solid = Perspective(name="Council", colour="#0072B2", dash="solid")
    dashed = Perspective(name="Families", colour="#D55E00", dash="dash")
    places = [(0, 0), (3000, 900), (0, 900), (3000, 0), (150, 60)]
    variables = [Variable(name=f"Far {i}", x=x, y=y) for i, (x, y) in enumerate(places)]
    v = [variable.id for variable in variables]
    links = [CausalLink(source=v[0], target=v[1], perspective=solid.id, polarity="+", curvature=0.2),
             CausalLink(source=v[2], target=v[3], perspective=dashed.id, polarity="-", curvature=-0.15),
             CausalLink(source=v[0], target=v[3], perspective=dashed.id, polarity="+", delay=True),
             CausalLink(source=v[0], target=v[4], perspective=solid.id, polarity="+")]
    project = Project(perspectives=[solid, dashed])
    project.cld.variables, project.cld.links = variables, links
    return project


def _scene(project: Project | None = None, history: History | None = None) -> CldScene:
    document = history.document if history else Document(_project() if project is None else project)
    return CldScene(document, LayerState())


def _render(scene: CldScene, clips: list[QRectF], window: QRectF = WINDOW) -> QImage:
    """The window of the scene, painted a clip at a time as a view's pan exposes it: each
    clip is painted with it as the exposed rectangle, as the view hands it to the items."""
    from PySide6.QtWidgets import QStyleOptionGraphicsItem

    image = QImage(int(window.width()), int(window.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for clip in clips:
        painter.save()
        painter.setClipRect(clip)
        painter.translate(-window.topLeft())
        if scene.long_links.enabled:
            option = QStyleOptionGraphicsItem()
            option.exposedRect = clip.translated(window.topLeft())
            scene.long_links.paint(painter, option)
        else:  # an exported scene: every link paints itself
            painter.resetTransform()
            scene.render(painter, QRectF(clip), clip.translated(window.topLeft()))
        painter.restore()
    painter.end()
    return image


def _inked(image: QImage) -> set[tuple[int, int]]:
    """Pixels clearly drawn on (antialiased edges may differ by a shade)."""
    return {(x, y) for x in range(image.width()) for y in range(image.height())
            if QColor(image.pixel(x, y)).lightness() < 200}


def _near(a: set, b: set, reach: int = 3) -> float:
    """The share of ``a``'s pixels with one of ``b``'s within ``reach``."""
    around = {(x + dx, y + dy) for x, y in b for dx in range(-reach, reach + 1) for dy in range(-reach, reach + 1)}
    return sum(1 for pixel in a if pixel in around) / max(1, len(a))


def test_long_links_are_held_by_the_layer_and_short_ones_paint_themselves(qapp):
    scene = _scene()
    long_ones = [link for link in scene.link_items.values() if scene.long_links.owns(link)]
    short = [link for link in scene.link_items.values() if not scene.long_links.owns(link)]
    assert len(long_ones) == 3 and len(short) == 1
    assert all(link.flags() & NO_CONTENTS for link in long_ones)
    assert not short[0].flags() & NO_CONTENTS


def test_the_layer_draws_what_the_links_would_draw_themselves(qapp):
    project = _project()
    # (No box and no short claim lies in the window: what either draws is the long claims.)
    on_screen = _inked(_render(_scene(project), [QRectF(0, 0, 400, 300)]))
    printed_scene = _scene(project)
    printed_scene.prepare_for_export()  # every link paints itself, as in a print
    assert not any(printed_scene.long_links.owns(link) for link in printed_scene.link_items.values())
    assert not any(link.flags() & NO_CONTENTS for link in printed_scene.link_items.values())
    printed = _inked(_render(printed_scene, [QRectF(0, 0, 400, 300)]))
    assert len(printed) > 300  # the claims cross the window
    # The same curves, heads and signs. Dashes may sit a pixel or two apart: a whole curve
    # is dashed along Qt's flattening of it, a piece from its true length along the curve.
    assert _near(on_screen, printed) > 0.97 and _near(printed, on_screen) > 0.97


def test_strips_of_a_pan_meet_without_seams_in_the_dashes(qapp):
    scene = _scene()
    whole = _inked(_render(scene, [QRectF(0, 0, 400, 300)]))
    strips = [QRectF(x, 0, 13, 300) for x in range(0, 400, 13)]  # a pan 13 px at a time
    parts = _inked(_render(scene, strips))
    assert len(whole) > 300
    # Every dash where it was, to the pixel (a piece stroked as a line where the whole is a
    # curve may shade an edge pixel differently; dashes restarted at each strip sit up to
    # a dash away, and a fifth of the pixels were further than that from any).
    assert _near(parts, whole, 1) > 0.99 and _near(whole, parts, 1) > 0.99


def test_hidden_faded_and_selected_links_reach_the_picture_and_ask_for_a_repaint(qapp, monkeypatch):
    scene = _scene()
    layer = scene.long_links
    asked: list[QRectF] = []
    original = layer.update
    monkeypatch.setattr(layer, "update", lambda *rect: (asked.append(rect[0] if rect else QRectF()),
                                                        original(*rect)))
    before = _inked(_render(scene, [QRectF(0, 0, 400, 300)]))
    dashed = scene.document.project.perspectives[1].id
    scene.layers.set_visible(dashed, False)
    assert asked  # a link without contents cannot ask for itself
    hidden = _inked(_render(scene, [QRectF(0, 0, 400, 300)]))
    assert len(hidden) < len(before) * 0.8
    scene.layers.set_visible(dashed, True)
    asked.clear()
    scene.layers.set_opacity(dashed, FADED / 2)
    scene.refresh_layers()
    assert asked
    faded = _render(scene, [QRectF(0, 0, 400, 300)])
    assert len(_inked(faded)) < len(before)  # faded lines are light
    scene.layers.set_opacity(dashed, 1.0)
    scene.refresh_layers()
    held = [link for link in scene.link_items.values() if layer.owns(link)]
    asked.clear()
    for link in held:
        link.setSelected(True)
        assert asked and asked[-1].intersects(link.boundingRect())
    selected = _inked(_render(scene, [QRectF(0, 0, 400, 300)]))
    assert len(selected) > len(_inked(_render(_scene(), [QRectF(0, 0, 400, 300)])))  # drawn wider


def test_a_long_link_is_still_found_under_the_mouse_and_the_layer_never_is(qapp):
    scene = _scene()
    link = next(link for link in scene.link_items.values() if scene.long_links.owns(link))
    on_curve = link.midpoint()
    found = scene.items(on_curve)
    assert link in found and scene.long_links not in found


def test_moved_removed_and_restored_links_follow_the_model(qapp):
    history = History(Document(_project()))
    scene = _scene(history=history)
    project = history.document.project
    far = project.cld.links[0]
    layer = scene.long_links
    history.push(move_variables({far.target: (200.0, 100.0)}))  # now a short claim
    assert not layer.owns(scene.link_items[far.id])
    assert not scene.link_items[far.id].flags() & NO_CONTENTS
    history.undo()
    assert layer.owns(scene.link_items[far.id])
    history.push(remove_links({far.id}))
    assert far.id not in scene.link_items
    assert len([link for link in layer._links if link is not None]) == 2
    history.undo()
    assert layer.owns(scene.link_items[far.id])
    assert len(_inked(_render(scene, [QRectF(0, 0, 400, 300)]))) > 300


curves = st.lists(st.floats(-3000, 3000), min_size=6, max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.lists(curves, min_size=1, max_size=8), st.floats(-500, 500), st.floats(-500, 500),
       st.floats(1, 800), st.floats(1, 800))
def test_the_spans_in_arrays_are_the_spans_one_by_one(qs, left, top, width, height):
    t0, t1 = visible_spans(np.array(qs, dtype=float), left, top, left + width, top + height)
    for q, a, b in zip(qs, t0.tolist(), t1.tolist(), strict=True):
        span = visible_span(tuple(q), left, top, left + width, top + height)
        if span is None:
            assert not b > a
        else:
            assert (a, b) == (span[0], span[1]) or abs(a - span[0]) + abs(b - span[1]) < 1e-9


def _link_curve(x0, y0, x1, y1, bend) -> list[float]:
    """A curve as links are drawn: ends, and a control point bent off the middle."""
    from ssm_studio.render.geometry import control_point

    c = control_point(QPointF(x0, y0), QPointF(x1, y1), bend)
    return [x0, y0, c.x(), c.y(), x1, y1]


ends = st.floats(-3000, 3000)


@settings(max_examples=100, deadline=None)
@given(st.builds(_link_curve, ends, ends, ends, ends, st.floats(-0.6, 0.6)), st.floats(0.01, 0.99),
       st.sampled_from([9.0 * 1.8, 3.6 * 1.8, 16.2]))
def test_a_dashed_piece_starts_a_whole_number_of_periods_along_its_curve(q, t0, period):
    curve = np.array([q], dtype=float)
    start = float(dash_starts(arc_tables(curve), np.array([t0]), np.array([period]))[0])
    assert 0.0 <= start <= t0 + 1e-12
    before = sub_curve(tuple(q), 0.0, start)
    from PySide6.QtGui import QPainterPath

    path = QPainterPath(QPointF(before[0], before[1]))
    path.quadTo(before[2], before[3], before[4], before[5])
    length = path.length()
    lead = sub_curve(tuple(q), start, t0)
    gap = QPainterPath(QPointF(lead[0], lead[1]))
    gap.quadTo(lead[2], lead[3], lead[4], lead[5])
    periods = length / period
    assert abs(periods - round(periods)) * period < 0.3  # within a fraction of a pixel
    assert gap.length() <= period + 0.6  # and at most one period before the piece
