"""The pack's blocks as reportlab flowables, legible on paper.

No text prints below 8 pt: a diagram is drawn at the scale that keeps its smallest label at
8 pt or more; if that does not fit the page it goes on a landscape page, and if it does not
fit that either it is printed in parts (tiles) at legible size, never shrunk. Table columns
are widened so that no header word has to break.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

from reportlab.graphics import renderPDF
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    NextPageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import PageBreakIfNotEmpty

from ..model.perspective import DASHES
from . import drawing_code
from .blocks import Break, Contents, Figure, Grid, Heading, Keep, Para, Space, Swatch, Title, Wide
from .fonts import BOLD, SANS
from .late_numbers import LateContents, PageRef
from .styles import (
    BODY,
    CELL,
    CELL_BOLD,
    H1,
    H2,
    H3,
    QUOTE,
    SMALL,
    SUBTITLE,
    TITLE,
    TOC1,
    TOC2,
    grid,
)
from .tables import swatch

MIN_TEXT_PT = 8.0
MAX_DIAGRAM_SCALE = 1.2
# Text may be drawn up to this much larger than the diagram around it (labels a little
# bigger than their boxes) before the diagram goes to a landscape page or is split.
MAX_TEXT_BUMP = 1.3
# A picture (the rich picture, the overlay) that cannot be split by loop keeps to one page
# with its labels enlarged this much at most before it is printed in parts.
MAX_LABEL_BUMP = 3.5
PADDING = 8.0  # a cell's left and right padding together
ROWS_PER_TABLE = 100
STYLES = {"body": BODY, "small": SMALL, "quote": QUOTE}
HEADINGS = {1: H1, 2: H2, 3: H3}


def smallest_text(node, scale: float = 1.0) -> float:
    """The smallest font size in a reportlab drawing, in its own units (transforms applied)."""
    smallest = math.inf
    transform = getattr(node, "transform", None)
    if transform:
        a, b, c, d = transform[:4]
        scale *= math.sqrt(abs(a * d - b * c)) or 1.0
    if getattr(node, "text", None) and getattr(node, "fontSize", None):
        smallest = min(smallest, node.fontSize * scale)
    for child in getattr(node, "contents", []) or []:
        smallest = min(smallest, smallest_text(child, scale))
    return smallest


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
            text = canvas.beginText(0, 2)
            text.setTextRenderMode(3)  # invisible: present for screen readers, not on paper
            text.setFont(SANS, MIN_TEXT_PT)
            text.textLine(self.alt[:2000])
            text.setTextRenderMode(0)  # the mode outlives the text object: the diagram's labels must show
            canvas.drawText(text)
        if self.window is not None:
            x, y, w, h = self.window
            path = canvas.beginPath()
            path.rect(0, 0, w, h)
            canvas.clipPath(path, stroke=0, fill=0)
            canvas.translate(-x, -y)
        canvas.scale(self.scale, self.scale)
        if not drawing_code.draw(self.drawing, canvas):
            renderPDF.draw(self.drawing, canvas, 0, 0)
        canvas.restoreState()


def enlarge_text(node, factor: float) -> None:
    """Every label in a drawing ``factor`` times larger (the drawing itself keeps its size)."""
    if getattr(node, "text", None) and getattr(node, "fontSize", None):
        node.fontSize *= factor
    for child in getattr(node, "contents", []) or []:
        enlarge_text(child, factor)


# Causal diagrams are redrawn with text up to this much larger (their boxes grow with it).
MAX_REDRAWN_TEXT = 2.0
SCALABLE = ("overlay",)  # and every perspective's diagram (keys in splits)
# Pictures are redrawn with their words larger (up to MAX_LABEL_BUMP), their label boxes and
# bubbles grown to hold them: words enlarged in place overran each other line by line.
PICTURES = ("rich-picture",)


KEY_PT = 8.6  # the key's names: a size nothing else in the pack uses, so a test can find them
KEY_LINE = 40.0


class KeyRow(Flowable):
    """Whose line is whose, under a diagram: each perspective's line (colour and dash, as in
    the diagram) and its name, wrapped onto as many rows as the width needs."""

    def __init__(self, perspectives: list, width: float) -> None:
        super().__init__()
        self.perspectives, self.avail = perspectives, width
        self.cells = []
        x = y = 0.0
        for perspective in perspectives:
            w = KEY_LINE + 6 + stringWidth(perspective.name, SANS, KEY_PT) + 16
            if x and x + w > width:
                x, y = 0.0, y + 14
            self.cells.append((x, y, perspective))
            x += w
        self.width, self.height = width, y + 14

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        for x, y, perspective in self.cells:
            base = self.height - y - 11
            canvas.saveState()
            canvas.setStrokeColor(perspective.colour)
            canvas.setLineWidth(2.2)
            pattern = DASHES.get(perspective.dash)
            if pattern:
                canvas.setDash([v * 2.2 for v in pattern])
            canvas.line(x, base + 3, x + KEY_LINE, base + 3)
            canvas.restoreState()
            canvas.setFont(SANS, KEY_PT)
            canvas.drawString(x + KEY_LINE + 6, base, perspective.name)


class PdfWriter:
    """``make(key, text_scale)`` draws a figure (reportlab drawing); ``keys`` are the figures
    there are. Each is drawn when first placed, at the text size it needs."""

    def __init__(self, doc, make, keys: set[str], a3_overlay: bool = False, splits: dict | None = None) -> None:
        self.doc, self.make, self.keys, self.a3_overlay = doc, make, keys, a3_overlay
        # A diagram too large to print legibly whole: the figures (loop by loop) that stand in.
        self.splits = splits or {}
        self.width, self.height = doc.frame_size()
        self.wide_width, self.wide_height = doc.frame_size(wide=True)
        self.orientation = "main"  # the page template in force, so tables take its width

    def render(self, blocks: list) -> list:
        out: list = []
        for block in blocks:
            out += self.block(block)
        return out

    def block(self, block) -> list:
        if isinstance(block, Heading):
            return [Paragraph(escape(block.text), HEADINGS.get(block.level, H3))]
        if isinstance(block, Para):
            style = STYLES.get(block.style, BODY)
            if "see" in block.refs:
                return [PageRef(block.text, style, block.refs["see"], self.doc)]
            return [Paragraph(escape(block.text).replace("\n", "<br/>"), style)]
        if isinstance(block, Grid):
            return self.grid(block)
        if isinstance(block, Figure):
            return self.figure(block)
        if isinstance(block, Keep):
            flat: list = []
            own_page = False
            for child in block.blocks:
                part = self.block(child)
                if part and isinstance(part[0], NextPageTemplate) and isinstance(child, Figure):
                    # The figure went to a page of its own: its heading goes with it.
                    flat, own_page = part[:2] + flat + part[2:], True
                else:
                    flat += part
            return flat if own_page else [KeepTogether(flat)]
        if isinstance(block, Break):
            return [PageBreakIfNotEmpty()]  # a figure on its own page may have just broken it
        if isinstance(block, Wide):
            self.orientation = "wide" if block.on else "main"
            return [NextPageTemplate(self.orientation)]
        if isinstance(block, Space):
            return [Spacer(1, block.points)]
        if isinstance(block, Title):
            return [Spacer(1, 40), Paragraph(escape(block.title), TITLE), Paragraph(escape(block.subtitle), SUBTITLE),
                    Paragraph(escape(block.byline), BODY)]
        if isinstance(block, Contents):
            toc = LateContents(self.doc)
            toc.levelStyles = [TOC1, TOC2]
            # Else the contents table is set in Helvetica, a font the pack does not embed.
            toc.tableStyle = TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9), ("VALIGN", (0, 0), (-1, -1), "TOP")])
            return [toc]
        raise TypeError(f"no PDF form for {type(block).__name__}")

    # Tables ---------------------------------------------------------------------------------
    def grid(self, block: Grid) -> list:
        total = self.wide_width if (block.wide or self.orientation == "wide") else self.width
        widths = column_widths(block.header, block.widths, total, block.rows)
        data_rows = [[self.cell(c) for c in row] for row in block.rows]
        header = [Paragraph(escape(h), CELL_BOLD) for h in block.header]
        chunks = [data_rows[i:i + ROWS_PER_TABLE] for i in range(0, len(data_rows), ROWS_PER_TABLE)] or [[]]
        tables = []
        for chunk in chunks:
            table = Table([header] + chunk, colWidths=widths, repeatRows=1, splitByRow=1)
            table.setStyle(grid())
            tables.append(table)
        return tables

    def cell(self, value):
        if isinstance(value, Swatch):
            return swatch(value.perspective)
        return Paragraph(escape(str(value or "")).replace("\n", "<br/>"), CELL)

    # Figures --------------------------------------------------------------------------------
    def figure(self, block: Figure) -> list:
        if block.key not in self.keys:
            return []
        caption = [Paragraph(escape(block.caption), SMALL)] if block.caption else []
        if block.perspectives:
            caption.append(KeyRow(block.perspectives, self.width))
        drawing = self.make(block.key)
        needed = self.needed(drawing)
        if block.key == "overlay" and self.a3_overlay:
            return self.own_page(drawing, block, caption, "a3", needed)
        scale = self.fitting(drawing, self.width, self.height - 40)
        if scale >= needed or (scale * MAX_TEXT_BUMP >= needed and block.key not in PICTURES):
            return [self.placed(drawing, scale, needed, block.alt), *caption]
        return self.own_page(drawing, block, caption, "wide", needed)

    @staticmethod
    def needed(drawing) -> float:
        """The least scale at which the drawing's smallest text prints at 8 pt."""
        smallest = drawing.__dict__.get("smallest_label") or smallest_text(drawing)
        return MIN_TEXT_PT / smallest if math.isfinite(smallest) and smallest > 0 else 0.0

    def redrawn(self, block: Figure, drawing, width: float, height: float, needed: float):
        """A causal diagram or a picture drawn again with larger text, so that at the scale
        that fits the page its labels print at 8 pt; None if that would need text too large
        for its map (MAX_REDRAWN_TEXT; MAX_LABEL_BUMP for a picture)."""
        if not (block.key in SCALABLE or block.key in PICTURES or block.key in self.splits):
            return None
        limit = MAX_LABEL_BUMP if block.key in PICTURES else MAX_REDRAWN_TEXT
        scale = self.fitting(drawing, width, height)
        factor = needed / scale * 1.03 if scale else math.inf
        for _attempt in range(3):  # larger words widen the picture a little: aim again
            if factor > limit:
                return None
            bigger = self.make(block.key, factor)
            scale = self.fitting(bigger, width, height)
            wanted = self.needed(bigger)
            if scale >= wanted:
                return bigger, scale
            factor *= wanted / scale * 1.02
        return None

    @staticmethod
    def fitting(drawing, width: float, height: float) -> float:
        return min(width / drawing.width, height / drawing.height, MAX_DIAGRAM_SCALE)

    def placed(self, drawing, scale: float, needed: float, alt: str) -> Diagram:
        if scale < needed:  # the labels a little larger than the diagram, so they print at 8 pt
            enlarge_text(drawing, needed / scale)
        return Diagram(drawing, self.doc, scale, alt)

    def own_page(self, drawing, block: Figure, caption: list, template: str, needed: float) -> list:
        """A landscape (or A3) page of its own; past that, loop by loop, or in parts."""
        width, height = self.doc.frame_size(template=template)
        # The caption and the key below (and a heading above) share the page.
        room = height - 45 - (18 if block.perspectives else 0)
        scale = self.fitting(drawing, width, room)
        back = [NextPageTemplate(self.orientation), PageBreakIfNotEmpty()]
        picture = block.key in PICTURES
        redrawn = self.redrawn(block, drawing, width, room, needed) \
            if scale * MAX_TEXT_BUMP < needed or (picture and scale < needed) else None
        if redrawn is not None:
            bigger, scale = redrawn
            return [NextPageTemplate(template), PageBreakIfNotEmpty(), Diagram(bigger, self.doc, scale, block.alt),
                    *caption, *back]
        if scale * MAX_TEXT_BUMP >= needed and not picture:
            return [NextPageTemplate(template), PageBreakIfNotEmpty(),
                    self.placed(drawing, scale, needed, block.alt), *caption, *back]
        if block.key in self.splits:
            return self.split(block)
        if block.key not in SCALABLE and scale * MAX_LABEL_BUMP >= needed:  # a picture more than a diagram: bigger labels, one page
            return [NextPageTemplate(template), PageBreakIfNotEmpty(),
                    self.placed(drawing, scale, needed, block.alt), *caption, *back]
        keys = [flowable for flowable in caption if isinstance(flowable, KeyRow)]
        return [NextPageTemplate(template), PageBreakIfNotEmpty(), *self.tiles(drawing, block, width, room, needed),
                *keys, *back]

    def split(self, block: Figure) -> list:
        story: list = [Paragraph(escape(
            "This diagram is too large to print whole with legible labels, so each of its loops is drawn on its "
            "own below; every claim is listed in the appendix."), SMALL)]
        for key, caption, alt in self.splits[block.key]:
            story += self.figure(Figure(key, caption, alt))
        return story

    def tiles(self, drawing, block: Figure, width: float, room: float, needed: float) -> list:
        scale = needed
        full_w, full_h = drawing.width * scale, drawing.height * scale
        columns, rows = math.ceil(full_w / width), math.ceil(full_h / room)
        count, story = columns * rows, []
        for row in range(rows):
            for column in range(columns):
                x = column * width
                h = min(room, full_h - row * room)
                y = full_h - row * room - h  # reportlab's y runs up: the top row first
                w = min(width, full_w - x)
                number = row * columns + column + 1
                label = (f"{block.caption} Part {number} of {count} (row {row + 1}, column {column + 1}): "
                         "printed in parts so that every label stays legible.")
                if story:
                    story.append(PageBreakIfNotEmpty())
                story += [Diagram(drawing, self.doc, scale, block.alt if number == 1 else "", (x, y, w, h)),
                          Paragraph(escape(label), SMALL)]
        return story


