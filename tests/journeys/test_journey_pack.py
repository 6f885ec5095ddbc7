"""Client journeys in the pack, PDF and Word alike (issue #25, item 5)."""

from __future__ import annotations

import subprocess

import docx

from ssm_studio.report.pack import PackOptions, build_pack

from .test_journey_analysis import MEIR, meir  # noqa: F401 - the fixture


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pack_prints_each_journey_its_counts_loops_pains_and_accounts(qapp, meir, tmp_path):  # noqa: F811
    pdf = build_pack(meir, tmp_path / "pack.pdf", PackOptions(sections={"journeys"}))
    text = " ".join(_pdf_text(pdf).split())
    for words in ("Client journeys", "Journey: The Hall family (pseudonym)", "30 contact(s) with 25 service(s); at "
                  "most 25 service(s) in six months", "The loops it feeds", "Pain points", "Eighteen weeks' wait",
                  "Journey: The Khan family (pseudonym)", "Where the accounts differ",
                  "told by Families; not by Children's social care", "Feb 2026", "Citizens Advice"):
        assert words in text, words
    word = docx.Document(build_pack(meir, tmp_path / "pack.docx", PackOptions(sections={"journeys"})))
    said = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells)
    for words in ("Journey: The Hall family (pseudonym)", "The loops it feeds", "Where the accounts differ",
                  "felt differently: Families very bad (-2)"):
        assert words in said, words
    pictures = [s for s in word.inline_shapes]
    assert len(pictures) == 2 and "A timeline with a lane for each of" in pictures[0]._inline.docPr.get("descr")


def test_a_project_without_journeys_prints_no_such_section(qapp, example_project, tmp_path):
    text = _pdf_text(build_pack(example_project, tmp_path / "plain.pdf", PackOptions(sections={"journeys", "actions"})))
    assert "Client journeys" not in text and "Action plan and accommodation" in text
