"""What a canvas tool may ask of the view it works in.

Tools depend on this small interface, not on the view class, so that the view imports the
tools and nothing imports back (an import-linter contract keeps app free of circles).
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QPoint, QPointF, SignalInstance
from PySide6.QtWidgets import (
    QGraphicsEllipseItem,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QWidget,
)


class ToolHost(Protocol):
    editor: Any  # the page's editor (cld_editor, rp_editor, cm_editor): what a gesture pushes through
    page: Any  # the page that owns the view, for resync after a cancelled gesture
    message: SignalInstance  # a line for the status bar
    bend_handle: QGraphicsEllipseItem

    def scene(self) -> QGraphicsScene: ...
    def viewport(self) -> QWidget: ...
    def mapToScene(self, point: QPoint) -> QPointF: ...
    def items(self, point: QPoint) -> list[QGraphicsItem]: ...
    def setDragMode(self, mode: QGraphicsView.DragMode) -> None: ...
    def box_at(self, pos: QPoint) -> Any: ...
    def selected_link(self) -> Any: ...
    def place_handle(self) -> None: ...
    def start_rename(self, object_id: str | None) -> None: ...
    def update_scene_rect(self) -> None: ...
