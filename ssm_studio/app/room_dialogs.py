"""The workshop room's dialogs: what the facilitator projects (the room's address, its join
code and a QR code of both), and what a participant types to join."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)


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

    def __init__(self, address: str, code: str, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Workshop room")
        self.setAccessibleName("Workshop room: address and join code")
        box = QVBoxLayout(self)
        big = QFont()
        big.setPointSize(22)
        big.setBold(True)
        words = QLabel("Join this room from SSM Studio on your laptop: File → Join Workshop Room, then type the "
                       "address and the code (or scan the code).")
        words.setWordWrap(True)
        box.addWidget(words)
        self.address, self.code = QLabel(address), QLabel(code)
        for label, name in ((self.address, "Room address"), (self.code, "Join code")):
            label.setFont(big)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setAccessibleName(name)
            box.addWidget(label)
        self.qr = QLabel()
        self.qr.setAccessibleName("QR code of the address and the join code")
        self.qr.setPixmap(qr_pixmap(f"{address}/workshop?code={code}"))
        box.addWidget(self.qr, alignment=Qt.AlignmentFlag.AlignHCenter)
        self.participants = QLabel("No one has joined yet.")
        self.participants.setAccessibleName("Participants")
        box.addWidget(self.participants)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)

    def show_participants(self, count: int) -> None:
        self.participants.setText(f"{count} participant(s) in the room." if count else "No one has joined yet.")


class JoinDialog(QDialog):
    def __init__(self, parent=None, address: str = "") -> None:
        super().__init__(parent)
        self.setWindowTitle("Join a workshop room")
        self.setAccessibleName("Join a workshop room")
        form = QFormLayout(self)
        self.address = QLineEdit(address)
        self.address.setPlaceholderText("ws://192.168.1.20:8765 (shown on the projector)")
        self.address.setAccessibleName("Room address")
        self.code = QLineEdit()
        self.code.setPlaceholderText("six letters and digits")
        self.code.setAccessibleName("Join code")
        self.name = QLineEdit()
        self.name.setPlaceholderText("how the room lists you (a first name is plenty)")
        self.name.setAccessibleName("Your name in the room")
        form.addRow("Room &address", self.address)
        form.addRow("Join &code", self.code)
        form.addRow("Your &name", self.name)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Join")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
