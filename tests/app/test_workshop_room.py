"""The workshop room from the menus (issue #26): two windows of one process, one hosting its
project on 127.0.0.1 and one joining it; edits in either reach the other; leaving keeps the
copy. Every wait is bounded."""

from __future__ import annotations

import pytest

from ssm_studio.app.main_window import MainWindow
from ssm_studio.app.session import DocumentSession
from ssm_studio.edits import causal_edits as ce
from ssm_studio.storage import project_to_bytes

from .conftest import discard_changes


@pytest.fixture(autouse=True)
def certificates(tmp_path, monkeypatch):
    """The room's certificate is made in the test's folder, not the user's."""
    from ssm_studio.app import places

    monkeypatch.setattr(places, "room_folder", lambda: tmp_path / "room-tls")
    return tmp_path / "room-tls"


@pytest.fixture
def second(qtbot, store):
    win = MainWindow(DocumentSession(recovery=store))
    qtbot.addWidget(win, before_close_func=discard_changes)
    win.resize(1200, 800)
    win.show()
    return win


def test_host_and_join_from_the_menus_edit_both_ways_and_leave(qtbot, window, second, monkeypatch):
    from ssm_studio.app import room_dialogs

    hosted: list = []
    monkeypatch.setattr(room_dialogs.HostDialog, "show", lambda self: hosted.append(self))
    window.host_room(host="127.0.0.1", code="MENU12", done=hosted.append, announce=False)
    qtbot.waitUntil(lambda: len(hosted) == 2, timeout=5000)  # the dialog, then the room
    room = hosted[1]
    assert hosted[0].code.text() == "MENU12" and not hosted[0].qr.pixmap().isNull()
    assert room.address.startswith("wss://127.0.0.1:") and room.fingerprint in hosted[0].fingerprint.text()
    assert not window.actions_["host_room"].isEnabled() and window.actions_["end_room"].isEnabled()

    def type_in(dialog):
        dialog.address.setText(room.address)
        dialog.code.setText("menu12")
        dialog.fingerprint.setText(room.fingerprint.lower())
        return room_dialogs.JoinDialog.DialogCode.Accepted

    monkeypatch.setattr(room_dialogs.JoinDialog, "exec", type_in)
    second.actions_["join_room"].trigger()  # File → Join Workshop Room…
    qtbot.waitUntil(lambda: second.room_link.client is not None or bool(second.room_link.error), timeout=5000)
    assert not second.room_link.error
    mine, theirs = window.session, second.session
    assert theirs.document.project.metadata.title == mine.document.project.metadata.title
    first = mine.document.project.cld.variables[0].id
    mine.push(ce.rename_variable(first, "Renamed by the facilitator"))
    theirs.push(ce.move_variables({first: (77.0, 88.0)}))
    qtbot.waitUntil(lambda: project_to_bytes(mine.document.project, {}) == project_to_bytes(theirs.document.project, {}),
                    timeout=5000)
    assert theirs.document.project.cld.variables[0].name == "Renamed by the facilitator"
    assert mine.document.project.cld.variables[0].x == 77.0
    theirs.undo_stack.undo()  # only the participant's own move is taken back
    qtbot.waitUntil(lambda: mine.document.project.cld.variables[0].x != 77.0, timeout=5000)
    assert mine.document.project.cld.variables[0].name == "Renamed by the facilitator"
    # presence: each window lists both, with their pages; the participant follows the facilitator
    qtbot.waitUntil(lambda: second.room_panel.people.count() == 2 and window.room_panel.people.count() == 2
                    and "Overlay" in second.room_panel.people.item(0).text(), timeout=5000)
    listed = [second.room_panel.people.item(i).text() for i in range(2)]
    assert listed[0].startswith("Facilitator (facilitator): Causal-Loop Overlay") and listed[1].startswith(
        "Participant (you): Causal-Loop Overlay")
    second.room_panel.follow.setChecked(True)
    window.show_page("journeys")
    qtbot.waitUntil(lambda: second.page_key == "journeys", timeout=5000)
    window.show_page("overlay")
    qtbot.waitUntil(lambda: second.page_key == "overlay", timeout=5000)
    second.room_panel.follow.setChecked(False)
    second.actions_["end_room"].trigger()
    qtbot.waitUntil(lambda: second.room_link.client is None and window.room_link.host.participants == 0,
                    timeout=5000)
    assert second.session.document.project.cld.variables[0].name == "Renamed by the facilitator"  # the copy stays
    ended = []
    window.end_room(done=ended.append)
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert window.actions_["host_room"].isEnabled() and not window.room_link.active
    from ssm_studio.app import room_link

    qtbot.waitUntil(lambda: room_link._LOOP is None, timeout=3000)  # asyncio let go of once no room is open


