"""Paragraph and table styles of the pack: plain, high-contrast, legible in greyscale."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from .fonts import BOLD, ITALIC, SANS

INK = colors.HexColor("#1A1A1A")
RULE = colors.HexColor("#888888")
SHADE = colors.HexColor("#EDEDED")

BODY = ParagraphStyle("body", fontName=SANS, fontSize=9.5, leading=13, textColor=INK, spaceAfter=5)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=10, spaceAfter=0)
CELL = ParagraphStyle("cell", parent=BODY, fontSize=8, leading=10, spaceAfter=0)
CELL_BOLD = ParagraphStyle("cell-bold", parent=CELL, fontName=BOLD)
QUOTE = ParagraphStyle("quote", parent=BODY, fontName=ITALIC, leftIndent=14, rightIndent=14)
H1 = ParagraphStyle("heading1", fontName=BOLD, fontSize=17, leading=21, spaceBefore=4, spaceAfter=10, textColor=INK,
                    keepWithNext=1)
H2 = ParagraphStyle("heading2", fontName=BOLD, fontSize=13, leading=16, spaceBefore=10, spaceAfter=6, textColor=INK,
                    keepWithNext=1)
H3 = ParagraphStyle("heading3", fontName=BOLD, fontSize=10.5, leading=13, spaceBefore=8, spaceAfter=4, textColor=INK,
                    keepWithNext=1)
SUBTITLE = ParagraphStyle("subtitle", fontName=BOLD, fontSize=13, leading=16, spaceAfter=6, textColor=INK)
TITLE = ParagraphStyle("title", fontName=BOLD, fontSize=26, leading=31, spaceAfter=14, textColor=INK)
TOC1 = ParagraphStyle("toc1", fontName=BOLD, fontSize=10, leading=14, leftIndent=0)
TOC2 = ParagraphStyle("toc2", fontName=SANS, fontSize=9, leading=12, leftIndent=14)


def grid(header_rows: int = 1) -> TableStyle:
    return TableStyle([
        ("FONT", (0, 0), (-1, -1), SANS, 8),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ])
