"""``import``, ``export`` for other tools and ``merge``, as a user runs them."""

from __future__ import annotations

import json

from ssm_studio.cli.main import main
from ssm_studio.interop.formats import import_file
from ssm_studio.storage import read_project
from tests.conftest import CORPUS


def test_import_several_files_then_into_a_project(tmp_path, capsys):
    out = tmp_path / "gathered.ssm"
    assert main(["import", str(CORPUS / "vensim/SIR.mdl"), str(CORPUS / "kumu/example_network.json"),
                 "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert "SIR.mdl (mdl): 11 variables" in err and "connection type" in err
    project = read_project(out).project
    assert [p.name for p in project.perspectives] == ["SIR", "example_network"]
    assert main(["import", str(CORPUS / "decision-explorer/example_network.mdx"), "--into", str(out),
                 "--perspective", "Decision Explorer"]) == 0
    assert "variables: 0 new, 3 matched" in capsys.readouterr().err
    project = read_project(out).project
    assert [p.name for p in project.perspectives] == ["SIR", "example_network", "Decision Explorer"]


def test_import_refusals_write_nothing(tmp_path, capsys):
    out = tmp_path / "never.ssm"
    assert main(["import", str(CORPUS / "kumu/example_network.json"), "--format", "mdl", "-o", str(out)]) == 1
    assert "does not look like Vensim model" in capsys.readouterr().err
    assert main(["import", str(CORPUS / "kumu/example_network.json"), "--polarity-field", "Colour",
                 "-o", str(out)]) == 1
    assert "no connection field 'Colour'" in capsys.readouterr().err
    assert main(["import", str(CORPUS / "vensim/SIR.mdl"), "--polarity-field", "x", "-o", str(out)]) == 1
    assert "say their polarity themselves" in capsys.readouterr().err
    assert not out.exists()


def test_export_for_other_tools_by_extension_and_format(example_path, tmp_path, capsys):
    for name in ("map.graphml", "map.json", "map.mdl", "map.xmile", "map.dot", "map.csv", "map.xlsx"):
        target = tmp_path / name
        assert main(["export", str(example_path), "-o", str(target)]) == 0, capsys.readouterr().err
        assert import_file(target).project.cld.links
    kumu = tmp_path / "kumu.txt"
    assert main(["export", str(example_path), "--format", "kumu", "-o", str(kumu),
                 "--perspective", "Residents out of work"]) == 0
    data = json.loads(kumu.read_text())
    assert {c["attributes"]["perspective"] for c in data["connections"]} == {"Residents out of work"}
    assert main(["export", str(example_path), "--view", "rich-picture", "-o", str(tmp_path / "x.graphml")]) == 2


def test_merge_command(example_path, tmp_path, capsys):
    out = tmp_path / "all.ssm"
    assert main(["merge", str(example_path), str(example_path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "claims: 0 new" in printed and "0 in conflict" in printed
    merged = read_project(out).project
    original = read_project(example_path).project
    assert len(merged.perspectives) == 2 * len(original.perspectives)
    assert len(merged.cld.links) == 2 * len(original.cld.links)
