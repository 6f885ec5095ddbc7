"""Reading and writing the .ssm container: a ZIP of project.json and media/ by content hash.

Archive member names are only ever compared with the names we expect; nothing is extracted
to disk, every read is bounded, and nothing in a file is executed.
"""

from __future__ import annotations

import io
import json
import os
import re
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..errors import (
    ImageError,
    InvalidProjectError,
    TooLargeError,
    UnsupportedFormatError,
    describe_validation_error,
)
from ..gc_pause import gc_paused
from ..model import FORMAT_VERSION, Project
from ..model import limits as L
from .media import check_image
from .migrations import migrate

PROJECT_MEMBER = "project.json"
MEDIA_PREFIX = "media/"
_MEDIA_NAME = re.compile(r"^media/([0-9a-f]{64}\.(?:png|jpg|gif|bmp|webp))$")
_VERSION_PEEK = re.compile(rb'^\s*\{\s*"format_version"\s*:\s*(\d+)\s*,')
# A fixed timestamp makes saving the same project give the same bytes.
_EPOCH = (1980, 1, 1, 0, 0, 0)


@dataclass
class LoadedProject:
    project: Project
    media: dict[str, bytes] = field(default_factory=dict)
    # Problems that did not stop loading (a damaged photo, say): shown to the user.
    warnings: list[str] = field(default_factory=list)


def _entry_count_from_tail(raw: io.BufferedIOBase, source: str) -> None:
    """Refuse archives with too many members before zipfile builds an object per member."""
    raw.seek(0, io.SEEK_END)
    size = raw.tell()
    tail_len = min(size, 22 + 65535)
    raw.seek(size - tail_len)
    tail = raw.read(tail_len)
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or at + 22 > len(tail):
        return  # zipfile will report the damage
    entries, directory_size = struct.unpack("<HI", tail[at + 10 : at + 16])
    if entries >= min(L.MAX_ARCHIVE_MEMBERS, 0xFFFF) or directory_size > 64 * 1024 * 1024:
        raise TooLargeError(
            f"{source} holds more parts than an SSM Studio project can "
            f"(over {L.MAX_ARCHIVE_MEMBERS:,}); it was not opened."
        )
    raw.seek(0)


def _read_bounded(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, source: str) -> bytes:
    """Read a member without trusting its declared size."""
    if info.file_size > limit:
        raise TooLargeError(
            f"{source}: the part '{info.filename[:80]}' is {info.file_size / 1e6:,.0f} MB, over the "
            f"limit of {limit / 1e6:,.0f} MB; the file was not opened."
        )
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise TooLargeError(f"{source}: the part '{info.filename[:80]}' is larger than it claims.")
    return data


def _media_keys(project: Project) -> set[str]:
    """The images items refer to. By kind, not by getattr: a pydantic model raises and catches
    AttributeError for every item without ``media`` (30 ms on 10,000 strokes)."""
    return {item.media for item in project.rich_picture.items if item.kind == "image"}


def read_project(path: str | Path) -> LoadedProject:
    path = Path(path)
    source = f"'{path.name}'"
    try:
        require_regular_file(path, source)
        with open(path, "rb") as raw:
            return read_project_stream(raw, source)
    except FileNotFoundError:
        raise InvalidProjectError(f"{source} does not exist.") from None
    except IsADirectoryError:
        raise InvalidProjectError(f"{source} is a folder, not a project file.") from None
    except PermissionError:
        raise InvalidProjectError(f"{source} cannot be read: permission denied.") from None
    except OSError as error:
        raise InvalidProjectError(f"{source} cannot be read: {error.strerror or error}.") from None


def require_regular_file(path: Path, source: str) -> None:
    """Only ordinary files are read: opening a named pipe or a device would block or never
    end. (The check and the open are not one step, but nothing here is a security boundary:
    it is about not hanging when a user picks the wrong thing.)"""
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):
        raise InvalidProjectError(f"{source} is a folder, not a project file.")
    if not stat.S_ISREG(mode):
        raise InvalidProjectError(f"{source} is not a regular file (it is a pipe, socket or device), "
                                  "so it was not read.")


def read_project_bytes(data: bytes, source: str = "the project") -> LoadedProject:
    return read_project_stream(io.BytesIO(data), source)


