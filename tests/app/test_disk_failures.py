"""A full or read-only disk during autosave and export: said once, clearly; nothing lost."""

import errno

from ssm_studio.app.export_dialogs import export_diagram
from ssm_studio.edits.causal_edits import rename_variable
from ssm_studio.storage import atomic


def _full_disk(monkeypatch):
    def refuse(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", refuse)


def _rename_one(window, name):
    variable = window.session.document.project.cld.variables[0]
    assert window.session.push(rename_variable(variable.id, name))


def test_autosave_failure_is_shown_once_then_again_after_a_success(qtbot, window, monkeypatch):
    heard = []
    window.session.problem.connect(heard.append)
    _rename_one(window, "Renamed once")
    with monkeypatch.context() as patch:
        _full_disk(patch)
        window.session.autosave()
        window.session.autosave()  # a minute later: still failing, not said again
    assert len(heard) == 1 and "disk is full" in heard[0] and "Ctrl+S" in heard[0]
    assert "Autosave could not keep a recovery copy" in window.statusBar().currentMessage()
    assert window.session.document.project.cld.variables[0].name == "Renamed once"
    window.session.autosave()  # the disk has room again
    assert window.session.recovery.entries()
    with monkeypatch.context() as patch:
        _full_disk(patch)
        window.session.autosave()
    assert len(heard) == 2


def test_export_to_a_full_disk_says_so_and_leaves_no_file(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("ssm_studio.app.export_dialogs.QMessageBox.critical",
                        lambda *args: shown.append(args[2]))
    _full_disk(monkeypatch)
    for suffix in ("png", "svg", "pdf"):
        target = tmp_path / f"diagram.{suffix}"
        assert export_diagram(window, str(target)) is False
        assert not target.exists()
    assert len(shown) == 3 and all("disk is full" in text for text in shown)
    assert not list(tmp_path.glob("*.saving"))


def test_export_to_a_read_only_folder_is_a_readable_error(qtbot, window, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr("ssm_studio.app.export_dialogs.QMessageBox.critical",
                        lambda *args: shown.append(args[2]))

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", read_only)
    assert export_diagram(window, str(tmp_path / "d.png")) is False
    assert shown and "read-only" in shown[0]
