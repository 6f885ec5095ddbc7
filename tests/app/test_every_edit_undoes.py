"""Every kind of edit, made in the window and undone: each scene then shows what a scene
built afresh from the model would show, and the model is back as it was.

With tests/app/conftest.py's guard (every change the app makes passes through the undo
stack), this is what "one undo stack" promises a user: whatever they did, Ctrl+Z puts the
picture and the project back together.
"""

from __future__ import annotations

import pytest

from ssm_studio.edits import causal_edits as causal
from ssm_studio.edits import perspective_edits as perspectives
from ssm_studio.edits import rich_picture_edits as picture
from ssm_studio.edits import stage_edits as stages
from ssm_studio.model import CausalLink, Perspective, Variable
from ssm_studio.model.rich_picture import Bubble, Connector, StencilFigure
from ssm_studio.model.ssm_stages import Activity, Dependency
from ssm_studio.render.cld_scene import CldScene
from ssm_studio.render.cm_scene import CmScene
from ssm_studio.render.item_kinds import Arrow
from ssm_studio.render.rp_scene import RpScene


def _rounded(rect) -> tuple:
    return tuple(round(v) for v in (rect.x(), rect.y(), rect.width(), rect.height()))


def picture_of(scene) -> dict:
    """What a user sees of each box and arrow: where, how big, shown or not, how faint,
    its words and its tooltip. Loop markers come from the search off the UI thread and
    are checked by the loop tests."""
    seen = {}
    for table in ("variable_items", "link_items"):
        for key, item in getattr(scene, table).items():
            if isinstance(item, Arrow):
                item.settle()  # the exact curve, as painting would: not the first estimate
            seen[(table, key)] = (type(item).__name__, round(item.x(), 1), round(item.y(), 1),
                                  round(item.rotation(), 1), item.isVisible(), round(item.opacity(), 2),
                                  item.editable_text, item.toolTip(), _rounded(item.boundingRect()),
                                  round(item.zValue(), 2))
    return seen


def built_afresh(scene):
    """The same diagram drawn from scratch from the model, as opening the file would."""
    if isinstance(scene, CldScene):
        return CldScene(scene.document, scene.layers, scene.style, scene.fixed, scene.places)
    if isinstance(scene, RpScene):
        fresh = RpScene(scene.document, scene.layers, scene.text_scale)
        fresh.hand_drawn = scene.hand_drawn
        return fresh
    assert isinstance(scene, CmScene)
    return CmScene(scene.document, scene.model_id, scene.style)


def scenes_of(window) -> list:
    found = [window.scene, window.pictures.scene, *window.pages["side_by_side"].widget.scenes]
    model_scene = window.pages["conceptual_model"].widget.scene
    if model_scene is not None:
        found.append(model_scene)
    return found


def assert_scenes_match_the_model(window, when: str) -> None:
    for scene in scenes_of(window):
        fresh = built_afresh(scene)
        try:
            live, expected = picture_of(scene), picture_of(fresh)
        finally:
            fresh.close()
        assert live.keys() == expected.keys(), (when, type(scene).__name__,
                                                live.keys() ^ expected.keys())
        wrong = {key: (live[key], expected[key]) for key in live if live[key] != expected[key]}
        for key, (seen, drawn) in wrong.items():
            print(when, type(scene).__name__, key, "\n  live ", seen, "\n  fresh", drawn)
        assert not wrong, (when, type(scene).__name__, wrong)


def _first_model(project):
    return project.conceptual_models[0]


def _new_variable(project):
    return causal.add_variable(Variable(name="Trust in the job centre", x=40, y=-260))


def _claim(project):
    first, last = project.cld.variables[0], project.cld.variables[-1]
    return causal.add_link(CausalLink(source=last.id, target=first.id,
                                      perspective=project.perspectives[-1].id, polarity="-"))


