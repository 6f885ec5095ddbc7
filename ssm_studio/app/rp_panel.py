"""The rich-picture page: the canvas, a searchable stencil palette and the drawing tools."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..render.layers import LayerState
from ..render.rp_scene import RpScene
from ..render.stencils import find, stencils
from .cld_view import CldView
from .rp_editor import RpEditor
from .session import DocumentSession


class RichPicturePanel(QWidget):
    def __init__(self, session: DocumentSession, layers: LayerState, parent=None) -> None:
        super().__init__(parent)
        self.session, self.layers = session, layers
        self.setAccessibleName("Rich picture")
        self.scene = RpScene(session.document, layers)
        self.scene.setParent(self)
        self.editor = RpEditor(self.scene, session, layers)
        self.view = CldView(self.scene, self.editor)
        self.view.setAccessibleName("Rich picture canvas")
        self.view.message.connect(self.say)
        palette = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a figure (e.g. college, conflict)")
        self.search.setAccessibleName("Find a stencil")
        self.search.textChanged.connect(self.fill_palette)
        self.palette = QListWidget()
        self.palette.setAccessibleName("Stencils")
        self.palette.setIconSize(QSize(40, 40))
        self.palette.itemActivated.connect(lambda item: self.place(item.data(Qt.ItemDataRole.UserRole)))
        palette.addWidget(self.search)
        palette.addWidget(self.palette, 1)
        buttons = [("Pen (P)", lambda: self.view.set_tool("pen")), ("Text (A)", lambda: self.view.set_tool("variable")),
                   ("Connect (L)", lambda: self.view.set_tool("link")), ("Select (V)", lambda: self.view.set_tool("select")),
                   ("Speech bubble", lambda: self.editor.add_bubble("speech")),
                   ("Thought bubble", lambda: self.editor.add_bubble("thought")),
                   ("Photo…", self.insert_photo), ("To front", lambda: self.editor.bring(True)),
                   ("To back", lambda: self.editor.bring(False)),
                   ("To active layer", lambda: self.editor.move_to_layer(self.editor.layer()))]
        for text, slot in buttons:
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            palette.addWidget(button)
        self.common = QCheckBox("Draw on common ground")
        self.common.setToolTip("New items go on the common-ground backdrop instead of the active perspective")
        self.common.toggled.connect(lambda on: setattr(self.editor, "on_common_ground", on))
        palette.addWidget(self.common)
        self.status = QLabel()
        self.status.setWordWrap(True)
        palette.addWidget(self.status)
        side = QWidget()
        side.setLayout(palette)
        side.setMaximumWidth(240)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(self.view, 1)
        self.fill_palette("")

    def say(self, message: str) -> None:
        self.status.setText(message)

    def fill_palette(self, text: str) -> None:
        self.palette.clear()
        for stencil in (find(text) if text.strip() else stencils()):
            item = QListWidgetItem(QIcon(str(stencil.path)), stencil.title)
            item.setData(Qt.ItemDataRole.UserRole, stencil.name)
            item.setToolTip(", ".join(stencil.keywords))
            self.palette.addItem(item)

    def place(self, name: str) -> str:
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        return self.editor.add_stencil(name, centre)

    def insert_photo(self, path: str | None = None) -> str | None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Insert photo", "", "Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)")
            if not path:
                return None
        centre = self.view.mapToScene(self.view.viewport().rect().center())
        result = self.editor.add_image(path, centre)
        if result is None:
            self.say(self.editor.message)
        return result

    def close_scene(self) -> None:
        self.scene.close()
