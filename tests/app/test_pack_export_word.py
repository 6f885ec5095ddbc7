"""File → Export Comparison Pack offers Word as well as PDF, and the A3 overlay."""

from __future__ import annotations

import zipfile

from PySide6.QtWidgets import QDialog, QFileDialog

from ssm_studio.app.export_dialogs import PackDialog


def test_pack_as_word_from_the_window(window, monkeypatch, tmp_path):
    target = tmp_path / "board"

    def accept(dialog):
        assert dialog.section_boxes["summary"].isChecked() and dialog.section_boxes["loops"].isChecked()
        dialog.a3_overlay.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PackDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "Word document to edit (*.docx)")))
    window.actions_["export_pack"].trigger()
    written = tmp_path / "board.docx"
    assert zipfile.is_zipfile(written)
    with zipfile.ZipFile(written) as archive:
        assert "The loops compared" in archive.read("word/document.xml").decode()
