"""Errors a user can cause, each with a message a policy officer can act on.

A neutral home: every room (storage, interop, edits, analysis, report, app, cli) raises
these, and the app and the command line catch ``SsmError`` alone to show the message.
"""

from __future__ import annotations


class SsmError(Exception):
    """Base of every error we show to users; ``str()`` is the whole message."""


class InvalidProjectError(SsmError):
    """The file is ours (or claims to be) but is damaged or incomplete."""


class UnsupportedFormatError(SsmError):
    """The file is not something SSM Studio can read."""


class NewerFormatError(UnsupportedFormatError):
    """The file was written by a newer SSM Studio."""


class TooLargeError(InvalidProjectError):
    """The file (or a part of it) exceeds the limits that keep the app responsive."""


class ImageError(SsmError):
    """An image that cannot be used: corrupt, not a picture, or too large."""


class SaveError(SsmError):
    """Saving failed; the previous file on disk is untouched. ``reason`` is the bare why
    (the disk is full, the folder is read-only), for callers that tell it their own way."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message


class ImportProblem(SsmError):
    """A foreign file that cannot be imported; nothing was written."""

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        self.lines = lines or []
        detail = "".join(f"\n  {line}" for line in self.lines[:20])
        more = f"\n  and {len(self.lines) - 20} more" if len(self.lines) > 20 else ""
        super().__init__(message + detail + more)


class EditRefused(SsmError):
    """An edit the document cannot take (a value too long, an item already gone).

    Raised before anything changed, or after everything was put back: the document is as
    it was and nothing reaches the undo history.
    """


def describe_validation_error(error: Exception, limit: int = 3) -> str:
    """Turn a pydantic ValidationError into short readable lines (where, what)."""
    errors = getattr(error, "errors", None)
    if errors is None:
        return str(error)
    lines = []
    items = errors()
    for item in items[:limit]:
        where = " → ".join(str(part) for part in item.get("loc", ())) or "the project"
        lines.append(f"{where}: {item.get('msg', 'invalid')}")
    if len(items) > limit:
        lines.append(f"and {len(items) - limit} more problems")
    return "; ".join(lines)


class UnknownPerspective(SsmError):
    """A perspective named (on the command line, for an export) that the project lacks."""
