"""The SPOTlight page (F12): review, evidence, chain, plan and stocktakes edited through the
real widgets, each change one undoable edit (issue #24)."""

from __future__ import annotations

from PySide6.QtCore import Qt


def _type_in(qtbot, table, row: int, column: int, text: str) -> None:
    """As a user does: select the cell, type over it, press Enter (F2 and clear for nothing)."""
    from PySide6.QtWidgets import QApplication

    from .test_stage_tables import type_in_cell

    if text:
        type_in_cell(qtbot, table, row, column, text)
        return
    table.setFocus()
    table.setCurrentCell(row, column)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.clear()
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.wait(5)


def test_f12_opens_the_review_and_its_fields_are_undoable_edits(qtbot, window):
    window.actions_["spotlight"].trigger()  # F12
    assert window.page_key == "spotlight"
    panel = window.page.panel
    project = window.session.document.project
    stack = window.session.undo_stack
    topic = panel.review.fields["topic"]
    topic.setFocus()
    qtbot.keyClicks(topic, "Lone parents and work")
    qtbot.keyClick(topic, Qt.Key.Key_Return)
    assert project.spotlight.topic == "Lone parents and work"
    starts = panel.review.fields["starts"]
    starts.setText("2026-01-05")
    starts.editingFinished.emit()
    ends = panel.review.fields["ends"]
    ends.setText("2025-12-01")  # before it starts: refused, and the field shows the truth again
    ends.editingFinished.emit()
    assert project.spotlight.ends == "" and ends.text() == ""
    panel.review.team.setText("A. Khan (trio: council); B. Lee")
    panel.review.team.editingFinished.emit()
    assert [(m.name, m.part) for m in project.spotlight.team] == [("A. Khan", "trio: council"), ("B. Lee", "")]
    count = stack.count()
    stack.undo()
    assert project.spotlight.team == []
    stack.redo()
    assert stack.count() == count


def test_evidence_is_added_typed_into_and_linked_to_the_overlay_s_selection(qtbot, window):
    project = window.session.document.project
    window.show_page("overlay")
    variable = project.cld.variables[0]
    window.scene.variable_items[variable.id].setSelected(True)
    window.show_page("spotlight")
    panel = window.page.panel
    panel.setCurrentWidget(panel.evidence)
    panel.evidence.buttons["Add evidence"].click()
    assert len(project.spotlight.evidence) == 1
    table = panel.evidence.table
    _type_in(qtbot, table, 0, 0, "Claimant count up 12%")
    _type_in(qtbot, table, 0, 4, "high")
    _type_in(qtbot, table, 0, 2, "rumour")  # not a kind: refused, the cell shows the truth
    item = project.spotlight.evidence[0]
    assert item.statement == "Claimant count up 12%" and item.confidence == "high" and item.kind == "data"
    assert table.item(0, 2).text() == "data"
    table.setCurrentCell(0, 0)
    panel.evidence.buttons["Link to the overlay's selection"].click()
    assert project.spotlight.evidence[0].variables == [variable.id]
    assert variable.name in table.item(0, 6).text()
    # The claims nothing supports are listed under the evidence.
    assert panel.evidence.footer.isVisible()
    assert f"{len(project.cld.links)} claim(s) rest on no evidence" in panel.evidence.footer.text()
    while window.session.undo_stack.canUndo():
        window.session.undo_stack.undo()
    assert project.spotlight.evidence == []


def test_the_chain_is_built_rated_and_flags_the_unheard(qtbot, window):
    project = window.session.document.project
    window.show_page("spotlight")
    panel = window.page.panel
    chain = panel.chain
    panel.setCurrentWidget(chain)
    for _ in range(2):
        chain.actors.buttons["Add actor"].click()
    _type_in(qtbot, chain.actors.table, 0, 0, "Jobcentre advisers")
    _type_in(qtbot, chain.actors.table, 1, 0, "Lone parents")
    _type_in(qtbot, chain.actors.table, 1, 2, "customer")
    _type_in(qtbot, chain.actors.table, 0, 3, project.perspectives[1].name)
    actors = project.spotlight.actors
    assert [a.name for a in actors] == ["Jobcentre advisers", "Lone parents"] and actors[1].position == "customer"
    assert actors[0].voiced_by == [project.perspectives[1].id]
    chain.source.setCurrentIndex(0)
    chain.target.setCurrentIndex(1)
    chain.kind.setCurrentText("service")
    chain.add_link()
    assert len(project.spotlight.chain) == 1
    column = 4 + 1  # From, To, Kind, Mean, then a column per perspective
    _type_in(qtbot, chain.links.table, 0, column, "2 nobody listens")
    _type_in(qtbot, chain.links.table, 0, 4, "9")  # outside the scale: refused
    [rating] = project.spotlight.chain[0].ratings
    assert (rating.perspective, rating.strength, rating.reason) == (project.perspectives[1].id, 2, "nobody listens")
    assert "No perspective speaks for the customers" in chain.flags.text()
    assert "Weakest link: Jobcentre advisers → Lone parents" in chain.flags.text()


