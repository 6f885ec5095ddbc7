"""Pages of the pack: portrait and landscape templates, running header, page numbers,
PDF outline entries and contents for every heading."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A3, A4, landscape, letter, portrait
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from .fonts import SANS

PAPERS = {"a4": A4, "letter": letter}
MARGIN = 16 * mm


class PackCancelled(Exception):
    """The user cancelled building the pack; nothing was written."""


class PackTemplate(BaseDocTemplate):
    def __init__(self, target, paper: str, landscape_pages: bool, header: str,
                 progress: Callable[[float, str], None] | None = None,
                 cancel: Callable[[], bool] | None = None, **metadata) -> None:
        size = PAPERS[paper]
        main = landscape(size) if landscape_pages else portrait(size)
        wide = landscape(size)
        # lang and displayDocTitle: screen readers speak the pack in English and show its title.
        super().__init__(target, pagesize=main, leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + 6 * mm, bottomMargin=MARGIN, initialFontName=SANS,
                         lang="en-GB", displayDocTitle=1, **metadata)
        self.header = header
        self.progress, self.cancel = progress, cancel
        self.expected_pages = 0
        self._shown_progress = 0.0
        self.passes = 0  # layout passes begun (the contents page needs two or more)
        self.drawing = True  # False on layout passes that only count pages (build_in_passes)
        self._heading_count = 0
        self.heading_pages: dict[str, int] = {}  # where each heading landed on the last pass
        self._landing: dict[str, int] = {}  # … and on this one
        big = landscape(A3)  # the overlay on A3 when the user asks for it
        self.addPageTemplates([
            PageTemplate("main", [self._frame(main)], onPage=self._decorate, pagesize=main),
            PageTemplate("wide", [self._frame(wide)], onPage=self._decorate, pagesize=wide),
            PageTemplate("a3", [self._frame(big)], onPage=self._decorate, pagesize=big),
        ])

    def build_in_passes(self, story, max_passes: int = 5) -> int:
        """reportlab's multiBuild, with the diagrams drawn only once the pages have settled.

        The contents are planned before the first pass: every heading is in the story, and
        the contents page's height depends on their words, not on their page numbers (which
        are drawn in afterwards). So the first pass, undrawn, already lays out the final pages
        and learns every page number; the second draws and is saved. Should a page number
        change the layout after all (a "see p. N" that wraps differently), passes go on until
        nothing moves, each drawing, and the last is saved. multiBuild needed three passes,
        drawing every diagram on each of them, and drawing is most of a pack's time."""
        self._indexingFlowables = [thing for thing in story if thing.isIndexing()]
        contents = [thing for thing in self._indexingFlowables if isinstance(thing, TableOfContents)]
        planned = planned_contents(story)
        for toc in contents:
            toc._entries = list(planned)  # beforeBuild makes them the entries to lay out
        self._doSave = 0
        edits: list = []
        self._multiBuildEdits = edits.append
        passes = 0
        self.drawing = False
        try:
            while True:
                passes += 1
                for flowable in self._indexingFlowables:
                    flowable.beforeBuild()
                self.build(story[:])  # a copy: building consumes the story
                for flowable in self._indexingFlowables:
                    flowable.afterBuild()
                settled = self._allSatisfied() and self._landing == self.heading_pages
                if self.drawing and settled:
                    self._doSave = 0
                    self.canv.save()
                    return passes
                if passes == 1 and all(_words(toc._entries) == _words(planned) for toc in contents):
                    settled = True  # laid out with the real contents: only page numbers were unknown
                if passes > max_passes:
                    raise IndexError(f"the contents did not settle after {max_passes} passes")
                self.drawing = self.drawing or settled
                while edits:
                    edit = edits.pop(0)
                    edit[0](*edit[1:])
        finally:
            del self._multiBuildEdits

    def build(self, flowables, *args, **kwargs):
        if self.passes:
            self.expected_pages = self.page  # the last pass's count: the best guess there is
        self.passes += 1
        if self._landing:
            self.heading_pages, self._landing = self._landing, {}
        return super().build(flowables, *args, **kwargs)

    def _frame(self, size) -> Frame:
        width, height = size
        return Frame(MARGIN, MARGIN, width - 2 * MARGIN, height - 2 * MARGIN - 6 * mm, id="body",
                     leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)

    def frame_size(self, wide: bool = False, template: str | None = None) -> tuple[float, float]:
        name = template or ("wide" if wide else "main")
        template = next(t for t in self.pageTemplates if t.id == name)
        frame = template.frames[0]
        return frame._width, frame._height

    def _decorate(self, canvas, doc) -> None:
        if self.cancel is not None and self.cancel():
            raise PackCancelled("cancelled")
        width, height = canvas._pagesize
        canvas.saveState()
        canvas.setFont(SANS, 8)
        canvas.setFillGray(0.35)
        if doc.page > 1:
            canvas.drawString(MARGIN, height - MARGIN + 1 * mm, self.header)
            canvas.line(MARGIN, height - MARGIN, width - MARGIN, height - MARGIN)
        canvas.drawRightString(width - MARGIN, MARGIN - 8 * mm, f"Page {doc.page}")
        canvas.restoreState()
        if self.progress is not None and self.expected_pages:
            done = min(1.0, doc.page / self.expected_pages)
            if self.drawing:  # the last pass, which draws every diagram: most of the time
                at, message = 0.6 + 0.4 * done, f"Drawing page {doc.page} of {self.expected_pages}"
            else:
                at, message = 0.45 + 0.15 * done, f"Arranging the pages (pass {self.passes})"
            self._shown_progress = max(self._shown_progress, at)  # never backwards between passes
            self.progress(self._shown_progress, message)

    def afterFlowable(self, flowable) -> None:
        """Every heading becomes a contents line and a PDF bookmark."""
        style = getattr(flowable, "style", None)
        name = getattr(style, "name", "")
        if name not in ("heading1", "heading2"):
            return
        level = 0 if name == "heading1" else 1
        text = flowable.getPlainText()
        self._landing.setdefault(text, self.page)
        key = getattr(flowable, "_bookmark", None)
        if key is None:
            self._heading_count += 1
            key = flowable._bookmark = f"h{self._heading_count}"
        self.canv.bookmarkPage(key)
        self.canv.addOutlineEntry(text, key, level=level, closed=level > 0)
        self.notify("TOCEntry", (level, text, self.page, key))


HEADING_LEVELS = {"heading1": 0, "heading2": 1}


def planned_contents(story) -> list[tuple[int, str, int, str]]:
    """The contents entries the story will make, in order, with page 0 for now: afterFlowable
    gives the n-th heading laid out the bookmark 'h{n}'."""
    entries = []

    def walk(flowables) -> None:
        for flowable in flowables:
            level = HEADING_LEVELS.get(getattr(getattr(flowable, "style", None), "name", ""))
            if level is not None and hasattr(flowable, "getPlainText"):
                entries.append((level, flowable.getPlainText(), 0, f"h{len(entries) + 1}"))
            inner = getattr(flowable, "_content", None)  # KeepTogether and its kind
            if isinstance(inner, list):
                walk(inner)

    walk(story)
    return entries


def _words(entries) -> list[tuple[int, str, str]]:
    return [(level, text, key) for level, text, _page, key in entries]
