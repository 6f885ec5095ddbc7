"""The pack's blocks as a Word document, for board papers that are edited before they go out.

Headings are Word's own Heading 1–3 (the navigation pane and Word's contents work); tables
repeat their header row; diagrams are high-resolution PNG with the vector SVG alongside
(Word 2016 and later shows the SVG, older Word the PNG) and alternative text on each.
"""

from __future__ import annotations

import io
from collections.abc import Callable

from .blocks import Break, Contents, Figure, Grid, Heading, Keep, Para, Space, Swatch, Title, Wide

DPI = 200
SVG_EXTENSION = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
DASH_WORDS = {"solid": "solid", "dash": "dashed", "dot": "dotted", "dash-dot": "dash-dot",
              "long-dash": "long dashes", "dash-dot-dot": "dash-dot-dot"}


def write_docx(project, blocks: list, makers: dict, say: Callable[[float, str], None],
               check: Callable[[], None]) -> bytes:
    from docx import Document

    document = Document()
    _language(document, "en-GB")
    props = document.core_properties
    props.title = project.metadata.title
    props.author = ", ".join(project.metadata.authors) or "SSM Studio"
    props.subject = "Perspective comparison pack"
    props.keywords = "soft systems methodology, CATWOE, causal loop diagram"
    props.language = "en-GB"
    writer = _Writer(document, makers, say, check)
    for block in blocks:
        writer.block(block)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _language(document, tag: str) -> None:
    from docx.oxml.ns import qn
    from docx.oxml.shared import OxmlElement

    defaults = document.styles.element.find(qn("w:docDefaults"))
    run = defaults.find(qn("w:rPrDefault")) if defaults is not None else None
    properties = run.find(qn("w:rPr")) if run is not None else None
    if properties is None:
        return
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)
    lang.set(qn("w:val"), tag)


