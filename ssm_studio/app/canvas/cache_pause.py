"""The items' pictures: a pool big enough to hold them, and set aside while the zoom changes.

Boxes, links and labels keep a picture of themselves (DeviceCoordinateCache), so panning
copies pictures rather than drawing curves again. Qt's default pool of 10 MB held a tenth of
one 1600×1000 view's pictures, so every frame drew them all again; a view of a workshop map
holds 40–170 MB (long links have large pictures). Past the limit the least recently used are
dropped and drawn again when next seen.

A zoom makes every picture stale: each item would draw into a new picture and then copy it,
about twice the cost of drawing it straight (a wheel step on a 1,000-variable view: 48 ms
against 22). While the user zooms, items draw straight; a moment after the last step their
pictures come back, and the next frame makes them at the new size.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPixmapCache
from PySide6.QtWidgets import QGraphicsItem

ITEM_CACHE_KB = 192 * 1024

NO_CACHE = QGraphicsItem.CacheMode.NoCache
RESUME_AFTER_MS = 350


def reserve_item_cache() -> None:
    if QPixmapCache.cacheLimit() < ITEM_CACHE_KB:
        QPixmapCache.setCacheLimit(ITEM_CACHE_KB)


class CachePause(QObject):
    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self._paused: list[tuple[QGraphicsItem, QGraphicsItem.CacheMode]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(RESUME_AFTER_MS)
        self._timer.timeout.connect(self.resume)

    @property
    def paused(self) -> bool:
        return bool(self._paused)

    def pause(self) -> None:
        self._timer.start()
        if self._paused:
            return
        scene = self.view.scene()
        if scene is None:
            return
        for item in scene.items():
            mode = item.cacheMode()
            if mode != NO_CACHE:
                self._paused.append((item, mode))
                item.setCacheMode(NO_CACHE)

    def resume(self) -> None:
        paused, self._paused = self._paused, []
        for item, mode in paused:
            try:
                item.setCacheMode(mode)
            except RuntimeError:  # the item went with an edit or a closed scene meanwhile
                continue
