"""Foreign formats in and out; ``open_any`` reads whatever the command line is given."""

from __future__ import annotations

from pathlib import Path

from ..storage import LoadedProject, UnsupportedFormatError, read_project
from .csv_links import import_csv
from .errors import ImportProblem


def open_any(path: str | Path, perspective: str | None = None) -> LoadedProject:
    """Open a .ssm project, or import a file of a format we read."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return LoadedProject(import_csv(path, perspective))
    if suffix in ("", ".ssm", ".zip"):
        return read_project(path)
    raise UnsupportedFormatError(
        f"'{path.name}' is a {suffix} file, which SSM Studio cannot open. "
        "It opens .ssm projects and imports .csv link lists."
    )


__all__ = ["ImportProblem", "import_csv", "open_any"]
