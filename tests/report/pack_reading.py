"""Reading a built pack the way a board member sees it: where each piece of text sits on its
page, how much of each page is printed, and what each printed diagram holds."""

from __future__ import annotations

import math
import subprocess
from pathlib import Path

import numpy as np
from PIL import Image
from pypdf import PdfReader
from reportlab.graphics.shapes import Group, String, mmult
from reportlab.pdfbase.pdfmetrics import stringWidth

from ssm_studio.report.fonts import BOLD, ITALIC, SANS, register_fonts

IDENTITY = (1, 0, 0, 1, 0, 0)
HEADING_SIZES = 10.4  # the pack's headings are 10.5, 13 and 17 pt bold; nothing else at the margin is


def text_spans(path) -> list[dict]:
    """Every piece of text: page, size, font, words, where it starts and ends, and the page's width."""
    register_fonts()
    found = []
    for number, page in enumerate(PdfReader(str(path)).pages, 1):
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font, size, number=number, width=width):
            if not text.strip():
                return
            a, b = tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3]
            c, d = tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3]
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            printed = size * math.sqrt(abs(a * d - b * c))
            base = str((font or {}).get("/BaseFont", ""))
            name = BOLD if "Bold" in base else ITALIC if "Oblique" in base or "Italic" in base else SANS
            stripped = text.rstrip()  # and the room kept for a late number
            found.append({"page": number, "size": printed, "font": name, "text": stripped.strip(), "x": x, "y": y,
                          "end": x + stringWidth(stripped, name, printed) * (1 if a >= 0 else -1),
                          "page_width": width})
        page.extract_text(visitor_text=visit)
    return found


def page_fill(path, folder: Path) -> list[float]:
    """For each page, the share of its body's height (between the running header and the
    page number) that has anything printed on it."""
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(path), str(folder / "fill")], check=True)
    shares = []
    for image in sorted(folder.glob("fill-*.pgm")):
        inked = np.asarray(Image.open(image)) < 200
        height = inked.shape[0]
        body = inked[int(height * 0.085):int(height * 0.93)]
        shares.append(float(body.any(axis=1).mean()))
    return shares


def leaves(drawing):
    """(shape, transform to the drawing's own units) for every shape of a reportlab drawing."""
    out = []

    def walk(node, matrix):
        for child in getattr(node, "contents", []) or []:
            if isinstance(child, Group):
                walk(child, mmult(matrix, getattr(child, "transform", IDENTITY)))
            else:
                out.append((child, matrix))

    walk(drawing, IDENTITY)
    return out


def _box(bounds, m):
    x0, y0, x1, y1 = bounds
    points = [(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]) for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1))]
    return (min(p[0] for p in points), min(p[1] for p in points), max(p[0] for p in points), max(p[1] for p in points))


def boxes_and_words(drawing, fill: int) -> tuple[list, list]:
    """The boxes (shapes filled with ``fill``) and every word's extent, in drawing units."""
    boxes, words = [], []
    for shape, m in leaves(drawing):
        if isinstance(shape, String):
            scale = math.hypot(m[0], m[1])
            width = stringWidth(shape.text, shape.fontName, shape.fontSize) * scale
            x = m[0] * shape.x + m[2] * shape.y + m[4]
            y = m[1] * shape.x + m[3] * shape.y + m[5]
            start = {"start": x, "middle": x - width / 2, "end": x - width}.get(shape.textAnchor, x)
            words.append((shape.text, start, y, start + width, shape.fontSize * scale))
        elif getattr(shape, "fillColor", None) is not None and shape.fillColor.int_rgb() == fill:
            boxes.append(_box(shape.getBounds(), m))
    return boxes, words
