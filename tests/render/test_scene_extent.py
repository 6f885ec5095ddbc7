"""What a causal diagram covers is kept between asks (a fit asks twice) and forgotten the
moment anything moves, changes size, or is shown or hidden."""

from __future__ import annotations

from ssm_studio.edits import Document, History
from ssm_studio.edits.causal_edits import move_variables, rename_variable
from ssm_studio.render.cld_scene import CldScene
from ssm_studio.render.layers import LayerState

from .test_long_link_layer import _project


def _scene():
    history = History(Document(_project()))
    return history, CldScene(history.document, LayerState())


def test_the_extent_follows_moves_names_and_layers(qapp):
    history, scene = _scene()
    project = history.document.project
    first = scene.diagram_rect()
    assert scene.diagram_rect() == first  # asked again: the same answer, kept
    lone = project.cld.variables[4]
    history.push(move_variables({lone.id: (9000.0, 5000.0)}))
    moved = scene.diagram_rect()
    assert moved.right() > 8900 and moved.bottom() > 4900
    history.undo()
    assert scene.diagram_rect() == first
    item = scene.variable_items[lone.id]
    item.setPos(-4000, 0)  # dragged on the canvas, before the edit lands at the release
    assert scene.diagram_rect().left() < -3900
    item.setPos(lone.x, lone.y)
    far = project.cld.variables[1]
    history.push(rename_variable(far.id, "A much longer name " * 6))
    assert scene.diagram_rect().right() > first.right()
    history.undo()
    council = project.perspectives[0].id
    families = project.perspectives[1].id
    scene.layers.set_visible(council, False)
    scene.layers.set_visible(families, False)
    without_claims = scene.diagram_rect()
    assert without_claims != first  # the claims' bulges no longer count
    scene.layers.set_visible(council, True)
    scene.layers.set_visible(families, True)
    assert scene.diagram_rect() == first


def test_a_link_settling_inside_the_extent_keeps_it_and_one_at_its_edge_measures_again(qapp, monkeypatch):
    _, scene = _scene()
    rough = scene.diagram_rect()
    measured = []
    original = scene._measure
    monkeypatch.setattr(scene, "_measure", lambda precise: measured.append(precise) or original(precise))
    links = sorted(scene.link_items.values(), key=lambda link: link._bounds.width() * link._bounds.height())
    inner = links[0]  # the short claim near the middle of nothing: well inside the extent
    assert rough.adjusted(41, 41, -41, -41).contains(inner._bounds)
    inner.settle()
    assert scene.diagram_rect() == rough and measured == []
    for link in links[1:]:  # the long claims reach the extent's edges with their estimates
        link.settle()
    tight = scene.diagram_rect()
    assert measured == [True] and rough.contains(tight) and tight != rough
    assert tight == original(True)  # what measuring afresh says