def test_a_stocktake_reports_with_reasons_compares_and_keeps_a_snapshot(qtbot, window):
    project = window.session.document.project
    window.show_page("spotlight")
    panel = window.page.panel
    tab = panel.stocktakes
    panel.setCurrentWidget(tab)
    tab.stocktakes.buttons["Add stocktake"].click()
    assert len(project.spotlight.stocktakes) == 1
    _type_in(qtbot, tab.stocktakes.table, 0, 0, "2026-03-10")
    tab.stocktakes.table.setCurrentCell(0, 0)
    tab.action.setCurrentIndex(0)
    tab.report()
    update = project.spotlight.stocktakes[0].updates[0]
    assert update.status == "amber" and update.reason  # a status never without its reason
    _type_in(qtbot, tab.updates.table, 0, 1, "red")
    _type_in(qtbot, tab.updates.table, 0, 2, "")  # an empty reason: refused
    _type_in(qtbot, tab.updates.table, 0, 4, "3")
    update = project.spotlight.stocktakes[0].updates[0]
    assert update.status == "red" and update.reason and update.actual == 3
    tab.stocktakes.buttons["Keep a snapshot"].click()
    assert project.snapshots and project.spotlight.stocktakes[0].snapshot == project.snapshots[0].id
    tab.stocktakes.buttons["Add stocktake"].click()
    later = max(project.spotlight.stocktakes, key=lambda s: s.dated)
    row = project.spotlight.stocktakes.index(later)
    tab.stocktakes.table.setCurrentCell(row, 0)
    tab.report()
    _type_in(qtbot, tab.updates.table, 0, 1, "green")
    tab.show_updates()
    assert "1 moved up" in tab.compared.text()
    assert "red" in tab.chart.accessibleDescription() and "green" in tab.chart.accessibleDescription()
    window.resize(1366, 768)
    window.grab().save(str(__import__("pathlib").Path("/tmp") / "spotlight-stocktakes.png"))


