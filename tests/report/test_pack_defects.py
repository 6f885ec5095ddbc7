"""The example pack as a board member reads it: every table and word on its page, no page
left mostly blank, no heading alone at a page's foot, every printed box holding its words and
clear of the others, the overlay on one page, and every "(see p. N)" on the page it names."""

from __future__ import annotations

import re
from itertools import combinations

import pytest
from pypdf import PdfReader

from ssm_studio.report import PackOptions, build_pack, pdf_writer
from ssm_studio.report.template import MARGIN
from tests.report.pack_reading import HEADING_SIZES, boxes_and_words, page_fill, text_spans

BOX_FILL = 0xF7F7F2  # a variable's box (render/style.py)
SIGNS = ("+", "\u2212", "?")


@pytest.fixture(scope="module")
def example():
    from ssm_studio.storage import read_project
    from tests.conftest import EXAMPLES

    loaded = read_project(EXAMPLES / "stoke-worklessness.ssm")
    return loaded.project, loaded.media


@pytest.fixture(scope="module")
def printed(example, tmp_path_factory, qapp):
    """The pack, with every diagram it placed (key, drawing, scale)."""
    project, media = example
    placed = []
    original = pdf_writer.Diagram.__init__

    def spy(self, drawing, doc, scale, alt, window=None):
        placed.append((drawing, scale, window))
        original(self, drawing, doc, scale, alt, window)

    pdf_writer.Diagram.__init__ = spy
    try:
        path = tmp_path_factory.mktemp("pack") / "pack.pdf"
        build_pack(project, path, media=media)
    finally:
        pdf_writer.Diagram.__init__ = original
    return path, placed


@pytest.mark.parametrize("form", ["portrait", "landscape", "a3", "letter"])
def test_every_word_and_table_stays_on_its_page(example, tmp_path, qapp, form):
    project, media = example
    options = PackOptions(landscape=form == "landscape", a3_overlay=form == "a3",
                          paper="letter" if form == "letter" else "a4")
    path = tmp_path / f"{form}.pdf"
    build_pack(project, path, options, media=media)
    # (The contents' dots and the "(see p. N)" numbers are forms placed on the page: their
    # text is read in the form's own coordinates.)
    outside = [(s["page"], s["text"], round(s["x"], 1), round(s["end"], 1)) for s in text_spans(path)
               if not re.fullmatch(r"[.\s\d)]+", s["text"])
               and (s["x"] < MARGIN - 4 or max(s["x"], s["end"]) > s["page_width"] - MARGIN + 4)]
    assert not outside, outside[:5]


def test_no_page_is_mostly_blank(printed, tmp_path):
    path, _placed = printed
    shares = page_fill(path, tmp_path)
    thin = [(number, round(share, 2)) for number, share in enumerate(shares, 1) if share < 0.2]
    assert not thin, thin
    # Four perspectives and 28 links: a pack a board reads in twenty minutes.
    assert len(shares) <= 28


def test_no_heading_ends_a_page(printed):
    path, _placed = printed
    spans = text_spans(path)
    for number in {s["page"] for s in spans}:
        body = [s for s in spans if s["page"] == number and MARGIN + 1 < s["y"] and not s["text"].startswith("Page ")]
        body = [s for s in body if s["y"] < max(b["y"] for b in body) + 1]
        lowest = min(body, key=lambda s: s["y"])
        heading = lowest["font"].endswith("Bold") and lowest["size"] >= HEADING_SIZES and abs(lowest["x"] - MARGIN) < 1
        assert not heading, (number, lowest["text"])


def test_every_printed_box_holds_its_words_and_no_two_boxes_touch(printed):
    _path, placed = printed
    checked = 0
    for drawing, scale, window in placed:
        if window is not None:
            continue
        boxes, words = boxes_and_words(drawing, BOX_FILL)
        if not boxes:
            continue
        checked += 1
        for text, x0, y, x1, size in words:
            if text in SIGNS:
                continue  # signs are checked below: they sit on the lines
            holder = [b for b in boxes if b[0] <= (x0 + x1) / 2 <= b[2] and b[1] <= y <= b[3]]
            if not holder:
                continue  # a sign, a loop's label: not in a box
            left, bottom, right, top = holder[0]
            assert left - 0.5 <= x0 and x1 <= right + 0.5, (text, x0, x1, left, right)
            assert y + 0.7 * size <= top + 0.5, (text, y, size, top)
        for a, b in combinations(boxes, 2):  # on paper, at least 3 pt apart
            apart = max(b[0] - a[2], a[0] - b[2], b[1] - a[3], a[1] - b[3]) * scale
            assert apart >= 3, (a, b, apart)
    assert checked >= 9  # four perspectives' diagrams, four conceptual models and the overlay


