"""A reportlab drawing written straight into a page as PDF drawing code.

reportlab's renderer (renderPDF) walks a drawing node by node, saving and restoring the
canvas's whole Python-side state around every node and working out each node's style as a
difference from its parent's. For a pack's diagrams, 90,000 shapes, that was three quarters
of drawing the pages (1.6 of 2.2 s). The shapes our converters make carry their complete
style and are few in kind, so each is written once here as its PDF operators, between its
own q/Q; the result is the same marks on the page, cached on the drawing.

A drawing holding any other kind of node (svglib's pictures, say) is left to renderPDF:
``draw`` returns False and the caller renders it the usual way.
"""

from __future__ import annotations

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
    _renderPath,
)
from reportlab.lib.colors import CMYKColor
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.pathobject import PDFPathObject

CACHE = "_ssm_pdf_code"  # where a drawing keeps its code (drawings are finished when drawn)


class _NotOurs(Exception):
    """A node this writer does not know: renderPDF draws the whole drawing."""


# A part of a large diagram printed at legible size (a tile) writes only the marks that
# reach it: a 1,000-variable map printed in 15 parts wrote every label into every part.
MARGIN = 12.0  # drawing units around a tile: strokes and arrowheads that overhang a mark's bounds


class _Leaf:
    """One mark's code and its bounds in the drawing's coordinates."""

    __slots__ = ("bounds", "piece")

    def __init__(self, bounds: tuple[float, float, float, float], piece) -> None:
        self.bounds, self.piece = bounds, piece


def draw(drawing, canvas, window: tuple[float, float, float, float] | None = None) -> bool:
    """Draw ``drawing`` at the canvas's origin, as renderPDF.draw(drawing, canvas, 0, 0) would;
    False (nothing drawn) if the drawing holds a node of a kind this does not write.
    ``window`` (x0, y0, x1, y1 in the drawing's coordinates): only the marks that reach it."""
    code = drawing.__dict__.get(CACHE)
    if code is None:
        try:
            code = _compile(drawing)
        except _NotOurs:
            code = False
        drawing.__dict__[CACHE] = code
    if code is False:
        return False
    whole, leaves = code
    canvas.saveState()
    append = canvas._code.append  # canvas.addLiteral, without a call per piece
    if window is None:
        for piece in whole:
            if piece.__class__ is str:
                append(piece)
            else:
                piece(canvas)
    else:
        left, bottom, right, top = (window[0] - MARGIN, window[1] - MARGIN, window[2] + MARGIN,
                                    window[3] + MARGIN)
        for entry in leaves:
            if entry.__class__ is str:
                append(entry)
                continue
            x0, y0, x1, y1 = entry.bounds
            if x1 < left or x0 > right or y1 < bottom or y0 > top:
                continue
            piece = entry.piece
            if piece.__class__ is str:
                append(piece)
            else:
                piece(canvas)
    canvas.restoreState()
    return True


def _compile(drawing) -> tuple[list, list]:
    """The drawing's code whole (operator strings joined), and as marks with their bounds."""
    if getattr(drawing, "renderScale", 1) != 1:
        raise _NotOurs("a drawing scaled at render time")
    pieces: list = []
    matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    transform = getattr(drawing, "transform", None)
    if transform and tuple(transform) != (1, 0, 0, 1, 0, 0):
        pieces.append(f"{fp_str(*transform)} cm")
        matrix = _times(matrix, tuple(transform))
    for node in drawing.contents:
        _node(node, pieces, matrix)
    return _joined([p.piece if p.__class__ is _Leaf else p for p in pieces]), pieces


def _joined(pieces: list) -> list:
    """Runs of operator strings joined into one, so drawing appends a few long strings."""
    joined: list = []
    run: list[str] = []
    for piece in pieces:
        if piece.__class__ is str:
            run.append(piece)
            continue
        if run:
            joined.append("\n".join(run))
            run = []
        joined.append(piece)
    if run:
        joined.append("\n".join(run))
    return joined


