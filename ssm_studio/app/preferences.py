"""Everything the app remembers between runs, in one object the window hands to its dialogs.

Kept behind named, typed methods so no dialog spells a settings key or guesses a value's
type (QSettings gives back a string for a one-item list on some back ends). Without a
store (tests, screenshots) the same object remembers in memory for the run only, so the
code that remembers is the code tests exercise.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from PySide6.QtCore import QByteArray, QSettings

MAX_RECENT = 8

# Where a file dialog opens: the folder last used for that purpose. Exports and imports
# keep their own (a board's papers folder, a downloads folder) apart from the projects.
Purpose = Literal["projects", "imports", "exports"]


class Preferences:
    def __init__(self, store: QSettings | None = None) -> None:
        self._store = store
        self._memory: dict[str, object] = {}

    # The raw store ----------------------------------------------------------------------
    def _get(self, key: str, default=None):
        if self._store is None:
            return self._memory.get(key, default)
        return self._store.value(key, default)

    def _set(self, key: str, value) -> None:
        if self._store is None:
            self._memory[key] = value
        else:
            self._store.setValue(key, value)

    def sync(self) -> None:
        if self._store is not None:
            self._store.sync()

    # Files ------------------------------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = self._get("files/recent", [])
        return [value] if isinstance(value, str) else [str(v) for v in (value or [])]

    def last_file(self) -> str | None:
        value = self._get("files/last")
        return str(value) if value else None

    def remember_file(self, path: Path) -> None:
        """A project opened or saved: first in the recent list, the one to reopen, and its
        folder the one the next Open or Save As starts in."""
        full = str(path.resolve())
        recent = [full] + [p for p in self.recent_files() if p != full]
        self._set("files/recent", recent[:MAX_RECENT])
        self._set("files/last", full)
        self.remember_folder("projects", path)

    def folder(self, purpose: Purpose, fallback: Path | None = None) -> str:
        """Where a dialog for ``purpose`` opens: the folder last used for it if it still
        exists, else the project's own folder, else the projects folder, else home."""
        candidates = [self._get(f"folders/{purpose}"), fallback, self._get("folders/projects")]
        for candidate in candidates:
            if candidate and Path(str(candidate)).is_dir():
                return str(candidate)
        return str(Path.home())

    def remember_folder(self, purpose: Purpose, path: str | Path) -> None:
        """A file chosen for ``purpose``: its folder is where the next such dialog opens."""
        chosen = Path(path)
        self._set(f"folders/{purpose}", str((chosen if chosen.is_dir() else chosen.parent).resolve()))

    # The window ---------------------------------------------------------------------------
    def window_layout(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self._get("window/geometry"), self._get("window/state")

    def remember_window_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        self._set("window/geometry", geometry)
        self._set("window/state", state)

    def text_scale(self) -> float:
        try:
            scale = float(self._get("view/text_scale", 1.0))
        except (TypeError, ValueError):  # a hand-edited or foreign settings file
            return 1.0
        return min(4.0, max(0.6, scale))

    def remember_text_scale(self, scale: float) -> None:
        self._set("view/text_scale", scale)

    def language(self) -> str | None:
        """The interface language chosen in Help → Language (None: not chosen yet)."""
        value = self._get("view/language")
        return str(value) if value else None

    def remember_language(self, language: str) -> None:
        self._set("view/language", language)
