"""Reading a polarity from whatever a tool's users typed, and guessing which field holds it.

Kumu, PRSM and spreadsheets have no polarity of their own: teams put it in a field they
name ("connection type", "Relationship impact") or in a link style. The user chooses the
field; the guess is the field whose values read as polarities most often.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ..model import parse_polarity

_MORE_WORDS = {
    "increase": "+", "increases": "+", "increasing": "+", "up": "+", "plus": "+", "+ve": "+",
    "positive link": "+", "same direction": "+", "1": "+", "+1": "+", "reinforcing": "+",
    "decrease": "-", "decreases": "-", "decreasing": "-", "down": "-", "minus": "-", "-ve": "-",
    "negative link": "-", "opposite direction": "-", "-1": "-", "balancing": "-",
}
# Field names teams use, most telling first: a tie in the guess goes to the earlier one.
LIKELY_FIELDS = ("polarity", "connection type", "relationship impact", "sign", "effect", "impact",
                 "influence", "type", "label")


def read_polarity(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return "+" if value > 0 else "-" if value < 0 else None
    if isinstance(value, (list, tuple)) and value:
        value = value[0]  # Kumu writes tags and multi-choice fields as lists
    text = str(value).strip().lower()
    return parse_polarity(text) if parse_polarity(text) in ("+", "-") else _MORE_WORDS.get(text)


def guess_field(rows: Iterable[Mapping[str, Any]]) -> tuple[str | None, list[str]]:
    """The likeliest polarity field and every field that reads as polarity at least once."""
    hits: dict[str, int] = {}
    seen: list[str] = []
    for row in rows:
        for key, value in row.items():
            if key not in seen:
                seen.append(key)
            if read_polarity(value):
                hits[key] = hits.get(key, 0) + 1
    if not hits:
        return None, []
    rank = {name: i for i, name in enumerate(LIKELY_FIELDS)}
    candidates = sorted(hits, key=lambda k: (-hits[k], rank.get(k.strip().lower(), len(rank)), seen.index(k)))
    return candidates[0], candidates
