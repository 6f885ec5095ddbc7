"""Saving that never leaves a half-written file.

The whole file is built in memory, written to a temporary file beside the target, flushed
and fsynced, then swapped in with ``os.replace`` (atomic on the same file system). The
previous version is kept beside it as "NAME (backup).ssm".
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from ..errors import SaveError
from ..model import Project
from .container import project_to_bytes

_CHUNK = 1024 * 1024


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


# mkstemp creates files readable by the owner only; a saved project should get the
# permissions any new file of the user's would (or keep those of the file it replaces).
_NEW_FILE_MODE = 0o666 & ~_current_umask()


def backup_path(path: Path) -> Path:
    return path.with_name(f"{path.stem} (backup){path.suffix}")


def explain_os_error(error: OSError, path: Path) -> str:
    folder = str(path.parent) or "."
    if error.errno == errno.ENOSPC:
        return "the disk is full. Free some space (or save to another drive) and try again"
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"you do not have permission to write in '{folder}'. Try Save As to another folder"
    if error.errno == errno.EROFS:
        return f"'{folder}' is read-only. Try Save As to another folder"
    if error.errno == errno.ENOENT:
        return f"the folder '{folder}' does not exist"
    return error.strerror or str(error)


def write_bytes_atomically(path: str | Path, data: bytes, keep_backup: bool = True) -> None:
    path = Path(path)
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".saving", dir=path.parent)
        mode = (path.stat().st_mode & 0o777) if path.is_file() else _NEW_FILE_MODE
        os.chmod(tmp_name, mode)
        with os.fdopen(fd, "wb") as handle:
            for start in range(0, len(data), _CHUNK):
                handle.write(data[start : start + _CHUNK])
            handle.flush()
            os.fsync(handle.fileno())
        if keep_backup and path.is_file():
            _copy_backup(path)
        os.replace(tmp_name, path)
        tmp_name = None
        _fsync_folder(path.parent)
    except OSError as error:
        reason = explain_os_error(error, path)
        raise SaveError(
            f"Could not save '{path.name}': {reason}. The previous file is unchanged.", reason
        ) from None
    finally:
        if tmp_name is not None:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass


def _copy_backup(path: Path) -> None:
    """Keep the previous version; a failure here must not stop the save itself."""
    target = backup_path(path)
    try:
        data = path.read_bytes()
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".saving", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except OSError:
            os.unlink(tmp)
            raise
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def save_project(path: str | Path, project: Project, media: dict[str, bytes] | None = None,
                 keep_backup: bool = True) -> None:
    write_bytes_atomically(path, project_to_bytes(project, media or {}), keep_backup=keep_backup)
