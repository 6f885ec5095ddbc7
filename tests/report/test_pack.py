"""The comparison pack read back with pypdf, and its pages rendered with pdftoppm."""

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from ssm_studio.cli.main import main
from ssm_studio.report import PackCancelled, PackOptions, build_pack


@pytest.fixture(scope="module")
def pack(tmp_path_factory, qapp):
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
    from build_stoke_example import build

    project = build()
    path = tmp_path_factory.mktemp("pack") / "pack.pdf"
    build_pack(project, path)
    return project, path, PdfReader(str(path))


def outline_titles(reader):
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def all_text(reader):
    """Every page's words, with line breaks from table cells folded into spaces."""
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_page_count_in_range(pack):
    _, _, reader = pack
    assert 12 <= len(reader.pages) <= 40


def test_outline_has_every_section_and_perspective(pack):
    project, _, reader = pack
    titles = outline_titles(reader)
    for section in ("Contents", "The situation", "The perspectives compared",
                    "Comparison with the real situation (stage 5)", "Action plan and accommodation",
                    "Appendix: every causal claim"):
        assert section in titles
    for perspective in project.perspectives:
        assert f"Perspective: {perspective.name}" in titles


def test_text_holds_names_catwoe_and_arrows(pack):
    project, _, reader = pack
    text = all_text(reader)
    for perspective in project.perspectives:
        assert perspective.name in text
    for heading in ("Customers", "Actors", "Transformation", "Worldview", "Owners", "Environmental constraints"):
        assert heading in text
    assert "\u2192" in text and "\u2212" in text  # arrows and typographic minus print
    assert "Vicious circle of confidence" in text
    assert "Offer college courses starting in January" in text


def test_diagram_text_is_selectable(pack):
    _, _, reader = pack
    page = next(p for p in reader.pages if "Causal claims" in p.extract_text()
                and "Contents" not in p.extract_text())
    assert "Worklessness" in page.extract_text()


def test_every_font_is_embedded(pack):
    _, _, reader = pack
    fonts = {}
    for page in reader.pages:
        resources = page.get("/Resources") or {}
        for ref in (resources.get("/Font") or {}).values():
            font = ref.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for base, font in fonts.items():
        descendant = font.get("/DescendantFonts")
        descriptor = (descendant[0].get_object() if descendant else font).get("/FontDescriptor")
        assert descriptor is not None, f"{base} is not embedded"
        descriptor = descriptor.get_object()
        assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), f"{base} is not embedded"


def test_metadata(pack):
    project, _, reader = pack
    assert reader.metadata.title == project.metadata.title
    assert reader.metadata.creator == "SSM Studio"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils is installed by .ci/run")
def test_rendered_pages_are_not_blank(pack, tmp_path):
    from PySide6.QtGui import QImage

    _, path, reader = pack
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(reader.pages)
    for page in pages:
        image = QImage(str(page))
        dark = sum(1 for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)
                   if image.pixelColor(x, y).lightness() < 200)
        assert dark > 20, f"{page.name} looks blank"


def test_letter_landscape_and_chosen_perspectives(tmp_path, example_project, qapp):
    chosen = [example_project.perspectives[2].id]
    path = build_pack(example_project, tmp_path / "one.pdf",
                      PackOptions(chosen, {"perspectives", "appendix"}, "letter", True))
    reader = PdfReader(str(path))
    width, height = float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)
    assert (round(width), round(height)) == (792, 612)
    text = all_text(reader)
    assert "Residents out of work" in text and "Perspective: Jobcentre Plus advisers" not in text


def test_cancel_writes_nothing(tmp_path, example_project, qapp):
    target = tmp_path / "cancelled.pdf"
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(PackCancelled):
        build_pack(example_project, target, cancel=cancel)
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_progress_is_reported_in_order(tmp_path, example_project, qapp):
    seen = []
    build_pack(example_project, tmp_path / "p.pdf", PackOptions(sections={"situation"}),
               progress=lambda f, m: seen.append(f))
    assert seen and seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)


def test_report_command(tmp_path, example_path, capsys):
    out = tmp_path / "cli.pdf"
    assert main(["report", str(example_path), "-o", str(out), "--paper", "letter",
                 "--perspective", "Further-education college"]) == 0
    assert "%" in capsys.readouterr().err  # progress on stderr
    assert PdfReader(str(out)).pages


def test_report_command_bad_section(tmp_path, example_path, capsys):
    assert main(["report", str(example_path), "-o", str(tmp_path / "x.pdf"), "--sections", "nonsense"]) == 2


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_export_command_formats(tmp_path, example_path, fmt, qapp):
    from xml.etree import ElementTree

    from PySide6.QtGui import QImage

    out = tmp_path / f"diagram.{fmt}"
    assert main(["export", str(example_path), "--view", "cld", "--format", fmt, "-o", str(out),
                 "--perspective", "Residents out of work", "--dpi", "120"]) == 0
    if fmt == "png":
        image = QImage(str(out))
        assert image.width() > 500 and round(image.dotsPerMeterX() * 0.0254) == 120
    elif fmt == "svg":
        root = ElementTree.parse(out).getroot()
        assert root.tag.endswith("svg") and "Worklessness" in out.read_text()
    else:
        assert len(PdfReader(str(out)).pages) == 1
