"""The pack's blocks as reportlab flowables, legible on paper.

No text prints below 8 pt: a diagram is drawn at the scale that keeps its smallest label at
8 pt or more; if that does not fit the page it goes on a landscape page, and if it does not
fit that either it is printed in parts (tiles) at legible size, never shrunk. Table columns
are widened so that no header word has to break.
"""

from __future__ import annotations

import math
from xml.sax.saxutils import escape

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
from .blocks import Break, Contents, Figure, Grid, Heading, Keep, Para, Space, Swatch, Title, Wide
from .diagram_flowable import MIN_TEXT_PT, Diagram
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
from .tiles import TileOverview, tile_grid

MAX_DIAGRAM_SCALE = 1.0  # small diagrams are not blown up: their words print at their own size
# A diagram stays in the flow of the page in front while its words need drawing at most this
# much larger (its boxes grow with them); past that a landscape page is tried first.
IN_FLOW_BUMP = 1.4
# Causal diagrams and conceptual models are redrawn with words up to this much larger than
# the screen's (boxes grow with them and are pushed apart where they would touch): a sparse
# map compacts onto one page; a dense one grows as fast as its words and does not fit.
MAX_REDRAWN_TEXT = 4.0
# A picture (the rich picture) that cannot be split by loop keeps to one page with its words
# drawn up to this much larger (label boxes and bubbles grown to hold them).
MAX_LABEL_BUMP = 5.0
PICTURES = ("rich-picture",)  # keys of rich pictures, alone or before ':' (a handout's "rich-picture:<step>")
HEADING_ROOM = 30.0  # a heading kept with its figure
SHORT_AFTER = 0.5  # what follows a figure in its group, up to this share of a page, is given room
SHORT_ROWS = 40  # a table longer than this is never that short
MAX_BOX_SHARE = 0.4  # of a page, the most its boxes can take with room left for links and gaps
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


KEY_PT = 8.6  # the key's names: a size nothing else in the pack uses, so a test can find them
KEY_LINE = 40.0


