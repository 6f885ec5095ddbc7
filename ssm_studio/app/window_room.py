"""The main window's workshop room: host the open project, join another's, leave or end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDockWidget, QMainWindow

if TYPE_CHECKING:
    from ..render.layers import LayerState
    from ..room.draft import Draft
    from .room_link import RoomLink
    from .room_panel import RoomPanel
    from .session import DocumentSession

    _Window = QMainWindow
else:
    _Window = object


class WindowRoom(_Window):
    if TYPE_CHECKING:
        session: DocumentSession
        room_link: RoomLink | None
        host_dialog: QDialog | None
        room_dock: QDockWidget | None
        room_panel: RoomPanel | None
        _room_name: str
        room_draft: Draft | None
        actions_: dict
        page_key: str
        pages: dict
        layers: LayerState

        @property
        def view(self): ...
        def show_page(self, key: str) -> None: ...
        def _overlay_selection(self) -> tuple[set[str], set[str]]: ...

        def set_session(self, session: DocumentSession) -> None: ...
        def say(self, message: str) -> None: ...
        def maybe_save(self) -> bool: ...
        def open_tables(self, count: int | None = None, names: list[str] | None = None, done=None): ...
        def gather_tables(self, review: bool = True, done=None) -> bool: ...
        def follow_tables(self) -> None: ...

    def _link(self) -> RoomLink:
        from .room_link import RoomLink

        if self.room_link is None:
            self.room_link = RoomLink(self, tick=self.room_tick)
            self.room_link.message.connect(self.say)
            self.room_link.changed.connect(self._room_changed)
        return self.room_link

    def host_room(self, host: str = "0.0.0.0", port: int = 0, code: str | None = None, show: bool = True,
                  done=None, announce: bool = True):
        """File → Host Workshop Room: the open project becomes the room's."""
        link = self._link()
        if link.active:
            self.say("A workshop room is open already: end it first (File → Leave or End Workshop Room).")
            return None

        def started(room) -> None:
            if room is not None and room.resumed:  # the log held a room: its project opens here
                from .session import DocumentSession

                self.set_session(DocumentSession(room.document, self.session.path, self.session.recovery))
                self.say("The workshop room was taken up where it stopped (from its log).")
            if room is not None:
                self.room_draft = None
                room.presence.publish(name="Facilitator", facilitator=True)
                self._room_panel(hosting=True)
                if show:
                    from .room_dialogs import HostDialog

                    self.host_dialog = HostDialog(room.address, room.code, self, room.fingerprint)
                    self.host_dialog.show()
            if done is not None:
                done(room)
        session = self.session
        log = (session.path.with_name(session.path.name + ".room") if session.path is not None
               else session.recovery.folder / f"{session.recovery_key}.room")
        from ..errors import SsmError
        from ..room.tls import room_certificate
        from .places import room_folder

        try:
            certificate = room_certificate(room_folder())
        except SsmError as error:
            self.say(str(error))
            return None
        return link.start_hosting(session.document, host, port, code, started, log=log, announce=announce,
                                  certificate=certificate)

    def join_room(self, address: str | None = None, code: str | None = None, done=None, name: str = "Participant",
                  fingerprint: str | None = None):
        """File → Join Workshop Room: the room's project opens here (this one is closed first).
        The room left or lost from this window is joined again with this window's document,
        so what was done meanwhile merges."""
        link = self._link()
        if link.active:
            self.say("This window is in a workshop room already: leave it first.")
            return None
        again = link.last_client if link.last_client is not None and \
            link.last_client.document is self.session.document else None
        if address is None or code is None:
            from .room_dialogs import JoinDialog

            dialog = JoinDialog(self)
            if again is not None:
                dialog.address.setText(again.address)
                dialog.code.setText(again.code)
                dialog.fingerprint.setText(again.fingerprint)
                dialog.name.setText(self._room_name)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            address, code = dialog.address.text().strip(), dialog.code.text().strip()
            fingerprint = dialog.fingerprint.text().strip()
            name = dialog.name.text().strip() or name
        if again is not None and (again.address, again.code) != (address.rstrip("/"), code.strip().upper()):
            again = None  # another room: joined afresh
        if again is None and not self.maybe_save():
            return None
        self._room_name = name
        if address.startswith("ws://") or fingerprint:
            return self._join_checked(link, address, code, fingerprint or "", name, again, done)

        def fetched(shown) -> None:  # the fingerprint, checked by the participant before the code is sent
            if shown and self._fingerprint_confirmed(address, shown):
                self._join_checked(link, address, code, shown, name, again, done)
            elif done is not None:
                done(None)
        from ..room.client import room_fingerprint

        return link.run(room_fingerprint(address), fetched)

    def _fingerprint_confirmed(self, address: str, fingerprint: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(
            self, "Check the room's fingerprint",
            f"The room at {address} shows the fingerprint\n\n{fingerprint}\n\nIs it the one on the projector? "
            "Join only if it is: another laptop could be answering at that address.")
        return answer == QMessageBox.StandardButton.Yes

    def _join_checked(self, link, address, code, fingerprint, name, again, done):
        if again is not None:
            again.fingerprint = fingerprint or again.fingerprint

        def joined(document) -> None:
            if document is not None:
                if again is None:
                    from .session import DocumentSession

                    self.room_draft = None  # a draft of another room stays with that room's copy

                    self.set_session(DocumentSession(document, None, self.session.recovery))
                else:
                    self.say("Back in the workshop room: what you and the room did meanwhile has merged.")
                assert link.client is not None
                link.client.presence.publish(name=name)
                self._room_panel(hosting=False)
            if done is not None:
                done(document)
        return link.join(address, code, joined, fingerprint=fingerprint, again=again)

    def end_room(self, done=None):
        if self.room_link is None or not self.room_link.active:
            self.say("There is no workshop room to end.")
            return None
        link = self.room_link
        if link.host is not None and link.host.tables:  # the tables' work is gathered first, or the room stays
            self.gather_tables(done=lambda _gathered: link.end(done))
            return None
        return link.end(done)

    def _room_panel(self, hosting: bool):
        from .room_panel import RoomPanel

        if self.room_dock is None:
            self.room_dock = QDockWidget("Workshop room", self)
            self.room_dock.setObjectName("dock-room")
            self.room_dock.setAccessibleName("Workshop room")
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.room_dock)
        panel = RoomPanel(hosting)
        panel.remove_requested.connect(self._remove_participant)
        panel.draft_requested.connect(lambda what: {"start": self.start_draft, "publish": self.publish_draft,
                                                    "discard": self.discard_draft}[what]())
        panel.tables_requested.connect(lambda what: self.open_tables() if what == "open" else self.gather_tables())
        self.room_dock.setWidget(panel)
        self.room_dock.show()
        self.room_panel = panel
        return panel

    def _room_mirror(self):
        link = self.room_link
        if link is None or not link.active:
            return None
        if link.table is not None:
            return link.table.mirror
        return link.host.mirror if link.host is not None else link.client.mirror  # type: ignore[union-attr]

    def start_draft(self) -> None:
        """Keep this window's next edits on this laptop until published (Workshop room panel)."""
        from ..room.draft import Draft

        mirror = self._room_mirror()
        if mirror is None or self.room_draft is not None:
            return
        self.room_draft = Draft(mirror)
        self.say("Drafting privately: your edits stay on this laptop until you publish them.")
        self.room_tick()

    def publish_draft(self) -> None:
        draft, self.room_draft = self.room_draft, None
        if draft is None:
            return
        sent = draft.publish() if self._room_mirror() is draft.mirror else 0
        self.say(f"Your draft is in the room: {sent} change(s) sent as one." if sent else
                 "Nothing to publish: your draft had no changes (or the room has closed).")
        self.room_tick()

    def discard_draft(self, confirm: bool = True) -> None:
        draft = self.room_draft
        if draft is None:
            return
        if confirm and draft.size:
            from PySide6.QtWidgets import QMessageBox

            answer = QMessageBox.question(self, "Discard your draft",
                                          f"Put back what the room has for the {draft.size} thing(s) your draft "
                                          "changed? Your draft's changes are lost.")
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.room_draft = None
        put_back = draft.discard()
        self.say(f"Draft discarded: {put_back} thing(s) put back as the room has them.")
        self.room_tick()

    def _remove_participant(self, who: str) -> None:
        link = self.room_link
        if link is not None and link.host is not None:
            link.run(link.host.remove(who), lambda removed: self.say("Removed from the room." if removed
                                                                    else "That participant has already left."))

    def room_tick(self) -> None:
        """Called by the room's watch: say where this window is, show who is where, follow."""
        link = self.room_link
        if link is None or not link.active or self.room_panel is None:
            return
        presence = link.host.presence if link.host is not None else link.client.presence  # type: ignore[union-attr]
        perspective = self.session.document.project.perspective(self.layers.active or "")
        view = self.view
        rect = view.mapToScene(view.viewport().rect()).boundingRect() if self.page_key == "overlay" else None
        selection = sorted(self._overlay_selection()[0])[:50]
        names = {v.id: v.name for v in self.session.document.project.cld.variables} if selection else {}
        draft = self.room_draft
        presence.publish(page=self.page_key, perspective=perspective.name if perspective else "",
                         selection=selection, selected_names=[names[i][:40] for i in selection if i in names][:5],
                         drafting=draft is not None, table=link.table_name,
                         view=[round(rect.x()), round(rect.y()), round(rect.width()), round(rect.height())]
                         if rect is not None else None)
        self.room_panel.show_draft(draft.size if draft is not None else None, link.table is not None)
        if link.host is not None:
            self.room_panel.show_tables(len(link.host.tables))  # type: ignore[attr-defined]
        else:
            self.follow_tables()
        self.room_panel.show_people(presence.everyone(), presence.me,  # type: ignore[attr-defined]
                                    link.host.address if link.host is not None else link.client.address,  # type: ignore[union-attr]
                                    link.table_name)
        if link.client is not None and self.room_panel.follow.isChecked():  # type: ignore[attr-defined]
            self._follow(presence.facilitator())

    def _follow(self, facilitator: dict | None) -> None:
        if not facilitator:
            return
        page = facilitator.get("page")
        if page and page != self.page_key and page in self.pages:
            self.show_page(page)
        view = facilitator.get("view")
        if page == "overlay" and view:
            from PySide6.QtCore import QRectF

            self.view.fitInView(QRectF(*view), Qt.AspectRatioMode.KeepAspectRatio)

    def _room_changed(self) -> None:
        link = self.room_link
        dialog = self.host_dialog
        if link is not None and link.host is not None and dialog is not None:
            dialog.show_participants(link.host.participants)  # type: ignore[attr-defined]
        active = link is not None and link.active
        for key, enabled in (("host_room", not active), ("join_room", not active), ("end_room", active)):
            self.actions_[key].setEnabled(enabled)
