"""Menus, toolbar and shortcuts of the main window.

Actions that mean something on a page (zoom, delete, tools, polarity …) are bound to a page
command: they act on the page in front and are enabled only where that page has the
command. Every shortcut is bound once (tests/app/test_keyboard.py holds this).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from .icons import icon

Std = QKeySequence.StandardKey

# action key -> (page command, its arguments)
PAGE_COMMANDS: dict[str, tuple] = {
    "copy": ("copy",), "paste": ("paste",), "delete": ("delete",), "select_all": ("select_all",),
    "zoom_in": ("zoom_in",), "zoom_out": ("zoom_out",), "zoom_fit": ("fit",), "zoom_reset": ("zoom_reset",),
    "tool_select": ("tool", "select"), "tool_add": ("tool", "add"), "tool_link": ("tool", "link"),
    "tool_pen": ("tool", "pen"), "tool_bubble": ("tool", "bubble"), "tool_box": ("tool", "box"),
    "tool_stencil": ("tool", "stencil"), "new_variable": ("new_box",), "link_selected": ("link_selected",),
    "pol_plus": ("polarity", "+"), "pol_minus": ("polarity", "-"), "pol_unknown": ("polarity", "?"),
    "delay": ("toggle_mark",), "rename": ("rename",), "tidy": ("tidy",),
    **{f"align_{how}": ("align", how) for how in ("left", "centre", "right", "top", "middle", "bottom")},
}
PAGES = {"welcome": ("&Welcome", "Ctrl+Shift+H"), "rich_picture": ("&Rich Picture", "F4"),
         "overlay": ("Causal-Loop &Overlay", "F3"), "side_by_side": ("&Side by Side", "F6"),
         "conceptual_model": ("&Conceptual Model", "F8"), "catwoe": ("CATWOE &Matrix", "F9"),
         "comparison": ("Comparison (stage &5)", "F10"), "actions": ("&Actions (stages 6–7)", "F11"),
         "spotlight": ("S&POTlight Review", "F12"), "journeys": ("Client &Journeys", "Ctrl+Shift+J")}
TOOL_WORDS = {"tool_select": "Select", "tool_add": "Add", "tool_link": "Link", "tool_pen": "Pen",
              "tool_bubble": "Bubble", "tool_box": "Box", "tool_stencil": "Figure"}
TOOL_KEYS = {"tool_select": "V", "tool_add": "A", "tool_link": "L", "tool_pen": "P", "tool_bubble": "B",
             "tool_box": "R", "tool_stencil": "S"}
# Tools every editable canvas has; the others show only on pages that have them.
COMMON_TOOLS = {"select", "add", "link"}


def build_actions(window) -> dict[str, QAction]:
    a: dict[str, QAction] = {}

    def act(key: str, text: str, slot, shortcut=None, tip: str = "", checkable: bool = False) -> QAction:
        action = QAction(text, window)  # icons come in apply_icons, once the window is shown
        if shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Std)
                                else [QKeySequence(s) for s in ([shortcut] if isinstance(shortcut, str) else shortcut)])
        plain = tip or text.replace("&", "").split("\t")[0].rstrip("…")
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{plain} ({keys})" if keys else plain)
        action.setStatusTip(plain)
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        # Window-wide: zoom, text size and undo work wherever focus is, canvas included.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        window.addAction(action)
        a[key] = action
        return action

    def command(key: str, text: str, shortcut=None, checkable: bool = False) -> QAction:
        args = PAGE_COMMANDS[key]
        return act(key, text, lambda _=False: window.run_command(*args), shortcut, checkable=checkable)

    act("new", "&New", window.file_new, Std.New)
    act("open", "&Open…", window.file_open, Std.Open)
    act("save", "&Save", window.file_save, Std.Save)
    act("save_as", "Save &As…", window.file_save_as, Std.SaveAs)
    act("close", "&Close", window.file_close, Std.Close)
    act("import", "&Import from Other Tools…", lambda: window.import_files(), "Ctrl+I",
        tip="Vensim, Stella/XMILE, Kumu, PRSM, Decision Explorer, LOOPY, GraphML, GML, GEXF, DOT, sd-ai, CSV, Excel")
    act("import_loopy", "Import a &LOOPY Link…", lambda: window.import_loopy_link(),
        tip="Paste the address of a LOOPY model")
    act("merge", "&Merge Perspectives from Projects…", lambda: window.merge_perspectives(), "Ctrl+Shift+M",
        tip="Gather the perspectives participants modelled on their own laptops")
    act("export_tools", "Export for &Other Tools…", lambda: window.export_for_tools(), "Ctrl+Shift+X",
        tip="The causal diagram as GraphML, Kumu, Vensim, XMILE, DOT, CSV or Excel")
    act("export_pack", "Export Comparison &Pack (PDF or Word)…", window.export_pack, "Ctrl+Shift+E")
    act("host_room", "&Host Workshop Room…", lambda: window.host_room(),
        tip="Let laptops on this room's network edit this project with you")
    act("join_room", "&Join Workshop Room…", lambda: window.join_room(), tip="Edit the project of a room on this network")
    act("end_room", "Leave or E&nd Workshop Room", lambda: window.end_room())
    act("export_diagram", "Export &Diagram…", window.export_diagram, "Ctrl+E")
    act("export_actions", "Export Actions as CS&V…", lambda: window.export_csv("actions"))
    act("export_comparison", "Export Comparison Tables as CSV…", lambda: window.export_csv("comparison"))
    act("screenshot", "Export &Picture of Window…", window.export_window_picture)
    act("quit", "&Quit", window.close, Std.Quit)
    command("copy", "&Copy", Std.Copy)
    command("paste", "&Paste", Std.Paste)
    command("delete", "&Delete\tDel")
    command("select_all", "Select &All", Std.SelectAll)
    command("rename", "&Rename\tF2")
    command("zoom_in", "Zoom &In", [QKeySequence(Std.ZoomIn).toString(), "Ctrl+="])
    command("zoom_out", "Zoom &Out", Std.ZoomOut)
    command("zoom_fit", "&Fit Diagram", "Ctrl+0")
    command("zoom_reset", "Actual &Size", "Ctrl+1")
    pages = QActionGroup(window)
    for key, (text, keys) in PAGES.items():
        pages.addAction(act(key, text, lambda _=False, k=key: window.show_page(k), keys, checkable=True))
    act("high_contrast", "&High Contrast (projector)", window.toggle_high_contrast, "F7", checkable=True)
    act("present", "&Present Storyline", lambda: _present(window), "F5",
        tip="Full screen, step by step, for the room (Esc stops)")
    act("storyline_panel", "Story&line Panel", lambda: window._show_dock("storyline"), "Ctrl+Shift+Y",
        tip="The storyline's steps: add the current view, reorder, caption, play from a step")
    act("text_bigger", "&Larger Text", lambda: window.scale_text(1.15), "Ctrl+Shift+=")
    act("text_smaller", "S&maller Text", lambda: window.scale_text(1 / 1.15), "Ctrl+Shift+-")
    act("add_perspective", "&Add Perspective…", lambda: window.perspectives.add(), "Ctrl+Shift+P")
    act("rename_perspective", "&Rename Perspective…", lambda: window.perspectives.rename())
    act("remove_perspective", "Re&move Perspective…", lambda: window.perspectives.remove())
    act("next_perspective", "Activate &Next Perspective", lambda: window.cycle_active(1), "Ctrl+]")
    act("previous_perspective", "Activate &Previous Perspective", lambda: window.cycle_active(-1), "Ctrl+[")
    act("show_all", "Show A&ll Perspectives", window.show_all_layers, "Ctrl+Shift+A")
    act("solo", "S&olo Chosen Perspective", lambda: window.perspectives.toggle_solo(), "Ctrl+Alt+S")
    tools = QActionGroup(window)
    # Single-letter keys belong to the canvas (its keyPressEvent handles them); as window
    # shortcuts they would fire while someone types "no" in a table cell. Menus show them.
    for key, word in TOOL_WORDS.items():
        tools.addAction(command(key, f"&{word} Tool\t{TOOL_KEYS[key]}", checkable=True))
    a["tool_select"].setChecked(True)
    command("new_variable", "&New Box (variable, activity, text)\tN")
    command("link_selected", "Lin&k Selected", "Ctrl+L")
    command("tidy", "&Tidy Layout", "Ctrl+Shift+L")
    command("pol_plus", "Polarity &+ (same direction)\t+")
    command("pol_minus", "Polarity &\u2212 (opposite direction)\t-")
    command("pol_unknown", "Polarity &? (unknown)\t?")
    command("delay", "Toggle &Delay Mark (monitor and control on a model)\tD")
    for how in ("left", "centre", "right", "top", "middle", "bottom"):
        command(f"align_{how}", f"Align {how.capitalize()}")
    act("snap", "Snap to &Grid", window.toggle_snap, checkable=True)
    act("evidence_gaps", "Mark Claims Without &Evidence", window.toggle_evidence_gaps, "Ctrl+Alt+E", checkable=True,
        tip="Claims no evidence of the SPOTlight review supports, or only weak evidence, carry a hollow diamond")
    act("shortcuts", "&Keyboard Shortcuts", window.show_shortcuts, Std.HelpContents)
    act("about", "&About SSM Studio", window.show_about)
    return a


def _present(window) -> None:
    from .presenting import toggle_presentation

    toggle_presentation(window)


def build_menus(window, a: dict[str, QAction]) -> None:
    bar = window.menuBar()

    def menu(title: str, keys) -> QMenu:
        m = bar.addMenu(title)
        for key in keys:
            m.addSeparator() if key is None else m.addAction(a[key] if isinstance(key, str) else key)
        return m

    file = menu("&File", ("new", "open"))
    window.recent_menu = file.addMenu("Open &Recent")
    for key in ("save", "save_as", None, "host_room", "join_room", "end_room", None, "import", "import_loopy", "merge",
                None, "export_pack", "export_diagram", "export_tools",
                "export_actions", "export_comparison", "screenshot", None, "close", "quit"):
        file.addSeparator() if key is None else file.addAction(a[key])
    menu("&Edit", (window.undo_action, window.redo_action, None, "copy", "paste", "delete", "rename", "select_all"))
    view = menu("&View", ("zoom_in", "zoom_out", "zoom_fit", "zoom_reset", None, *PAGES, None,
                          "high_contrast", "text_bigger", "text_smaller", "evidence_gaps", None, "present",
                          "storyline_panel"))
    window.docks_menu = view.addMenu("&Panels")
    menu("&Perspective", ("add_perspective", "rename_perspective", "remove_perspective", None, "next_perspective",
                          "previous_perspective", "show_all", "solo"))
    diagram = menu("&Diagram", (*TOOL_WORDS, None, "new_variable", "link_selected", "tidy", None,
                                "pol_plus", "pol_minus", "pol_unknown", "delay", None))
    align = diagram.addMenu("&Align")
    for how in ("left", "centre", "right", "top", "middle", "bottom"):
        align.addAction(a[f"align_{how}"])
    diagram.addAction(a["snap"])
    help_menu = menu("&Help", ("shortcuts", "about"))
    examples = help_menu.addMenu("&Examples")  # each opens as the user's own copy
    examples.setToolTipsVisible(True)
    from ..bundled import examples as bundled_examples

    for example in bundled_examples():
        item = examples.addAction(example.title)
        item.setToolTip(example.summary)
        item.triggered.connect(lambda _=False, path=str(example.path): window.open_example(path))

    short = {"overlay": "Causal loops", "side_by_side": "Side by side", "conceptual_model": "Model",
             "rich_picture": "Picture", "high_contrast": "Contrast", "zoom_fit": "Fit", "welcome": "Start",
             "catwoe": "CATWOE", "comparison": "Compare", "actions": "Actions", "present": "Present", **TOOL_WORDS}
    for key, text in short.items():
        a[key].setIconText(text)
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setAccessibleName("Main toolbar")
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
    for key in ("new", "open", "save", None, *TOOL_WORDS, None,
                "zoom_in", "zoom_out", "zoom_fit", None, "rich_picture", "overlay", "side_by_side", "conceptual_model",
                None, "high_contrast", "present"):
        toolbar.addSeparator() if key is None else toolbar.addAction(a[key])
    toolbar.insertAction(a["tool_select"], window.undo_action)
    window.main_toolbar = toolbar


def apply_icons(window) -> None:
    """Icons for every action (the icon font loads in about 0.1 s, so after the window shows)."""
    for key, action in window.actions_.items():
        action.setIcon(icon(key))
    window.undo_action.setIcon(icon("undo"))
    window.redo_action.setIcon(icon("redo"))