class KeyRow(Flowable):
    """Whose line is whose, under a diagram: each perspective's line (colour and dash, as in
    the diagram) and its name, wrapped onto as many rows as the page's width needs."""

    def __init__(self, perspectives: list, width: float) -> None:
        super().__init__()
        self.perspectives = perspectives
        self._lay_out(width)

    def _lay_out(self, width: float) -> None:
        self.cells = []
        x = y = 0.0
        for perspective in self.perspectives:
            w = KEY_LINE + 6 + stringWidth(perspective.name, SANS, KEY_PT) + 16
            if x and x + w > width:
                x, y = 0.0, y + 14
            self.cells.append((x, y, perspective))
            x += w
        self.width, self.height = width, y + 14

    def wrap(self, available_width, available_height):
        if abs(available_width - self.width) > 0.5:  # on a page of another shape than planned
            self._lay_out(available_width)
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
        self.above: list = []  # what goes before the figure being placed, on its page
        self.below: list = []  # … and after it

    def render(self, blocks: list) -> list:
        out: list = []
        for block in blocks:
            out += self.block(block)
        return kept_with_next(template_before_break(out))

    def block(self, block) -> list:
        if isinstance(block, Heading):
            return [Paragraph(self.anchored(escape(block.text), block.anchor), HEADINGS.get(block.level, H3))]
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
            return self.keep(block)
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

    def keep(self, block: Keep) -> list:
        """A group kept on one page. A figure in it is sized with the room the rest of the
        group takes (what follows only while it is short); if the figure needs a page of its
        own, the whole group goes there with it."""
        parts = [None if isinstance(child, Figure) else _flat(self.block(child)) for child in block.blocks]
        own_page = None
        for i, child in enumerate(block.blocks):
            if not isinstance(child, Figure):
                continue
            self.above = [f for part in parts[:i] if part for f in part]
            self.below = [f for part in parts[i + 1:] if part for f in part]
            placed = self.block(child)
            self.above = self.below = []
            if placed and isinstance(placed[0], NextPageTemplate) and own_page is None:
                # [page shape, break, figure…, shape back]: the group goes between the break and the way back
                own_page, placed = (placed[:2], placed[-1:]), placed[2:-1]
            parts[i] = _flat(placed)
        flat = [f for part in parts if part for f in part]
        if own_page is not None:
            return [*own_page[0], *flat, *own_page[1]]
        return [KeepTogether(flat)]

    # Tables ---------------------------------------------------------------------------------
    def grid(self, block: Grid) -> list:
        total = self.wide_width if (block.wide or self.orientation == "wide") else self.width
        data_rows = [[self.cell(c) for c in row] for row in block.rows]
        for row, anchor in zip(data_rows, block.anchors, strict=False):
            if anchor and row and isinstance(row[0], Paragraph):
                row[0] = Paragraph(self.anchored(row[0].text, anchor), CELL)
        header = [Paragraph(escape(h), CELL_BOLD) for h in block.header]
        chunks = [data_rows[i:i + ROWS_PER_TABLE] for i in range(0, len(data_rows), ROWS_PER_TABLE)] or [[]]
        fit = (block.header, block.widths, block.rows, {})  # the last: widths by page width, shared by the parts
        widths = fitted_widths(fit, total)
        tables = []
        for chunk in chunks:
            table = FittedTable([header] + chunk, colWidths=list(widths), repeatRows=1, splitByRow=1)
            table.fit = fit
            table.setStyle(grid())
            tables.append(table)
        return tables

    def anchored(self, text: str, anchor: str) -> str:
        """The paragraph's text marked so that, when drawn, its page is noted under
        ``anchor`` (template.handle_documentBegin) for the "(see p. N)" that name it."""
        if not anchor:
            return text
        self.doc.planned_anchors.add(anchor)
        return f"<onDraw name='ssm_anchor' label='{anchor}'/>{text}"

    def cell(self, value):
        if isinstance(value, Swatch):
            return swatch(value.perspective)
        return Paragraph(escape(str(value or "")).replace("\n", "<br/>"), CELL)

    # Figures --------------------------------------------------------------------------------
    def figure(self, block: Figure) -> list:
        """A diagram on the page in front if it fits there with 8-point words (drawn again
        with larger words and boxes if need be), else on a landscape (or A3) page of its own,
        else loop by loop, else in parts after an overview of the parts."""
        if block.key not in self.keys:
            return []
        caption = self.caption(block)
        drawing = self.make(block.key)
        if block.key == "overlay" and self.a3_overlay:
            templates = ["a3"]
        else:  # the page in front, then a page of the other shape
            other = "tall" if self.doc.landscape_pages or self.orientation == "wide" else "wide"
            templates = [self.orientation, other]
        limit = MAX_LABEL_BUMP if block.key.split(":", 1)[0] in PICTURES else MAX_REDRAWN_TEXT
        # The page in front while the words need little enlarging; then the page that needs least.
        tries = [(templates[0], IN_FLOW_BUMP)] + sorted(
            ((t, limit) for t in templates), key=lambda tl: self.bump(drawing, *self.room(tl[0], caption)))
        for template, most in tries:
            placed = self.redrawn(block, drawing, *self.room(template, caption), self.needed(drawing), most)
            if placed is None:
                continue
            diagram = Diagram(placed[0], self.doc, placed[1], block.alt)
            if template == self.orientation:
                return [KeepTogether([diagram, *caption])]
            # A page of its own; what follows may share it, on pages of the pack's own shape after.
            return [NextPageTemplate(template), PageBreakIfNotEmpty(), diagram, *caption,
                    NextPageTemplate(self.orientation)]
        if block.key in self.splits:
            return self.split(block)
        if block.whole_only:
            return self.whole_small(drawing, block, *self.room(self.orientation, caption))
        widest = "a3" if templates == ["a3"] else "wide"  # parts: the landscape page
        return [NextPageTemplate(widest), PageBreakIfNotEmpty(),
                *self.tiles(drawing, block, *self.room(widest, caption)), NextPageTemplate(self.orientation)]

    def caption(self, block: Figure) -> list:
        out: list = [Paragraph(escape(block.caption), SMALL)] if block.caption else []
        if block.perspectives:
            out.append(KeyRow(block.perspectives, self.width))
        return out

    def room(self, template: str, caption: list) -> tuple[float, float]:
        """Width and height a diagram may take on a page of ``template``: the caption, the key
        and a heading above share the page."""
        width, height = self.doc.frame_size(template=template)
        below = sum(_height(f, width, height) for f in caption) + 8
        after = _short_height(self.below, width, height, SHORT_AFTER * height)
        if after is not None:  # a short table after the figure shares its page
            below += after
        above = sum(_height(f, width, height) for f in self.above)
        return width, height - below - max(HEADING_ROOM, above + 6)

    def bump(self, drawing, width: float, height: float) -> float:
        """How much larger the words must be drawn to print at 8 pt in this much room."""
        return self.needed(drawing) / self.fitting(drawing, width, height)

    @staticmethod
    def needed(drawing) -> float:
        """The least scale at which the drawing's smallest text prints at 8 pt."""
        if not drawing.__dict__.get("smallest_label"):  # measured once: figures are tried on several pages
            drawing.__dict__["smallest_label"] = smallest_text(drawing)
        smallest = drawing.__dict__["smallest_label"]
        return MIN_TEXT_PT / smallest if math.isfinite(smallest) and smallest > 0 else 0.0

    def redrawn(self, block: Figure, drawing, width: float, height: float, needed: float,
                most: float = MAX_REDRAWN_TEXT):
        """(drawing, scale) that prints the figure in ``width`` × ``height`` with 8-point
        words: as it is, or drawn again with words (and the boxes around them) up to ``most``
        times larger; None if that is not enough. Words are never enlarged in place: they
        would overrun their boxes."""
        scale = self.fitting(drawing, width, height)
        if scale >= needed:
            return drawing, scale
        # Whatever the words' size, the boxes printed with 8-point words take the same paper:
        # when they alone would cover more than a share of the page, no redrawing can fit it.
        box_area = drawing.__dict__.get("box_area", 0.0)
        if box_area * needed ** 2 > MAX_BOX_SHARE * width * height:
            return None
        factor = needed / scale * 1.03 if scale else math.inf
        for _attempt in range(6):  # larger words widen the picture (boxes pushed apart): aim again
            if factor > most:
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

    def split(self, block: Figure) -> list:
        self.above = self.below = []  # the loops drawn one by one flow on: no group to make room for
        story: list = [Paragraph(escape(
            "This diagram is too large to print whole with legible labels, so each of its loops is drawn on its "
            "own below; every claim is listed in the appendix."), SMALL)]
        for key, caption, alt in self.splits[block.key]:
            story += self.figure(Figure(key, caption, alt, block.perspectives))
        return story

    def whole_small(self, drawing, block: Figure, width: float, room: float) -> list:
        """The whole diagram on the page in front, too small for its words, which are left out
        (none may print under 8 pt): the shape of the step, as a handout shows it."""
        overview = TileOverview(drawing, self.doc, self.fitting(drawing, width, room), [], 1.0, block.alt)
        note = Paragraph(escape(f"{block.caption} The diagram is too large to print its words legibly on a page; "
                                "it is shown whole without them (the comparison pack prints it in parts)."), SMALL)
        return [KeepTogether([overview, note, *([KeyRow(block.perspectives, self.width)] if block.perspectives
                                                else [])])]

    def tiles(self, drawing, block: Figure, width: float, room: float) -> list:
        """An overview of the whole diagram with the parts marked, then each part that holds
        something, at 8-point words, each with the caption and the key."""
        scale = self.needed(drawing)
        parts = tile_grid(drawing, scale, width, room)
        overview = self.fitting(drawing, width, room)
        story: list = [TileOverview(drawing, self.doc, overview, parts, scale, block.alt),
                       Paragraph(escape(f"{block.caption} Printed in {len(parts)} parts so that every label stays "
                                        "legible; the overview shows where each part lies."), SMALL)]
        key = [KeyRow(block.perspectives, self.width)] if block.perspectives else []
        for number, (x, y, w, h, row, column) in enumerate(parts, 1):
            label = f"{block.caption} Part {number} of {len(parts)} (row {row}, column {column})."
            story += [PageBreakIfNotEmpty(), Diagram(drawing, self.doc, scale, "", (x, y, w, h)),
                      Paragraph(escape(label), SMALL), *key]
        return story


