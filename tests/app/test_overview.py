"""Zoomed far out, the causal diagram is painted from cached paths; zoomed back, by its items."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem

from ssm_studio.edits import InsertEdit
from ssm_studio.model import Variable

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def painted(view) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def ink(image: QImage) -> int:
    white = QColor("white").rgb()
    return sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixel(x, y) != white)


def test_overview_when_zoomed_out_and_items_again_when_zoomed_in(window, qtbot):
    view, scene = window.view, window.scene
    window.show_page("overlay")
    view.fit()
    view.resetTransform()
    view.scale(0.2, 0.2)
    zoomed_out = painted(view)
    assert scene.overview is not None
    assert ink(zoomed_out) > 200  # the diagram is still drawn, from the overview's paths
    # With no gesture under way the view paints the overview itself and leaves the items
    # be; while a button is held Qt walks the items, which then paint nothing.
    assert not any(item.flags() & NO_CONTENTS for item in scene.variable_items.values())
    view._held = True
    assert ink(painted(view)) > 200
    assert all(item.flags() & NO_CONTENTS for item in scene.variable_items.values())
    # An edit while zoomed out reaches the overview (it is rebuilt) and the new item.
    first = next(iter(scene.variable_items))
    assert window.session.push(InsertEdit(("cld", "variables"), Variable(name="Added far out", x=0, y=0)))
    added = [i for k, i in scene.variable_items.items() if i.name == "Added far out"]
    assert added and added[0].flags() & NO_CONTENTS
    view._held = False
    view.resetTransform()
    painted(view)
    assert scene.overview is None
    assert not any(item.flags() & NO_CONTENTS for item in scene.variable_items.values())
    assert first in scene.variable_items


def colour_count(image: QImage, point, colour: str, radius: int = 8) -> int:
    wanted = QColor(colour)
    count = 0
    for dx in range(-radius, radius + 1):
        for dy in range(-radius, radius + 1):
            x, y = point.x() + dx, point.y() + dy
            if 0 <= x < image.width() and 0 <= y < image.height():
                got = QColor(image.pixel(x, y))
                count += abs(got.red() - wanted.red()) + abs(got.green() - wanted.green()) \
                    + abs(got.blue() - wanted.blue()) < 40
    return count


def test_zoomed_out_view_paints_itself_shows_selection_and_still_takes_clicks(window, qtbot, monkeypatch):
    from PySide6.QtCore import Qt

    from ssm_studio.render import overview

    view, scene = window.view, window.scene
    window.show_page("overlay")
    calls = []
    real = overview.paint_view
    monkeypatch.setattr(overview, "paint_view", lambda v, e: (calls.append(1), real(v, e)))
    view.fit()
    view.resetTransform()
    view.scale(0.25, 0.25)
    item = next(iter(scene.variable_items.values()))
    view.centerOn(item)
    painted(view)
    assert calls, "zoomed out, the view paints the overview itself, without Qt's walk of the items"
    at = view.mapFromScene(item.scenePos())
    before = colour_count(painted(view), at, overview.SELECTION)
    # A click on a box selects it through the items, which still take clicks while painting nothing.
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert item.isSelected()
    assert colour_count(painted(view), at, overview.SELECTION) >= before + 15
    # Loop labels are still drawn zoomed out: hiding them changes the picture.
    labels = [label for label in scene.loop_items.values() if label.isVisible()]
    assert labels  # the example has loops
    view.resetTransform()
    view.scale(0.25, 0.25)
    view.centerOn(labels[0])
    calls.clear()
    with_labels = painted(view)
    assert calls
    for label in labels:
        label.setVisible(False)
    assert painted(view) != with_labels


def test_while_a_button_is_held_the_zoomed_out_view_paints_through_qt(window, qtbot, monkeypatch):
    """A gesture may draw previews (a link being drawn, the rubber band): Qt paints then."""
    from PySide6.QtCore import QPoint, Qt

    from ssm_studio.render import overview

    view = window.view
    window.show_page("overlay")
    calls = []
    real = overview.paint_view
    monkeypatch.setattr(overview, "paint_view", lambda v, e: (calls.append(1), real(v, e)))
    view.resetTransform()
    view.scale(0.25, 0.25)
    empty = QPoint(5, 5)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    painted(view)
    assert not calls
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=empty)
    painted(view)
    assert calls


def test_an_open_project_is_kept_out_of_the_collectors_walks(window):
    import gc

    assert gc.isenabled()  # the pauses around building have all ended
    assert gc.get_freeze_count() > 10_000  # the project, its scenes and panels


def test_zooming_sets_item_pictures_aside_until_the_zoom_rests(window, qtbot):
    from ssm_studio.app.canvas.cache_pause import RESUME_AFTER_MS

    view, scene = window.view, window.scene
    window.show_page("overlay")
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    # (Links longer than a view are painted by the long-link layer and keep no picture.)
    links = [link for link in scene.link_items.values() if not scene.long_links.owns(link)]
    assert links and all(link.cacheMode() == cached for link in links)
    view.zoom_in()
    view.zoom_in()
    assert all(link.cacheMode() == QGraphicsItem.CacheMode.NoCache for link in links)
    assert all(item.cacheMode() == QGraphicsItem.CacheMode.NoCache for item in scene.variable_items.values())
    qtbot.waitUntil(lambda: all(link.cacheMode() == cached for link in links), timeout=RESUME_AFTER_MS * 6)
    assert all(item.cacheMode() == cached for item in scene.variable_items.values())


def test_zoomed_out_a_rubber_band_selects_and_a_drag_moves_through_the_items(window, qtbot):
    from PySide6.QtCore import QPoint, Qt

    from ssm_studio.render import overview

    view, scene = window.view, window.scene
    window.show_page("overlay")
    view.resetTransform()
    view.scale(0.25, 0.25)
    item = list(scene.variable_items.values())[1]
    view.centerOn(item)
    painted(view)
    at = view.mapFromScene(item.scenePos())
    # A rubber band around the box, drawn while zoomed out, selects it. It starts where
    # nothing but the overview lies (a press on a link or a box would drag it instead).
    corner = next(at - QPoint(d, d) for d in range(30, 200, 5)
                  if all(type(i).__name__ == "OverviewItem" for i in view.items(at - QPoint(d, d))))
    far = at + (at - corner)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    qtbot.mouseMove(view.viewport(), at, delay=5)
    qtbot.mouseMove(view.viewport(), far, delay=5)
    painted(view)  # Qt paints while the band is out (and draws the band)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=far)
    assert item.isSelected()
    scene.clearSelection()
    item.setSelected(True)
    assert colour_count(painted(view), at, overview.SELECTION) >= 15
    # A drag moves the box; the overview follows the document.
    at = view.mapFromScene(item.scenePos())  # (the window may have scrolled to the selection)
    before = item.scenePos()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(view.viewport(), at + QPoint(30, 0), delay=5)
    qtbot.mouseMove(view.viewport(), at + QPoint(60, 0), delay=5)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at + QPoint(60, 0))
    assert item.scenePos().x() > before.x() + 100  # 60 px at a quarter of actual size
    moved = view.mapFromScene(item.scenePos())
    assert colour_count(painted(view), moved, overview.SELECTION) >= 15
    window.session.undo_stack.undo()
    assert abs(item.scenePos().x() - before.x()) < 1


def test_a_loop_picked_while_zoomed_out_is_shown_and_the_rest_fades(window, qtbot):
    """Picking a loop in the Loops panel far out repainted nothing: the overview ignored the
    items' opacity, and its update was dropped (Qt never painted it itself)."""
    view, scene = window.view, window.scene
    window.show_page("overlay")
    view.resetTransform()
    view.scale(0.2, 0.2)
    view.centerOn(scene.diagram_rect().center())
    before = painted(view)
    assert scene.overview is not None
    paints = []
    original = view.paintEvent

    def counted(event):
        paints.append(1)
        original(event)

    view.paintEvent = counted
    window.loops.list.setCurrentRow(0)
    assert scene.highlighted is not None
    qtbot.waitUntil(lambda: bool(paints), timeout=2000)  # the canvas repaints by itself
    after = view.viewport().grab().toImage()
    assert after != before
    # Drawn faded and whole: a group of dimmed links beside the loop's own.
    opacities = {opacity for (_colour, opacity) in scene.overview._lines}
    assert {1.0, round(scene.style.dimmed_opacity, 2)} <= opacities


def test_the_overview_kept_between_zooms_still_shows_what_changed_close_up(window, qtbot):
    view, scene = window.view, window.scene
    window.show_page("overlay")
    view.resetTransform()
    view.scale(0.2, 0.2)
    painted(view)
    keeper = scene.overview_item
    boxes = sum(len(group) for group in keeper._boxes.values())
    view.resetTransform()
    painted(view)  # close up: the items paint themselves
    assert window.session.push(InsertEdit(("cld", "variables"), Variable(name="Added close up", x=40, y=40)))
    view.scale(0.2, 0.2)
    painted(view)
    assert sum(len(group) for group in keeper._boxes.values()) == boxes + 1
    view.resetTransform()
    painted(view)
    view.scale(0.2, 0.2)
    before = keeper._boxes
    painted(view)
    assert keeper._boxes is before  # nothing changed: the paths were kept, not built again