def _host(qtbot, window, monkeypatch, code):
    from ssm_studio.app import room_dialogs

    hosted: list = []
    monkeypatch.setattr(room_dialogs.HostDialog, "show", lambda self: None)
    window.host_room(host="127.0.0.1", code=code, done=hosted.append, announce=False)
    qtbot.waitUntil(lambda: bool(hosted), timeout=5000)
    assert hosted[0] is not None, window.room_link.error
    return hosted[0]


def _join(qtbot, second, **given):
    joined: list = []
    second.join_room(done=joined.append, **given)
    qtbot.waitUntil(lambda: bool(joined), timeout=5000)
    return joined[0]


def test_a_participant_checks_the_fingerprint_before_the_code_is_sent(qtbot, window, second, monkeypatch):
    room = _host(qtbot, window, monkeypatch, "CHECK7")
    asked: list[str] = []

    def no(address, fingerprint):
        asked.append(fingerprint)
        return False
    monkeypatch.setattr(type(second), "_fingerprint_confirmed", lambda self, a, f: no(a, f))
    assert _join(qtbot, second, address=room.address, code="CHECK7") is None  # not the projector's: not joined
    assert asked == [room.fingerprint] and room.participants == 0 and second.room_link.client is None
    monkeypatch.setattr(type(second), "_fingerprint_confirmed", lambda self, a, f: True)
    assert _join(qtbot, second, address=room.address, code="CHECK7") is not None
    assert second.room_link.client.connected
    second.end_room()
    qtbot.waitUntil(lambda: room.participants == 0, timeout=5000)
    window.end_room()
    qtbot.waitUntil(lambda: not window.room_link.active and not second.room_link.active, timeout=5000)
    _loop_released(qtbot)


def _loop_released(qtbot):
    from ssm_studio.app import room_link

    qtbot.waitUntil(lambda: room_link._LOOP is None, timeout=3000)  # asyncio let go of once no room is open


