"""Client journeys (format 6): a family's or a client's contacts with services, tied to the
causal-loop diagram.

The Stoke-on-Trent case credits its results to close attention to "life experiences of
individuals and families and how they engage with public services"; in the vulnerable-families
work thirty services in six months was not uncommon. A journey holds the family's members
(pseudonyms only: the app never needs a real name), its phases and its touchpoints: one contact
each, with its date or phase, the service, the channel, the wait, what happened, how it felt
(-2..+2), a pain point, and the causal-loop variables it affects with a sign. Services are a
list kept per project, each linkable to an actor of the SPOTlight delivery chain.

A touchpoint may be told from a perspective (the family's own account beside a caseworker's);
accounts are compared in analysis/journeys.py. Every id here must exist (Project's reference
check); the edits that delete what touchpoints point at take the pointers with them
(edits/journey_edits.py).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from . import limits
from .base import Id, Identified, Name, StrictModel, Text
from .spotlight import IsoDate

Channel = Literal["face_to_face", "home_visit", "phone", "letter", "online", "other"]
CHANNELS: dict[str, str] = {"face_to_face": "Face to face", "home_visit": "Home visit", "phone": "Phone",
                            "letter": "Letter", "online": "Online", "other": "Other"}
ClientKind = Literal["family", "individual"]
FEELINGS = range(-2, 3)  # how it felt: -2 (very bad) .. +2 (very good)
FEELING_WORDS = {-2: "very bad", -1: "bad", 0: "neutral", 1: "good", 2: "very good"}
# How the map, the pack and the export colour services and feelings (one look everywhere):
# Okabe-Ito's colour-blind-safe set for services, a diverging red-blue for feelings.
SERVICE_PALETTE = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999")
FEELING_COLOURS = {-2: "#B2182B", -1: "#EF8A62", 0: "#BABABA", 1: "#67A9CF", 2: "#2166AC"}


class Service(Identified):
    """A service a client deals with, kept once per project."""

    name: Name
    actor: Id | None = None  # the actor of the SPOTlight delivery chain it is, where there is one
    note: Text = ""


class Member(Identified):
    """One lane of the journey: a pseudonym ("Mum", "J., 14"), never a real name."""

    pseudonym: Name
    part: Name = ""  # their part in the family: "mother", "eldest son"


class Phase(Identified):
    name: Name


class Effect(StrictModel):
    """A causal-loop variable a touchpoint affects, and which way (+ raises it, - lowers it)."""

    variable: Id
    sign: Literal["+", "-"] = "+"


class Touchpoint(Identified):
    members: list[Id] = Field(min_length=1, max_length=50)  # whose lanes it sits in
    dated: IsoDate = ""
    phase: Id | None = None
    service: Id | None = None
    channel: Channel = "face_to_face"
    wait_days: int | None = Field(default=None, ge=0, le=36_500)  # from asking to being seen
    happened: Text = ""
    feeling: int = Field(default=0, ge=-2, le=2)
    pain_point: Text = ""  # what hurt, where this was a pain point; "" where it was not
    effects: list[Effect] = Field(default_factory=list, max_length=200)
    told_by: Id | None = None  # the perspective whose account this is; None: the shared record

    @model_validator(mode="after")
    def _one_effect_per_variable(self) -> Touchpoint:
        seen = [e.variable for e in self.effects]
        if len(seen) != len(set(seen)):
            raise ValueError("a touchpoint affects each variable once (with one sign)")
        if len(self.members) != len(set(self.members)):
            raise ValueError("a touchpoint names each member once")
        return self


class Journey(Identified):
    name: Name
    client: ClientKind = "family"
    members: list[Member] = Field(default_factory=list, max_length=50)
    phases: list[Phase] = Field(default_factory=list, max_length=100)
    touchpoints: list[Touchpoint] = Field(default_factory=list, max_length=limits.MAX_TOUCHPOINTS)
    note: Text = ""

    @model_validator(mode="after")
    def _references_inside(self) -> Journey:
        members = {m.id for m in self.members}
        phases = {p.id for p in self.phases}
        if len(members) != len(self.members) or len(phases) != len(self.phases):
            raise ValueError(f"journey '{self.name}': two members or phases share one id")
        for touchpoint in self.touchpoints:
            if not set(touchpoint.members) <= members:
                raise ValueError(f"journey '{self.name}': a touchpoint sits in the lane of a member it does not have")
            if touchpoint.phase is not None and touchpoint.phase not in phases:
                raise ValueError(f"journey '{self.name}': a touchpoint is in a phase it does not have")
        return self

    def member(self, member_id: str) -> Member | None:
        return next((m for m in self.members if m.id == member_id), None)