# Each kind of edit the change vocabulary offers, as the app makes it.
EDITS = {
    "add variable": _new_variable,
    "rename variable": lambda p: causal.rename_variable(p.cld.variables[0].id, "Young people in work"),
    "note on a variable": lambda p: causal.change_variable(p.cld.variables[1].id, note="From the survey"),
    "move variables": lambda p: causal.move_variables({v.id: (v.x + 90, v.y - 40) for v in p.cld.variables[:3]}),
    "remove variables": lambda p: causal.remove_variables(p, {p.cld.variables[0].id}),
    "add claim": _claim,
    "remove claims": lambda p: causal.remove_links({p.cld.links[0].id, p.cld.links[-1].id}),
    "polarity": lambda p: causal.set_polarity([link.id for link in p.cld.links[:4]], "?"),
    "delay and curve": lambda p: causal.set_link_fields(p.cld.links[1].id, delay=True, curvature=0.3),
    "claim moved to another perspective": lambda p: causal.set_link_fields(
        p.cld.links[2].id, perspective=next(o.id for o in p.perspectives if o.id != p.cld.links[2].perspective)),
    "add perspective": lambda p: perspectives.add_perspective(Perspective(name="Employers", colour="#aa5500")),
    "perspective colour and dash": lambda p: perspectives.change_perspective(
        p.perspectives[0].id, colour="#112233", dash="dash"),
    "reorder perspectives": lambda p: perspectives.reorder_perspective(p.perspectives[0].id, 2),
    "remove perspective": lambda p: perspectives.remove_perspective(p, p.perspectives[1].id),
    "add figure": lambda p: picture.add_item(StencilFigure(stencil="person", label="Tutor", x=300, y=200)),
    "add bubble to a figure": lambda p: picture.add_item(Bubble(
        text="Nobody asks us", owner=next(i.id for i in p.rich_picture.items if i.kind == "stencil"))),
    "connect two figures": lambda p: picture.add_item(Connector(
        source=[i.id for i in p.rich_picture.items if i.kind == "stencil"][0],
        target=[i.id for i in p.rich_picture.items if i.kind == "stencil"][1], label="refers")),
    "move and turn a picture item": lambda p: picture.change_item(
        p.rich_picture.items[0].id, x=p.rich_picture.items[0].x + 50, rotation=15),
    "picture item to a layer": lambda p: picture.change_item(
        next(i.id for i in p.rich_picture.items if i.kind == "stencil"), layer=p.perspectives[0].id),
    "remove picture items": lambda p: picture.remove_items(
        p, {next(i.id for i in p.rich_picture.items if i.kind == "stencil")}),
    "add activity": lambda p: stages.add_activity(_first_model(p).id, Activity(label="Listen to tutors", x=50, y=300)),
    "rename activity": lambda p: stages.change_activity(
        _first_model(p).id, _first_model(p).activities[0].id, label="Agree what counts as success"),
    "move activities": lambda p: stages.move_activities(
        _first_model(p).id, {a.id: (a.x - 60, a.y + 30) for a in _first_model(p).activities[:2]}),
    "monitor and control": lambda p: stages.set_monitor_control(
        _first_model(p).id, [a.id for a in _first_model(p).activities[:2]], True),
    "add dependency": lambda p: stages.add_dependency(p, _first_model(p).id, Dependency(
        source=_first_model(p).activities[-1].id, target=_first_model(p).activities[0].id)),
    "remove from model": lambda p: stages.remove_from_model(
        p, _first_model(p).id, {_first_model(p).activities[0].id}),
}


@pytest.mark.parametrize("kind", list(EDITS))
def test_each_kind_of_edit_and_its_undo_leave_every_scene_as_the_model_draws_it(qtbot, window, kind):
    window.show_page("side_by_side")  # its scenes exist and follow the document from now on
    window.show_page("conceptual_model")
    session = window.session
    project = session.document.project
    assert project.conceptual_models, "the example has a conceptual model to edit"
    before = project.model_dump()
    depth = session.undo_stack.index()

    assert session.push(EDITS[kind](project)), kind
    assert project.model_dump() != before, f"{kind}: the edit changed nothing"
    assert session.undo_stack.index() == depth + 1
    assert_scenes_match_the_model(window, f"after {kind}")

    window.undo_action.trigger()
    assert project.model_dump() == before, f"{kind}: undo did not restore the project"
    assert_scenes_match_the_model(window, f"after undoing {kind}")

    window.redo_action.trigger()
    assert project.model_dump() != before
    assert_scenes_match_the_model(window, f"after redoing {kind}")


def test_a_change_made_around_the_undo_stack_is_caught(qtbot, window, edits_outside_undo):
    """The guard in conftest.py must fail a change that bypasses the stack, or it proves nothing."""
    project = window.session.document.project
    window.session.document.apply(causal.rename_variable(project.cld.variables[0].id, "Sneaked in"))
    assert edits_outside_undo and "Rename" in edits_outside_undo[0]
    edits_outside_undo.clear()  # caught, as it should be: do not fail this test for it
