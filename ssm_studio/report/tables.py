"""A perspective's line as a small drawing for the pack's tables (colour and dash)."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line
from reportlab.lib import colors

from ..model import Perspective
from ..model.perspective import DASHES
from .fonts import SANS


def swatch(perspective: Perspective, width: float = 34, height: float = 8) -> Drawing:
    """The line users see for this perspective: colour and dash, so greyscale still differs."""
    drawing = Drawing(width, height)
    # Else reportlab starts each drawing in Helvetica, a font the pack does not embed.
    drawing.__dict__["fontName"] = SANS
    line = Line(1, height / 2, width - 1, height / 2, strokeColor=colors.HexColor(perspective.colour),
                strokeWidth=2.2)
    pattern = DASHES.get(perspective.dash)
    if pattern:
        line.strokeDashArray = [v * 2.2 for v in pattern]
    drawing.add(line)
    return drawing
