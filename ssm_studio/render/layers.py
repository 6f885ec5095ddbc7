"""Which perspectives are shown, how strongly, and which one receives new work.

View state, not document state: hiding a perspective is not an edit and is not undone.
One LayerState drives every canvas of a window, so the panel controls them all alike.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

COMMON = "common"  # the common-ground layer's key


class LayerState(QObject):
    changed = Signal()
    active_changed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hidden: set[str] = set()
        self._opacity: dict[str, float] = {}
        self._solo: str | None = None
        self._active: str | None = None
        self._known: set[str] = {COMMON}

    # Visibility ---------------------------------------------------------------------------
    def is_visible(self, layer: str | None) -> bool:
        key = layer or COMMON
        if self._solo is not None:
            return key == self._solo or key == COMMON
        return key not in self._hidden

    def set_visible(self, layer: str | None, visible: bool) -> None:
        key = layer or COMMON
        if visible:
            self._hidden.discard(key)
        else:
            self._hidden.add(key)
        self.changed.emit()

    def show_only(self, layers: set[str]) -> None:
        """Used by screenshots and presentations: everything else hidden."""
        self._hidden = {key for key in self._known if key not in layers and key != COMMON}
        self._solo = None
        self.changed.emit()

    def know(self, layers: list[str]) -> None:
        """The perspectives that exist now (show_only hides the ones not named)."""
        self._known = set(layers) | {COMMON}

    @property
    def solo(self) -> str | None:
        return self._solo

    def set_solo(self, layer: str | None) -> None:
        self._solo = layer
        self.changed.emit()

    # Opacity ------------------------------------------------------------------------------
    def opacity(self, layer: str | None) -> float:
        return self._opacity.get(layer or COMMON, 1.0)

    def set_opacity(self, layer: str | None, value: float) -> None:
        self._opacity[layer or COMMON] = max(0.05, min(1.0, value))
        self.changed.emit()

    # The active perspective receives new claims and annotations -------------------------
    @property
    def active(self) -> str | None:
        return self._active

    def set_active(self, perspective: str | None) -> None:
        if perspective != self._active:
            self._active = perspective
            self.active_changed.emit(perspective)
