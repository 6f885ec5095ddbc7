"""The worked examples: each complete through the seven stages, its pack and handout build,
its storyline a step per perspective and per loop, and each opens from Help → Examples as
the user's own copy (issue #23, item 4)."""

from __future__ import annotations

import pytest

from ssm_studio.analysis import compare_perspectives, find_loops
from ssm_studio.bundled import examples
from ssm_studio.storage import read_project

CASES = [e for e in examples() if e.path.name != "stoke-worklessness.ssm"]


def test_three_worked_cases_ship_beside_stoke():
    assert sorted(e.path.name for e in CASES) == ["meir-think-family.ssm", "salford-spotlight-lone-parents.ssm",
                                                  "stoke-neet-christmas.ssm"]


@pytest.mark.parametrize("example", CASES, ids=lambda e: e.path.stem)
def test_each_case_is_complete_through_the_seven_stages(example):
    project = read_project(example.path).project  # validates on load
    assert len(project.perspectives) >= 3 and project.rich_picture.items
    ids = {p.id for p in project.perspectives}
    assert {rd.perspective for rd in project.root_definitions} == ids
    assert len(project.conceptual_models) == len(project.root_definitions)
    assert all(cm.comparison and cm.comparison[0].exists for cm in project.conceptual_models)
    report = find_loops(project)
    assert report.loops and any(loop.has_delay for loop in report.loops)
    assert compare_perspectives(project).by_status("conflict")  # a polarity the perspectives dispute
    assert project.actions and all({s.perspective for s in a.stances} == ids for a in project.actions)
    storyline = project.storylines[0]
    singles = [s for s in storyline.steps if len(s.shown) == 1 and not s.loop]
    assert {s.shown[0] for s in singles} == ids  # a step per perspective
    assert {s.loop for s in storyline.steps if s.loop} == {lp.key for lp in report.loops[:12]}  # and per loop


@pytest.mark.parametrize("example", CASES, ids=lambda e: e.path.stem)
def test_each_case_prints_its_pack_and_handout(tmp_path, qapp, example):
    from pypdf import PdfReader

    from ssm_studio.report import build_pack
    from ssm_studio.report.handout import build_handout

    project = read_project(example.path).project
    pack = PdfReader(build_pack(project, tmp_path / "pack.pdf"))
    handout = PdfReader(build_handout(project, tmp_path / "handout.pdf"))
    assert len(pack.pages) > 5 and len(handout.pages) >= len(project.storylines[0].steps) // 2
