"""The main window's workshop room: host the open project, join another's, leave or end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialog, QMainWindow

if TYPE_CHECKING:
    from .room_link import RoomLink
    from .session import DocumentSession

    _Window = QMainWindow
else:
    _Window = object


class WindowRoom(_Window):
    if TYPE_CHECKING:
        session: DocumentSession
        room_link: RoomLink | None
        host_dialog: QDialog | None
        actions_: dict

        def set_session(self, session: DocumentSession) -> None: ...
        def say(self, message: str) -> None: ...
        def maybe_save(self) -> bool: ...

    def _link(self) -> RoomLink:
        from .room_link import RoomLink

        if self.room_link is None:
            self.room_link = RoomLink(self)
            self.room_link.message.connect(self.say)
            self.room_link.changed.connect(self._room_changed)
        return self.room_link

    def host_room(self, host: str = "0.0.0.0", port: int = 0, code: str | None = None, show: bool = True,
                  done=None):
        """File → Host Workshop Room: the open project becomes the room's."""
        link = self._link()
        if link.active:
            self.say("A workshop room is open already: end it first (File → Leave or End Workshop Room).")
            return None

        def started(room) -> None:
            if room is not None and show:
                from .room_dialogs import HostDialog

                self.host_dialog = HostDialog(room.address, room.code, self)
                self.host_dialog.show()
            if done is not None:
                done(room)
        return link.start_hosting(self.session.document, host, port, code, started)

    def join_room(self, address: str | None = None, code: str | None = None, done=None):
        """File → Join Workshop Room: the room's project opens here (this one is closed first)."""
        link = self._link()
        if link.active:
            self.say("This window is in a workshop room already: leave it first.")
            return None
        if address is None or code is None:
            from .room_dialogs import JoinDialog

            dialog = JoinDialog(self)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            address, code = dialog.address.text().strip(), dialog.code.text().strip()
        if not self.maybe_save():
            return None

        def joined(document) -> None:
            if document is not None:
                from .session import DocumentSession

                self.set_session(DocumentSession(document, None, self.session.recovery))
            if done is not None:
                done(document)
        return link.join(address, code, joined)

    def end_room(self, done=None):
        if self.room_link is None or not self.room_link.active:
            self.say("There is no workshop room to end.")
            return None
        return self.room_link.end(done)

    def _room_changed(self) -> None:
        link = self.room_link
        dialog = self.host_dialog
        if link is not None and link.host is not None and dialog is not None:
            dialog.show_participants(link.host.participants)  # type: ignore[attr-defined]
        active = link is not None and link.active
        for key, enabled in (("host_room", not active), ("join_room", not active), ("end_room", active)):
            self.actions_[key].setEnabled(enabled)
