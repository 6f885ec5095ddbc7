"""How perspectives, variables and links look: colours, dash patterns, fonts, contrast."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen


@dataclass
class CanvasStyle:
    """One look for the whole canvas; the high-contrast variant is for projectors."""

    background: str = "#FFFFFF"
    text: str = "#1A1A1A"
    variable_fill: str = "#F7F7F2"
    variable_border: str = "#8A8A80"
    selection: str = "#1F6FEB"
    dimmed_opacity: float = 0.18
    link_width: float = 1.8
    font_family: str = "DejaVu Sans"
    font_size: float = 11.0
    text_scale: float = 1.0
    contrast: bool = False  # the projector look: pages other than the canvas follow it too

    def font(self, size: float | None = None, bold: bool = False) -> QFont:
        font = QFont(self.font_family)
        font.setPointSizeF((size or self.font_size) * self.text_scale)
        font.setBold(bold)
        return font


def high_contrast(scale: float = 1.4) -> CanvasStyle:
    return CanvasStyle(background="#FFFFFF", text="#000000", variable_fill="#FFFFFF",
                       variable_border="#000000", link_width=3.2, text_scale=scale,
                       dimmed_opacity=0.12, contrast=True)


def perspective_pen(colour: str, dash: str, width: float) -> QPen:
    """The pen of a perspective's claims; made once per look and shared (QPen is implicitly
    shared, and every painter copies it before changing it)."""
    key = (colour, dash, width)
    pen = _PENS.get(key)
    if pen is None:
        pen = _PENS[key] = _make_pen(colour, dash, width)
    return pen


_PENS: dict[tuple[str, str, float], QPen] = {}


def _make_pen(colour: str, dash: str, width: float) -> QPen:
    pen = QPen(QColor(colour), width)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    from ..model.perspective import DASHES  # here, so the window can show before the model loads

    pattern = DASHES.get(dash)
    if pattern:
        pen.setDashPattern(pattern)
    return pen
