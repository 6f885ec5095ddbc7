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
