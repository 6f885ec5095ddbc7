"""One open document: its undo stack, file path, unsaved state, autosave and recovery."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from ..edits import ChangeEvent, Document, Edit
from ..edits.refusal import build
from ..errors import SaveError, SsmError
from ..model import Project
from ..storage import RecoveryStore, save_project
from ..workspace.loop_tracker import LoopTracker
from ..workspace.opening import open_any
from .places import recovery_folder
from .undo import EditCommand

AUTOSAVE_MS = 60_000


class DocumentSession(QObject):
    dirty_changed = Signal(bool)
    path_changed = Signal(object)
    touched = Signal(object, bool)  # events, by undo
    refused = Signal(str)  # why an edit was not made, for the status bar
    problem = Signal(str)  # a failure the user must hear of once (autosave could not write)

    def __init__(self, document: Document | None = None, path: Path | None = None,
                 recovery: RecoveryStore | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document or Document(Project())
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.loops = LoopTracker(self.document)
        self.undo_stack.cleanChanged.connect(self._clean_changed)
        self.recovery = recovery or RecoveryStore(recovery_folder())
        self.recovery_key = uuid.uuid4().hex
        # Held while this session lives: a recovery copy whose lock can be taken again
        # belongs to a session that crashed, not to another running window.
        self._lock: QLockFile | None = None
        try:
            self.recovery.folder.mkdir(parents=True, exist_ok=True)
            self._lock = QLockFile(str(self.recovery.folder / f"{self.recovery_key}.lock"))
            self._lock.tryLock(0)
        except OSError:
            self._lock = None
        self.warnings: list[str] = []
        self.autosave_failing = False
        self._autosave = QTimer(self)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.autosave)
        self._autosave.start()

    @classmethod
    def open(cls, path: str | Path, recovery: RecoveryStore | None = None) -> DocumentSession:
        """Open a .ssm or import a foreign file; an import has no path until saved."""
        path = Path(path)
        loaded = open_any(path)
        own = path.suffix.lower() == ".ssm"
        session = cls(Document(loaded.project, loaded.media), path if own else None, recovery)
        session.warnings = loaded.warnings
        return session

    def _clean_changed(self, clean: bool) -> None:
        self.dirty_changed.emit(not clean)

    # Editing --------------------------------------------------------------------------------
    def push(self, edit: Edit) -> bool:
        """Apply ``edit`` and put it on the undo stack; False (and a ``refused`` message)
        when the document refuses it, in which case nothing changed and nothing is stacked."""
        try:
            events = self.document.apply(edit)
        except SsmError as error:
            self.refused.emit(str(error))
            return False
        self.undo_stack.push(EditCommand(self.document, edit, self._touched, applied=True,
                                         refused=self.refused.emit))
        self._touched(events, False)
        return True

    def make(self, kind, **fields):
        """A model object from what the user typed, or None (and a ``refused`` message)."""
        try:
            return build(kind, **fields)
        except SsmError as error:
            self.refused.emit(str(error))
            return None

    def attempt(self, make_edit: Callable[[], Edit]) -> bool:
        """Build an edit from what the user gave (which may itself be refused) and push it."""
        try:
            edit = make_edit()
        except SsmError as error:
            self.refused.emit(str(error))
            return False
        return self.push(edit)

    def _touched(self, events: list[ChangeEvent], by_undo: bool) -> None:
        self.touched.emit(events, by_undo)

    @property
    def dirty(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        return self.path.name if self.path else (self.document.project.metadata.title or "Untitled")

    # Saving ---------------------------------------------------------------------------------
    def save(self, path: Path | None = None) -> None:
        """Save (atomically); raises SaveError with a readable message on failure.

        The loop labels shown this session go into the file too, without an undo step:
        saving is not an edit, so it never marks the project changed."""
        target = Path(path or self.path or "")
        if not str(target) or target == Path():
            raise ValueError("no file name to save to")
        save_project(target, self.loops.project_for_saving(), self.document.media)
        self.path = target
        self.undo_stack.setClean()
        self.path_changed.emit(target)
        self.recovery.discard(self.recovery_key)

    def autosave(self) -> None:
        """Keep a recovery copy of unsaved work. A failure is said once (not every minute)
        and never interrupts work; it is said again only after autosave has worked since."""
        if not self.dirty:
            return
        try:
            self.recovery.write(self.recovery_key, self.document.project, self.document.media,
                                self.path)
        except SaveError as error:
            self._report_autosave_failure(error.reason)
        except (OSError, SsmError) as error:
            self._report_autosave_failure(str(error))
        else:
            self.autosave_failing = False

    def _report_autosave_failure(self, reason: str) -> None:
        if not self.autosave_failing:
            self.autosave_failing = True
            self.problem.emit(f"Autosave could not keep a recovery copy ({reason}). Your work is "
                              "still open: save it with Ctrl+S.")

    def close(self) -> None:
        """A clean close: no recovery copy is left to offer."""
        self._autosave.stop()
        self.loops.close()
        self.recovery.discard(self.recovery_key)
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    def abandon(self) -> None:
        """Tests: behave as a crash would, leaving the recovery copy and a dead lock."""
        self._autosave.stop()
        self.loops.close()
        self._lock = None
