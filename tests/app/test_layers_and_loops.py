"""Perspectives as layers, overlay and side by side, loop highlighting."""

import pytest
from PySide6.QtCore import Qt

from .conftest import fresh_loops


def perspective(window, name):
    return window.session.document.project.perspective_named(name)


def claims_of(window, name):
    pid = perspective(window, name).id
    return [lk.id for lk in window.session.document.project.cld.links if lk.perspective == pid]


def test_hiding_a_perspective_hides_its_claims_and_nothing_else(qtbot, window):
    panel, scene = window.perspectives, window.scene
    jcp = perspective(window, "Jobcentre Plus advisers")
    row = next(r for r in range(panel.list.count()) if panel.list.item(r).data(Qt.ItemDataRole.UserRole) == jcp.id)
    panel.list.item(row).setCheckState(Qt.CheckState.Unchecked)
    assert not window.layers.is_visible(jcp.id)
    assert all(not scene.link_items[i].isVisible() for i in claims_of(window, "Jobcentre Plus advisers"))
    assert all(scene.link_items[i].isVisible() for i in claims_of(window, "Residents out of work"))
    assert not window.session.dirty  # visibility is a view, not an edit


def test_solo_shows_one_perspective(qtbot, window):
    college = perspective(window, "Further-education college")
    window.perspectives.select(college.id)
    window.perspectives.solo_button.click()
    visible = {window.scene.link_items[i].perspective for i, it in window.scene.link_items.items() if it.isVisible()}
    assert visible == {college.id}
    window.perspectives.solo_button.click()
    assert len({it.perspective for it in window.scene.link_items.values() if it.isVisible()}) == 4


def test_overlay_sets_parallel_claims_side_by_side_and_marks_conflicts(qtbot, window):
    project, scene = window.session.document.project, window.scene
    names = {v.name: v.id for v in project.cld.variables}
    pair = (names["Pressure to meet off-flow targets"], names["Quality of adviser support"])
    parallel = [scene.link_items[lk.id] for lk in project.cld.links if (lk.source, lk.target) == pair]
    assert len(parallel) == 2
    assert parallel[0].offset != parallel[1].offset
    assert all(item.conflict for item in parallel)
    agreed = [scene.link_items[lk.id] for lk in project.cld.links
              if (lk.source, lk.target) == (names["Employer demand for local workers"], names["Worklessness"])]
    assert len(agreed) == 2 and not any(item.conflict for item in agreed)
    # Hide one side: no parallel offset, no conflict.
    window.layers.set_visible(perspective(window, "Residents out of work").id, False)
    shown = [item for item in parallel if item.isVisible()]
    assert len(shown) == 1 and shown[0].offset == 0 and not shown[0].conflict


def test_perspectives_add_rename_reorder_remove_are_undoable(qtbot, window, monkeypatch):
    panel, project = window.perspectives, window.session.document.project
    before = [p.name for p in project.perspectives]
    pid = panel.add("Local employers")
    assert [p.name for p in project.perspectives][-1] == "Local employers"
    assert window.layers.active == pid
    assert panel.list.count() == len(before) + 2  # common ground + every perspective
    panel.select(pid)
    panel.move(-1)
    assert [p.name for p in project.perspectives][-2] == "Local employers"
    monkeypatch.setattr("ssm_studio.app.docks.perspectives.QInputDialog.getText",
                        lambda *a, **k: ("Employers in Stoke", True))
    panel.select(pid)
    panel.rename()
    assert project.perspective(pid).name == "Employers in Stoke"
    residents = perspective(window, "Residents out of work")
    claims = len(claims_of(window, "Residents out of work"))
    total = len(project.cld.links)
    panel.select(residents.id)
    panel.remove("delete")
    assert project.perspective(residents.id) is None and len(project.cld.links) == total - claims
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert [p.name for p in project.perspectives] == before


