"""Every control a screen reader meets has an accessible name (issue #27, item 4): the main
window with each page shown and every panel, the workshop room's panel and dialog, the pack
and shortcuts dialogs. A button's own text is its name. Qt's own parts of a named control
(a table's headers, a spin box's line edit, a combo box's list) are spoken for by it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QGraphicsView,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QSlider,
    QTabBar,
    QTextEdit,
    QWidget,
)

CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
            QSlider, QTabBar, QGraphicsView)


def _spoken_for(widget: QWidget) -> bool:
    """Part of a control that has a name of its own (Qt's sub-widgets: headers, corner buttons,
    spin box editors, a combo box's list), or one of Qt's own (its object names start qt_)."""
    if widget.objectName().startswith("qt_"):
        return True
    if isinstance(widget, QTabBar) and isinstance(widget.parentWidget(), QMainWindow):
        return True  # the tabs of docks stacked together: each tab is its dock's title
    parent = widget.parentWidget()
    for _ in range(4):
        if parent is None:
            return False
        if isinstance(parent, CONTROLS) and parent.accessibleName().strip():
            return True
        if isinstance(parent, QComboBox):
            return bool(parent.accessibleName().strip())
        parent = parent.parentWidget()
    return False


def unnamed(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not isinstance(widget, CONTROLS) or widget.accessibleName().strip():
            continue
        if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
            continue
        if _spoken_for(widget):
            continue
        parent = widget.parentWidget()
        found.append(f"{type(widget).__name__} in {type(parent).__name__ if parent else '-'} "
                     f"'{widget.objectName()}' tooltip={widget.toolTip()[:40]!r}")
    return found


def test_every_control_of_the_main_window_on_every_page_has_a_name(qtbot, window):
    for key in list(window.pages):
        window.show_page(key)
        assert not unnamed(window), key


def test_the_room_panel_and_dialogs_name_their_controls(qtbot, window):
    from ssm_studio.app.export_dialogs import PackDialog
    from ssm_studio.app.room_dialogs import HostDialog
    from ssm_studio.app.room_panel import RoomPanel
    from ssm_studio.app.shortcuts_dialog import ShortcutsDialog

    for hosting in (True, False):
        panel = RoomPanel(hosting)
        qtbot.addWidget(panel)
        panel.show_people({"1": {"name": "Asha", "page": "overlay"}}, "1", "wss://127.0.0.1:1")
        assert not unnamed(panel)
    host = HostDialog("wss://127.0.0.1:8765", "ABC234", window, "AAAA BBBB CCCC DDDD EEEE")
    shortcuts = ShortcutsDialog(window, window.actions_.values())
    pack = PackDialog(window.session.document.project, {p.id for p in window.session.document.project.perspectives},
                      window)
    from ssm_studio.app.interop_dialogs import MatchReviewDialog, SummaryDialog

    project = window.session.document.project
    review = MatchReviewDialog(project, project.model_copy(deep=True), "A participant", window)
    summary = SummaryDialog("Merged", ["one line", "another"], window)
    for dialog in (host, shortcuts, pack, review, summary):
        qtbot.addWidget(dialog)
        assert not unnamed(dialog), type(dialog).__name__


def test_an_unnamed_control_is_found(qtbot):
    from PySide6.QtWidgets import QSpinBox, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    named, bare, spin = QLineEdit(), QLineEdit(), QSpinBox()
    named.setAccessibleName("Your name")
    spin.setAccessibleName("Tables")
    for control in (named, bare, spin):
        layout.addWidget(control)
    assert len(unnamed(box)) == 1 and unnamed(box)[0].startswith("QLineEdit")  # the spin box's editor is its part
