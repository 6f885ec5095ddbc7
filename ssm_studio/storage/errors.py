"""Errors a user can cause, each with a message a policy officer can act on."""

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
    """Saving failed; the previous file on disk is untouched."""


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
