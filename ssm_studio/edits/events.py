"""Fine-grained change events that a document emits after every applied or reverted edit."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EventKind = Literal["added", "removed", "changed", "moved"]


@dataclass(frozen=True)
class ChangeEvent:
    """``path`` names the collection (e.g. ``("cld", "variables")``) or, for objects that are
    not in a list (``("metadata",)``), the object itself; ``id`` is the object's id if it has one."""

    kind: EventKind
    path: tuple[str, ...]
    id: str | None = None
    fields: tuple[str, ...] = field(default=())
