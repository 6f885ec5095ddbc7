"""A drag paints the boxes that move over a picture of the rest, and looks as a full paint does."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from .conftest import viewport_point


def _difference(a, b) -> float:
    """The share of sampled pixels that differ clearly between two grabs of the view."""
    a, b = a.toImage(), b.toImage()
    differ = total = 0
    for x in range(0, a.width(), 3):
        for y in range(0, a.height(), 3):
            total += 1
            p, q = QColor(a.pixel(x, y)), QColor(b.pixel(x, y))
            differ += abs(p.lightness() - q.lightness()) > 60
    return differ / total


def test_a_drag_is_painted_from_a_picture_of_the_rest_and_matches_a_full_paint(qtbot, window):
    view, project = window.view, window.session.document.project
    variable = next(v for v in project.cld.variables if v.name == "Worklessness")
    item = window.scene.variable_items[variable.id]
    view.centerOn(variable.x, variable.y)
    start = viewport_point(view, variable.x, variable.y)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 4):
        qtbot.mouseMove(view.viewport(), start + QPoint(25 * step, 12 * step))
    assert view.drag_layer.active and item in view.drag_layer.moving
    assert all(link in view.drag_layer.moving for link in item.links)  # its links move with it
    during = view.viewport().grab()  # painted by the drag layer
    view.drag_layer.end()
    assert not view.drag_layer.active
    full = view.viewport().grab()  # the same moment, painted item by item
    assert _difference(during, full) < 0.001  # (without the moving items it is 0.007)
    qtbot.mouseMove(view.viewport(), start + QPoint(90, 40))
    assert view.drag_layer.active  # a drag still under way takes up the layer again
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(90, 40))
    assert not view.drag_layer.active
    assert (variable.x, variable.y) == (item.x(), item.y())  # the move reached the model
    window.session.undo_stack.undo()
    assert (item.x(), item.y()) == (variable.x, variable.y)


def test_a_scroll_during_a_drag_drops_the_picture(qtbot, window):
    view, project = window.view, window.session.document.project
    variable = next(v for v in project.cld.variables if v.name == "Worklessness")
    view.centerOn(variable.x, variable.y)
    start = viewport_point(view, variable.x, variable.y)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view.viewport(), start + QPoint(20, 10))
    assert view.drag_layer.active
    view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + 80)
    view.viewport().grab()  # the picture no longer fits: painted as usual
    assert not view.drag_layer.active
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(20, 10))


def test_a_dragged_box_s_long_links_leave_no_copy_behind_in_the_picture(qtbot, window):
    """Links longer than a view are painted by the long-link layer, which reads the opacities
    it noted: the picture of the rest must still leave them out."""
    view, scene, project = window.view, window.scene, window.session.document.project
    variable = next((v for v in project.cld.variables
                     if any(scene.long_links.owns(link) for link in scene.variable_items[v.id].links)), None)
    assert variable is not None, "the example has no link longer than a view"
    view.centerOn(variable.x, variable.y)
    start = viewport_point(view, variable.x, variable.y)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 4):
        qtbot.mouseMove(view.viewport(), start + QPoint(30 * step, 20 * step))
    assert view.drag_layer.active
    during = view.viewport().grab().toImage()
    view.drag_layer.end()
    full = view.viewport().grab().toImage()
    differing = sum(1 for x in range(full.width()) for y in range(full.height())
                    if abs(QColor(during.pixel(x, y)).lightness() - QColor(full.pixel(x, y)).lightness()) > 60)
    assert differing < 40  # every pixel, not a sample: a stale copy of a thin line is hundreds
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(90, 60))
