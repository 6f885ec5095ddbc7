"""Leverage (degree, betweenness, loops, MICMAC) and loop hygiene, on hand-worked maps."""

import json

from ssm_studio.analysis.leverage import leverage
from ssm_studio.analysis.loop_hygiene import loop_hygiene, shortest_independent_loops
from ssm_studio.analysis.signed_graph import SignedGraph
from ssm_studio.cli.main import main
from ssm_studio.model import CausalLink, LoopName, Perspective, Project, Variable


def chain_with_loop():
    """Driver → Hub ⇄ Loop-mate, and Hub → Outcome: Hub is the relay."""
    names = ["Driver", "Hub", "Loop-mate", "Outcome"]
    variables = [Variable(name=n) for n in names]
    v = {n: x.id for n, x in zip(names, variables, strict=True)}
    p = Perspective(name="P")
    pairs = [("Driver", "Hub"), ("Hub", "Loop-mate"), ("Loop-mate", "Hub"), ("Hub", "Outcome")]
    project = Project(perspectives=[p])
    project.cld.variables = variables
    project.cld.links = [CausalLink(source=v[a], target=v[b], perspective=p.id) for a, b in pairs]
    return project


def test_leverage_by_hand():
    rows = {row.name: row for row in leverage(chain_with_loop())}
    hub = rows["Hub"]
    assert (hub.in_degree, hub.out_degree, hub.loops) == (2, 2, 1)
    assert hub.betweenness == max(r.betweenness for r in rows.values())
    # MICMAC, walks of 1–3 links: Driver reaches Hub(1), Loop-mate and Outcome (2), Hub again (3).
    assert rows["Driver"].influence == 1 + 2 + 1 and rows["Driver"].dependence == 0
    # Outcome: reached by 1 + 2 + 1 walks, leads nowhere.
    assert rows["Outcome"].influence == 0 and rows["Outcome"].dependence == 4
    assert rows["Outcome"].quadrant == "dependent"
    assert rows["Driver"].quadrant == "influential" and hub.quadrant == "relay"


def test_hygiene_finds_unnamed_loops_and_stale_names():
    project = chain_with_loop()
    project.cld.loop_names.append(LoopName(key="gone-loop", label="R9", name="The old vicious circle"))
    result = loop_hygiene(project)
    assert result.unnamed == ["R1"] and result.complete
    assert result.stale_names == [("R9", "The old vicious circle")]
    assert result.per_perspective == {project.perspectives[0].id: 1}


def test_shortest_independent_loops_cover_every_looped_link(example_project):
    graph = SignedGraph(example_project)
    chosen = shortest_independent_loops(graph)
    covered = set()
    for cycle in chosen:
        new = set(zip(cycle, cycle[1:] + cycle[:1], strict=True)) - covered
        assert new, "each loop of the set adds a link the others do not have"
        covered |= new
    from ssm_studio.analysis import find_loops

    looped = {(s.source, s.target) for loop in find_loops(example_project).loops for s in loop.steps}
    assert looped <= covered
    assert len(chosen) < len(find_loops(example_project).loops)


def test_leverage_and_hygiene_commands(example_path, capsys):
    assert main(["leverage", str(example_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["variables"]
    assert rows[0]["quadrant"] in {"influential", "relay"}
    assert {"variable", "in_degree", "out_degree", "betweenness", "loops", "influence", "dependence"} <= set(rows[0])
    assert main(["hygiene", str(example_path), "--json"]) == 0
    hygiene = json.loads(capsys.readouterr().out)
    assert "R1" not in hygiene["unnamed"]  # the example names R1 and R2
    assert main(["hygiene", str(example_path)]) == 0
    assert "Loops without a name" in capsys.readouterr().out
