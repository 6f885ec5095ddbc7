"""The Unicode font every word of the pack is set in (DejaVu Sans, shipped with its licence).

The built-in PDF fonts cannot print "→", "−" or many accented names; DejaVu can, and it is
embedded (subset) so the pack prints the same anywhere.
"""

from __future__ import annotations

from ..bundled import resource_dir

FONT_DIR = resource_dir("fonts")
SANS, BOLD, ITALIC = "SSMSans", "SSMSans-Bold", "SSMSans-Italic"
_registered = False


def register_fonts() -> None:
    global _registered
    if _registered:
        return
    from reportlab.lib.fonts import addMapping
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont(SANS, str(FONT_DIR / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONT_DIR / "DejaVuSans-Bold.ttf")))
    pdfmetrics.registerFont(TTFont(ITALIC, str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    for bold, italic, name in ((0, 0, SANS), (1, 0, BOLD), (0, 1, ITALIC), (1, 1, BOLD)):
        addMapping(SANS, bold, italic, name)
    # reportlab starts every drawing in its default font (Helvetica, not embedded): make
    # that default ours, so a pack never asks the printer for a font it does not carry.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = SANS
    # Diagrams arrive as SVG from Qt naming its own families: map them all to ours.
    from svglib.fonts import register_font

    for family in ("DejaVu Sans", "Sans Serif", "sans-serif", "Helvetica", "Arial"):
        register_font(family, rlgFontName=SANS)
        register_font(family, weight="bold", rlgFontName=BOLD)
    _registered = True
