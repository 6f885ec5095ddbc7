"""The workbench: every window action on every page acts on that page (or is disabled), the
window fits a laptop, and the first hour's defects stay fixed."""

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QImage, QPainter
from PySide6.QtWidgets import QApplication

from ssm_studio.app.window_actions import PAGE_COMMANDS, PAGES

from .conftest import fresh_loops

CANVAS_PAGES = ("overlay", "rich_picture", "conceptual_model")


def scale_of(view) -> float:
    return view.transform().m11()


def test_every_action_on_every_page_acts_there_or_is_disabled(qtbot, window):
    for key in PAGES:
        window.show_page(key)
        page = window.page
        assert window.stack.currentWidget() is page.widget
        for action_key, (command, *args) in PAGE_COMMANDS.items():
            action = window.actions_[action_key]
            assert action.isEnabled() == page.can(command, *args), (key, action_key)
        if page.view is None:
            continue
        before = {k: scale_of(p.view) for k, p in window.pages.items() if p.view is not None}
        window.actions_["zoom_in"].trigger()
        after = {k: scale_of(p.view) for k, p in window.pages.items() if p.view is not None}
        assert after[key] > before[key]
        assert all(after[k] == before[k] for k in after if k != key and k != "side_by_side"), key


def test_commands_on_the_rich_picture_act_on_the_rich_picture(qtbot, window):
    project = window.session.document.project
    overlay_tool = window.view.tool.key
    window.show_page("rich_picture")
    picture = window.pictures
    window.actions_["tool_link"].trigger()
    assert picture.view.tool.key == "link" and window.view.tool.key == overlay_tool
    window.actions_["tool_select"].trigger()
    window.actions_["select_all"].trigger()
    chosen = set(picture.editor.selected_variables())
    assert chosen and not window.scene.selectedItems()
    items_before = len(project.rich_picture.items)
    variables_before = len(project.cld.variables)
    figure = next(i.id for i in project.rich_picture.items if i.kind == "stencil")
    picture.editor.select({figure})
    window.actions_["delete"].trigger()
    assert len(project.rich_picture.items) < items_before
    assert len(project.cld.variables) == variables_before
    assert not window.actions_["pol_plus"].isEnabled() and not window.actions_["paste"].isEnabled()
    window.session.undo_stack.undo()
    assert len(project.rich_picture.items) == items_before


def test_table_pages_copy_cells(qtbot, window):
    window.show_page("actions")
    table = window.actions_table.table
    table.setCurrentCell(0, 0)
    table.setRangeSelected(table.selectedRanges()[0], True)
    assert window.actions_["copy"].isEnabled() and not window.actions_["zoom_in"].isEnabled()
    window.actions_["copy"].trigger()
    assert QApplication.clipboard().text() == table.item(0, 0).text()


def test_no_shortcut_is_bound_twice(qtbot, window):
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            text = sequence.toString()
            assert text not in seen, f"{text} is bound to both {seen[text]!r} and {action.text()!r}"
            seen[text] = action.text()
    assert seen["Ctrl+Shift+S"].replace("&", "").startswith("Save As")
    assert "Solo" in seen["Ctrl+Alt+S"].replace("&", "")


def test_zoom_and_text_keys_work_while_the_canvas_has_focus(qtbot, window):
    view = window.view
    view.setFocus()
    assert QApplication.focusWidget() is view
    before = scale_of(view)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert scale_of(view) > before
    scale = window.style_.text_scale
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Equal,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.style_.text_scale > scale


def test_ctrl_z_in_a_root_definition_field_undoes_the_last_edit(qtbot, window):
    from ssm_studio.edits.causal_edits import rename_variable

    variable = window.session.document.project.cld.variables[0]
    old = variable.name
    window.session.push(rename_variable(variable.id, "Renamed"))
    editor = window.root_definitions
    window._show_dock("root_definitions")
    window.perspectives.make_active(window.session.document.project.perspectives[0].id)
    field = editor.inputs["customers"]
    field.setFocus()
    assert QApplication.focusWidget() is field
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert variable.name == old


def test_the_window_fits_a_laptop_and_never_grows(qtbot, window):
    window.resize(1366, 768)
    for key in PAGES:
        window.show_page(key)
        qtbot.wait(5)
        hint = window.minimumSizeHint()
        assert hint.width() <= 1280 and hint.height() <= 720, (key, hint)
    for key in CANVAS_PAGES:
        window.show_page(key)
        qtbot.wait(10)
        assert window.page.view.width() >= 0.6 * window.width(), key
    window.show_page("overlay")
    for _ in range(4):
        window.actions_["text_bigger"].trigger()
    qtbot.wait(10)
    assert window.width() == 1366
    assert window.minimumSizeHint().width() <= 1280


