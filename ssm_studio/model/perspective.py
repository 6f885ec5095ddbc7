"""Perspectives: declared worldviews held by stakeholders, all equally valid."""

from __future__ import annotations

from typing import Literal

from .base import Colour, Identified, Name, Text

# Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE: tuple[str, ...] = (
    "#0072B2",
    "#D55E00",
    "#009E73",
    "#CC79A7",
    "#E69F00",
    "#56B4E9",
    "#000000",
    "#F0E442",
)

DashPattern = Literal["solid", "dash", "dot", "dash-dot", "long-dash", "dash-dot-dot"]
DASH_PATTERNS: tuple[DashPattern, ...] = ("solid", "dash", "dot", "dash-dot", "long-dash", "dash-dot-dot")

# Each pattern as on/off lengths in multiples of the line width (None: a solid line). The
# screen, the PDF and every export draw from this one table, so print matches screen.
DASHES: dict[str, list[float] | None] = {
    "solid": None,
    "dash": [6, 3],
    "dot": [1.2, 2.4],
    "dash-dot": [6, 2.5, 1.2, 2.5],
    "long-dash": [11, 3.5],
    "dash-dot-dot": [6, 2, 1.2, 2, 1.2, 2],
}


def style_for_index(index: int) -> tuple[str, DashPattern]:
    """Colour and dash for the n-th perspective, so greyscale prints still tell them apart."""
    return PALETTE[index % len(PALETTE)], DASH_PATTERNS[index % len(DASH_PATTERNS)]


class Perspective(Identified):
    name: Name
    stakeholder: Name = ""
    worldview: Text = ""
    colour: Colour = PALETTE[0]
    dash: DashPattern = "solid"
    notes: Text = ""


# Rich-picture items and variables on no perspective's layer sit on common ground.
COMMON_GROUND_NAME = "Common ground"
