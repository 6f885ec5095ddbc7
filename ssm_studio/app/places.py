"""Where the app keeps things in the user's folders: recovery copies, the documents folder,
the user's own copy of an example.

Below the window, the session and the start-up (which all use it) so that none of them has
to import another for a folder's name.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from ..bundled import default_example
from ..errors import SsmError


def recovery_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".ssm-studio") / "recovery"


def room_folder() -> Path:
    """Where the workshop room's certificate is kept (its fingerprint stays the same from one
    workshop to the next)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".ssm-studio") / "room"


def documents_folder() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "SSM Studio"


def example_copy(folder: Path | None = None, source: Path | None = None) -> Path | None:
    """The user's own copy of a bundled example (the default one unless ``source``), made
    on first use, so that saving never writes into the installed package. An existing copy
    (perhaps with the user's changes) is kept and opened."""
    shipped = source or default_example()
    if not shipped.is_file():
        return None
    target = (folder or documents_folder()) / shipped.name
    if target.is_file():
        return target
    from ..storage import write_bytes_atomically

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(target, shipped.read_bytes(), keep_backup=False)
    except (OSError, SsmError) as error:
        sys.stderr.write(f"ssm-studio: could not copy the example to {target.parent}: {error}\n")
        return None
    return target
