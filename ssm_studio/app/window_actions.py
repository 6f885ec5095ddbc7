"""Menus, toolbar and shortcuts of the main window.

Actions that mean something on a page (zoom, delete, tools, polarity …) are bound to a page
command: they act on the page in front and are enabled only where that page has the
command. Every shortcut is bound once (tests/app/test_keyboard.py holds this).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from .i18n import N, tr
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
PAGES = {"welcome": (N("MainWindow", "&Welcome"), "Ctrl+Shift+H"), "rich_picture": (N("MainWindow", "&Rich Picture"), "F4"),
         "overlay": (N("MainWindow", "Causal-Loop &Overlay"), "F3"), "side_by_side": (N("MainWindow", "&Side by Side"), "F6"),
         "conceptual_model": (N("MainWindow", "&Conceptual Model"), "F8"), "catwoe": (N("MainWindow", "CATWOE &Matrix"), "F9"),
         "comparison": (N("MainWindow", "Comparison (stage &5)"), "F10"), "actions": (N("MainWindow", "&Actions (stages 6–7)"), "F11"),
         "spotlight": (N("MainWindow", "S&POTlight Review"), "F12"), "journeys": (N("MainWindow", "Client &Journeys"), "Ctrl+Shift+J")}
TOOL_WORDS = {"tool_select": N("MainWindow", "Select"), "tool_add": N("MainWindow", "Add"), "tool_link": N("MainWindow", "Link"), "tool_pen": N("MainWindow", "Pen"),
              "tool_bubble": N("MainWindow", "Bubble"), "tool_box": N("MainWindow", "Box"), "tool_stencil": N("MainWindow", "Figure")}
TOOL_KEYS = {"tool_select": "V", "tool_add": "A", "tool_link": "L", "tool_pen": "P", "tool_bubble": "B",
             "tool_box": "R", "tool_stencil": "S"}
ALIGN_WORDS = {"left": N("MainWindow", "Align Left"), "centre": N("MainWindow", "Align Centre"),
               "right": N("MainWindow", "Align Right"), "top": N("MainWindow", "Align Top"),
               "middle": N("MainWindow", "Align Middle"), "bottom": N("MainWindow", "Align Bottom")}
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

    act("new", tr("MainWindow", "&New"), window.file_new, Std.New)
    act("open", tr("MainWindow", "&Open…"), window.file_open, Std.Open)
    act("save", tr("MainWindow", "&Save"), window.file_save, Std.Save)
    act("save_as", tr("MainWindow", "Save &As…"), window.file_save_as, Std.SaveAs)
    act("close", tr("MainWindow", "&Close"), window.file_close, Std.Close)
    act("import", tr("MainWindow", "&Import from Other Tools…"), lambda: window.import_files(), "Ctrl+I",
        tip=tr("MainWindow", "Vensim, Stella/XMILE, Kumu, PRSM, Decision Explorer, LOOPY, GraphML, GML, GEXF, DOT, sd-ai, CSV, Excel"))
    act("import_loopy", tr("MainWindow", "Import a &LOOPY Link…"), lambda: window.import_loopy_link(),
        tip=tr("MainWindow", "Paste the address of a LOOPY model"))
    act("merge", tr("MainWindow", "&Merge Perspectives from Projects…"), lambda: window.merge_perspectives(), "Ctrl+Shift+M",
        tip=tr("MainWindow", "Gather the perspectives participants modelled on their own laptops"))
    act("export_tools", tr("MainWindow", "Export for &Other Tools…"), lambda: window.export_for_tools(), "Ctrl+Shift+X",
        tip=tr("MainWindow", "The causal diagram as GraphML, Kumu, Vensim, XMILE, DOT, CSV or Excel"))
    act("export_pack", tr("MainWindow", "Export Comparison &Pack (PDF or Word)…"), window.export_pack, "Ctrl+Shift+E")
    act("host_room", tr("MainWindow", "&Host Workshop Room…"), lambda: window.host_room(),
        tip=tr("MainWindow", "Let laptops on this room's network edit this project with you"))
    act("join_room", tr("MainWindow", "&Join Workshop Room…"), lambda: window.join_room(), tip=tr("MainWindow", "Edit the project of a room on this network"))
    act("end_room", tr("MainWindow", "Leave or E&nd Workshop Room"), lambda: window.end_room())
    act("export_diagram", tr("MainWindow", "Export &Diagram…"), window.export_diagram, "Ctrl+E")
    act("export_actions", tr("MainWindow", "Export Actions as CS&V…"), lambda: window.export_csv("actions"))
    act("export_comparison", tr("MainWindow", "Export Comparison Tables as CSV…"), lambda: window.export_csv("comparison"))
    act("screenshot", tr("MainWindow", "Export &Picture of Window…"), window.export_window_picture)
    act("quit", tr("MainWindow", "&Quit"), window.close, Std.Quit)
    command("copy", tr("MainWindow", "&Copy"), Std.Copy)
    command("paste", tr("MainWindow", "&Paste"), Std.Paste)
    command("delete", tr("MainWindow", "&Delete\tDel"))
    command("select_all", tr("MainWindow", "Select &All"), Std.SelectAll)
    command("rename", tr("MainWindow", "&Rename\tF2"))
    command("zoom_in", tr("MainWindow", "Zoom &In"), [QKeySequence(Std.ZoomIn).toString(), "Ctrl+="])
    command("zoom_out", tr("MainWindow", "Zoom &Out"), Std.ZoomOut)
    command("zoom_fit", tr("MainWindow", "&Fit Diagram"), "Ctrl+0")
    command("zoom_reset", tr("MainWindow", "Actual &Size"), "Ctrl+1")
    pages = QActionGroup(window)
    for key, (text, keys) in PAGES.items():
        pages.addAction(act(key, tr("MainWindow", text), lambda _=False, k=key: window.show_page(k), keys,
                            checkable=True))
    act("high_contrast", tr("MainWindow", "&High Contrast (projector)"), window.toggle_high_contrast, "F7", checkable=True)
    act("present", tr("MainWindow", "&Present Storyline"), lambda: _present(window), "F5",
        tip=tr("MainWindow", "Full screen, step by step, for the room (Esc stops)"))
    act("storyline_panel", tr("MainWindow", "Story&line Panel"), lambda: window._show_dock("storyline"), "Ctrl+Shift+Y",
        tip=tr("MainWindow", "The storyline's steps: add the current view, reorder, caption, play from a step"))
    act("text_bigger", tr("MainWindow", "&Larger Text"), lambda: window.scale_text(1.15), "Ctrl+Shift+=")
    act("text_smaller", tr("MainWindow", "S&maller Text"), lambda: window.scale_text(1 / 1.15), "Ctrl+Shift+-")
    act("add_perspective", tr("MainWindow", "&Add Perspective…"), lambda: window.perspectives.add(), "Ctrl+Shift+P")
    act("rename_perspective", tr("MainWindow", "&Rename Perspective…"), lambda: window.perspectives.rename())
    act("remove_perspective", tr("MainWindow", "Re&move Perspective…"), lambda: window.perspectives.remove())
    act("next_perspective", tr("MainWindow", "Activate &Next Perspective"), lambda: window.cycle_active(1), "Ctrl+]")
    act("previous_perspective", tr("MainWindow", "Activate &Previous Perspective"), lambda: window.cycle_active(-1), "Ctrl+[")
    act("show_all", tr("MainWindow", "Show A&ll Perspectives"), window.show_all_layers, "Ctrl+Shift+A")
    act("solo", tr("MainWindow", "S&olo Chosen Perspective"), lambda: window.perspectives.toggle_solo(), "Ctrl+Alt+S")
    tools = QActionGroup(window)
    # Single-letter keys belong to the canvas (its keyPressEvent handles them); as window
    # shortcuts they would fire while someone types "no" in a table cell. Menus show them.
    for key, word in TOOL_WORDS.items():
        named = tr("MainWindow", "&%1 Tool").replace("%1", tr("MainWindow", word))
        tools.addAction(command(key, named + "\t" + TOOL_KEYS[key], checkable=True))  # the key, as typed
    a["tool_select"].setChecked(True)
    command("new_variable", tr("MainWindow", "&New Box (variable, activity, text)\tN"))
    command("link_selected", tr("MainWindow", "Lin&k Selected"), "Ctrl+L")
    command("tidy", tr("MainWindow", "&Tidy Layout"), "Ctrl+Shift+L")
    command("pol_plus", tr("MainWindow", "Polarity &+ (same direction)\t+"))
    command("pol_minus", tr("MainWindow", "Polarity &− (opposite direction)\t-"))
    command("pol_unknown", tr("MainWindow", "Polarity &? (unknown)\t?"))
    command("delay", tr("MainWindow", "Toggle &Delay Mark (monitor and control on a model)\tD"))
    for how, words in ALIGN_WORDS.items():
        command(f"align_{how}", tr("MainWindow", words))
    act("snap", tr("MainWindow", "Snap to &Grid"), window.toggle_snap, checkable=True)
    act("evidence_gaps", tr("MainWindow", "Mark Claims Without &Evidence"), window.toggle_evidence_gaps, "Ctrl+Alt+E", checkable=True,
        tip=tr("MainWindow", "Claims no evidence of the SPOTlight review supports, or only weak evidence, carry a hollow diamond"))
    act("shortcuts", tr("MainWindow", "&Keyboard Shortcuts"), window.show_shortcuts, Std.HelpContents)
    act("about", tr("MainWindow", "&About SSM Studio"), window.show_about)
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

    file = menu(tr("MainWindow", "&File"), ("new", "open"))
    window.recent_menu = file.addMenu(tr("MainWindow", "Open &Recent"))
    for key in ("save", "save_as", None, "host_room", "join_room", "end_room", None, "import", "import_loopy", "merge",
                None, "export_pack", "export_diagram", "export_tools",
                "export_actions", "export_comparison", "screenshot", None, "close", "quit"):
        file.addSeparator() if key is None else file.addAction(a[key])
    menu(tr("MainWindow", "&Edit"), (window.undo_action, window.redo_action, None, "copy", "paste", "delete", "rename", "select_all"))
    view = menu(tr("MainWindow", "&View"), ("zoom_in", "zoom_out", "zoom_fit", "zoom_reset", None, *PAGES, None,
                          "high_contrast", "text_bigger", "text_smaller", "evidence_gaps", None, "present",
                          "storyline_panel"))
    window.docks_menu = view.addMenu(tr("MainWindow", "&Panels"))
    menu(tr("MainWindow", "&Perspective"), ("add_perspective", "rename_perspective", "remove_perspective", None, "next_perspective",
                          "previous_perspective", "show_all", "solo"))
    diagram = menu(tr("MainWindow", "&Diagram"), (*TOOL_WORDS, None, "new_variable", "link_selected", "tidy", None,
                                "pol_plus", "pol_minus", "pol_unknown", "delay", None))
    align = diagram.addMenu(tr("MainWindow", "&Align"))
    for how in ("left", "centre", "right", "top", "middle", "bottom"):
        align.addAction(a[f"align_{how}"])
    diagram.addAction(a["snap"])
    help_menu = menu(tr("MainWindow", "&Help"), ("shortcuts", "about"))
    languages = help_menu.addMenu(tr("MainWindow", "&Language"))
    chosen = QActionGroup(window)
    from .i18n import LANGUAGES, chosen_language

    speaking = chosen_language(window.preferences.language())
    for code, name in LANGUAGES.items():  # each named in its own words
        item = languages.addAction(name)
        item.setCheckable(True)
        item.setChecked(code == speaking)
        chosen.addAction(item)
        item.triggered.connect(lambda _=False, code=code: window.choose_language(code))
    window.language_actions = {code: item for code, item in zip(LANGUAGES, chosen.actions(), strict=True)}
    examples = help_menu.addMenu(tr("MainWindow", "&Examples"))  # each opens as the user's own copy
    examples.setToolTipsVisible(True)
    from ..bundled import examples as bundled_examples

    for example in bundled_examples():
        item = examples.addAction(example.title)
        item.setToolTip(example.summary)
        item.triggered.connect(lambda _=False, path=str(example.path): window.open_example(path))

    short = {"overlay": N("MainWindow", "Causal loops"), "side_by_side": N("MainWindow", "Side by side"),
             "conceptual_model": N("MainWindow", "Model"), "rich_picture": N("MainWindow", "Picture"),
             "high_contrast": N("MainWindow", "Contrast"), "zoom_fit": N("MainWindow", "Fit"),
             "welcome": N("MainWindow", "Start"), "catwoe": N("MainWindow", "CATWOE"),
             "comparison": N("MainWindow", "Compare"), "actions": N("MainWindow", "Actions"),
             "present": N("MainWindow", "Present"), **TOOL_WORDS}
    for key, text in short.items():
        a[key].setIconText(tr("MainWindow", text))
    toolbar = window.addToolBar(tr("MainWindow", "Main"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setAccessibleName(tr("MainWindow", "Main toolbar"))
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
