"""Equations read as causal claims, and the signs they fix (issue #30, items 2 and 3)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ssm_studio.errors import ImportProblem
from ssm_studio.interop.equations import EquationError, parse, references
from ssm_studio.interop.formats import import_file
from ssm_studio.interop.polarity import INFERRED_NOTE, Signs
from tests.conftest import CORPUS

MODELS = Path(__file__).parent.parent / "fixtures" / "models"


def claims(result) -> dict[tuple[str, str], tuple[str, bool]]:
    names = {v.id: v.name for v in result.project.cld.variables}
    return {(names[lk.source], names[lk.target]): (lk.polarity, INFERRED_NOTE in lk.note)
            for lk in result.project.cld.links}


def signs_of(equations: dict[str, str], lookups=None) -> dict[tuple[str, str], str]:
    trees = {key: [parse(text)] for key, text in equations.items()}
    signs = Signs(trees, lookups)
    return {(cause, key): signs.link(cause, key) for key, (tree,) in trees.items()
            for cause, _name in references(tree)}


def test_the_classic_signs():
    found = signs_of({
        "births": "population * birth rate", "birth rate": "0.03",
        "deaths": "population / lifetime", "lifetime": "70",
        "population": "INTEG(births - deaths, initial)",
        "adjustment": "(goal - population) / adjustment time", "goal": "100", "adjustment time": "4",
    })
    assert found[("population", "births")] == found[("birth rate", "births")] == "+"
    assert found[("population", "deaths")] == "+" and found[("lifetime", "deaths")] == "-"
    assert found[("births", "population")] == "+" and found[("deaths", "population")] == "-"
    assert ("initial", "population") not in found  # an initial value is no cause
    assert found[("goal", "adjustment")] == "+" and found[("population", "adjustment")] == "-"
    assert found[("adjustment time", "adjustment")] == "?"  # the gap may have either sign


def test_unknown_values_and_thresholds_stay_unsigned():
    found = signs_of({
        "a": "x * y",  # nothing says whether y is positive
        "b": "IF THEN ELSE(x > 3, y, 0)",  # x is a threshold
        "c": "MYSTERY(x)",  # a function we do not know
        "d": "x - x * 2",
        "e": "effect(x)",
    }, {"effect": [(0, 0), (1, 2), (2, 1)]})  # rises, then falls
    assert found[("y", "a")] == "?" and found[("x", "b")] == "?" and found[("y", "b")] == "+"
    assert found[("x", "c")] == "?" and found[("x", "d")] == "?" and found[("x", "e")] == "?"


def test_builtins_lookups_and_quotients():
    found = signs_of({
        "s": "SMOOTH(x, t) + DELAY1(y, 3) - ZIDZ(1, z)", "t": "2", "z": "MAX(0, q)", "q": "1",
        "w": "WITH LOOKUP(x, ([(0,0)-(2,1)],(0,1),(1,0.5),(2,0)))",
        "v": "falling(x / k)", "k": "10",
        "p": "x ^ 2 + k ^ -1", "x": "5", "y": "1",
    }, {"falling": [(0, 1), (1, 0.5)]})
    assert found[("x", "s")] == found[("y", "s")] == found[("z", "s")] == "+"
    assert found[("t", "s")] == "?"
    assert found[("q", "z")] == "+"
    assert found[("x", "w")] == "-" and found[("x", "v")] == "-" and found[("k", "v")] == "+"
    assert found[("k", "p")] == "-"


def test_parse_errors_say_where():
    with pytest.raises(EquationError, match="character 5"):
        parse("a + ) b")
    with pytest.raises(EquationError, match="not closed"):
        parse('"open name + 1')


def test_a_model_with_equations_and_no_sketch_comes_in_whole_and_signed():
    result = import_file(MODELS / "no_sketch_equations.mdl")
    found = claims(result)
    names = {v.name for v in result.project.cld.variables}
    # Macros' bodies, subscript ranges, lookups, the clock and the run's settings are not variables.
    assert not names & {"DOUBLE IT", "input", "region", "effect of crowding on births", "Time", "TIME STEP",
                        "FINAL TIME", "SAVEPER"}
    assert found[("births", "Population")] == ("+", True)
    assert found[("deaths", "Population")] == ("-", True)
    assert ("initial population", "Population") not in found
    assert found[("Population", "births")] == ("?", False)  # crowding pulls the other way
    assert found[("carrying capacity", "births")] == ("+", True)  # through a falling lookup
    assert found[("average lifetime", "deaths")] == ("-", True)
    assert found[("carrying capacity", "people's trust")] == ("+", True)
    assert found[("people's trust", "services & care")] == ("+", True)  # through DOUBLE IT = 2 * input
    assert found[("adjustment time", "pressure")] == ("-", True)
    population = next(v for v in result.project.cld.variables if v.name == "Population")
    assert "Subscripted" in population.note and "People living" in population.note
    assert any("the file has no sketch" in note for note in result.notes)
    assert any("13 link sign(s) inferred" in note for note in result.notes)  # 12, and the macro call


def test_an_outflow_minus_is_a_sign_and_continued_lines_join_names():
    result = import_file(MODELS / "function_of_outflow.mdl")
    found = claims(result)
    names = {v.name for v in result.project.cld.variables}
    assert names == {"Capital", "Investment", "Discards", "Global warming level", "Mismanagement"}
    assert found[("Investment", "Capital")][0] == "+" and found[("Discards", "Capital")][0] == "-"
    assert found[("Capital", "Discards")] == ("?", False)  # A FUNCTION OF names no sign


def test_sketch_arrows_keep_their_sign_and_initial_value_arrows_stay_unsigned():
    result = import_file(CORPUS / "vensim/SIR.mdl")
    found = claims(result)
    assert found[("Infection Rate", "Susceptible Population S")] == ("-", False)  # drawn as a pipe
    assert found[("Total Population P", "Susceptible Population S")] == ("?", False)  # initial only
    assert any("read only for an initial value" in note for note in result.notes)


def test_a_file_with_neither_sketch_nor_equations_is_refused_saying_what_it_found(tmp_path):
    path = tmp_path / "notes.mdl"
    path.write_text("just some words\nand more | words\n")
    with pytest.raises(ImportProblem, match="no sketch .* and no equations"):
        import_file(path)


def test_stella_line_breaks_in_names_become_spaces(tmp_path):
    path = tmp_path / "broken.stmx"
    path.write_text('<?xml version="1.0"?><xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0">'
                    '<model><variables><aux name="birth\\nrate"><eqn>1</eqn></aux>'
                    '<stock name="Population"><eqn>1</eqn><inflow>births</inflow></stock>'
                    '<flow name="births"><eqn>Population * birth_rate</eqn></flow></variables></model></xmile>')
    names = {v.name for v in import_file(path).project.cld.variables}
    assert names == {"birth rate", "Population", "births"}


def test_xmile_equations_sign_connectors_and_add_what_was_not_drawn(tmp_path):
    teacup = claims(import_file(CORPUS / "xmile/teacup_w_diagram.xmile"))
    # heat loss = (teacup temperature - room temperature) / characteristic time
    assert teacup[("teacup temperature", "heat loss to room")] == ("+", True)
    assert teacup[("room temperature", "heat loss to room")] == ("-", True)
    assert teacup[("characteristic time", "heat loss to room")] == ("?", False)
    path = tmp_path / "arrayed.xmile"
    path.write_text(
        '<?xml version="1.0"?><xmile xmlns="http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"><model><variables>'
        '<stock name="Population"><dimensions><dim name="region"/></dimensions>'
        '<element subscript="north"><eqn>100</eqn></element><inflow>births</inflow><outflow>deaths</outflow></stock>'
        '<flow name="births"><eqn>Population * fertility_effect</eqn></flow>'
        '<flow name="deaths"><eqn>IF Population &gt; 0 THEN Population / "life time" ELSE 0</eqn></flow>'
        '<aux name="life time"><eqn>SMTH1(target_life, 5)</eqn></aux><aux name="target life"><eqn>70</eqn></aux>'
        '<aux name="fertility effect"><eqn>Population / capacity</eqn>'
        '<gf><xscale min="0" max="2"/><ypts>0.05,0.03,0.01</ypts></gf></aux>'
        '<aux name="capacity"><eqn>1000</eqn></aux>'
        '</variables></model></xmile>')
    result = import_file(path)
    found = claims(result)
    assert found[("births", "Population")][0] == "+" and found[("deaths", "Population")][0] == "-"
    assert found[("Population", "deaths")] == ("?", False)  # a threshold on Population
    assert found[("life time", "deaths")] == ("-", True)  # the threshold is on Population only
    assert found[("target life", "life time")] == ("+", True)
    assert found[("Population", "fertility effect")] == ("-", True)  # a falling graphical function
    assert found[("capacity", "fertility effect")] == ("+", True)
    assert found[("fertility effect", "births")] == ("+", True)
    population = next(v for v in result.project.cld.variables if v.name == "Population")
    assert "Subscripted" in population.note
    assert any("the file has no sketch" in note for note in result.notes)


@pytest.mark.parametrize("fmt", ["mdl", "xmile", "gexf", "graphml", "kumu", "csv", "xlsx"])
def test_awkward_names_survive_a_round_trip(tmp_path, fmt):
    from ssm_studio.interop.formats import export_project
    from ssm_studio.model import CausalLink, Perspective, Project, Variable

    names = ["a & b", "50% rate", "back\\slash", 'say "hi"', "people's trust", "plain name"]
    alone = "on its own, with no claim"
    project = Project()
    project.perspectives = [Perspective(name="Board")]
    variables = [Variable(name=n, x=100.0 * i, y=50.0 * (i % 2)) for i, n in enumerate(names)]
    project.cld.variables = [*variables, Variable(name=alone, x=900.0, y=300.0)]
    project.cld.links = [CausalLink(source=a.id, target=b.id, perspective=project.perspectives[0].id,
                                    polarity="+-"[i % 2])
                         for i, (a, b) in enumerate(zip(variables, variables[1:], strict=False))]
    path = tmp_path / f"names.{fmt}"
    path.write_bytes(export_project(project, fmt))
    back = import_file(path)
    assert sorted(v.name for v in back.project.cld.variables) == sorted([*names, alone])
    found = {pair: sign for pair, (sign, _inferred) in claims(back).items()}
    assert found == {(a, b): "+-"[i % 2] for i, (a, b) in enumerate(zip(names, names[1:], strict=False))}


def test_loopy_labels_encoded_twice_are_decoded_as_loopy_does(tmp_path):
    from urllib.parse import quote

    twice = quote(quote("job loss & debt", safe=""), safe="")
    data = f'[[[1,400,200,1,"{twice}",3],[2,600,300,1,"50%",0]],[[1,2,94,1,0]],[],2]'
    path = tmp_path / "model.loopy"
    path.write_text("https://ncase.me/loopy/v1.1/?data=" + quote(data, safe=",[]"))
    names = {v.name for v in import_file(path).project.cld.variables}
    assert names == {"job loss & debt", "50%"}  # a bare % is text, not an escape


def test_a_csv_row_with_only_from_is_a_variable_with_no_claim(tmp_path):
    path = tmp_path / "lonely.csv"
    path.write_text("from,to,polarity\nlonely,,\n")
    project = import_file(path).project
    assert [v.name for v in project.cld.variables] == ["lonely"] and not project.cld.links
    assert len(project.perspectives) == 1
    path.write_text("from,to,polarity\nlonely,,+\n")  # a sign with no 'to' is a claim missing its end
    with pytest.raises(ImportProblem, match="a 'from' alone, with no polarity"):
        import_file(path)


def test_the_older_v160_sketch_keeps_its_positions_polarity_codes_and_delays():
    result = import_file(MODELS / "older_sketch_v160.mdl")
    project = result.project
    by_name = {v.name: v for v in project.cld.variables}
    assert set(by_name) == {"Population", "births", "deaths", "birth rate", "average lifetime", "effect of crowding"}
    assert by_name["Population"].kind == "stock" and by_name["births"].kind == "variable"  # no valves drawn
    assert by_name["Population"].x < by_name["average lifetime"].x  # where the sketch put them
    found = claims(result)
    assert found[("birth rate", "births")] == ("+", False)  # code 43, as drawn
    assert found[("average lifetime", "deaths")] == ("-", False)  # code 45
    assert found[("Population", "effect of crowding")] == ("-", False)  # drawn from the ghost
    delayed = {(lk.source, lk.target) for lk in project.cld.links if lk.delay}
    assert delayed == {(by_name["Population"].id, by_name["effect of crowding"].id)}
    assert found[("births", "Population")] == ("+", True)  # the stock's rate, signed from INTEG
    assert found[("deaths", "Population")] == ("-", True)


def test_a_macro_call_has_the_causes_and_signs_of_the_macro_body():
    result = import_file(MODELS / "macro_calls.mdl")
    names = {v.name for v in result.project.cld.variables}
    assert names == {"perceived demand", "unmet need", "capacity", "demand", "perception time"}  # no macro insides
    found = claims(result)
    assert found == {
        ("demand", "perceived demand"): ("+", True),  # a smooth follows its input
        ("perception time", "perceived demand"): ("?", False),  # faster or slower: depends on the gap
        ("perceived demand", "unmet need"): ("+", True),  # MAX(0, wanted - got)
        ("capacity", "unmet need"): ("-", True),
    }
