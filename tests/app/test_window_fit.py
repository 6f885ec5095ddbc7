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
    project = window.session.document.project
    for view, scene, pid in zip(side.views, side.scenes, side.shown_perspectives, strict=True):
        shown = view.mapToScene(view.viewport().rect()).boundingRect()
        for link in scene.link_items.values():  # every claim of its own whole
            if link.isVisible():
                link.settle()
                assert shown.contains(link.sceneBoundingRect().adjusted(4, 4, -4, -4)), link.link_id
        # Its own variables, each whole in the view, the others not drawn at all (the
        # overlay's context variables were cut at every view's edge).
        own = {v for link in project.cld.links if link.perspective == pid for v in (link.source, link.target)}
        drawn = {vid for vid, item in scene.variable_items.items() if item.isVisible()}
        assert own <= drawn and drawn <= own | {v.id for v in project.cld.variables if pid in v.included_by}
        for vid in drawn:
            assert shown.contains(scene.variable_items[vid].sceneBoundingRect()), vid
        # Legible: labels at least 8 px high on the screen (four views of the whole map at
        # one zoom drew them under 4 px, below the level of detail where words are painted).
        label_px = scene.style.font().pointSizeF() * view.logicalDpiY() / 72 * view.transform().m11()
        assert label_px >= 8.0, (pid, label_px)
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


def test_high_contrast_reaches_the_catwoe_matrix_and_every_column_fits(qtbot, window):
    """F7 left the matrix at 9 pt, a quarter of the page, its fourth column cut off."""
    window.resize(1366, 768)
    window.show_page("catwoe")
    matrix = window.page.table
    plain = matrix.font().pointSizeF()
    window.actions_["high_contrast"].trigger()
    qtbot.wait(30)  # the columns are stretched, then the headings wrapped to them
    assert matrix.font().pointSizeF() >= 1.4 * plain - 0.01
    assert "#000000" in matrix.styleSheet()
    header = matrix.horizontalHeader()
    assert matrix.columnCount() == len(window.session.document.project.perspectives) == 4
    assert matrix.horizontalScrollBar().maximum() == 0  # every perspective's column in view
    right = header.sectionPosition(matrix.columnCount() - 1) + header.sectionSize(matrix.columnCount() - 1)
    assert right <= matrix.viewport().width()
    for column in range(matrix.columnCount()):  # each heading whole, not cut at its top or foot
        assert header.sectionSizeFromContents(column).height() <= header.height(), column
    # The columns share the page rather than crowd its left quarter.
    assert right >= 0.95 * matrix.viewport().width()
    # Every table page takes the projector look, and gives it back when it is turned off.
    for key in ("comparison", "actions"):
        window.show_page(key)
        assert window.page.table.font().pointSizeF() >= 1.4 * plain - 0.01, key
    window.actions_["high_contrast"].trigger()
    window.show_page("catwoe")
    assert matrix.font().pointSizeF() == plain and matrix.styleSheet() == ""
