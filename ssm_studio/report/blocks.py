"""The pack as plain blocks, written once and rendered twice: to PDF (reportlab) for the
board and to Word (python-docx) for the officers who edit board papers before they go out.

Sections say what to print (a heading, a paragraph, a table, a figure); each writer decides
how that looks on its medium, so the PDF and the Word document never drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any


def anchor_id(*parts: str) -> str:
    """A place in the pack a "(see p. N)" can point to: letters, digits, '-', ':' and '_'."""
    return re.sub(r"[^\w:-]", "_", "-".join(parts))


@dataclass
class Heading:
    text: str
    level: int = 1  # 1 and 2 go into the contents and the PDF outline; Word's Heading 1–3
    anchor: str = ""  # a place a Para's "see" may name (headings of level 1 and 2 also by their text)


@dataclass
class Para:
    text: str
    style: str = "body"  # body, small, quote
    # {"see": heading text or anchor}: "(see p. N)" filled in; {"label": …}: how Word names the place
    refs: dict[str, str] = field(default_factory=dict)


@dataclass
class Swatch:
    """A perspective's line (colour and dash) in a table cell."""

    perspective: Any


@dataclass
class Grid:
    header: list[str]
    rows: list[list]  # str or Swatch cells
    widths: list[float]  # proportions
    wide: bool = False  # on a landscape page
    anchors: list[str | None] = field(default_factory=list)  # a place per row, for "(see p. N)"


@dataclass
class Figure:
    key: str  # names a diagram the pack drew (a perspective's id, "overlay", a loop's key …)
    caption: str = ""
    alt: str = ""  # alternative text: what the picture shows, for screen readers
    perspectives: list = field(default_factory=list)  # whose lines it shows: a key is printed
    # A handout's frame: a diagram too large for a page or two with legible words is shown
    # whole, small and without its words, not printed in parts (the pack prints the parts).
    whole_only: bool = False


@dataclass
class Keep:
    blocks: list


@dataclass
class Break:
    pass


@dataclass
class Wide:
    """Landscape pages from here on (True) or back to the pack's own orientation (False)."""

    on: bool


@dataclass
class Title:
    title: str
    subtitle: str
    byline: str


@dataclass
class Contents:
    pass


@dataclass
class Space:
    points: float = 8
