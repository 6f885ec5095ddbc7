"""Stage 5 and stages 6–7 tables, edited from the keyboard as in a spreadsheet."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from ssm_studio.edits import InsertEdit
from ssm_studio.model import Activity
from ssm_studio.storage import project_to_bytes


def type_in_cell(qtbot, table, row, column, text):
    table.window().show()
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, text[0])
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, text[1:])
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(5)  # item views commit an editor's data on the next turn of the event loop


def test_comparison_rows_by_keyboard_follow_the_model_and_undo(qtbot, window):
    project = window.session.document.project
    original = project_to_bytes(project, {})
    window.show_page("comparison")
    panel = window.comparison
    cm = panel.model()
    table = panel.table
    assert table.rowCount() == len(cm.activities)
    type_in_cell(qtbot, table, 0, 1, "partly")
    type_in_cell(qtbot, table, 0, 3, "Jobcentre and college staff")
    rows = {r.activity: r for r in cm.comparison}
    first = rows[cm.activities[0].id]
    assert (first.exists, first.who) == ("partly", "Jobcentre and college staff")
    type_in_cell(qtbot, table, 1, 1, "sometimes")
    assert "yes, no, partly or unsure" in panel.message.text()
    # Rows follow the model: a new activity appears as a new row.
    window.session.push(InsertEdit(("conceptual_models", cm.id, "activities"), Activity(label="Review progress")))
    assert table.rowCount() == len(cm.activities)
    assert table.item(table.rowCount() - 1, 0).text() == "Review progress"
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert project_to_bytes(project, {}) == original


def test_record_stances_and_read_the_accommodation_order(qtbot, window):
    project = window.session.document.project
    window.show_page("actions")
    panel = window.actions_table
    table = panel.table
    new_id = panel.add_action("Share one family plan between services")
    row = next(r for r in range(table.rowCount()) if table.item(r, 0).data(Qt.ItemDataRole.UserRole) == new_id)
    for i in range(len(project.perspectives)):
        type_in_cell(qtbot, table, row, 4 + 2 * i, "yes")
        type_in_cell(qtbot, table, row, 5 + 2 * i, "yes")
    action = next(a for a in project.actions if a.id == new_id)
    assert [(s.desirable, s.feasible) for s in action.stances] == [("yes", "yes")] * len(project.perspectives)
    panel.by_accommodation.setChecked(True)
    assert table.item(0, 0).text() == "Share one family plan between services"
    assert table.item(0, 3).text().startswith(f"{len(project.perspectives)} of {len(project.perspectives)}")
    objected = next(r for r in range(table.rowCount()) if "objecting" in table.item(r, 3).text())
    assert "Jobcentre Plus advisers" in table.item(objected, 3).text()
    type_in_cell(qtbot, table, 0, 2, "soon")
    assert "short, medium or long" in panel.message.text()


def test_a_comparison_row_becomes_a_proposed_change(qtbot, window):
    project = window.session.document.project
    window.show_page("comparison")
    panel = window.comparison
    cm = panel.model()
    type_in_cell(qtbot, panel.table, 1, 6, "Publish the skills plan every year")
    count = len(project.actions)
    action_id = panel.propose_change(1)
    action = next(a for a in project.actions if a.id == action_id)
    row = next(r for r in cm.comparison if r.activity == cm.activities[1].id)
    assert len(project.actions) == count + 1
    assert (action.title, action.source_row) == ("Publish the skills plan every year", row.id)
    window.session.undo_stack.undo()
    assert len(project.actions) == count


def test_a_stance_note_is_kept_and_shown(qtbot, window):
    project = window.session.document.project
    window.show_page("actions")
    panel = window.actions_table
    panel.table.setCurrentCell(0, 4)
    assert panel.edit_note("Only with travel costs paid")
    first = project.perspectives[0].id
    stance = next(s for s in project.actions[0].stances if s.perspective == first)
    assert stance.note == "Only with travel costs paid"
    assert panel.table.item(0, 4).toolTip() == "Only with travel costs paid"
    type_in_cell(qtbot, panel.table, 0, 4, "no")
    assert stance.desirable == "no" and stance.note == "Only with travel costs paid"