def test_the_overlay_of_21_variables_is_on_one_page(printed, example):
    path, _placed = printed
    reader = PdfReader(str(path))
    texts = [page.extract_text() for page in reader.pages]
    assert not any("Part 1 of" in text for text in texts)
    caption = "Claims of the same link by several perspectives are drawn side by side"
    overlay = [n for n, text in enumerate(texts, 1) if caption in " ".join(text.split())]
    assert len(overlay) == 1
    # Its key under it, on the same page: every perspective's name.
    assert all(p.name in texts[overlay[0] - 1] for p in example[0].perspectives)


def test_a_diagram_too_large_for_any_page_is_printed_in_parts_after_an_overview(tmp_path, qapp):
    from tests.report.test_board_pack import big_project

    project = big_project(160)
    path = tmp_path / "big.pdf"
    build_pack(project, path, PackOptions(sections={"comparison"}))
    reader = PdfReader(str(path))
    texts = [" ".join(page.extract_text().split()) for page in reader.pages]
    parts = [n for n, text in enumerate(texts) if re.search(r"Part \d+ of \d+", text)]
    assert parts, "the overlay of 160 variables cannot print whole at 8 pt"
    total = int(re.search(r"Part \d+ of (\d+)", texts[parts[0]]).group(1))
    assert len(parts) == total
    overview = parts[0] - 1
    assert "Printed in" in texts[overview] and "overview shows where each part lies" in texts[overview]
    for n in parts:  # every part holds some of the map, and its key
        assert "Factor number" in texts[n], n
        assert all(name in texts[n] for name in ("Participant 0", "Participant 1", "Participant 2")), n
    spans = [s for s in text_spans(path) if s["page"] - 1 in parts or s["page"] - 1 == overview]
    assert min(s["size"] for s in spans) >= 7.95


def test_every_reference_in_the_summary_names_the_page_that_holds_its_place(printed, example):
    path, _placed = printed
    project, _media = example
    reader = PdfReader(str(path))
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline
               if not isinstance(item, list)}
    summary = " ".join(reader.pages[outline["Summary"]].extract_text().split())
    refs = list(re.finditer(r"(.{0,900}?)\(see p\. (\d+)\)", summary))
    assert len(refs) >= 9
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for ref in refs:
        said, page = ref.group(1), int(ref.group(2))
        target = pages[page - 1]
        loop = re.search(r"((?:[RB?]\d+)(?: [A-Z][a-z]+(?: [a-z]+)*)?) \((?:reinforcing|balancing|unknown)\)", said)
        link = re.search(r"([A-Z][^:.()]*?) → ([A-Z][^:()]*?): [A-Z]", said)
        if loop:
            assert loop.group(1) in target, (loop.group(1), page)
        elif link:
            assert f"{link.group(1)} → {link.group(2)}" in target, (link.group(0), page)
    # The disagreement points at the conflicts table, not at the section's first page.
    conflict = next(r for r in refs if "Jobcentre Plus advisers says +" in r.group(1))
    assert "In conflict (opposite polarity)" in pages[int(conflict.group(2)) - 1]


def test_the_summary_says_what_perspectives_agree_on_and_why_a_circle_is_both_r_and_b(printed):
    path, _placed = printed
    reader = PdfReader(str(path))
    summary = " ".join(reader.pages[2].extract_text().split())
    assert "What several perspectives agree on: 1" in summary
    assert "Employer demand for local workers → Worklessness: City partnership (LSP) says −; " \
           "Jobcentre Plus advisers says −" in summary
    # B2 and R3 run through the same variables with opposite types: the summary says why.
    assert re.search(r"B2 \(balancing\).*also listed as R3 \(reinforcing\): the perspectives read "
                     r"Pressure to meet off-flow targets → Quality of adviser support with opposite signs", summary)


