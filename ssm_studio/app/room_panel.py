"""The workshop room's panel: who is here (their page, perspective and selection), follow
the facilitator, and, for the host, remove a participant."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .i18n import arg, tr
from .window_actions import PAGES

ROLE = Qt.ItemDataRole.UserRole


def page_words(key: str) -> str:
    return tr("MainWindow", PAGES.get(key, (key, ""))[0]).replace("&", "")


class RoomPanel(QWidget):
    remove_requested = Signal(str)  # a participant's client id
    draft_requested = Signal(str)  # 'start', 'publish' or 'discard'
    tables_requested = Signal(str)  # 'open' or 'gather' (the host's World Café tables)

    def __init__(self, hosting: bool, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName(tr("RoomPanel", "Workshop room"))
        box = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.people = QListWidget()
        self.people.setAccessibleName(tr("RoomPanel", "Who is in the room"))
        self.people.setWordWrap(True)
        box.addWidget(self.people, 1)
        self.follow = QCheckBox(tr("RoomPanel", "Fo&llow the facilitator (their page and view)"))
        self.follow.setAccessibleName(tr("RoomPanel", "Follow the facilitator"))
        self.follow.setVisible(not hosting)
        box.addWidget(self.follow)
        self.draft_state = QLabel()
        self.draft_state.setWordWrap(True)
        self.draft_state.setAccessibleName(tr("RoomPanel", "Your private draft"))
        box.addWidget(self.draft_state)
        row = QHBoxLayout()
        self.draft = QPushButton(tr("RoomPanel", "&Keep a private draft"))
        self.draft.setToolTip(tr("RoomPanel", "Keep your next edits on this laptop until you publish them to the room"))
        self.publish = QPushButton(tr("RoomPanel", "P&ublish draft"))
        self.publish.setToolTip(tr("RoomPanel", "Send every change of your draft to the room, as one change"))
        self.discard = QPushButton(tr("RoomPanel", "Disc&ard draft"))
        self.discard.setToolTip(tr("RoomPanel", "Put back what the room has for everything your draft changed"))
        for button, word in ((self.draft, "start"), (self.publish, "publish"), (self.discard, "discard")):
            button.setAccessibleName(button.text().replace("&", ""))
            button.clicked.connect(lambda _=False, w=word: self.draft_requested.emit(w))
            row.addWidget(button)
        box.addLayout(row)
        self.show_draft(None)
        tables = QHBoxLayout()
        self.open_tables = QPushButton(tr("RoomPanel", "Split into &tables…"))
        self.open_tables.setToolTip(tr("RoomPanel", "World Café: split the room into tables, each working on its own copy"))
        self.gather = QPushButton(tr("RoomPanel", "&Gather tables…"))
        self.gather.setToolTip(tr("RoomPanel", "Bring every table's work back into the room's project, with the merge's review"))
        for button, word in ((self.open_tables, "open"), (self.gather, "gather")):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.setVisible(hosting)
            button.clicked.connect(lambda _=False, w=word: self.tables_requested.emit(w))
            tables.addWidget(button)
        self.gather.setEnabled(False)
        box.addLayout(tables)
        self.remove = QPushButton(tr("RoomPanel", "&Remove from the room"))
        self.remove.setAccessibleName(tr("RoomPanel", "Remove the chosen participant from the room"))
        self.remove.setVisible(hosting)
        self.remove.clicked.connect(self._remove)
        box.addWidget(self.remove)

    def show_people(self, everyone: dict[str, dict], me: str, address: str, table: str = "") -> None:
        chosen = self.people.currentItem().data(ROLE) if self.people.currentItem() else None
        self.people.clear()
        for who, state in sorted(everyone.items(), key=lambda kv: (not kv[1].get("facilitator"), kv[1].get("name", ""))):
            said = state.get("name") or tr("RoomPanel", "Someone")
            if state.get("facilitator"):
                said = arg(tr("RoomPanel", "%1 (facilitator)"), said)
            if who == me:
                said = arg(tr("RoomPanel", "%1 (you)"), said)
            where = [page_words(state.get("page", ""))] if state.get("page") else []
            if state.get("perspective"):
                where.append(state["perspective"])
            if state.get("selection"):
                names = state.get("selected_names") or []
                where.append(arg(tr("RoomPanel", "%1 selected"), len(state["selection"])) +
                             (f" ({', '.join(names[:3])}{', …' if len(names) > 3 else ''})" if names else ""))
            if state.get("drafting"):
                where.append(tr("RoomPanel", "drafting privately"))
            if state.get("table"):
                where.append(arg(tr("RoomPanel", "at %1"), state["table"]))
            item = QListWidgetItem(said + (": " + ", ".join(where) if where else ""))
            item.setData(ROLE, who)
            self.people.addItem(item)
            if who == chosen:
                self.people.setCurrentItem(item)
        summary = arg(tr("RoomPanel", "%1 in the room at %2."), len(everyone), address)
        if table:
            summary += " " + arg(tr("RoomPanel", "You are at %1: your edits stay at your table until the facilitator "
                                                 "gathers the tables."), table)
        self.summary.setText(summary)

    def show_tables(self, open_tables: int) -> None:
        self.open_tables.setEnabled(not open_tables)
        self.gather.setEnabled(bool(open_tables))

    def show_draft(self, size: int | None, at_table: bool = False) -> None:
        """``size``: how many objects the private draft has changed; None: not drafting."""
        drafting = size is not None
        self.draft.setEnabled(not drafting)
        self.publish.setEnabled(bool(size))
        self.discard.setEnabled(drafting)
        if drafting:
            said = arg(tr("RoomPanel", "Drafting privately: %1 change(s) kept on this laptop until you publish."), size)
        elif at_table:
            said = tr("RoomPanel", "Your edits go to your table as you make them.")
        else:
            said = tr("RoomPanel", "Your edits go to the room as you make them.")
        self.draft_state.setText(said)

    def _remove(self) -> None:
        item = self.people.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(ROLE))
