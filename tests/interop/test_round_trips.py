"""Any project exported for a stock-and-flow tool comes back with the same claims, signs,
delays, perspectives and kinds of variable (issue #30, items 4 and the property it names)."""

from __future__ import annotations

import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ssm_studio.interop.equations import name_key
from ssm_studio.interop.formats import export_project, import_file
from ssm_studio.model import CausalLink, Perspective, Project, Variable
from tests.conftest import CORPUS

# What people put in names: words, digits, punctuation Vensim quotes or escapes, apostrophes,
# accents; spaces are collapsed (the tools all do), so runs of them are not generated.
_WORD = st.text(st.sampled_from("abcdefghijkXYZé0123456789&%\\\"'()-,.:/?!$#@+*<>=^;[]{}|~_"),
                min_size=1, max_size=8)
# Vensim and XMILE read spaces and underscores alike and ignore case, so names are drawn
# unique by that rule (a name of underscores only is blank to both tools).
_NAME = st.lists(_WORD, min_size=1, max_size=3).map(" ".join).filter(name_key)


@st.composite
def projects(draw) -> Project:
    names = draw(st.lists(_NAME, min_size=2, max_size=7, unique_by=name_key))
    project = Project()
    project.perspectives = [Perspective(name=n) for n in draw(
        st.lists(_NAME, min_size=1, max_size=3, unique_by=lambda n: n.casefold()))]
    project.cld.variables = [Variable(name=n, x=150.0 * i, y=90.0 * (i % 3),
                                      kind=draw(st.sampled_from(["variable", "stock", "flow"])))
                             for i, n in enumerate(names)]
    ids = [v.id for v in project.cld.variables]
    for perspective in project.perspectives:
        pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)).filter(lambda p: p[0] != p[1]),
                              max_size=8, unique=True))
        project.cld.links += [CausalLink(source=a, target=b, perspective=perspective.id,
                                         polarity=draw(st.sampled_from("+-?")), delay=draw(st.booleans()))
                              for a, b in pairs]
    return project


def described(project: Project):
    names = {v.id: v.name for v in project.cld.variables}
    owners = {p.id: p.name for p in project.perspectives}
    claims = {(names[lk.source], names[lk.target], owners[lk.perspective], lk.polarity, lk.delay)
              for lk in project.cld.links}
    kinds = {v.name: v.kind for v in project.cld.variables}
    return claims, kinds


@pytest.mark.parametrize("fmt", ["mdl", "xmile"])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(project=projects())
def test_any_project_comes_back_from_a_stock_and_flow_tool_with_the_same_claims(tmp_path, fmt, project):
    path = tmp_path / f"model.{fmt}"
    path.write_bytes(export_project(project, fmt))
    back = import_file(path).project
    assert described(back) == described(project)


def _stocks_and_flows() -> Project:
    project = Project()
    project.perspectives = [Perspective(name="Jobcentre"), Perspective(name="Employers")]
    jc, em = (p.id for p in project.perspectives)
    out_of_work, finding, losing, vacancies = (
        Variable(name="People out of work", x=300, y=200, kind="stock"),
        Variable(name="Finding work", x=500, y=200, kind="flow"),
        Variable(name="Losing work", x=100, y=200, kind="flow"),
        Variable(name="Vacancies", x=500, y=380))
    project.cld.variables = [out_of_work, finding, losing, vacancies]
    project.cld.links = [
        CausalLink(source=finding.id, target=out_of_work.id, perspective=jc, polarity="-"),
        CausalLink(source=losing.id, target=out_of_work.id, perspective=jc, polarity="+"),
        CausalLink(source=vacancies.id, target=finding.id, perspective=em, polarity="+"),
        CausalLink(source=out_of_work.id, target=finding.id, perspective=em, polarity="+"),
    ]
    return project


def test_xmile_export_writes_stocks_with_their_flows_and_no_made_up_equations():
    from defusedxml import ElementTree

    root = ElementTree.fromstring(export_project(_stocks_and_flows(), "xmile"))
    ns = {"x": "http://docs.oasis-open.org/xmile/ns/XMILE/v1.0"}
    stock = root.find(".//x:variables/x:stock", ns)
    assert stock.get("name") == "People out of work"
    assert [e.text for e in stock.findall("x:inflow", ns)] == ["Losing work"]
    assert [e.text for e in stock.findall("x:outflow", ns)] == ["Finding work"]
    assert sorted(f.get("name") for f in root.findall(".//x:variables/x:flow", ns)) == ["Finding work", "Losing work"]
    assert [a.get("name") for a in root.findall(".//x:variables/x:aux", ns)] == ["Vacancies"]
    assert all(not (e.text or "").strip() for e in root.iter(f"{{{ns['x']}}}eqn"))
    drawn = root.find(".//x:view/x:flow[@name='Finding work']/x:pts", ns)
    assert [(p.get("x"), p.get("y")) for p in drawn] == [("300", "200"), ("560", "200")]  # out of the stock, past the valve