def test_each_activity_table_is_headed_by_its_model_beside_its_drawing(printed, example):
    path, _placed = printed
    project, _media = example
    reader = PdfReader(str(path))
    pages = [" ".join(page.extract_text().split()) for page in reader.pages]
    for cm in project.conceptual_models:
        table = [n for n, text in enumerate(pages) if f"Activities of the conceptual model ‘{cm.title}’" in text]
        drawn = [n for n, text in enumerate(pages) if f"Conceptual model: {cm.title}" in text]
        assert len(table) == 1 and len(drawn) == 1, cm.title
        assert table[0] - drawn[0] in (0, 1), cm.title  # the table follows its drawing


def _overlap(a, b) -> bool:
    return min(a[2], b[2]) - max(a[0], b[0]) > 0 and min(a[3], b[3]) - max(a[1], b[1]) > 0


def test_no_sign_of_a_printed_diagram_covers_another_or_a_box(printed):
    """Three signs crowded one arrowhead: claims of one link side by side printed a sign
    each, and a sign beside a slanting line landed on its box's words."""
    _path, placed = printed
    for drawing, _scale, window in placed:
        if window is not None:
            continue
        boxes, words = boxes_and_words(drawing, BOX_FILL)
        signs = [(x0, y, x1, y + size * 0.7) for text, x0, y, x1, size in words if text in SIGNS]
        for a, b in combinations(signs, 2):
            assert not _overlap(a, b), (a, b)
        for sign in signs:
            assert not any(_overlap(sign, box) for box in boxes), sign


def test_the_word_version_never_starts_a_page_on_an_empty_one(example, tmp_path, qapp):
    """A page break, a heading that starts a page, and a section of another shape each begin
    a page: two with nothing between them leave a blank page (three of them did)."""
    from docx import Document
    from docx.oxml.ns import qn

    project, media = example
    out = tmp_path / "pack.docx"
    build_pack(project, out, media=media)
    body = Document(str(out)).element.body
    starts, content_since = 0, True
    for element in body.iterchildren():
        if element.tag == qn("w:tbl"):
            content_since = True
            continue
        if element.tag != qn("w:p"):
            continue
        begins = any(flag.get(qn("w:val"), "1") not in ("0", "false")
                     for flag in element.iter(qn("w:pageBreakBefore"))) or any(
            br.get(qn("w:type")) == "page" for br in element.iter(qn("w:br")))
        if begins:
            assert content_since, "two page starts with nothing between"
            starts += 1
            content_since = False
        has_text = "".join(t.text or "" for t in element.iter(qn("w:t"))).strip()
        if has_text or element.findall(f".//{qn('w:drawing')}"):
            content_since = True
        if element.findall(f".//{qn('w:sectPr')}"):  # a section ends here: the next one starts a page
            assert content_since, "a section break straight after a page break"
            content_since = False
    assert starts >= 8
    # Every figure with perspectives has its key in Word too.
    texts = [p.text for p in Document(str(out)).paragraphs]
    assert any("City partnership (LSP) (solid)" in t and "Further-education college" in t for t in texts)


def test_nothing_of_a_printed_diagram_lies_outside_its_frame(printed):
    """The caption under a diagram is printed below the diagram's frame: a line drawn
    beyond the frame printed over the overlay's caption."""
    from tests.report.pack_reading import leaves

    _path, placed = printed
    for drawing, _scale, window in placed:
        if window is not None:
            continue
        for shape, m in leaves(drawing):
            bounds = shape.getBounds() if hasattr(shape, "getBounds") else None
            if not bounds or type(shape).__name__ == "String":
                continue
            x0, y0, x1, y1 = bounds
            xs = [m[0] * x + m[2] * y + m[4] for x, y in ((x0, y0), (x1, y1), (x0, y1), (x1, y0))]
            ys = [m[1] * x + m[3] * y + m[5] for x, y in ((x0, y0), (x1, y1), (x0, y1), (x1, y0))]
            assert min(xs) >= -1 and max(xs) <= drawing.width + 1, (type(shape).__name__, min(xs), max(xs))
            assert min(ys) >= -1 and max(ys) <= drawing.height + 1, (type(shape).__name__, min(ys), max(ys))
