"""The main window: one document at a time, shown one page at a time, with side panels.

Pages (welcome, rich picture, causal-loop overlay, side by side, conceptual model, CATWOE
matrix, comparison, actions) fill the centre; the window's commands act on the page in
front. Panels sit narrow at the sides, so the canvas keeps most of a laptop's screen.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QTabWidget,
    QUndoView,
)

from ..gc_pause import gc_paused, keep_long_lived, release_long_lived
from ..render.layers import LayerState
from ..render.style import CanvasStyle, high_contrast
from .i18n import tr
from .preferences import Preferences
from .shortcuts_dialog import ShortcutsDialog
from .window_actions import (
    COMMON_TOOLS,
    PAGE_COMMANDS,
    PAGES,
    TOOL_KEYS,
    TOOL_WORDS,
    apply_icons,
    build_actions,
    build_menus,
)
from .window_files import WindowFiles
from .window_room import WindowRoom
from .window_tables import WindowTables

if TYPE_CHECKING:
    from .pages.base import Page
    from .session import DocumentSession

# The pages, panels and the document model are imported when a project is first opened, so
# that the window itself is on screen as early as Qt can show it (see launch.run_app).

# Page keys as the command line and older code name them.
MODES = {"overlay": "overlay", "cld": "overlay", "side-by-side": "side_by_side", "rich-picture": "rich_picture",
         "conceptual-model": "conceptual_model", "welcome": "welcome"}
LEFT_WIDTH, RIGHT_WIDTH = 230, 270
# The right-hand panels each page has use for; the others step aside so the page keeps the
# room (the rich picture has its own palette, tables need their width). Panels → reopens any.
RIGHT_PANELS = {"inspector", "loops", "analysis", "root_definitions", "history"}
PAGE_PANELS = {
    "overlay": RIGHT_PANELS, "side_by_side": {"loops", "analysis", "root_definitions"},
    "conceptual_model": {"root_definitions", "history"}, "catwoe": {"root_definitions"},
}


# Said in the language chosen, not the one spoken now.
NEXT_START = {"en": "SSM Studio will speak English from the next time it starts.",
              "cy": "Bydd SSM Studio yn siarad Cymraeg o'r tro nesaf y bydd yn dechrau."}


class MainWindow(WindowRoom, WindowTables, WindowFiles, QMainWindow):
    def __init__(self, session: DocumentSession | None, preferences: Preferences | None = None) -> None:
        """With ``session`` None the window is only its frame (menus, toolbar, empty panels)
        until ``finish_start`` and ``set_session``: the app shows that first."""
        super().__init__()
        # What is remembered between runs; by default for this run only (tests, screenshots).
        # Dialogs are handed this one object (window.preferences), never a QSettings of their own.
        self.preferences = preferences if preferences is not None else Preferences()
        self.style_ = CanvasStyle()
        self.setWindowTitle("SSM Studio")
        self.setAccessibleName("SSM Studio")
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.stack = QStackedWidget()
        self.stack.setMinimumSize(320, 240)
        self.setCentralWidget(self.stack)
        self.pages: dict[str, Page] = {}
        self.presentation = None  # a storyline being presented (presenting.py)
        self.room_link = None  # the workshop room this window hosts or has joined (room_link.py)
        self.host_dialog = None
        self.room_dock = None  # the workshop room's panel, made when a room first opens
        self.room_panel = None
        self._room_name = "Participant"  # how this window is listed in a room (asked when joining)
        self.room_draft = None  # this window's private draft in the room (room/draft.py)
        self._whole_room = None  # the room's document, set aside while seated at a table
        self.page_key = "overlay"
        self.last_refusal = ""
        self._scale_before_contrast = 1.0
        self._focused_once = False
        self._docks: dict[str, QDockWidget] = {}
        self.undo_action = QAction("&Undo", self)
        self.redo_action = QAction("&Redo", self)
        self.undo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        self.redo_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        self.addAction(self.undo_action)
        self.addAction(self.redo_action)
        self.actions_ = build_actions(self)
        self._make_docks()
        build_menus(self, self.actions_)
        for dock in self._docks.values():
            self.docks_menu.addAction(dock.toggleViewAction())
        self.session = None
        self.session_closed = False  # the window has closed its project for good
        if session is not None:
            self.finish_start()
            self.set_session(session)
        else:
            for action in self.actions_.values():
                action.setEnabled(action.menu() is None and action in (self.actions_["quit"],))
        self._restore_settings()
        self.statusBar().showMessage("Ready" if session is not None else "Opening…", 3000)

    def finish_start(self) -> None:
        """What can wait until the window is on screen: the icon font."""
        apply_icons(self)

    # Docks ------------------------------------------------------------------------------
    def _dock(self, key: str, title: str, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setAccessibleName(title)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(area, dock)
        self._docks[key] = dock
        return dock

    def _make_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self._dock("navigator", "Navigator", left)
        self._dock("perspectives", "Perspectives", left)
        for key, title in (("inspector", "Inspector"), ("loops", "Loops"), ("analysis", "Analysis"),
                           ("root_definitions", "Root definition"), ("history", "History"),
                           ("storyline", "Storyline")):
            self._dock(key, title, right)
        for key in ("loops", "analysis", "root_definitions", "history", "storyline"):
            self.tabifyDockWidget(self._docks["inspector"], self._docks[key])
        # Opened when wanted (View → Panels, or Present → Storyline Panel), then kept on every
        # page: a storyline gathers steps from all of them.
        self._docks["storyline"].hide()
        self._docks["loops"].raise_()
        self.resizeDocks([self._docks["navigator"], self._docks["loops"]], [LEFT_WIDTH, RIGHT_WIDTH],
                         Qt.Orientation.Horizontal)

    # The document -------------------------------------------------------------------------
    def set_session(self, session: DocumentSession) -> None:
        if self.presentation is not None:  # another project: the presentation of this one ends
            self.presentation.stop()
        # The last project's objects may now be collected; the new one's are built with the
        # collector paused and then kept out of its walks (gc_pause.keep_long_lived): on a
        # 5,000-variable project each full collection walked 100,000 objects for 0.35 s.
        release_long_lived()
        with gc_paused():
            self._set_session(session)
        keep_long_lived()

    def _set_session(self, session: DocumentSession) -> None:
        from .docks.analysis import AnalysisPanel
        from .docks.inspector import Inspector
        from .docks.loops import LoopsPanel
        from .docks.navigator import Navigator
        from .docks.perspectives import PerspectivesPanel
        from .docks.root_definitions import RootDefinitionEditor
        from .docks.storyline_panel import StorylinePanel

        for action in self.actions_.values():
            action.setEnabled(True)
        old = self.session
        if old is not None:
            self.close_pages()
            old.close()
            old.deleteLater()
        self.session = session
        session.setParent(self)
        self.layers = LayerState(self)
        self._make_pages(session)
        self.perspectives = PerspectivesPanel(session, self.layers)
        self.loops = LoopsPanel(self.scene, session, self.layers)
        self.inspector = Inspector(session)
        self.navigator = Navigator(session)
        self.navigator.chosen.connect(self._navigate)
        self.root_definitions = RootDefinitionEditor(session)
        self.analysis = AnalysisPanel(session, lambda: self.scene.visible_perspectives())
        self.storyline_panel = StorylinePanel(self, session)
        self.layers.active_changed.connect(lambda pid: self.root_definitions.show_perspective(pid))
        history = QUndoView(session.undo_stack)
        history.setAccessibleName("Undo history")
        history.setEmptyLabel("Opened")
        for key, widget in (("navigator", self.navigator), ("perspectives", self.perspectives),
                            ("loops", self.loops), ("inspector", self.inspector), ("history", history),
                            ("root_definitions", self.root_definitions), ("analysis", self.analysis),
                            ("storyline", self.storyline_panel)):
            old_widget = self._docks[key].widget()
            self._docks[key].setWidget(widget)
            if old_widget is not None:
                old_widget.deleteLater()
        self.scene.selectionChanged.connect(self._selection_changed)
        session.dirty_changed.connect(self._update_title)
        session.path_changed.connect(self._update_title)
        session.touched.connect(self._after_edit)
        session.refused.connect(self.refuse)
        session.problem.connect(self.refuse)
        session.undo_stack.indexChanged.connect(self._keep_an_active_perspective)
        self._bind_undo(session)
        self.layers.know([p.id for p in session.document.project.perspectives])
        self._keep_an_active_perspective()
        self._update_title()
        self.show_page(self._first_page(session))
        if self.isVisible():
            self._focused_once = True
            (self.page.view or self.stack).setFocus()
        QTimer.singleShot(0, lambda: self.run_command("fit"))
        if session.warnings:
            QMessageBox.warning(self, "Opened with warnings", "\n".join(session.warnings[:10]))

    def _make_pages(self, session: DocumentSession) -> None:
        from ..bundled import examples
        from .pages.causal import CausalPage
        from .pages.conceptual_model import ConceptualModelPage
        from .pages.journey_page import JourneyPage
        from .pages.rich_picture import RichPicturePage
        from .pages.side_by_side import SideBySidePage
        from .pages.spotlight_page import SpotlightPage
        from .pages.stage_tables import ActionsTable, ComparisonTable
        from .pages.tables import CatwoeMatrix, TablePage
        from .pages.welcome import WelcomePage

        while self.stack.count():  # the last document's pages, closed already: let them go
            widget = self.stack.widget(0)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        welcome = WelcomePage(lambda: (self.recent_files(), [(str(e.path), e.title) for e in examples()]))
        welcome.welcome.open_path.connect(self.file_open)
        welcome.welcome.open_example.connect(self.open_example)
        welcome.welcome.add_perspective.connect(lambda: self.perspectives.add())
        welcome.welcome.start_drawing.connect(lambda: self.show_page("rich_picture"))
        causal = CausalPage(session, self.layers, self.style_)
        journey_page = JourneyPage(session, lambda: causal.scene)
        comparison, actions, matrix = ComparisonTable(session), ActionsTable(session), CatwoeMatrix(session)
        pages = [
            welcome, RichPicturePage(session, self.layers), causal,
            SideBySidePage(session, self.layers, self.style_), ConceptualModelPage(session, self.style_),
            TablePage("catwoe", "CATWOE matrix", matrix, matrix, matrix.close_document),
            TablePage("comparison", "Comparison (stage 5)", comparison, comparison.table,
                      comparison.close_document, export="comparison"),
            TablePage("actions", "Actions (stages 6–7)", actions, actions.table, actions.close_document,
                      export="actions"),
            SpotlightPage(session, self._overlay_selection),
            journey_page,
        ]
        keys = list(PAGES)
        self.pages = {}
        for key, page in zip(keys, pages, strict=True):
            self.pages[key] = page
            self.stack.addWidget(page.widget)
            page.widget.setAccessibleName(page.title)
            for canvas in page.canvases():
                canvas.message.connect(self.say)
                canvas.tool_changed.connect(self._tool_changed)
            page.view_changed.connect(lambda p=page: self._update_actions() if p is self.page else None)
        self.comparison, self.actions_table, self.catwoe = comparison, actions, matrix
        journeys = journey_page.panel
        causal.scene.loop_highlighted.connect(journeys.overlay_loop_highlighted)
        causal.scene.loops_changed.connect(lambda _: journeys.loops_changed())

    def _overlay_selection(self) -> tuple[set[str], set[str]]:
        """The variables and claims selected on the overlay (evidence links to them)."""
        from ..render.cld_items import LinkItem, VariableItem

        items = self.scene.selectedItems() if "overlay" in self.pages else []
        return ({i.variable_id for i in items if isinstance(i, VariableItem)},
                {i.link_id for i in items if isinstance(i, LinkItem)})

    def _first_page(self, session: DocumentSession) -> str:
        project = session.document.project
        empty = not (project.perspectives or project.cld.variables or project.rich_picture.items)
        return "welcome" if empty else "overlay"

    def close_pages(self) -> None:
        # Panels first: they listen to the pages' scenes, which close next.
        for panel in ("navigator", "perspectives", "root_definitions", "inspector", "loops", "analysis",
                      "storyline_panel"):
            widget = getattr(self, panel, None)
            if widget is not None:
                widget.close_document()
        for page in self.pages.values():
            page.close()

    # Compatibility names: the overlay's scene, editor and view; the other pages' panels.
    @property
    def scene(self):
        return self.pages["overlay"].scene

    @property
    def editor(self):
        return self.pages["overlay"].editor

    @property
    def view(self):
        return self.pages["overlay"].view

    def journey_scene(self):
        return self.pages["journeys"].scene

    @property
    def pictures(self):
        return self.pages["rich_picture"].panel

    @property
    def models(self):
        return self.pages["conceptual_model"].panel

    @property
    def side(self):
        return self.pages["side_by_side"].side

    @property
    def page(self) -> Page:
        return self.pages[self.page_key]

    @property
    def mode(self) -> str:
        return {v: k for k, v in MODES.items() if k != "cld"}.get(self.page_key, self.page_key)

    # Pages and commands -------------------------------------------------------------------
    def show_page(self, key: str) -> None:
        key = MODES.get(key, key)
        if self.pages.get(self.page_key) is not None and self.page_key != key:
            self.pages[self.page_key].deactivate()
        self.page_key = key
        page = self.pages[key]
        self._arrange_panels(key)
        self.stack.setCurrentWidget(page.widget)
        page.activate()
        self.actions_[key].setChecked(True)
        self._update_actions()
        if page.view is not None:
            page.view.setFocus()

    def _arrange_panels(self, key: str) -> None:
        if self.presentation is not None:  # the room sees the page alone
            return
        wanted = PAGE_PANELS.get(key, set())
        for name in RIGHT_PANELS:
            self._docks[name].setVisible(name in wanted)
        shown = [name for name in ("loops", "root_definitions", "inspector", "history") if name in wanted]
        if shown:
            self._docks[shown[0]].raise_()

    def set_mode(self, mode: str) -> None:
        self.show_page(mode)

    def run_command(self, command: str, *args):
        result = self.page.run(command, *args)
        self._update_actions()
        return result

    def _update_actions(self) -> None:
        page = self.page
        for key, (command, *args) in PAGE_COMMANDS.items():
            self.actions_[key].setEnabled(page.can(command, *args))
        names = page.tool_names()
        for key, word in TOOL_WORDS.items():
            tool = key.removeprefix("tool_")
            name = names.get(tool) or tr("MainWindow", word)
            action = self.actions_[key]
            action.setIconText(name)
            action.setToolTip(f"{name} tool ({TOOL_KEYS[key]})")
            action.setVisible(tool in COMMON_TOOLS or tool in names)
        view = page.view
        if view is not None:
            self.actions_[f"tool_{view.tool.key}"].setChecked(True)
        self.actions_["export_diagram"].setEnabled(page.supports("export_diagram"))

    def _tool_changed(self, tool: str) -> None:
        action = self.actions_.get(f"tool_{tool}")
        if action is not None:
            action.setChecked(True)

    def _bind_undo(self, session: DocumentSession) -> None:
        """The window's own Undo and Redo actions follow the current document's stack (the
        stack's ready-made actions die with it when another project is opened)."""
        stack = session.undo_stack
        for action, go in ((self.undo_action, stack.undo), (self.redo_action, stack.redo)):
            try:
                action.triggered.disconnect()
            except (RuntimeError, TypeError):
                pass
            action.triggered.connect(go)
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        # Bound methods, not lambdas: Qt drops them when the window goes, before the stack.
        stack.undoTextChanged.connect(self._undo_text)
        stack.redoTextChanged.connect(self._redo_text)
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self._name_undo(self.undo_action, "Undo", stack.undoText())
        self._name_undo(self.redo_action, "Redo", stack.redoText())

    def _undo_text(self, text: str) -> None:
        self._name_undo(self.undo_action, "Undo", text)

    def _redo_text(self, text: str) -> None:
        self._name_undo(self.redo_action, "Redo", text)

    @staticmethod
    def _name_undo(action: QAction, verb: str, what: str) -> None:
        action.setText(f"&{verb} {what}".rstrip())
        action.setToolTip(f"{verb} {what}".rstrip())

    def _after_edit(self, events, by_undo: bool) -> None:
        if by_undo:  # select what the undo or redo changed, so the user sees it
            ids = {e.id for e in events if e.id and e.path in (("cld", "variables"), ("cld", "links"))}
            if ids:
                self.editor.select(ids)
        self.view.place_handle()

    def _keep_an_active_perspective(self, *_) -> None:
        """Claims need an owner: when the active perspective is gone (removed, or undone
        away), the first listed becomes active; this is a starting point, not a default."""
        project = self.session.document.project
        self.layers.know([p.id for p in project.perspectives])
        if project.perspectives and project.perspective(self.layers.active or "") is None:
            self.layers.set_active(project.perspectives[0].id)

    def _update_title(self, *_) -> None:
        if self.session is None:
            return
        self.setWindowModified(self.session.dirty)
        self.setWindowTitle(f"{self.session.title}[*] — SSM Studio")

    def _selection_changed(self) -> None:
        try:
            self.inspector.show_items(self.scene.selectedItems())
        except RuntimeError:
            pass

    def say(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, 6000)

    def refuse(self, reason: str) -> None:
        """An edit was not made (or autosave failed): say why where the eye already is,
        long enough to read, without a dialog that would break the user's typing."""
        self.last_refusal = reason
        self.statusBar().showMessage(f"Not done: {reason}", 12_000)
        QApplication.beep()

    def _navigate(self, what: str, ident) -> None:
        if what == "perspective":
            self.perspectives.select(ident)
            self.perspectives.make_active(ident)
            self._show_dock("root_definitions")
        elif what == "root-definition":
            rd = next(r for r in self.session.document.project.root_definitions if r.id == ident)
            self.root_definitions.show_perspective(rd.perspective, rd.id)
            self._show_dock("root_definitions")
        elif what == "perspectives":
            self._show_dock("root_definitions")
        elif what == "conceptual-model":
            self.show_page("conceptual_model")
            if ident:
                self.models.select_model(ident)
                self.comparison.model_chooser.setCurrentIndex(self.comparison.model_chooser.findData(ident))
        else:
            self.show_page({"cld": "overlay", "situation": "rich_picture", "compare": "side_by_side",
                            "comparison": "comparison", "actions": "actions", "catwoe": "catwoe"}[what])

    def _show_dock(self, key: str) -> None:
        self._docks[key].show()
        self._docks[key].raise_()

    # Presentation ---------------------------------------------------------------------------
    def fit_current(self) -> None:
        self.run_command("fit")

    def toggle_high_contrast(self) -> None:
        """The projector style: heavy lines, strong colours and text at least 1.4 times
        larger; turning it off gives back the text size the user had before."""
        on = self.actions_["high_contrast"].isChecked()
        if on:
            self._scale_before_contrast = self.style_.text_scale
            self._apply_style(high_contrast(max(self.style_.text_scale, 1.4)))
        else:
            enlarged = max(self._scale_before_contrast, 1.4)
            # Text resized while in contrast keeps that change, relative to the enlargement.
            scale = self._scale_before_contrast * self.style_.text_scale / enlarged
            self._apply_style(CanvasStyle(text_scale=scale))

    def scale_text(self, factor: float) -> None:
        # A new style, never the old one changed in place: items size themselves from their
        # style, and each must be told (prepareGeometryChange) before its size changes.
        scale = max(0.6, min(4.0, self.style_.text_scale * factor))
        self._apply_style(dataclasses.replace(self.style_, text_scale=scale))

    def _apply_style(self, style: CanvasStyle) -> None:
        """The canvas text and colours change; the window's own widgets keep their size, so
        the window never grows past the screen."""
        self.style_ = style
        for page in self.pages.values():
            page.apply_style(style)
        self.preferences.remember_text_scale(style.text_scale)

    def cycle_active(self, step: int) -> None:
        ids = [p.id for p in self.session.document.project.perspectives]
        if not ids:
            return
        current = ids.index(self.layers.active) if self.layers.active in ids else -1
        chosen = ids[(current + step) % len(ids)]
        self.perspectives.make_active(chosen)
        self.say(f"Active perspective: {self.session.document.project.perspective(chosen).name}")

    def show_all_layers(self) -> None:
        self.layers.set_solo(None)
        self.layers.show_only({p.id for p in self.session.document.project.perspectives})

    def toggle_snap(self) -> None:
        self.scene.set_snap(self.actions_["snap"].isChecked())

    def toggle_evidence_gaps(self) -> None:
        self.scene.show_evidence_gaps(self.actions_["evidence_gaps"].isChecked())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._focused_once and self.pages:  # start on the canvas, not a dock's tab
            self._focused_once = True
            view = self.page.view
            (view or self.stack).setFocus()

    # Help ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        ShortcutsDialog(self, self.actions_.values()).exec()

    def choose_language(self, language: str) -> None:
        """Help → Language: kept, and spoken from the next start (every window is made in it)."""
        self.preferences.remember_language(language)
        self.say(NEXT_START.get(language, NEXT_START["en"]))

    def show_about(self) -> None:
        from .about import about_html

        QMessageBox.about(self, "About SSM Studio", about_html())