def test_remove_asks_what_to_do_with_claims(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked = []

    def fake_exec(box):
        asked.append(box.text())
        box.done(0)
        for button in box.buttons():
            if button.text().startswith("Move"):
                button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    panel, project = window.perspectives, window.session.document.project
    college = perspective(window, "Further-education college")
    n = len(claims_of(window, "Further-education college"))
    panel.select(college.id)
    panel.remove()
    assert asked and "causal claims" in asked[0]
    first = project.perspectives[0].id
    assert len([lk for lk in project.cld.links if lk.perspective == first]) >= n


def test_new_claims_go_to_the_active_perspective(qtbot, window):
    project = window.session.document.project
    college = perspective(window, "Further-education college")
    window.perspectives.make_active(college.id)
    a, b = project.cld.variables[0].id, project.cld.variables[1].id
    link_id = window.editor.link(a, b)
    assert next(lk for lk in project.cld.links if lk.id == link_id).perspective == college.id
    window.cycle_active(1)
    assert window.layers.active != college.id


def test_no_active_perspective_means_no_claim_and_a_clear_message(qtbot, window):
    window.layers.set_active(None)
    assert window.editor.link(*[v.id for v in window.session.document.project.cld.variables[:2]]) is None
    assert "perspective" in window.editor.message


def test_loops_panel_lists_and_highlights_a_loop(qtbot, window):
    panel, scene = window.loops, window.scene
    assert panel.list.count() == len(scene.report.loops) >= 5
    row = next(r for r in range(panel.list.count()) if "Vicious circle" in panel.list.item(r).text())
    panel.list.setCurrentRow(row)
    loop = next(lp for lp in scene.report.loops if lp.name == "Vicious circle of confidence")
    assert scene.highlighted == loop.key
    dim = scene.style.dimmed_opacity
    for lid, item in scene.link_items.items():
        assert item.opacity() == (1.0 if lid in loop.link_ids else pytest.approx(dim))
    panel.list.setCurrentRow(-1)
    assert all(item.opacity() == 1.0 for item in scene.link_items.values())


def test_loops_follow_visible_perspectives_and_edits(qtbot, window):
    scene, project = window.scene, window.session.document.project
    for p in project.perspectives:
        window.layers.set_visible(p.id, p.name == "Jobcentre Plus advisers")
    fresh_loops(qtbot, scene)
    assert [lp.label for lp in scene.report.loops] == ["B1"]
    assert len(scene.loop_items) == 1
    jcp = perspective(window, "Jobcentre Plus advisers").id
    names = {v.name: v.id for v in project.cld.variables}
    window.perspectives.make_active(jcp)
    window.editor.link(names["Quality of adviser support"], names["Pressure to meet off-flow targets"])
    fresh_loops(qtbot, scene)
    assert len(scene.report.loops) == 2 and "B1" in [lp.label for lp in scene.report.loops]


def test_loop_names_are_saved(qtbot, window, example_copy):
    from ssm_studio.storage import read_project

    panel = window.loops
    panel.list.setCurrentRow(0)
    panel.rename("The confidence trap")
    assert window.file_save()
    stored = read_project(example_copy).project.cld.loop_names
    assert "The confidence trap" in [n.name for n in stored]


def test_side_by_side_views_are_linked(qtbot, window):
    ids = [p.id for p in window.session.document.project.perspectives[:3]]
    window.set_mode("side-by-side")
    side = window.side
    assert len(side.views) == 4
    side.show_perspectives(ids)
    assert len(side.views) == 3
    first, second = side.views[0], side.views[1]
    before = [v.transform().m11() for v in (first, second)]
    first.zoom_in()
    # Each perspective laid out on its own has a zoom of its own: the others zoom as much.
    assert first.transform().m11() > before[0]
    assert second.transform().m11() / before[1] == pytest.approx(first.transform().m11() / before[0])
    side.own_places.setChecked(False)  # the overlay's places: one zoom for all, to compare
    assert len(side.views) == 3
    side.views[0].zoom_in()
    assert side.views[1].transform().m11() == pytest.approx(side.views[0].transform().m11())
    first, second = side.views[0], side.views[1]
    shown = {it.perspective for it in side.scenes[1].link_items.values() if it.isVisible()}
    assert shown == {ids[1]}
    window.set_mode("overlay")
    assert window.page_key == "overlay" and window.view.isVisible()
    assert not side.views  # the side-by-side scenes are closed while the page is away


def test_high_contrast_and_text_scaling(qtbot, window):
    item = next(iter(window.scene.variable_items.values()))
    width = item.box.width()
    window.actions_["high_contrast"].trigger()
    assert window.scene.style.link_width > 3 and item.box.width() > width
    window.scale_text(1.5)
    assert window.scene.style.text_scale > 2
    window.scale_text(1 / 1.5)
    window.actions_["high_contrast"].trigger()  # off again: the text is as it was before
    assert window.scene.style.text_scale == pytest.approx(1.0)
    assert item.box.width() == pytest.approx(width)


def test_widgets_have_accessible_names(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QGraphicsView

    for kind in (QAbstractItemView, QGraphicsView):
        for widget in window.findChildren(kind):
            if widget.isVisible():
                assert widget.accessibleName(), widget
    for button in window.perspectives.findChildren(QAbstractButton):
        assert button.accessibleName() or button.text()
    # every canvas tool has a menu action and a key (single letters belong to the canvas)
    for key in ("tool_select", "tool_add", "tool_link", "new_variable"):
        assert "\t" in window.actions_[key].text()
    assert window.actions_["link_selected"].shortcut().toString() == "Ctrl+L"


def test_typing_in_a_table_does_not_trigger_canvas_keys(qtbot, window):
    from PySide6.QtWidgets import QApplication

    window.show_page("actions")
    table = window.actions_table.table
    variables = len(window.session.document.project.cld.variables)
    table.setFocus()
    table.setCurrentCell(0, 4)
    qtbot.keyClick(table, "n")
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "o")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(5)
    assert len(window.session.document.project.cld.variables) == variables
    assert window.view.tool.key == "select"


def test_moving_a_variable_moves_its_loop_labels_without_a_new_search(qtbot, window, monkeypatch):
    from ssm_studio.edits.causal_edits import move_variables

    scene, project = window.scene, window.session.document.project
    loop = next(lp for lp in scene.report.loops if lp.name == "Vicious circle of confidence")
    before = scene.loop_items[loop.key].pos()
    searches = []
    monkeypatch.setattr(window.session.loops, "request", lambda *a, **k: searches.append(1))
    variable = next(v for v in project.cld.variables if v.name == "Confidence of job seekers")
    window.session.push(move_variables({variable.id: (variable.x + 200, variable.y)}))
    qtbot.wait(200)  # longer than the debounce before a loop search
    assert scene.loop_items[loop.key].pos() != before
    assert searches == []