def test_the_room_ending_is_said_the_copy_stays_and_a_lost_connection_comes_back(qtbot, window, second,
                                                                                  monkeypatch):
    from ssm_studio.app import room_link

    monkeypatch.setattr(room_link, "REJOIN_WAIT", 0.2)
    room = _host(qtbot, window, monkeypatch, "AGAIN5")
    said: list[str] = []
    document = _join(qtbot, second, address=room.address, code="AGAIN5", fingerprint=room.fingerprint)
    second.room_link.message.connect(said.append)
    client = second.room_link.client
    client._socket.transport.abort()  # the wifi drops
    qtbot.waitUntil(lambda: any(m.startswith("Back in the workshop room") for m in said), timeout=8000)
    assert second.room_link.client is client and client.connected and second.session.document is document
    first = document.project.cld.variables[0].id
    second.session.push(ce.rename_variable(first, "Typed after the drop"))
    qtbot.waitUntil(lambda: window.session.document.project.cld.variables[0].name == "Typed after the drop",
                    timeout=5000)
    ended: list = []
    window.end_room(done=ended.append)  # the facilitator ends the room
    qtbot.waitUntil(lambda: any(m.startswith("The facilitator ended the workshop room") for m in said), timeout=5000)
    assert second.room_link.client is None and not second.actions_["end_room"].isEnabled()
    assert second.session.document is document and document.project.cld.variables[0].name == "Typed after the drop"
    # The facilitator hosts again (from the room's log); the participant joins from the menu
    # with the same document: what each did while apart merges.
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    second.session.push(ce.rename_variable(first, "Typed while the room was closed"))
    port = room.port
    again: list = []
    window.host_room(host="127.0.0.1", port=port, code="AGAIN5", done=again.append, announce=False, show=False)
    qtbot.waitUntil(lambda: bool(again), timeout=5000)
    from ssm_studio.app import room_dialogs

    def accept_as_filled(dialog):
        assert dialog.address.text() == again[0].address and dialog.code.text() == "AGAIN5"
        return room_dialogs.JoinDialog.DialogCode.Accepted
    monkeypatch.setattr(room_dialogs.JoinDialog, "exec", accept_as_filled)
    second.actions_["join_room"].trigger()
    qtbot.waitUntil(lambda: second.room_link.client is not None and second.room_link.client.connected, timeout=5000)
    assert second.session.document is document  # the same document, not a new copy
    qtbot.waitUntil(lambda: window.session.document.project.cld.variables[0].name ==
                    "Typed while the room was closed", timeout=5000)
    second.end_room()
    qtbot.waitUntil(lambda: not second.room_link.active, timeout=5000)
    window.end_room()
    qtbot.waitUntil(lambda: not window.room_link.active, timeout=5000)
    _loop_released(qtbot)


def test_a_private_draft_from_the_panel_reaches_the_room_only_when_published(qtbot, window, second, monkeypatch):
    from PySide6.QtCore import Qt

    room = _host(qtbot, window, monkeypatch, "DRAFT9")
    document = _join(qtbot, second, address=room.address, code="DRAFT9", fingerprint=room.fingerprint, name="Asha")
    panel = second.room_panel
    assert panel.draft.isEnabled() and not panel.publish.isEnabled()
    qtbot.mouseClick(panel.draft, Qt.MouseButton.LeftButton)
    assert second.room_draft is not None and not panel.draft.isEnabled()
    first = document.project.cld.variables[0].id
    second.session.push(ce.rename_variable(first, "Only in Asha's draft"))
    qtbot.waitUntil(lambda: panel.publish.isEnabled() and "1 change" in panel.draft_state.text(), timeout=3000)
    qtbot.waitUntil(lambda: any("drafting privately" in window.room_panel.people.item(i).text()
                                for i in range(window.room_panel.people.count())), timeout=5000)
    assert window.session.document.project.cld.variables[0].name != "Only in Asha's draft"  # still private
    second.session.push(ce.rename_variable(first, "Asha's considered wording"))
    qtbot.mouseClick(panel.publish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.session.document.project.cld.variables[0].name == "Asha's considered wording",
                    timeout=5000)
    assert second.room_draft is None and panel.draft.isEnabled()
    qtbot.mouseClick(panel.draft, Qt.MouseButton.LeftButton)  # a second draft, thought better of
    second.session.push(ce.rename_variable(first, "Second thoughts"))
    second.discard_draft(confirm=False)
    assert document.project.cld.variables[0].name == "Asha's considered wording"
    assert project_to_bytes(document.project, {}) == project_to_bytes(window.session.document.project, {})
    second.end_room()
    qtbot.waitUntil(lambda: not second.room_link.active, timeout=5000)
    window.end_room()
    qtbot.waitUntil(lambda: not window.room_link.active, timeout=5000)
    _loop_released(qtbot)


