"""Open whatever the user gives us: our own .ssm project, or a foreign file we import."""

from __future__ import annotations

from pathlib import Path

from ..storage import LoadedProject, read_project


def open_any(path: str | Path, perspective: str | None = None) -> LoadedProject:
    """Open a .ssm project, or import a file of a format we read (as a new, unsaved project)."""
    from ..interop.formats import import_file

    path = Path(path)
    if path.suffix.lower() in ("", ".ssm", ".zip"):
        return read_project(path)
    return LoadedProject(import_file(path, perspective=perspective).project)
