"""The client journey page (Ctrl+Shift+J, issue #25), driven as a user does: clicks on the
map's viewport, keys, the form's fields, the loops list, import and export; each change one
undoable edit, and the overlay and the map lighting each other."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ssm_studio.analysis.journeys import touchpoints_feeding
from ssm_studio.app.main_window import MainWindow
from ssm_studio.app.session import DocumentSession
from ssm_studio.render.journey_scene import TouchpointCard

from .conftest import discard_changes

MEIR = Path(__file__).resolve().parents[2] / "examples" / "meir-think-family.ssm"


@pytest.fixture
def meir(qtbot, tmp_path, store):
    target = tmp_path / "meir.ssm"
    shutil.copy(MEIR, target)
    win = MainWindow(DocumentSession.open(target, recovery=store))
    qtbot.addWidget(win, before_close_func=discard_changes)
    win.resize(1366, 768)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.scene.report is not None)
    win.actions_["journeys"].trigger()  # Ctrl+Shift+J
    assert win.page_key == "journeys"
    panel = win.page.panel
    panel.view.resetTransform()
    panel.view.horizontalScrollBar().setValue(panel.view.horizontalScrollBar().minimum())
    qtbot.wait(10)
    return win


def _click_card(qtbot, panel, touchpoint_id: str) -> None:
    card = panel.scene.cards[touchpoint_id][0]
    panel.view.ensureVisible(card)
    at = panel.view.mapFromScene(card.sceneBoundingRect().center())
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=at)


def test_the_page_shows_lanes_counts_and_a_clicked_touchpoint_lights_the_overlay(qtbot, meir):
    panel = meir.page.panel
    project = meir.session.document.project
    hall = project.journeys[0]
    assert "30 contact(s) with 25 service(s); at most 25 service(s) in 6 month(s)" in panel.counts.text()
    assert sum(len(c) for c in panel.scene.cards.values()) == sum(len(t.members) for t in hall.touchpoints)
    first = hall.touchpoints[1]  # the warning letter: raises sanctions and stress
    _click_card(qtbot, panel, first.id)
    assert panel.scene.selected_touchpoints() == [first.id]
    assert panel.form.happened.text() == "Warning letter about the noise"
    chosen_on_overlay = {i.variable_id for i in meir.scene.selectedItems() if i in meir.scene.variable_items.values()}
    assert chosen_on_overlay == {e.variable for e in first.effects}
    loop = next(lp for lp in meir.scene.report.loops if lp.key == meir.scene.highlighted)
    assert set(loop.variables) & chosen_on_overlay  # a loop through its variables is lit there


def test_arrows_walk_the_cards_insert_adds_and_delete_removes_with_undo(qtbot, meir):
    panel = meir.page.panel
    project = meir.session.document.project
    hall = project.journeys[0]
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    order = [p.touchpoint_id for p in panel.scene.layout.cards]
    assert panel.scene.selected_touchpoints() == [order[0]]
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    assert panel.scene.selected_touchpoints() == [order[1]]
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)  # to J.'s lane, the nearest card in time
    chosen = panel.scene.selected_touchpoints()[0]
    assert hall.members[1].id in next(t for t in hall.touchpoints if t.id == chosen).members
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)
    assert len(project.journeys[0].touchpoints) == 31
    made = panel.scene.selected_touchpoints()[0]
    panel.view.setFocus()
    meir.actions_["delete"].trigger()
    assert made not in {t.id for t in project.journeys[0].touchpoints}
    meir.session.undo_stack.undo()
    assert made in {t.id for t in project.journeys[0].touchpoints}
    meir.session.undo_stack.undo()
    assert len(project.journeys[0].touchpoints) == 30


def test_the_form_edits_are_undoable_and_a_future_date_is_refused(qtbot, meir):
    panel = meir.page.panel
    project = meir.session.document.project
    touchpoint = project.journeys[0].touchpoints[0]
    _click_card(qtbot, panel, touchpoint.id)
    panel.form.feeling.setCurrentIndex(panel.form.feeling.findData(2))
    panel.form.feeling.activated.emit(panel.form.feeling.currentIndex())
    assert project.journeys[0].touchpoints[0].feeling == 2
    field = panel.form.dated
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "2099-01-01")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert project.journeys[0].touchpoints[0].dated == "2026-01-05" and field.text() == "2026-01-05"
    assert "after today" in meir.statusBar().currentMessage()
    meir.session.undo_stack.undo()
    assert project.journeys[0].touchpoints[0].feeling == -1


def test_a_loop_chosen_here_or_on_the_overlay_lights_the_touchpoints_feeding_it(qtbot, meir):
    panel = meir.page.panel
    hall = meir.session.document.project.journeys[0]
    panel.side.setCurrentWidget(panel.loops)
    panel.loops.setCurrentRow(0)
    key = panel.loops.item(0).data(Qt.ItemDataRole.UserRole)
    loop = next(lp for lp in panel.report().loops if lp.key == key)
    assert panel.scene.lit() == touchpoints_feeding(hall, loop) and meir.scene.highlighted == key
    lit_cards = [c for cards in panel.scene.cards.values() for c in cards if c.lit]
    assert lit_cards and all(not c.dimmed for c in lit_cards)
    other = next(lp for lp in meir.scene.report.loops if touchpoints_feeding(hall, lp) != panel.scene.lit())
    meir.scene.highlight_loop(other.key)  # chosen on the overlay
    assert panel.scene.lit() == touchpoints_feeding(hall, other)
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert panel.scene.lit() == set()


def test_accounts_lanes_services_and_a_real_name_warned_of_once(qtbot, meir):
    panel = meir.page.panel
    project = meir.session.document.project
    panel.chooser.setCurrentIndex(1)
    panel.chooser.activated.emit(1)
    assert "Families: 8 contact(s)" in panel.accounts.text() and "told by Families; not by" in panel.accounts.text()
    panel.side.setCurrentIndex(4)
    panel.members.table.setCurrentCell(0, 0)
    panel.members.table.item(0, 0).setText("Sarah Jones born 12/03/1985")
    assert project.journeys[1].members[0].pseudonym.startswith("Sarah Jones")
    assert panel.privacy.isVisible() and "Nothing was blocked" in panel.privacy.text()
    panel.refresh()
    assert not panel.privacy.isVisible()  # once
    panel.services.buttons["Add service"].click()
    assert project.services[-1].name == "New service 1"
    meir.session.undo_stack.undo()
    meir.session.undo_stack.undo()
    assert project.journeys[1].members[0].pseudonym == "Mother (S.)"


def test_import_with_the_mapping_dialog_export_and_the_diagram(qtbot, meir, tmp_path, monkeypatch):
    from ssm_studio.app.export_dialogs import export_diagram
    from ssm_studio.app.journey_import_dialog import JourneyImportDialog

    panel = meir.page.panel
    project = meir.session.document.project
    assert panel.export_file(str(tmp_path / "hall.csv"))
    (tmp_path / "more.csv").write_text("Contact date,Agency,Who,Felt\n2026-07-01,Dentist,Mum (K.),1\n"
                                       "2026-07-02,GP surgery,Mum (K.),x\n", encoding="utf-8")
    seen = {}

    def accept(dialog):
        seen["summary"] = dialog.summary.text()
        return JourneyImportDialog.DialogCode.Accepted

    monkeypatch.setattr(JourneyImportDialog, "exec", accept)
    assert panel.import_file(str(tmp_path / "more.csv"))
    assert "1 touchpoint(s) to import" in seen["summary"] and "row 3: how it felt, 'x'" in seen["summary"]
    assert len(project.journeys[0].touchpoints) == 31 and project.services[-1].name == "Dentist"
    meir.session.undo_stack.undo()
    assert len(project.journeys[0].touchpoints) == 30 and project.services[-1].name != "Dentist"
    assert panel.import_file(str(tmp_path / "hall.csv"))  # its own export reads back: 30 more
    assert len(project.journeys[0].touchpoints) == 60
    for suffix in ("png", "svg", "pdf"):
        assert export_diagram(meir, str(tmp_path / f"map.{suffix}"))  # File → Export Diagram (Ctrl+E)
        assert (tmp_path / f"map.{suffix}").stat().st_size > 1000
    assert b"Mum (K.)" in (tmp_path / "map.svg").read_bytes()
    assert all(isinstance(i, TouchpointCard) for i in panel.scene.selectedItems())


def test_a_project_without_journeys_starts_one_from_the_page(qtbot, window):
    window.actions_["journeys"].trigger()
    panel = window.page.panel
    assert "No client journeys yet" in panel.counts.text()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Insert)  # a journey, its first lane and a touchpoint
    project = window.session.document.project
    assert len(project.journeys) == 1 and len(project.journeys[0].touchpoints) == 1
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert project.journeys == []
