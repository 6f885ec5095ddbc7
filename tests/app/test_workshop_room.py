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
    assert not window.actions_["host_room"].isEnabled() and window.actions_["end_room"].isEnabled()

    def type_in(dialog):
        dialog.address.setText(room.address)
        dialog.code.setText("menu12")
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
