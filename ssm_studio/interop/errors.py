"""Errors from foreign files: which file, which line, what is wrong."""

from __future__ import annotations

from ..storage.errors import SsmError


class ImportProblem(SsmError):
    """A foreign file that cannot be imported; nothing was written."""

    def __init__(self, message: str, lines: list[str] | None = None) -> None:
        self.lines = lines or []
        detail = "".join(f"\n  {line}" for line in self.lines[:20])
        more = f"\n  and {len(self.lines) - 20} more" if len(self.lines) > 20 else ""
        super().__init__(message + detail + more)
