"""Archetype hypotheses on hand-worked structures: fixes that fail, shifting the burden."""

import json

from ssm_studio.analysis.archetypes import find_archetypes
from ssm_studio.cli.main import main
from ssm_studio.model import CausalLink, Perspective, Project, Variable


def signed_map(*claims):
    """claims: (from, to, sign, delayed)"""
    names = sorted({n for a, b, *_ in claims for n in (a, b)})
    variables = {n: Variable(name=n) for n in names}
    p = Perspective(name="P")
    project = Project(perspectives=[p])
    project.cld.variables = list(variables.values())
    project.cld.links = [CausalLink(source=variables[a].id, target=variables[b].id, polarity=sign,
                                    delay=delay, perspective=p.id) for a, b, sign, delay in claims]
    return project


def kinds(project):
    return {c.archetype for c in find_archetypes(project)}


def test_fixes_that_fail():
    project = signed_map(
        ("Problem", "Fix", "+", False), ("Fix", "Problem", "-", False),  # B: the fix works, quickly
        ("Fix", "Side effect", "+", True), ("Side effect", "Problem", "+", False),  # R: later, worse
    )
    found = find_archetypes(project)
    fixes = [c for c in found if c.archetype == "fixes that fail"]
    assert fixes and fixes[0].question.startswith("Fixes that fail?")
    names = {v.id: v.name for v in project.cld.variables}
    assert {names[v] for v in fixes[0].variables} == {"Problem", "Fix"}


def test_shifting_the_burden():
    project = signed_map(
        ("Symptom", "Quick answer", "+", False), ("Quick answer", "Symptom", "-", False),
        ("Symptom", "Fundamental answer", "+", False), ("Fundamental answer", "Symptom", "-", True),
        ("Quick answer", "Side effect", "+", False), ("Side effect", "Fundamental answer", "-", False),
    )
    assert "shifting the burden" in kinds(project)
    assert "eroding goals" not in kinds(project)  # the side effect makes it the burden, not the goal


def test_eroding_goals_without_the_side_effect():
    project = signed_map(
        ("Gap", "Lower the goal", "+", False), ("Lower the goal", "Gap", "-", False),
        ("Gap", "Corrective action", "+", False), ("Corrective action", "Gap", "-", True),
    )
    assert "eroding goals" in kinds(project)


def test_archetypes_command(example_path, capsys):
    assert main(["archetypes", str(example_path), "--json"]) == 0
    found = json.loads(capsys.readouterr().out)["archetypes"]
    assert all(row["question"].endswith("?") for row in found)
    assert {"fixes that fail", "limits to growth"} & {row["archetype"] for row in found}
