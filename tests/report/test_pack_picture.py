"""The rich picture in the pack: too large for its page at legible size, it is drawn again
with larger words, in label boxes and bubbles grown to hold them, so that every label prints
at 8 pt and no line of words runs over the next."""

from __future__ import annotations

import math

from pypdf import PdfReader

from ssm_studio.model import Perspective, Project
from ssm_studio.model.rich_picture import Bubble, StencilFigure, TextItem
from ssm_studio.report import PackOptions, build_pack


def wide_picture() -> Project:
    project = Project(perspectives=[Perspective(name="Residents")])
    items = [TextItem(text="Reducing worklessness: a whole-system intervention across the city", font_size=22,
                      width=420, x=700, y=40)]
    for i in range(12):
        items.append(StencilFigure(stencil="person", label=f"Someone with a long description number {i}",
                                   x=120 * (i % 12), y=200 + 260 * (i % 4), width=60, height=60))
    items.append(Bubble(text="Thirty appointments in six months and nobody talks to each other.",
                        x=400, y=700, width=160, height=80, owner=items[3].id))
    project.rich_picture.items = items
    return project


def text_runs(page) -> list[tuple[str, float, float, float]]:
    """(words, x, baseline y, size) of every piece of text the page draws, in page units."""
    runs = []

    def visit(text, cm, tm, font, size):
        if not text.strip():
            return
        a, b, c, d, e, f = (tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3],
                            tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3],
                            tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5])
        runs.append((text.strip(), e, f, size * math.sqrt(abs(a * d - b * c))))

    page.extract_text(visitor_text=visit)
    return runs


def test_a_picture_too_large_for_its_page_is_redrawn_with_larger_words_that_never_overlap(tmp_path, qapp,
                                                                                           monkeypatch):
    from ssm_studio.report import pdf_writer

    scales = []
    make = pdf_writer.PdfWriter.redrawn

    def watched(self, block, drawing, width, height, needed, most=pdf_writer.MAX_LABEL_BUMP):
        result = make(self, block, drawing, width, height, needed, most)
        scales.append((block.key, result is not None))
        return result

    monkeypatch.setattr(pdf_writer.PdfWriter, "redrawn", watched)
    path = tmp_path / "pack.pdf"
    build_pack(wide_picture(), path, options=PackOptions(sections={"situation"}))
    assert ("rich-picture", True) in scales  # drawn again, not its glyphs enlarged in place
    reader = PdfReader(str(path))
    page = next(p for p in reader.pages if "Someone with a long" in p.extract_text())
    runs = [run for run in text_runs(page) if run[3] < 30 and "Page" not in run[0]]
    labels = [run for run in runs if "Someone" in run[0] or "long description" in run[0] or "number" in run[0]]
    assert labels and min(size for *_, size in labels) >= 7.9  # legible on paper
    # Lines of the same size that share some width are at least a line apart.
    for i, (words, x, y, size) in enumerate(runs):
        for other, ox, oy, osize in runs[i + 1:]:
            if abs(size - osize) > 0.1 or abs(x - ox) > 60:
                continue
            assert abs(y - oy) >= 0.95 * size or abs(y - oy) < 0.01, (words, other, y, oy, size)


def test_the_words_inside_a_stencil_do_not_set_the_size_of_the_labels(qapp):
    from ssm_studio.render.export import rich_picture_scene

    project = Project()
    project.rich_picture.items = [StencilFigure(stencil="council", label="Stoke-on-Trent LSP"),
                                  StencilFigure(stencil="person", label="")]
    scene = rich_picture_scene(project)
    assert scene.smallest_label() == 9  # the label; "COUNCIL" in the icon is smaller
    bigger = rich_picture_scene(project, text_scale=2.5)
    assert bigger.smallest_label() == 22.5
    bubble_project = Project()
    bubble_project.rich_picture.items = [Bubble(text="Will this job still be there at Easter?", width=160, height=80)]
    small, large = rich_picture_scene(bubble_project), rich_picture_scene(bubble_project, text_scale=2)
    body = next(iter(small.variable_items.values())).body()
    grown = next(iter(large.variable_items.values())).body()
    assert (grown.width(), grown.height()) == (2 * body.width(), 2 * body.height())  # words stay inside
