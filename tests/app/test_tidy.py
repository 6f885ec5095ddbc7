"""Diagram → Tidy Layout: off the UI thread, animated, one undo step; cancel moves nothing."""

from PySide6.QtCore import Qt

from ssm_studio.edits.causal_edits import change_variable
from ssm_studio.layout import overlapping_pairs


def positions(window):
    return {v.id: (v.x, v.y) for v in window.session.document.project.cld.variables}


def test_tidy_lays_out_in_one_undoable_step_and_keeps_pinned_variables(qtbot, window):
    project = window.session.document.project
    anchor = next(v for v in project.cld.variables if v.name == "Worklessness")
    assert window.session.push(change_variable(anchor.id, pinned=True))
    pinned_at = (anchor.x, anchor.y)
    before = positions(window)
    stack = window.session.undo_stack
    depth = stack.count()
    assert window.actions_["tidy"].isEnabled()
    window.actions_["tidy"].trigger()
    qtbot.waitUntil(lambda: stack.count() == depth + 1, timeout=15_000)
    after = positions(window)
    assert after != before
    assert after[anchor.id] == pinned_at
    assert overlapping_pairs(after) == 0
    assert "Tidied" in window.statusBar().currentMessage()
    for vid, item in window.scene.variable_items.items():  # the boxes ended where the model says
        assert (item.x(), item.y()) == after[vid]
    stack.undo()
    assert positions(window) == before


def test_cancelled_tidy_moves_nothing(qtbot, window):
    stack = window.session.undo_stack
    depth = stack.count()
    before = positions(window)
    job = window.pages["overlay"].tidy()
    job.cancelled = True  # as the progress dialog's Cancel does
    job._thread.join(10)
    qtbot.wait(600)
    assert stack.count() == depth and positions(window) == before


def test_a_conceptual_model_is_tidied_as_a_ranked_flow(qtbot, window):
    window.show_page("conceptual_model")
    panel = window.models
    stack = window.session.undo_stack
    depth = stack.count()
    window.actions_["tidy"].trigger()
    qtbot.waitUntil(lambda: stack.count() == depth + 1, timeout=15_000)
    model = panel.scene.model()
    y = {a.id: a.y for a in model.activities}
    assert all(y[d.source] < y[d.target] for d in model.dependencies)  # each below what it needs


def test_the_inspector_pins_a_variable(qtbot, window):
    variable = next(v for v in window.session.document.project.cld.variables if v.name == "Deprivation")
    window.editor.select({variable.id})
    assert window.inspector.pinned.isVisible() or window.inspector.pinned.isVisibleTo(window.inspector)
    window.inspector.pinned.click()
    assert variable.pinned
    window.session.undo_stack.undo()
    assert not variable.pinned and not window.inspector.pinned.isChecked()


def test_the_inspector_marks_a_stock_which_the_canvas_draws_boxed_and_undo_takes_back(qtbot, window):
    project = window.session.document.project
    variable = next(v for v in project.cld.variables if v.name == "Deprivation")
    window.editor.select({variable.id})
    combo = window.inspector.variable_kind
    assert combo.isVisibleTo(window.inspector) and combo.currentData() == "variable"
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next kind down the list: a stock
    assert variable.kind == "stock"
    assert window.scene.variable_items[variable.id].kind == "stock"
    window.session.undo_stack.undo()
    assert variable.kind == "variable" and combo.currentData() == "variable"
    assert window.scene.variable_items[variable.id].kind == "variable"
