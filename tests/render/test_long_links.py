"""A link longer than a view paints straight to the view, uncached (its view-sized cached
picture was made again on every pan), and looks as a cached one does: the same dashes in
the same places, strip by strip as a pan exposes them, as in one pass."""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from ssm_studio.render.cld_items import LONG_LINK, LinkItem, VariableItem
from ssm_studio.render.geometry import sub_curve, visible_span
from ssm_studio.render.style import CanvasStyle

CURVE = 0.25


def _scene(qapp, length: float):
    style = CanvasStyle()
    scene = QGraphicsScene()
    a, b = VariableItem("a", "Far away", style), VariableItem("b", "Further still", style)
    a.setPos(0, 0)
    b.setPos(length, length * 0.4)
    scene.addItem(a)
    scene.addItem(b)
    link = LinkItem("l", a, b, style)
    scene.addItem(link)
    link.set_claim("+", False, CURVE, "#0072B2", "dash")
    return scene, link


def _render(scene, window: QRectF, clips: list[QRectF]) -> QImage:
    """The window of the scene, painted strip by strip as a pan exposes it."""
    image = QImage(400, 300, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    for clip in clips:
        painter.save()
        painter.setClipRect(clip)
        scene.render(painter, QRectF(clip), QRectF(window.x() + clip.x(), window.y() + clip.y(),
                                                    clip.width(), clip.height()))
        painter.restore()
    painter.end()
    return image


def test_a_long_link_is_uncached_and_draws_the_same_dashes_in_view(qapp):
    scene, link = _scene(qapp, 4000)
    assert link.boundingRect().width() > LONG_LINK
    assert link.cacheMode() == QGraphicsItem.CacheMode.NoCache
    assert link.flags() & QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption
    link.settle()
    middle = link._path.pointAtPercent(0.55)
    window = QRectF(middle.x() - 200, middle.y() - 150, 400, 300)
    # Painted as a diagonal pan exposes it: strips, each stroked on its own.
    strips = [QRectF(0, 0, 160, 300), QRectF(160, 0, 240, 120), QRectF(160, 120, 240, 180)]
    parts = _render(scene, window, strips)
    whole = _render(scene, window, [QRectF(0, 0, 400, 300)])  # in one pass
    def ink(image, x, y):  # clearly drawn on: antialiased edges may differ by a shade
        return QColor(image.pixel(x, y)).lightness() < 200

    cells = [(x, y) for x in range(400) for y in range(300)]
    differing = sum(1 for x, y in cells if ink(parts, x, y) != ink(whole, x, y))
    inked = sum(1 for x, y in cells if ink(whole, x, y))
    assert inked > 50  # the curve crosses the window
    assert differing <= 0.05 * inked, (differing, inked)


def test_a_short_link_keeps_its_cached_picture(qapp):
    scene, link = _scene(qapp, 300)
    assert link.cacheMode() == QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert not link.flags() & QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption


@settings(max_examples=300, deadline=None)
@example([0.0, -1901.5822857972748, 0.0, 1444.25, 0.0, -2.225073858507e-311], -1.0, 0.0, 2.0, 15.0)  # ends a hair
@given(st.lists(st.floats(-3000, 3000), min_size=6, max_size=6),
       st.floats(-500, 500), st.floats(-500, 500), st.floats(1, 800), st.floats(1, 800))
def test_the_visible_span_holds_every_point_of_the_curve_inside_the_rectangle(q, left, top, width, height):
    """The piece drawn is never short of what the rectangle shows (it may be longer)."""
    span = visible_span(tuple(q), left, top, left + width, top + height)
    whole = sub_curve(tuple(q), 0.0, 1.0)
    assert all(abs(a - b) < 1e-6 for a, b in zip(whole, q, strict=True))
    for i in range(201):
        t = i / 200
        x, y = sub_curve(tuple(q), t, t)[:2]
        if left + 1e-3 < x < left + width - 1e-3 and top + 1e-3 < y < top + height - 1e-3:
            assert span is not None and span[0] - 1e-9 <= t <= span[1] + 1e-9, (t, span)


def test_a_sub_curve_follows_the_same_shape():
    q = (0.0, 0.0, 500.0, 400.0, 1000.0, 0.0)
    piece = sub_curve(q, 0.25, 0.75)
    for s in (0.0, 0.3, 0.5, 1.0):
        t = 0.25 + 0.5 * s
        assert sub_curve(piece, s, s)[:2] == pytest.approx(sub_curve(q, t, t)[:2])


def test_a_diagonal_pan_is_painted_strip_by_strip_and_anything_else_whole(qapp):
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QRegion

    from ssm_studio.app.canvas.view import split_exposure

    l_shape = QRegion(QRect(0, 0, 40, 1000)).united(QRegion(QRect(40, 0, 1560, 10)))
    strips = split_exposure(l_shape)
    assert strips is not None and sum(r.width() * r.height() for r in strips) == 40 * 1000 + 1560 * 10
    assert split_exposure(QRegion(QRect(0, 0, 1600, 1000))) is None  # a whole repaint
    dense = QRegion(QRect(0, 0, 800, 1000)).united(QRegion(QRect(800, 0, 800, 900)))
    assert split_exposure(dense) is None  # most of the view: one pass is cheaper
