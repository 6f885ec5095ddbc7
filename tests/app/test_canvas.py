"""The causal-loop canvas through the viewport: mouse, keys, undo back to the saved file."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoStack  # noqa: F401  (the stack under test)

from ssm_studio.edits.causal_edits import rename_variable, set_polarity
from ssm_studio.storage import project_to_bytes

from .conftest import viewport_point


def empty_spot(window):
    """A point in the scene far from the example's variables."""
    return 1500.0, 1500.0


def saved_bytes(window):
    return project_to_bytes(window.session.document.project, window.session.document.media)


def test_double_click_adds_a_variable_and_rename_in_place(qtbot, window):
    view = window.view
    view.centerOn(1500, 1500)
    before = len(window.session.document.project.cld.variables)
    at = viewport_point(view, *empty_spot(window))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert len(window.session.document.project.cld.variables) == before + 1
    editor = view._rename
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    qtbot.keyClicks(editor, "Employer confidence")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    variable = window.session.document.project.cld.variables[-1]
    assert variable.name == "Employer confidence"
    assert window.scene.variable_items[variable.id].name == "Employer confidence"
    assert (round(variable.x), round(variable.y)) == (1500, 1500)
    assert window.isWindowModified()


def drag(qtbot, view, start, end):
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 6):
        point = start + (end - start) * step / 5
        qtbot.mouseMove(view.viewport(), QPoint(int(point.x()), int(point.y())))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=end)


def test_link_by_dragging_set_polarity_by_key_and_undo_to_the_saved_file(qtbot, window):
    original = saved_bytes(window)
    view, project = window.view, window.session.document.project
    view.centerOn(1500, 1500)
    for x in (1400.0, 1650.0):
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(view, x, 1500))
        qtbot.keyClick(view._rename, Qt.Key.Key_Escape)
    a, b = project.cld.variables[-2], project.cld.variables[-1]
    residents = project.perspective_named("Residents out of work").id
    window.perspectives.make_active(residents)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert view.tool.key == "link"
    drag(qtbot, view, viewport_point(view, a.x, a.y), viewport_point(view, b.x, b.y))
    link = project.cld.links[-1]
    assert (link.source, link.target, link.perspective, link.polarity) == (a.id, b.id, residents, "+")
    assert window.scene.link_items[link.id].isSelected()
    view.setFocus()
    qtbot.keyClicks(view, "-")
    assert link.polarity == "-"
    qtbot.keyClicks(view, "?")
    assert link.polarity == "?" and window.scene.link_items[link.id].polarity == "?"
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert link.delay
    stack = window.session.undo_stack
    assert stack.count() == 6  # two variables, a link, two polarities, a delay
    while stack.canUndo():
        stack.undo()
    assert saved_bytes(window) == original
    assert not window.isWindowModified()
    while stack.canRedo():
        stack.redo()
    assert project.cld.links[-1].polarity == "?" and project.cld.links[-1].delay


def test_a_drag_moves_selected_variables_as_one_step(qtbot, window):
    view, project = window.view, window.session.document.project
    variable = next(v for v in project.cld.variables if v.name == "Worklessness")
    view.centerOn(variable.x, variable.y)
    start = viewport_point(view, variable.x, variable.y)
    drag(qtbot, view, start, start + QPoint(60, 40))
    assert (variable.x, variable.y) != (0.0, 0.0)
    moved = (variable.x, variable.y)
    item = window.scene.variable_items[variable.id]
    assert (item.x(), item.y()) == moved
    assert window.session.undo_stack.count() == 1
    window.session.undo_stack.undo()
    assert (item.x(), item.y()) == (variable.x, variable.y) != moved
    assert item.isSelected()  # undo selects what it changed


