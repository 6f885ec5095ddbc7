"""A storyline as a handout: captioned frames, vector, no words under 8 pt, in PDF and Word,
alone or after the pack (issue #23, items 3 and 5)."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest
from pypdf import PdfReader

from ssm_studio.analysis.storyline import generate_storyline
from ssm_studio.report.handout import HandoutError, build_handout
from ssm_studio.storage import read_project, save_project

from .test_pack_picture import text_runs


@pytest.fixture
def told(example_project):
    example_project.storylines = [generate_storyline(example_project, name="Board")]
    return example_project


def test_the_handout_has_a_captioned_frame_for_every_step_and_legible_words(tmp_path, qapp, told):
    out = build_handout(told, tmp_path / "handout.pdf")
    reader = PdfReader(out)
    text = "\n".join(page.extract_text() for page in reader.pages)
    steps = told.storylines[0].steps
    for number, step in enumerate(steps, 1):
        assert f"Step {number}:" in text and step.caption.split()[0] in text
    assert "Rich picture" in text and "Actions (stages 6–7)" in text
    assert len(reader.pages) <= 1 + 2 * len(steps)  # a step a page or two, after the title page
    sizes = [size for page in reader.pages for _t, _x, _y, size in text_runs(page) if _t]
    assert min(sizes) >= 7.9  # never under 8 pt
    assert steps[0].notes and steps[0].notes[:40] not in text.replace("\n", " ")  # speaker notes stay home


def test_the_word_handout_and_the_pack_with_the_handout_appended(tmp_path, qapp, told):
    from docx import Document

    from ssm_studio.report import PackOptions, build_pack

    docx = build_handout(told, tmp_path / "handout.docx", "board")
    paragraphs = [p.text for p in Document(io.BytesIO(docx.read_bytes())).paragraphs]
    assert any(p.startswith("Step 1:") for p in paragraphs)
    alone = PdfReader(build_pack(told, tmp_path / "pack.pdf"))
    both = PdfReader(build_pack(told, tmp_path / "pack-story.pdf", PackOptions(storyline="Board")))
    assert len(both.pages) > len(alone.pages)
    assert "Storyline: Board" in "\n".join(page.extract_text() for page in both.pages)


def test_a_project_without_that_storyline_is_told_so(tmp_path, qapp, example_project):
    example_project.storylines = []  # the example comes with one
    with pytest.raises(HandoutError, match="no storyline"):
        build_handout(example_project, tmp_path / "x.pdf")
    example_project.storylines = [generate_storyline(example_project, name="Board")]
    with pytest.raises(HandoutError, match="no storyline called 'Other'.*'Board'"):
        build_handout(example_project, tmp_path / "x.pdf", "Other")
    assert not (tmp_path / "x.pdf").exists()


def test_the_handout_command(tmp_path, example_path):
    story = tmp_path / "story.ssm"
    subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", "storyline", str(example_path), "--generate",
                    "-o", str(story)], check=True, capture_output=True, timeout=120)
    made = subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", "handout", str(story), "-o",
                           str(tmp_path / "h.pdf")], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    bare = tmp_path / "bare.ssm"
    project = read_project(example_path).project
    project.storylines = []  # the example comes with one
    save_project(bare, project)
    missing = subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", "handout", str(bare), "-o",
                              str(tmp_path / "n.pdf")], capture_output=True, text=True, timeout=120)
    assert missing.returncode == 1 and "no storyline" in missing.stderr


def _large_map(count: int):
    """A map of ``count`` variables in a grid, each claiming a link to its right and lower
    neighbours, in two perspectives."""
    from ssm_studio.model import CausalLink, Perspective, Project, Variable

    project = Project()
    project.perspectives = [Perspective(name="Residents", colour="#0072B2", dash="solid"),
                            Perspective(name="Jobcentre advisers", colour="#D55E00", dash="dash")]
    side = int(count ** 0.5) + 1
    project.cld.variables = [Variable(name=f"Pressure on household number {i}", x=(i % side) * 220.0,
                                      y=(i // side) * 120.0) for i in range(count)]
    ids = [v.id for v in project.cld.variables]
    links = []
    for i in range(count):
        for j in (i + 1, i + side):
            if j < count and (j != i + 1 or (i + 1) % side):
                links.append(CausalLink(source=ids[i], target=ids[j], perspective=project.perspectives[i % 2].id,
                                        polarity="+" if i % 3 else "-"))
    project.cld.links = links
    project.storylines = [generate_storyline(project, name="Board")]
    return project


def test_a_map_too_large_for_a_page_is_shown_whole_without_words_a_step_a_page_or_two(tmp_path, qapp):
    from ssm_studio.report.wordless_drawing import too_large_for_a_page

    project = _large_map(900)
    everyone = {p.id for p in project.perspectives}
    assert too_large_for_a_page(project, everyone)
    out = build_handout(project, tmp_path / "handout.pdf")
    reader = PdfReader(out)
    steps = project.storylines[0].steps
    assert len(reader.pages) <= 1 + 2 * len(steps)  # not dozens of parts a step
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "shown whole without them" in text
    assert "Pressure on household number 450" not in text  # no word printed too small to read
    sizes = [size for page in reader.pages for _t, _x, _y, size in text_runs(page) if _t]
    assert min(sizes) >= 7.9
    build_handout(project, tmp_path / "handout.docx")  # Word takes the same drawing


def test_no_example_is_called_too_large_for_a_page(qapp):
    from ssm_studio.report.wordless_drawing import too_large_for_a_page

    from ..conftest import EXAMPLES

    for path in sorted(EXAMPLES.glob("*.ssm")):
        project = read_project(path).project
        for perspective in project.perspectives:
            assert not too_large_for_a_page(project, {perspective.id})
        assert not too_large_for_a_page(project, {p.id for p in project.perspectives})


def test_a_frame_that_cannot_fit_with_legible_words_is_shown_whole_and_small(tmp_path, qapp):
    """However a too-large diagram reaches the writer, a handout's frame is never printed in
    parts: it is drawn whole, small, without its words."""
    from reportlab.graphics.shapes import Drawing, Rect, String

    from ssm_studio.model import Project
    from ssm_studio.report.blocks import Figure, Heading
    from ssm_studio.report.fonts import SANS
    from ssm_studio.report.pack import PackOptions, _pdf, _prepare

    say, check = _prepare(None, None)
    wide = Drawing(6000, 4000)
    for i in range(300):
        x, y = (i % 20) * 300.0, (i // 20) * 260.0
        wide.add(Rect(x, y, 200, 60, fillColor=None, strokeColor=None))
        wide.add(String(x + 10, y + 20, f"Label {i}", fontName=SANS, fontSize=9))
    blocks = [Heading("A large frame", 1), Figure("big", "The map.", whole_only=True)]
    data = _pdf(Project(), [], PackOptions(), blocks, {"big": lambda text_scale=1.0: wide}, {}, say, check, None, None,
                kind="handout: test")
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert len(reader.pages) <= 2 and "shown whole without them" in text and "Label 150" not in text
