"""The pack's floor: reportlab's platypus alone, from scratch, laying out and drawing the same
content as the pack, in a process of its own.

``capture`` runs in the pack's process, after its build, and takes the content as plain data:
every block the pack prints (headings, paragraphs, tables) and, for every diagram, the marks
the pack's own drawing of it holds (rectangles, lines, polygons, paths, words), as numbers.
``build`` runs in a fresh process: from that data it makes plain platypus flowables and plain
reportlab shapes (nothing of SSM Studio's templates, writers or drawing code), builds one PDF
with SimpleDocTemplate and writes it. Only ``build`` is timed. A diagram is scaled to the
frame's width in one piece; landscape pages and page references are left out (a floor does
less, never more, than the pack). A diagram is scaled to fit one page.
"""

from __future__ import annotations

import pickle
import sys
import time


def capture(project, path: str) -> None:
    """The pack's content for ``project``, as plain data in ``path``."""
    from reportlab.graphics.shapes import Drawing

    from ssm_studio.report import pack
    from ssm_studio.report.blocks import (
        Break,
        Contents,
        Figure,
        Grid,
        Heading,
        Keep,
        Para,
        Space,
        Swatch,
        Title,
    )

    seen: dict = {}
    real_blocks, real_scenes = pack._blocks, pack._scenes

    def blocks(ctx, sections):
        seen["blocks"] = real_blocks(ctx, sections)
        return seen["blocks"]

    def scenes(*args, **kwargs):
        seen["makers"] = real_scenes(*args, **kwargs)
        return seen["makers"]

    from ssm_studio.report import docx_writer

    real_docx = docx_writer.write_docx
    pack._blocks, pack._scenes = blocks, scenes
    docx_writer.write_docx = lambda *args, **kwargs: b""  # the blocks and makers are all we want
    try:
        import tempfile

        with tempfile.TemporaryDirectory() as folder:
            pack.build_pack(project, folder + "/content.docx")  # up to the blocks, no PDF pass
    finally:
        pack._blocks, pack._scenes, docx_writer.write_docx = real_blocks, real_scenes, real_docx
    makers = seen["makers"]

    def plain(block):
        if isinstance(block, Title):
            return ("title", block.title, block.subtitle, block.byline)
        if isinstance(block, Contents):
            return ("contents",)
        if isinstance(block, Heading):
            return ("heading", block.text, block.level)
        if isinstance(block, Para):
            return ("para", block.text, block.style)
        if isinstance(block, Grid):
            rows = [[("swatch", c.perspective.colour) if isinstance(c, Swatch) else str(c) for c in row]
                    for row in block.rows]
            return ("grid", list(block.header), rows, list(block.widths))
        if isinstance(block, Figure):
            if block.key not in makers:
                return ("para", block.caption, "small")
            made = makers[block.key]()
            drawing = made if isinstance(made, Drawing) else pack._drawing(made)
            if not isinstance(made, Drawing):
                made.close()
            return ("figure", drawing.width, drawing.height, _marks(drawing), block.caption)
        if isinstance(block, Keep):
            return ("keep", [plain(b) for b in block.blocks])
        if isinstance(block, Break):
            return ("break",)
        if isinstance(block, Space):
            return ("space", block.points)
        return ("skip",)

    with open(path, "wb") as out:
        pickle.dump([plain(b) for b in seen["blocks"]], out)


def _marks(drawing) -> list:
    """Every shape in a reportlab drawing, as numbers and words, in drawing order."""
    from reportlab.graphics.shapes import (
        Circle,
        Ellipse,
        Group,
        Line,
        Path,
        Polygon,
        PolyLine,
        Rect,
        String,
    )

    marks: list = []

    def colour(c):
        return None if c is None else (c.red, c.green, c.blue)

    def walk(node, transform):
        if isinstance(node, Group):
            t = node.transform
            a, b, c, d, e, f = transform
            ta, tb, tc, td, te, tf = t
            combined = (a * ta + c * tb, b * ta + d * tb, a * tc + c * td, b * tc + d * td,
                        a * te + c * tf + e, b * te + d * tf + f)
            for child in node.contents:
                walk(child, combined)
            return
        style = (colour(getattr(node, "fillColor", None)), colour(getattr(node, "strokeColor", None)),
                 getattr(node, "strokeWidth", 1) or 0)
        if isinstance(node, Rect):
            marks.append(("rect", transform, node.x, node.y, node.width, node.height, style))
        elif isinstance(node, Line):
            marks.append(("line", transform, node.x1, node.y1, node.x2, node.y2, style))
        elif isinstance(node, (Polygon, PolyLine)):
            marks.append(("poly", transform, list(node.points), isinstance(node, Polygon), style))
        elif isinstance(node, Path):
            marks.append(("path", transform, list(node.points), list(node.operators), style))
        elif isinstance(node, (Circle, Ellipse)):
            r = getattr(node, "r", None) or getattr(node, "rx", 1)
            marks.append(("circle", transform, node.cx, node.cy, r, style))
        elif isinstance(node, String):
            marks.append(("string", transform, node.x, node.y, node.text, node.fontSize, style))

    for child in drawing.contents:
        walk(child, (1, 0, 0, 1, 0, 0))
    return marks


