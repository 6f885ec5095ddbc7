"""Autosave and crash recovery: copies of unsaved work in a folder the caller chooses.

The app passes its data folder; tests pass a temporary one. Each editing session writes
under its own key; a clean close discards it, so whatever remains after a crash is what
the next start offers to restore.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from ..model import Project
from .atomic import save_project, write_bytes_atomically
from .container import LoadedProject, read_project

_KEY = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


@dataclass(frozen=True)
class RecoveryEntry:
    key: str
    path: Path
    original: str | None  # where the user's own file lives, if it had been saved
    title: str
    saved_at: str


class RecoveryStore:
    def __init__(self, folder: str | Path) -> None:
        self.folder = Path(folder)

    def _paths(self, key: str) -> tuple[Path, Path]:
        if not _KEY.match(key):
            raise ValueError(f"not a recovery key: {key!r}")
        return self.folder / f"{key}.ssm", self.folder / f"{key}.json"

    def write(self, key: str, project: Project, media: dict[str, bytes],
              original: str | Path | None) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        data_path, meta_path = self._paths(key)
        save_project(data_path, project, media, keep_backup=False)
        meta = {
            "original": str(original) if original else None,
            "title": project.metadata.title,
            "saved_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        write_bytes_atomically(meta_path, json.dumps(meta).encode(), keep_backup=False)
        return data_path

    def entries(self) -> list[RecoveryEntry]:
        if not self.folder.is_dir():
            return []
        found = []
        for meta_path in self.folder.glob("*.json"):
            data_path = meta_path.with_suffix(".ssm")
            if not data_path.is_file() or not _KEY.match(meta_path.stem):
                continue
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
                found.append(RecoveryEntry(
                    key=meta_path.stem, path=data_path, original=meta.get("original"),
                    title=str(meta.get("title", "")), saved_at=str(meta.get("saved_at", "")),
                ))
            except (OSError, ValueError, AttributeError):
                continue  # a damaged note: its copy is still there for a person to find
        return sorted(found, key=lambda e: e.saved_at, reverse=True)

    def load(self, entry: RecoveryEntry) -> LoadedProject:
        return read_project(entry.path)

    def discard(self, key: str) -> None:
        for path in self._paths(key):
            try:
                path.unlink()
            except FileNotFoundError:
                pass
