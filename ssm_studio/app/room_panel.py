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

from .window_actions import PAGES

ROLE = Qt.ItemDataRole.UserRole


def page_words(key: str) -> str:
    from .i18n import tr

    return tr("MainWindow", PAGES.get(key, (key, ""))[0]).replace("&", "")


class RoomPanel(QWidget):
    remove_requested = Signal(str)  # a participant's client id
    draft_requested = Signal(str)  # 'start', 'publish' or 'discard'
    tables_requested = Signal(str)  # 'open' or 'gather' (the host's World Café tables)

    def __init__(self, hosting: bool, parent=None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Workshop room")
        box = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        box.addWidget(self.summary)
        self.people = QListWidget()
        self.people.setAccessibleName("Who is in the room")
        self.people.setWordWrap(True)
        box.addWidget(self.people, 1)
        self.follow = QCheckBox("Fo&llow the facilitator (their page and view)")
        self.follow.setAccessibleName("Follow the facilitator")
        self.follow.setVisible(not hosting)
        box.addWidget(self.follow)
        self.draft_state = QLabel("Your edits go to the room as you make them.")
        self.draft_state.setWordWrap(True)
        self.draft_state.setAccessibleName("Your private draft")
        box.addWidget(self.draft_state)
        row = QHBoxLayout()
        self.draft = QPushButton("&Keep a private draft")
        self.draft.setToolTip("Keep your next edits on this laptop until you publish them to the room")
        self.publish = QPushButton("P&ublish draft")
        self.publish.setToolTip("Send every change of your draft to the room, as one change")
        self.discard = QPushButton("Disc&ard draft")
        self.discard.setToolTip("Put back what the room has for everything your draft changed")
        for button, word in ((self.draft, "start"), (self.publish, "publish"), (self.discard, "discard")):
            button.setAccessibleName(button.text().replace("&", ""))
            button.clicked.connect(lambda _=False, w=word: self.draft_requested.emit(w))
            row.addWidget(button)
        box.addLayout(row)
        self.show_draft(None)
        tables = QHBoxLayout()
        self.open_tables = QPushButton("Split into &tables…")
        self.open_tables.setToolTip("World Café: split the room into tables, each working on its own copy")
        self.gather = QPushButton("&Gather tables…")
        self.gather.setToolTip("Bring every table's work back into the room's project, with the merge's review")
        for button, word in ((self.open_tables, "open"), (self.gather, "gather")):
            button.setAccessibleName(button.text().replace("&", "").rstrip("…"))
            button.setVisible(hosting)
            button.clicked.connect(lambda _=False, w=word: self.tables_requested.emit(w))
            tables.addWidget(button)
        self.gather.setEnabled(False)
        box.addLayout(tables)
        self.remove = QPushButton("&Remove from the room")
        self.remove.setAccessibleName("Remove the chosen participant from the room")
        self.remove.setVisible(hosting)
        self.remove.clicked.connect(self._remove)
        box.addWidget(self.remove)

    def show_people(self, everyone: dict[str, dict], me: str, address: str, table: str = "") -> None:
        chosen = self.people.currentItem().data(ROLE) if self.people.currentItem() else None
        self.people.clear()
        for who, state in sorted(everyone.items(), key=lambda kv: (not kv[1].get("facilitator"), kv[1].get("name", ""))):
            said = [state.get("name") or "Someone"]
            if state.get("facilitator"):
                said[0] += " (facilitator)"
            if who == me:
                said[0] += " (you)"
            where = [page_words(state.get("page", ""))] if state.get("page") else []
            if state.get("perspective"):
                where.append(state["perspective"])
            if state.get("selection"):
                chosen_names = state.get("selected_names") or []
                where.append(f"{len(state['selection'])} selected" +
                             (f" ({', '.join(chosen_names[:3])}{', …' if len(chosen_names) > 3 else ''})"
                              if chosen_names else ""))
            if state.get("drafting"):
                where.append("drafting privately")
            if state.get("table"):
                where.append(f"at {state['table']}")
            item = QListWidgetItem(said[0] + (": " + ", ".join(where) if where else ""))
            item.setData(ROLE, who)
            self.people.addItem(item)
            if who == chosen:
                self.people.setCurrentItem(item)
        self.summary.setText(f"{len(everyone)} in the room at {address}." + (
            f" You are at {table}: your edits stay at your table until the facilitator gathers the tables."
            if table else ""))

    def show_tables(self, open_tables: int) -> None:
        self.open_tables.setEnabled(not open_tables)
        self.gather.setEnabled(bool(open_tables))

    def show_draft(self, size: int | None, where: str = "the room") -> None:
        """``size``: how many objects the private draft has changed; None: not drafting."""
        drafting = size is not None
        self.draft.setEnabled(not drafting)
        self.publish.setEnabled(bool(size))
        self.discard.setEnabled(drafting)
        self.draft_state.setText(f"Your edits go to {where} as you make them." if not drafting else
                                 f"Drafting privately: {size} change(s) kept on this laptop until you publish.")

    def _remove(self) -> None:
        item = self.people.currentItem()
        if item is not None:
            self.remove_requested.emit(item.data(ROLE))
