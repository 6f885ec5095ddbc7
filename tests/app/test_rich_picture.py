"""The rich picture through the canvas: ink, stencils, bubbles, connectors, photos, layers."""

from PySide6.QtCore import QPoint, QPointF, Qt

from ssm_studio.app.canvas.view import STENCIL_MIME
from ssm_studio.render.export import to_image
from ssm_studio.storage import project_to_bytes

from ..storage.helpers import png_bytes, png_claiming_size
from .conftest import viewport_point


def open_picture(window):
    window.set_mode("rich-picture")
    panel = window.pictures
    panel.view.resetTransform()
    panel.view.centerOn(0, 0)
    return panel


def test_draw_place_bubble_connect_photo_layers_and_undo_to_the_file(qtbot, window, tmp_path):
    project = window.session.document.project
    original = project_to_bytes(project, window.session.document.media)
    panel = open_picture(window)
    view, scene, editor = panel.view, panel.scene, panel.editor
    residents = project.perspective_named("Residents out of work")
    window.perspectives.make_active(residents.id)
    # A free-hand stroke with the mouse: one item, one undo step.
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_P)
    assert view.tool.key == "pen"
    start = viewport_point(view, -200, -200)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for i in range(1, 12):
        qtbot.mouseMove(view.viewport(), start + QPoint(i * 8, (i % 3) * 6))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(96, 0))
    stroke = project.rich_picture.items[-1]
    assert stroke.kind == "stroke" and len(stroke.points) >= 10 and stroke.layer == residents.id
    view.set_tool("select")
    # Place two stencils from the palette, connect them, then move one: the line follows.
    panel.search.setText("jobcentre")
    assert panel.palette.item(0).data(Qt.ItemDataRole.UserRole) == "job-centre"
    first = panel.place("job-centre")
    second = editor.add_stencil("family", QPointF(300, 150), "A family")
    connector = editor.link(first, second)
    line = scene.link_items[connector].line
    editor.select({second})
    editor.nudge(0, 100)
    assert scene.link_items[connector].line != line
    # A speech bubble attached to the family; its tail follows when the family moves.
    editor.select({second})
    bubble = editor.add_bubble("speech", "Nobody talks to each other")
    tail = scene.variable_items[bubble].tail_to
    editor.select({second})
    editor.nudge(50, 0)
    assert scene.variable_items[bubble].tail_to != tail
    # Type in the bubble in place.
    view.start_rename(bubble)
    view._rename.selectAll()
    qtbot.keyClicks(view._rename, "Thirty appointments")
    qtbot.keyClick(view._rename, Qt.Key.Key_Return)
    assert next(i for i in project.rich_picture.items if i.id == bubble).text == "Thirty appointments"
    # A photo of a flip chart, and a broken one refused with a message.
    photo = tmp_path / "flipchart.png"
    photo.write_bytes(png_bytes(40, 30))
    image_id = panel.insert_photo(str(photo))
    image = next(i for i in project.rich_picture.items if i.id == image_id)
    assert image.media in window.session.document.media and scene.variable_items[image_id].pixmap is not None
    broken = tmp_path / "huge.png"
    broken.write_bytes(png_claiming_size(100_000, 100_000))
    assert panel.insert_photo(str(broken)) is None
    assert "too large" in panel.status.text() or "megapixels" in panel.status.text()
    # Move the family to common ground; hide the residents' layer: the stroke hides, the family not.
    editor.select({second})
    editor.move_to_layer(None)
    window.layers.set_visible(residents.id, False)
    assert not scene.variable_items[stroke.id].isVisible()
    assert scene.variable_items[second].isVisible()
    window.layers.set_visible(residents.id, True)
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert project_to_bytes(project, window.session.document.media) == original
    assert len(scene.variable_items) + len(scene.link_items) == sum(1 for i in project.rich_picture.items
                                                                    if i.kind != "group")


def test_deleting_a_figure_removes_its_connectors_and_frees_its_bubbles(qtbot, window):
    project = window.session.document.project
    panel = open_picture(window)
    family = next(i for i in project.rich_picture.items if getattr(i, "label", "") == "Family in Meir")
    panel.editor.select({family.id})
    panel.editor.delete_selection()
    assert all(getattr(i, "source", None) != family.id and getattr(i, "target", None) != family.id
               for i in project.rich_picture.items)
    assert all(getattr(i, "owner", None) != family.id for i in project.rich_picture.items)
    window.session.undo_stack.undo()
    assert any(i.id == family.id for i in project.rich_picture.items)


