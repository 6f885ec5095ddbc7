"""The pack is laid out and drawn in one pass: the contents page and the summary's
"(see p. N)" come before the pages they name, and their numbers are written at the end."""

import re

from pypdf import PdfReader

from ssm_studio.report import build_pack, template


def build_counting(project, out, monkeypatch, **kwargs):
    passes = []
    build = template.PackTemplate.build

    def counted(doc, *args, **kw):
        passes.append(doc.page if hasattr(doc, "page") else 0)
        return build(doc, *args, **kw)

    monkeypatch.setattr(template.PackTemplate, "build", counted)
    build_pack(project, out, **kwargs)
    monkeypatch.setattr(template.PackTemplate, "build", build)
    return passes


def outline_pages(reader) -> dict[str, int]:
    return {item.title: reader.get_destination_page_number(item) + 1
            for item in reader.outline if not isinstance(item, list)}


def test_one_pass_and_every_forward_number_is_the_page_it_names(tmp_path, qapp, monkeypatch):
    from ssm_studio.storage import read_project
    from tests.conftest import EXAMPLES

    project = read_project(EXAMPLES / "stoke-worklessness.ssm").project
    path = tmp_path / "pack.pdf"
    seen = []
    assert len(build_counting(project, path, monkeypatch, progress=lambda f, m: seen.append((f, m)))) == 1
    reader = PdfReader(str(path))
    outline = outline_pages(reader)
    contents = reader.pages[outline["Contents"] - 1].extract_text()
    for title, page in outline.items():
        # each number (a form, with its dots) reads just before the words of its entry
        assert re.search(rf"(^|[ .]){page}\n\s*{re.escape(title)}\n", contents, re.M), (title, page)
    summary = reader.pages[outline["Summary"] - 1].extract_text()
    refs = [int(n) for n in re.findall(r"\(see p\.\s+(\d+)\)", summary)]
    # Every reference names a page of the sections it points into (each to its own place:
    # tests/report/test_pack_defects.py checks that the place is on that page).
    assert refs and all(outline["The perspectives compared"] <= n <= len(reader.pages) for n in refs)
    fractions = [f for f, _ in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert any(message.startswith("Laying out and drawing page") for _, message in seen)
    # The bar moves with the story placed: it starts near where building the figures left it.
    first_page = next(f for f, message in seen if message == "Laying out and drawing page 1")
    assert first_page < 0.5
    pages = [f for f, message in seen if message.startswith("Laying out and drawing page")]
    assert pages[len(pages) // 2] < 0.95


def test_a_missed_plan_costs_a_second_pass_and_nothing_else(tmp_path, qapp, monkeypatch):
    from ssm_studio.storage import read_project
    from tests.conftest import EXAMPLES

    project = read_project(EXAMPLES / "stoke-worklessness.ssm").project
    planned = tmp_path / "planned.pdf"
    build_counting(project, planned, monkeypatch)
    # As if the walk had missed every heading: the contents are laid out wrong on the first
    # pass, so a second pass lays them out with the entries as they came.
    monkeypatch.setattr(template, "planned_contents", lambda story: [])
    unplanned = tmp_path / "unplanned.pdf"
    assert len(build_counting(project, unplanned, monkeypatch)) == 2
    a, b = PdfReader(str(planned)), PdfReader(str(unplanned))
    assert len(a.pages) == len(b.pages)
    for left, right in zip(a.pages, b.pages, strict=True):
        assert left.extract_text() == right.extract_text()


def test_a_reference_to_a_section_left_out_is_left_out(tmp_path, qapp):
    from ssm_studio.report import PackOptions
    from ssm_studio.report.pack import SECTIONS
    from ssm_studio.storage import read_project
    from tests.conftest import EXAMPLES

    project = read_project(EXAMPLES / "stoke-worklessness.ssm").project
    path = tmp_path / "pack.pdf"
    build_pack(project, path, options=PackOptions(sections=set(SECTIONS) - {"loops"}))
    reader = PdfReader(str(path))
    outline = outline_pages(reader)
    assert "The loops compared" not in outline
    summary = reader.pages[outline["Summary"] - 1].extract_text()
    assert "Revolving door" in summary
    assert "see p." not in summary.split("What several perspectives agree on")[0]  # the loop lines point nowhere


def test_perspectives_gathered_from_a_set_are_named_in_the_packs_order(tmp_path, qapp):
    """Who holds the links of a loop is a set: the pack names them in its own order, so the
    same project reads the same in every build (it followed string hashes)."""
    from ssm_studio.model import CausalLink, Perspective, Project, Variable

    names = ["Zeta trust", "Alpha board", "Mid council", "Beta forum"]
    perspectives = [Perspective(name=name) for name in names]
    variables = [Variable(name=f"Variable {i}", x=200.0 * i, y=100.0 * (i % 2)) for i in range(3)]
    project = Project(perspectives=perspectives)
    project.cld.variables = variables
    project.cld.links = [CausalLink(source=variables[i].id, target=variables[(i + 1) % 3].id, polarity="+",
                                    perspective=perspectives[i].id) for i in range(3)]
    path = tmp_path / "pack.pdf"
    build_pack(project, path)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages)
    assert "links from Zeta trust, Alpha board, Mid council" in text  # (alt text wraps to the picture's width)
