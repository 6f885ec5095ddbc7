import pytest

from ssm_studio.analysis import (
    causes_tree,
    compare_perspectives,
    signed_paths,
    uses_tree,
)

from .builders import diagram


def test_causes_and_uses_trees_to_a_depth():
    project = diagram(("P", ["A+C", "B-C", "D+A", "C+E", "E+A"]))
    causes = causes_tree(project, "c", depth=2)
    assert [(n.name, n.polarities) for n in causes.children] == [("A", ["+"]), ("B", ["-"])]
    assert sorted(n.name for n in causes.children[0].children) == ["D", "E"]
    uses = uses_tree(project, "C", depth=3)
    e = uses.children[0]
    assert e.name == "E" and e.children[0].name == "A"
    assert e.children[0].children[0].name == "C" and e.children[0].children[0].loops_back


def test_tree_of_unknown_variable_is_a_clear_error():
    with pytest.raises(KeyError, match="no variable called 'Z'"):
        causes_tree(diagram(("P", ["A+B"])), "Z")


def test_signed_paths_flag_opposite_routes():
    project = diagram(("P", ["I+A", "A+O", "I+B", "B-O"]))
    report = signed_paths(project, "I", "O")
    assert sorted(p.sign for p in report.paths) == ["+", "-"] and report.mixed
    same = signed_paths(diagram(("P", ["I+A", "A+O", "I-B", "B-O"])), "I", "O")
    assert not same.mixed and {p.sign for p in same.paths} == {"+"}


def test_signed_path_length_bound():
    project = diagram(("P", ["A+B", "B+C", "C+D"]))
    assert signed_paths(project, "A", "D", max_length=2).paths == []
    assert len(signed_paths(project, "A", "D", max_length=3).paths) == 1


def _verdicts(project, pressed, up=True):
    from ssm_studio.analysis.prediction import predict_press

    return {r.name: r.verdict for r in predict_press(project, pressed, up).responses}


def test_a_press_spreads_along_signs():
    """Sign-only prediction replaces the step-by-step what-if, which made up equal strengths."""
    assert _verdicts(diagram(("P", ["A+B", "B-C"])), "A") == {"B": "rises", "C": "falls"}


def test_a_press_on_a_balancing_loop_settles():
    assert _verdicts(diagram(("P", ["A+B", "B-A"])), "A") == {"B": "rises"}


def test_a_press_through_reinforcing_and_opposed_routes():
    assert set(_verdicts(diagram(("P", ["A+B", "A+C", "B+D", "C+D", "D+A"])), "A").values()) == {"rises"}
    assert _verdicts(diagram(("P", ["A+B", "A+C", "B+D", "C-D"])), "A")["D"] == "ambiguous"


def test_compare_agreed_conflict_uncertain_one_only_and_jaccard():
    project = diagram(("P", ["A+B", "B-C", "C+D", "D+E"]), ("Q", ["A+B", "B+C", "C?D"]))
    result = compare_perspectives(project)
    ids = {v.name: v.id for v in project.cld.variables}
    pair = lambda view: (view.source, view.target)  # noqa: E731
    assert [pair(v) for v in result.by_status("agreed")] == [(ids["A"], ids["B"])]
    assert [pair(v) for v in result.by_status("conflict")] == [(ids["B"], ids["C"])]
    assert [pair(v) for v in result.by_status("uncertain")] == [(ids["C"], ids["D"])]
    p, q = (x.id for x in project.perspectives)
    assert [pair(v) for v in result.only_in(p)] == [(ids["D"], ids["E"])]
    assert result.similarity[p][q] == pytest.approx(1 / 6)  # A+B shared; 6 distinct signed links
    assert result.similarity[p][p] == 1.0
    assert result.variables_used[q] == {ids[n] for n in "ABCD"}


def test_compare_reports_loops_only_one_perspective_sees():
    project = diagram(("P", ["A+B", "B+A", "C+D", "D-C"]), ("Q", ["A+B", "B+A"]))
    result = compare_perspectives(project)
    p, q = (x.id for x in project.perspectives)
    assert len(result.loops[p].loops) == 2 and len(result.loops[q].loops) == 1
    assert len(result.loops_only_seen_by(p)) == 1 and result.loops_only_seen_by(q) == []
