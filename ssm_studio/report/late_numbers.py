"""Page numbers printed before they are known, so the pack is laid out and drawn in one pass.

The contents page and the summary's "(see p. N)" come before the pages they name. reportlab's
way is to build the whole document again and again until the numbers settle (three passes
for the pack, each drawing every diagram). Here each such number is a small PDF form that the
page refers to where the number goes and that is written once the last page is laid out, as
a PDF may define a form after the pages that use it. The room each number takes is known
beforehand (the contents are planned from the story; a reference keeps room for three
digits), so nothing moves when the numbers arrive.
"""

from __future__ import annotations

from ast import literal_eval
from collections.abc import Callable
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph
from reportlab.platypus.tableofcontents import TableOfContents, drawPageNumbers

REF_COLOUR = "#555555"
REF_DIGITS = 3  # room kept for "p. 888)": packs run to hundreds of pages
NBSP = "\u00a0"


class LateNumbers:
    """The forms still to write: each is painted, once the pages are known, by its painter."""

    def __init__(self) -> None:
        self.painters: dict[str, tuple[tuple[float, float, float, float], Callable]] = {}

    def place(self, canvas, x: float, y: float, box: tuple[float, float, float, float],
              paint: Callable) -> None:
        """Refer to a new form at (x, y) of the current drawing; ``paint(canvas)`` writes it
        later, in the form's own coordinates (origin at x, y), inside ``box``."""
        name = f"ssm-late-{len(self.painters) + 1}"
        self.painters[name] = (box, paint)
        canvas.saveState()
        canvas.translate(x, y)
        canvas.doForm(name)
        canvas.restoreState()

    def write(self, canvas) -> None:
        for name, (box, paint) in self.painters.items():
            canvas.beginForm(name, *box)
            paint(canvas)
            canvas.endForm()
        self.painters.clear()


class LateContents(TableOfContents):
    """reportlab's contents table, laid out from the planned entries, with each entry's dots
    and page number drawn as a late form."""

    def __init__(self, doc, **kwargs) -> None:
        super().__init__(**kwargs)
        self.doc = doc

    def wrap(self, available_width, available_height):
        size = super().wrap(available_width, available_height)
        # reportlab's callback draws the number it was given; ours leaves room for it.
        self.canv.setNamedCB("drawTOCEntryEnd", lambda canvas, kind, label:
                             self._entry_end(canvas, label, available_width))
        return size

    def _entry_end(self, canvas, label: str, available_width: float) -> None:
        _page, level, key = label.split(",")
        level, key = int(level), literal_eval(key)
        style = self.getLevelStyle(level)
        dot = " . " if 0 <= self.dotsMinLevel <= level else ""
        x, y = canvas._curr_tx_info["cur_x"], canvas._curr_tx_info["cur_y"]
        room = available_width - x
        doc = self.doc

        def paint(form) -> None:
            form._curr_tx_info = {"cur_x": 0, "cur_y": 0}  # drawPageNumbers reads where it is
            try:
                drawPageNumbers(form, style, [(doc.bookmark_pages.get(key, 0), None)], room, 0, dot)
            finally:
                del form._curr_tx_info

        doc.late.place(canvas, x, y, (-1, -style.fontSize, room + 1, 2 * style.leading), paint)
        if key:  # the number clicks through to its page, as reportlab's does
            canvas.linkRect("", key, (x, y, available_width, y + style.leading), relative=1)


class PageRef(Paragraph):
    """A paragraph ending "(see p. N)", N being where the named heading lands. The paragraph
    keeps room for a three-digit number; the number and the closing bracket are a late form.
    If the heading is not in the pack (its section was left out) the reference is left out."""

    def __init__(self, text: str, style, target: str, doc) -> None:
        self.base, self.target, self.doc = text, target, doc
        super().__init__(self._text(style), style)

    def _text(self, style) -> str:
        planned = self.doc.planned_headings
        if planned is not None and self.target not in planned and self.target not in self.doc.planned_anchors:
            return escape(self.base)
        font, size = style.fontName, style.fontSize
        spaces = NBSP * int(stringWidth("8" * REF_DIGITS + ")", font, size) / stringWidth(NBSP, font, size) + 1)
        index = self.doc.page_refs.setdefault(self.target, len(self.doc.page_refs))
        return (f"{escape(self.base)} <font color='{REF_COLOUR}'>(see p.{NBSP}"
                f"<onDraw name='ssm_page_ref' label='{index}'/>{spaces}</font>")

    def wrap(self, available_width, available_height):
        if self.doc.planned_headings is not None:  # known once the build begins
            self.__init__(self.base, self.style, self.target, self.doc)
        return super().wrap(available_width, available_height)

    def split(self, available_width, available_height):
        return []  # a few lines: kept whole, on the next page if need be

    def draw(self) -> None:
        # The number is placed after the words, so that the page's text reads in order
        # ("… (see p. 30)") for screen readers and copying; the callback only notes where.
        self.doc.refs_to_place = []
        super().draw()
        for x, y, font, size, target in self.doc.refs_to_place:
            _place_ref(self.doc, self.canv, x, y, font, size, target)
        self.doc.refs_to_place = []


def note_page_ref(doc, canvas, label: str) -> None:
    """The onDraw callback of every PageRef: where its number goes, in what font."""
    target = list(doc.page_refs)[int(label)]  # labels are numbered in the order targets came
    info = canvas._curr_tx_info
    doc.refs_to_place.append((info["cur_x"], info["cur_y"], info["tx"]._fontname, info["tx"]._fontsize, target))


def _place_ref(doc, canvas, x: float, y: float, font: str, size: float, target: str) -> None:
    def paint(form) -> None:
        form.setFont(font, size)
        form.setFillColor(REF_COLOUR)
        form.drawString(0, 0, f"{doc.heading_pages.get(target, '?')})")

    doc.late.place(canvas, x, y, (-1, -size, 8 * size, 2 * size), paint)
