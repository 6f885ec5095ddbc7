"""The SPOTlight cycle (format 5): the review that follows the SSM stages in Salford's practice.

Six weeks of problem analysis (evidence on the extent, causes, consequences and who is
responsible), an analysis of the delivery chain ("how the issue is currently tackled, from
end to end"), a report with a short-, medium- and long-term action plan, then stocktakes
with a high-level panel every two months. Evidence points at causal-loop variables and
claims, ratings of the chain at perspectives, the plan and the stocktakes at the project's
actions (stages 6-7): every such id must exist (Project's reference check), and the edits
that delete what they point at take the pointers with them (edits/spotlight_edits.py).

A stocktake's RAG status always carries its reason: the briefing warns against reading
traffic lights without one, and asks whether an assumption behind the action was
questioned (double-loop learning).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from . import limits
from .base import Id, Identified, Name, StrictModel, Text


def _real_date(text: str) -> str:
    if text:
        try:
            date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'{text}' is not a date (write it as YYYY-MM-DD)") from None
    return text


# "" (not yet known) or an ISO date: compared as text, which orders ISO dates correctly.
IsoDate = Annotated[str, StringConstraints(max_length=limits.MAX_NAME_CHARS), AfterValidator(_real_date)]
Reason = Annotated[str, StringConstraints(min_length=1, max_length=limits.MAX_TEXT_CHARS, strip_whitespace=True)]

EvidenceKind = Literal["data", "frontline", "resident", "expert"]
EVIDENCE_KINDS: dict[str, str] = {"data": "Data", "frontline": "Frontline staff", "resident": "Residents",
                                  "expert": "Expert opinion"}
Aspect = Literal["extent", "causes", "consequences", "responsibility"]
Confidence = Literal["low", "medium", "high"]
Position = Literal["top", "middle", "bottom", "customer"]  # Oshry's Seeing Systems
POSITIONS: dict[str, str] = {"top": "Tops", "middle": "Middles", "bottom": "Bottoms", "customer": "Customers"}
ActorKind = Literal["organisation", "team", "post", "service_user"]  # a post: one job, e.g. a family worker
ChainKind = Literal["funding", "accountability", "information", "referral", "service"]
Horizon = Literal["short", "medium", "long"]
Escalation = Literal["", "strategic_planning", "commissioning"]
Origin = Literal["", "comparison", "chain_link", "evidence_gap"]
Rag = Literal["red", "amber", "green"]
STRENGTHS = range(1, 6)  # a link's strength: 1 (broken) to 5 (strong)


class Evidence(Identified):
    """One piece of the problem analysis, and what in the causal-loop diagram it bears on."""

    statement: Text
    source: Name = ""
    kind: EvidenceKind = "data"
    aspect: Aspect = "causes"
    confidence: Confidence = "medium"
    dated: IsoDate = ""
    variables: list[Id] = Field(default_factory=list)
    links: list[Id] = Field(default_factory=list)  # causal claims it supports


class TeamMember(StrictModel):
    name: Name
    part: Name = ""  # their part in the review, e.g. "trio: police"


class Actor(Identified):
    """An organisation, team, role or group of service users in the delivery chain."""

    name: Name
    kind: ActorKind = "organisation"
    position: Position = "middle"
    voiced_by: list[Id] = Field(default_factory=list)  # the perspectives that speak for it
    x: float = 0.0
    y: float = 0.0
    note: Text = ""


class Rating(StrictModel):
    """How strong one perspective holds a link of the chain to be, and why."""

    perspective: Id
    strength: int = Field(ge=1, le=5)
    reason: Text = ""


class ChainLink(Identified):
    source: Id
    target: Id
    kind: ChainKind = "service"
    ratings: list[Rating] = Field(default_factory=list)
    note: Text = ""

    @model_validator(mode="after")
    def _one_rating_each(self) -> ChainLink:
        rated = [r.perspective for r in self.ratings]
        if len(rated) != len(set(rated)):
            raise ValueError("a perspective rates a link of the chain once")
        return self


class Issue(Identified):
    """One issue the SPOTlight report names: what the analysis found, in a line and its detail."""

    title: Name
    detail: Text = ""


class PlanItem(Identified):
    """An action of stages 6-7 on the SPOTlight report's plan."""

    action: Id
    horizon: Horizon = "short"
    owner: Name = ""
    escalate: Escalation = ""  # taken to strategic planning or commissioning
    origin: Origin = ""  # where it came from: a stage-5 row, a weak chain link, an evidence gap
    origin_id: Id | None = None


