"""Graphviz layout through pygraphviz, the engine chosen by size, pinned variables kept, no
overlapping boxes; and the same promises from the fallback where pygraphviz is absent."""

import random
import subprocess
import sys

import pytest

from ssm_studio.cli.main import main
from ssm_studio.layout import choose_engine, graphviz_available, layout, overlapping_pairs
from ssm_studio.model import FORMAT_VERSION
from ssm_studio.storage import read_project, save_project


def _graph(n: int, seed: int = 3):
    rng = random.Random(seed)
    nodes = [f"v{i}" for i in range(n)]
    return nodes, [(rng.choice(nodes), rng.choice(nodes)) for _ in range(3 * n)]


def test_pygraphviz_is_here_where_its_wheel_is_published():
    assert graphviz_available()  # a declared dependency on this platform


@pytest.mark.parametrize("n, engine", [(30, "dot"), (120, "neato"), (400, "sfdp")])
def test_the_engine_is_chosen_by_size_and_boxes_do_not_overlap(n, engine):
    nodes, edges = _graph(n)
    assert choose_engine(n) == engine
    pinned = {nodes[0]: (12.0, -34.0), nodes[1]: (900.0, 900.0)}
    result = layout(nodes, edges, pinned=pinned)
    assert result.engine == engine
    assert set(result.positions) == set(nodes)
    assert overlapping_pairs(result.positions) == 0
    assert result.positions[nodes[0]] == (12.0, -34.0) and result.positions[nodes[1]] == (900.0, 900.0)


def test_ranked_diagrams_use_dot_top_to_bottom():
    nodes = ["a", "b", "c", "d"]
    result = layout(nodes, [("a", "b"), ("b", "c"), ("c", "d")], ranked=True)
    assert result.engine == "dot"
    ys = [result.positions[n][1] for n in nodes]
    assert ys == sorted(ys)  # each depends on the one above it


def test_the_fallback_when_pygraphviz_cannot_be_imported():
    code = (
        "import sys; sys.modules['pygraphviz'] = None\n"
        "from ssm_studio.layout import layout, overlapping_pairs\n"
        "nodes = [f'v{i}' for i in range(40)]\n"
        "edges = [(nodes[i], nodes[(i * 7 + 1) % 40]) for i in range(40)]\n"
        "r = layout(nodes, edges, 'neato', pinned={'v3': (5.0, 6.0)})\n"
        "print(r.engine, overlapping_pairs(r.positions), r.positions['v3'], bool(r.note))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["fallback", "0", "(5.0,", "6.0)", "True"]


def test_layout_command_keeps_pinned_variables_and_writes_a_new_file(tmp_path, example_project, capsys):
    source, out = tmp_path / "in.ssm", tmp_path / "out.ssm"
    worklessness = next(v for v in example_project.cld.variables if v.name == "Worklessness")
    worklessness.pinned, worklessness.x, worklessness.y = True, 1234.0, 567.0
    save_project(source, example_project)
    assert main(["layout", str(source), "-o", str(out)]) == 0
    assert "with dot" in capsys.readouterr().out
    tidy = read_project(out).project
    moved = {v.name: (v.x, v.y) for v in tidy.cld.variables}
    assert moved["Worklessness"] == (1234.0, 567.0)
    assert overlapping_pairs(moved) == 0
    assert main(["layout", str(source), "-o", str(out), "--engine", "fallback",
                 "--perspective", "Residents out of work"]) == 0
    assert "with fallback" in capsys.readouterr().out


def test_an_old_file_is_upgraded_to_format_2(fixtures):
    loaded = read_project(fixtures / "stoke-worklessness-v1.ssm")
    assert loaded.project.format_version == FORMAT_VERSION
    assert not any(v.pinned for v in loaded.project.cld.variables)
