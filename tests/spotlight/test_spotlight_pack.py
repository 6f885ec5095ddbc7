"""The SPOTlight review in the pack, PDF and Word alike (issue #24, item 7)."""

from __future__ import annotations

import subprocess

import docx

from ssm_studio.report.pack import PackOptions, build_pack

from .review import with_review


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_the_pack_prints_the_review_chain_gaps_plan_and_stocktake_in_pdf_and_word(qapp, example_project, tmp_path):
    history, _ = with_review(example_project)
    history.push(__import__("ssm_studio.edits.causal_edits", fromlist=["set_polarity"]).set_polarity(
        [example_project.cld.links[3].id], "-"))  # the model changes after the March panel's snapshot
    pdf = build_pack(example_project, tmp_path / "pack.pdf", PackOptions(sections={"spotlight"}))
    text = _pdf_text(pdf)
    for words in ("SPOTlight review: Worklessness among lone parents", "Little Hulton", "The delivery chain",
                  "Jobcentre advisers → Lone parents", "disputed", "Evidence gaps", "only low-confidence evidence",
                  "The SPOTlight report: issues and action plan", "Childcare ends at 3 pm", "commissioning", "The latest stocktake: 2026-05-12, against 2026-03-10",
                  "That parents want full-time work", "What changed in the model since 'March panel'",
                  "polarity flipped", "No perspective in this project speaks for the customers"):
        assert words in text, words
    word = docx.Document(build_pack(example_project, tmp_path / "pack.docx", PackOptions(sections={"spotlight"})))
    said = "\n".join(p.text for p in word.paragraphs) + "\n".join(
        cell.text for table in word.tables for row in table.rows for cell in row.cells)
    for words in ("The delivery chain", "Jobcentre advisers → Lone parents", "Evidence gaps",
                  "The SPOTlight report: issues and action plan", "What changed in the model since 'March panel'"):
        assert words in said, words


def test_a_project_without_a_review_prints_no_such_section(qapp, example_project, tmp_path):
    text = _pdf_text(build_pack(example_project, tmp_path / "plain.pdf", PackOptions(sections={"spotlight", "actions"})))
    assert "SPOTlight" not in text and "Action plan and accommodation" in text