def test_a_drag_commits_only_the_boxes_the_select_tool_hands_over(qtbot, window):
    """The tool hands the editor the dragged boxes: a box out of place but not dragged (here
    put out of place by hand) is not compared with the model, nor written to it."""
    view, project = window.view, window.session.document.project
    variable = next(v for v in project.cld.variables if v.name == "Worklessness")
    other = next(v for v in project.cld.variables if v.name == "Deprivation")
    window.scene.variable_items[other.id].setPos(other.x + 500, other.y)  # not through the model
    view.centerOn(variable.x, variable.y)
    start = viewport_point(view, variable.x, variable.y)
    drag(qtbot, view, start, start + QPoint(60, 40))
    edit = window.session.undo_stack.command(0).edit
    assert {e.target[-1] for e in edit.edits} == {variable.id}
    assert (other.x, other.y) != (window.scene.variable_items[other.id].x(), other.y)


def test_model_change_updates_items_and_item_edit_updates_model(qtbot, window):
    project, scene = window.session.document.project, window.scene
    variable = project.cld.variables[0]
    window.session.push(rename_variable(variable.id, "Joblessness"))
    assert scene.variable_items[variable.id].name == "Joblessness"
    link = project.cld.links[0]
    window.session.push(set_polarity([link.id], "-"))
    assert scene.link_items[link.id].polarity == "-"
    # The other way: the inspector edits a selected link.
    scene.clearSelection()
    scene.link_items[link.id].setSelected(True)
    window.inspector.polarity.setCurrentIndex(2)
    window.inspector.polarity.activated.emit(2)
    assert link.polarity == "?"


def test_delete_key_removes_a_variable_with_its_claims_and_undo_restores(qtbot, window):
    project, scene, view = window.session.document.project, window.scene, window.view
    original = saved_bytes(window)
    variable = next(v for v in project.cld.variables if v.name == "Deprivation")
    scene.variable_items[variable.id].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert variable.id not in scene.variable_items
    assert all(variable.id not in (lk.source, lk.target) for lk in project.cld.links)
    window.session.undo_stack.undo()
    assert saved_bytes(window) == original and variable.id in scene.variable_items


def test_keyboard_only_link_between_two_selected_variables(qtbot, window):
    project, scene, view = window.session.document.project, window.scene, window.view
    a, b = project.cld.variables[3], project.cld.variables[7]
    scene.variable_items[a.id].setSelected(True)
    scene.variable_items[b.id].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_K)
    link = project.cld.links[-1]
    assert (link.source, link.target, link.perspective) == (a.id, b.id, window.layers.active)


def test_copy_paste_duplicates_variables_and_their_links(qtbot, window):
    project, scene = window.session.document.project, window.scene
    ids = [v.id for v in project.cld.variables if v.name in ("Worklessness", "Confidence of job seekers")]
    for vid in ids:
        scene.variable_items[vid].setSelected(True)
    count_v, count_l = len(project.cld.variables), len(project.cld.links)
    window.editor.copy()
    window.editor.paste()
    assert len(project.cld.variables) == count_v + 2
    assert len(project.cld.links) == count_l + 2  # the two claims between them
    window.session.undo_stack.undo()
    assert len(project.cld.variables) == count_v


def test_zoom_keys_and_fit(qtbot, window):
    view = window.view
    scale = view.transform().m11()
    window.actions_["zoom_in"].trigger()
    assert view.transform().m11() > scale
    window.actions_["zoom_fit"].trigger()
    rect = view.mapFromScene(window.scene.diagram_rect()).boundingRect()
    assert view.viewport().rect().adjusted(-2, -2, 2, 2).contains(rect)


def test_bend_a_link_by_dragging_its_handle(qtbot, window):
    project, scene, view = window.session.document.project, window.scene, window.view
    link = next(lk for lk in project.cld.links if lk.source != lk.target)
    item = scene.link_items[link.id]
    scene.clearSelection()
    item.setSelected(True)
    handle = view.bend_handle
    assert handle.isVisible()
    view.centerOn(handle.pos())
    start = view.mapFromScene(handle.pos())
    drag(qtbot, view, start, start + QPoint(0, 50))
    assert link.curvature != 0.0
    window.session.undo_stack.undo()
    assert link.curvature == 0.0
