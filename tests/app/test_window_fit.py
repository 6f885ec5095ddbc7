"""The window as a new user on a 1366×768 laptop meets it: side by side shows every
perspective's whole diagram, fitted, not cut at the views' edges."""

from __future__ import annotations


def test_side_by_side_is_fitted_at_1366_by_768(qtbot, window):
    window.resize(1366, 768)
    qtbot.wait(20)
    window.set_mode("side-by-side")
    side = window.pages["side_by_side"].side
    qtbot.waitUntil(lambda: len(side.views) == 4)
    qtbot.wait(50)  # the views are laid out, then fitted
    for view, scene in zip(side.views, side.scenes, strict=True):
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        wanted = scene.focus_rect()
        assert shown.contains(wanted), (shown, wanted)
    # Pan and zoom stay linked: the others move as far as the first moved.
    first, second = side.views[0], side.views[1]
    before = second.mapToScene(second.viewport().rect().center())
    first.horizontalScrollBar().setValue(first.horizontalScrollBar().value() + 40)
    after = second.mapToScene(second.viewport().rect().center())
    assert after.x() > before.x()