class ActionUpdate(StrictModel):
    """One action at one stocktake."""

    action: Id
    status: Rag
    reason: Reason  # required: a colour alone says nothing
    planned: float | None = None  # the trajectory, where the action has a measure
    actual: float | None = None
    decision: Text = ""
    assumption_questioned: bool = False  # double loop: was an assumption behind it questioned?
    assumption: Text = ""  # which


class Stocktake(Identified):
    dated: IsoDate
    panel: Name = ""
    updates: list[ActionUpdate] = Field(default_factory=list)
    snapshot: Id | None = None  # the project as it stood (snapshots)

    @model_validator(mode="after")
    def _one_update_each(self) -> Stocktake:
        seen = [u.action for u in self.updates]
        if len(seen) != len(set(seen)):
            raise ValueError("an action is reported once in a stocktake")
        return self


class Review(StrictModel):
    """A SPOTlight review of one topic in one neighbourhood."""

    topic: Name = ""
    neighbourhood: Name = ""
    starts: IsoDate = ""  # the six weeks
    ends: IsoDate = ""
    team: list[TeamMember] = Field(default_factory=list, max_length=100)
    sponsor: Name = ""
    evidence: list[Evidence] = Field(default_factory=list, max_length=limits.MAX_EVIDENCE)
    actors: list[Actor] = Field(default_factory=list, max_length=limits.MAX_ACTORS)
    chain: list[ChainLink] = Field(default_factory=list, max_length=limits.MAX_CHAIN_LINKS)
    issues: list[Issue] = Field(default_factory=list, max_length=limits.MAX_ACTIONS)  # the report's findings
    plan: list[PlanItem] = Field(default_factory=list, max_length=limits.MAX_ACTIONS)
    stocktakes: list[Stocktake] = Field(default_factory=list, max_length=limits.MAX_STOCKTAKES)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Review:
        if self.starts and self.ends and self.ends < self.starts:
            raise ValueError(f"the review ends ({self.ends}) before it starts ({self.starts})")
        if self.starts:
            early = next((s for s in self.stocktakes if s.dated and s.dated < self.starts), None)
            if early is not None:
                raise ValueError(f"a stocktake is dated {early.dated}, before the review starts ({self.starts})")
        return self

    @property
    def team_words(self) -> str:
        """'A. Khan (trio: council); B. Lee': as the page, the pack and the command line say it."""
        return "; ".join(f"{m.name} ({m.part})" if m.part else m.name for m in self.team)

    @property
    def started(self) -> bool:
        """Anything recorded: a project with an empty review has none."""
        return bool(self.topic or self.evidence or self.actors or self.issues or self.plan or self.stocktakes)


class SnapshotClaim(StrictModel):
    id: Id
    source: Id
    target: Id
    perspective: Id
    polarity: str


class SnapshotStance(StrictModel):
    action: Id
    perspective: Id
    desirable: str
    feasible: str


class Snapshot(Identified):
    """The parts of the project a later stocktake compares with, as they stood: the
    variables' names, the claims and the stances (loops are found again from the claims)."""

    name: Name
    taken: Name = ""
    variables: dict[Id, Name] = Field(default_factory=dict)
    perspectives: dict[Id, Name] = Field(default_factory=dict)
    actions: dict[Id, Name] = Field(default_factory=dict)
    claims: list[SnapshotClaim] = Field(default_factory=list)
    stances: list[SnapshotStance] = Field(default_factory=list)
