"""The main window's files: open, save, export, recent files and remembered settings."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from ..errors import SsmError
from .preferences import Preferences, Purpose

if TYPE_CHECKING:
    from .session import DocumentSession

    # Type checkers see the window this is mixed into; at run time it is a plain mixin
    # (MainWindow's own QMainWindow base comes after it).
    _Window = QMainWindow
else:
    _Window = object

FILE_FILTER = ("SSM Studio projects (*.ssm);;Files from other tools (*.mdl *.xmile *.stmx *.itmx *.json *.prsm "
               "*.mdx *.loopy *.graphml *.gml *.gexf *.dot *.gv *.csv *.xlsx);;All files (*)")


def fitting_size(window) -> QSize:
    """A first size that fits the screen (a 1366×768 laptop included), never larger."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    available = screen.availableGeometry().size() if screen is not None else QSize(1400, 900)
    return QSize(min(1400, available.width()), min(900, available.height()))


class WindowFiles(_Window):
    """Mixed into MainWindow: everything that reads or writes a file."""

    # What this mixin uses of the window, said once for the type checker.
    session: DocumentSession | None
    session_closed: bool
    preferences: Preferences
    recent_menu: QMenu

    if TYPE_CHECKING:
        def set_session(self, session: DocumentSession) -> None: ...
        def say(self, message: str) -> None: ...
        def scale_text(self, factor: float) -> None: ...
        def close_pages(self) -> None: ...

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
        from .session import DocumentSession

        if self.maybe_save():
            self.set_session(DocumentSession(recovery=self.session.recovery))

    def open_example(self, shipped: str) -> bool:
        """An example opens as the user's own copy (in the documents folder), never the
        installed file."""
        from .places import example_copy

        copy = example_copy(source=Path(shipped))
        if copy is None:
            QMessageBox.critical(self, "Cannot open", "The example could not be copied to your documents folder.")
            return False
        return self.file_open(str(copy))

    def file_open(self, path: str | None = None) -> bool:
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, "Open project", self.last_folder("projects"), FILE_FILTER)
            if not path:
                return False
        if not self.maybe_save():
            return False
        from .session import DocumentSession

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
            suggested = str(Path(self.last_folder("projects")) / f"{self.session.title.removesuffix('.ssm')}.ssm")
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

    def import_files(self, paths: list[str] | None = None, review: bool = True) -> bool:
        from .interop_dialogs import import_files

        return import_files(self, paths, review)

    def import_loopy_link(self, link: str | None = None) -> bool:
        from .interop_dialogs import import_loopy_link

        return import_loopy_link(self, link)

    def merge_perspectives(self, paths: list[str] | None = None, review: bool = True) -> bool:
        from .interop_dialogs import merge_perspectives

        return merge_perspectives(self, paths, review)

    def export_for_tools(self, path: str | None = None, fmt: str | None = None) -> bool:
        from .interop_dialogs import export_for_tools

        return export_for_tools(self, path, fmt)

    def export_window_picture(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export picture", self.last_folder("exports"), "PNG images (*.png)")
        if path:
            self.preferences.remember_folder("exports", path)
            if not self.grab().save(path if path.lower().endswith(".png") else path + ".png"):
                QMessageBox.critical(self, "Not saved", f"Could not write the picture to '{path}'.")

    # Settings and recent files ---------------------------------------------------------------
    def last_folder(self, purpose: Purpose = "projects") -> str:
        """Where a file dialog for ``purpose`` opens (app/preferences.py)."""
        project = self.session.path.parent if self.session and self.session.path else None
        return self.preferences.folder(purpose, project)

    def recent_files(self) -> list[str]:
        return self.preferences.recent_files()

    def _remember(self, path: Path) -> None:
        self.preferences.remember_file(path)
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_files():
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.file_open(p)).setToolTip(path)
        self.recent_menu.setEnabled(bool(self.recent_files()))

    def _restore_settings(self) -> None:
        self._fill_recent_menu()
        geometry, state = self.preferences.window_layout()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(fitting_size(self))
        if state is not None:
            self.restoreState(state)
        scale = self.preferences.text_scale()
        if scale != 1.0:
            self.scale_text(scale)

    def closeEvent(self, event) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.preferences.remember_window_layout(self.saveGeometry(), self.saveState())
        # Torn down once: a second close (a window never shown, closed again by its owner)
        # must not close the pages twice; that crashed Qt.
        if self.session is not None and not self.session_closed:
            self.close_pages()
            self.session.close()
            self.session_closed = True
        event.accept()

