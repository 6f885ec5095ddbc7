"""Sign-only prediction of a press, on hand-worked maps (Levins' loop analysis by sampling)."""

import json

from ssm_studio.analysis.prediction import predict_press
from ssm_studio.cli.main import main
from ssm_studio.model import CausalLink, Perspective, Project, Variable


def signed_map(*claims, perspectives=("P",)):
    names = sorted({n for a, b, _ in claims for n in (a, b)})
    variables = {n: Variable(name=n) for n in names}
    ps = [Perspective(name=p) for p in perspectives]
    project = Project(perspectives=ps)
    project.cld.variables = list(variables.values())
    project.cld.links = [CausalLink(source=variables[a].id, target=variables[b].id, polarity=sign,
                                    perspective=ps[0].id) for a, b, sign in claims]
    return project


def verdicts(prediction):
    return {r.name: r.verdict for r in prediction.responses}


def test_a_chain_passes_signs_along():
    project = signed_map(("A", "B", "+"), ("B", "C", "-"))
    assert verdicts(predict_press(project, "A")) == {"B": "rises", "C": "falls"}
    assert verdicts(predict_press(project, "A", up=False)) == {"B": "falls", "C": "rises"}


def test_opposing_routes_are_ambiguous():
    """A raises D through B and lowers it through C: which wins depends on strengths."""
    project = signed_map(("A", "B", "+"), ("B", "D", "+"), ("A", "C", "+"), ("C", "D", "-"))
    result = verdicts(predict_press(project, "A"))
    assert result["B"] == "rises" and result["C"] == "rises" and result["D"] == "ambiguous"


def test_a_balancing_loop_still_gives_a_clear_answer():
    project = signed_map(("A", "B", "+"), ("B", "A", "-"))
    prediction = predict_press(project, "A")
    assert verdicts(prediction) == {"B": "rises"} and prediction.samples > 0


def test_predict_command(example_path, capsys):
    assert main(["predict", str(example_path), "Pressure to meet off-flow targets", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    got = {r["variable"]: r["response"] for r in result["responses"]}
    assert got["Quick job placements"] == "rises"
    assert set(got.values()) <= {"rises", "falls", "ambiguous", "unaffected"}
