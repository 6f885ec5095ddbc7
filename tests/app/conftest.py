import shutil

import pytest

from ssm_studio.app.main_window import MainWindow
from ssm_studio.app.session import DocumentSession
from ssm_studio.storage import RecoveryStore


def discard_changes(window) -> None:
    """Before qtbot closes a window: no unsaved-changes prompt (a test that closed the
    window itself has no session left to ask about)."""
    if window.session is not None:
        window.session.undo_stack.setClean()


@pytest.fixture
def store(tmp_path):
    return RecoveryStore(tmp_path / "recovery")


@pytest.fixture
def example_copy(tmp_path, example_path):
    target = tmp_path / "stoke.ssm"
    shutil.copy(example_path, target)
    return target


@pytest.fixture
def window(qtbot, example_copy, store):
    session = DocumentSession.open(example_copy, recovery=store)
    win = MainWindow(session)
    # Close without the unsaved-changes prompt: each test checks that prompt on purpose.
    qtbot.addWidget(win, before_close_func=discard_changes)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    qtbot.wait(20)  # let the window's own fit-on-open run first
    qtbot.waitUntil(lambda: win.scene.report is not None)  # loops are found off the UI thread
    win.view.resetTransform()
    win.view.centerOn(0, 0)
    return win


@pytest.fixture(autouse=True)
def clean_clipboard(qapp):
    yield
    from ssm_studio.app.launch import release_clipboard

    release_clipboard()


@pytest.fixture
def edits_outside_undo():
    """Edits made to any document without passing through a session's undo stack."""
    return []


@pytest.fixture(autouse=True)
def every_change_goes_through_the_undo_stack(monkeypatch, edits_outside_undo):
    """In every app test, a document changes only from the session's ``push`` or an undo
    command's redo and undo; anything else would be a change Ctrl+Z cannot take back."""
    import sys

    from ssm_studio.app.session import DocumentSession
    from ssm_studio.app.undo import EditCommand
    from ssm_studio.edits import Document
    from ssm_studio.room.mapping import Mirror

    # A change from the workshop room is another participant's edit, on their undo stack
    # (undo is per person): it reaches this document only through the room's Mirror.
    allowed = {DocumentSession.push.__code__, EditCommand.redo.__code__, EditCommand.undo.__code__,
               Mirror.pull.__code__}

    def guarded(original):
        def change(self, edit):
            frame = sys._getframe(1)
            if frame.f_code not in allowed:
                edits_outside_undo.append(f"{edit.label} (from {frame.f_code.co_qualname})")
            return original(self, edit)
        return change

    monkeypatch.setattr(Document, "apply", guarded(Document.apply))
    monkeypatch.setattr(Document, "revert", guarded(Document.revert))
    yield
    assert not edits_outside_undo, f"changed without the undo stack: {edits_outside_undo}"


class UnexpectedDialog(AssertionError):
    pass


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch):
    """A modal dialog would hang an offscreen test run: fail instead, naming it."""
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    def refuse(kind):
        def raiser(*args, **kwargs):
            text = " | ".join(str(a) for a in args[1:3])
            raise UnexpectedDialog(f"unexpected {kind} dialog: {text}")
        return raiser

    for name in ("question", "warning", "critical", "information", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse(f"QMessageBox.{name}"))
    monkeypatch.setattr(QMessageBox, "exec", refuse("QMessageBox.exec"))
    monkeypatch.setattr(QInputDialog, "getText", refuse("QInputDialog.getText"))


def viewport_point(view, x, y):
    from PySide6.QtCore import QPointF

    return view.mapFromScene(QPointF(x, y))


def fresh_loops(qtbot, scene):
    """Search again and wait for the report (on screen the search runs on a worker thread,
    asked for by the scene's loop feed, app/loop_feed.py)."""
    from ssm_studio.app.loop_feed import LoopFeed

    with qtbot.waitSignal(scene.loops_changed, timeout=10_000):
        scene.findChild(LoopFeed).refresh()
    return scene.report