def test_toolbar_and_picture_tools_have_icons_and_tooltips(qtbot, window):
    for action in window.main_toolbar.actions():
        if not action.isSeparator():
            assert not action.icon().isNull(), action.text()
            assert action.toolTip()
    for key, button in window.pictures.buttons.items():
        assert not button.icon().isNull() and button.toolTip(), key
    assert "(Ctrl+O)" in window.actions_["open"].toolTip()


def test_table_headers_wrap_between_words(qtbot, window):
    from PySide6.QtGui import QFontMetrics

    from ssm_studio.app.pages.tables import WrappingHeader

    window.show_page("actions")
    table = window.actions_table.table
    header = table.horizontalHeader()
    assert isinstance(header, WrappingHeader)
    metrics = QFontMetrics(header.font())
    for column in range(table.columnCount()):
        title = table.horizontalHeaderItem(column).text()
        longest = max(metrics.horizontalAdvance(word) for word in title.split())
        assert header.sectionSize(column) >= longest, title  # no word is cut in two
    assert header.sizeHint().height() > metrics.height() * 1.5  # long titles take two lines


def test_inspector_follows_renames_and_enter_does_not_rename_back(qtbot, window):
    from ssm_studio.edits.causal_edits import rename_variable

    variable = next(v for v in window.session.document.project.cld.variables if v.name == "Worklessness")
    window.editor.select({variable.id})
    assert window.inspector.name.text() == "Worklessness"
    window.session.push(rename_variable(variable.id, "Long-term worklessness"))
    assert window.inspector.name.text() == "Long-term worklessness"
    window.inspector.name.setFocus()
    qtbot.keyClick(window.inspector.name, Qt.Key.Key_Return)
    assert variable.name == "Long-term worklessness"
    window.session.undo_stack.undo()
    assert window.inspector.name.text() == "Worklessness"


def test_loops_follow_solo(qtbot, window):
    project = window.session.document.project
    jcp = project.perspective_named("Jobcentre Plus advisers").id
    window.layers.set_solo(jcp)
    assert window.loops.list.count() == 0  # the old list goes at once
    report = fresh_loops(qtbot, window.scene)
    claims = {link.id: link.perspective for link in project.cld.links}
    assert report.loops
    for loop in report.loops:
        assert {claims[link_id] for link_id in loop.link_ids} == {jcp}
    assert window.loops.list.count() == len(report.loops)
    assert all(item.isVisible() for item in window.scene.loop_items.values())


def test_a_loop_listed_twice_says_why(qtbot, window):
    report = fresh_loops(qtbot, window.scene)
    by_cycle = {}
    for loop in report.loops:
        by_cycle.setdefault(tuple(loop.variables), []).append(loop)
    twins = [loops for loops in by_cycle.values() if len(loops) > 1]
    assert twins  # the example has claims of opposite polarity on one circle
    texts = [window.loops.list.item(r).text() for r in range(window.loops.list.count())]
    for loop in twins[0]:
        text = next(t for t in texts if t.startswith(loop.label))
        assert "perspectives disagree on a link's polarity" in text


def test_a_gap_in_loop_numbers_is_explained(qtbot, window):
    """Labels stay with their loops (last meeting's R2 is still R2), so when a loop goes its
    number leaves a gap: the panel says which numbers are missing and why."""
    from ssm_studio.edits.causal_edits import remove_links

    report = fresh_loops(qtbot, window.scene)
    first = next(lp for lp in report.loops if lp.label == "R1")
    window.session.push(remove_links(set(first.link_ids)))
    report = fresh_loops(qtbot, window.scene)
    assert "R1" not in {lp.label for lp in report.loops}
    assert len({lp.label for lp in report.loops}) == len(report.loops)
    status = window.loops.status.text()
    assert "No R1" in status and "not in this view" in status


def test_a_perspective_cannot_claim_one_link_twice(qtbot, window):
    project = window.session.document.project
    link = project.cld.links[0]
    window.perspectives.make_active(link.perspective)
    count = len(project.cld.links)
    assert window.editor.link(link.source, link.target) is None
    assert len(project.cld.links) == count
    assert "already claims" in window.editor.message


def test_after_undo_all_and_redo_all_a_perspective_is_active(qtbot, window):
    from ssm_studio.edits.perspective_edits import remove_perspective

    project = window.session.document.project
    active = window.layers.active
    window.session.push(remove_perspective(project, active))
    assert window.layers.active is not None and window.layers.active != active
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert project.perspective(window.layers.active) is not None
    while stack.canRedo():
        stack.redo()
    assert project.perspective(window.layers.active) is not None


def test_the_no_perspective_message_names_a_real_menu_item(qtbot, window):
    window.layers.set_active(None)
    a, b = window.session.document.project.cld.variables[:2]
    assert window.editor.link(a.id, b.id) is None
    menu_texts = {action.text().replace("&", "") for action in window.actions_.values()}
    assert "Activate Next Perspective" in window.editor.message
    assert "Activate Next Perspective" in menu_texts


