"""The pack searches each perspective's loops once and draws from that answer."""

import pytest

from ssm_studio.analysis import find_loops
from ssm_studio.bundled import examples
from ssm_studio.edits import Document
from ssm_studio.render.export import cld_scene
from ssm_studio.storage import read_project


def example():
    return read_project(examples()[0].path).project


def labels(report):
    return {(loop.key, loop.label) for loop in report.loops}


def test_a_search_given_the_whole_maps_labels_labels_as_one_that_searches_it_again():
    project = example()
    everything = find_loops(project, None, time_budget=5)
    for perspective in project.perspectives:
        alone = find_loops(project, [perspective.id], time_budget=5)
        given = find_loops(project, [perspective.id], time_budget=5, labels_of_all=everything)
        assert labels(given) == labels(alone)


def test_a_scene_drawn_from_a_ready_answer_does_not_search(qapp, monkeypatch):
    """Scenes never search: an export is handed the loops it draws (or searches once for them
    itself, before drawing), and a scene on screen is fed by the session's tracker."""
    project = example()
    pid = next(p.id for p in project.perspectives
               if find_loops(project, [p.id], time_budget=5).loops)
    report = find_loops(project, [pid], time_budget=5)

    def no_search(*args, **kwargs):
        raise AssertionError("searched again")

    monkeypatch.setattr("ssm_studio.analysis.find_loops", no_search)
    monkeypatch.setattr("ssm_studio.analysis.loops.find_loops", no_search)
    scene = cld_scene(project, {pid}, loops=report)
    shown = {item.label for item in scene.loop_items.values() if item.isVisible()}
    assert shown and shown <= {loop.label for loop in report.loops}
    assert scene.report is report
    with pytest.raises(AssertionError):  # not handed an answer, the export searches
        cld_scene(project, {pid})


def test_a_scene_asks_for_new_loops_when_its_claims_change(qapp):
    from ssm_studio.edits.causal_edits import set_polarity
    from ssm_studio.render.cld_scene import CldScene
    from ssm_studio.render.layers import LayerState

    project = example()
    document = Document(project)
    scene = CldScene(document, LayerState())
    asked = []
    scene.loops_stale.connect(lambda: asked.append(1))
    document.apply(set_polarity([project.cld.links[0].id], "-"))
    assert asked
    assert not hasattr(scene, "push") and not hasattr(scene, "tracker")
