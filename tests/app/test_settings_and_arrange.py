"""Settings that persist, first start on the example, and arranging variables."""

from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt

from ssm_studio.app import launch, places
from ssm_studio.app.main_window import MainWindow
from ssm_studio.app.preferences import Preferences
from ssm_studio.app.session import DocumentSession
from ssm_studio.bundled import default_example
from ssm_studio.edits.causal_edits import rename_variable

from .conftest import discard_changes, viewport_point


def settings_in(tmp_path):
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def test_first_start_opens_a_copy_of_the_example_then_the_last_file(qtbot, tmp_path, store, example_copy,
                                                                     monkeypatch):
    documents = tmp_path / "Documents" / "SSM Studio"
    monkeypatch.setattr(places, "documents_folder", lambda: documents)
    shipped = default_example()
    shipped_bytes = shipped.read_bytes()
    settings = settings_in(tmp_path)
    first = launch.first_session([], settings, store)
    assert first.path == documents / shipped.name != shipped
    assert first.path.read_bytes() == shipped_bytes
    variable = first.document.project.cld.variables[0]
    assert first.push(rename_variable(variable.id, "Changed on first start"))
    first.save()  # Ctrl+S writes the user's copy, never the installed example
    assert shipped.read_bytes() == shipped_bytes
    first.close()
    reopened = launch.first_session([], settings, store)  # the copy is kept, with the change
    assert reopened.document.project.cld.variables[0].name == "Changed on first start"
    reopened.close()
    settings.remember_file(example_copy)
    again = launch.first_session([], settings, store)
    assert again.path == example_copy
    again.close()


def test_layout_and_recent_files_persist(qtbot, tmp_path, store, example_copy):
    settings = settings_in(tmp_path)
    win = MainWindow(DocumentSession.open(example_copy, recovery=store), settings)
    qtbot.addWidget(win)
    win.show()
    win._docks["navigator"].hide()  # a layout choice the user made
    win._remember(example_copy)
    win.close()
    settings.sync()
    assert settings.window_layout()[0] is not None
    again = MainWindow(DocumentSession(recovery=store), settings_in(tmp_path))
    qtbot.addWidget(again, before_close_func=discard_changes)
    again.show()
    assert again.recent_files() == [str(example_copy.resolve())]
    assert [a.text() for a in again.recent_menu.actions()] == ["stoke.ssm"]
    assert not again._docks["navigator"].isVisible() and again._docks["loops"].isVisible()


def test_rubber_band_selects_several_variables(qtbot, window):
    view, project = window.view, window.session.document.project
    names = {v.name: v for v in project.cld.variables}
    a, b = names["Worklessness"], names["Deprivation"]
    for p in project.perspectives:  # only variables under the band, no links to grab
        window.layers.set_visible(p.id, False)
    view.centerOn((a.x + b.x) / 2, (a.y + b.y) / 2)
    # Corners on empty canvas (the example's neighbours sit further out).
    top_left = viewport_point(view, -330, -30)
    bottom_right = viewport_point(view, 70, 130)
    assert not view.items(top_left) and not view.items(bottom_right)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=top_left)
    for i in range(1, 6):
        p = top_left + (bottom_right - top_left) * i / 5
        qtbot.mouseMove(view.viewport(), QPoint(int(p.x()), int(p.y())))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=bottom_right)
    assert {a.id, b.id} <= set(window.editor.selected_variables())
    assert window.session.undo_stack.count() == 0  # selecting is not an edit


def test_align_and_nudge_are_single_steps(qtbot, window):
    project, scene = window.session.document.project, window.scene
    chosen = project.cld.variables[:3]
    for v in chosen:
        scene.variable_items[v.id].setSelected(True)
    window.actions_["align_top"].trigger()
    tops = {round(scene.variable_items[v.id].sceneBoundingRect().top(), 1) for v in chosen}
    assert len(tops) == 1 and window.session.undo_stack.count() == 1
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Right)
    assert window.session.undo_stack.count() == 2
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert len({round(scene.variable_items[v.id].y(), 1) for v in chosen}) > 1


def test_snapping_rounds_positions_to_the_grid(qtbot, window):
    window.actions_["snap"].trigger()
    item = next(iter(window.scene.variable_items.values()))
    item.setPos(123.4, 56.7)
    assert (item.x(), item.y()) == (120.0, 60.0)


