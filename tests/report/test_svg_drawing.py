"""Qt's SVG of every diagram kind read straight into reportlab, shape for shape as svglib
reads it; anything else is left to svglib."""

import io
from collections import Counter

import pytest
from svglib.svglib import svg2rlg

from ssm_studio.bundled import examples
from ssm_studio.render.export import cld_scene, conceptual_model_scene, rich_picture_scene, to_svg
from ssm_studio.report.fonts import BOLD, SANS, register_fonts
from ssm_studio.report.svg_drawing import Unsupported, svg_drawing
from ssm_studio.storage import read_project


def leaves(node, scale=1.0):
    out = []
    for child in getattr(node, "contents", []) or []:
        if hasattr(child, "contents"):
            out += leaves(child)
        else:
            out.append(child)
    return out


def signature(shape):
    kind = type(shape).__name__
    if kind == "PolyLine":  # svglib's polyline; ours is an open path
        kind = "Path"
    if kind == "String":
        return kind, shape.text, round(shape.fontSize, 2)
    fill = shape.fillColor.hexval() if getattr(shape, "fillColor", None) is not None else None
    stroke = shape.strokeColor.hexval() if getattr(shape, "strokeColor", None) is not None else None
    return kind, fill, stroke, round(getattr(shape, "strokeWidth", 0) or 0, 2)


@pytest.fixture(scope="module")
def svgs(qapp):
    register_fonts()
    project = read_project(examples()[0].path).project
    scenes = [cld_scene(project), rich_picture_scene(project),
              conceptual_model_scene(project, project.conceptual_models[0].id)]
    return [to_svg(scene) for scene in scenes]


def svglib_shapes(drawing) -> Counter:
    """svglib draws a filled open outline as two shapes, a fill that closes it and a stroke
    that does not; ours is one path that reportlab closes for the fill only (autoclose)."""
    shapes = Counter(map(signature, leaves(drawing)))
    for kind, fill, stroke, width in [s for s in shapes.elements() if s[0] == "NoStrokePath"]:
        shapes[(kind, fill, stroke, width)] -= 1
        shapes[("Path", None, stroke, width)] -= 1
        shapes[("Path", fill, stroke, width)] += 1
    return +shapes


def test_every_diagram_kind_reads_shape_for_shape_as_svglib_reads_it(svgs):
    for svg in svgs:
        ours, theirs = svg_drawing(svg), svg2rlg(io.BytesIO(svg))
        assert Counter(map(signature, leaves(ours))) == svglib_shapes(theirs)
        assert abs(ours.width - theirs.width) < 1.5 and abs(ours.height - theirs.height) < 1.5
        fonts = {shape.fontName for shape in leaves(ours) if type(shape).__name__ == "String"}
        assert fonts and fonts <= {SANS, BOLD}  # embedded fonts only


def test_open_outlines_are_filled_as_svg_fills_them():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><g fill="#222222" stroke="none">'
           b'<path fill-rule="nonzero" d="M10,10 L90,10 L90,90"/></g></svg>')
    path = leaves(svg_drawing(svg))[0]
    assert path.fillColor.hexval() == "0x222222" and path.autoclose == "svg"


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g><image x="0" y="0" width="5" height="5"/></g></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><g fill="url(#a)"><rect width="5" height="5"/></g></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><g/></svg>',
])
def test_what_qt_rarely_writes_is_left_to_svglib(svg):
    with pytest.raises(Unsupported):
        svg_drawing(svg)


def test_a_picture_with_a_photo_goes_to_svglib(qapp):
    from PySide6.QtGui import QColor, QPixmap
    from PySide6.QtWidgets import QGraphicsScene

    from ssm_studio.report.pack import _drawing

    register_fonts()
    scene = QGraphicsScene()
    photo = QPixmap(40, 30)
    photo.fill(QColor("#8899AA"))
    scene.addPixmap(photo)
    scene.addText("A flip chart")
    assert b"<image" in to_svg(scene)
    drawing = _drawing(scene)
    kinds = {type(shape).__name__ for shape in leaves(drawing)}
    assert "Image" in kinds and "String" in kinds
