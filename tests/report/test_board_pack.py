"""The pack as a partnership board reads it: legible on paper, a summary first, the loops
compared, perspectives told apart in greyscale, a Word version, and accessible."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from itertools import combinations

import pytest
from PIL import Image
from pypdf import PdfReader

from ssm_studio.model import CausalLink, Perspective, Project, Variable, style_for_index
from ssm_studio.report import PackOptions, build_pack
from ssm_studio.report.pdf_writer import KEY_PT, column_widths


def spans(path):
    """(page number, printed size in points, text, x, y) of every piece of text."""
    from tests.report.pack_reading import text_spans

    return [(s["page"], s["size"], s["text"], s["x"], s["y"]) for s in text_spans(path)]


@pytest.fixture(scope="module")
def pack(tmp_path_factory, qapp):
    from ssm_studio.storage import read_project
    from tests.conftest import EXAMPLES

    project = read_project(EXAMPLES / "stoke-worklessness.ssm").project
    out = tmp_path_factory.mktemp("pack") / "pack.pdf"
    build_pack(project, out)
    return project, out


def big_project(variables: int = 160) -> Project:
    """A diagram far too big for a page at 8 pt: one perspective's long chains and loops."""
    project = Project()
    people = [Perspective(name=f"Participant {i}", colour=style_for_index(i)[0], dash=style_for_index(i)[1])
              for i in range(3)]
    project.perspectives = people
    nodes = [Variable(name=f"Factor number {i} in the map", x=(i % 16) * 260.0, y=(i // 16) * 170.0)
             for i in range(variables)]
    project.cld.variables = nodes
    links = []
    for i in range(variables):
        owner = people[i % 3]
        links.append(CausalLink(source=nodes[i].id, target=nodes[(i + 1) % variables].id, perspective=owner.id,
                                polarity="+" if i % 4 else "-"))
        if i % 5 == 0:
            links.append(CausalLink(source=nodes[(i + 3) % variables].id, target=nodes[i].id,
                                    perspective=owner.id, polarity="-"))
    # A variable that feeds itself makes a loop of one: it is listed, not drawn as a circle.
    links.append(CausalLink(source=nodes[5].id, target=nodes[5].id, perspective=people[0].id, polarity="+"))
    project.cld.links = links
    return Project.model_validate(project.model_dump())


def test_no_text_below_8_points_in_the_example(pack):
    _project, path = pack
    sizes = [(number, size, text) for number, size, text, _x, _y in spans(path)]
    assert len(sizes) > 500
    small = [s for s in sizes if s[1] < 7.95]
    assert not small, small[:5]


@pytest.mark.parametrize("a3", [False, True])
def test_no_text_below_8_points_at_any_diagram_size(tmp_path, qapp, a3):
    out = tmp_path / "big.pdf"
    build_pack(big_project(), out, PackOptions(sections={"perspectives", "comparison", "loops"}, a3_overlay=a3))
    found = spans(out)
    small = [s[:3] for s in found if s[1] < 7.95]
    assert not small, small[:5]
    reader = PdfReader(str(out))
    assert len(reader.pages) < 120  # parts and loops, not hundreds of pages
    if a3:
        assert any(round(float(p.mediabox.width)) == 1191 for p in reader.pages)


def test_headers_wrap_between_words_only():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from ssm_studio.report.fonts import BOLD, register_fonts

    register_fonts()
    widths = column_widths(["CATWOE", "Desirable", "C · Customers"], [0.1, 0.1, 0.8], 180)
    for header, width in zip(["CATWOE", "Desirable", "Customers"], widths, strict=True):
        assert width >= stringWidth(header, BOLD, 8) + 8
    assert sum(widths) == pytest.approx(180)
    # Where the words cannot all fit, the table still never leaves its page: words break.
    assert sum(column_widths(["CATWOE", "Desirable", "C · Customers"], [0.3, 0.3, 0.3], 120)) == pytest.approx(120)


def test_summary_comes_first_and_points_to_its_pages(pack):
    project, path = pack
    reader = PdfReader(str(path))
    outline = {item.title: reader.get_destination_page_number(item) + 1
               for item in reader.outline if not isinstance(item, list)}
    assert list(outline)[:3] == ["Contents", "Summary", "The situation"]
    summary = reader.pages[outline["Summary"] - 1].extract_text()
    for words in ("Who took part", "Loops every perspective sees", "Loops only some see",
                  "Loops no one sees alone", "Sharpest disagreements", "desirable and feasible"):
        assert words in summary
    assert "Revolving door" in summary
    # The number is a form written after the pages: it reads as its own piece of text.
    assert re.search(rf"\(see p\.\s+{outline['The loops compared']}\)", summary)
    assert re.search(rf"\(see p\.\s+{outline['Action plan and accommodation']}\)", summary)
    for perspective in project.perspectives:
        assert perspective.name in summary and perspective.stakeholder in summary


def test_loop_comparison_section(pack):
    _project, path = pack
    reader = PdfReader(str(path))
    outline = {item.title: reader.get_destination_page_number(item) for item in reader.outline
               if not isinstance(item, list)}
    start = outline["The loops compared"]
    text = "\n".join(reader.pages[i].extract_text() for i in range(start, start + 4))
    assert "holds" in text and "Runs through" in text and "Loops no one sees alone: 3" in text
    assert "Revolving door" in text and "Who claims each link" in text


def key_lines(path, page_number: int, dpi: int = 150):
    """Each perspective's line in the key of a page, as printed in greyscale."""
    names = [(text, x, y) for number, size, text, x, y in spans(path)
             if number == page_number and abs(size - KEY_PT) < 0.05]
    png = subprocess.run(["pdftoppm", "-gray", "-r", str(dpi), "-f", str(page_number), "-l", str(page_number),
                          "-png", str(path)], capture_output=True, check=True).stdout
    image = Image.open(io.BytesIO(png)).convert("L")
    height_pt = float(PdfReader(str(path)).pages[page_number - 1].mediabox.height)
    lines = {}
    for name, x, y in names:
        row = round((height_pt - (y + 3)) * dpi / 72)
        left, right = round((x - 6 - 40) * dpi / 72) + 2, round((x - 6) * dpi / 72) - 2
        profile = [min(image.getpixel((px, py)) for py in range(row - 2, row + 3)) for px in range(left, right)]
        ink = [v for v in profile if v < 200]
        runs, current, count = [], profile[0] < 200, 0
        for value in profile:
            if (value < 200) == current:
                count += 1
            else:
                runs.append((current, count))
                current, count = value < 200, 1
        runs.append((current, count))
        lines[name] = (sum(ink) / len(ink) if ink else 255, sum(1 for on, _n in runs if on),
                       max((n for on, n in runs if on), default=0))
    return lines


def test_every_pair_of_perspectives_differs_in_greyscale(pack):
    _project, path = pack
    pages = sorted({number for number, size, *_rest in spans(path) if abs(size - KEY_PT) < 0.05})
    assert pages, "no diagram page carries a key"
    compared = 0
    for number in pages:
        lines = key_lines(path, number)
        for (a, la), (b, lb) in combinations(lines.items(), 2):
            grey_differs = abs(la[0] - lb[0]) > 20
            dash_differs = la[1] != lb[1] or abs(la[2] - lb[2]) > 3
            assert grey_differs or dash_differs, f"page {number}: {a} and {b} look alike in greyscale"
            compared += 1
    assert compared >= 6  # the overlay's key holds all four perspectives


def test_word_version_has_the_same_sections(pack, tmp_path):
    from docx import Document

    project, _path = pack
    out = tmp_path / "pack.docx"
    build_pack(project, out)
    document = Document(str(out))
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    titles = [text for style, text in headings if style == "Heading 1"]
    for section in ("Summary", "The situation", "The perspectives compared", "The loops compared",
                    "Action plan and accommodation", "Appendix: every causal claim"):
        assert section in titles
    for perspective in project.perspectives:
        assert f"Perspective: {perspective.name}" in titles
    assert len(document.tables) > 20
    pictures = document.inline_shapes
    assert len(pictures) >= 8
    assert all(shape._inline.docPr.get("descr") for shape in pictures)
    with zipfile.ZipFile(out) as archive:
        names = archive.namelist()
        assert any(n.endswith(".svg") for n in names) and any(n.endswith(".png") for n in names)
        assert "svgBlip" in archive.read("word/document.xml").decode()
        assert 'w:val="en-GB"' in archive.read("word/styles.xml").decode()


def test_report_command_picks_word_from_the_suffix(tmp_path, example_path, capsys):
    from ssm_studio.cli.main import main

    out = tmp_path / "board.docx"
    assert main(["report", str(example_path), "-o", str(out)]) == 0
    assert zipfile.is_zipfile(out) and b"word/document.xml" in out.read_bytes()


def test_pdf_language_title_and_alternative_text(pack):
    _project, path = pack
    reader = PdfReader(str(path))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "en-GB"
    assert catalog["/ViewerPreferences"]["/DisplayDocTitle"]
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Causal-loop diagram of the perspective Jobcentre Plus advisers" in text
    assert "Overlay of the causal claims of" in text


def test_cell_words_are_not_broken_either():
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from ssm_studio.report.fonts import SANS, register_fonts

    register_fonts()
    widths = column_widths(["Loop", "Kind", "Runs through"], [1.6, 1.6, 5], 200,
                           [["R1 Vicious circle of confidence", "reinforcing", "A → B → A"]])
    assert widths[1] >= stringWidth("reinforcing", SANS, 8) + 8
    assert widths[0] >= stringWidth("confidence", SANS, 8) + 8
    assert sum(widths) == pytest.approx(200)


def test_a_conceptual_models_heading_goes_with_its_diagram(pack):
    """A diagram sent to a landscape page takes its heading along, never leaving it alone at
    the foot of the page before."""
    _project, path = pack
    reader = PdfReader(str(path))
    headed = 0
    for page in reader.pages:
        lines = [line for line in page.extract_text().strip().splitlines() if line.strip()]
        assert not lines[-1].startswith("Conceptual model:"), lines[-3:]
        headed += any(line.startswith("Conceptual model:") for line in lines)
    assert headed >= 4  # the example's four models
