"""The SPOTlight review as model data (issue #24): every part an undoable edit, the format
upgrade, and each bad input refused whole with a clear message, or cascaded, never left
dangling."""

from __future__ import annotations

import json
import time

import pytest

from ssm_studio.edits import InsertEdit
from ssm_studio.edits import spotlight_edits as sp
from ssm_studio.edits.causal_edits import remove_links, remove_variables
from ssm_studio.edits.perspective_edits import remove_perspective
from ssm_studio.edits.stage_edits import remove_actions
from ssm_studio.errors import EditRefused
from ssm_studio.model import FORMAT_VERSION, ActionUpdate, Evidence, Stocktake, reference_problems
from ssm_studio.storage import project_to_bytes, read_project_bytes

from ..storage.helpers import zip_bytes
from .review import with_review


def test_a_whole_review_is_made_of_undoable_edits_and_undoes_to_identical_bytes(example_project):
    before = project_to_bytes(example_project, {})
    history, ids = with_review(example_project)
    review = example_project.spotlight
    assert review.started and review.topic.startswith("Worklessness")
    assert len(review.evidence) == 2 and len(review.actors) == 5 and len(review.chain) == 4
    assert len(review.stocktakes) == 2 and review.stocktakes[0].snapshot == ids["march"]
    assert len(example_project.snapshots) == 1 and example_project.snapshots[0].claims
    assert not reference_problems(example_project)
    saved = project_to_bytes(example_project, {})
    assert read_project_bytes(saved).project.spotlight == review  # and it keeps on a round trip
    while history.undo():
        pass
    assert project_to_bytes(example_project, {}) == before
    while history.redo():
        pass
    assert project_to_bytes(example_project, {}) == saved


def test_a_format_4_project_opens_with_an_empty_review(example_project):
    data = json.loads(example_project.model_dump_json())
    data["format_version"] = 4
    del data["spotlight"], data["snapshots"]
    loaded = read_project_bytes(zip_bytes({"project.json": json.dumps(data).encode()})).project
    assert loaded.format_version == FORMAT_VERSION >= 5
    assert not loaded.spotlight.started and loaded.snapshots == []


def test_a_stocktake_before_the_review_starts_is_refused_however_it_comes(example_project):
    history, _ = with_review(example_project)
    project = example_project
    early = Stocktake(dated="2025-12-01")
    with pytest.raises(EditRefused, match="before the review starts"):
        history.push(sp.add_stocktake(project, early))
    with pytest.raises(EditRefused, match="before the review starts"):
        history.push(InsertEdit(sp.STOCKTAKES, early))  # the raw edit too: the project's check
    with pytest.raises(EditRefused, match="before it starts|before the review starts"):
        history.push(sp.change_review(starts="2026-04-01"))  # moving the start past a stocktake
    assert project.spotlight.starts == "2026-01-05" and len(project.spotlight.stocktakes) == 2
    with pytest.raises(EditRefused, match="not a date"):
        history.push(sp.change_review(ends="13 February"))


def test_a_status_needs_its_reason_and_a_rating_its_scale(example_project):
    history, ids = with_review(example_project)
    project = example_project
    with pytest.raises(ValueError):
        ActionUpdate(action=ids["action"], status="green", reason="  ")
    before = project_to_bytes(project, {})
    with pytest.raises(EditRefused, match="The reason cannot be left empty"):
        history.push(sp.report_on(project, ids["second"], ids["action"], "green", "   "))
    with pytest.raises(EditRefused, match="must be one of"):
        history.push(sp.report_on(project, ids["second"], ids["action"], "purple", "Because"))
    with pytest.raises(EditRefused, match="from 1 .* to 5"):
        history.push(sp.rate_link(project, ids["DWP>Jobcentre advisers"], project.perspectives[0].id, 7))
    with pytest.raises(EditRefused, match="rated from 1"):
        history.push(sp.rate_link(project, ids["DWP>Jobcentre advisers"], project.perspectives[0].id, 0))
    assert project_to_bytes(project, {}) == before


def test_deleting_what_the_review_points_at_takes_the_pointers_with_it(example_project):
    history, ids = with_review(example_project)
    project = example_project
    review = project.spotlight
    cited = review.evidence[0]
    variable, link = cited.variables[0], cited.links[0]
    history.push(remove_variables(project, {variable}))
    assert variable not in review.evidence[0].variables and link not in review.evidence[0].links
    assert not reference_problems(project)
    history.undo()
    assert review.evidence[0].variables == [variable] and review.evidence[0].links == [link]
    other = review.evidence[1].links[0]
    history.push(remove_links({other}, project))
    assert review.evidence[1].links == []
    history.undo()
    # A perspective goes: its ratings and its voice in the chain go with it.
    residents = project.perspectives[2].id
    jobcentre = project.perspectives[1].id
    history.push(remove_perspective(project, jobcentre))
    assert all(r.perspective != jobcentre for link in review.chain for r in link.ratings)
    assert all(jobcentre not in a.voiced_by for a in review.actors)
    assert any(r.perspective == residents for link in review.chain for r in link.ratings)
    history.undo()
    # An action goes: off the plan, out of the stocktakes.
    history.push(remove_actions({ids["action"]}, project))
    assert review.plan == [] and all(not s.updates for s in review.stocktakes)
    history.undo()
    assert len(review.plan) == 1
    # An actor goes with its links of the chain.
    history.push(sp.remove_actors(project, {ids["Lone parents"]}))
    assert len(review.chain) == 2 and not reference_problems(project)
    history.undo()
    assert len(review.chain) == 4
    # Without the cascade the model refuses, whole: nothing dangles.
    with pytest.raises(EditRefused, match="break the project"):
        history.push(remove_links({review.evidence[0].links[0]}))


def test_a_snapshot_name_that_exists_is_refused(example_project):
    history, _ = with_review(example_project)
    with pytest.raises(EditRefused, match="already a snapshot called 'march panel'"):
        sp.take_snapshot(example_project, "march panel")
    with pytest.raises(EditRefused, match="needs a name"):
        sp.take_snapshot(example_project, "   ")
    edit, snapshot_id = sp.take_snapshot(example_project, "May panel")
    history.push(edit)
    history.push(sp.remove_snapshot(example_project, example_project.snapshots[0].id))
    assert example_project.spotlight.stocktakes[0].snapshot is None  # the stocktake lets go of it
    assert [s.id for s in example_project.snapshots] == [snapshot_id]


def test_ten_thousand_evidence_items_load_save_and_check_quickly(example_project):
    history, _ = with_review(example_project)
    link = example_project.cld.links[2]
    many = [Evidence(statement=f"Case note {i}", kind="frontline", links=[link.id], variables=[link.source])
            for i in range(10_000)]
    start = time.perf_counter()
    history.push(sp.add_evidence_items(many))  # one step, as an import makes it
    assert len(example_project.spotlight.evidence) == 10_002
    with pytest.raises(EditRefused):  # the same ids again: refused whole
        history.push(sp.add_evidence_items(many[:3]))
    assert len(example_project.spotlight.evidence) == 10_002
    data = project_to_bytes(example_project, {})
    again = read_project_bytes(data).project
    elapsed = time.perf_counter() - start
    assert len(again.spotlight.evidence) == 10_002
    assert elapsed < 10  # a generous ceiling on a shared CI machine: seconds, never minutes
    history.undo()
    assert len(example_project.spotlight.evidence) == 2