def test_focus_starts_on_the_canvas(qtbot, window):
    assert QApplication.focusWidget() is window.view


def test_the_delay_mark_and_sign_sit_clear_of_the_bend_handle(qtbot, window):
    delayed = [item for item in window.scene.link_items.values() if item.delay]
    assert delayed
    for item in delayed:
        handle = item.handle_point()
        mark = item.delay_mark_rect()
        assert not mark.adjusted(-6, -6, 6, 6).contains(handle)
        assert not mark.intersects(item.sign_rect())


def test_png_export_draws_labels_at_their_true_size(qtbot, window):
    from ssm_studio.render.export import export_rect, to_image

    scene = window.scene
    rect = export_rect(scene)
    image = to_image(scene, 192, rect)
    reference = QImage(image.size(), QImage.Format.Format_ARGB32)
    reference.fill(Qt.GlobalColor.white)
    painter = QPainter(reference)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, reference.rect().toRectF(), rect)
    painter.end()
    assert image.convertToFormat(QImage.Format.Format_ARGB32) == reference  # as drawn on screen, scaled
    assert round(image.dotsPerMeterX() * 0.0254) == 192


def test_a_bubble_sits_beside_its_figure_and_new_figures_do_not_stack(qtbot, window):
    from PySide6.QtCore import QRectF

    window.show_page("rich_picture")
    editor = window.pictures.editor
    centre = QPointF(8000, 8000)
    figures = [editor.add_stencil("person", centre) for _ in range(3)]
    items = {i.id: i for i in window.session.document.project.rich_picture.items}

    def body(item) -> QRectF:
        return QRectF(item.x - item.width / 2, item.y - item.height / 2, item.width, item.height)

    rects = [body(items[f]) for f in figures]
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1:])
    editor.select({figures[0]})
    bubble = items_after = editor.add_bubble("speech", "We need jobs")
    items_after = {i.id: i for i in window.session.document.project.rich_picture.items}
    assert items_after[bubble].owner == figures[0]
    assert not body(items_after[bubble]).intersects(body(items_after[figures[0]]))


def test_the_rich_picture_opens_fitted(qtbot, window):
    window.show_page("rich_picture")
    qtbot.wait(10)
    view = window.pictures.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(window.pictures.scene.diagram_rect().adjusted(30, 30, -30, -30))


def test_a_new_project_opens_on_the_welcome_page_with_a_hint_on_the_canvas(qtbot, window):
    window.file_new()
    assert window.page_key == "welcome"
    assert window.pages["welcome"].welcome.examples.count() >= 1
    window.show_page("overlay")
    assert window.pages["overlay"].hint.isVisible()


def test_the_shortcuts_dialog_is_a_table_of_every_bound_key(qtbot, window):
    from ssm_studio.app.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(window, window.actions_.values())
    qtbot.addWidget(dialog)
    commands = {dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())}
    assert "Save As" in commands and "Solo Chosen Perspective" in commands
    dialog.filter.setText("solo")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert len(shown) == 1


@pytest.mark.parametrize("key", ["overlay", "rich_picture", "conceptual_model", "side_by_side"])
def test_fit_acts_on_the_page_in_front(qtbot, window, key):
    window.show_page(key)
    view = window.page.view
    view.resetTransform()
    view.scale(5, 5)
    window.actions_["zoom_fit"].trigger()
    assert scale_of(view) < 5


def test_the_app_shows_its_frame_before_it_opens_the_project(qtbot, tmp_path, example_copy, store):
    """run_app's order: the window first (no model imported for it), then the project."""
    from ssm_studio.app.main_window import MainWindow
    from ssm_studio.app.session import DocumentSession

    window = MainWindow(None)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.session is None and not window.actions_["save"].isEnabled()
    assert window.actions_["quit"].isEnabled()
    window.finish_start()
    assert not window.actions_["open"].icon().isNull()
    window.set_session(DocumentSession.open(example_copy, recovery=store))
    assert window.page_key == "overlay" and window.actions_["save"].isEnabled()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.view)
    window.session.undo_stack.setClean()


def test_loop_markers_cover_no_variable_sign_or_delay_mark(qtbot, window):
    fresh_loops(qtbot, window.scene)
    scene = window.scene
    markers = [item.sceneBoundingRect().adjusted(2, 2, -2, -2) for item in scene.loop_items.values()]
    assert markers
    for index, marker in enumerate(markers):
        for other in markers[index + 1:]:
            assert not marker.intersects(other)
        for box in scene.variable_items.values():
            assert not marker.intersects(box.scene_box()), box.name
        for link in scene.link_items.values():
            if link.isVisible():
                assert not marker.intersects(link.sign_rect())
                assert not (link.delay and marker.intersects(link.delay_mark_rect()))