def test_mdl_export_draws_valves_and_pipes_and_marks_the_outflow():
    text = export_project(_stocks_and_flows(), "mdl").decode()
    assert "People out of work = A FUNCTION OF( -Finding work, Losing work)" in text
    assert ",People out of work,260,60,46,20,3,3," in text  # a box: Vensim's stock
    lines = text.splitlines()
    valves = [i for i, line in enumerate(lines) if line.startswith("11,")]
    valved = [lines[i + 1].split(",")[2] for i in valves if lines[i + 1].split(",")[7] == "40"]  # 40: on a valve
    assert valved == ["Finding work", "Losing work", "Finding work"]  # the Employers' view draws it again
    pipes = [line for line in lines if line.startswith("1,") and ",22," in line]
    assert sorted(int(p.split(",")[4]) for p in pipes) == [4, 100]  # 100: the end a flow drains


@pytest.mark.parametrize("fmt", ["mdl", "xmile"])
def test_stocks_and_flows_survive_a_round_trip_and_undo_of_the_kind_works(tmp_path, fmt):
    path = tmp_path / f"jobs.{fmt}"
    path.write_bytes(export_project(_stocks_and_flows(), fmt))
    result = import_file(path)
    assert described(result.project) == described(_stocks_and_flows())


def test_stella_and_vensim_models_bring_their_stocks_and_flows():
    teacup = import_file(CORPUS / "xmile" / "teacup_w_diagram.xmile").project
    kinds = {v.name: v.kind for v in teacup.cld.variables}
    assert kinds["teacup temperature"] == "stock" and kinds["heat loss to room"] == "flow"
    assert kinds["room temperature"] == "variable"
    sir = import_file(CORPUS / "vensim" / "SIR.mdl").project
    kinds = {v.name: v.kind for v in sir.cld.variables}
    assert kinds["Susceptible Population S"] == "stock" and kinds["Infection Rate"] == "flow"
    assert kinds["Contact Rate c"] == "variable" and kinds["Recovered Population R"] == "stock"


def test_a_stock_is_known_from_its_equation_when_there_is_no_sketch(tmp_path):
    path = tmp_path / "bare.mdl"
    path.write_text("Population = INTEG(births - deaths, 100) ~ people ~ |\n"
                    "births = Population * birth rate ~~|\ndeaths = Population / lifetime ~~|\n"
                    "growth = INTEG(Population * birth rate, 0) ~~|\n"
                    "birth rate = 0.1 ~~|\nlifetime = 70 ~~|\n")
    kinds = {v.name: v.kind for v in import_file(path).project.cld.variables}
    assert kinds == {"Population": "stock", "births": "flow", "deaths": "flow", "growth": "stock",
                     "birth rate": "variable", "lifetime": "variable"}  # a product is not a pipe


def test_the_pack_says_which_variables_are_stocks_and_flows(tmp_path):
    from ssm_studio.report.pack import build_pack

    out = build_pack(_stocks_and_flows(), tmp_path / "pack.docx")
    from docx import Document

    text = "\n".join(p.text for p in Document(io.BytesIO(out.read_bytes())).paragraphs)
    assert "Stocks, drawn in a square box: People out of work." in text
    assert "Flows, drawn with a valve: Finding work, Losing work." in text


def _claims_only(project: Project):
    return described(project)[0], {v.name for v in project.cld.variables}


@pytest.mark.parametrize("fmt", ["kumu", "graphml", "gexf", "dot", "csv", "xlsx"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(project=projects())
def test_every_name_and_claim_survives_every_other_format(tmp_path, fmt, project):
    """Formats with no stocks and flows still bring back every name, claim, sign and delay."""
    path = tmp_path / f"model.{fmt}"
    path.write_bytes(export_project(project, fmt))
    assert _claims_only(import_file(path).project) == _claims_only(project)
