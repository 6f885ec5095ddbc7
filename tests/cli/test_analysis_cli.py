import json

from ssm_studio.cli.main import main


def test_loops_json_contract(example_path, capsys):
    assert main(["loops", str(example_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["complete"] is True
    loop = out["loops"][0]
    assert {"label", "name", "polarity", "variables", "length", "has_delay", "perspectives"} <= set(loop)
    named = {lp["label"]: lp["name"] for lp in out["loops"]}
    assert named["R1"] == "Vicious circle of confidence"
    assert all(lp["polarity"] in ("R", "B", "?") for lp in out["loops"])


def test_loops_of_one_perspective_and_bounds(example_path, capsys):
    assert main(["loops", str(example_path), "--perspective", "Jobcentre Plus advisers", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(lp["label"], lp["polarity"], lp["length"]) for lp in out["loops"]] == [("B1", "B", 3)]
    assert main(["loops", str(example_path), "--max-length", "2", "--time-budget", "0.5", "--json"]) == 0
    assert all(lp["length"] <= 2 for lp in json.loads(capsys.readouterr().out)["loops"])


def test_loops_unknown_perspective_is_bad_input(example_path, capsys):
    assert main(["loops", str(example_path), "--perspective", "Nobody"]) == 1
    assert "no perspective called 'Nobody'" in capsys.readouterr().err


def test_loops_from_a_csv(tmp_path, capsys):
    path = tmp_path / "map.csv"
    path.write_text("from,to,polarity\nA,B,+\nB,A,-\n")
    assert main(["loops", str(path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [(lp["label"], lp["variables"]) for lp in out["loops"]] == [("B1", ["A", "B"])]


def test_loops_text(example_path, capsys):
    assert main(["loops", str(example_path)]) == 0
    out = capsys.readouterr().out
    assert "R1 Vicious circle of confidence: reinforcing" in out and "(complete" in out


def test_compare_json(example_path, capsys):
    assert main(["compare", str(example_path), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["conflicts"] == [{"from": "Pressure to meet off-flow targets",
                                 "to": "Quality of adviser support",
                                 "claims": {"Jobcentre Plus advisers": "+", "Residents out of work": "-"}}]
    assert [a["from"] for a in out["agreements"]] == ["Employer demand for local workers"]
    names = out["perspectives"]
    assert all(out["similarity"][n][n] == 1.0 for n in names)


def test_compare_text_and_subset(example_path, capsys):
    assert main(["compare", str(example_path), "--perspective", "Jobcentre Plus advisers",
                 "--perspective", "Residents out of work"]) == 0
    out = capsys.readouterr().out
    assert "In conflict: 1" in out and "Similarity" in out
