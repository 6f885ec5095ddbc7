"""A diagram too large for any page at 8-point words, printed in parts: which parts hold
anything, and an overview page that shows where each part lies."""

from __future__ import annotations

import math

from reportlab.graphics.shapes import Group, mmult

from .diagram_flowable import Diagram
from .fonts import BOLD

IDENTITY = (1, 0, 0, 1, 0, 0)


def shape_boxes(drawing) -> list[tuple[float, float, float, float]]:
    """Every drawn shape's bounds in the drawing's own units; a background as large as the
    whole drawing is left out (it would put something in every part)."""
    boxes = []

    def walk(node, transform) -> None:
        for child in getattr(node, "contents", []) or []:
            matrix = mmult(transform, getattr(child, "transform", IDENTITY)) if isinstance(child, Group) else transform
            if isinstance(child, Group):
                walk(child, matrix)
                continue
            bounds = child.getBounds() if hasattr(child, "getBounds") else None
            if not bounds:
                continue
            x0, y0, x1, y1 = bounds
            corners = [(matrix[0] * x + matrix[2] * y + matrix[4], matrix[1] * x + matrix[3] * y + matrix[5])
                       for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
            xs, ys = [c[0] for c in corners], [c[1] for c in corners]
            box = (min(xs), min(ys), max(xs), max(ys))
            if (box[2] - box[0]) * (box[3] - box[1]) < 0.5 * drawing.width * drawing.height:
                boxes.append(box)

    walk(drawing, IDENTITY)
    return boxes


def tile_grid(drawing, scale: float, width: float, height: float) -> list[tuple]:
    """The parts (x, y, w, h in scaled units, row, column) of the drawing at ``scale`` cut
    into pages of ``width`` × ``height``, top row first, leaving out parts with nothing in them.
    Parts are spread evenly over the drawing, so none is a sliver."""
    full_w, full_h = drawing.width * scale, drawing.height * scale
    columns, rows = math.ceil(full_w / width), math.ceil(full_h / height)
    w, h = full_w / columns, full_h / rows
    boxes = [(a * scale, b * scale, c * scale, d * scale) for a, b, c, d in shape_boxes(drawing)]
    parts = []
    for row in range(rows):
        for column in range(columns):
            x, y = column * w, full_h - (row + 1) * h  # reportlab's y runs up: the top row first
            if any(a < x + w and c > x and b < y + h and d > y for a, b, c, d in boxes):
                parts.append((x, y, w, h, row + 1, column + 1))
    return parts


def without_words(drawing):
    """The drawing's shapes without its words: new groups, the shapes themselves shared (a
    deep copy of a large map took half a second)."""
    from reportlab.graphics.shapes import Drawing, String

    def bare(node, into) -> None:
        for child in node.contents:
            if isinstance(child, Group):
                group = Group(transform=getattr(child, "transform", IDENTITY))
                bare(child, group)
                into.add(group)
            elif not isinstance(child, String):
                into.add(child)

    out = Drawing(drawing.width, drawing.height)
    out.__dict__["fontName"] = drawing.__dict__.get("fontName")
    bare(drawing, out)
    return out


class TileOverview(Diagram):
    """The whole diagram small, without its words, with each printed part outlined and numbered."""

    def __init__(self, drawing, doc, scale: float, parts: list[tuple], part_scale: float, alt: str) -> None:
        super().__init__(without_words(drawing), doc, scale, alt)  # too small to read: the parts carry the words
        self.parts, self.part_scale = parts, part_scale

    def draw(self) -> None:
        super().draw()
        canvas = self.canv
        ratio = self.scale / self.part_scale
        canvas.saveState()
        canvas.setStrokeColorRGB(0.1, 0.1, 0.1)
        canvas.setLineWidth(1.2)
        canvas.setDash([4, 3])
        for number, (x, y, w, h, _row, _column) in enumerate(self.parts, 1):
            canvas.rect(x * ratio, y * ratio, w * ratio, h * ratio, stroke=1, fill=0)
            canvas.setFillColorRGB(1, 1, 1)
            canvas.rect(x * ratio + 3, (y + h) * ratio - 17, 26, 14, stroke=0, fill=1)
            canvas.setFillColorRGB(0, 0, 0)
            canvas.setFont(BOLD, 11)
            canvas.drawString(x * ratio + 5, (y + h) * ratio - 14, str(number))
        canvas.restoreState()
