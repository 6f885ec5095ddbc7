"""Diagrams written straight as PDF code make the same marks as reportlab's own renderer."""

import io
import subprocess
import sys

import numpy as np
from PIL import Image
from pypdf import PdfReader
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import (
    FILL_NON_ZERO,
    Circle,
    Drawing,
    Ellipse,
    Group,
    Line,
    Path,
    Polygon,
    PolyLine,
    Rect,
    String,
    Wedge,
)
from reportlab.lib.colors import CMYKColor, Color, HexColor
from reportlab.pdfgen.canvas import Canvas

import ssm_studio.report  # noqa: F401  (switches reportlab's shape checks off before shapes load)
from ssm_studio.report import drawing_code
from ssm_studio.report.fonts import BOLD, SANS, register_fonts


def every_kind() -> Drawing:
    register_fonts()
    drawing = Drawing(300, 200)
    page = Group(transform=(1, 0, 0, -1, 0, 200))  # as the SVG reader flips every diagram
    curve = Path(fillColor=None, strokeColor=HexColor("#0072b2"), strokeWidth=2.5,
                 strokeDashArray=(3, [6, 2, 1, 2]), strokeLineCap=1, autoclose="svg")
    curve.moveTo(10, 10)
    curve.curveTo(60, 0, 90, 80, 140, 40)
    page.add(curve)
    open_filled = Path(fillColor=HexColor("#e69f00"), strokeColor=HexColor("#000000"), strokeWidth=1,
                       fillMode=FILL_NON_ZERO, autoclose="svg")
    open_filled.moveTo(160, 10)
    open_filled.lineTo(200, 60)
    open_filled.lineTo(150, 60)  # open: filled as if closed, stroked open
    page.add(open_filled)
    page.add(Polygon([210, 10, 250, 20, 230, 50], fillColor=HexColor("#009e73"), strokeColor=None))
    page.add(PolyLine([10, 90, 40, 120, 70, 90], strokeColor=HexColor("#cc79a7"), strokeWidth=3,
                      strokeLineJoin=1))
    page.add(Rect(90, 90, 60, 30, fillColor=Color(0.8, 0.1, 0.1), fillOpacity=0.4, strokeColor=None))
    page.add(Rect(160, 90, 60, 30, rx=6, ry=6, fillColor=None, strokeColor=CMYKColor(1, 0, 0, 0.2)))
    page.add(Circle(250, 105, 15, fillColor=HexColor("#56b4e9"), strokeColor=HexColor("#333333"),
                    strokeWidth=0.5))
    page.add(Ellipse(40, 160, 30, 12, fillColor=None, strokeColor=HexColor("#d55e00"), strokeWidth=2))
    page.add(Line(90, 150, 280, 190, strokeColor=HexColor("#000000"), strokeWidth=1.5))
    for x, anchor in ((150, "start"), (150, "middle"), (150, "end")):
        label = String(0, 0, f"{anchor} → −", fontName=BOLD if anchor == "middle" else SANS, fontSize=9,
                       textAnchor=anchor, fillColor=HexColor("#222222"))
        page.add(Group(label, transform=(1, 0, 0, -1, x, 140 + 12 * ("start", "middle", "end").index(anchor))))
    drawing.add(page)
    return drawing


def page_pixels(draw, tmp_path, name: str) -> np.ndarray:
    out = tmp_path / f"{name}.pdf"
    canvas = Canvas(str(out), pagesize=(320, 220))
    canvas.translate(10, 10)
    draw(canvas)
    canvas.save()
    subprocess.run(["pdftoppm", "-r", "144", "-png", "-singlefile", str(out), str(tmp_path / name)], check=True)
    return np.asarray(Image.open(tmp_path / f"{name}.png").convert("RGB"), dtype=np.int16)


def test_every_kind_of_shape_makes_the_marks_renderpdf_makes(tmp_path):
    ours = page_pixels(lambda c: drawing_code.draw(every_kind(), c), tmp_path, "ours")
    theirs = page_pixels(lambda c: renderPDF.draw(every_kind(), c, 0, 0), tmp_path, "theirs")
    assert ours.shape == theirs.shape
    assert (theirs < 250).any(axis=2).sum() > 5_000  # there is a picture to compare
    differing = (np.abs(ours - theirs).max(axis=2) > 48).sum()
    assert differing <= 20, differing  # a few antialiased edge pixels at most


