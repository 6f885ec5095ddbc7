"""The main window's World Café tables in the workshop room (room/tables.py).

The facilitator splits the room into tables and later gathers them: each table's work comes
back through the ordinary merge and its review, and the tables close only once the merge is
done (cancelling the review leaves them open, so nothing is lost). A participant's window
follows the arrangement by itself: seated, it shows the table's copy (the whole room's
document is kept aside, still in step with the room); when the tables are gathered, it shows
the whole room's document again, where the merged work arrives."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from ..edits import Document
    from .room_link import RoomLink
    from .room_panel import RoomPanel
    from .session import DocumentSession

    _Window = QMainWindow
else:
    _Window = object


class WindowTables(_Window):
    if TYPE_CHECKING:
        session: DocumentSession
        room_link: RoomLink | None
        room_panel: RoomPanel | None
        _whole_room: Document | None

        def set_session(self, session: DocumentSession) -> None: ...
        def say(self, message: str) -> None: ...

    def open_tables(self, count: int | None = None, names: list[str] | None = None, done=None):
        """Split the room into tables (the host only); asks how many when not given."""
        link = self.room_link
        if link is None or link.host is None:
            self.say("Only the facilitator hosting a room can split it into tables.")
            return None
        if count is None:
            from PySide6.QtWidgets import QInputDialog

            count, ok = QInputDialog.getInt(self, "Split into tables",
                                            "How many tables? Everyone in the room is seated round-robin.",
                                            3, 2, 12)
            if not ok:
                return None

        def opened(arrangement) -> None:
            if arrangement is not None:
                seated = sum(len(t["members"]) for t in arrangement["tables"])
                self.say(f"{len(arrangement['tables'])} tables open, {seated} participant(s) seated: each table "
                         "works on its own copy until you gather them.")
                if self.room_panel is not None:
                    self.room_panel.show_tables(len(arrangement["tables"]))
            if done is not None:
                done(arrangement)
        return link.run(link.host.open_tables(count, names), opened)

    def gather_tables(self, review: bool = True, done=None) -> bool:
        """Merge what each table changed into the room's project (one undoable step, with the
        merge's review), then close the tables; a cancelled review leaves them open."""
        link = self.room_link
        if link is None or link.host is None or not link.host.tables:
            self.say("There are no tables to gather.")
            return False
        from ..errors import SsmError
        from .interop_dialogs import gather_projects

        host = link.host
        try:
            gathered = host.contributions()
            merged = not gathered or gather_projects(self, gathered, "Gather tables", review)
        except SsmError as error:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.critical(self, "Tables not gathered", f"{error}\n\nThe tables stay open.")
            return False
        if not merged:
            self.say("The tables stay open: nothing was gathered.")
            return False

        def closed(_) -> None:
            self.say(f"Tables gathered: {len(gathered)} brought work back; everyone is in the whole room again."
                     if gathered else "Tables closed: none of them changed anything.")
            if self.room_panel is not None:
                self.room_panel.show_tables(0)
            if done is not None:
                done(gathered)
        link.run(host.close_tables(), closed)
        return True

    def follow_tables(self) -> None:
        """A participant's window, four times a second: sit at the table the arrangement
        gives, or return to the whole room when the tables are gathered."""
        from ..room.tables import read_arrangement, seat_of

        link = self.room_link
        if link is None or link.client is None or link.seating:
            return
        seat = seat_of(read_arrangement(link.client.doc), link.client.presence.me)
        if seat is not None and link.table is None:
            link.sit(seat, self._seated)
        elif seat is None and link.table is not None:
            self._back_to_the_room()

    def _seated(self, document) -> None:
        from .session import DocumentSession

        link = self.room_link
        if document is None or link is None:
            return
        self._whole_room = self.session.document
        self.set_session(DocumentSession(document, None, self.session.recovery))
        self.say(f"You are at {link.table_name}: what you change stays at your table until the facilitator "
                 "gathers the tables.")

    def _back_to_the_room(self) -> None:
        from .session import DocumentSession

        link = self.room_link
        whole, self._whole_room = self._whole_room, None
        if link is None:
            return
        name = link.table_name
        link.stand()
        if whole is not None:
            self.set_session(DocumentSession(whole, None, self.session.recovery))
        self.say(f"The tables were gathered: {name}'s work joins the whole room's project, which is shown again.")
