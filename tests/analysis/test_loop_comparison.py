"""Loop-level comparison: who holds each loop, and loops no perspective sees alone."""

import json

from ssm_studio.analysis import compare_loops
from ssm_studio.cli.main import main
from ssm_studio.model import CausalLink, Perspective, Project, Variable
from ssm_studio.storage import save_project


def build():
    a, b, c = (Variable(name=n) for n in "ABC")
    p, q, r = (Perspective(name=n) for n in ("Council", "Residents", "College"))
    links = [
        # Council sees A → B → A as reinforcing; Residents read B → A with the other sign.
        CausalLink(source=a.id, target=b.id, perspective=p.id, polarity="+"),
        CausalLink(source=b.id, target=a.id, perspective=p.id, polarity="+"),
        CausalLink(source=a.id, target=b.id, perspective=q.id, polarity="+"),
        CausalLink(source=b.id, target=a.id, perspective=q.id, polarity="-"),
        # B → C → B exists only when Council's and College's claims are combined.
        CausalLink(source=b.id, target=c.id, perspective=p.id, polarity="+"),
        CausalLink(source=c.id, target=b.id, perspective=r.id, polarity="-"),
    ]
    project = Project(perspectives=[p, q, r])
    project.cld.variables, project.cld.links = [a, b, c], links
    return project


def test_holders_other_polarity_and_combined_only():
    project = build()
    result = compare_loops(project)
    rows = {(tuple(h.as_json(project)["variables"]), h.loop.polarity): h.as_json(project) for h in result.holdings}
    reinforcing = rows[(("A", "B"), "R")]
    assert reinforcing["held_by"] == ["Council"]
    assert reinforcing["held_with_other_polarity"] == ["Residents"]
    balancing = rows[(("A", "B"), "B")]
    assert balancing["held_by"] == ["Residents"] and balancing["held_with_other_polarity"] == ["Council"]
    assert not reinforcing["combined_only"] and not balancing["combined_only"]
    combined = rows[(("B", "C"), "B")]
    assert combined["combined_only"] and combined["held_by"] == [] and combined["held_with_other_polarity"] == []
    assert result.complete


def test_compare_loops_json_contract(tmp_path, capsys):
    path = tmp_path / "p.ssm"
    save_project(path, build())
    assert main(["compare", str(path), "--loops", "--json"]) == 0
    loops = json.loads(capsys.readouterr().out)["loops"]
    assert len(loops) == 3
    for row in loops:
        assert set(row) >= {"label", "polarity", "variables", "held_by", "held_with_other_polarity",
                            "combined_only"}
    assert [row["combined_only"] for row in loops].count(True) == 1


def test_the_example_revolving_door_is_seen_by_no_perspective_alone(example_path, capsys):
    assert main(["compare", str(example_path), "--loops", "--json"]) == 0
    loops = json.loads(capsys.readouterr().out)["loops"]
    door = next(row for row in loops if row["name"] == "Revolving door")
    assert door["combined_only"] is True


def test_trace_and_paths_commands(example_path, capsys):
    assert main(["trace", str(example_path), "worklessness", "--causes", "--depth", "1", "--json"]) == 0
    tree = json.loads(capsys.readouterr().out)["tree"]
    assert tree["variable"] == "Worklessness"
    assert "Confidence of job seekers" in {child["variable"] for child in tree["children"]}
    assert main(["paths", str(example_path), "Pressure to meet off-flow targets", "Worklessness", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["mixed"] is True and report["complete"] is True
    assert all(row["variables"][0] == "Pressure to meet off-flow targets" for row in report["paths"])
    assert main(["trace", str(example_path), "no such thing", "--uses"]) == 1
    assert "no variable called 'no such thing'" in capsys.readouterr().err
