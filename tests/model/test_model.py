import pytest
from pydantic import ValidationError

from ssm_studio.model import (
    CausalLink,
    Perspective,
    Project,
    StencilFigure,
    Variable,
    display_polarity,
    parse_polarity,
)


def small_project() -> Project:
    a, b = Perspective(name="A"), Perspective(name="B")
    x, y = Variable(name="X"), Variable(name="Y")
    project = Project(perspectives=[a, b])
    project.cld.variables = [x, y]
    project.cld.links = [
        CausalLink(source=x.id, target=y.id, perspective=a.id, polarity="+"),
        CausalLink(source=x.id, target=y.id, perspective=b.id, polarity="-"),
    ]
    return project


def test_round_trip_through_json_is_exact():
    project = small_project()
    text = project.model_dump_json()
    assert Project.model_validate_json(text).model_dump_json() == text


def test_format_version_is_the_first_key_so_readers_can_peek():
    assert Project().model_dump_json().startswith('{"format_version":')


def test_unknown_fields_are_refused():
    data = small_project().model_dump()
    data["perspectives"][0]["rank"] = 1
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        Project.model_validate(data)


def test_dangling_references_are_refused_with_a_readable_reason():
    data = small_project().model_dump()
    data["cld"]["links"][0]["perspective"] = "nobody"
    with pytest.raises(ValidationError, match="perspective that does not exist"):
        Project.model_validate(data)


def test_rich_picture_item_on_an_unknown_layer_is_refused():
    project = small_project()
    data = project.model_dump()
    data["rich_picture"]["items"] = [StencilFigure(stencil="person", layer="gone").model_dump()]
    with pytest.raises(ValidationError, match="layer that does not exist"):
        Project.model_validate(data)


def test_assignment_is_validated():
    link = small_project().cld.links[0]
    with pytest.raises(ValidationError):
        link.polarity = "maybe"


def test_two_perspectives_may_claim_the_same_link_with_opposite_polarity():
    project = small_project()
    assert {link.polarity for link in project.cld.links} == {"+", "-"}


@pytest.mark.parametrize("text,expected", [
    ("+", "+"), ("Positive", "+"), ("S", "+"), ("-", "-"), ("\u2212", "-"), ("NEGATIVE", "-"),
    ("o", "-"), ("?", "?"), ("Unknown", "?"), (" + ", "+"), ("maybe", None), ("", None),
])
def test_polarity_spellings(text, expected):
    assert parse_polarity(text) == expected


def test_minus_is_displayed_typographically():
    assert display_polarity("-") == "\u2212"


def test_text_lengths_are_bounded():
    with pytest.raises(ValidationError):
        Variable(name="x" * 10_000)


def test_ids_are_unique_uuids():
    ids = {Variable(name="v").id for _ in range(100)}
    assert len(ids) == 100 and all(len(i) == 36 for i in ids)
