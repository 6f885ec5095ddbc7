"""Any sequence of edits, reverted in reverse order, gives back the saved bytes exactly."""

from build_stoke_example import build
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssm_studio.edits import CompositeEdit, Document, Edit, MoveInListEdit, SetFieldsEdit
from ssm_studio.edits.base import InsertEdit
from ssm_studio.edits.causal_edits import (
    add_link,
    add_variable,
    move_variables,
    remove_links,
    remove_variables,
    rename_variable,
    set_polarity,
)
from ssm_studio.edits.perspective_edits import (
    add_perspective,
    change_perspective,
    remove_perspective,
    reorder_perspective,
)
from ssm_studio.edits.rich_picture_edits import remove_items
from ssm_studio.model import (
    CausalLink,
    Perspective,
    RootDefinition,
    StencilFigure,
    Variable,
    reference_problems,
)
from ssm_studio.storage import project_to_bytes

EXAMPLE = build()
names = st.text(min_size=1, max_size=12)
coords = st.floats(-1e4, 1e4, allow_nan=False)


def random_edit(data, project) -> Edit | None:
    ps, vs, ls = project.perspectives, project.cld.variables, project.cld.links
    items = project.rich_picture.items
    choice = data.draw(st.sampled_from([
        "persp", "var", "link", "polarity", "move", "rename", "del_var", "del_link",
        "del_persp", "reorder", "recolour", "rd", "item", "del_item", "title",
    ]))
    pick = lambda seq: data.draw(st.sampled_from(seq))  # noqa: E731
    if choice == "persp":
        return add_perspective(Perspective(name=data.draw(names)))
    if choice == "var":
        return add_variable(Variable(name=data.draw(names), x=data.draw(coords)))
    if choice == "link" and vs and ps:
        return add_link(CausalLink(source=pick(vs).id, target=pick(vs).id, perspective=pick(ps).id,
                                   polarity=pick(["+", "-", "?"]), delay=data.draw(st.booleans())))
    if choice == "polarity" and ls:
        return set_polarity([pick(ls).id], pick(["+", "-", "?"]))
    if choice == "move" and vs:
        return move_variables({pick(vs).id: (data.draw(coords), data.draw(coords))})
    if choice == "rename" and vs:
        return rename_variable(pick(vs).id, data.draw(names))
    if choice == "del_var" and vs:
        return remove_variables(project, {pick(vs).id})
    if choice == "del_link" and ls:
        return remove_links({pick(ls).id})
    if choice == "del_persp" and ps:
        return remove_perspective(project, pick(ps).id, "delete")
    if choice == "reorder" and len(ps) > 1:
        return reorder_perspective(pick(ps).id, data.draw(st.integers(0, len(ps) - 1)))
    if choice == "recolour" and ps:
        return change_perspective(pick(ps).id, colour=pick(["#000000", "#ABCDEF"]), notes="n")
    if choice == "rd" and ps:
        return InsertEdit(("root_definitions",), RootDefinition(perspective=pick(ps).id, title="t"))
    if choice == "item":
        layer = pick([None] + [p.id for p in ps])
        return InsertEdit(("rich_picture", "items"), StencilFigure(stencil="person", layer=layer))
    if choice == "del_item" and items:
        return remove_items(project, {pick(items).id})
    if choice == "title":
        return SetFieldsEdit(("metadata",), {"title": data.draw(names)})
    return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_random_edit_sequences_revert_to_identical_bytes(data):
    doc = Document(EXAMPLE.model_copy(deep=True))
    original = project_to_bytes(doc.project, {})
    applied: list[Edit] = []
    for _ in range(data.draw(st.integers(1, 25))):
        edit = random_edit(data, doc.project)
        if edit is None:
            continue
        doc.apply(edit)
        applied.append(edit)
        assert reference_problems(doc.project) == []
    for edit in reversed(applied):
        doc.revert(edit)
    assert project_to_bytes(doc.project, {}) == original


@settings(max_examples=50, deadline=None)
@given(data=st.data())
def test_composite_of_random_edits_is_one_reversible_step(data):
    doc = Document(EXAMPLE.model_copy(deep=True))
    original = project_to_bytes(doc.project, {})
    edits = []
    scratch = doc.project.model_copy(deep=True)
    for _ in range(data.draw(st.integers(1, 8))):
        edit = random_edit(data, scratch)
        if edit is not None:
            edit.apply(scratch)
            edits.append(edit)
    for edit in reversed(edits):
        edit.revert(scratch)
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