class _Writer:
    def __init__(self, document, makers: dict, say, check) -> None:
        self.document, self.makers, self.say, self.check = document, makers, say, check
        self.figures_done = 0
        self.pending_break = False  # a page break waits to see what follows (block)
        self.fresh_page = True  # nothing on the current page yet
        self.after_table = False

    def block(self, block) -> None:
        d = self.document
        # A page break waits for what follows: a new section of another shape begins a page
        # anyway, a page just begun needs none, and a heading starts its page itself (an
        # explicit break after a page that had just filled left a blank one).
        if isinstance(block, Break):
            self.pending_break = not self.fresh_page
            return
        if isinstance(block, Wide):
            if self.changes_shape(block.on):
                self.pending_break, self.fresh_page = False, True
            self.orientation(block.on)
            return
        if isinstance(block, Space):
            return
        if isinstance(block, Keep):  # its first block takes any waiting break
            for child in block.blocks:
                self.block(child)
            return
        if self.after_table and not isinstance(block, Heading) and not self.pending_break:
            d.add_paragraph()  # an empty line after a table that ended a page left a blank one
        self.after_table = False
        breaking, self.pending_break, self.fresh_page = self.pending_break, False, False
        if breaking and not isinstance(block, Heading):
            d.add_page_break()
        if isinstance(block, Heading):
            heading = d.add_heading(block.text, level=min(block.level, 3))
            if breaking:
                heading.paragraph_format.page_break_before = True
        elif isinstance(block, Para):
            place = block.refs.get("label") or block.refs.get("see")
            text = block.text + (f" (see “{place}”)" if place else "")
            paragraph = d.add_paragraph(text, style="Quote" if block.style == "quote" else None)
            if block.style == "small":
                from docx.shared import Pt

                for run in paragraph.runs:
                    run.font.size = Pt(9)
        elif isinstance(block, Grid):
            self.grid(block)
        elif isinstance(block, Figure):
            self.figure(block)
        elif isinstance(block, Title):
            d.add_heading(block.title, level=0)
            d.add_paragraph(block.subtitle, style="Subtitle")
            d.add_paragraph(block.byline)
        elif isinstance(block, Contents):
            self.contents()
        else:
            raise TypeError(f"no Word form for {type(block).__name__}")

    def grid(self, block: Grid) -> None:
        from docx.oxml.ns import qn
        from docx.oxml.shared import OxmlElement
        from docx.shared import Pt

        table = self.document.add_table(rows=1, cols=len(block.header))
        table.style = "Table Grid"
        header = table.rows[0]
        flag = OxmlElement("w:tblHeader")  # the header row repeats on every page
        flag.set(qn("w:val"), "true")
        header._tr.get_or_add_trPr().append(flag)
        for cell, text in zip(header.cells, block.header, strict=True):
            run = cell.paragraphs[0].add_run(text)
            run.bold = True
            run.font.size = Pt(9)
        for row in block.rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, row, strict=True):
                paragraph = cell.paragraphs[0]
                if isinstance(value, Swatch):
                    p = value.perspective
                    run = paragraph.add_run("\u2501\u2501\u2501 ")
                    from docx.shared import RGBColor

                    run.font.color.rgb = RGBColor.from_string(p.colour.lstrip("#").upper())
                    paragraph.add_run(DASH_WORDS.get(p.dash, p.dash)).font.size = Pt(8)
                else:
                    paragraph.add_run(str(value or "")).font.size = Pt(9)
        self.after_table = True  # room after it, unless a heading (which has its own) follows

    def figure(self, block: Figure) -> None:
        from docx.shared import Inches

        make = self.makers.get(block.key)
        if make is None:
            return
        self.check()
        self.figures_done += 1
        self.say(min(0.95, 0.1 + 0.03 * self.figures_done), "Drawing diagrams")
        png, svg = _pictures(make())
        section = self.document.sections[-1]
        usable = (section.page_width - section.left_margin - section.right_margin) / 914400  # EMU per inch
        from PIL import Image

        with Image.open(io.BytesIO(png)) as image:
            width_in = image.width / DPI
        shape = self.document.add_picture(io.BytesIO(png), width=Inches(min(usable, max(2.5, width_in))))
        shape._inline.docPr.set("descr", block.alt or block.caption)
        shape._inline.docPr.set("title", block.caption[:120])
        if svg is not None:
            self._attach_svg(shape, svg)
        if block.caption:
            self.document.add_paragraph(block.caption, style="Caption")
        if block.perspectives:  # the key: whose line is whose, as under the PDF's diagrams
            from docx.shared import Pt, RGBColor

            key = self.document.add_paragraph()
            for p in block.perspectives:
                line = key.add_run("\u2501\u2501\u2501 ")
                line.font.color.rgb = RGBColor.from_string(p.colour.lstrip("#").upper())
                key.add_run(f"{p.name} ({DASH_WORDS.get(p.dash, p.dash)})    ").font.size = Pt(9)

    def _attach_svg(self, shape, svg: bytes) -> None:
        from docx.opc.constants import RELATIONSHIP_TYPE as RT
        from docx.opc.packuri import PackURI
        from docx.opc.part import Part
        from docx.oxml.ns import qn
        from docx.oxml.parser import parse_xml

        package = self.document.part.package
        name = PackURI(f"/word/media/ssm-figure-{self.figures_done}.svg")
        part = Part(name, "image/svg+xml", svg, package)
        rid = self.document.part.relate_to(part, RT.IMAGE)
        blip = shape._inline.graphic.graphicData.pic.blipFill.find(qn("a:blip"))
        ext_list = parse_xml(
            f'<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
            f'<a:ext uri="{SVG_EXTENSION}"><asvg:svgBlip xmlns:asvg="{SVG_NS}" '
            f'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:embed="{rid}"/>'
            f"</a:ext></a:extLst>")
        blip.append(ext_list)

    def changes_shape(self, wide: bool) -> bool:
        from docx.enum.section import WD_ORIENT

        return self.document.sections[-1].orientation != (WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT)

    def orientation(self, wide: bool) -> None:
        from docx.enum.section import WD_ORIENT, WD_SECTION

        current = self.document.sections[-1]
        want = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
        if current.orientation == want:
            return
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        width, height = current.page_width, current.page_height
        section.orientation = want
        section.page_width, section.page_height = height, width

    def contents(self) -> None:
        """Word's own contents field: it fills in (with page numbers) when the document is
        opened and fields are updated, and follows the headings as they are edited."""
        from docx.oxml.ns import qn
        from docx.oxml.shared import OxmlElement

        paragraph = self.document.add_paragraph()
        field = OxmlElement("w:fldSimple")
        field.set(qn("w:instr"), 'TOC \\o "1-2" \\h \\z \\u')
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "Right-click here and choose Update Field to list the contents."
        run.append(text)
        field.append(run)
        paragraph._p.append(field)
        settings = self.document.settings.element
        update = OxmlElement("w:updateFields")  # Word offers to fill the contents on opening
        update.set(qn("w:val"), "true")
        settings.append(update)


def _pictures(made) -> tuple[bytes, bytes | None]:
    """PNG and SVG of a scene or a reportlab drawing."""
    from reportlab.graphics.shapes import Drawing

    from ..render.export import svg_to_png, to_png, to_svg

    if isinstance(made, Drawing):
        from reportlab.graphics import renderSVG

        svg = renderSVG.drawToString(made).encode("utf-8")
        return svg_to_png(svg, DPI), svg
    try:
        return to_png(made, DPI), to_svg(made)
    finally:
        made.close()
