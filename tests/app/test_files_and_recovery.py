"""Files: save, dirty prompt, open errors as dialogs, autosave and recovery after a crash."""

import pytest
from PySide6.QtWidgets import QMessageBox

from ssm_studio.app import launch
from ssm_studio.app.main_window import MainWindow
from ssm_studio.app.session import DocumentSession
from ssm_studio.edits.causal_edits import add_variable, rename_variable
from ssm_studio.model import Variable
from ssm_studio.storage import read_project

from .conftest import discard_changes


def rename_first(window, name="Joblessness"):
    variable = window.session.document.project.cld.variables[0]
    window.session.push(rename_variable(variable.id, name))
    return variable


def test_dirty_marker_and_save(qtbot, window, example_copy):
    assert not window.isWindowModified() and "stoke.ssm" in window.windowTitle()
    rename_first(window)
    assert window.isWindowModified()
    assert window.file_save()
    assert not window.isWindowModified()
    assert read_project(example_copy).project.cld.variables[0].name == "Joblessness"


@pytest.mark.parametrize("answer,closes,saved", [
    (QMessageBox.StandardButton.Cancel, False, False),
    (QMessageBox.StandardButton.Discard, True, False),
    (QMessageBox.StandardButton.Save, True, True),
])
def test_closing_with_unsaved_changes_asks(qtbot, window, example_copy, monkeypatch, answer, closes, saved):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or answer)
    rename_first(window)
    assert window.close() is closes
    assert asked and "Save the changes" in asked[0]
    name = read_project(example_copy).project.cld.variables[0].name
    assert (name == "Joblessness") is saved


def test_open_error_is_a_dialog_not_a_traceback(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    bad = tmp_path / "broken.ssm"
    bad.write_bytes(b"PK\x03\x04 cut short")
    assert window.file_open(str(bad)) is False
    assert shown and "broken.ssm" in shown[0] and "damaged" in shown[0]
    assert window.session.path.name == "stoke.ssm"  # the open project is untouched


def test_save_error_is_a_dialog_and_keeps_the_work(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a, **k: shown.append(a[2]))
    rename_first(window)
    assert window.file_save_as(str(tmp_path / "no-such-folder" / "x.ssm")) is False
    assert shown and "does not exist" in shown[0]
    assert window.isWindowModified()


def test_open_a_csv_imports_it_unsaved(qtbot, window, tmp_path):
    csv = tmp_path / "workshop.csv"
    csv.write_text("from,to,polarity,perspective\nA,B,+,Board\nB,A,-,Board\n")
    assert window.file_open(str(csv))
    assert window.session.path is None and len(window.session.document.project.cld.links) == 2
    qtbot.waitUntil(lambda: window.scene.report is not None)
    assert [lp.polarity for lp in window.scene.report.loops] == ["B"]


def test_autosave_writes_a_recovery_copy_and_a_clean_close_removes_it(qtbot, window, store):
    rename_first(window)
    window.session.autosave()
    assert [e.key for e in store.entries()] == [window.session.recovery_key]
    window.session.undo_stack.setClean()
    window.close()
    assert store.entries() == []


def test_recovery_after_a_simulated_crash(qtbot, example_copy, store):
    crashed = DocumentSession.open(example_copy, recovery=store)
    variable = crashed.document.project.cld.variables[0]
    crashed.push(rename_variable(variable.id, "Unsaved rename"))
    crashed.autosave()
    running = DocumentSession(recovery=store)  # another window still open: not offered
    running.push(add_variable(Variable(name="x")))
    running.autosave()
    crashed.abandon()  # the process dies: its lock is gone, its copy stays
    offered = launch.crashed_copies(store)
    assert [e.key for e in offered] == [crashed.recovery_key]
    questions = []
    restored = launch.offer_recovery(store, ask=lambda q: questions.append(q) or True)
    assert "closed unexpectedly" in questions[0] and "stoke.ssm" in questions[0]
    assert restored.document.project.cld.variables[0].name == "Unsaved rename"
    assert restored.path == example_copy
    assert restored.dirty  # restored work is unsaved until the user saves it
    win = MainWindow(restored)
    qtbot.addWidget(win, before_close_func=discard_changes)
    assert "stoke.ssm" in win.windowTitle() and win.isWindowModified()
    running.close()


def test_declining_recovery_discards_the_copies(qtbot, example_copy, store):
    crashed = DocumentSession.open(example_copy, recovery=store)
    crashed.push(rename_variable(crashed.document.project.cld.variables[0].id, "x"))
    crashed.autosave()
    crashed.abandon()
    assert launch.offer_recovery(store, ask=lambda q: False) is None
    assert store.entries() == []


def test_screenshot_command_writes_a_png(tmp_path, example_path, qapp):
    from PySide6.QtGui import QImage

    from ssm_studio.cli.main import main

    out = tmp_path / "cld.png"
    assert main(["screenshot", str(example_path), "-o", str(out), "--size", "1200x800",
                 "--perspective", "Residents out of work"]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1200, 800)
    colours = {image.pixel(x, y) for x in range(0, 1200, 23) for y in range(0, 800, 23)}
    assert len(colours) > 20  # a real window, not a blank


def test_screenshot_unknown_perspective_is_bad_input(tmp_path, example_path, qapp, capsys):
    from ssm_studio.cli.main import main

    assert main(["screenshot", str(example_path), "-o", str(tmp_path / "x.png"), "--perspective", "Nobody"]) == 1
    assert "no perspective called 'Nobody'" in capsys.readouterr().err
