"""The rich-picture page: the canvas, a searchable stencil palette and the drawing tools."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...render.layers import LayerState
from ...render.rp_items import RpItem
from ...render.rp_scene import RpScene
from ...render.stencils import find, stencils
from ..canvas.tools import AddTool, ConnectTool, PenTool, PlaceTool
from ..canvas.view import STENCIL_MIME, CanvasView
from ..icons import icon
from ..rp_editor import RpEditor
from ..session import DocumentSession
from .base import Page, canvas_commands


class StencilPalette(QListWidget):
    """Figures to drag onto the canvas (or press Enter to place one in the middle)."""

    def __init__(self) -> None:
        super().__init__()
        self.setDragEnabled(True)
        self.setAccessibleName("Stencils")
        self.setIconSize(QSize(40, 40))

    def mimeData(self, items):
        data = QMimeData()
        if items:
            data.setData(STENCIL_MIME, items[0].data(Qt.ItemDataRole.UserRole).encode())
        return data

    def mimeTypes(self):
        return [STENCIL_MIME]


class RichPicturePanel(QWidget):
    def __init__(self, session: DocumentSession, layers: LayerState, parent=None) -> None:
        super().__init__(parent)
        self.session, self.layers = session, layers
        self.setAccessibleName("Rich picture")
        self.scene = RpScene(session.document, layers)
        self.scene.setParent(self)
        self.editor = RpEditor(self.scene, session, layers)
        self.view = CanvasView(self.scene, self.editor, bends=False)
        self.view.add_tool(AddTool(self.view, "Click on the canvas to write text"))
        self.view.add_tool(ConnectTool(self.view, "Drag from one figure to another to connect them"))
        self.view.add_tool(PenTool(self.view))
        self.view.add_tool(PlaceTool(self.view, "bubble", "Click a figure to give it a speech bubble",
                                     lambda at, under: self.editor.add_bubble("speech", owner_id=under, at=at)))
        self.view.add_tool(PlaceTool(self.view, "box", "Click to draw a box",
                                     lambda at, under: self.editor.add_shape("rectangle", at)))
        self.view.add_tool(PlaceTool(self.view, "stencil", "Click to place the figure chosen in the palette",
                                     lambda at, under: self.editor.add_stencil(self.chosen_stencil(), at)))
        self.view.setAccessibleName("Rich picture canvas")
        self.view.message.connect(self.say)
        palette = QVBoxLayout()
        self.search = QLineEdit()
        self.search.setPlaceholderText("Find a figure (e.g. college, conflict)")
        self.search.setAccessibleName("Find a stencil")
        self.search.textChanged.connect(self.fill_palette)
        self.palette = StencilPalette()
        self.palette.itemActivated.connect(lambda item: self.place(item.data(Qt.ItemDataRole.UserRole)))
        palette.addWidget(self.search)
        palette.addWidget(self.palette, 1)
        # Each action an icon button with its name (and key) as tooltip: 20 text buttons had
        # filled the panel. The drawing tools themselves are on the main toolbar.
        buttons = [("speech", "Speech bubble", lambda: self.editor.add_bubble("speech")),
                   ("thought", "Thought bubble", lambda: self.editor.add_bubble("thought")),
                   ("photo", "Insert photo…", self.insert_photo),
                   ("box", "Box", lambda: self.editor.add_shape("rectangle", self._centre())),
                   ("ellipse", "Ellipse", lambda: self.editor.add_shape("ellipse", self._centre())),
                   ("arrows", "Arrow heads of the chosen connector", self.editor.cycle_arrows),
                   ("front", "Bring to front", lambda: self.editor.bring(True)),
                   ("back", "Send to back", lambda: self.editor.bring(False)),
                   ("group", "Group", self.editor.group), ("ungroup", "Ungroup", self.editor.ungroup),
                   ("rotate", "Rotate 15° (])", lambda: self.editor.rotate(15)),
                   ("bigger", "Bigger (>)", lambda: self.editor.resize(1.1)),
                   ("smaller", "Smaller (<)", lambda: self.editor.resize(1 / 1.1)),
                   ("lock", "Lock or unlock", self.editor.toggle_lock),
                   ("lock_backdrop", "Lock the common-ground backdrop", lambda: self.editor.lock_backdrop(True)),
                   ("align_left", "Align left", lambda: self.editor.align("left")),
                   ("align_top", "Align top", lambda: self.editor.align("top")),
                   ("distribute_h", "Distribute across", lambda: self.editor.distribute(True)),
                   ("distribute_v", "Distribute down", lambda: self.editor.distribute(False)),
                   ("to_layer", "Move to the active perspective's layer",
                    lambda: self.editor.move_to_layer(self.editor.layer()))]
        grid = QGridLayout()
        grid.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for index, (key, text, slot) in enumerate(buttons):
            button = QToolButton()
            button.setIcon(icon(key))
            button.setIconSize(QSize(22, 22))
            button.setToolTip(text)
            button.setAccessibleName(text)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 5, index % 5)
            self.buttons[key] = button
        palette.addLayout(grid)
        pen = QHBoxLayout()
        self.pen_width = QDoubleSpinBox()
        self.pen_width.setRange(0.5, 30)
        self.pen_width.setValue(self.editor.pen_width)
        self.pen_width.setAccessibleName("Pen width")
        self.pen_width.valueChanged.connect(lambda v: setattr(self.editor, "pen_width", v))
        self.pen_colour = QComboBox()
        self.pen_colour.setAccessibleName("Pen colour")
        for name, colour in (("Black", "#222222"), ("Blue", "#0072B2"), ("Vermilion", "#D55E00"),
                             ("Green", "#009E73"), ("Purple", "#CC79A7")):
            self.pen_colour.addItem(name, colour)
        self.pen_colour.currentIndexChanged.connect(
            lambda _: setattr(self.editor, "pen_colour", self.pen_colour.currentData()))
        pen.addWidget(QLabel("Pen"))
        pen.addWidget(self.pen_width)
        pen.addWidget(self.pen_colour)
        palette.addLayout(pen)
        self.hand_drawn = QCheckBox("Hand-drawn lines and shapes")
        self.hand_drawn.toggled.connect(self.set_hand_drawn)
        palette.addWidget(self.hand_drawn)
        self.common = QCheckBox("Draw on common ground")
        self.common.setToolTip("New items go on the common-ground backdrop instead of the active perspective")
        self.common.toggled.connect(lambda on: setattr(self.editor, "on_common_ground", on))
        palette.addWidget(self.common)
        self.status = QLabel()
        self.status.setWordWrap(True)
        palette.addWidget(self.status)
        side = self.side = QWidget()  # the palette and tools (set aside while presenting)
        side.setLayout(palette)
        side.setFixedWidth(230)
        layout = QHBoxLayout(self)
        layout.addWidget(side)
        layout.addWidget(self.view, 1)
        self.fill_palette("")

    def chosen_stencil(self) -> str:
        item = self.palette.currentItem() or self.palette.item(0)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else "person"

    def _centre(self):
        return self.view.mapToScene(self.view.viewport().rect().center())

    def set_hand_drawn(self, on: bool) -> None:
        self.scene.hand_drawn = on
        self.scene.update()

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


class RichPicturePage(Page):
    key = "rich-picture"
    title = "Rich picture"

    def __init__(self, session: DocumentSession, layers: LayerState) -> None:
        super().__init__(RichPicturePanel(session, layers))
        self.panel: RichPicturePanel = self.widget
        view, editor = self.panel.view, self.panel.editor
        view.page = self
        self.commands = canvas_commands(view, editor)
        self.commands.update({
            "rotate": editor.rotate, "resize": editor.resize, "export_diagram": lambda: "rich-picture",
            "drop_stencil": editor.add_stencil,
        })
        self._fitted = False

    @property
    def view(self) -> CanvasView:
        return self.panel.view

    def tool_names(self) -> dict[str, str]:
        return {"add": "Text", "link": "Connector", "pen": "Pen", "bubble": "Bubble", "box": "Box",
                "stencil": "Figure"}

    def activate(self) -> None:
        if not self._fitted:  # the first visit shows the whole picture, not a corner of it
            self._fitted = True
            self.panel.view.fit()

    def apply_style(self, style) -> None:
        """Larger words on a projector (high contrast) or with Text Bigger: each figure's
        label, bubble and text block grows with the canvas's text, boxes and bubbles with
        their words, as in the pack. Only the picture changes: the model keeps its sizes."""
        scene = self.panel.scene
        if scene.text_scale != style.text_scale:
            selected = {item.object_id for item in scene.selectedItems() if isinstance(item, RpItem)}
            scene.text_scale = style.text_scale
            scene.rebuild()
            for table in (scene.variable_items, scene.link_items):
                for key in selected & table.keys():
                    table[key].setSelected(True)

    def close(self) -> None:
        self.panel.close_scene()
