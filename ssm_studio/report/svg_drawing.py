"""Qt's SVG of a diagram as a reportlab drawing, read the way Qt writes it.

svglib reads any SVG, resolving styles through every ancestor for every shape; converting the
pack's 21 diagrams took it 2.6 s, a quarter of the whole pack. QSvgGenerator writes a small,
regular subset: each <g> carries the complete painter state (pen, brush, transform, font) and
holds only shapes (path, polygon, polyline, rect, circle, ellipse, text). This reads exactly
that, and gives up (Unsupported) on anything else, such as a photo, so the caller can hand
that picture to svglib instead.
"""

from __future__ import annotations

import re

from defusedxml import ElementTree
from reportlab.graphics.shapes import (
    FILL_EVEN_ODD,
    FILL_NON_ZERO,
    Circle,
    Drawing,
    Ellipse,
    Group,
    Path,
    Polygon,
    Rect,
    String,
)
from reportlab.lib.colors import Color, toColor

from .fonts import BOLD, SANS

SVG = "{http://www.w3.org/2000/svg}"
CAPS = {"butt": 0, "round": 1, "square": 2}
JOINS = {"miter": 0, "round": 1, "bevel": 2}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_PATH_TOKEN = re.compile(r"[MLCQZmlcqz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class Unsupported(ValueError):
    """Something Qt's generator does not usually write (svglib takes over)."""


def svg_drawing(data: bytes) -> Drawing:
    root = ElementTree.fromstring(data)
    view = [float(v) for v in root.get("viewBox", "").split()]
    if len(view) != 4:
        raise Unsupported("no viewBox")
    x0, y0, width, height = view
    drawing = Drawing(width, height)
    # SVG's y runs down the page and reportlab's up: one flip for the whole picture.
    page = Group(transform=(1, 0, 0, -1, -x0, height + y0))
    _children(root, {}, page)
    drawing.add(page)
    return drawing


def _children(element, state: dict, into: Group) -> None:
    for child in element:
        tag = child.tag.removeprefix(SVG)
        if tag in ("desc", "defs", "title"):
            if tag == "defs" and len(child):
                raise Unsupported("definitions")
            continue
        if tag == "g":
            inner = {**state, **child.attrib}
            group = Group()
            transform = child.get("transform")
            if transform:
                group.transform = _matrix(transform)
            _children(child, inner, group)
            if group.contents:
                into.add(group)
            continue
        into.add(_shape(tag, child, {**state, **child.attrib}))


def _shape(tag: str, element, style: dict):
    if tag == "path":
        shape = _path(element.get("d", ""), style)
    elif tag == "polygon":
        shape = Polygon([float(v) for v in _NUMBER.findall(element.get("points", ""))])
    elif tag == "polyline":  # a path, not reportlab's PolyLine: SVG lets a polyline be filled
        points = [float(v) for v in _NUMBER.findall(element.get("points", ""))]
        shape = Path(points=list(points), operators=[0] + [1] * (len(points) // 2 - 1), autoclose="svg") \
            if len(points) >= 2 else Path()
    elif tag == "rect":
        shape = Rect(*(float(element.get(k, 0)) for k in ("x", "y", "width", "height")))
    elif tag == "circle":
        shape = Circle(*(float(element.get(k, 0)) for k in ("cx", "cy", "r")))
    elif tag == "ellipse":
        shape = Ellipse(*(float(element.get(k, 0)) for k in ("cx", "cy", "rx", "ry")))
    elif tag == "text":
        return _text(element, style)
    else:
        raise Unsupported(tag)
    _paint(shape, style)
    return shape


def _path(d: str, style: dict) -> Path:
    rule = FILL_EVEN_ODD if style.get("fill-rule", "nonzero") == "evenodd" else FILL_NON_ZERO
    path = Path(fillMode=rule, autoclose="svg")  # SVG fills an open outline as if closed
    tokens = _PATH_TOKEN.findall(d)
    command, i = "", 0
    x = y = 0.0
    while i < len(tokens):
        token = tokens[i]
        if token.isalpha():
            command = token
            i += 1
            if command in "Zz":
                path.closePath()
            continue
        if command == "M":
            x, y = float(tokens[i]), float(tokens[i + 1])
            path.moveTo(x, y)
            command, i = "L", i + 2  # further pairs after M are lines
        elif command == "L":
            x, y = float(tokens[i]), float(tokens[i + 1])
            path.lineTo(x, y)
            i += 2
        elif command == "C":
            a, b, c, e, x, y = (float(t) for t in tokens[i:i + 6])
            path.curveTo(a, b, c, e, x, y)
            i += 6
        elif command == "Q":  # as a cubic: reportlab paths have no quadratic segment
            qx, qy, ex, ey = (float(t) for t in tokens[i:i + 4])
            path.curveTo(x + 2 / 3 * (qx - x), y + 2 / 3 * (qy - y),
                         ex + 2 / 3 * (qx - ex), ey + 2 / 3 * (qy - ey), ex, ey)
            x, y = ex, ey
            i += 4
        else:
            raise Unsupported(f"path command {command!r}")
    return path


def _paint(shape, style: dict) -> None:
    fill = style.get("fill", "black")
    shape.fillColor = None if fill == "none" else _colour(fill)
    if shape.fillColor is not None:
        shape.fillOpacity = _opacity(style.get("fill-opacity"))
    stroke = style.get("stroke", "none")
    if stroke == "none":
        shape.strokeColor = None
        return
    shape.strokeColor = _colour(stroke)
    shape.strokeOpacity = _opacity(style.get("stroke-opacity"))
    shape.strokeWidth = float(style.get("stroke-width", 1))
    shape.strokeLineCap = CAPS.get(style.get("stroke-linecap", "butt"), 0)
    shape.strokeLineJoin = JOINS.get(style.get("stroke-linejoin", "miter"), 0)
    dashes = style.get("stroke-dasharray", "none")
    if dashes != "none":
        values = [float(v) for v in _NUMBER.findall(dashes)]
        offset = float(style.get("stroke-dashoffset", 0) or 0)
        shape.strokeDashArray = (offset, values) if offset else values


def _text(element, style: dict) -> Group:
    text = "".join(element.itertext())
    size = float(style.get("font-size", 12))
    bold = style.get("font-weight", "400") in ("bold", "600", "700", "800", "900")
    colour = _colour(style.get("fill", "black"))
    opacity = _opacity(style.get("fill-opacity"))
    if colour is not None and opacity < 1:  # a String has no opacity of its own
        colour = Color(colour.red, colour.green, colour.blue, opacity)
    label = String(0, 0, text, fontName=BOLD if bold else SANS, fontSize=size, fillColor=colour)
    x, y = float(element.get("x", 0)), float(element.get("y", 0))
    return Group(label, transform=(1, 0, 0, -1, x, y))  # upright again inside the flipped page


def _opacity(value: str | None) -> float:
    return float(value) if value not in (None, "") else 1.0


_COLOURS: dict[str, Color] = {}


def _colour(value: str) -> Color | None:
    """Read once per colour (toColor tries a literal_eval on every call: half a second of a
    ten-perspective pack); shapes share the Color, which nothing changes."""
    if value == "none":
        return None
    found = _COLOURS.get(value)
    if found is None:
        try:
            found = _COLOURS[value] = toColor(value)
        except ValueError:
            raise Unsupported(f"colour {value!r}") from None
    return found


def _matrix(text: str) -> tuple[float, ...]:
    if not text.startswith("matrix("):
        raise Unsupported(f"transform {text!r}")
    values = tuple(float(v) for v in _NUMBER.findall(text))
    if len(values) != 6:
        raise Unsupported(f"transform {text!r}")
    return values
