"""Pages of the pack: portrait and landscape templates, running header, page numbers,
PDF outline entries and contents for every heading."""

from __future__ import annotations

from collections.abc import Callable

from reportlab.lib.pagesizes import A3, A4, landscape, letter, portrait
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate
from reportlab.platypus.tableofcontents import TableOfContents

from .fonts import SANS
from .late_numbers import LateNumbers, note_page_ref

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
        self._shown_progress = 0.0
        self._heading_count = 0
        self.planned_headings: set[str] | None = None  # every heading's text, once the build begins
        self.planned_anchors: set[str] = set()  # every place a reference may name (blocks.anchor_id)
        self.heading_pages: dict[str, int] = {}  # where each heading landed
        self.bookmark_pages: dict[str, int] = {}  # … by its bookmark
        self.page_refs: dict[str, int] = {}  # each "(see p. N)" target and its callback label
        self.late = LateNumbers()
        self.refs_to_place: list = []  # a PageRef's numbers, between its words and its forms
        self._story_size = self._story_placed = 0
        self.setProgressCallBack(self._placing)  # reportlab counts the story's flowables as it places them
        big = landscape(A3)  # the overlay on A3 when the user asks for it
        tall = portrait(size)  # a tall figure in a landscape pack
        self.landscape_pages = landscape_pages
        self.addPageTemplates([
            PageTemplate("main", [self._frame(main)], onPage=self._decorate, pagesize=main),
            PageTemplate("wide", [self._frame(wide)], onPage=self._decorate, pagesize=wide),
            PageTemplate("a3", [self._frame(big)], onPage=self._decorate, pagesize=big),
            PageTemplate("tall", [self._frame(tall)], onPage=self._decorate, pagesize=tall),
        ])

    def build_once(self, story) -> None:
        """Lay out and draw the pack in a single pass, then write the page numbers that point
        forward (late_numbers) and save.

        The contents are planned before the pass: every heading is in the story, so the
        contents page is laid out with its final entries and only their numbers come later.
        Should the plan miss (a heading the walk could not see), the pass is run again with
        the entries as they came, which lays the contents out right; a miss costs one pass."""
        planned = planned_contents(story)
        self.planned_headings = {text for _level, text, _page, _key in planned}
        contents = [thing for thing in story if isinstance(thing, TableOfContents)]
        self._indexingFlowables = contents
        for toc in contents:
            toc._entries = list(planned)  # beforeBuild makes them the entries to lay out
        self._doSave = 0
        # reportlab marks a flowable that did not fit as postponed (a second miss is an error)
        # and, building in passes, asks for the mark to be undone before the next pass.
        undo: list = []
        self._multiBuildEdits = undo.append
        try:
            for _attempt in range(2):
                for toc in contents:
                    toc.beforeBuild()
                self.build(story[:])  # a copy: building consumes the story
                for toc in contents:
                    toc.afterBuild()
                if all(_words(toc._entries) == _words(toc._lastEntries) for toc in contents):
                    break
                self.planned_headings = set(self.heading_pages)  # as they came, for "(see p. N)"
                while undo:
                    edit = undo.pop(0)
                    edit[0](*edit[1:])
            else:
                raise IndexError("the contents did not settle")
        finally:
            del self._multiBuildEdits
        self.late.write(self.canv)
        self.canv.save()

    def build(self, flowables, *args, **kwargs):
        self.late = LateNumbers()
        self.heading_pages, self.bookmark_pages = {}, {}
        self._heading_count = 0
        return super().build(flowables, *args, **kwargs)

    def handle_documentBegin(self) -> None:
        super().handle_documentBegin()
        self.canv.setNamedCB("ssm_page_ref", lambda canvas, kind, label: note_page_ref(self, canvas, label))
        self.canv.setNamedCB("ssm_anchor", lambda canvas, kind, label: self.heading_pages.setdefault(label, self.page))

    def _placing(self, kind: str, count: int) -> None:
        if kind == "SIZE_EST":
            self._story_size, self._story_placed = count, 0
        elif kind == "PROGRESS":
            self._story_placed = count

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
        if self.progress is not None and self._story_size:
            # The share of the story placed so far: the page count is not known until the end.
            done = min(1.0, self._story_placed / self._story_size)
            self._shown_progress = max(self._shown_progress, 0.45 + 0.55 * done)  # never backwards
            self.progress(self._shown_progress, f"Laying out and drawing page {doc.page}")

    def afterFlowable(self, flowable) -> None:
        """Every heading becomes a contents line and a PDF bookmark."""
        style = getattr(flowable, "style", None)
        name = getattr(style, "name", "")
        if name not in ("heading1", "heading2"):
            return
        level = 0 if name == "heading1" else 1
        text = flowable.getPlainText()
        self.heading_pages.setdefault(text, self.page)
        self._heading_count += 1
        key = f"h{self._heading_count}"  # as planned_contents numbers them
        self.bookmark_pages[key] = self.page
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
