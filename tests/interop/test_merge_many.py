"""Merging many participants' maps whose ids another tool numbered: ids that collide across
files and across kinds, names that only partly match, one variable written twice in a file."""

from __future__ import annotations

import pytest

from ssm_studio.cli.main import main
from ssm_studio.errors import ImportProblem
from ssm_studio.interop.merge import apply_plan, normalise, plan_merge
from ssm_studio.model import Project
from ssm_studio.storage import read_project, save_project
from tests.interop.participants import participants


def merge_all(projects: list[Project]) -> tuple[Project, list]:
    base, plans = projects[0], []
    for number, incoming in enumerate(projects[1:], 2):
        plan = plan_merge(base, incoming, f"participant {number}")
        base = apply_plan(base, plan)
        plans.append(plan)
    return base, plans


@pytest.mark.parametrize("count", [2, 10, 30])
def test_merging_numbered_participants_keeps_every_perspective_and_idea(count):
    projects = participants(count)
    merged, plans = merge_all(projects)
    assert len(merged.perspectives) == count
    assert len({p.id for p in merged.perspectives}) == count
    # Each incoming perspective's claims come along (less those that folded) and point at it.
    for project, perspective in zip(projects, merged.perspectives, strict=True):
        assert perspective.stakeholder == project.perspectives[0].stakeholder
    folded = sum(plan.summary.folded_claims for plan in plans)
    assert len(merged.cld.links) == sum(len(p.cld.links) for p in projects) - folded
    # One variable per idea: every spelling of a concept ends in one variable.
    ideas = {normalise(v.name) for p in projects for v in p.cld.variables}
    assert len(merged.cld.variables) == len(ideas)
    assert len({normalise(v.name) for v in merged.cld.variables}) == len(ideas)
    warming = [v for v in merged.cld.variables if normalise(v.name) == "global warming"]
    assert len(warming) == 1 and len(warming[0].included_by) == count
    # Everything else of each file came too, under ids of its own, still joined up.
    assert len(merged.root_definitions) == len(merged.actions) == count
    assert [a.owner for a in merged.actions] == ["1"] * count  # a person's name is not an id
    bubbles = [i for i in merged.rich_picture.items if i.kind == "bubble"]
    texts = {i.id for i in merged.rich_picture.items if i.kind == "text"}
    assert len(bubbles) == count and {b.owner for b in bubbles} == texts
    for rd in merged.root_definitions:
        assert merged.perspective(rd.perspective).stakeholder == f"Participant {rd.title.split()[1][:-2]}"


def test_a_file_with_one_variable_twice_folds_it_and_says_so():
    first, second = participants(2)
    plan = plan_merge(first, second, "participant 2")  # participant 2 writes Global warming twice
    assert plan.summary.folded_variables == 1
    assert plan.summary.folded_claims >= 1  # the claim between its two spellings became a loop of one
    assert any("became one" in line for line in plan.summary.lines())
    merged = apply_plan(first, plan)
    assert not any(lk.source == lk.target for lk in merged.cld.links)


def test_a_merge_that_cannot_make_a_valid_project_says_why_and_changes_nothing():
    base, incoming = participants(2)
    before = base.model_dump_json()
    matches = {v.id: "no such variable" if i == 0 else None for i, v in enumerate(incoming.cld.variables)}
    plan = plan_merge(base, incoming, "p2", matches)  # a match to a variable that is not there: new
    assert len(plan.summary.new_variables) == len(incoming.cld.variables)
    incoming.cld.links[0].perspective = "gone"
    with pytest.raises(ImportProblem, match="could not be merged"):
        plan_merge(base, Project.model_construct(**{**incoming.__dict__}), "p2")
    assert base.model_dump_json() == before


def test_merge_command_of_thirty_numbered_participants(tmp_path, capsys):
    paths = []
    for number, project in enumerate(participants(30), 1):
        path = tmp_path / f"participant-{number:02}.ssm"
        save_project(path, project)
        paths.append(str(path))
    out = tmp_path / "everyone.ssm"
    assert main(["merge", *paths, "-o", str(out)]) == 0
    printed = capsys.readouterr()
    assert "Traceback" not in printed.err and f"Wrote {out}" in printed.out
    merged = read_project(out).project
    assert len(merged.perspectives) == 30
    assert "became one" in printed.out


def test_merge_command_reports_a_bad_file_without_a_traceback(tmp_path, capsys):
    good = tmp_path / "good.ssm"
    save_project(good, participants(1)[0])
    bad = tmp_path / "bad.ssm"
    bad.write_bytes(b"not a project")
    assert main(["merge", str(good), str(bad), "-o", str(tmp_path / "out.ssm")]) == 1
    assert "Traceback" not in capsys.readouterr().err
    assert not (tmp_path / "out.ssm").exists()


def test_a_file_with_client_journeys_merges_its_perspectives_and_leaves_its_journeys_home():
    """The merge brings perspectives, claims, definitions, models, items and actions; a file's
    journeys (and review, storylines) point at its own ids and stay with it, not refuse it."""
    from ..conftest import EXAMPLES

    base = read_project(EXAMPLES / "stoke-worklessness.ssm").project
    incoming = read_project(EXAMPLES / "meir-think-family.ssm").project
    assert incoming.journeys and any(t.told_by for j in incoming.journeys for t in j.touchpoints)
    merged = apply_plan(base, plan_merge(base, incoming, "Meir"))
    names = {p.name for p in merged.perspectives}
    assert {p.name for p in incoming.perspectives} <= {n.removesuffix(" (Meir)") for n in names}
    assert merged.journeys == base.journeys  # the base's own, untouched