def test_self_link_from_one_selected_variable(qtbot, window):
    project, scene = window.session.document.project, window.scene
    v = project.cld.variables[5]
    scene.variable_items[v.id].setSelected(True)
    window.actions_["link_selected"].trigger()
    link = project.cld.links[-1]
    assert link.source == link.target == v.id
    assert scene.link_items[link.id].boundingRect().height() > 20


def test_middle_button_and_space_drag_pan(qtbot, window):
    view = window.view
    view.zoom_by(3)
    bar = view.horizontalScrollBar()
    start = bar.value()
    at = view.viewport().rect().center()
    qtbot.mousePress(view.viewport(), Qt.MouseButton.MiddleButton, pos=at)
    qtbot.mouseMove(view.viewport(), at + QPoint(-120, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.MiddleButton, pos=at + QPoint(-120, 0))
    assert bar.value() > start
    moved = bar.value()
    view.setFocus()
    qtbot.keyPress(view, Qt.Key.Key_Space)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(view.viewport(), at + QPoint(80, 0))
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=at + QPoint(80, 0))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert bar.value() < moved
    assert window.session.undo_stack.count() == 0  # panning moved nothing


def test_wheel_zooms_around_the_cursor(qtbot, window):
    """The scene point under the wheel stays under it, in and out, with no cursor to ask
    (a touchpad pinch, a test, a remote desktop): the zoom does not drift off the map."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QWheelEvent

    view = window.view
    rect = view.viewport().rect()
    at = QPointF(rect.width() * 0.25, rect.height() * 0.3)
    for delta in (120, 120, -120, 240, -360):
        scale = view.transform().m11()
        under = view.mapToScene(at.toPoint())
        event = QWheelEvent(at, view.viewport().mapToGlobal(at), QPoint(0, 0), QPoint(0, delta),
                            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                            Qt.ScrollPhase.NoScrollPhase, False)
        view.wheelEvent(event)
        assert (view.transform().m11() > scale) == (delta > 0)
        moved = view.mapFromScene(under) - at.toPoint()
        assert abs(moved.x()) <= 1 and abs(moved.y()) <= 1, (delta, moved)


def test_file_dialogs_open_where_that_kind_of_file_was_last_chosen(qtbot, tmp_path, store, example_copy,
                                                                   monkeypatch):
    """One preferences object, handed to the dialogs by the window: an export's folder is
    remembered apart from the project's and an import's, and survives a restart."""
    from PySide6.QtWidgets import QFileDialog

    from ssm_studio.app import export_dialogs

    board, downloads = tmp_path / "board papers", tmp_path / "downloads"
    board.mkdir()
    downloads.mkdir()
    settings = settings_in(tmp_path)
    win = MainWindow(DocumentSession.open(example_copy, recovery=store), settings)
    qtbot.addWidget(win)
    assert win.last_folder("exports") == str(example_copy.parent)  # nothing chosen yet: the project's
    assert export_dialogs.export_table_csv(win, "comparison", str(board / "table.csv"))
    assert win.last_folder("exports") == str(board.resolve())
    assert win.last_folder("imports") == str(example_copy.parent)
    settings.remember_folder("imports", downloads / "map.csv")
    opened_in = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda parent, title, folder, *a: (opened_in.append(folder), ("", ""))[1]))
    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda parent, title, folder, *a: (opened_in.append(folder), ([], ""))[1]))
    win.actions_["export_comparison"].trigger()
    win.actions_["import"].trigger()
    assert Path(opened_in[0]).parent == board.resolve()  # the suggested name, in the board's folder
    assert opened_in[1] == str(downloads.resolve())
    win.session.undo_stack.setClean()
    win.close()  # never shown, and closed again by qtbot: the second close is harmless
    assert win.session_closed
    settings.remember_file(example_copy)  # as File > Open does
    settings.sync()
    again = settings_in(tmp_path)
    assert again.folder("exports") == str(board.resolve())
    for written in board.iterdir():
        written.unlink()
    board.rmdir()
    assert again.folder("exports") == again.folder("projects") == str(example_copy.parent.resolve())  # a folder since removed: fall back
