import random
import subprocess
import sys

from ssm_studio.layout.simple import arrange, overlapping_pairs, remove_overlaps


def _graph(n: int, seed: int = 1):
    rng = random.Random(seed)
    nodes = [f"v{i:04d}" for i in range(n)]
    return nodes, [(rng.choice(nodes), rng.choice(nodes)) for _ in range(2 * n)]


def test_layout_is_deterministic_and_has_no_overlaps():
    for n in (2, 12, 80, 300):
        nodes, edges = _graph(n)
        first = arrange(nodes, edges)
        assert first == arrange(nodes, edges)
        assert set(first) == set(nodes)
        assert overlapping_pairs(first) == 0


def test_pinned_variables_stay_put():
    nodes, edges = _graph(60)
    pinned = {nodes[0]: (10.0, 20.0), nodes[5]: (-400.0, 300.0)}
    placed = arrange(nodes, edges, pinned=pinned)
    assert placed[nodes[0]] == (10.0, 20.0)
    assert placed[nodes[5]] == (-400.0, 300.0)
    assert overlapping_pairs(placed) == 0


def test_overlap_removal_parts_a_crowd_on_one_spot():
    crowd = {f"n{i}": [0.0, 0.0] for i in range(40)}
    crowd["fixed"] = [0.0, 0.0]
    remove_overlaps(crowd, fixed={"fixed"})
    assert crowd["fixed"] == [0.0, 0.0]
    assert overlapping_pairs({k: tuple(v) for k, v in crowd.items()}) == 0


def test_large_diagrams_get_rows_quickly():
    nodes, edges = _graph(2000)
    placed = arrange(nodes, edges)
    assert overlapping_pairs(dict(list(placed.items())[:300])) == 0


def test_layout_and_csv_import_need_no_numpy(tmp_path):
    """numpy is not a dependency: importing a link list must work where it is absent."""
    links = tmp_path / "links.csv"
    links.write_text("from,to,polarity\nA,B,+\nB,C,-\nC,A,+\n", encoding="utf-8")
    code = (
        "import sys; sys.modules['numpy'] = None; sys.modules['scipy'] = None\n"
        "from ssm_studio.interop import import_csv\n"
        f"project = import_csv({str(links)!r})\n"
        "print(len(project.cld.variables), len({(v.x, v.y) for v in project.cld.variables}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["3", "3"]


def test_snapping_to_free_cells_leaves_no_overlap_and_keeps_fixed_boxes():
    from ssm_studio.layout.simple import snap_to_free_cells

    crowd = {f"n{i}": [float(i % 3), float(i % 5)] for i in range(300)}  # all piled up
    crowd["fixed"] = [10.0, 10.0]
    snap_to_free_cells(crowd, fixed={"fixed"})
    assert crowd["fixed"] == [10.0, 10.0]
    assert overlapping_pairs({k: tuple(v) for k, v in crowd.items()}) == 0
