"""The workshop room's dialogs: what the facilitator projects (the room's address, its join
code and a QR code of both), and what a participant types to join."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from .i18n import arg, tr


def _new_discovery():
    from ..room.discovery import Discovery

    return Discovery()


def _in_a_thread(make):
    """Made on a thread of its own: zeroconf would otherwise take over the asyncio loop this
    thread runs for the room (qasync), and wait on itself."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(make).result(timeout=10)


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    """A QR code of ``text`` (segno draws it; nothing leaves the laptop)."""
    import io

    import segno

    out = io.BytesIO()
    segno.make(text, error="m").save(out, kind="png", scale=scale, border=2)
    pixmap = QPixmap()
    pixmap.loadFromData(out.getvalue(), "PNG")
    return pixmap


class HostDialog(QDialog):
    """Shown on the projector: the room's address and code, large, and as a QR code."""

    def __init__(self, address: str, code: str, parent=None, fingerprint: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("RoomDialogs", "Workshop room"))
        self.setAccessibleName(tr("RoomDialogs", "Workshop room: address and join code"))
        box = QVBoxLayout(self)
        big = QFont()
        big.setPointSize(22)
        big.setBold(True)
        words = QLabel(tr("RoomDialogs", "Join this room from SSM Studio on your laptop: File → Join Workshop Room, "
                                         "then type the address and the code (or scan the QR code), and check that "
                                         "the fingerprint your laptop shows is this one."))
        words.setWordWrap(True)
        box.addWidget(words)
        self.address, self.code = QLabel(address), QLabel(code)
        self.fingerprint = QLabel(arg(tr("RoomDialogs", "Fingerprint  %1"), fingerprint) if fingerprint else
                                  tr("RoomDialogs", "No fingerprint: this room is not encrypted"))
        for label, name in ((self.address, tr("RoomDialogs", "Room address")), (self.code, tr("RoomDialogs", "Join code")),
                            (self.fingerprint, tr("RoomDialogs", "Certificate fingerprint"))):
            label.setFont(big)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(name)
            box.addWidget(label)
        self.qr = QLabel()
        self.qr.setAccessibleName(tr("RoomDialogs", "QR code of the address, the join code and the fingerprint"))
        from ..room.client import room_link

        self.qr.setPixmap(qr_pixmap(room_link(address, code, fingerprint)))
        box.addWidget(self.qr, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.participants = QLabel(tr("RoomDialogs", "No one has joined yet."))
        self.participants.setAccessibleName(tr("RoomDialogs", "Participants"))
        box.addWidget(self.participants)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def show_participants(self, count: int) -> None:
        self.participants.setText(arg(tr("RoomDialogs", "Participants in the room: %1"), count) if count
                                  else tr("RoomDialogs", "No one has joined yet."))


class JoinDialog(QDialog):
    def __init__(self, parent=None, address: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("RoomDialogs", "Join a workshop room"))
        self.setAccessibleName(tr("RoomDialogs", "Join a workshop room"))
        self.setMinimumWidth(560)  # the placeholders say what to type: not cut short
        form = QFormLayout(self)
        self.address: QLineEdit = QLineEdit(address)
        self.found = QListWidget()
        self.found.setAccessibleName(tr("RoomDialogs", "Rooms found on this network"))
        self.found.setMaximumHeight(110)
        self.found.currentItemChanged.connect(self._chosen)
        form.addRow(tr("RoomDialogs", "Rooms &found"), self.found)
        self.address.setPlaceholderText(tr("RoomDialogs", "wss://192.168.1.20:8765 (shown on the projector), or the room's link"))
        self.address.setAccessibleName(tr("RoomDialogs", "Room address"))
        self.address.editingFinished.connect(self._link_pasted)
        self.code = QLineEdit()
        self.code.setPlaceholderText(tr("RoomDialogs", "six letters and digits"))
        self.code.setAccessibleName(tr("RoomDialogs", "Join code"))
        self.fingerprint = QLineEdit()
        self.fingerprint.setPlaceholderText(tr("RoomDialogs", "five groups of four, as on the projector (or leave it: you will be asked)"))
        self.fingerprint.setAccessibleName(tr("RoomDialogs", "Certificate fingerprint"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(tr("RoomDialogs", "how the room lists you (a first name is plenty)"))
        self.name.setAccessibleName(tr("RoomDialogs", "Your name in the room"))
        form.addRow(tr("RoomDialogs", "Room &address"), self.address)
        form.addRow(tr("RoomDialogs", "Join &code"), self.code)
        form.addRow(tr("RoomDialogs", "Finger&print"), self.fingerprint)
        form.addRow(tr("RoomDialogs", "Your &name"), self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("RoomDialogs", "&Join"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.discovery = None
        self._timer = QTimer(self)
        self._timer.setInterval(500)
        self._timer.timeout.connect(self._show_found)
        try:
            self.discovery = _in_a_thread(_new_discovery)
            self._timer.start()
        except (OSError, ValueError, RuntimeError, TimeoutError):  # no multicast here: typing still works
            self.found.addItem(tr("RoomDialogs", "Rooms cannot be looked for on this network: type the address."))
        self.finished.connect(self._stop_looking)

    def _link_pasted(self) -> None:
        """A room's whole link (from the QR code) fills in the code and fingerprint too."""
        from ..errors import SsmError
        from ..room.client import parse_link

        if "code=" not in self.address.text():
            return
        try:
            address, code, fingerprint = parse_link(self.address.text())
        except SsmError:
            return
        self.address.setText(address)
        self.code.setText(code or self.code.text())
        self.fingerprint.setText(fingerprint or self.fingerprint.text())

    def _chosen(self, item: QListWidgetItem | None, _previous=None) -> None:
        if item is not None and item.data(Qt.ItemDataRole.UserRole):
            self.address.setText(item.data(Qt.ItemDataRole.UserRole))

    def _show_found(self) -> None:
        if self.discovery is None:
            return
        rooms = self.discovery.rooms()
        shown = [self.found.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.found.count())]
        if shown == [r.address for r in rooms]:
            return
        self.found.clear()
        for room in rooms:
            item = QListWidgetItem(room.title + " (" + room.address + ")")  # no words of ours to translate
            item.setData(Qt.ItemDataRole.UserRole, room.address)
            self.found.addItem(item)

    def _stop_looking(self) -> None:
        self._timer.stop()
        if self.discovery is not None:
            finder, self.discovery = self.discovery, None
            _in_a_thread(finder.close)
