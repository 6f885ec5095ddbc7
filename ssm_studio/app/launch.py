"""Starting the app: the first window, the example project, restoring after a crash."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import (
    QLockFile,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from .. import __version__
from ..bundled import resource_dir
from ..errors import SsmError
from ..render.qt_app import ensure_platform
from .places import example_copy, recovery_folder
from .preferences import Preferences

# The document model, storage and the editing session (pydantic, networkx) are imported inside
# the functions that use them: the window is shown first and the project is opened after.

_NOISE = ("propagateSizeHints",)  # the offscreen platform's harmless complaint


def _quiet_handler(kind: QtMsgType, context, message: str) -> None:
    if not any(noise in message for noise in _NOISE):
        sys.stderr.write(message + "\n")


def application() -> QApplication:
    ensure_platform()
    qInstallMessageHandler(_quiet_handler)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName("SSM Studio")
    app.setApplicationName("SSM Studio")
    app.setApplicationDisplayName("SSM Studio")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.ssmstudio.SsmStudio")  # matches the desktop entry and metainfo
    app.setWindowIcon(QIcon(str(resource_dir("icons") / "ssm-studio.svg")))
    app.aboutToQuit.connect(release_clipboard)
    return app


def release_clipboard() -> None:
    """Hand our clipboard data back to the system as plain text before quitting.

    A QMimeData made in Python and left on the clipboard crashes PySide6 at interpreter exit
    (seen with 6.11 offscreen); plain text survives and still pastes into other programs.
    """
    clipboard = QApplication.clipboard()
    data = clipboard.mimeData()
    if data is not None and data.hasFormat("application/x-ssm-studio-cld+json"):
        text = data.text()
        clipboard.clear()
        if text:
            clipboard.setText(text)


def crashed_copies(store):
    """Recovery copies whose session is gone: its lock can be taken, so nobody holds it."""
    found = []
    for entry in store.entries():
        lock = QLockFile(str(store.folder / f"{entry.key}.lock"))
        if lock.tryLock(0):
            lock.unlock()
            found.append(entry)
    return found


def offer_recovery(store, ask=None):
    """After a crash, offer the newest unsaved work back. ``ask`` replaces the dialog in tests."""
    entries = crashed_copies(store)
    if not entries:
        return None
    entry = entries[0]
    where = f"of '{Path(entry.original).name}'" if entry.original else "of a project never saved"
    question = (f"SSM Studio closed unexpectedly. Unsaved work {where} ('{entry.title}', "
                f"{entry.saved_at}) can be restored. Restore it?")
    if ask is None:
        answer = QMessageBox.question(None, "Restore unsaved work", question,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard)
        restore = answer == QMessageBox.StandardButton.Yes
    else:
        restore = ask(question)
    if not restore:
        for old in entries:
            store.discard(old.key)
            (store.folder / f"{old.key}.lock").unlink(missing_ok=True)
        return None
    try:
        loaded = store.load(entry)
    except SsmError as error:
        QMessageBox.warning(None, "Cannot restore", str(error))
        return None
    from ..edits import Document
    from .session import DocumentSession

    session = DocumentSession(Document(loaded.project, loaded.media),
                              Path(entry.original) if entry.original else None, store)
    # The restored work is unsaved until the user saves it: a stack with no clean state
    # reads as dirty, so the title shows it and closing asks to save.
    session.undo_stack.resetClean()
    session.restored_from = entry.key
    return session


def first_session(files: list[str], preferences: Preferences, store):
    from .session import DocumentSession

    restored = offer_recovery(store)
    if restored is not None:
        store.discard(restored.restored_from)
        return restored
    candidates = list(files)
    if not candidates:
        last = preferences.last_file()
        candidates = [last] if last and Path(last).is_file() else []
    if not candidates:
        copy = example_copy()
        candidates = [str(copy)] if copy is not None else []
    for path in candidates:
        try:
            return DocumentSession.open(path, recovery=store)
        except SsmError as error:
            QMessageBox.critical(None, "Cannot open", str(error))
    return DocumentSession(recovery=store)


def install_error_hook(window) -> None:
    """The last safety net, for the running app only (tests keep pytest-qt's own hook).

    An error a user can cause that some path forgot to catch is said in the status bar, as
    every refused edit is; anything else is a bug: it goes to stderr in full and the user
    is told, in words, that the work is still open and can be saved."""
    import traceback

    def hook(kind, error, trace) -> None:
        if isinstance(error, SsmError):
            window.refuse(str(error))
            return
        from pydantic import ValidationError  # loaded by now: only the model raises it

        from ..edits.refusal import describe_refusal

        if isinstance(error, ValidationError):
            window.refuse(describe_refusal(error))
            return
        traceback.print_exception(kind, error, trace)
        if issubclass(kind, (KeyboardInterrupt, SystemExit)):
            return
        QMessageBox.critical(window, "Something went wrong",
                             f"SSM Studio met an error it did not expect ({kind.__name__}: "
                             f"{str(error)[:200]}). Your work is still open: save it (Ctrl+S), "
                             "and tell us what you were doing.")

    sys.excepthook = hook


def run_app(files: list[str]) -> int:
    """Show the window first, then open the project: the window is on screen as soon as Qt
    can draw it, and a large project loads into a window that is already there."""
    app = application()
    preferences = Preferences(QSettings())  # the one settings store; the window hands it on
    from .i18n import chosen_language, install

    install(chosen_language(preferences.language()))  # before any window: every string is made in it
    from .main_window import MainWindow

    window = MainWindow(None, preferences)  # the frame, menus and panels, with no project yet
    install_error_hook(window)
    window.show()
    if os.environ.get("SSM_STUDIO_REPORT_SHOWN"):  # benchmarks/bench_startup.py reads this
        QTimer.singleShot(0, lambda: print(f"shown {time.perf_counter():.6f}", flush=True))

    def open_first() -> None:
        from ..storage import RecoveryStore

        store = RecoveryStore(recovery_folder())
        store.folder.mkdir(parents=True, exist_ok=True)
        window.finish_start()
        window.set_session(first_session(files, preferences, store))
        if os.environ.get("SSM_STUDIO_REPORT_SHOWN"):  # … and when the project is open and painted
            QTimer.singleShot(0, lambda: (window.repaint(), print(f"ready {time.perf_counter():.6f}", flush=True)))
            _report_answering(window)

    QTimer.singleShot(0, open_first)
    return app.exec()


def _report_answering(window) -> None:
    """For bench_startup: once the loop search's results have reached the window, a key press
    is posted to the canvas; "answering" is printed when the window takes it, so the time
    counts everything the loops' arrival made the window do."""
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QKeyEvent

    class Probe(QObject):
        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_F35:
                print(f"answering {time.perf_counter():.6f}", flush=True)
                window.view.removeEventFilter(self)
                return True
            return False

    probe = Probe(window)

    def post(_report=None) -> None:
        if _report is not None:  # from the signal: once is enough
            window.scene.loops_changed.disconnect(post)
        window.view.installEventFilter(probe)
        QCoreApplication.postEvent(window.view, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_F35,
                                                          Qt.KeyboardModifier.NoModifier))

    if window.scene.report is not None:
        post()
    else:
        window.scene.loops_changed.connect(post)