def test_claims_without_evidence_are_marked_on_the_canvas_when_asked(qtbot, window):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from ssm_studio.edits import spotlight_edits as sp
    from ssm_studio.model import Evidence

    project = window.session.document.project
    window.show_page("overlay")
    scene = window.scene
    claim = project.cld.links[0]
    item = scene.link_items[claim.id]

    def drawn() -> QImage:
        image = QImage(300, 300, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        middle = item.midpoint()
        scene.render(painter, image.rect().toRectF(), QRectF(middle.x() - 30, middle.y() - 30, 60, 60))
        painter.end()
        return image

    plain = drawn()
    assert not item.unsupported
    window.actions_["evidence_gaps"].trigger()  # View → Mark Claims Without Evidence
    assert all(link.unsupported for link in scene.link_items.values())  # the example has no evidence yet
    marked = drawn()
    assert marked != plain  # the diamond is drawn at the claim's middle
    window.session.push(sp.add_evidence(Evidence(statement="Survey of 200 residents", confidence="high",
                                                 links=[claim.id])))
    assert not item.unsupported and scene.link_items[project.cld.links[1].id].unsupported
    window.session.undo_stack.undo()
    assert item.unsupported
    window.actions_["evidence_gaps"].trigger()
    assert not any(link.unsupported for link in scene.link_items.values())


def test_the_delivery_chain_is_drawn_on_a_canvas_with_the_canvas_s_own_gestures(qtbot, window, tmp_path):
    from PySide6.QtCore import QPoint

    project = window.session.document.project
    window.show_page("spotlight")
    panel = window.page.panel
    chain = panel.chain
    panel.setCurrentWidget(chain)
    assert window.page.view is chain.view  # the window's zoom, fit and tools act on the chain
    assert window.actions_["tool_add"].isEnabled() and window.actions_["tool_add"].iconText() == "Actor"
    assert window.actions_["zoom_fit"].isEnabled()
    stack = window.session.undo_stack
    start = stack.index()
    first = window.page.run("new_box")
    chain.view.finish_rename(commit=True)
    second = chain.editor.add_variable_at(chain.view.mapToScene(QPoint(400, 120)), "Lone parents")
    assert [a.id for a in project.spotlight.actors] == [first, second]
    chain.editor.select({first})
    chain.scene.variable_items[second].setSelected(True)
    assert window.page.run("link_selected")  # K: the first chosen is the source
    [link] = project.spotlight.chain
    assert (link.source, link.target) == (first, second)
    assert chain.scene.link_items[link.id] is not None
    # A drag on the viewport moves an actor: one undoable edit.
    box = chain.scene.variable_items[second]
    at = chain.view.mapFromScene(box.pos())
    qtbot.mousePress(chain.view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(chain.view.viewport(), at + QPoint(30, 40))
    qtbot.mouseRelease(chain.view.viewport(), Qt.MouseButton.LeftButton, pos=at + QPoint(60, 80))
    moved = next(a for a in project.spotlight.actors if a.id == second)
    assert (moved.x, moved.y) != (0.0, 0.0) and stack.undoText().startswith("Move")
    # Rated by two perspectives far apart: the link is ringed as disputed.
    from ssm_studio.edits import spotlight_edits as sp

    window.session.push(sp.rate_link(project, link.id, project.perspectives[0].id, 1))
    window.session.push(sp.rate_link(project, link.id, project.perspectives[1].id, 4))
    assert chain.scene.link_items[link.id].conflict
    chain.editor.lay_out()
    assert stack.undoText().startswith("Move")
    window.resize(1366, 768)
    chain.view.fit()
    window.grab().save(str(tmp_path / "chain.png"))
    chain.editor.select({first})
    window.page.run("delete")
    assert len(project.spotlight.actors) == 1 and project.spotlight.chain == []
    while stack.index() > start:
        stack.undo()
    assert project.spotlight.actors == [] and chain.scene.variable_items == {}


def test_a_weak_link_or_an_evidence_gap_becomes_an_action_on_the_plan_and_snapshots_compare(qtbot, window):
    from ssm_studio.edits import spotlight_edits as sp
    from ssm_studio.edits.causal_edits import set_polarity
    from ssm_studio.model import Actor, ChainLink

    project = window.session.document.project
    session = window.session
    a, b = Actor(name="Advisers"), Actor(name="Parents", position="customer")
    session.push(sp.add_actor(a))
    session.push(sp.add_actor(b))
    session.push(sp.add_chain_link(project, ChainLink(source=a.id, target=b.id, kind="referral")))
    window.show_page("spotlight")
    panel = window.page.panel
    panel.setCurrentWidget(panel.chain)
    panel.chain.links.table.setCurrentCell(0, 0)
    actions = len(project.actions)
    panel.chain.links.buttons["Plan an action for this link"].click()
    assert len(project.actions) == actions + 1 and project.actions[-1].title.startswith("Strengthen the referral")
    [item] = project.spotlight.plan
    assert item.origin == "chain_link" and item.action == project.actions[-1].id
    panel.setCurrentIndex(3)  # the action plan
    panel.plan.buttons["Plan an action for an evidence gap"].click()
    assert project.spotlight.plan[-1].origin == "evidence_gap" and project.actions[-1].title.startswith("Find evidence")
    session.undo_stack.undo()
    assert len(project.spotlight.plan) == 1 and len(project.actions) == actions + 1  # one step, both undone
    # Snapshots compared on the stocktakes tab.
    session.push(sp.take_snapshot(project, "Before")[0])
    session.push(set_polarity([project.cld.links[0].id], "-" if project.cld.links[0].polarity == "+" else "+"))
    tab = panel.stocktakes
    panel.setCurrentWidget(tab)
    tab.refresh()
    tab.before.setCurrentIndex(tab.before.findData(project.snapshots[0].id))
    tab.after.setCurrentIndex(tab.after.findData("now"))
    tab.compare_snapshots()
    assert "polarities flipped (1)" in tab.difference.text()