def test_text_stays_text_and_every_label_is_there(tmp_path):
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(320, 220))
    assert drawing_code.draw(every_kind(), canvas)
    canvas.save()
    text = PdfReader(buffer).pages[0].extract_text()
    for anchor in ("start", "middle", "end"):
        assert f"{anchor} → −" in text


def test_a_drawing_with_a_shape_it_does_not_write_is_left_to_renderpdf():
    drawing = every_kind()
    drawing.add(Wedge(50, 50, 20, 0, 90))
    canvas = Canvas(io.BytesIO())
    before = len(canvas._code)
    assert drawing_code.draw(drawing, canvas) is False
    assert len(canvas._code) == before  # nothing half-written


def test_a_drawing_is_compiled_once_and_drawn_as_often_as_asked():
    drawing = every_kind()
    canvas = Canvas(io.BytesIO())
    assert drawing_code.draw(drawing, canvas)
    first = "".join(canvas._code)
    assert drawing_code.draw(drawing, canvas)  # a tile draws the same drawing again
    assert "".join(canvas._code) == first * 2


def test_reportlab_shape_checks_are_off_once_the_report_package_loads():
    code = ("import ssm_studio.report\n"
            "from reportlab.graphics.shapes import Shape\n"
            "assert '__setattr__' not in Shape.__dict__, 'shapes still check every attribute'\n")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_tile_writes_only_the_marks_that_reach_it_and_looks_the_same():
    """A large diagram printed in parts: each part writes the marks within it (and a margin),
    found through every group's transform, and the part looks as if all were written."""
    drawing = Drawing(1000, 1000)
    page = Group(transform=(1, 0, 0, -1, 0, 1000))  # flipped, as every diagram read from SVG is
    near = Rect(20, 900, 60, 40, fillColor=HexColor("#d55e00"), strokeColor=None)  # y flipped: 60-100
    far = Rect(800, 100, 60, 40, fillColor=HexColor("#009e73"), strokeColor=None)  # y flipped: 860-900
    moved = Group(Rect(0, 0, 50, 50, fillColor=HexColor("#cc79a7"), strokeColor=None),
                  transform=(1, 0, 0, 1, 30, 880))  # inside a shifted group: y 70-120 once flipped
    across = Line(0, 500, 1000, 500, strokeColor=HexColor("#0072b2"), strokeWidth=2)  # crosses every part
    page.add(near)
    page.add(far)
    page.add(moved)
    page.add(across)
    drawing.add(page)

    def written(window):
        out = io.BytesIO()
        canvas = Canvas(out, pagesize=(1000, 1000))
        assert drawing_code.draw(drawing, canvas, window)
        code = "\n".join(canvas._code)
        canvas.showPage()
        canvas.save()
        return code, out.getvalue()

    def colour(hex_colour):
        c = HexColor(hex_colour)
        return drawing_code._colour(c, "rg")

    part, part_pdf = written((0, 0, 200, 200))
    assert colour("#d55e00") in part and colour("#cc79a7") in part
    assert colour("#009e73") not in part  # far away: not written into this part
    whole, whole_pdf = written(None)
    assert colour("#009e73") in whole
    middle, _ = written((0, 450, 1000, 550))
    assert "RG" in middle and colour("#d55e00") not in middle  # only the line crosses the middle
    # The part's corner of the page (the bottom left, 200 points square) printed the same.
    def corner(pdf):
        png = subprocess.run(["pdftoppm", "-r", "20", "-png", "-x", "0", "-y", "222", "-W", "56", "-H", "56", "-"],
                             input=pdf, capture_output=True, check=True).stdout
        return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    printed = corner(part_pdf)
    assert (printed != 255).any(axis=2).sum() > 100  # the two boxes are there ...
    assert (printed == corner(whole_pdf)).all()  # ... as the whole drawing prints them
