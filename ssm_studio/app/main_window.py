"""The main window: one document at a time, its canvas, panels, menus and files."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QUndoView,
)

from .. import __version__
from ..errors import SsmError
from ..render.cld_scene import CldScene
from ..render.layers import LayerState
from ..render.style import CanvasStyle, high_contrast
from .cld_editor import CldEditor
from .cld_view import CldView
from .cm_panel import ConceptualModelPanel
from .inspector import Inspector
from .loops_panel import LoopsPanel
from .navigator import Navigator
from .perspectives_panel import PerspectivesPanel
from .root_definitions import CatwoeMatrix, RootDefinitionEditor
from .rp_panel import RichPicturePanel
from .session import DocumentSession
from .side_by_side import SideBySide
from .stage_tables import ActionsTable, ComparisonTable
from .window_actions import build_actions, build_menus

FILE_FILTER = "SSM Studio projects (*.ssm);;CSV link lists (*.csv);;All files (*)"
MAX_RECENT = 8


class MainWindow(QMainWindow):
    def __init__(self, session: DocumentSession, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings  # None: nothing is remembered (tests, screenshots)
        self.style_ = CanvasStyle()
        self.mode = "overlay"
        self.setWindowTitle("SSM Studio")
        self.setAccessibleName("SSM Studio")
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.session: DocumentSession | None = None
        self._docks: dict[str, QDockWidget] = {}
        self.undo_action, self.redo_action = QAction("&Undo", self), QAction("&Redo", self)
        self.actions_ = build_actions(self)
        self._make_docks()
        build_menus(self, self.actions_)
        for dock in self._docks.values():
            self.docks_menu.addAction(dock.toggleViewAction())
        self.set_session(session)
        self._restore_settings()
        self.last_refusal = ""
        self.statusBar().showMessage("Ready", 3000)

    # Docks ------------------------------------------------------------------------------
    def _dock(self, key: str, title: str, area) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{key}")
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        self._docks[key] = dock
        return dock

    def _make_docks(self) -> None:
        left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self._dock("navigator", "Navigator", left)
        self._dock("perspectives", "Perspectives", left)
        self._dock("loops", "Loops", right)
        self._dock("inspector", "Inspector", right)
        self._dock("history", "Undo history", right)
        self._dock("root_definitions", "Root definitions", right)
        self._dock("catwoe", "CATWOE matrix", Qt.DockWidgetArea.BottomDockWidgetArea)
        self._dock("comparison", "Comparison (stage 5)", Qt.DockWidgetArea.BottomDockWidgetArea)
        self._dock("actions", "Actions and accommodation", Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self._docks["catwoe"], self._docks["comparison"])
        self.tabifyDockWidget(self._docks["catwoe"], self._docks["actions"])
        self.tabifyDockWidget(self._docks["inspector"], self._docks["history"])
        self.tabifyDockWidget(self._docks["inspector"], self._docks["root_definitions"])
        for key in ("catwoe", "comparison", "actions"):
            self._docks[key].hide()
        self._docks["inspector"].raise_()

    # The document -------------------------------------------------------------------------
    def set_session(self, session: DocumentSession) -> None:
        old = self.session
        if old is not None:
            self.scene.close()
            self.scene.deleteLater()
            self.side.clear()
            self.models.close_scene()
            self.pictures.close_scene()
            old.close()
            old.deleteLater()
        self.session = session
        session.setParent(self)
        self.layers = LayerState(self)
        self.scene = CldScene(session.document, self.layers, self.style_, tracker=session.loops,
                              asynchronous=True)
        self.scene.setParent(self)  # destroyed with the window, never after the application
        self.scene.push = session.push
        self.editor = CldEditor(self.scene, session, self.layers)
        self.view = CldView(self.scene, self.editor)
        self.view.message.connect(self.say)
        self.view.tool_changed.connect(self._tool_changed)
        self.side = SideBySide(session, self.layers, self.style_)
        while self.stack.count():
            self.stack.removeWidget(self.stack.widget(0))
        self.models = ConceptualModelPanel(session, self.style_)
        self.pictures = RichPicturePanel(session, self.layers)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.side)
        self.stack.addWidget(self.models)
        self.stack.addWidget(self.pictures)
        self.perspectives = PerspectivesPanel(session, self.layers)
        self.loops = LoopsPanel(self.scene, session)
        self.inspector = Inspector(session)
        self.navigator = Navigator(session)
        self.navigator.chosen.connect(self._navigate)
        self.root_definitions = RootDefinitionEditor(session)
        self.catwoe = CatwoeMatrix(session)
        self.comparison = ComparisonTable(session)
        self.actions_table = ActionsTable(session)
        self.layers.active_changed.connect(lambda pid: self.root_definitions.show_perspective(pid))
        history = QUndoView(session.undo_stack)
        history.setAccessibleName("Undo history")
        history.setEmptyLabel("Opened")
        for key, widget in (("navigator", self.navigator), ("perspectives", self.perspectives),
                            ("loops", self.loops), ("inspector", self.inspector), ("history", history),
                            ("root_definitions", self.root_definitions), ("catwoe", self.catwoe),
                            ("comparison", self.comparison), ("actions", self.actions_table)):
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
        self._replace_undo_actions(session)
        self.layers.know([p.id for p in session.document.project.perspectives])
        if session.document.project.perspectives:
            # Claims need an owner; the first listed is only a starting point, not a default:
            # the panel shows which one is active and any other is a double-click away.
            self.layers.set_active(session.document.project.perspectives[0].id)
        self.set_mode("overlay")
        self._update_title()
        QTimer.singleShot(0, self.fit_current)
        if session.warnings:
            QMessageBox.warning(self, "Opened with warnings", "\n".join(session.warnings[:10]))

    def _replace_undo_actions(self, session: DocumentSession) -> None:
        menu_actions = self.undo_action, self.redo_action
        undo = session.undo_stack.createUndoAction(self, "&Undo")
        redo = session.undo_stack.createRedoAction(self, "&Redo")
        undo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Undo))
        redo.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
        for old, new in zip(menu_actions, (undo, redo), strict=True):
            for widget in old.associatedObjects():
                if hasattr(widget, "insertAction"):
                    widget.insertAction(old, new)
                    widget.removeAction(old)
            self.removeAction(old)
            self.addAction(new)
        self.undo_action, self.redo_action = undo, redo

    def _after_edit(self, events, by_undo: bool) -> None:
        if by_undo:  # select what the undo or redo changed, so the user sees it
            ids = {e.id for e in events if e.id and e.path in (("cld", "variables"), ("cld", "links"))}
            if ids:
                self.editor.select(ids)
        self.view._place_handle()

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

    def _tool_changed(self, tool: str) -> None:
        self.actions_[f"tool_{tool}"].setChecked(True)
        hints = {"select": "Select: drag to move, double-click to add or rename",
                 "variable": "Click on the canvas to add a variable",
                 "link": "Drag from a cause to its effect; the claim goes to the active perspective"}
        self.say(hints[tool])

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
        elif what == "root-definition":
            rd = next(r for r in self.session.document.project.root_definitions if r.id == ident)
            self.root_definitions.show_perspective(rd.perspective, rd.id)
            self._docks["root_definitions"].show()
            self._docks["root_definitions"].raise_()
        elif what == "compare":
            self._docks["catwoe"].show()
            self.set_mode("side-by-side")
            return
        elif what == "cld":
            self.set_mode("overlay")
        elif what == "situation":
            self.set_mode("rich-picture")
        elif what == "conceptual-model":
            self.set_mode("conceptual-model")
            self.models.select_model(ident)
            self.comparison.model_chooser.setCurrentIndex(self.comparison.model_chooser.findData(ident))
            self._docks["comparison"].show()
        elif what == "actions":
            self._docks["actions"].show()
            self._docks["actions"].raise_()

    # Modes and presentation ---------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        if mode == "side-by-side":
            chosen = [p.id for p in self.session.document.project.perspectives if self.layers.is_visible(p.id)]
            self.side.show_perspectives(chosen)
            self.stack.setCurrentWidget(self.side)
            self.actions_["side_by_side"].setChecked(True)
        elif mode == "rich-picture":
            self.side.clear()
            self.stack.setCurrentWidget(self.pictures)
            self.actions_["rich_picture"].setChecked(True)
        elif mode == "conceptual-model":
            self.side.clear()
            if self.models.current is None and self.models.chooser.count():
                self.models.show_model(self.models.chooser.itemData(0))
            self.stack.setCurrentWidget(self.models)
            self.actions_["conceptual_model"].setChecked(True)
        else:
            self.side.clear()
            self.stack.setCurrentWidget(self.view)
            self.actions_["overlay"].setChecked(True)

    def fit_current(self) -> None:
        if self.mode == "rich-picture":
            self.pictures.view.fit()
            return
        if self.mode == "conceptual-model":
            if self.models.view is not None:
                self.models.view.fit()
            return
        (self.side.fit if self.mode == "side-by-side" else self.view.fit)()

    def toggle_high_contrast(self) -> None:
        on = self.actions_["high_contrast"].isChecked()
        scale = self.style_.text_scale
        self._apply_style(high_contrast(max(scale, 1.4)) if on else CanvasStyle(text_scale=scale))

    def scale_text(self, factor: float) -> None:
        # A new style, never the old one changed in place: items size themselves from their
        # style, and each must be told (prepareGeometryChange) before its size changes.
        scale = max(0.6, min(4.0, self.style_.text_scale * factor))
        self._apply_style(dataclasses.replace(self.style_, text_scale=scale))

    def _apply_style(self, style: CanvasStyle) -> None:
        self.style_ = style
        self.scene.style = style
        for item in list(self.scene.variable_items.values()) + list(self.scene.link_items.values()):
            item.style = style
        for item in self.scene.variable_items.values():
            item.set_name(item.name)
        for item in self.scene.loop_items.values():
            item.set_style(style)
        self.scene.setBackgroundBrush(QColor(style.background))
        for link in self.scene.link_items.values():
            self.scene._style_link(link, self.scene._link(link.link_id))
        if self.scene.report is not None:
            self.scene.show_report(self.scene.report)  # loop labels in the new style
        font = self.font()
        font.setPointSizeF(max(9.0, 10.0 * style.text_scale))
        self.setFont(font)
        if self.mode == "side-by-side":
            self.set_mode("side-by-side")
        if self.settings is not None:
            self.settings.setValue("view/text_scale", style.text_scale)

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

    # Files --------------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; False means the user cancelled."""
        if self.session is None or not self.session.dirty:
            return True
        answer = QMessageBox.question(
            self, "Unsaved changes", f"Save the changes to '{self.session.title}' before closing?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save)
        if answer == QMessageBox.StandardButton.Save:
            return self.file_save()
        return answer == QMessageBox.StandardButton.Discard

    def file_new(self) -> None:
        if self.maybe_save():
            self.set_session(DocumentSession(recovery=self.session.recovery))

    def file_open(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Open project", self._last_folder(), FILE_FILTER)
            if not path:
                return False
        if not self.maybe_save():
            return False
        try:
            session = DocumentSession.open(path, recovery=self.session.recovery)
        except SsmError as error:
            QMessageBox.critical(self, "Cannot open", str(error))
            return False
        self.set_session(session)
        self._remember(Path(path))
        return True

    def file_save(self) -> bool:
        if self.session.path is None:
            return self.file_save_as()
        return self._save_to(self.session.path)

    def file_save_as(self, path: str | None = None) -> bool:
        if not path:
            suggested = str(Path(self._last_folder()) / f"{self.session.title.removesuffix('.ssm')}.ssm")
            path, _ = QFileDialog.getSaveFileName(self, "Save project", suggested, "SSM Studio projects (*.ssm)")
            if not path:
                return False
        if not path.lower().endswith(".ssm"):
            path += ".ssm"
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        try:
            self.session.save(path)
        except SsmError as error:
            QMessageBox.critical(self, "Not saved", str(error))
            return False
        self._remember(path)
        self.say(f"Saved {path.name}")
        return True

    def file_close(self) -> None:
        self.file_new()

    def export_pack(self) -> bool:
        from .export_dialogs import export_pack

        return export_pack(self)

    def export_diagram(self) -> bool:
        from .export_dialogs import export_diagram

        return export_diagram(self)

    def export_csv(self, view: str) -> bool:
        from .export_dialogs import export_table_csv

        return export_table_csv(self, view)

    def export_window_picture(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export picture", self._last_folder(), "PNG images (*.png)")
        if path:
            if not self.grab().save(path if path.lower().endswith(".png") else path + ".png"):
                QMessageBox.critical(self, "Not saved", f"Could not write the picture to '{path}'.")

    # Settings and recent files ---------------------------------------------------------------
    def _last_folder(self) -> str:
        if self.session and self.session.path:
            return str(self.session.path.parent)
        return str(Path.home())

    def recent_files(self) -> list[str]:
        if self.settings is None:
            return []
        value = self.settings.value("files/recent", [])
        return [value] if isinstance(value, str) else list(value or [])

    def _remember(self, path: Path) -> None:
        if self.settings is None:
            return
        recent = [str(path.resolve())] + [p for p in self.recent_files() if p != str(path.resolve())]
        self.settings.setValue("files/recent", recent[:MAX_RECENT])
        self.settings.setValue("files/last", str(path.resolve()))
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.file_open(p)).setToolTip(path)
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def _restore_settings(self) -> None:
        self._fill_recent_menu()
        if self.settings is None:
            self.resize(1400, 900)
            return
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        scale = float(self.settings.value("view/text_scale", 1.0))
        if scale != 1.0:
            self.scale_text(scale)

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
        self.scene.close()
        self.session.close()
        event.accept()

    # Help ---------------------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", SHORTCUTS)

    def show_about(self) -> None:
        QMessageBox.about(self, "About SSM Studio",
                          f"SSM Studio {__version__}\nSoft Systems Methodology and causal-loop diagrams "
                          "with parallel stakeholder perspectives.")


SHORTCUTS = """Canvas
  N  new variable        A  add-variable tool     L  link tool      V  select tool
  drag from a variable with the link tool: a claim of the active perspective
  K or Ctrl+L  link the two selected variables (cause first)
  +  −  ?  set polarity of selected links      D  toggle delay mark
  F2  rename     Delete  delete     arrows  nudge (Shift: 1 px)     Esc  cancel
  Space+drag or middle button  pan     wheel  zoom     Ctrl+0  fit
Perspectives
  Ctrl+]  Ctrl+[  next / previous active perspective     Ctrl+Shift+A  show all
  F5 overlay   F6 side by side   F7 high contrast   Ctrl+Shift+= / -  text size"""
