"""Storylines: the model told to a room step by step (format 4).

A step is a view of the model: the page, the perspectives shown (their claims on the causal
pages, their layers on the rich picture), a loop highlighted, the conceptual model shown,
the area zoomed to, and what the lead says (caption and speaker notes). A step names its
perspectives and loop by id and key, and may outlive them: a step whose loop or perspective
has since been deleted is played without it, with a note (app/presenting.py), never refused
on load.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from . import limits
from .base import Id, Identified, Name, StrictModel, Text

StepPage = Literal["rich_picture", "overlay", "side_by_side", "conceptual_model", "catwoe", "comparison", "actions"]
PAGE_WORDS: dict[str, str] = {
    "rich_picture": "Rich picture", "overlay": "Causal-loop overlay", "side_by_side": "Side by side",
    "conceptual_model": "Conceptual model", "catwoe": "CATWOE matrix", "comparison": "Comparison (stage 5)",
    "actions": "Actions (stages 6–7)",
}


class Area(StrictModel):
    """The part of the diagram a step zooms to, in scene coordinates."""

    x: float
    y: float
    width: float = Field(gt=0)
    height: float = Field(gt=0)


class StoryStep(Identified):
    page: StepPage = "overlay"
    shown: list[Id] = Field(default_factory=list)  # perspectives shown; empty: every one
    loop: Name = ""  # a loop's key (analysis.loops), highlighted; "" for none
    conceptual_model: Id | None = None  # the model on the conceptual-model page
    area: Area | None = None  # None: the whole diagram
    caption: Text = ""
    notes: Text = ""  # speaker notes: on the presenter view, never on the projector


class Storyline(Identified):
    name: Name = "Storyline"
    steps: list[StoryStep] = Field(default_factory=list, max_length=limits.MAX_STEPS)
