from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from ssm_studio.render.stencils import STENCIL_DIR, find, renderer, stencils

REQUIRED = ["person", "group", "family", "child", "older-person", "professional", "organisation",
            "council-office", "job-centre", "school", "hospital", "house", "factory", "crossed-swords",
            "eye", "speech-bubble", "thought-bubble", "heart", "money", "clock", "lightning",
            "question-mark", "exclamation", "road", "wall", "bridge", "broken-link", "scales", "target",
            "document", "phone", "computer", "cloud"]


def test_the_library_has_every_figure_the_issue_names():
    names = [s.name for s in stencils()]
    assert len(names) >= 30 and set(REQUIRED) <= set(names)
    assert sorted(p.name for p in STENCIL_DIR.glob("*.svg")) == sorted(f"{n}.svg" for n in names)


def test_every_stencil_parses_and_draws_something(qapp):
    for stencil in stencils():
        svg = renderer(stencil.name)
        assert svg is not None and svg.isValid(), stencil.name
        image = QImage(64, 64, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        svg.render(painter, QRectF(0, 0, 64, 64))
        painter.end()
        inked = sum(1 for x in range(64) for y in range(64) if image.pixelColor(x, y).lightness() < 128)
        assert inked > 30, f"{stencil.name} draws almost nothing"


def test_search_by_keyword():
    assert find("jobcentre")[0].name == "job-centre"
    assert "school" in [s.name for s in find("college")]
    assert [s.name for s in find("conflict")] == ["crossed-swords"]
    assert find("no such thing") == []
