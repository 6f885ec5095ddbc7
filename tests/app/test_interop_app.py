"""File → Import, Merge Perspectives and Export for Other Tools, driven through the window."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog

from ssm_studio.app import interop_dialogs
from ssm_studio.app.interop_dialogs import NEW_VARIABLE, ImportDialog, MatchReviewDialog
from ssm_studio.interop.formats import import_file
from tests.app.conftest import UnexpectedDialog
from tests.conftest import CORPUS


def choose_files(monkeypatch, paths):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([str(p) for p in paths], "")))


def answer(monkeypatch, dialog_class, before=None, accept=True):
    shown = []

    def exec_(self):
        shown.append(self)
        if before:
            before(self)
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(dialog_class, "exec", exec_)
    return shown


def test_import_into_the_project_is_one_undoable_step(window, monkeypatch, qtbot):
    project = window.session.document.project
    before = project.model_dump_json()
    choose_files(monkeypatch, [CORPUS / "vensim/SIR.mdl"])
    imports = answer(monkeypatch, ImportDialog, before=lambda d: d.perspective.setText("Epidemiologists"))
    answer(monkeypatch, MatchReviewDialog)
    window.actions_["import"].trigger()
    assert imports and "11 variables and 20 causal claims" in imports[0].summary.toPlainText()
    project = window.session.document.project
    assert project.perspectives[-1].name == "Epidemiologists"
    assert sum(lk.perspective == project.perspectives[-1].id for lk in project.cld.links) == 20
    assert "Depletion" in {n.name for n in project.cld.loop_names}
    assert window.gather_summary.isVisible() and "SIR.mdl (mdl)" in window.gather_summary.text.toPlainText()
    window.session.undo_stack.undo()
    assert window.session.document.project.model_dump_json() == before
    window.session.undo_stack.redo()
    assert window.session.document.project.perspectives[-1].name == "Epidemiologists"


def test_import_choosing_the_polarity_field_and_a_new_project(window, monkeypatch, tmp_path):
    import json

    path = tmp_path / "workshop.json"
    path.write_text(json.dumps({
        "elements": [{"_id": "a", "attributes": {"label": "Caseload"}}, {"_id": "b", "attributes": {"label": "Morale"}}],
        "connections": [{"_id": "1", "from": "a", "to": "b", "attributes": {"effect": "-", "colour": "up"}}]}))
    choose_files(monkeypatch, [path])

    def choose(dialog):
        assert dialog.polarity.currentText() == "effect"  # the guess: its values read as polarity
        dialog.polarity.setCurrentText("colour")
        dialog.as_new.setChecked(True)

    answer(monkeypatch, ImportDialog, before=choose)
    old = window.session
    window.session.undo_stack.setClean()
    assert window.import_files()
    assert window.session is not old and window.session.path is None
    links = window.session.document.project.cld.links
    assert [lk.polarity for lk in links] == ["+"]  # "up", read from the field the user chose


def test_merge_perspectives_with_a_refused_match(window, monkeypatch, example_copy, tmp_path):
    from ssm_studio.storage import read_project, save_project

    other = read_project(example_copy).project
    first = other.cld.variables[0]
    other_path = tmp_path / "alice.ssm"
    save_project(other_path, other)
    base = window.session.document.project
    counts = (len(base.perspectives), len(base.cld.variables), len(base.cld.links))
    choose_files(monkeypatch, [other_path])

    def refuse_first(dialog):
        combo = dialog.combos[first.id]
        combo.setCurrentIndex(combo.findText(NEW_VARIABLE))

    answer(monkeypatch, MatchReviewDialog, before=refuse_first)
    window.actions_["merge"].trigger()
    project = window.session.document.project
    assert len(project.perspectives) == 2 * counts[0]
    assert len(project.cld.variables) == counts[1] + 1  # the refused match came in as its own variable
    assert len(project.cld.links) == 2 * counts[2]
    assert "perspective(s) joined" in window.gather_summary.text.toPlainText()
    window.session.undo_stack.undo()
    project = window.session.document.project
    assert (len(project.perspectives), len(project.cld.variables), len(project.cld.links)) == counts


def test_cancelling_the_review_changes_nothing(window, monkeypatch, example_copy):
    before = window.session.document.project.model_dump_json()
    choose_files(monkeypatch, [example_copy])
    answer(monkeypatch, MatchReviewDialog, accept=False)
    assert not window.merge_perspectives()
    assert window.session.document.project.model_dump_json() == before
    assert not window.session.undo_stack.canUndo()


def test_export_for_other_tools_writes_the_visible_perspectives(window, monkeypatch, tmp_path):
    project = window.session.document.project
    hidden = project.perspectives[0]
    window.layers.set_visible(hidden.id, False)
    target = tmp_path / "for-kumu"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), interop_dialogs.EXPORT_FILTERS["kumu"])))
    window.actions_["export_tools"].trigger()
    written = tmp_path / "for-kumu.json"
    back = import_file(written)
    assert hidden.name not in back.perspectives
    assert len(back.perspectives) == len(project.perspectives) - 1


def test_a_file_that_cannot_be_read_says_why(window, tmp_path):
    broken = tmp_path / "broken.graphml"
    broken.write_text("<graphml><graph>")
    before = window.session.document.project.model_dump_json()
    with pytest.raises(UnexpectedDialog, match="Not imported.*broken.graphml"):
        window.import_files([str(broken)], review=False)
    assert window.session.document.project.model_dump_json() == before


def test_a_pasted_loopy_link(window, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    link = ('https://ncase.me/loopy/v1.1/?data=[[[1,403,223,1,%22rain%22,3],[2,600,300,1,%22floods%22,0]],'
            '[[1,2,94,1,0]],[],2]')
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (link, True)))
    shown = answer(monkeypatch, ImportDialog, before=lambda d: d.perspective.setText("Weather"))
    answer(monkeypatch, MatchReviewDialog)
    window.actions_["import_loopy"].trigger()
    assert shown and "LOOPY" not in shown[0].perspective.text()
    project = window.session.document.project
    assert project.perspectives[-1].name == "Weather"
    names = {v.id: v.name for v in project.cld.variables}
    assert ("rain", "floods", "+") in {(names[lk.source], names[lk.target], lk.polarity) for lk in project.cld.links}


@pytest.mark.parametrize("count", [2, 10, 30])
def test_merging_many_numbered_participants_in_the_window(window, monkeypatch, tmp_path, count):
    """Ids another tool numbered collide across every file; one Undo takes all of it back."""
    from ssm_studio.storage import save_project
    from tests.interop.participants import participants

    paths = []
    for number, project in enumerate(participants(count), 1):
        paths.append(tmp_path / f"participant-{number:02}.ssm")
        save_project(paths[-1], project)
    before = window.session.document.project.model_dump_json()
    counts = len(window.session.document.project.perspectives)
    choose_files(monkeypatch, paths)
    reviews = answer(monkeypatch, MatchReviewDialog)
    window.actions_["merge"].trigger()
    # Every file but the first (whose ideas the example does not hold) had matches to review.
    assert len(reviews) == count - 1
    project = window.session.document.project
    assert len(project.perspectives) == counts + count
    summary = window.gather_summary.text.toPlainText()
    assert summary.count("perspective(s) joined") == count
    if count > 1:
        assert "became one" in summary  # the even participants' doubled 'Global warming'
    window.session.undo_stack.undo()
    assert window.session.document.project.model_dump_json() == before
    window.session.undo_stack.redo()
    assert len(window.session.document.project.perspectives) == counts + count
