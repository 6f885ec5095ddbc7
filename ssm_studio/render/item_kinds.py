"""What a diagram item is, said by its class rather than probed for.

The canvas, the editors, the overview and the exports treat items by what they are: a
*box* is selected, moved, linked and named (a variable, an activity, a figure); an *arrow*
joins two boxes (a causal claim, a dependency, a connector); a *marker* is put there by
analysis (a loop's R1 or B2) and is clicked, never moved. Each concrete item class takes
one of these as a plain mixin beside its Qt base, so ``isinstance`` answers what was once asked of
a string attribute on each item.
"""

from __future__ import annotations


class Box:
    """A thing to select, move, link and name."""

    object_id: str
    editable_text: str | None = None  # the words in-place renaming changes; None: nothing to rename


class Arrow:
    """A line between two boxes."""

    object_id: str
    editable_text: str | None = None

    def settle(self) -> None:
        """Work out the exact curve before an export; straight lines have nothing to do."""


class Marker:
    """A label analysis puts on the diagram; clicking it highlights what it marks."""

    key: str
