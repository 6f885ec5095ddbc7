"""Random sequences of every kind of edit, good and bad, through the undo history.

Every edit the app can make is generated (causal diagram, perspectives removed by deleting or
moving their claims, rich picture with groups, connectors and bubbles, root definitions,
conceptual models, stage-5 rows, actions and stances), mixed with edits that must be
refused (values too long, ids already gone, dangling references, composites that fail
half-way). A refused edit leaves the bytes unchanged and never reaches the history; undo of
everything gives back the starting bytes and redo of everything the finished ones.
"""

import uuid

from build_stoke_example import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssm_studio.edits import CompositeEdit, Document, Edit, History, MoveInListEdit, SetFieldsEdit
from ssm_studio.edits import causal_edits as ce
from ssm_studio.edits import perspective_edits as pe
from ssm_studio.edits import rich_picture_edits as rpe
from ssm_studio.edits import stage_edits as se
from ssm_studio.edits.base import InsertEdit
from ssm_studio.errors import EditRefused
from ssm_studio.model import (
    Action,
    Activity,
    Bubble,
    CausalLink,
    ConceptualModel,
    Connector,
    Dependency,
    Group,
    Perspective,
    RootDefinition,
    StencilFigure,
    Variable,
    reference_problems,
)
from ssm_studio.storage import project_to_bytes

from ..spotlight.review import with_review
from .new_edit_cases import BAD as NEW_BAD
from .new_edit_cases import GOOD as NEW_GOOD
from .new_edit_cases import new_edit

EXAMPLE = build()
with_review(EXAMPLE)  # a SPOTlight review, a snapshot and stocktakes for the new edits to work on
names = st.text(min_size=1, max_size=12)
coords = st.floats(-1e4, 1e4, allow_nan=False)
verdicts = st.sampled_from(["yes", "no", "unsure"])

GOOD = [
    "persp", "var", "link", "polarity", "move", "rename", "note", "del_var", "del_link",
    "del_persp", "move_persp", "reorder", "recolour", "loop_name", "title",
    "item", "connector", "bubble", "group", "ungroup", "del_item", "change_item",
    "rd", "rd_field", "measure", "del_rd", "scaffold", "activity", "rename_activity",
    "move_activity", "monitor", "dependency", "del_activity", "compare", "propose",
    "action", "change_action", "stance", "del_action", "del_model", "add_model", "model_title",
]
BAD = ["too_long", "stale_id", "dangling", "bad_tail", "duplicate_claim", "bad_literal"]
GOOD += NEW_GOOD
BAD += NEW_BAD