def _flat(flowables: list) -> list:
    """Never one group inside another: reportlab answers an inner one's height as endless."""
    return [f for piece in flowables for f in (piece._content if isinstance(piece, KeepTogether) else [piece])]


def _height(flowable, width: float, height: float) -> float:
    """The height a flowable takes in a frame, with the space around it."""
    if isinstance(flowable, (NextPageTemplate, PageBreakIfNotEmpty)):
        return 0.0
    return flowable.wrap(width, height)[1] + flowable.getSpaceBefore() + flowable.getSpaceAfter()


def _short_height(flowables: list, width: float, height: float, most: float) -> float | None:
    """Their height together, or None once it passes ``most``: a long table is not laid out
    to find that out (the loops of a large map run to hundreds of rows)."""
    total = 0.0
    for flowable in flowables:
        if isinstance(flowable, Table) and len(flowable._cellvalues) > SHORT_ROWS:
            return None
        total += _height(flowable, width, height)
        if total > most:
            return None
    return total


def template_before_break(flowables: list) -> list:
    """A page break straight followed by a change of page shape becomes the change, then the
    break: else the break starts a page of the old shape, which the new-shaped content then
    leaves empty."""
    out: list = []
    for flowable in flowables:
        if isinstance(flowable, NextPageTemplate) and out and isinstance(out[-1], PageBreakIfNotEmpty):
            out.insert(len(out) - 1, flowable)
            continue
        out.append(flowable)
    return out