def read_project_stream(raw: io.BufferedIOBase, source: str) -> LoadedProject:
    head = raw.read(4)
    raw.seek(0)
    if head[:2] != b"PK":
        raise UnsupportedFormatError(
            f"{source} is not an SSM Studio project (it is not a .ssm file, or it is empty)."
        )
    _entry_count_from_tail(raw, source)
    try:
        with zipfile.ZipFile(raw) as archive:
            return _read_archive(archive, source)
    except zipfile.BadZipFile:
        raise InvalidProjectError(
            f"{source} is damaged or incomplete (perhaps cut short while copying); it was not "
            "opened. A backup '(backup).ssm' beside it or a recovery copy may hold your work."
        ) from None
    except (EOFError, zipfile.LargeZipFile, RuntimeError, ValueError,  # RuntimeError: NotImplemented too
            struct.error, OSError) as error:
        # zipfile meets damage in many ways (a negative seek in a cut-short directory, a
        # bad header field); each is the same story for the user.
        raise InvalidProjectError(f"{source} is damaged or uses an unsupported packing "
                                  f"({str(error)[:120]}).") from None
    except zlib.error:
        raise InvalidProjectError(f"{source} is damaged: a compressed part cannot be unpacked.") from None


def _read_archive(archive: zipfile.ZipFile, source: str) -> LoadedProject:
    infos = archive.infolist()
    if len(infos) > L.MAX_ARCHIVE_MEMBERS:
        raise TooLargeError(f"{source} holds too many parts ({len(infos):,}); it was not opened.")
    if sum(info.file_size for info in infos) > L.MAX_TOTAL_UNCOMPRESSED_BYTES:
        raise TooLargeError(
            f"{source} would unpack to more than {L.MAX_TOTAL_UNCOMPRESSED_BYTES // 2**30} GB; "
            "it was not opened."
        )
    by_name = {info.filename: info for info in infos}
    if PROJECT_MEMBER not in by_name:
        raise InvalidProjectError(f"{source} has no project.json inside, so it holds no project.")
    text = _read_bounded(archive, by_name[PROJECT_MEMBER], L.MAX_PROJECT_JSON_BYTES, source)
    project = parse_project_json(text, source)
    loaded = LoadedProject(project)
    for name, info in by_name.items():
        match = _MEDIA_NAME.match(name)
        if not match:
            if name.startswith(MEDIA_PREFIX) and not name.endswith("/"):
                loaded.warnings.append(f"ignored an unexpected part '{name[:80]}'")
            continue
        data = _read_bounded(archive, info, L.MAX_MEDIA_MEMBER_BYTES, source)
        key = match.group(1)
        try:
            check_image(data, f"image {key[:12]}")
        except ImageError as error:
            loaded.warnings.append(str(error))
        loaded.media[key] = data  # kept even when damaged, so saving again loses nothing
    wanted = _media_keys(project)
    for key in sorted(wanted - loaded.media.keys()):
        loaded.warnings.append(f"an image ({key[:12]}…) is missing from the file")
    return loaded


def parse_project_json(text: bytes, source: str) -> Project:
    # Validation makes hundreds of thousands of small objects and none of them form cycles:
    # with the collector running it scans them again and again (40 % of a 10,000-element
    # load), so it waits until the project is built.
    with gc_paused():
        return _parse_project_json(text, source)


def _parse_project_json(text: bytes, source: str) -> Project:
    peek = _VERSION_PEEK.match(text[:200])
    try:
        if peek and int(peek.group(1)) == FORMAT_VERSION:
            # The common case: the current format, validated straight from bytes (fast).
            return Project.model_validate_json(text)
        try:
            data = json.loads(text)
        except (UnicodeDecodeError, ValueError) as error:  # JSONDecodeError, and int digits
            raise InvalidProjectError(f"{source}: project.json is not valid JSON ({error}).") from None
        if not isinstance(data, dict):
            raise InvalidProjectError(f"{source}: project.json does not hold a project.")
        return Project.model_validate(migrate(data, source))
    except ValidationError as error:
        if any(e.get("type") == "json_invalid" for e in error.errors()):
            raise InvalidProjectError(f"{source}: project.json is not valid JSON.") from None
        raise InvalidProjectError(
            f"{source} is not a valid project: {describe_validation_error(error)}."
        ) from None
    except RecursionError:
        raise InvalidProjectError(f"{source}: project.json is nested too deeply.") from None
    except ValueError as error:  # e.g. an integer of thousands of digits (Python's safety limit)
        raise InvalidProjectError(f"{source} is not a valid project: {str(error)[:200]}.") from None


def project_to_bytes(project: Project, media: dict[str, bytes]) -> bytes:
    """The whole .ssm file in memory, so nothing touches the disk until it is complete.

    Only media that an item still refers to are written: deleting the last picture of a
    photo drops the photo from the file.
    """
    used = _media_keys(project)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        info = zipfile.ZipInfo(PROJECT_MEMBER, date_time=_EPOCH)
        info.compress_type = zipfile.ZIP_DEFLATED
        archive.writestr(info, project.model_dump_json())
        for key in sorted(k for k in media if k in used):
            info = zipfile.ZipInfo(MEDIA_PREFIX + key, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_STORED  # photos are already compressed
            archive.writestr(info, media[key])
    return buffer.getvalue()
