"""The canvas view of every diagram page: zoom, pan, the current tool, keys, rename in place.

The view knows nothing of what its diagram is: mouse gestures go to the page's tool
objects, and keys become the page's commands (``page.run``), which each page defines for
its own kind of diagram. A page that lacks a command simply does not list it.
"""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import QEvent, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsView, QLineEdit

from ...render.cld_items import LinkItem, VariableItem
from ...render.diagram_scene import DiagramScene
from ...render.item_kinds import Arrow, Box
from .cache_pause import CachePause, reserve_item_cache
from .drag_layer import DragLayer
from .tools import SelectTool, Tool

ZOOM_STEP = 1.2
MIN_SCALE, MAX_SCALE = 0.05, 8.0
STENCIL_MIME = "application/x-ssm-studio-stencil"

# Plain keys (no Ctrl/Alt) and the page command each runs, when the page has it. Letters
# belong to the canvas, not to window shortcuts, so typing "no" in a table never fires them.
KEY_COMMANDS = {
    Qt.Key.Key_N: "new_box", Qt.Key.Key_Insert: "new_box", Qt.Key.Key_K: "link_selected",
    Qt.Key.Key_D: "toggle_mark", Qt.Key.Key_F2: "rename",
    Qt.Key.Key_Delete: "delete", Qt.Key.Key_Backspace: "delete",
}
TEXT_COMMANDS = {"+": ("polarity", "+"), "=": ("polarity", "+"), "-": ("polarity", "-"),
                 "\u2212": ("polarity", "-"), "?": ("polarity", "?"),
                 "[": ("rotate", -15), "]": ("rotate", 15), "<": ("resize", 1 / 1.1), ">": ("resize", 1.1)}
TOOL_KEYS = {Qt.Key.Key_V: "select", Qt.Key.Key_A: "add", Qt.Key.Key_L: "link", Qt.Key.Key_P: "pen",
             Qt.Key.Key_B: "bubble", Qt.Key.Key_R: "box", Qt.Key.Key_S: "stencil"}
ARROWS = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}


def split_exposure(region) -> list | None:
    """The rectangles of a region worth painting one at a time (None: paint it whole): a few
    thin strips that together cover less than half of their bounding box."""
    rects = list(region)
    if not 1 < len(rects) <= 4:
        return None
    bounds = region.boundingRect()
    area = sum(r.width() * r.height() for r in rects)
    return rects if area * 2 < bounds.width() * bounds.height() else None