def test_export_rich_picture_formats(tmp_path, example_path, qapp):
    from xml.etree import ElementTree

    from pypdf import PdfReader
    from PySide6.QtGui import QImage

    from ssm_studio.cli.main import main

    for fmt in ("png", "svg", "pdf"):
        out = tmp_path / f"rp.{fmt}"
        assert main(["export", str(example_path), "--view", "rich-picture", "-o", str(out),
                     "--perspective", "Residents out of work"]) == 0
        if fmt == "png":
            assert QImage(str(out)).width() > 300
        elif fmt == "svg":
            assert ElementTree.parse(out).getroot().tag.endswith("svg") and "Family in Meir" in out.read_text()
        else:
            assert len(PdfReader(str(out)).pages) == 1


def test_arrange_group_lock_and_hand_drawn(qtbot, window):
    project = window.session.document.project
    panel = open_picture(window)
    editor, scene = panel.editor, panel.scene
    # Well away from the example's picture: new things land only where nothing is drawn.
    a = editor.add_shape("rectangle", QPointF(5000, 5000))
    b = editor.add_shape("ellipse", QPointF(5160, 5040))
    c = editor.add_stencil("person", QPointF(5300, 5090))
    editor.select({a, b, c})
    editor.align("top")
    items = {i.id: i for i in project.rich_picture.items}
    assert items[a].y == items[b].y == items[c].y == 5000
    editor.distribute(True)
    assert items[b].x == 5150
    editor.rotate(15)
    editor.resize(1.1)
    assert items[c].rotation == 15 and items[c].width == 88.0
    group = editor.group()
    scene.clearSelection()
    scene.variable_items[a].setSelected(True)  # one member chosen: the whole group follows
    assert set(editor.selected_variables()) >= {a, b, c}
    editor.ungroup()
    assert group not in {i.id for i in project.rich_picture.items}
    scene.clearSelection()
    scene.variable_items[a].setSelected(True)
    editor.toggle_lock()
    assert items[a].locked and not (scene.variable_items[a].flags() & scene.variable_items[a].GraphicsItemFlag.ItemIsMovable)
    editor.lock_backdrop(True)
    assert all(i.locked for i in project.rich_picture.items if i.layer is None)
    panel.hand_drawn.setChecked(True)
    assert scene.hand_drawn
    assert not to_image(scene, 48).isNull()


def test_drag_a_stencil_from_the_palette(qtbot, window):
    from PySide6.QtGui import QDropEvent

    panel = open_picture(window)
    project = window.session.document.project
    count = len(project.rich_picture.items)
    item = panel.palette.item(0)
    data = panel.palette.mimeData([item])
    assert data.hasFormat(STENCIL_MIME)
    at = panel.view.viewport().rect().center()
    drop = QDropEvent(QPointF(at), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    panel.view.dropEvent(drop)
    assert len(project.rich_picture.items) == count + 1
    assert project.rich_picture.items[-1].stencil == item.data(Qt.ItemDataRole.UserRole)


def test_connector_arrow_heads_and_label(qtbot, window):
    project = window.session.document.project
    panel = open_picture(window)
    editor, view = panel.editor, panel.view
    a = editor.add_stencil("person", QPointF(0, 0))
    b = editor.add_stencil("house", QPointF(300, 0))
    connector = editor.link(a, b)
    editor.select({connector})
    editor.cycle_arrows()
    item = next(i for i in project.rich_picture.items if i.id == connector)
    assert (item.arrow_start, item.arrow_end) == (True, True)
    view.setFocus()
    editor.select({connector})
    qtbot.keyClick(view, Qt.Key.Key_F2)
    view._rename.selectAll()
    qtbot.keyClicks(view._rename, "visits")
    qtbot.keyClick(view._rename, Qt.Key.Key_Return)
    assert next(i for i in project.rich_picture.items if i.id == connector).label == "visits"


def test_bubble_box_and_figure_tools_place_by_clicking(qtbot, window):
    from PySide6.QtCore import QPoint

    panel = open_picture(window)
    view, project = panel.view, window.session.document.project
    view.centerOn(9000, 9000)
    count = len(project.rich_picture.items)
    for key, expected in (("tool_stencil", "stencil"), ("tool_box", "shape")):
        window.actions_[key].trigger()
        assert view.tool.key == key.removeprefix("tool_")
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
        assert project.rich_picture.items[-1].kind == expected
    figure = project.rich_picture.items[-2]
    qtbot.keyClick(view, Qt.Key.Key_B)
    assert view.tool.key == "bubble"
    at = view.mapFromScene(QPointF(figure.x, figure.y))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    bubble = project.rich_picture.items[-1]
    assert bubble.kind == "bubble" and bubble.owner == figure.id
    assert len(project.rich_picture.items) == count + 3
    qtbot.keyClick(view, Qt.Key.Key_Escape)
    assert view.tool.key == "select"
    window.show_page("overlay")
    assert not window.actions_["tool_bubble"].isVisible() and window.actions_["tool_link"].isVisible()
