"""The conceptual-model canvas: scaffold from a root definition, edit, undo to the file."""

from PySide6.QtCore import Qt

from ssm_studio.edits import SetFieldsEdit
from ssm_studio.model import RootDefinition
from ssm_studio.model.scaffold import scaffold, size_note
from ssm_studio.storage import project_to_bytes

from .conftest import viewport_point


def test_scaffold_drafts_verb_phrases_and_monitor_and_control():
    rd = RootDefinition(perspective="p", transformation_input="people out of work",
                        transformation_output="people in work", actors="advisers", customers="residents")
    rd.measures.efficacy = "people placed"
    activities, dependencies = scaffold(rd)
    labels = [a.label for a in activities]
    assert "Turn people out of work into people in work" in labels
    assert any("efficacy: people placed" in a.label for a in activities if a.monitor_control)
    assert sum(a.monitor_control for a in activities) == 3
    ids = {a.id for a in activities}
    assert all(d.source in ids and d.target in ids for d in dependencies)
    assert size_note(activities) == ""
    assert "7 ± 2" in size_note(activities[:2])


def test_start_from_root_definition_then_edit_with_the_canvas_tools(qtbot, window):
    project = window.session.document.project
    original = project_to_bytes(project, {})
    residents = project.perspective_named("Residents out of work")
    window.perspectives.make_active(residents.id)
    rd_id = window.root_definitions.add("issue-based")
    rd = next(r for r in project.root_definitions if r.id == rd_id)
    window.session.push(SetFieldsEdit(
        ("root_definitions", rd_id), {"transformation_input": "families in crisis",
                                      "transformation_output": "families coping"}))
    window.set_mode("conceptual-model")
    panel = window.models
    index = panel.chooser.findData(f"rd:{rd_id}")
    assert index >= 0
    panel.show_model(f"rd:{rd_id}")
    model_id = panel.start_from_root_definition()
    cm = next(m for m in project.conceptual_models if m.root_definition == rd.id)
    assert cm.id == model_id and len(cm.activities) >= 6
    assert any(a.label == "Turn families in crisis into families coping" for a in cm.activities)
    view, scene = panel.view, panel.scene
    assert len(scene.variable_items) == len(cm.activities) and len(scene.link_items) == len(cm.dependencies)
    # Add an activity by double-click and name it in place.
    view.resetTransform()
    view.centerOn(0, 600)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point(view, 0, 600))
    editor = view._rename
    editor.selectAll()
    qtbot.keyClicks(editor, "Review each family's plan monthly")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    added = cm.activities[-1]
    assert added.label == "Review each family's plan monthly"
    # Select it and the transform activity, press K: a dependency; D: monitor and control.
    transform = next(a for a in cm.activities if a.label.startswith("Turn "))
    scene.clearSelection()
    scene.variable_items[transform.id].setSelected(True)
    scene.variable_items[added.id].setSelected(True)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert (cm.dependencies[-1].source, cm.dependencies[-1].target) == (transform.id, added.id)
    scene.clearSelection()
    scene.variable_items[added.id].setSelected(True)
    qtbot.keyClick(view, Qt.Key.Key_D)
    assert added.monitor_control and scene.variable_items[added.id].dashed
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert added.id not in {a.id for a in cm.activities}
    assert all(added.id not in (d.source, d.target) for d in cm.dependencies)
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert project_to_bytes(project, {}) == original


def test_navigator_opens_a_model_on_the_canvas(qtbot, window):
    project = window.session.document.project
    cm = project.conceptual_models[0]
    window._navigate("conceptual-model", cm.id)
    assert window.stack.currentWidget() is window.models and window.page_key == "conceptual_model"
    assert window.models.scene.model_id == cm.id
    assert len(window.models.scene.variable_items) == len(cm.activities)
