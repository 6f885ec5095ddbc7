"""The Storyline panel: steps from the window's view, reordered by dragging, captioned,
annotated, deleted and played from a step; each an edit with undo (issue #23, item 1)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt


def _panel(window):
    from .test_presenting import _without_storylines

    _without_storylines(window)  # the example comes with one: these tests make their own
    window.actions_["storyline_panel"].trigger()
    panel = window.storyline_panel
    assert panel.isVisible()
    return panel


def test_add_the_current_view_as_a_step_and_undo_it(qtbot, window):
    panel = _panel(window)
    project = window.session.document.project
    first = project.perspectives[0]
    window.layers.show_only({first.id})
    qtbot.waitUntil(lambda: window.scene.searched_for == {first.id} and window.scene.report is not None,
                    timeout=10_000)  # the loops of the perspective shown
    loop = window.scene.report.loops[0]
    window.scene.highlight_loop(loop.key)  # as a pick in the Loops panel does
    assert window.scene.highlighted == loop.key
    depth = window.session.undo_stack.count()
    panel.add_current_view()
    storyline = project.storylines[0]
    step = storyline.steps[0]
    assert (step.page, step.shown, step.loop) == ("overlay", [first.id], loop.key)
    assert step.area is not None and step.area.width > 0
    assert panel.steps.count() == 1
    while window.session.undo_stack.count() > depth and window.session.undo_stack.canUndo():
        window.session.undo_stack.undo()
    assert not project.storylines and panel.steps.count() == 0


def test_reorder_caption_notes_delete_and_play_from_a_step(qtbot, window):
    panel = _panel(window)
    project = window.session.document.project
    panel.generate()
    storyline = project.storylines[0]
    ids = [s.id for s in storyline.steps]
    # A drag of the third step to the top.
    assert panel.steps.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert [s.id for s in storyline.steps][:3] == [ids[2], ids[0], ids[1]]
    assert panel.steps.item(0).data(Qt.ItemDataRole.UserRole) == ids[2]
    window.session.undo_stack.undo()
    assert [s.id for s in storyline.steps] == ids
    panel.steps.setCurrentRow(1)
    panel.caption.setFocus()
    panel.caption.selectAll()
    qtbot.keyClicks(panel.caption, "The Jobcentre's view")
    qtbot.keyClick(panel.caption, Qt.Key.Key_Return)
    assert storyline.steps[1].caption == "The Jobcentre's view"
    panel.notes.setFocus()
    qtbot.keyClicks(panel.notes, "Ask about targets")
    panel.steps.setFocus()  # leaving the notes writes them
    assert "Ask about targets" in storyline.steps[1].notes
    count = len(storyline.steps)
    panel.steps.setCurrentRow(1)
    panel.delete_step()
    assert len(storyline.steps) == count - 1
    window.session.undo_stack.undo()
    assert len(storyline.steps) == count and storyline.steps[1].caption == "The Jobcentre's view"
    panel.steps.setCurrentRow(3)
    panel.play()
    assert window.presentation is not None and window.presentation.index == 3
    window.presentation.stop()
    assert panel.steps.count() == count