class CanvasView(QGraphicsView):
    tool_changed = Signal(str)
    message = Signal(str)
    zoomed = Signal()

    def __init__(self, scene: DiagramScene, editor=None, parent=None, bends: bool = True) -> None:
        super().__init__(scene, parent)
        self.editor = editor
        self.page: Any = None  # set by the page that owns the view
        self.bends = bends and editor is not None
        self.tools: dict[str, Tool] = {"select": SelectTool(self)}
        self.tool: Tool = self.tools["select"]
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # Keys zoom about the centre; the wheel anchors its own point (zoom_by), because
        # Qt's AnchorUnderMouse asks the cursor, which a touchpad gesture or a test lacks.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMinimumSize(160, 120)
        reserve_item_cache()
        self.cache_pause = CachePause(self)
        self.drag_layer = DragLayer(self)
        self._pan_from: QPointF | None = None
        self._held = False  # a button is down on this view: a gesture may be drawing previews
        self._space = False
        self._rename: QLineEdit | None = None
        self._renaming: str | None = None
        self.bend_handle = QGraphicsEllipseItem(-6, -6, 12, 12)
        self.bend_handle.setBrush(QColor("#FFFFFF"))
        self.bend_handle.setPen(QPen(QColor("#1F6FEB"), 2))
        self.bend_handle.setZValue(50)
        self.bend_handle.setVisible(False)
        self.bend_handle.setToolTip("Drag to bend the link")
        scene.addItem(self.bend_handle)
        scene.selectionChanged.connect(self.place_handle)
        self.update_scene_rect()

    def diagram(self) -> DiagramScene:
        """The scene as what it is: every canvas view is made on a diagram scene."""
        return cast(DiagramScene, self.scene())

    def add_tool(self, tool: Tool) -> None:
        self.tools[tool.key] = tool

    def update_scene_rect(self) -> None:
        # An explicit rect: Qt would otherwise recompute itemsBoundingRect on every change.
        self.setSceneRect(self.diagram().diagram_rect(precise=False).adjusted(-2000, -2000, 2000, 2000))

    # Tools -----------------------------------------------------------------------------
    def set_tool(self, key: str) -> bool:
        if key not in self.tools:
            return False
        self.cancel()
        self.tool = self.tools[key]
        self.tool.activate()
        self.tool_changed.emit(key)
        if self.tool.hint:
            self.message.emit(self.tool.hint)
        return True

    def cancel(self) -> None:
        self.tool.cancel()
        self.finish_rename(commit=False)

    def box_at(self, pos):
        """The box (variable, activity, figure) under a viewport point, if any."""
        for item in self.items(pos):
            if isinstance(item, Box):
                return item
        return None

    # Dropping stencils from the palette --------------------------------------------------
    def _accepts(self, event) -> bool:
        return (event.mimeData().hasFormat(STENCIL_MIME) and self.page is not None
                and self.page.supports("drop_stencil"))

    def dragEnterEvent(self, event) -> None:
        event.acceptProposedAction() if self._accepts(event) else super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        event.acceptProposedAction() if self._accepts(event) else super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        if self._accepts(event):
            name = bytes(event.mimeData().data(STENCIL_MIME)).decode()
            self.page.run("drop_stencil", name, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    # Zoom and pan ------------------------------------------------------------------------
    def zoom_by(self, factor: float, about: QPointF | None = None) -> None:
        """Zoom by ``factor``; ``about`` (a viewport point) stays where it is on screen."""
        scale = self.transform().m11()
        factor = max(MIN_SCALE / scale, min(MAX_SCALE / scale, factor))
        self.cache_pause.pause()  # items draw straight while the zoom changes (cache_pause.py)
        if about is None:
            self.scale(factor, factor)
        else:
            at = about.toPoint()
            before = self.mapToScene(at)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            self.scale(factor, factor)
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
            centre = self.mapToScene(self.viewport().rect().center())
            self.centerOn(centre + (before - self.mapToScene(at)))
        self.zoomed.emit()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.resetTransform()
        self.zoomed.emit()

    def fit(self) -> None:
        self.update_scene_rect()
        rect = self.diagram().diagram_rect()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.5:
            self.resetTransform()
            self.scale(1.5, 1.5)
            self.centerOn(rect.center())
        self.zoomed.emit()

    def paintEvent(self, event) -> None:
        if self.drag_layer.paint(event):  # boxes being dragged over a picture of the rest
            return
        # Zoomed far out, a causal diagram is painted from a few cached paths rather than an
        # item at a time (render/overview.py): decided here, before Qt walks the items.
        scene = self.scene()
        if isinstance(scene, DiagramScene) and scene.draws_overview:
            from ...render.overview import OVERVIEW_BELOW, paint_view

            overview = self.transform().m11() < OVERVIEW_BELOW
            walked = not overview or self._held or not self.rubberBandRect().isNull()
            scene.set_overview(overview, walked)
            if not walked:
                paint_view(self, event)  # no walk of every item (see paint_view)
                return
        strips = split_exposure(event.region())
        if strips is None:
            super().paintEvent(event)
            return
        # A diagonal pan exposes an L: a strip down one side and one along the top. Qt gives
        # each item the bounding box of the whole region as its exposed rect, which is the
        # whole view, so every long link crossing it would be stroked end to end; painted a
        # strip at a time, each link strokes only the piece inside the strip.
        for strip in strips:
            super().paintEvent(QPaintEvent(strip))

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps, about=event.position())
        event.accept()

    # Mouse: panning here, everything else to the tool -------------------------------------
    def mousePressEvent(self, event) -> None:
        self._held = event.buttons() != Qt.MouseButton.NoButton
        self.finish_rename(commit=True)
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton and self.editor is not None and self.tool.start(event):
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            event.accept()
            return
        if self.editor is not None and self.tool.move(event):
            event.accept()
            return
        if event.buttons() & Qt.MouseButton.LeftButton and not self.drag_layer.active:
            self._begin_drag_layer()
        super().mouseMoveEvent(event)

    def _begin_drag_layer(self) -> None:
        """Qt is about to drag boxes (it grabbed one at the press): the rest of the picture is
        painted once (drag_layer.py)."""
        scene = self.scene()
        grabber = scene.mouseGrabberItem() if scene is not None else None
        if not isinstance(grabber, VariableItem) or not grabber.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsMovable:
            return
        boxes = [item for item in scene.selectedItems() if isinstance(item, VariableItem)]
        if grabber not in boxes:
            boxes.append(grabber)
        self.drag_layer.begin(boxes)

    def mouseReleaseEvent(self, event) -> None:
        self._held = event.buttons() != Qt.MouseButton.NoButton
        self.drag_layer.end()
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else self.tool.cursor)
            event.accept()
            return
        if self.editor is not None and self.tool.finish(event):
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self.editor is not None and isinstance(self.tool, SelectTool):
            self.tool.after_release()

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.editor is None:
            return super().mouseDoubleClickEvent(event)
        under = self.box_at(event.position().toPoint())
        if under is not None:
            self.start_rename(under.object_id)
        elif not isinstance(self.itemAt(event.position().toPoint()), LinkItem):
            self.start_rename(self.editor.add_variable_at(self.mapToScene(event.position().toPoint())))
        event.accept()

    # Keys: the page's commands -----------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._rename is not None:
            return super().keyPressEvent(event)
        key, mods, text = event.key(), event.modifiers(), event.text()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                             | Qt.KeyboardModifier.MetaModifier))
        page = self.page
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key == Qt.Key.Key_Escape:
            self.cancel()
            self.scene().clearSelection()
            self.set_tool("select")
        elif page is None or self.editor is None or not plain:
            return super().keyPressEvent(event)
        elif key in TOOL_KEYS and TOOL_KEYS[key] in self.tools:
            self.set_tool(TOOL_KEYS[key])
        elif text in TEXT_COMMANDS and page.supports(TEXT_COMMANDS[text][0]):
            page.run(*TEXT_COMMANDS[text])
        elif key in KEY_COMMANDS and page.supports(KEY_COMMANDS[key]):
            page.run(KEY_COMMANDS[key])
        elif key in ARROWS and page.supports("nudge"):
            step = 1 if mods & Qt.KeyboardModifier.ShiftModifier else 10
            dx, dy = ARROWS[key]
            page.run("nudge", dx * step, dy * step)
        else:
            return super().keyPressEvent(event)
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(self.tool.cursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def event(self, event) -> bool:
        # '?', '+' and Delete must reach the canvas even where a window shortcut would claim
        # them; Ctrl shortcuts (zoom, text size, undo) are left to the window's actions.
        if event.type() == QEvent.Type.ShortcutOverride and self._rename is None:
            plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if plain and (event.text() in TEXT_COMMANDS or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)):
                event.accept()
                return True
        return super().event(event)

    # In-place rename ---------------------------------------------------------------------
    def start_rename(self, object_id: str | None) -> None:
        scene = self.diagram()
        item = scene.variable_items.get(object_id) or scene.link_items.get(object_id)
        text = item.editable_text if isinstance(item, (Box, Arrow)) else None
        if text is None:
            return
        self.finish_rename(commit=True)
        editor = QLineEdit(self.viewport())
        editor.setAccessibleName("Name")
        editor.setText(text)
        editor.selectAll()
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        editor.setGeometry(rect.x() - 20, rect.center().y() - 14, max(rect.width() + 40, 180), 28)
        editor.returnPressed.connect(lambda: self.finish_rename(commit=True))
        editor.installEventFilter(self)
        editor.show()
        editor.setFocus()
        self._rename, self._renaming = editor, object_id

    def eventFilter(self, watched, event) -> bool:
        if watched is self._rename and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.finish_rename(commit=False)
            return True
        if watched is self._rename and event.type() == QEvent.Type.FocusOut:
            self.finish_rename(commit=True)
        return super().eventFilter(watched, event)

    def finish_rename(self, commit: bool) -> None:
        editor, object_id = self._rename, self._renaming
        if editor is None:
            return
        self._rename, self._renaming = None, None
        text = editor.text()
        editor.removeEventFilter(self)
        editor.hide()
        editor.deleteLater()
        scene = self.diagram()
        if commit and object_id and self.editor and (object_id in scene.variable_items or object_id in scene.link_items):
            self.editor.rename(object_id, text)
        self.setFocus()

    # Bend handle -----------------------------------------------------------------------
    def selected_link(self) -> LinkItem | None:
        try:
            chosen = [i for i in self.scene().selectedItems() if isinstance(i, LinkItem)]
        except RuntimeError:
            return None
        return chosen[0] if len(chosen) == 1 and chosen[0].source is not chosen[0].target else None

    def place_handle(self) -> None:
        """The bend handle sits on the curve a third of the way along, clear of the delay
        mark and the conflict ring at the middle and of the polarity sign by the head."""
        link = self.selected_link() if self.bends else None
        try:
            self.bend_handle.setVisible(link is not None)
            if link is not None:
                self.bend_handle.setPos(link.handle_point())
        except RuntimeError:  # the scene is gone (window closing)
            pass
