"""Menus, toolbar and shortcuts of the main window (standard keys where Qt has them)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup, QKeySequence

Std = QKeySequence.StandardKey


def build_actions(window) -> dict[str, QAction]:
    a: dict[str, QAction] = {}

    def act(key: str, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, window)
        if shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Std)
                                else [QKeySequence(s) for s in ([shortcut] if isinstance(shortcut, str) else shortcut)])
        action.setToolTip(tip or text.replace("&", "").rstrip("…"))
        action.setStatusTip(action.toolTip())
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        window.addAction(action)  # shortcuts work wherever focus is in the window
        a[key] = action
        return action

    act("new", "&New", window.file_new, Std.New)
    act("open", "&Open…", window.file_open, Std.Open)
    act("save", "&Save", window.file_save, Std.Save)
    act("save_as", "Save &As…", window.file_save_as, Std.SaveAs)
    act("close", "&Close", window.file_close, Std.Close)
    act("export_pack", "Export Comparison &Pack (PDF)…", window.export_pack, "Ctrl+Shift+E")
    act("export_diagram", "Export &Diagram…", window.export_diagram, "Ctrl+E")
    act("export_actions", "Export Actions as CS&V…", lambda: window.export_csv("actions"))
    act("export_comparison", "Export Comparison Tables as CSV…", lambda: window.export_csv("comparison"))
    act("screenshot", "Export &Picture of Window…", window.export_window_picture)
    act("quit", "&Quit", window.close, Std.Quit)
    a["undo"] = window.session_undo_action = None  # replaced per session by the stack's own actions
    act("copy", "&Copy", lambda: window.editor.copy(), Std.Copy)
    act("paste", "&Paste", lambda: window.editor.paste(), Std.Paste)
    act("delete", "&Delete", lambda: window.editor.delete_selection())
    act("select_all", "Select &All", lambda: [i.setSelected(True) for i in window.scene.variable_items.values()], Std.SelectAll)
    act("zoom_in", "Zoom &In", lambda: window.view.zoom_in(), Std.ZoomIn)
    act("zoom_out", "Zoom &Out", lambda: window.view.zoom_out(), Std.ZoomOut)
    act("zoom_fit", "&Fit Diagram", lambda: window.fit_current(), "Ctrl+0")
    act("zoom_reset", "Actual &Size", lambda: window.view.zoom_reset(), "Ctrl+1")
    modes = QActionGroup(window)
    modes.addAction(act("overlay", "&Overlay Perspectives", lambda: window.set_mode("overlay"), "F5", checkable=True))
    modes.addAction(act("side_by_side", "&Side by Side", lambda: window.set_mode("side-by-side"), "F6", checkable=True))
    modes.addAction(act("rich_picture", "&Rich Picture", lambda: window.set_mode("rich-picture"), "F4",
                        checkable=True))
    modes.addAction(act("conceptual_model", "&Conceptual Model", lambda: window.set_mode("conceptual-model"), "F8",
                        checkable=True))
    a["overlay"].setChecked(True)
    act("high_contrast", "&High Contrast (projector)", window.toggle_high_contrast, "F7", checkable=True)
    act("text_bigger", "&Larger Text", lambda: window.scale_text(1.15), "Ctrl+Shift+=")
    act("text_smaller", "S&maller Text", lambda: window.scale_text(1 / 1.15), "Ctrl+Shift+-")
    act("add_perspective", "&Add Perspective…", lambda: window.perspectives.add(), "Ctrl+Shift+P")
    act("rename_perspective", "&Rename Perspective…", lambda: window.perspectives.rename())
    act("remove_perspective", "Re&move Perspective…", lambda: window.perspectives.remove())
    act("next_perspective", "Activate &Next Perspective", lambda: window.cycle_active(1), "Ctrl+]")
    act("previous_perspective", "Activate &Previous Perspective", lambda: window.cycle_active(-1), "Ctrl+[")
    act("show_all", "Show A&ll Perspectives", window.show_all_layers, "Ctrl+Shift+A")
    act("solo", "S&olo Chosen Perspective", lambda: window.perspectives.toggle_solo(), "Ctrl+Shift+S")
    tools = QActionGroup(window)
    # Single-letter keys belong to the canvas (its keyPressEvent handles them); as window
    # shortcuts they would fire while someone types "no" in a table cell. Menus show them.
    tools.addAction(act("tool_select", "&Select Tool\tV", lambda: window.view.set_tool("select"), checkable=True))
    tools.addAction(act("tool_variable", "Add &Variable Tool\tA", lambda: window.view.set_tool("variable"),
                        checkable=True))
    tools.addAction(act("tool_link", "&Link Tool\tL", lambda: window.view.set_tool("link"), checkable=True))
    a["tool_select"].setChecked(True)
    act("new_variable", "&New Variable\tN", lambda: window.view.start_rename(
        window.editor.add_variable_at(window.view.mapToScene(window.view.viewport().rect().center()))))
    act("link_selected", "Lin&k Selected Variables", lambda: window.editor.link_selected() or window.say(window.editor.message), "Ctrl+L")
    act("pol_plus", "Polarity &+ (same direction)\t+", lambda: window.editor.set_polarity("+"))
    act("pol_minus", "Polarity &\u2212 (opposite direction)\t-", lambda: window.editor.set_polarity("-"))
    act("pol_unknown", "Polarity &? (unknown)\t?", lambda: window.editor.set_polarity("?"))
    act("delay", "Toggle &Delay Mark\tD", lambda: window.editor.toggle_delay())
    for how in ("left", "centre", "right", "top", "middle", "bottom"):
        act(f"align_{how}", f"Align {how.capitalize()}", lambda _=False, h=how: window.editor.align(h))
    act("snap", "Snap to &Grid", window.toggle_snap, checkable=True)
    act("shortcuts", "&Keyboard Shortcuts", window.show_shortcuts, Std.HelpContents)
    act("about", "&About SSM Studio", window.show_about)
    return a


def build_menus(window, a: dict[str, QAction]) -> None:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    for key in ("new", "open"):
        file.addAction(a[key])
    window.recent_menu = file.addMenu("Open &Recent")
    for key in ("save", "save_as", None, "export_pack", "export_diagram", "export_actions", "export_comparison", "screenshot", None, "close", "quit"):
        file.addSeparator() if key is None else file.addAction(a[key])
    edit = bar.addMenu("&Edit")
    edit.addAction(window.undo_action)
    edit.addAction(window.redo_action)
    edit.addSeparator()
    for key in ("copy", "paste", "delete", "select_all"):
        edit.addAction(a[key])
    view = bar.addMenu("&View")
    for key in ("zoom_in", "zoom_out", "zoom_fit", "zoom_reset", None, "rich_picture", "overlay", "side_by_side", "conceptual_model", None,
                "high_contrast", "text_bigger", "text_smaller"):
        view.addSeparator() if key is None else view.addAction(a[key])
    window.docks_menu = view.addMenu("&Panels")
    perspective = bar.addMenu("&Perspective")
    for key in ("add_perspective", "rename_perspective", "remove_perspective", None, "next_perspective",
                "previous_perspective", "show_all", "solo"):
        perspective.addSeparator() if key is None else perspective.addAction(a[key])
    diagram = bar.addMenu("&Diagram")
    for key in ("tool_select", "tool_variable", "tool_link", None, "new_variable", "link_selected", None,
                "pol_plus", "pol_minus", "pol_unknown", "delay", None):
        diagram.addSeparator() if key is None else diagram.addAction(a[key])
    align = diagram.addMenu("&Align")
    for how in ("left", "centre", "right", "top", "middle", "bottom"):
        align.addAction(a[f"align_{how}"])
    diagram.addAction(a["snap"])
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a["shortcuts"])
    help_menu.addAction(a["about"])

    short = {"tool_select": "Select", "tool_variable": "Variable", "tool_link": "Link", "zoom_fit": "Fit",
             "overlay": "Overlay", "side_by_side": "Side by side", "conceptual_model": "Model", "rich_picture": "Picture",
             "high_contrast": "Contrast"}
    for key, text in short.items():
        a[key].setIconText(text)  # the toolbar stays narrow enough for a laptop screen
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setAccessibleName("Main toolbar")
    for key in ("new", "open", "save", None, "tool_select", "tool_variable", "tool_link", None,
                "zoom_fit", "rich_picture", "overlay", "side_by_side", "conceptual_model", "high_contrast"):
        toolbar.addSeparator() if key is None else toolbar.addAction(a[key])