def random_edit(data, project) -> Edit | None:
    ps, vs, ls = project.perspectives, project.cld.variables, project.cld.links
    items, rds, cms = project.rich_picture.items, project.root_definitions, project.conceptual_models
    actions = project.actions
    choice = data.draw(st.sampled_from(GOOD + BAD))
    pick = lambda seq: data.draw(st.sampled_from(seq))  # noqa: E731
    figures = [i for i in items if i.kind in ("stencil", "text", "shape")]
    with_activities = [cm for cm in cms if cm.activities]
    if choice in NEW_GOOD or choice in NEW_BAD:
        return new_edit(data, project, choice)
    match choice:
        case "persp":
            return pe.add_perspective(Perspective(name=data.draw(names)))
        case "var":
            return ce.add_variable(Variable(name=data.draw(names), x=data.draw(coords)))
        case "link" if vs and ps:
            return ce.add_link(CausalLink(source=pick(vs).id, target=pick(vs).id, perspective=pick(ps).id,
                                          polarity=pick(["+", "-", "?"]), delay=data.draw(st.booleans())))
        case "polarity" if ls:
            return ce.set_polarity([pick(ls).id], pick(["+", "-", "?"]))
        case "move" if vs:
            return ce.move_variables({pick(vs).id: (data.draw(coords), data.draw(coords))})
        case "rename" if vs:
            return ce.rename_variable(pick(vs).id, data.draw(names))
        case "note" if vs:
            return ce.change_variable(pick(vs).id, note=data.draw(names))
        case "del_var" if vs:
            return ce.remove_variables(project, {pick(vs).id})
        case "del_link" if ls:
            return ce.remove_links({pick(ls).id}, pick([project, None]))  # without: refused if cited
        case "del_persp" if ps:
            return pe.remove_perspective(project, pick(ps).id, "delete")
        case "move_persp" if len(ps) > 1:
            doomed = pick(ps).id
            return pe.remove_perspective(project, doomed, "move", pick([p.id for p in ps if p.id != doomed]))
        case "reorder" if len(ps) > 1:
            return pe.reorder_perspective(pick(ps).id, data.draw(st.integers(0, len(ps) - 1)))
        case "recolour" if ps:
            return pe.change_perspective(pick(ps).id, colour=pick(["#000000", "#ABCDEF"]), notes="n")
        case "loop_name":
            return ce.name_loop(project, uuid.uuid4().hex[:24], pick(["R1", "B2"]), data.draw(names))
        case "title":
            return SetFieldsEdit(("metadata",), {"title": data.draw(names)})
        case "item":
            layer = pick([None] + [p.id for p in ps])
            return rpe.add_item(StencilFigure(stencil="person", layer=layer, x=data.draw(coords)))
        case "connector" if len(figures) > 1:
            return rpe.add_item(Connector(source=pick(figures).id, target=pick(figures).id))
        case "bubble" if figures:
            return rpe.add_item(Bubble(owner=pick(figures).id, text=data.draw(names)))
        case "group" if len(figures) > 1:
            return rpe.add_item(Group(members=[f.id for f in figures[:3]]))
        case "ungroup" if any(i.kind == "group" for i in items):
            return rpe.ungroup([pick([i for i in items if i.kind == "group"]).id])
        case "del_item" if items:
            return rpe.remove_items(project, {pick(items).id})
        case "change_item" if items:
            return rpe.change_item(pick(items).id, x=data.draw(coords), locked=data.draw(st.booleans()))
        case "rd" if ps:
            return se.add_root_definition(RootDefinition(perspective=pick(ps).id, title="t"))
        case "rd_field" if rds:
            return se.change_root_definition(pick(rds).id, customers=data.draw(names), sentence=None)
        case "measure" if rds:
            return se.change_measures(pick(rds).id, efficacy=data.draw(names))
        case "del_rd" if rds:
            return se.remove_root_definition(project, pick(rds).id)
        case "scaffold" if rds:
            return se.start_from_root_definition(pick(rds))[0]
        case "activity" if cms:
            return se.add_activity(pick(cms).id, Activity(label=data.draw(names)))
        case "rename_activity" if with_activities:
            cm = pick(with_activities)
            return se.change_activity(cm.id, pick(cm.activities).id, label=data.draw(names))
        case "move_activity" if with_activities:
            cm = pick(with_activities)
            return se.move_activities(cm.id, {pick(cm.activities).id: (data.draw(coords), 1.0)})
        case "monitor" if with_activities:
            cm = pick(with_activities)
            return se.set_monitor_control(cm.id, [pick(cm.activities).id], data.draw(st.booleans()))
        case "dependency" if with_activities:
            cm = pick(with_activities)
            a, b = pick(cm.activities), pick(cm.activities)
            try:
                return se.add_dependency(project, cm.id, Dependency(source=a.id, target=b.id))
            except EditRefused:
                return None  # a self-dependency or a repeat, refused before any edit exists
        case "del_activity" if with_activities:
            cm = pick(with_activities)
            return se.remove_from_model(project, cm.id, {pick(cm.activities).id})
        case "compare" if with_activities:
            cm = pick(with_activities)
            return se.set_comparison(project, cm.id, pick(cm.activities).id,
                                     exists=pick(["yes", "no", "partly"]), proposed_change=data.draw(names))
        case "propose" if with_activities:
            cm = pick(with_activities)
            return se.propose_change(project, cm.id, pick(cm.activities).id)[0]
        case "action":
            return se.add_action(Action(title=data.draw(names)))
        case "change_action" if actions:
            return se.change_action(pick(actions).id, owner=data.draw(names), timescale="short")
        case "stance" if actions and ps:
            return se.set_stance(project, pick(actions).id, pick(ps).id, desirable=data.draw(verdicts))
        case "del_action" if actions:
            return se.remove_actions({pick(actions).id}, pick([project, None]))
        case "del_model" if cms:
            return se.remove_conceptual_model(project, pick(cms).id)
        case "add_model" if rds:
            return se.add_conceptual_model(ConceptualModel(root_definition=pick(rds).id, title=data.draw(names)))
        case "model_title" if cms:
            return se.change_conceptual_model(pick(cms).id, title=data.draw(names))
        # Edits that must be refused, whole:
        case "too_long" if vs:
            return ce.rename_variable(pick(vs).id, "x" * 501)
        case "stale_id":
            return ce.move_variables({str(uuid.uuid4()): (1.0, 2.0)})
        case "dangling" if ps:
            return ce.add_link(CausalLink(source=str(uuid.uuid4()), target=str(uuid.uuid4()),
                                          perspective=pick(ps).id))
        case "bad_tail" if vs:
            return CompositeEdit([ce.move_variables({pick(vs).id: (5.0, 5.0)}),
                                  ce.rename_variable(pick(vs).id, "ok"),
                                  SetFieldsEdit(("cld", "variables", pick(vs).id), {"x": float("nan")})])
        case "duplicate_claim" if ls:
            link = pick(ls)
            return InsertEdit(("cld", "links"), link)  # the same id twice
        case "bad_literal" if ls:
            return ce.set_polarity([pick(ls).id], "sideways")
    return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_kind_of_edit_undoes_and_redoes_to_identical_bytes(data):
    doc = Document(EXAMPLE.model_copy(deep=True))
    history = History(doc)
    original = project_to_bytes(doc.project, {})
    stacked = 0
    for _ in range(data.draw(st.integers(1, 30))):
        edit = random_edit(data, doc.project)
        if edit is None:
            continue
        before = project_to_bytes(doc.project, {})
        try:
            history.push(edit)
            stacked += 1
        except EditRefused as refusal:
            assert str(refusal)  # a reason for the user
            assert project_to_bytes(doc.project, {}) == before, "a refused edit changed the document"
        assert reference_problems(doc.project) == []
    finished = project_to_bytes(doc.project, {})
    assert len(history._done) == stacked
    while history.undo():
        pass
    assert project_to_bytes(doc.project, {}) == original
    while history.redo():
        pass
    assert project_to_bytes(doc.project, {}) == finished


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_composite_of_random_edits_is_one_reversible_step(data):
    doc = Document(EXAMPLE.model_copy(deep=True))
    original = project_to_bytes(doc.project, {})
    edits = []
    scratch = Document(doc.project.model_copy(deep=True))
    for _ in range(data.draw(st.integers(1, 8))):
        edit = random_edit(data, scratch.project)
        if edit is None:
            continue
        try:
            scratch.apply(edit)
        except EditRefused:
            continue
        edits.append(edit)
    for edit in reversed(edits):
        scratch.revert(edit)
    composite = CompositeEdit(edits)
    doc.apply(composite)
    doc.revert(composite)
    assert project_to_bytes(doc.project, {}) == original


def test_move_in_list_round_trip(example_project):
    doc = Document(example_project)
    before = project_to_bytes(doc.project, {})
    first = doc.project.perspectives[0].id
    edit = MoveInListEdit(("perspectives",), first, 3)
    doc.apply(edit)
    assert doc.project.perspectives[3].id == first
    doc.revert(edit)
    assert project_to_bytes(doc.project, {}) == before