def test_world_cafe_tables_from_the_panel_seat_the_participant_and_gather_with_the_merge(qtbot, window, second,
                                                                                         monkeypatch):
    from PySide6.QtCore import Qt

    from ssm_studio.edits import perspective_edits as pe
    from ssm_studio.model import Perspective

    room = _host(qtbot, window, monkeypatch, "CAFE77")
    whole = _join(qtbot, second, address=room.address, code="CAFE77", fingerprint=room.fingerprint, name="Asha")
    qtbot.waitUntil(lambda: len(room.presence.everyone()) == 2, timeout=5000)
    panel = window.room_panel
    assert panel.open_tables.isVisible() and not panel.gather.isEnabled()
    assert not second.room_panel.open_tables.isVisible()  # the facilitator's, not a participant's
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (2, True))
    qtbot.mouseClick(panel.open_tables, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.room_link.table is not None and second.session.document is not whole,
                    timeout=5000)
    qtbot.waitUntil(lambda: panel.gather.isEnabled(), timeout=3000)
    qtbot.waitUntil(lambda: any("at Table 1" in window.room_panel.people.item(i).text()
                                for i in range(window.room_panel.people.count())), timeout=5000)
    at_table = second.session.document
    second.session.push(pe.add_perspective(Perspective(name="Schools, as the table saw them")))
    qtbot.waitUntil(lambda: any(p.name.startswith("Schools") for p in room.tables["table-1"].document.project.perspectives),
                    timeout=5000)
    assert not any(p.name.startswith("Schools") for p in whole.project.perspectives)  # the whole room: not yet
    gathered: list = []
    assert window.gather_tables(review=False, done=gathered.append)
    qtbot.waitUntil(lambda: bool(gathered) and second.room_link.table is None, timeout=5000)
    assert second.session.document is whole and at_table is not whole
    qtbot.waitUntil(lambda: any(p.name.startswith("Schools") for p in whole.project.perspectives), timeout=5000)
    assert project_to_bytes(whole.project, {}) == project_to_bytes(window.session.document.project, {})
    window.session.undo_stack.undo()  # the gathering is one step the facilitator can take back
    qtbot.waitUntil(lambda: not any(p.name.startswith("Schools") for p in whole.project.perspectives), timeout=5000)
    second.end_room()
    qtbot.waitUntil(lambda: not second.room_link.active, timeout=5000)
    window.end_room()
    qtbot.waitUntil(lambda: not window.room_link.active, timeout=5000)
    _loop_released(qtbot)


def test_pages_replaced_stop_following_a_document_that_outlives_them(qtbot, window):
    """A room's document outlives the pages shown for it (a participant seated at a table sees
    the table's copy): pages and panels once replaced must leave no listener behind, or the
    room's next change would reach canvases already deleted."""
    from ssm_studio.edits import Document

    kept = window.session.document
    for key in list(window.pages):
        window.show_page(key)
    assert kept._listeners
    window.set_session(DocumentSession(Document(kept.project.model_copy(deep=True)), None, window.session.recovery))
    assert kept._listeners == []


def test_ending_a_room_with_tables_open_gathers_them_first(qtbot, window, second, monkeypatch):
    from ssm_studio.edits import perspective_edits as pe
    from ssm_studio.model import Perspective

    room = _host(qtbot, window, monkeypatch, "CAFE88")
    _join(qtbot, second, address=room.address, code="CAFE88", fingerprint=room.fingerprint, name="Ben")
    qtbot.waitUntil(lambda: len(room.presence.everyone()) == 2, timeout=5000)
    opened: list = []
    window.open_tables(1, done=opened.append)
    qtbot.waitUntil(lambda: bool(opened) and second.room_link.table is not None, timeout=5000)
    second.session.push(pe.add_perspective(Perspective(name="Ben's table view")))
    qtbot.waitUntil(lambda: any(p.name == "Ben's table view" for p in room.tables["table-1"].document.project.perspectives),
                    timeout=5000)
    from ssm_studio.app import interop_dialogs

    monkeypatch.setattr(interop_dialogs, "_review", lambda *args: {})  # the review accepted as proposed
    ended: list = []
    window.end_room(done=ended.append)
    qtbot.waitUntil(lambda: bool(ended) and not window.room_link.active, timeout=5000)
    assert any(p.name == "Ben's table view" for p in window.session.document.project.perspectives)  # nothing lost
    qtbot.waitUntil(lambda: not second.room_link.active, timeout=5000)
    _loop_released(qtbot)
