"""Ours → foreign → ours keeps what each format can carry; merging participants' files."""

from __future__ import annotations

import pytest

from ssm_studio.errors import SsmError
from ssm_studio.interop.formats import export_names, export_project, import_file
from ssm_studio.interop.merge import apply_plan, normalise, plan_merge, propose_matches
from ssm_studio.model import CausalLink, Perspective, Project, Variable
from ssm_studio.storage import read_project

SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "kumu": ".json", "mdl": ".mdl", "xmile": ".xmile", "dot": ".dot",
          "csv": ".csv", "xlsx": ".xlsx"}
KEEPS_POSITIONS = set(SUFFIX)


def claims(project: Project) -> set[tuple]:
    names = {v.id: v.name for v in project.cld.variables}
    perspectives = {p.id: p.name for p in project.perspectives}
    return {(names[lk.source], names[lk.target], perspectives[lk.perspective], lk.polarity, lk.delay)
            for lk in project.cld.links}


def test_every_export_format_is_tested():
    assert set(export_names()) == set(SUFFIX)


@pytest.mark.parametrize("fmt", sorted(SUFFIX))
def test_round_trip(fmt, example_path, tmp_path):
    original = read_project(example_path).project
    assert any(lk.delay for lk in original.cld.links) and {lk.polarity for lk in original.cld.links} >= {"+", "-"}
    out = tmp_path / f"out{SUFFIX[fmt]}"
    out.write_bytes(export_project(original, fmt))
    result = import_file(out)
    back = result.project
    assert result.format == fmt
    assert {v.name for v in back.cld.variables} == {v.name for v in original.cld.variables}
    assert claims(back) == claims(original)
    assert [p.name for p in back.perspectives] == [p.name for p in original.perspectives]
    if fmt in KEEPS_POSITIONS:
        where = {v.name: (v.x, v.y) for v in back.cld.variables}
        for v in original.cld.variables:
            assert where[v.name] == pytest.approx((v.x, v.y), abs=1.0), (fmt, v.name)
    if fmt in ("graphml", "kumu", "xmile", "xlsx"):
        notes = {lk.note for lk in back.cld.links}
        assert {lk.note for lk in original.cld.links if lk.note} <= notes


def test_vensim_export_keeps_named_loops_and_writes_what_vensim_reads(example_path, tmp_path):
    original = read_project(example_path).project
    text = export_project(original, "mdl").decode()
    assert text.startswith("{UTF-8}") and "A FUNCTION OF(" in text and text.rstrip().endswith("26:100")
    assert text.count("V300") == len(original.perspectives)
    path = tmp_path / "loops.mdl"
    path.write_text(text)
    named = {n.name for n in import_file(path).project.cld.loop_names}
    assert named == {n.name for n in original.cld.loop_names if n.name}


def test_export_of_chosen_perspectives(example_path, tmp_path):
    original = read_project(example_path).project
    chosen = original.perspectives[1].name
    out = tmp_path / "one.graphml"
    out.write_bytes(export_project(original, "graphml", [chosen]))
    back = import_file(out).project
    assert [p.name for p in back.perspectives] == [chosen]
    assert claims(back) == {c for c in claims(original) if c[2] == chosen}
    with pytest.raises(SsmError, match="no perspective called 'Nobody'"):
        export_project(original, "graphml", ["Nobody"])


def participant(name: str, perspective: str, links: list[tuple[str, str, str]]) -> Project:
    project = Project()
    project.metadata.title = name
    owner = Perspective(name=perspective)
    project.perspectives = [owner]
    variables: dict[str, Variable] = {}
    for a, b, _sign in links:
        for n in (a, b):
            variables.setdefault(n, Variable(name=n, x=len(variables) * 150.0))
    project.cld.variables = list(variables.values())
    project.cld.links = [CausalLink(source=variables[a].id, target=variables[b].id, perspective=owner.id, polarity=s)
                         for a, b, s in links]
    return Project.model_validate(project.model_dump())


def test_normalised_names():
    assert normalise("Young people") == normalise("young  peoples.") == normalise("Young_People")
    assert normalise("Café access") == normalise("cafe access")
    assert normalise("Business") == "business"  # -ss is not a plural


def test_merge_of_three_participants(tmp_path):
    ann = participant("Ann", "Residents", [("Debt", "Stress", "+"), ("Stress", "Work readiness", "-")])
    bob = participant("Bob", "Residents", [("debts", "Stress", "+"), ("Stress", "Work Readiness", "+"),
                                           ("Stress", "GP visits", "+")])
    cat = participant("Cat", "Jobcentre", [("Debt", "Stress", "-"), ("Sanctions", "Debt", "+")])
    proposals = propose_matches(ann, bob)
    assert {p.incoming_name: p.base_name for p in proposals if p.base_id} == {
        "debts": "Debt", "Stress": "Stress", "Work Readiness": "Work readiness"}
    plan = plan_merge(ann, bob, "bob")
    merged = apply_plan(ann, plan)
    assert plan.summary.new_variables == ["GP visits"]
    assert plan.summary.matched_claims == 1 and plan.summary.new_claims == 1
    assert plan.summary.conflicting_claims == ["Stress → Work readiness: '+' in this file, '-' in the project"]
    # Two participants' "Residents" stay two perspectives.
    assert [p.name for p in merged.perspectives] == ["Residents", "Residents (bob)"]
    plan = plan_merge(merged, cat, "cat")
    merged = apply_plan(merged, plan)
    assert len(plan.summary.conflicting_claims) == 1 and plan.summary.new_variables == ["Sanctions"]
    assert len(merged.cld.links) == 2 + 3 + 2  # nothing is lost
    assert len(merged.cld.variables) == 5  # Debt, Stress, Work readiness, GP visits, Sanctions
    # The user refused a proposed match: the variable comes in as a new one.
    refused = plan_merge(ann, bob, "bob", matches={p.incoming_id: (None if p.incoming_name == "debts" else p.base_id)
                                                   for p in proposals})
    assert "debts" in refused.summary.new_variables


def test_merging_copies_of_one_project_keeps_everything(example_path):
    base = read_project(example_path).project
    copy = read_project(example_path).project
    copy.rich_picture.items[0].x += 100  # one participant moved one item
    merged = apply_plan(base, plan_merge(base, copy, "copy"))
    assert len(merged.perspectives) == 2 * len(base.perspectives)
    assert len(merged.cld.variables) == len(base.cld.variables)  # matched by id and name
    assert len(merged.cld.links) == 2 * len(base.cld.links)
    assert len(merged.root_definitions) == 2 * len(base.root_definitions)
    assert len(merged.rich_picture.items) == len(base.rich_picture.items) + 1  # only the changed one again
    assert len(merged.actions) == 2 * len(base.actions)
    assert len({p.id for p in merged.perspectives}) == len(merged.perspectives)


def test_csv_positions_are_optional_and_checked(tmp_path):
    from ssm_studio.errors import ImportProblem

    partly = tmp_path / "partly.csv"
    partly.write_text("from,to,polarity,from x,from y,to x,to y\nA,B,+,10,20,,\nB,C,-,,,400,20\n")
    project = import_file(partly).project
    where = {v.name: (v.x, v.y) for v in project.cld.variables}
    assert where["A"] == (10, 20) and where["C"] == (400, 20)
    assert where["B"] not in (where["A"], where["C"])  # laid out around the placed ones
    bad = tmp_path / "bad.csv"
    bad.write_text("from,to,polarity,from x,from y\nA,B,+,ten,20\n")
    with pytest.raises(ImportProblem, match="line 2: the position of 'A' is not two numbers"):
        import_file(bad)
