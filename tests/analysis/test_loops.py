import itertools
import random
import time

from hypothesis import given, settings
from hypothesis import strategies as st

from ssm_studio.analysis import find_loops
from ssm_studio.edits import Document
from ssm_studio.edits.causal_edits import add_link, add_variable, name_loop
from ssm_studio.model import CausalLink, Variable

from .builders import diagram, names_of, rotate_to_min


def summary(project, **kwargs):
    report = find_loops(project, **kwargs)
    return report, sorted((rotate_to_min(names_of(project, lp)), lp.polarity) for lp in report.loops)


def test_single_reinforcing_loop():
    report, loops = summary(diagram(("P", ["A+B", "B+C", "C+A"])))
    assert loops == [(("A", "B", "C"), "R")]
    assert report.complete and report.loops[0].label == "R1" and report.loops[0].length == 3


def test_two_negatives_make_a_reinforcing_loop_and_one_makes_it_balancing():
    _, loops = summary(diagram(("P", ["A-B", "B-C", "C+A"])))
    assert loops == [(("A", "B", "C"), "R")]
    report, loops = summary(diagram(("P", ["A+B", "B-A"])))
    assert loops == [(("A", "B"), "B")] and report.loops[0].label == "B1"


def test_two_loops_sharing_a_link():
    # A→B shared; A→B→A (R) and A→B→C→A (B)
    report, loops = summary(diagram(("P", ["A+B", "B+A", "B+C", "C-A"])))
    assert loops == [(("A", "B"), "R"), (("A", "B", "C"), "B")]
    shared = [lp for lp in report.loops if len(lp.variables) == 2][0].steps[0].link_ids
    assert all(set(shared) & set(lp.link_ids) for lp in report.loops)


def test_self_loop():
    report, loops = summary(diagram(("P", ["A-A", "A+B"])))
    assert loops == [(("A",), "B")] and report.loops[0].length == 1


def test_opposite_claims_of_one_link_make_one_loop_per_polarity():
    project = diagram(("Council", ["X+Y", "Y+X"]), ("Residents", ["X-Y", "Y+X"]))
    report, loops = summary(project)
    assert loops == [(("X", "Y"), "B"), (("X", "Y"), "R")]
    holders = {lp.polarity: [p for p in lp.perspectives] for lp in report.loops}
    ids = {p.name: p.id for p in project.perspectives}
    assert holders == {"R": [ids["Council"]], "B": [ids["Residents"]]}


def test_loop_held_only_by_combining_perspectives_has_no_holder():
    report, _ = summary(diagram(("P", ["A+B"]), ("Q", ["B+A"])))
    assert report.loops[0].perspectives == []


def test_unknown_link_makes_the_loop_unknown():
    report, loops = summary(diagram(("P", ["A+B", "B?C", "C-A"])))
    assert loops == [(("A", "B", "C"), "?")] and report.loops[0].label == "?1"


def test_no_loops():
    report, loops = summary(diagram(("P", ["A+B", "B+C", "A-C"])))
    assert loops == [] and report.complete


def test_delay_is_reported():
    report, _ = summary(diagram(("P", ["A+B", "B+A"]), delays={"B+A"}))
    assert report.loops[0].has_delay


def test_perspective_filter():
    project = diagram(("P", ["A+B", "B+A"]), ("Q", ["C+D", "D-C"]))
    q = project.perspectives[1].id
    _, loops = summary(project, perspectives=[q])
    assert loops == [(("C", "D"), "B")]


def test_max_length_bounds_the_loops():
    _, loops = summary(diagram(("P", ["A+B", "B+A", "B+C", "C+A"])), max_length=2)
    assert loops == [(("A", "B"), "R")]


