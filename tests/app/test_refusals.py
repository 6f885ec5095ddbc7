"""Edits the document refuses are said to the user and never reach the undo history;
saving records loop labels without an undo step."""

import zipfile

from PySide6.QtCore import Qt

from ssm_studio.edits.causal_edits import move_variables, rename_variable
from ssm_studio.storage import read_project

from .conftest import fresh_loops


def _variable(window, name):
    return next(v for v in window.session.document.project.cld.variables if v.name == name)


def test_a_name_too_long_typed_in_the_inspector_is_refused_with_the_reason(qtbot, window):
    variable = _variable(window, "Worklessness")
    window.editor.select({variable.id})
    inspector = window.inspector
    assert inspector.name.text() == "Worklessness"
    depth = window.session.undo_stack.count()
    inspector.name.setFocus()
    inspector.name.setText("w" * 600)
    qtbot.keyClick(inspector.name, Qt.Key.Key_Return)
    assert _variable(window, "Worklessness").id == variable.id  # unchanged
    assert window.session.undo_stack.count() == depth
    assert "too long (600 characters; at most 500)" in window.statusBar().currentMessage()
    assert inspector.name.text() == "Worklessness"  # the field shows what is kept


def test_a_note_too_long_is_refused(qtbot, window):
    variable = _variable(window, "Worklessness")
    window.editor.select({variable.id})
    depth = window.session.undo_stack.count()
    window.inspector.note.setFocus()
    window.inspector.note.setPlainText("n" * 100_001)
    window.view.setFocus()  # leaving the field commits it
    qtbot.waitUntil(lambda: "too long" in window.last_refusal)
    assert window.session.undo_stack.count() == depth
    assert _variable(window, "Worklessness").note != "n" * 100_001


def test_an_edit_on_something_already_gone_is_refused(qtbot, window):
    session = window.session
    variable = _variable(window, "Worklessness")
    stale = move_variables({variable.id: (1.0, 1.0)})
    window.editor.select({variable.id})
    window.editor.delete_selection()
    depth = session.undo_stack.count()
    assert session.push(stale) is False
    assert session.undo_stack.count() == depth
    assert "no longer exists" in window.last_refusal


def test_a_loop_name_too_long_is_refused_and_saving_still_works(qtbot, window, tmp_path):
    panel = window.loops
    panel.list.setCurrentRow(0)
    depth = window.session.undo_stack.count()
    panel.rename("L" * 700)
    assert window.session.undo_stack.count() == depth
    assert "too long" in window.last_refusal
    target = tmp_path / "after.ssm"
    assert window.file_save_as(str(target))
    assert all(len(n.name) <= 500 for n in read_project(target).project.cld.loop_names)


def test_saving_records_loop_labels_without_an_undo_step(qtbot, window, tmp_path):
    session = window.session
    report = fresh_loops(qtbot, window.scene)
    session.push(rename_variable(_variable(window, "Worklessness").id, "Long-term worklessness"))
    depth = session.undo_stack.count()
    stored_before = len(session.document.project.cld.loop_names)
    target = tmp_path / "labelled.ssm"
    assert window.file_save_as(str(target))
    assert session.undo_stack.count() == depth
    assert session.undo_stack.isClean() and not window.isWindowModified()
    assert len(session.document.project.cld.loop_names) == stored_before  # the document is untouched
    saved = read_project(target).project.cld.loop_names
    assert {n.key for n in saved} >= {loop.key for loop in report.loops}
    assert {(n.key, n.label) for n in saved} >= {(lp.key, lp.label) for lp in report.loops}
    session.undo_stack.undo()  # undoing the rename touches no label
    assert len(session.document.project.cld.loop_names) == stored_before
    with zipfile.ZipFile(target) as archive:
        assert archive.namelist()[0] == "project.json"


def test_the_app_error_hook_says_user_errors_and_reports_bugs(qtbot, window, monkeypatch):
    import sys

    from ssm_studio.app.launch import install_error_hook
    from ssm_studio.errors import EditRefused
    from ssm_studio.model import Variable

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    shown = []
    monkeypatch.setattr("ssm_studio.app.launch.QMessageBox.critical", lambda *args: shown.append(args[2]))
    install_error_hook(window)
    sys.excepthook(EditRefused, EditRefused("That item no longer exists"), None)
    assert window.last_refusal == "That item no longer exists" and not shown
    try:
        Variable(name="v" * 501)
    except Exception as error:  # noqa: BLE001
        sys.excepthook(type(error), error, error.__traceback__)
    assert "too long" in window.last_refusal and not shown
    sys.excepthook(ZeroDivisionError, ZeroDivisionError("boom"), None)
    assert shown and "ZeroDivisionError" in shown[0] and "save it" in shown[0]