def _times(m: tuple, n: tuple) -> tuple:
    """The matrix of applying ``n`` inside ``m`` (PDF's 'cm' order)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (p * a + q * c, p * b + q * d, r * a + s * c, r * b + s * d, t * a + u * c + e, t * b + u * d + f)


def _bounds(node, matrix: tuple) -> tuple[float, float, float, float]:
    x0, y0, x1, y1 = node.getBounds()
    a, b, c, d, e, f = matrix
    xs = [a * x + c * y + e for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    ys = [b * x + d * y + f for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    return min(xs), min(ys), max(xs), max(ys)


def _node(node, pieces: list, matrix: tuple) -> None:
    kind = node.__class__
    if kind is Group or kind is Drawing:
        transform = node.transform
        plain = not transform or tuple(transform) == (1, 0, 0, 1, 0, 0)
        if not plain:
            pieces.append(f"q {fp_str(*transform)} cm")
            matrix = _times(matrix, tuple(transform))
        for child in node.contents:
            _node(child, pieces, matrix)
        if not plain:
            pieces.append("Q")
        return
    start = len(pieces)
    if kind is String:
        _string(node, pieces)
    else:
        _shape(node, pieces)
    if len(pieces) > start:  # a mark was written: kept with where it lies
        bounds = _bounds(node, matrix)
        pieces[start:] = [_Leaf(bounds, piece) for piece in pieces[start:]]


def _shape(node, pieces: list) -> None:
    kind = node.__class__
    shape = _outline(node)
    fill = kind is not Line and kind is not PolyLine and node.fillColor is not None
    stroke = node.strokeColor is not None
    if not (fill or stroke):
        return
    style = [_stroke_style(node)] if stroke else []
    if fill:
        style.append(_colour(node.fillColor, "rg"))
    outline, closed = shape
    op = _paint_op(node, stroke, fill, closed)
    alphas = _alphas(node, stroke, fill)
    if alphas:
        pieces.append(_with_alpha(*alphas, " ".join(style), f"{outline} {op}"))
    else:
        pieces.append(f"q {' '.join(style)} {outline} {op} Q")


def _outline(node) -> tuple[str, bool]:
    """The node's outline as path operators, and whether it is closed."""
    kind = node.__class__
    path = PDFPathObject()
    if kind is Path:
        closed = _renderPath(node, (path.moveTo, path.lineTo, path.curveTo, path.close),
                             forceClose=node.fillColor is not None and getattr(node, "autoclose", "") == "pdf")
        return path.getCode(), bool(closed)
    if kind is Polygon or kind is PolyLine:
        points = node.points
        path.moveTo(points[0], points[1])
        for i in range(2, len(points) - 1, 2):
            path.lineTo(points[i], points[i + 1])
        if kind is Polygon:
            path.close()
        return path.getCode(), kind is Polygon
    if kind is Line:
        path.moveTo(node.x1, node.y1)
        path.lineTo(node.x2, node.y2)
        return path.getCode(), False
    if kind is Rect:
        if node.rx or node.ry:
            path.roundRect(node.x, node.y, node.width, node.height, node.rx)
        else:
            return f"{fp_str(node.x, node.y, node.width, node.height)} re", True
        return path.getCode(), True
    if kind is Circle:
        path.circle(node.cx, node.cy, node.r)
        return path.getCode(), True
    if kind is Ellipse:
        path.ellipse(node.cx - node.rx, node.cy - node.ry, 2 * node.rx, 2 * node.ry)
        return path.getCode(), True
    raise _NotOurs(kind.__name__)


def _paint_op(node, stroke: bool, fill: bool, closed: bool) -> str:
    even_odd = getattr(node, "fillMode", None) != FILL_NON_ZERO
    if node.__class__ is Path:
        autoclose = getattr(node, "autoclose", "")
        if autoclose not in ("svg", "pdf") and not closed:
            fill = False  # reportlab's older rule for open paths, kept so the marks match
    if fill and stroke:
        return "B*" if even_odd else "B"
    if fill:
        return "f*" if even_odd else "f"
    return "S"


def _stroke_style(node) -> str:
    parts = [_colour(node.strokeColor, "RG"), f"{fp_str(node.strokeWidth)} w",
             f"{node.strokeLineCap} J {node.strokeLineJoin} j"]
    limit = getattr(node, "strokeMiterLimit", 10)
    if limit != 10:
        parts.append(f"{fp_str(limit)} M")
    dashes = node.strokeDashArray
    if dashes:
        phase = 0
        if len(dashes) == 2 and isinstance(dashes[1], (tuple, list)):
            phase, dashes = dashes
        parts.append(f"[{fp_str(*dashes)}] {fp_str(phase)} d")
    return " ".join(parts)


def _colour(colour, op: str) -> str:
    if isinstance(colour, CMYKColor):
        return f"{fp_str(colour.cyan, colour.magenta, colour.yellow, colour.black)} {'K' if op == 'RG' else 'k'}"
    return f"{fp_str(colour.red, colour.green, colour.blue)} {op}"


def _alpha_of(colour, opacity) -> float:
    if opacity is not None:
        return opacity
    alpha = getattr(colour, "alpha", None)
    return 1.0 if alpha is None else alpha


def _alphas(node, stroke: bool, fill: bool) -> tuple[float, float] | None:
    fill_alpha = _alpha_of(node.fillColor, node.fillOpacity) if fill else 1.0
    stroke_alpha = _alpha_of(node.strokeColor, getattr(node, "strokeOpacity", None)) if stroke else 1.0
    return None if fill_alpha == stroke_alpha == 1.0 else (fill_alpha, stroke_alpha)


def _with_alpha(fill_alpha: float, stroke_alpha: float, style: str, marks: str):
    """Transparency needs a graphics-state resource registered with the page: the canvas's
    own calls make it, inside the canvas's own save and restore so its record stays true."""
    def paint(canvas) -> None:
        canvas.saveState()
        canvas.setFillAlpha(fill_alpha)
        canvas.setStrokeAlpha(stroke_alpha)
        canvas._code.append(f"{style} {marks}")
        canvas.restoreState()
    return paint


def _string(node: String, pieces: list) -> None:
    colour = node.fillColor
    if colour is None or not node.text:
        return
    mode = getattr(node, "textRenderMode", 0) or 0
    if mode not in (0, 2, 4, 6):
        raise _NotOurs("stroked text")
    x, text, font, size = node.x, node.text, node.fontName, node.fontSize
    anchor = node.textAnchor
    if anchor in ("end", "middle"):
        width = stringWidth(text, font, size, node.encoding)
        x -= width if anchor == "end" else width / 2
    elif anchor not in ("start", "inherited"):
        raise _NotOurs(f"text anchor {anchor}")
    alpha = _alpha_of(colour, None)
    fill = _colour(colour, "rg")
    y = node.y

    def write(canvas) -> None:
        # The text object encodes the words for the embedded font's subsets, which only the
        # canvas's document knows; it names its font itself, so no canvas state is touched.
        canvas._code.append(f"q {fill}")
        if alpha != 1.0:
            canvas.saveState()
            canvas.setFillAlpha(alpha)
        words = canvas.beginText(x, y)
        words.setFont(font, size)
        words.textOut(text)
        canvas.drawText(words)
        if alpha != 1.0:
            canvas.restoreState()
        canvas._code.append("Q")
    pieces.append(write)