def build(content: list, out: str) -> tuple[float, int]:
    """Seconds to make and write the PDF with platypus alone, and its pages."""
    from xml.sax.saxutils import escape

    from reportlab.graphics.shapes import (
        Circle,
        Drawing,
        Group,
        Line,
        Path,
        Polygon,
        PolyLine,
        Rect,
        String,
    )
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        LongTable,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        TableStyle,
    )

    start = time.perf_counter()
    sheet = getSampleStyleSheet()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm,
                            bottomMargin=2 * cm)
    width = doc.width
    grid_style = TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                             ("BACKGROUND", (0, 0), (-1, 0), colors.whitesmoke)])
    small = sheet["BodyText"].clone("small", fontSize=8, leading=10)

    def paint(rgb):
        return None if rgb is None else colors.Color(*rgb)

    def figure(w, h, marks):
        scale = min(1.0, width / w, doc.height * 0.85 / h) if w and h else 1.0  # one page, with its caption
        drawing = Drawing(w * scale, h * scale)
        top = Group(transform=(scale, 0, 0, scale, 0, 0))
        group, group_transform = None, None
        for mark in marks:
            kind, transform, *rest = mark
            fill, stroke, stroke_width = (paint(rest[-1][0]), paint(rest[-1][1]), rest[-1][2])
            if kind == "rect":
                shape = Rect(*rest[:4])
            elif kind == "line":
                shape = Line(*rest[:4])
            elif kind == "poly":
                shape = Polygon(rest[0]) if rest[1] else PolyLine(rest[0])
            elif kind == "path":
                shape = Path(points=rest[0], operators=rest[1])
            elif kind == "circle":
                shape = Circle(*rest[:3])
            else:
                shape = String(rest[0], rest[1], rest[2], fontSize=rest[3], fillColor=fill or colors.black)
            if kind != "string":
                if not isinstance(shape, (Line, PolyLine)):  # lines have no fill
                    shape.fillColor = fill
                shape.strokeColor, shape.strokeWidth = stroke, stroke_width
            if group is None or transform != group_transform:  # one group per run of one transform
                group, group_transform = Group(transform=transform), transform
                top.add(group)
            group.add(shape)
        drawing.add(top)
        return drawing

    def cell(value):
        if isinstance(value, tuple):  # a perspective's line
            swatch = Drawing(30, 8)
            swatch.add(Line(0, 4, 30, 4, strokeColor=colors.HexColor(value[1]), strokeWidth=2))
            return swatch
        return Paragraph(escape(value), small)

    def flowables(block) -> list:
        kind = block[0]
        if kind == "title":
            return [Paragraph(escape(block[1]), sheet["Title"]), Paragraph(escape(block[2]), sheet["Heading2"]),
                    Paragraph(escape(block[3]), sheet["BodyText"]), PageBreak()]
        if kind == "contents":
            return [Paragraph("Contents", sheet["Heading1"])]
        if kind == "heading":
            return [Paragraph(escape(block[1]), sheet[f"Heading{min(block[2], 3)}"])]
        if kind == "para":
            return [Paragraph(escape(block[1]), small if block[2] == "small" else sheet["BodyText"])]
        if kind == "grid":
            header, rows, widths = block[1], block[2], block[3]
            total = sum(widths) or 1
            # LongTable: reportlab's own table for many rows (it splits across pages without
            # measuring every remaining row again at each page, as Table does).
            table = LongTable([[cell(h) for h in header]] + [[cell(c) for c in row] for row in rows],
                              colWidths=[width * w / total for w in widths], repeatRows=1)
            table.setStyle(grid_style)
            return [table, Spacer(1, 6)]
        if kind == "figure":
            return [figure(block[1], block[2], block[3]), Paragraph(escape(block[4]), small)]
        if kind == "keep":  # in sequence: a kept group holding a long table would be split anyway
            return [f for child in block[1] for f in flowables(child)]
        if kind == "break":
            return [PageBreak()]
        if kind == "space":
            return [Spacer(1, block[1])]
        return []

    story = [f for block in content for f in flowables(block)]
    doc.build(story)
    seconds = time.perf_counter() - start
    from pypdf import PdfReader

    return seconds, len(PdfReader(out).pages)


if __name__ == "__main__":  # python pack_floor.py CONTENT.pickle OUT.pdf: prints seconds and pages
    import reportlab.platypus  # noqa: F401 - imported before the clock, as the pack's process has it

    with open(sys.argv[1], "rb") as source:
        data = pickle.load(source)
    seconds, pages = build(data, sys.argv[2])
    print(f"{seconds:.4f} {pages}")
