"""Open whatever the user gives us: our own .ssm project, or a foreign file we import."""

from __future__ import annotations

from pathlib import Path

from ..errors import UnsupportedFormatError
from ..interop.csv_links import import_csv
from ..storage import LoadedProject, read_project


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