def kept_with_next(flowables: list) -> list:
    """Headings go with what follows them. reportlab's keepWithNext joins a heading to the
    next flowable unless that is itself kept together (a figure with its caption, a loop's
    block), and then the heading could end a page alone: such a heading joins that group."""
    out: list = []
    for flowable in flowables:
        if isinstance(flowable, KeepTogether):
            waiting = []
            while out and isinstance(out[-1], Paragraph) and out[-1].style.name.startswith("heading"):
                waiting.insert(0, out.pop())
            if waiting:
                flowable = KeepTogether(waiting + list(flowable._content))
        out.append(flowable)
    return out


class FittedTable(Table):
    """A table whose columns are worked out again for the width it is actually given: a
    table planned for a landscape page that lands on a portrait one (or the reverse) is
    fitted to that page, never cut at its edges."""

    fit: tuple | None = None  # (header, proportions, rows, widths by page width): fitted_widths

    def _fit(self, width: float) -> None:
        if self.fit is None or abs(sum(self._argW) - width) < 0.5:
            return
        self._argW = self._colWidths = fitted_widths(self.fit, width)
        self.__dict__.pop("_width_calculated_once", None)

    def wrap(self, availWidth, availHeight):
        self._fit(availWidth)
        return super().wrap(availWidth, availHeight)

    def split(self, availWidth, availHeight):
        self._fit(availWidth)
        parts = super().split(availWidth, availHeight)
        for part in parts:  # the rest of the table may land on a page of another width
            if isinstance(part, FittedTable):
                part.fit = self.fit
        return parts


def fitted_widths(fit: tuple, total: float) -> list[float]:
    """column_widths, worked out once per page width for a table and all its parts."""
    header, proportions, rows, known = fit
    key = round(total, 1)
    if key not in known:
        known[key] = column_widths(header, proportions, total, rows)
    return list(known[key])


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
    if sum(widths) > total:  # words too long for the page even so: they break, the table stays on it
        widths = [w * total / sum(widths) for w in widths]
    return widths


__all__ = ["CELL", "MIN_TEXT_PT", "PdfWriter", "column_widths", "smallest_text"]
