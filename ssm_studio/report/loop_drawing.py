"""One loop drawn on its own for print: its variables round a circle, each link once per
perspective that claims it, in that perspective's colour and dash, with its sign.

The simplified picture the pack uses where the whole map would have to shrink: only the
variables and links that matter to the section, with labels at 9 pt.
"""

from __future__ import annotations

import math
import textwrap

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors

from ..model.perspective import DASHES
from .fonts import BOLD, SANS

LABEL_PT = 9.0
SIGN_PT = 11.0
BOX_W, LINE_H = 120.0, 11.0


def loop_drawing(loop, names: dict[str, str], perspectives: dict, width: float = 420.0,
                 text_scale: float = 1.0) -> Drawing:
    """``text_scale`` draws the words (and the boxes around them) larger, for a small page."""
    count = len(loop.variables)
    box_w, line_h, label_pt = BOX_W * text_scale, LINE_H * text_scale, LABEL_PT * text_scale
    width = max(width, 2 * box_w + 80)
    # Round enough for the boxes not to touch, and no rounder: two loops share a page.
    radius = max(70.0, min(width / 2 - box_w / 2 - 6, 22.0 * count * text_scale))
    height = 2 * radius + 50 * text_scale + 20
    drawing = Drawing(width, height)
    drawing.__dict__["fontName"] = SANS  # else reportlab reaches for Helvetica, which is not embedded
    # A white ground: LibreOffice paints the SVG's clipping rectangle black behind an
    # unfilled picture (the Word version carries the SVG beside the PNG).
    drawing.add(Rect(0, 0, width, height, fillColor=colors.white, strokeColor=None, strokeWidth=0))
    cx, cy = width / 2, height / 2
    centres = []
    for i in range(count):
        angle = math.pi / 2 - 2 * math.pi * i / count  # first variable at the top, clockwise
        centres.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    boxes = []
    for (x, y), variable in zip(centres, loop.variables, strict=True):
        lines = textwrap.wrap(names.get(variable, "?"), 22)[:3] or ["?"]
        h = line_h * len(lines) + 6
        boxes.append((x, y, box_w / 2 + 2, h / 2 + 2))
        drawing.add(Rect(x - box_w / 2, y - h / 2, box_w, h, fillColor=colors.white, strokeColor=colors.HexColor("#444444"),
                         strokeWidth=0.6, rx=3, ry=3))
        for j, text in enumerate(lines):
            drawing.add(String(x, y + h / 2 - 3 - line_h * (j + 1) + 2.5 * text_scale, text, fontName=SANS,
                               fontSize=label_pt, textAnchor="middle"))
    for i, step in enumerate(loop.steps):
        a, b = boxes[i], boxes[(i + 1) % count]
        holders = [p for p in perspectives if p in step.perspectives] or [None]
        for k, pid in enumerate(holders):
            offset = (k - (len(holders) - 1) / 2) * 3.2
            _arrow(drawing, a, b, offset, perspectives.get(pid))
        mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
        nx, ny = _normal(a, b)
        sign = "\u2212" if step.polarity == "-" else step.polarity
        drawing.add(String(mx + nx * 12, my + ny * 12 - 4, sign, fontName=BOLD, fontSize=SIGN_PT, textAnchor="middle"))
    return drawing


def _normal(a, b) -> tuple[float, float]:
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return -dy / length, dx / length


def _edge(box, towards) -> tuple[float, float]:
    """Where the line from a box's centre towards a point leaves the box."""
    x, y, hw, hh = box
    dx, dy = towards[0] - x, towards[1] - y
    if not (dx or dy):
        return x, y
    t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return x + dx * t, y + dy * t


def _arrow(drawing: Drawing, a, b, offset: float, perspective) -> None:
    nx, ny = _normal(a, b)
    start = _edge(a, b)
    end = _edge(b, a)
    sx, sy = start[0] + nx * offset, start[1] + ny * offset
    ex, ey = end[0] + nx * offset, end[1] + ny * offset
    colour = colors.HexColor(perspective.colour) if perspective else colors.black
    line = Line(sx, sy, ex, ey, strokeColor=colour, strokeWidth=1.6)
    pattern = DASHES.get(perspective.dash) if perspective else None
    if pattern:
        line.strokeDashArray = [v * 1.6 for v in pattern]
    drawing.add(line)
    dx, dy = ex - sx, ey - sy
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    size = 6.0
    drawing.add(Polygon([ex, ey, ex - ux * size - uy * size * 0.5, ey - uy * size + ux * size * 0.5,
                         ex - ux * size + uy * size * 0.5, ey - uy * size - ux * size * 0.5],
                        fillColor=colour, strokeColor=colour, strokeWidth=0.5))
