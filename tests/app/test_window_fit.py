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


def test_names_cut_by_a_narrow_panel_are_whole_in_their_tooltips(window):
    from PySide6.QtWidgets import QListWidget, QTreeWidgetItemIterator

    from ssm_studio.app.docks.navigator import Navigator

    tree = window.findChild(Navigator)
    it = QTreeWidgetItemIterator(tree)
    seen = 0
    while it.value():
        item = it.value()
        assert item.toolTip(0).startswith(item.text(0)), (item.text(0), item.toolTip(0))
        seen += 1
        it += 1
    assert seen > 10
    layers = next(w for w in window.findChildren(QListWidget) if w.accessibleName() == "Perspectives and common ground")
    tips = [layers.item(i).toolTip() for i in range(layers.count())]
    for perspective in window.session.document.project.perspectives:
        assert any(tip.startswith(perspective.name) for tip in tips), perspective.name


def test_the_root_definition_panel_fits_its_dock_at_1920_by_1080(qtbot, window):
    """Its fields and composed sentence were cut at the right edge behind a scroll bar."""
    from ssm_studio.app.docks.root_definitions import RootDefinitionEditor

    window.resize(1920, 1080)
    editor = window.findChild(RootDefinitionEditor)
    dock = editor.parentWidget()
    while dock is not None and type(dock).__name__ != "QDockWidget":
        dock = dock.parentWidget()
    dock.show()
    dock.raise_()
    perspective = window.session.document.project.perspectives[0]
    editor.show_perspective(perspective.id, None)
    qtbot.waitUntil(editor.isVisible)
    qtbot.wait(50)
    room = editor.viewport().width()
    assert not editor.horizontalScrollBar().isVisible()
    assert editor.widget().width() <= room
    for widget in [*editor.inputs.values(), *editor.measure_inputs.values(), editor.sentence, editor.own_words]:
        right = widget.mapTo(editor.widget(), widget.rect().topRight()).x()
        assert right <= room, (widget.accessibleName(), right, room)
