"""The layer state says it changed only when it did: every page, panel and scene redraws on it."""

from ssm_studio.render.layers import LayerState


def test_changed_is_said_only_for_a_real_change(qapp):
    layers = LayerState()
    layers.know(["a", "b"])
    heard = []
    layers.changed.connect(lambda: heard.append(1))
    layers.show_only({"a"})
    layers.show_only({"a"})  # the same again: nothing to redraw
    assert len(heard) == 1 and not layers.is_visible("b")
    layers.set_visible("b", False)
    assert len(heard) == 1
    layers.set_visible("b", True)
    assert len(heard) == 2 and layers.is_visible("b")
    layers.set_solo("a")
    layers.set_solo("a")
    assert len(heard) == 3 and not layers.is_visible("b")
