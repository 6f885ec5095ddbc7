"""The pack is laid out once with its planned contents, then drawn once; if the plan misses,
passes go on until nothing moves, and the pages come out the same."""

from pypdf import PdfReader

from ssm_studio.report import build_pack, template


def build_counting(project, out, monkeypatch):
    passes = []
    build = template.PackTemplate.build

    def counted(doc, *args, **kwargs):
        passes.append(doc.drawing)
        return build(doc, *args, **kwargs)

    monkeypatch.setattr(template.PackTemplate, "build", counted)
    build_pack(project, out)
    monkeypatch.setattr(template.PackTemplate, "build", build)
    return passes


def test_planned_contents_lay_out_once_and_draw_once_with_the_same_pages(tmp_path, qapp, monkeypatch):
    from ssm_studio.storage import read_project
    from tests.conftest import EXAMPLES

    project = read_project(EXAMPLES / "stoke-worklessness.ssm").project
    planned = tmp_path / "planned.pdf"
    assert build_counting(project, planned, monkeypatch) == [False, True]  # one undrawn, one drawn
    # Without a plan (as if it had missed a heading) the passes run until the contents settle.
    monkeypatch.setattr(template, "planned_contents", lambda story: [])
    unplanned = tmp_path / "unplanned.pdf"
    passes = build_counting(project, unplanned, monkeypatch)
    assert len(passes) >= 3 and passes[-1] and passes.count(True) >= 1
    a, b = PdfReader(str(planned)), PdfReader(str(unplanned))
    assert len(a.pages) == len(b.pages)
    for left, right in zip(a.pages, b.pages, strict=True):
        assert left.extract_text() == right.extract_text()
    outline = {item.title: a.get_destination_page_number(item) + 1
               for item in a.outline if not isinstance(item, list)}
    contents = a.pages[outline["Contents"] - 1].extract_text()
    for title, page in outline.items():
        if title != "Contents":
            assert f"{page}\n{title}" in contents or f"{page} {title}" in contents or f"{title} {page}" in contents
