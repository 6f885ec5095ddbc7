"""The causal-loop canvas: zoom, pan, tools (select, variable, link), keys, in-place rename."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QLineF, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsLineItem, QGraphicsView, QLineEdit

from ..render.cld_items import LinkItem, VariableItem
from ..render.cld_scene import CldScene
from ..render.geometry import curvature_from_handle
from ..render.rp_items import ConnectorItem, RpItem
from .cld_editor import CldEditor

ZOOM_STEP = 1.2
MIN_SCALE, MAX_SCALE = 0.05, 8.0


class CldView(QGraphicsView):
    tool_changed = Signal(str)
    message = Signal(str)
    zoomed = Signal()

    def __init__(self, scene: CldScene, editor: CldEditor | None, parent=None) -> None:
        super().__init__(scene, parent)
        self.editor = editor
        self.tool = "select"
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Causal-loop diagram canvas")
        self.setAccessibleDescription("Variables and the causal claims of the visible perspectives")
        self._pan_from: QPointF | None = None
        self._space = False
        self._link_from: VariableItem | None = None
        self._rubber: QGraphicsLineItem | None = None
        self._rename: QLineEdit | None = None
        self._renaming: str | None = None
        self._bend: LinkItem | None = None
        self._ink: list | None = None  # points of a pen stroke being drawn
        self._ink_item = None
        self._handle = QGraphicsEllipseItem(-6, -6, 12, 12)
        self._handle.setBrush(QColor("#FFFFFF"))
        self._handle.setPen(QPen(QColor("#1F6FEB"), 2))
        self._handle.setZValue(50)
        self._handle.setVisible(False)
        self._handle.setToolTip("Drag to bend the link")
        scene.addItem(self._handle)
        scene.selectionChanged.connect(self._place_handle)
        self._update_scene_rect()

    def _update_scene_rect(self) -> None:
        # An explicit rect: Qt would otherwise recompute itemsBoundingRect on every change.
        rect = self.scene().diagram_rect()
        self.setSceneRect(rect.adjusted(-2000, -2000, 2000, 2000))

    # Dropping stencils from the palette --------------------------------------------------
    STENCIL_MIME = "application/x-ssm-studio-stencil"

    def dragEnterEvent(self, event) -> None:
        if event.mimeData().hasFormat(self.STENCIL_MIME) and hasattr(self.editor, "add_stencil"):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event) -> None:
        if event.mimeData().hasFormat(self.STENCIL_MIME) and hasattr(self.editor, "add_stencil"):
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event) -> None:
        data = event.mimeData()
        if data.hasFormat(self.STENCIL_MIME) and hasattr(self.editor, "add_stencil"):
            name = bytes(data.data(self.STENCIL_MIME)).decode()
            self.editor.add_stencil(name, self.mapToScene(event.position().toPoint()))
            event.acceptProposedAction()
            return
        super().dropEvent(event)

    # Tools -----------------------------------------------------------------------------
    def set_tool(self, tool: str) -> None:
        self.cancel()
        self.tool = tool
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag if tool == "select"
                         else QGraphicsView.DragMode.NoDrag)
        self.viewport().setCursor(Qt.CursorShape.CrossCursor if tool != "select" else Qt.CursorShape.ArrowCursor)
        self.tool_changed.emit(tool)

    def cancel(self) -> None:
        if self._rubber is not None:
            self.scene().removeItem(self._rubber)
            self._rubber = None
        self._link_from = None
        self.finish_rename(commit=False)

    def _variable_at(self, pos) -> VariableItem | RpItem | None:
        for item in self.items(pos):
            if isinstance(item, VariableItem) or (isinstance(item, RpItem) and not isinstance(item, ConnectorItem)):
                return item
        return None

    # Zoom and pan ------------------------------------------------------------------------
    def zoom_by(self, factor: float) -> None:
        scale = self.transform().m11()
        factor = max(MIN_SCALE / scale, min(MAX_SCALE / scale, factor))
        self.scale(factor, factor)
        self.zoomed.emit()

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def zoom_reset(self) -> None:
        self.resetTransform()
        self.zoomed.emit()

    def fit(self) -> None:
        self._update_scene_rect()
        self.fitInView(self.scene().diagram_rect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.transform().m11() > 1.5:
            self.resetTransform()
            self.scale(1.5, 1.5)
            self.centerOn(self.scene().diagram_rect().center())
        self.zoomed.emit()

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(ZOOM_STEP ** steps)
        event.accept()

    # Mouse -------------------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        self.finish_rename(commit=True)
        if event.button() == Qt.MouseButton.MiddleButton or (
                self._space and event.button() == Qt.MouseButton.LeftButton):
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            if self._handle.isVisible() and self._handle in self.items(event.position().toPoint()):
                self._bend = self._selected_link()
                event.accept()
                return
            under = self._variable_at(event.position().toPoint())
            if self.tool == "pen" and self.editor and hasattr(self.editor, "add_stroke"):
                start = self.mapToScene(event.position().toPoint())
                self._ink = [start]
                self._ink_item = self.scene().addPath(QPainterPath(start), QPen(QColor("#222222"), 2.5))
                event.accept()
                return
            if self.tool == "link" and under is not None and self.editor:
                self._link_from = under
                self._rubber = QGraphicsLineItem(QLineF(under.pos(), under.pos()))
                self._rubber.setPen(QPen(QColor("#555555"), 1.5, Qt.PenStyle.DashLine))
                self.scene().addItem(self._rubber)
                event.accept()
                return
            if self.tool == "variable" and under is None and self.editor:
                vid = self.editor.add_variable_at(self.mapToScene(event.position().toPoint()))
                self.start_rename(vid)
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
        if self._ink is not None:
            self._ink.append(self.mapToScene(event.position().toPoint()))
            path = QPainterPath(self._ink[0])
            for point in self._ink[1:]:
                path.lineTo(point)
            self._ink_item.setPath(path)
            event.accept()
            return
        if self._bend is not None:
            p = self.mapToScene(event.position().toPoint())
            self._bend.curvature = curvature_from_handle(self._bend.source.pos(), self._bend.target.pos(), p) - self._bend.offset
            self._bend.update_geometry()
            self._handle.setPos(self._bend.midpoint())
            event.accept()
            return
        if self._rubber is not None and self._link_from is not None:
            self._rubber.setLine(QLineF(self._link_from.pos(), self.mapToScene(event.position().toPoint())))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        if self._ink is not None:
            points, self._ink = self._ink, None
            self.scene().removeItem(self._ink_item)
            self._ink_item = None
            if len(points) > 1:
                self.editor.add_stroke(points)  # one undo step per stroke
            event.accept()
            return
        if self._bend is not None:
            link, self._bend = self._bend, None
            if self.editor:
                self.editor.set_curvature(link.link_id, link.curvature)
            event.accept()
            return
        if self._link_from is not None:
            target = self._variable_at(event.position().toPoint())
            source = self._link_from
            self.cancel()
            if target is not None and self.editor:
                if self.editor.link(source.variable_id, target.variable_id) is None:
                    self.message.emit(self.editor.message)
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self.editor and self.editor.commit_moves():
            self._update_scene_rect()

    def mouseDoubleClickEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self.editor:
            return super().mouseDoubleClickEvent(event)
        under = self._variable_at(event.position().toPoint())
        if under is not None:
            self.start_rename(under.variable_id)
        elif not isinstance(self.itemAt(event.position().toPoint()), LinkItem):
            vid = self.editor.add_variable_at(self.mapToScene(event.position().toPoint()))
            self.start_rename(vid)
        event.accept()

    # Keys --------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self._rename is not None:
            return super().keyPressEvent(event)
        key, mods, text = event.key(), event.modifiers(), event.text()
        plain = not (mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                             | Qt.KeyboardModifier.MetaModifier))
        editor = self.editor
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif key == Qt.Key.Key_Escape:
            self.cancel()
            self.scene().clearSelection()
            self.set_tool("select")
        elif editor is None:
            return super().keyPressEvent(event)
        elif plain and text in ("+", "-", "\u2212", "?", "="):
            editor.set_polarity({"=": "+", "\u2212": "-"}.get(text, text))
        elif plain and key == Qt.Key.Key_D:
            editor.toggle_delay()
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            editor.delete_selection()
        elif key == Qt.Key.Key_F2:
            chosen = editor.selected_variables() or editor.selected_links()
            if chosen:
                self.start_rename(chosen[0])
        elif plain and key in (Qt.Key.Key_N, Qt.Key.Key_Insert):
            at = self.mapToScene(self.mapFromGlobal(self.cursor().pos()))
            if not self.viewport().rect().contains(self.mapFromScene(at)):
                at = self.mapToScene(self.viewport().rect().center())
            self.start_rename(editor.add_variable_at(at))
        elif plain and key == Qt.Key.Key_L:
            self.set_tool("link")
        elif plain and key == Qt.Key.Key_V:
            self.set_tool("select")
        elif plain and key == Qt.Key.Key_A:
            self.set_tool("variable")
        elif plain and key == Qt.Key.Key_P and hasattr(editor, "add_stroke"):
            self.set_tool("pen")
        elif plain and text in ("[", "]") and hasattr(editor, "rotate"):
            editor.rotate(-15 if text == "[" else 15)
        elif plain and text in ("<", ">") and hasattr(editor, "resize"):
            editor.resize(1 / 1.1 if text == "<" else 1.1)
        elif plain and key == Qt.Key.Key_K:
            if editor.link_selected() is None:
                self.message.emit(editor.message)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down):
            step = 1 if mods & Qt.KeyboardModifier.ShiftModifier else 10
            dx = {Qt.Key.Key_Left: -step, Qt.Key.Key_Right: step}.get(key, 0)
            dy = {Qt.Key.Key_Up: -step, Qt.Key.Key_Down: step}.get(key, 0)
            editor.nudge(dx, dy)
        else:
            return super().keyPressEvent(event)
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)

    def event(self, event) -> bool:
        # Tab moves focus between widgets, but '?' and '+' must reach the canvas even when a
        # shortcut elsewhere would claim them.
        if event.type() == QEvent.Type.ShortcutOverride and self._rename is None:
            if event.text() in ("+", "-", "?", "=") or event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                event.accept()
                return True
        return super().event(event)

    # In-place rename ---------------------------------------------------------------------
    def start_rename(self, variable_id: str) -> None:
        item = self.scene().variable_items.get(variable_id) or self.scene().link_items.get(variable_id)
        if item is not None and not hasattr(item, "name"):
            return
        if item is None:
            return
        self.finish_rename(commit=True)
        editor = QLineEdit(self.viewport())
        editor.setAccessibleName("Variable name")
        editor.setText(item.name)
        editor.selectAll()
        rect = self.mapFromScene(item.sceneBoundingRect()).boundingRect()
        editor.setGeometry(rect.x() - 20, rect.center().y() - 14, max(rect.width() + 40, 180), 28)
        editor.returnPressed.connect(lambda: self.finish_rename(commit=True))
        editor.installEventFilter(self)
        editor.show()
        editor.setFocus()
        self._rename, self._renaming = editor, variable_id

    def eventFilter(self, watched, event) -> bool:
        if watched is self._rename and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape:
            self.finish_rename(commit=False)
            return True
        if watched is self._rename and event.type() == QEvent.Type.FocusOut:
            self.finish_rename(commit=True)
        return super().eventFilter(watched, event)

    def finish_rename(self, commit: bool) -> None:
        editor, vid = self._rename, self._renaming
        if editor is None:
            return
        self._rename, self._renaming = None, None
        text = editor.text()
        editor.removeEventFilter(self)
        editor.hide()
        editor.deleteLater()
        scene = self.scene()
        if commit and vid and self.editor and (vid in scene.variable_items or vid in scene.link_items):
            self.editor.rename(vid, text)
        self.setFocus()

    # Bend handle -----------------------------------------------------------------------
    def _selected_link(self) -> LinkItem | None:
        try:
            chosen = [i for i in self.scene().selectedItems() if isinstance(i, LinkItem)]
        except RuntimeError:
            return None
        return chosen[0] if len(chosen) == 1 and chosen[0].source is not chosen[0].target else None

    def _place_handle(self) -> None:
        link = self._selected_link()
        bends = self.editor is not None and getattr(self.editor, "bends", True)
        try:
            self._handle.setVisible(link is not None and bends)
            if link is not None:
                self._handle.setPos(link.midpoint())
        except RuntimeError:  # the scene is gone (window closing)
            pass
