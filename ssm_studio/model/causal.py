"""The causal-loop diagram: shared variables, per-perspective causal claims."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Identified, Name, StrictModel, Text

Polarity = Literal["+", "-", "?"]
# A stock accumulates (a level: people out of work); a flow changes a stock (people finding
# work each month); anything else is a plain variable. Kept so stock-and-flow tools get
# their stocks and flows back (format 3).
VariableKind = Literal["variable", "stock", "flow"]
KIND_WORDS: dict[str, str] = {"variable": "Variable", "stock": "Stock", "flow": "Flow"}

_POLARITY_WORDS: dict[str, Polarity] = {
    "+": "+",
    "positive": "+",
    "s": "+",
    "same": "+",
    "-": "-",
    "\u2212": "-",  # the typographic minus users paste from reports
    "negative": "-",
    "o": "-",
    "opposite": "-",
    "?": "?",
    "unknown": "?",
}


def parse_polarity(text: str) -> Polarity | None:
    """Read a polarity written any of the ways practitioners write it; None if unreadable."""
    return _POLARITY_WORDS.get(text.strip().lower())


def display_polarity(polarity: Polarity) -> str:
    return "\u2212" if polarity == "-" else polarity


class Variable(Identified):
    """A quantity that can rise or fall; one variable is shared by every perspective."""

    name: Name
    x: float = 0.0
    y: float = 0.0
    note: Text = ""
    # Perspectives that include this variable without (yet) linking it.
    included_by: list[Id] = Field(default_factory=list)
    # Automatic layout leaves a pinned variable where the user put it (format 2).
    pinned: bool = False
    kind: VariableKind = "variable"


class CausalLink(Identified):
    """One perspective's claim that a change in ``source`` causes a change in ``target``."""

    source: Id
    target: Id
    perspective: Id
    polarity: Polarity = "+"
    delay: bool = False
    note: Text = ""
    # Geometry: signed bend as a fraction of the link's length (0 is straight).
    curvature: float = 0.0


class LoopName(Identified):
    """A loop's stable label (R2) and the name users gave it, keyed canonically."""

    key: Name
    label: Name
    name: Name = ""


class CausalLoopDiagram(StrictModel):
    variables: list[Variable] = Field(default_factory=list)
    links: list[CausalLink] = Field(default_factory=list)
    loop_names: list[LoopName] = Field(default_factory=list)
