"""What the review tells a panel, and the command line that prints it (issue #24)."""

from __future__ import annotations

import json
import subprocess
import sys

from ssm_studio.analysis.snapshot_diff import diff, side_of_project, side_of_snapshot
from ssm_studio.analysis.spotlight import (
    chain_strengths,
    compare_stocktakes,
    evidence_gaps,
    latest_stocktakes,
    unheard_positions,
)
from ssm_studio.edits.causal_edits import claim_link, remove_links, set_polarity
from ssm_studio.edits.stage_edits import set_stance
from ssm_studio.storage import read_project, save_project

from .review import with_review


def test_the_chain_s_weakest_and_disputed_links_and_the_positions_nobody_speaks_for(example_project):
    with_review(example_project)
    strengths = chain_strengths(example_project)
    first = strengths[0]
    assert (first.source, first.target) == ("Family workers", "Lone parents") and first.mean == 2
    disputed = next(s for s in strengths if s.target == "Lone parents" and s.source == "Jobcentre advisers")
    assert disputed.disputed and disputed.lowest == 1 and disputed.highest == 4  # the partners disagree
    assert strengths[-1].mean is None  # never rated: last
    # Tops and middles are voiced by a perspective; no one speaks for the bottoms or the customers.
    assert unheard_positions(example_project) == ["Bottoms", "Customers"]


def test_claims_on_no_evidence_or_only_weak_evidence_are_gaps(example_project):
    with_review(example_project)
    gaps = {g.link_id: g.why for g in evidence_gaps(example_project)}
    strong, weak = example_project.cld.links[0].id, example_project.cld.links[1].id
    assert strong not in gaps  # high-confidence evidence supports it
    assert gaps[weak] == "only low-confidence evidence"
    assert len(gaps) == len(example_project.cld.links) - 1
    assert all(why == "no evidence" for link, why in gaps.items() if link != weak)


def test_this_stocktake_against_the_last(example_project):
    with_review(example_project)
    earlier, later = latest_stocktakes(example_project)
    assert (earlier.dated, later.dated) == ("2026-03-10", "2026-05-12")
    comparison = compare_stocktakes(example_project, earlier, later)
    [change] = comparison.changes
    assert (change.before, change.after, change.movement) == ("red", "amber", "moved")
    assert change.trajectory == (0, 14) and change.assumption == "That parents want full-time work"


def test_a_snapshot_against_now_shows_claims_flips_loops_and_stances(example_project):
    history, ids = with_review(example_project)
    project = example_project
    march = next(s for s in project.snapshots if s.id == ids["march"])
    assert diff(side_of_snapshot(march), side_of_project(project)).empty  # nothing since
    # A loop is broken, a polarity flips, a claim is added and a stance changes.
    report_before = diff(side_of_snapshot(march), side_of_project(project))
    loop_link = project.cld.links[0]
    flipped = next(lk for lk in project.cld.links if lk.id != loop_link.id and lk.polarity == "+")
    history.push(set_polarity([flipped.id], "-"))
    edit, _ = claim_link(project, project.cld.variables[0].id, project.cld.variables[-1].id, project.perspectives[0].id)
    history.push(edit)
    action = project.actions[0]
    stance = action.stances[0]
    history.push(set_stance(project, action.id, stance.perspective,
                            desirable="no" if stance.desirable != "no" else "yes"))
    history.push(remove_links({loop_link.id}, project))
    result = diff(side_of_snapshot(march), side_of_project(project))
    assert len(result.added) == 1 and len(result.removed) == 1 and len(result.flipped) == 1
    assert result.flipped[0].endswith(": + to -")
    assert result.loops_lost or result.loops_gained  # the loops moved with the claims
    assert len(result.stances) == 1 and "desirable" in result.stances[0]
    assert report_before.as_dict()["claims_added"] == []


def _run(*args):
    return subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", *args], capture_output=True, text=True,
                          timeout=120)


def test_the_spotlight_stocktake_snapshot_and_diff_commands(example_project, tmp_path):
    with_review(example_project)
    path = tmp_path / "review.ssm"
    save_project(path, example_project)
    shown = _run("spotlight", str(path))
    assert shown.returncode == 0, shown.stderr
    assert "Little Hulton" in shown.stdout and "DISPUTED" in shown.stdout
    assert "No perspective speaks for the customers of the chain." in shown.stdout
    listed = json.loads(_run("spotlight", str(path), "--json").stdout)
    assert listed["unheard_positions"] == ["Bottoms", "Customers"] and len(listed["chain"]) == 4
    taken = json.loads(_run("stocktake", str(path), "--json").stdout)
    assert taken["latest"] == "2026-05-12" and taken["changes"][0]["movement"] == "moved"
    assert "moved 1, slipped 0" in _run("stocktake", str(path)).stdout
    kept = _run("snapshot", str(path), "May panel")
    assert kept.returncode == 0, kept.stderr
    assert [s.name for s in read_project(path).project.snapshots] == ["March panel", "May panel"]
    before = path.read_bytes()
    again = _run("snapshot", str(path), "may panel")
    assert again.returncode == 1 and "already a snapshot called 'may panel'" in again.stderr
    assert path.read_bytes() == before  # refused: the file is as it was
    compared = json.loads(_run("diff", str(path), "March panel", "May panel", "--json").stdout)
    assert compared["claims_added"] == [] and compared["before"] == "March panel"
    assert "nothing changed" in _run("diff", str(path), "March panel", "now").stdout
    missing = _run("diff", str(path), "June", "now")
    assert missing.returncode == 1 and "no snapshot called 'June'" in missing.stderr and "'March panel'" in missing.stderr


def test_the_salford_example_runs_the_whole_cycle():
    from pathlib import Path

    from ssm_studio.model import reference_problems

    path = Path(__file__).resolve().parents[2] / "examples" / "salford-spotlight-lone-parents.ssm"
    project = read_project(path).project
    review = project.spotlight
    assert review.started and len(review.stocktakes) == 2 and review.stocktakes[0].snapshot
    assert len(review.actors) >= 5 and any(s.disputed for s in chain_strengths(project))
    assert {item.horizon for item in review.plan} == {"short", "medium", "long"}
    earlier, later = latest_stocktakes(project)
    comparison = compare_stocktakes(project, earlier, later)
    assert comparison.count("moved") >= 1 and any(c.assumption for c in comparison.changes)
    assert not reference_problems(project)
