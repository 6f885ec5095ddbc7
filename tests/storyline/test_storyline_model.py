"""Storylines as model data: edits with undo, the format upgrade, steps made from the model,
and the command that lists and generates them (issue #23, items 1 and 5)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from ssm_studio.analysis.loops import find_loops
from ssm_studio.analysis.storyline import generate_storyline
from ssm_studio.edits import Document, History
from ssm_studio.edits.storyline_edits import (
    add_step,
    add_storyline,
    change_step,
    move_step,
    remove_step,
)
from ssm_studio.model import FORMAT_VERSION, Area, Storyline, StoryStep
from ssm_studio.storage import project_to_bytes, read_project, read_project_bytes, save_project

from ..storage.helpers import zip_bytes


def test_steps_are_added_moved_changed_and_deleted_each_as_one_undoable_step(example_project):
    document = History(Document(example_project))
    before = project_to_bytes(example_project, {})
    storyline = Storyline(name="Board, March")
    document.push(add_storyline(storyline))
    first, second = StoryStep(page="rich_picture", caption="The situation"), StoryStep(caption="Everyone")
    document.push(add_step(storyline.id, first))
    document.push(add_step(storyline.id, second))
    document.push(move_step(storyline.id, second.id, 0))
    document.push(change_step(storyline.id, first.id, notes="Ask who is missing", area=Area(x=0, y=0, width=800,
                                                                                               height=600)))
    document.push(remove_step(storyline.id, second.id))
    held = next(s for s in example_project.storylines if s.id == storyline.id)
    assert [s.caption for s in held.steps] == ["The situation"] and held.steps[0].notes == "Ask who is missing"
    for _ in range(6):
        assert document.undo()
    assert project_to_bytes(example_project, {}) == before


def test_a_step_that_does_not_fit_the_model_is_refused_and_changes_nothing(example_project):
    from ssm_studio.errors import EditRefused

    document = History(Document(example_project))
    storyline = Storyline()
    document.push(add_storyline(storyline))
    with pytest.raises(EditRefused):
        document.push(change_step(storyline.id, "no-such-step", caption="x"))
    step = StoryStep()
    document.push(add_step(storyline.id, step))
    with pytest.raises((EditRefused, ValueError)):
        document.push(change_step(storyline.id, step.id, page="no such page"))
    assert next(s for s in example_project.storylines if s.id == storyline.id).steps[0].page == "overlay"


def test_a_format_3_project_opens_with_no_storylines_and_keeps_them_once_added(example_project):
    data = json.loads(example_project.model_dump_json())
    data["format_version"] = 3
    del data["storylines"]
    loaded = read_project_bytes(zip_bytes({"project.json": json.dumps(data).encode()})).project
    assert loaded.storylines == [] and loaded.format_version == FORMAT_VERSION
    loaded.storylines.append(generate_storyline(loaded))
    again = read_project_bytes(project_to_bytes(loaded, {})).project
    assert again.storylines == loaded.storylines


def test_a_step_may_outlive_its_perspective_and_loop(example_project):
    """A file whose step names a deleted perspective or a loop no longer there still opens."""
    example_project.storylines = [Storyline(steps=[StoryStep(shown=["gone-perspective"], loop="gone-loop")])]
    again = read_project_bytes(project_to_bytes(example_project, {})).project
    assert again.storylines[0].steps[0].shown == ["gone-perspective"]


def test_the_generated_storyline_has_the_situation_each_perspective_and_each_loop(example_project):
    storyline = generate_storyline(example_project)
    pages = [s.page for s in storyline.steps]
    assert pages[0] == "rich_picture" and pages[-1] == "actions"
    singles = [s for s in storyline.steps if len(s.shown) == 1 and not s.loop]
    assert [s.shown[0] for s in singles] == [p.id for p in example_project.perspectives]
    rd = next(r for r in example_project.root_definitions if r.perspective == singles[0].shown[0])
    assert singles[0].caption.startswith("A system") and rd.transformation_input.split()[0] in singles[0].caption
    loops = find_loops(example_project, None, time_budget=1.0).loops
    assert [s.loop for s in storyline.steps if s.loop] == [lp.key for lp in loops[:12]]
    loop_step = next(s for s in storyline.steps if s.loop)
    assert "(reinforcing)" in loop_step.caption or "(balancing)" in loop_step.caption
    assert any("disagree" in s.caption for s in storyline.steps)  # the example has a polarity conflict


def _run(*args):
    return subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", *args], capture_output=True, text=True,
                          timeout=120)


def test_the_storyline_command_generates_writes_and_lists(example_path, tmp_path):
    out = tmp_path / "with-story.ssm"
    made = _run("storyline", str(example_path), "--generate", "--name", "Board", "-o", str(out))
    assert made.returncode == 0, made.stderr
    assert "Board:" in made.stdout and f"Wrote {out}" in made.stdout
    listed = json.loads(_run("storyline", str(out), "--json").stdout)
    board = next(s for s in listed["storylines"] if s["name"] == "Board")  # after the example's own
    steps = board["steps"]
    assert steps[0]["page"] == "rich_picture"
    assert any(step["loop"] for step in steps)
    missing = _run("storyline", str(out), "--name", "Nope")
    assert missing.returncode == 1 and "no storyline called 'Nope'" in missing.stderr and "'Board'" in missing.stderr
    bare = tmp_path / "bare.ssm"
    project = read_project(example_path).project
    project.storylines = []
    save_project(bare, project)
    assert "No storylines" in _run("storyline", str(bare)).stdout