def column_widths(header: list[str], proportions: list[float], total: float,
                  rows: list[list] | None = None) -> list[float]:
    """Widths in the given proportions, but none narrower than the longest word of its header
    (so headers wrap between words, never inside one) or of its cells ("reinforcing" stays
    whole; a freak word longer than a third of the table may still break). The other columns
    give up the difference."""
    scale = total / sum(proportions)
    widths = [w * scale for w in proportions]
    least = [max((stringWidth(word, BOLD, CELL_BOLD.fontSize) for word in text.split()), default=0) + PADDING + 1
             for text in header]
    for row in (rows or [])[:200]:  # a sample is enough to see the long words
        for i, cell in enumerate(row[:len(least)]):
            if isinstance(cell, str):
                longest = max((stringWidth(word, SANS, CELL.fontSize) for word in cell.split()), default=0)
                least[i] = max(least[i], min(longest + PADDING + 1, total / 3))
    for _ in range(len(widths)):
        short = [i for i, w in enumerate(widths) if w < least[i]]
        if not short:
            break
        need = sum(least[i] - widths[i] for i in short)
        for i in short:
            widths[i] = least[i]
        spare = [i for i in range(len(widths)) if i not in short and widths[i] > least[i]]
        give = sum(widths[i] - least[i] for i in spare)
        if give <= 0:
            break
        for i in spare:
            widths[i] -= need * (widths[i] - least[i]) / give
    return widths


__all__ = ["CELL", "MIN_TEXT_PT", "PdfWriter", "column_widths", "smallest_text"]
