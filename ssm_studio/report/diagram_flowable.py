"""A diagram on the page: a reportlab drawing (or one part of it) at a fixed scale, with its
description as invisible text for screen readers."""

from __future__ import annotations

from reportlab.graphics import renderPDF
from reportlab.platypus import Flowable

from . import drawing_code
from .fonts import SANS

MIN_TEXT_PT = 8.0


def write_alt_text(canvas, alt: str, width: float) -> None:
    """The picture's description as invisible text inside its frame (wrapped to its width,
    so even extracted it stays on the page), for screen readers and search."""
    from reportlab.lib.utils import simpleSplit

    lines = simpleSplit(alt[:2000], SANS, MIN_TEXT_PT, max(width, 60))
    text = canvas.beginText(0, 2 + MIN_TEXT_PT * (len(lines) - 1))
    text.setTextRenderMode(3)  # invisible: present for screen readers, not on paper
    text.setFont(SANS, MIN_TEXT_PT)
    for line in lines:
        text.textLine(line)
    text.setTextRenderMode(0)  # the mode outlives the text object: the diagram's labels must show
    canvas.drawText(text)


class Diagram(Flowable):
    """A drawing (or one tile of it) at a fixed scale.
    The alternative text goes under the picture as invisible text, for readers and search."""

    def __init__(self, drawing, doc, scale: float, alt: str, window=None) -> None:
        super().__init__()
        self.drawing, self.doc, self.scale, self.alt = drawing, doc, scale, alt
        self.window = window  # (x, y, w, h) of the scaled drawing, for a tile
        if window is None:
            self.width, self.height = drawing.width * scale, drawing.height * scale
        else:
            self.width, self.height = window[2], window[3]
        self.hAlign = "CENTER"

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        if self.alt:
            write_alt_text(canvas, self.alt, self.width)
        if self.window is not None:
            x, y, w, h = self.window
            path = canvas.beginPath()
            path.rect(0, 0, w, h)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.translate(-x, -y)
        canvas.scale(self.scale, self.scale)
        window = None
        if self.window is not None:
            x, y, w, h = self.window
            window = (x / self.scale, y / self.scale, (x + w) / self.scale, (y + h) / self.scale)
        if not drawing_code.draw(self.drawing, canvas, window):
            renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()
