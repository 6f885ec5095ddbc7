"""The ssm-studio command, run as a user would (a real subprocess) and in-process."""

import json
import subprocess
import sys

import pytest

from ssm_studio import __version__
from ssm_studio.cli.main import main

from ..storage.helpers import zip_bytes


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "ssm_studio.cli.main", *args],
                          capture_output=True, text=True, cwd=cwd, timeout=120)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_info_json_contract(example_path):
    result = run("info", str(example_path), "--json")
    assert result.returncode == 0, result.stderr
    info = json.loads(result.stdout)
    assert set(info) == {"title", "format_version", "perspectives", "counts"}
    assert set(info["counts"]) == {"variables", "stocks", "flows", "links", "rich_picture_items", "root_definitions",
                                   "conceptual_models", "actions"}
    assert all(set(p) == {"name", "links", "root_definitions"} for p in info["perspectives"])
    assert info["counts"]["links"] == sum(p["links"] for p in info["perspectives"])


def test_info_text(example_path, capsys):
    assert main(["info", str(example_path)]) == 0
    out = capsys.readouterr().out
    assert "Stoke-on-Trent" in out and "Residents out of work" in out


def test_validate_good_and_bad_files(tmp_path, example_path, capsys):
    bad = tmp_path / "bad.ssm"
    bad.write_bytes(zip_bytes({"project.json": b"{oops"}))
    notzip = tmp_path / "notes.ssm"
    notzip.write_text("hello")
    assert main(["validate", str(example_path)]) == 0
    assert main(["validate", str(example_path), str(bad), str(notzip)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 2 and err[0].startswith(str(bad)) and err[1].startswith(str(notzip))
    assert "Traceback" not in "".join(err)


def test_validate_subprocess_never_shows_a_traceback(tmp_path):
    bad = tmp_path / "cut.ssm"
    bad.write_bytes(b"PK\x03\x04 truncated")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "cut.ssm" in result.stderr


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as raised:
        main(["info"])
    assert raised.value.code == 2
    with pytest.raises(SystemExit) as raised:
        main(["loops-and-more", "--frobnicate"])
    assert raised.value.code == 2


def test_import_csv_then_info(tmp_path):
    csv_path = tmp_path / "links.csv"
    csv_path.write_text("from,to,polarity,perspective,delay,note\n"
                        "Worklessness,Confidence,-,Residents,yes,longer out less confident\n"
                        " confidence ,worklessness,negative,Residents,,\n"
                        "Worklessness,Pressure,+,,no,\n", encoding="utf-8")
    out = tmp_path / "out.ssm"
    result = run("import", str(csv_path), "-o", str(out), "--perspective", "Advisers")
    assert result.returncode == 0, result.stderr
    info = json.loads(run("info", str(out), "--json").stdout)
    assert info["counts"]["variables"] == 3
    assert {p["name"]: p["links"] for p in info["perspectives"]} == {"Residents": 2, "Advisers": 1}


def test_import_bad_csv_reports_lines_and_writes_nothing(tmp_path):
    csv_path = tmp_path / "links.csv"
    csv_path.write_text("from,to,polarity\nA,B,+\nA,,+\nB,C,sideways\n")
    out = tmp_path / "out.ssm"
    result = run("import", str(csv_path), "-o", str(out))
    assert result.returncode == 1
    assert "line 3" in result.stderr and "line 4" in result.stderr and "sideways" in result.stderr
    assert not out.exists()


def test_commands_accept_a_csv_wherever_a_project_goes(tmp_path, capsys):
    csv_path = tmp_path / "team.csv"
    csv_path.write_text("from,to,polarity\nA,B,+\n")
    assert main(["info", str(csv_path), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["perspectives"] == [{"name": "team", "links": 1, "root_definitions": 0}]


def test_unknown_file_type_is_bad_input(tmp_path, capsys):
    other = tmp_path / "model.xyz"
    other.write_text("x")
    assert main(["validate", str(other)]) == 1
    assert "cannot open" in capsys.readouterr().err


def test_examples_lists_the_bundled_projects(capsys):
    import json

    from ssm_studio.cli.main import main

    assert main(["examples", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)["examples"]
    assert [e["title"] for e in listed] == [
        "Meir: families in contact with many services (Think Family)",
        "Salford SPOTlight: lone parents and worklessness",
        "Stoke-on-Trent: young people leaving college at Christmas",
        "Stoke-on-Trent: reducing worklessness"]
    assert listed[-1]["path"].endswith("stoke-worklessness.ssm")
    assert main(["examples"]) == 0
    assert "Stoke-on-Trent" in capsys.readouterr().out
