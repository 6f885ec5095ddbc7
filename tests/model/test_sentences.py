from ssm_studio.model import RootDefinition
from ssm_studio.model.sentences import (
    catwoe_value,
    compose_sentence,
    transformation,
    transformation_problems,
)


def rd(**fields):
    return RootDefinition(perspective="p", **fields)


def test_sentence_from_pqr_and_catwoe():
    text = compose_sentence(rd(owners="the LSP board", actors="partners", what="raise skills",
                               transformation_input="people out of work", transformation_output="people in work",
                               how="joint plans", why="reduce deprivation", customers="residents",
                               environment="national benefit rules"))
    assert text == ("A system owned by the LSP board, operated by partners, to raise skills (turning people out "
                    "of work \u2192 people in work), by means of joint plans, in order to reduce deprivation, for "
                    "residents, within national benefit rules.")


def test_sentence_leaves_out_missing_parts_and_respects_the_users_wording():
    assert compose_sentence(rd(how="weekly contact")) == "A system by means of weekly contact."
    assert compose_sentence(rd()) == ""
    assert compose_sentence(rd(what="x", sentence="Our own words.")) == "Our own words."


def test_transformation_is_written_input_arrow_output():
    assert transformation(rd(transformation_input="a", transformation_output="")) == "a \u2192 \u2026"
    assert catwoe_value(rd(transformation_input="in", transformation_output="out"), "T") == "in \u2192 out"
    assert catwoe_value(rd(owners="DWP"), "O") == "DWP"


def test_transformation_checks():
    assert len(transformation_problems(rd())) == 2
    assert transformation_problems(rd(transformation_input="people out of work",
                                      transformation_output="people in work")) == []
    hint = transformation_problems(rd(transformation_input="claimants on benefits",
                                      transformation_output="lower costs"))
    assert hint and "changed form" in hint[0]
