"""The .ssm file: load, atomic save, format versions and migrations, autosave and recovery."""

from ..errors import (
    ImageError,
    InvalidProjectError,
    NewerFormatError,
    SaveError,
    SsmError,
    TooLargeError,
    UnsupportedFormatError,
)
from .atomic import backup_path, save_project, write_bytes_atomically
from .container import LoadedProject, project_to_bytes, read_project, read_project_bytes
from .media import check_image, media_key
from .recovery import RecoveryEntry, RecoveryStore

__all__ = [
    "ImageError",
    "InvalidProjectError",
    "LoadedProject",
    "NewerFormatError",
    "RecoveryEntry",
    "RecoveryStore",
    "SaveError",
    "SsmError",
    "TooLargeError",
    "UnsupportedFormatError",
    "backup_path",
    "check_image",
    "media_key",
    "project_to_bytes",
    "read_project",
    "read_project_bytes",
    "save_project",
    "write_bytes_atomically",
]
