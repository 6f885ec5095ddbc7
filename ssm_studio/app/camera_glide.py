"""Between two steps on the same canvas, the view glides to the new area instead of jumping.

A room follows a move from the whole map to one loop far better when it sees where the loop
sits; a jump loses them. The glide is short (a fifth of a second), eases out, and gives way
at once: a key pressed during it finishes it where it was going, so a clicker is never
slowed. Steps on another page, screenshots and handouts, and diagrams too large to draw in a
glide's frame are shown at once.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve, QObject, QPointF, QVariantAnimation
from PySide6.QtGui import QTransform

from ..render.diagram_scene import DiagramScene

GLIDE_MS = 220
# A diagram of more boxes and claims than this takes longer to draw than a glide's frame
# (1,000 variables and 3,000 claims: 60-80 ms a frame, three jerks in a fifth of a second,
# and the room waits a quarter of a second longer): it jumps, as a slide would.
GLIDE_MAX_ITEMS = 800


class CameraGlide(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._animation = QVariantAnimation(self)
        self._animation.setDuration(GLIDE_MS)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._step)
        self._animation.finished.connect(self._land)
        self._view = None
        self._from: tuple[float, QPointF] = (1.0, QPointF())
        self._to: tuple[QTransform, QPointF] = (QTransform(), QPointF())

    @property
    def running(self) -> bool:
        return self._view is not None

    def glide(self, view, start: QTransform, start_centre: QPointF) -> None:
        """The view is already where it must end up; go back to ``start`` and travel there."""
        self.finish()
        scene = view.scene()
        if isinstance(scene, DiagramScene) and len(scene.variable_items) + len(scene.link_items) > GLIDE_MAX_ITEMS:
            return
        end, end_centre = view.transform(), centre_of(view)
        s0, s1 = start.m11(), end.m11()
        travel = math.hypot(end_centre.x() - start_centre.x(), end_centre.y() - start_centre.y()) * s1
        if s0 <= 0 or s1 <= 0 or (abs(math.log(s1 / s0)) < 0.02 and travel < 4):
            return  # nowhere to go: a glide would only cost frames
        self._view, self._from, self._to = view, (s0, QPointF(start_centre)), (QTransform(end), end_centre)
        self._step(0.0)
        self._animation.start()

    def finish(self) -> None:
        """Land at once (a key pressed mid-glide, or presenting stopped)."""
        if self._view is not None:
            self._animation.stop()
            self._land()

    def _step(self, value) -> None:
        view = self._view
        if view is None:
            return
        e = float(value)
        (s0, c0), (end, c1) = self._from, self._to
        s = math.exp(math.log(s0) + (math.log(end.m11()) - math.log(s0)) * e)
        view.setTransform(QTransform.fromScale(s, s))
        view.centerOn(c0 + (c1 - c0) * e)

    def _land(self) -> None:
        view, self._view = self._view, None
        if view is None:
            return
        end, centre = self._to
        view.setTransform(end)
        view.centerOn(centre)


def centre_of(view) -> QPointF:
    return view.mapToScene(view.viewport().rect().center())
