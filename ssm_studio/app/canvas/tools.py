"""Canvas tools: one object per interaction, each with start, move, finish and cancel (Esc).

The view hands mouse events to the current tool; a tool returns True when it used the
event (otherwise the view's default behaviour applies: rubber-band selection, dragging
items). A tool pushes at most one edit per gesture, when the gesture finishes, as
orange-canvas-core's interactions do.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem, QGraphicsView

from ...render.geometry import curvature_from_handle
from .tool_host import ToolHost


class Tool:
    key = ""  # "select", "add", "link", "pen"
    cursor = Qt.CursorShape.CrossCursor
    rubber_band = False
    hint = ""

    def __init__(self, view: ToolHost) -> None:
        self.view = view

    @property
    def editor(self):
        return self.view.editor

    def activate(self) -> None:
        self.view.setDragMode(QGraphicsView.DragMode.RubberBandDrag if self.rubber_band
                              else QGraphicsView.DragMode.NoDrag)
        self.view.viewport().setCursor(self.cursor)

    def start(self, event) -> bool:
        return False

    def move(self, event) -> bool:
        return False

    def finish(self, event) -> bool:
        return False

    def cancel(self) -> None:
        """Esc: drop whatever the gesture drew; nothing reaches the document."""


class SelectTool(Tool):
    """Choose, drag, rubber-band select, and bend a chosen link by its handle."""

    key = "select"
    cursor = Qt.CursorShape.ArrowCursor
    rubber_band = True
    hint = "Select: drag to move, double-click to add or rename"

    def __init__(self, view: ToolHost) -> None:
        super().__init__(view)
        self._bending = None

    def start(self, event) -> bool:
        handle = self.view.bend_handle
        if handle.isVisible() and handle in self.view.items(event.position().toPoint()):
            self._bending = self.view.selected_link()
            return self._bending is not None
        return False

    def move(self, event) -> bool:
        link = self._bending
        if link is None:
            return False
        at = self.view.mapToScene(event.position().toPoint())
        link.curvature = curvature_from_handle(link.source.pos(), link.target.pos(), at) - link.offset
        link.update_geometry()
        self.view.place_handle()
        return True

    def finish(self, event) -> bool:
        link, self._bending = self._bending, None
        if link is not None:
            self.editor.set_curvature(link.link_id, link.curvature)
            return True
        return False

    def after_release(self) -> None:
        """After Qt finished a drag of items: one undo step for what it moved. Qt drags the
        selection, so the selected boxes are handed over; nothing else is compared."""
        if self.editor.commit_moves(self.editor.selected_variables()):
            self.view.update_scene_rect()

    def cancel(self) -> None:
        link, self._bending = self._bending, None
        if link is not None:
            self.view.page.resync()  # put the link back as the document has it


class AddTool(Tool):
    """Click on empty canvas: a new box (variable, activity or text), named in place."""

    key = "add"

    def __init__(self, view: ToolHost, hint: str) -> None:
        super().__init__(view)
        self.hint = hint

    def start(self, event) -> bool:
        if self.view.box_at(event.position().toPoint()) is not None:
            return False
        new_id = self.editor.add_variable_at(self.view.mapToScene(event.position().toPoint()))
        if new_id:
            self.view.start_rename(new_id)
        return True


class PlaceTool(Tool):
    """Click to put something there: a bubble for the figure clicked, a box, the figure
    chosen in the palette. ``place(at, under)`` makes it (``under``: the box clicked, if any)."""

    def __init__(self, view: ToolHost, key: str, hint: str, place) -> None:
        super().__init__(view)
        self.key, self.hint, self.place = key, hint, place

    def start(self, event) -> bool:
        under = self.view.box_at(event.position().toPoint())
        self.place(self.view.mapToScene(event.position().toPoint()), under.object_id if under else None)
        return True


class ConnectTool(Tool):
    """Drag from one box to another: a causal claim, a dependency or a connector."""

    key = "link"

    def __init__(self, view: ToolHost, hint: str) -> None:
        super().__init__(view)
        self.hint = hint
        self._from = None
        self._line: QGraphicsLineItem | None = None

    def start(self, event) -> bool:
        under = self.view.box_at(event.position().toPoint())
        if under is None:
            return False
        self._from = under
        self._line = QGraphicsLineItem(QLineF(under.pos(), under.pos()))
        self._line.setPen(QPen(QColor("#555555"), 1.5, Qt.PenStyle.DashLine))
        self.view.scene().addItem(self._line)
        return True

    def move(self, event) -> bool:
        if self._line is None:
            return False
        self._line.setLine(QLineF(self._from.pos(), self.view.mapToScene(event.position().toPoint())))
        return True

    def finish(self, event) -> bool:
        if self._line is None:
            return False
        source = self._from
        target = self.view.box_at(event.position().toPoint())
        self.cancel()
        if target is not None and self.editor.link(source.object_id, target.object_id) is None:
            self.view.message.emit(self.editor.message)
        return True

    def cancel(self) -> None:
        if self._line is not None:
            self.view.scene().removeItem(self._line)
        self._line, self._from = None, None


class PenTool(Tool):
    """Free-hand ink on the rich picture: one stroke, one undo step."""

    key = "pen"
    hint = "Pen: draw with the mouse; each stroke is one step to undo"

    def __init__(self, view: ToolHost) -> None:
        super().__init__(view)
        self._points: list[QPointF] | None = None
        self._ink: QGraphicsPathItem | None = None

    def start(self, event) -> bool:
        start = self.view.mapToScene(event.position().toPoint())
        self._points = [start]
        self._ink = self.view.scene().addPath(QPainterPath(start), QPen(QColor(self.editor.pen_colour),
                                                                          self.editor.pen_width))
        return True

    def move(self, event) -> bool:
        if self._points is None:
            return False
        self._points.append(self.view.mapToScene(event.position().toPoint()))
        path = QPainterPath(self._points[0])
        for point in self._points[1:]:
            path.lineTo(point)
        self._ink.setPath(path)
        return True

    def finish(self, event) -> bool:
        if self._points is None:
            return False
        points = self._points
        self.cancel()
        if len(points) > 1:
            self.editor.add_stroke(points)
        return True

    def cancel(self) -> None:
        if self._ink is not None:
            self.view.scene().removeItem(self._ink)
        self._points, self._ink = None, None