def test_labels_stay_stable_when_the_diagram_changes_elsewhere():
    project = diagram(("P", ["A+B", "B+C", "C+A", "D-E", "E+D"]))
    doc = Document(project)
    for loop in find_loops(project).loops:
        doc.apply(name_loop(project, loop.key, loop.label, "named" if loop.polarity == "R" else ""))
    before = {tuple(lp.variables): lp.label for lp in find_loops(project).loops}
    # A new, shorter reinforcing loop elsewhere would sort first; it must not take R1.
    p = project.perspectives[0].id
    f, g = Variable(name="F"), Variable(name="G")
    doc.apply(add_variable(f))
    doc.apply(add_variable(g))
    doc.apply(add_link(CausalLink(source=f.id, target=g.id, perspective=p)))
    doc.apply(add_link(CausalLink(source=g.id, target=f.id, perspective=p)))
    after = find_loops(project).loops
    assert {tuple(lp.variables): lp.label for lp in after if tuple(lp.variables) in before} == before
    new = [lp for lp in after if tuple(lp.variables) not in before][0]
    assert new.label == "R2"
    assert [lp.name for lp in after if lp.label == "R1"] == ["named"]


def test_same_loop_found_from_any_start_is_one_loop():
    project = diagram(("P", ["B+C", "C+A", "A+B"]))
    keys = {lp.key for lp in find_loops(project).loops}
    project.cld.variables.reverse()
    project.cld.links.reverse()
    assert {lp.key for lp in find_loops(project).loops} == keys and len(keys) == 1


def brute_force_cycles(nodes, edges):
    """Every simple cycle, by trying every ordered subset (tiny graphs only)."""
    found = set()
    for size in range(1, len(nodes) + 1):
        for combo in itertools.permutations(nodes, size):
            if combo[0] != min(combo):
                continue
            if all((a, b) in edges for a, b in zip(combo, combo[1:] + combo[:1], strict=True)):
                found.add(combo)
    return found


@settings(max_examples=120, deadline=None)
@given(st.integers(1, 6).flatmap(lambda n: st.tuples(
    st.just(n), st.sets(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * 3))))
def test_complete_enumeration_equals_brute_force(graph):
    n, edge_set = graph
    names = [chr(ord("A") + i) for i in range(n)]
    claims = [f"{names[a]}+{names[b]}" for a, b in sorted(edge_set)]
    project = diagram(("P", claims)) if claims else diagram(("P", []))
    report = find_loops(project, time_budget=30)
    assert report.complete
    got = {rotate_to_min(names_of(project, lp)) for lp in report.loops}
    edges = {(names[a], names[b]) for a, b in edge_set}
    assert got == brute_force_cycles(names, edges)


def random_diagram(n, k, seed):
    rng = random.Random(seed)
    names = [f"V{i}" for i in range(n)]
    claims = [f"{a}{rng.choice('+-')}{b}" for a in names for b in rng.sample(names, k)]
    return diagram(("P", claims))


def test_explosive_diagram_stops_at_the_budget_and_covers_every_looped_link():
    project = random_diagram(300, 3, seed=3)
    started = time.perf_counter()
    report = find_loops(project, time_budget=1.0, max_loops=10**9)
    # It must stop of its own accord; how close to the budget is measured in bench_loops.py.
    assert time.perf_counter() - started < 3.0
    assert not report.complete and report.stopped_by == "time budget"
    assert report.complete_up_to_length >= 1 and report.notes
    # Every link lying on some loop (inside a strongly connected part) is covered.
    import networkx as nx
    graph = nx.DiGraph((lk.source, lk.target) for lk in project.cld.links)
    on_loops = {(u, v) for c in nx.strongly_connected_components(graph) for u, v in graph.subgraph(c).edges}
    covered = {(lp.variables[i], lp.variables[(i + 1) % lp.length]) for lp in report.loops
               for i in range(lp.length)}
    assert on_loops <= covered
    lengths = [lp.length for lp in report.loops]
    assert lengths == sorted(lengths)  # shortest first


def test_loop_cap_is_reported():
    report = find_loops(random_diagram(60, 3, seed=5), max_loops=100)
    assert not report.complete and report.stopped_by == "loop cap"


def test_cancel_flag_stops_the_search():
    report = find_loops(random_diagram(300, 3, seed=4), cancel=lambda: True, time_budget=10)
    assert report.stopped_by == "cancelled" and not report.complete
