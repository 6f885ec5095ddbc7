"""The rich-picture stencil library: searchable by name and keyword, rendered once each."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..bundled import resource_dir

STENCIL_DIR = resource_dir("stencils")


@dataclass(frozen=True)
class Stencil:
    name: str
    title: str
    keywords: tuple[str, ...]
    path: Path


@cache
def stencils() -> tuple[Stencil, ...]:
    entries = json.loads((STENCIL_DIR / "index.json").read_text(encoding="utf-8"))
    return tuple(Stencil(e["name"], e["title"], tuple(e["keywords"]), STENCIL_DIR / e["file"]) for e in entries)


def find(text: str) -> list[Stencil]:
    """Stencils whose name, title or keywords contain every word typed, best matches first."""
    words = text.casefold().split()
    found = []
    for stencil in stencils():
        haystack = " ".join((stencil.name, stencil.title, *stencil.keywords)).casefold()
        if all(word in haystack for word in words):
            exact = any(word == stencil.name or word in stencil.keywords for word in words)
            found.append((not exact, stencil.name, stencil))
    return [s for _, _, s in sorted(found)]


@cache
def renderer(name: str):
    """One QSvgRenderer per stencil, shared by every figure drawn with it."""
    from PySide6.QtSvg import QSvgRenderer

    known = {s.name: s for s in stencils()}
    stencil = known.get(name)
    return QSvgRenderer(str(stencil.path)) if stencil else None
