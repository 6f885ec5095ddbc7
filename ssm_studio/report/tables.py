"""Tables of the pack; long ones split across pages with their header row repeated."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table

from ..model import Perspective
from ..model.perspective import DASHES
from .fonts import SANS
from .styles import CELL, CELL_BOLD, grid


def p(text: str, style=CELL) -> Paragraph:
    return Paragraph(escape(text or "").replace("\n", "<br/>"), style)


def table(header: list[str], rows: list[list], widths: list[float], total: float) -> Table:
    """A grid whose columns share ``total`` width in the given proportions."""
    scale = total / sum(widths)
    data = [[p(h, CELL_BOLD) for h in header]]
    data += [[cell if not isinstance(cell, str) else p(cell) for cell in row] for row in rows]
    result = Table(data, colWidths=[w * scale for w in widths], repeatRows=1, splitByRow=1)
    result.setStyle(grid())
    return result


ROWS_PER_TABLE = 100


def long_table(header: list[str], rows: list[list], widths: list[float], total: float) -> list[Table]:
    """Very long tables as a run of shorter ones (each with its header): reportlab lays a
    single table out in time that grows faster than its rows."""
    if not rows:
        return [table(header, rows, widths, total)]
    return [table(header, rows[i:i + ROWS_PER_TABLE], widths, total) for i in range(0, len(rows), ROWS_PER_TABLE)]


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
