"""While boxes are dragged, the rest of the picture is painted once and copied on each frame.

A drag moves a few boxes, yet each of their links' old and new bounds must be repainted, and
on a map whose links cross it those bounds are most of the view: every frame painted
hundreds of links that had not moved (half a second a frame at 1,000 variables). Here the
first move of a drag paints the view once without what moves (the boxes dragged and their
links, made transparent for that one paint), and each frame after copies that picture and
paints only the moving items on top. Anything that changes the picture under them (a
scroll, a zoom, a resize) drops the copy, and painting goes on as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsItem, QStyle, QStyleOptionGraphicsItem

from ...render.diagram_scene import DiagramScene


class DragLayer:
    def __init__(self, view) -> None:
        self.view = view
        self.picture: QPixmap | None = None
        self.moving: list[QGraphicsItem] = []
        self._key: tuple | None = None

    @property
    def active(self) -> bool:
        return self.picture is not None

    def _state(self) -> tuple:
        view = self.view
        t = view.transform()
        return (t.m11(), t.m12(), t.m21(), t.m22(), t.dx(), t.dy(), view.horizontalScrollBar().value(),
                view.verticalScrollBar().value(), view.viewport().width(), view.viewport().height())

    def begin(self, boxes: list) -> None:
        """Paint everything but ``boxes`` and their links, once."""
        view = self.view
        links = {link for box in boxes for link in getattr(box, "links", [])}
        moving = [*boxes, *links]
        saved = [(item, item.opacity()) for item in moving]
        scene = view.scene()
        # The long-link layer reads the opacities it has noted: it is told of these two changes.
        layer = scene.long_links if isinstance(scene, DiagramScene) else None
        for item, _opacity in saved:
            item.setOpacity(0.0)  # Qt skips a transparent item, and keeps its grab and selection
        if layer is not None:
            layer.check_states()
        viewport = view.viewport()
        ratio = viewport.devicePixelRatioF()
        picture = QPixmap(round(viewport.width() * ratio), round(viewport.height() * ratio))
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.white)
        painter = QPainter(picture)
        painter.setRenderHints(view.renderHints())
        view.render(painter, QRectF(0, 0, viewport.width(), viewport.height()), viewport.rect())
        painter.end()
        for item, opacity in saved:
            item.setOpacity(opacity)
        if layer is not None:
            layer.check_states()
        self.picture = picture
        self.moving = sorted(moving, key=lambda item: item.zValue())
        self._key = self._state()

    def end(self) -> None:
        if self.picture is not None:
            self.picture = None
            self.moving = []
            self.view.viewport().update()

    def paint(self, event) -> bool:
        """Paint the frame from the picture and the moving items; False if the picture no
        longer fits the view (the view then paints as usual)."""
        if self.picture is None:
            return False
        if self._state() != self._key:
            self.picture, self.moving = None, []
            return False
        view = self.view
        painter = QPainter(view.viewport())
        painter.drawPixmap(0, 0, self.picture)
        painter.setRenderHints(view.renderHints())
        to_view = view.viewportTransform()
        exposed = view.mapToScene(event.rect()).boundingRect()
        for item in self.moving:
            if not item.isVisible() or item.scene() is None:
                continue
            bounds = item.boundingRect()
            shown = item.mapRectFromScene(exposed) & bounds
            if shown.isEmpty():
                continue
            painter.save()
            painter.setOpacity(item.effectiveOpacity())
            painter.setTransform(item.sceneTransform() * to_view)
            option = QStyleOptionGraphicsItem()
            option.exposedRect = shown
            if item.isSelected():
                option.state |= QStyle.StateFlag.State_Selected
            item.paint(painter, option, view.viewport())
            painter.restore()
        painter.end()
        return True
