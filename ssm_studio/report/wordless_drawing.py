"""A causal diagram too large to print its words legibly on a page or two, drawn whole without
them, straight from the model: each box where it stands, each claim a straight line from box
to box in its perspective's colour and dash, as the canvas's overview draws it zoomed far out.

A handout's step is a page or two (issue #23): a 1,000-variable map printed in 37 legible parts
per step made a handout of 456 pages and took half a minute. The pack still prints such a
diagram in parts; the handout shows its shape, and says where the words are."""

from __future__ import annotations

from reportlab.graphics.shapes import Drawing, Line, Rect
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ..model import Project
from ..model.perspective import DASHES
from .fonts import SANS, register_fonts

PAGE_AREA = 842.0 * 595.0  # an A4 page, all of it: more than any frame a handout lays out
BOX_SHARE = 0.4  # as pdf_writer.MAX_BOX_SHARE: boxes beyond this share leave no room for links
WORDS_PT, WRAP_PT, PAD_PT = 8.0, 120.0, 8.0  # a label at its smallest legible size, its wrap, padding


def used_variables(project: Project, shown: set[str]) -> list:
    """The variables the shown perspectives use (their claims' ends, or included by them)."""
    ends = {end for link in project.cld.links if link.perspective in shown for end in (link.source, link.target)}
    return [v for v in project.cld.variables if v.id in ends or shown & set(v.included_by)]


def too_large_for_a_page(project: Project, shown: set[str]) -> bool:
    """Whether the shown boxes alone, their words at 8 pt, would take more of a whole A4 page
    than any diagram can: a lower bound on each box (its words on as few lines as their wrap
    allows), so a diagram that could fit is never called too large."""
    register_fonts()  # the words are measured in the pack's own font
    area = 0.0
    for variable in used_variables(project, shown):
        words = stringWidth(variable.name or " ", SANS, WORDS_PT)
        lines = max(1.0, words / WRAP_PT)
        area += (min(words, WRAP_PT) + PAD_PT) * (lines * WORDS_PT + PAD_PT)
        if area > BOX_SHARE * PAGE_AREA:
            return True
    return False


def wordless_drawing(project: Project, shown: set[str], width: float = 720.0) -> Drawing:
    """The shown perspectives' claims and the variables they use, without words, ``width``
    points wide (the writer fits it to its page)."""
    variables = used_variables(project, shown)
    if not variables:
        return Drawing(width, 40)
    at = {v.id: (v.x, v.y) for v in variables}
    box_w, box_h = 120.0, 36.0  # a typical box on the canvas, in its units
    left = min(x for x, _ in at.values()) - box_w
    right = max(x for x, _ in at.values()) + box_w
    top = min(y for _, y in at.values()) - box_h
    bottom = max(y for _, y in at.values()) + box_h
    scale = width / max(right - left, 1.0)
    height = max((bottom - top) * scale, 40.0)
    drawing = Drawing(width, height)

    def place(x: float, y: float) -> tuple[float, float]:
        return (x - left) * scale, height - (y - top) * scale  # the page's y grows upwards

    styles = {p.id: p for p in project.perspectives if p.id in shown}
    for link in project.cld.links:
        perspective = styles.get(link.perspective)
        if perspective is None or link.source not in at or link.target not in at:
            continue
        (x1, y1), (x2, y2) = place(*at[link.source]), place(*at[link.target])
        line = Line(x1, y1, x2, y2, strokeColor=colors.HexColor(perspective.colour), strokeWidth=0.5)
        pattern = DASHES.get(perspective.dash)
        if pattern:
            line.strokeDashArray = [v * 0.6 for v in pattern]
        drawing.add(line)
    w, h = box_w * scale, box_h * scale
    for variable in variables:
        x, y = place(variable.x, variable.y)
        drawing.add(Rect(x - w / 2, y - h / 2, w, h, fillColor=colors.HexColor("#F7F7F2"),
                         strokeColor=colors.HexColor("#8A8A80"), strokeWidth=0.4))  # the canvas style's
    return drawing
