import pytest

from ssm_studio.edits import ChangeEvent, Document, History, PathError, SetFieldsEdit
from ssm_studio.edits.causal_edits import (
    add_link,
    add_variable,
    move_variables,
    name_loop,
    remove_variables,
    set_polarity,
)
from ssm_studio.edits.perspective_edits import add_perspective, remove_perspective
from ssm_studio.errors import EditRefused
from ssm_studio.model import CausalLink, Perspective, Project, Variable
from ssm_studio.storage import project_to_bytes


@pytest.fixture
def doc():
    document = Document(Project())
    events: list[ChangeEvent] = []
    document.subscribe(events.extend)
    document.events = events
    return document


def test_add_variable_emits_added_and_revert_emits_removed(doc):
    history = History(doc)
    v = Variable(name="Worklessness")
    history.push(add_variable(v))
    assert doc.project.cld.variables[0].name == "Worklessness"
    assert doc.events[-1] == ChangeEvent("added", ("cld", "variables"), v.id)
    history.undo()
    assert doc.project.cld.variables == []
    assert doc.events[-1] == ChangeEvent("removed", ("cld", "variables"), v.id)
    history.redo()
    assert doc.project.cld.variables[0].id == v.id


def test_edit_does_not_alias_the_object_it_was_given(doc):
    v = Variable(name="A")
    doc.apply(add_variable(v))
    doc.project.cld.variables[0].name = "changed"
    assert v.name == "A"


def test_move_of_many_is_one_step_with_changed_events(doc):
    history = History(doc)
    a, b = Variable(name="A"), Variable(name="B")
    history.push(add_variable(a))
    history.push(add_variable(b))
    history.push(move_variables({a.id: (10, 20), b.id: (30, 40)}))
    assert [(v.x, v.y) for v in doc.project.cld.variables] == [(10, 20), (30, 40)]
    assert {e.id for e in doc.events[-1:]} <= {a.id, b.id}
    assert doc.events[-1].kind == "changed" and doc.events[-1].fields == ("x", "y")
    history.undo()
    assert [(v.x, v.y) for v in doc.project.cld.variables] == [(0, 0), (0, 0)]


def test_removing_a_variable_removes_its_claims_and_undo_restores_order(doc):
    p = Perspective(name="P")
    a, b, c = Variable(name="A"), Variable(name="B"), Variable(name="C")
    for edit in (add_perspective(p), add_variable(a), add_variable(b), add_variable(c)):
        doc.apply(edit)
    for s, t in ((a, b), (b, c), (c, a)):
        doc.apply(add_link(CausalLink(source=s.id, target=t.id, perspective=p.id)))
    before = project_to_bytes(doc.project, {})
    edit = remove_variables(doc.project, {b.id})
    doc.apply(edit)
    assert [v.name for v in doc.project.cld.variables] == ["A", "C"]
    assert len(doc.project.cld.links) == 1
    doc.revert(edit)
    assert project_to_bytes(doc.project, {}) == before


def test_invalid_value_is_refused_and_nothing_changes(doc):
    p = Perspective(name="P")
    a = Variable(name="A")
    doc.apply(add_perspective(p))
    doc.apply(add_variable(a))
    link = CausalLink(source=a.id, target=a.id, perspective=p.id)
    doc.apply(add_link(link))
    with pytest.raises(EditRefused, match="polarity"):
        doc.apply(set_polarity([link.id], "sideways"))
    assert doc.project.cld.links[0].polarity == "+"


def test_partial_failure_of_a_composite_rolls_back(doc):
    a = Variable(name="A")
    doc.apply(add_variable(a))
    bad = SetFieldsEdit(("cld", "variables", a.id), {"x": 5.0, "name": "x" * 10_000})
    with pytest.raises(EditRefused, match=r"The name is too long \(10,000 characters; at most 500\)"):
        doc.apply(bad)
    assert doc.project.cld.variables[0].x == 0.0


def test_unknown_path_is_a_path_error(doc):
    with pytest.raises(PathError):
        doc.apply(SetFieldsEdit(("cld", "variables", "nope"), {"x": 1.0}))


def test_remove_perspective_deletes_or_moves_its_claims(doc):
    p, q = Perspective(name="P"), Perspective(name="Q")
    a = Variable(name="A")
    for edit in (add_perspective(p), add_perspective(q), add_variable(a)):
        doc.apply(edit)
    doc.apply(add_link(CausalLink(source=a.id, target=a.id, perspective=p.id)))
    before = project_to_bytes(doc.project, {})
    delete = remove_perspective(doc.project, p.id, "delete")
    doc.apply(delete)
    assert doc.project.cld.links == [] and [x.name for x in doc.project.perspectives] == ["Q"]
    doc.revert(delete)
    assert project_to_bytes(doc.project, {}) == before
    move = remove_perspective(doc.project, p.id, "move", q.id)
    doc.apply(move)
    assert doc.project.cld.links[0].perspective == q.id


def test_loop_names_are_recorded_then_updated(doc):
    doc.apply(name_loop(doc.project, "k", "R1", "Vicious circle of confidence"))
    doc.apply(name_loop(doc.project, "k", "R1", "Confidence"))
    assert [(n.label, n.name) for n in doc.project.cld.loop_names] == [("R1", "Confidence")]
