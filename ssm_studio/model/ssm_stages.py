"""SSM stages 3 to 7: root definitions, conceptual models, comparison, actions."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from .base import Id, Identified, Name, StrictModel, Text
from .limits import MAX_ACTIVITIES


class Measures(StrictModel):
    """The 5Es by which the system would be judged."""

    efficacy: Text = ""
    efficiency: Text = ""
    effectiveness: Text = ""
    ethicality: Text = ""
    elegance: Text = ""


class RootDefinition(Identified):
    """A system named from one worldview, checked with CATWOE; belongs to one perspective."""

    perspective: Id
    title: Name = ""
    kind: Literal["primary-task", "issue-based"] = "primary-task"
    customers: Text = ""
    actors: Text = ""
    transformation_input: Text = ""
    transformation_output: Text = ""
    worldview: Text = ""
    owners: Text = ""
    environment: Text = ""
    # PQR: do P, by means of Q, in order to achieve R.
    what: Text = ""
    how: Text = ""
    why: Text = ""
    measures: Measures = Field(default_factory=Measures)
    # None: the sentence is composed from the parts; text: the user's own wording.
    sentence: Text | None = None


class Activity(Identified):
    """A purposeful activity, written as a verb phrase."""

    label: Name
    x: float = 0.0
    y: float = 0.0
    # Part of the monitor-and-control subsystem, and which of the 5Es it watches.
    monitor_control: bool = False
    measure: Literal["", "efficacy", "efficiency", "effectiveness", "ethicality", "elegance"] = ""


class Dependency(Identified):
    """Logical contingency: ``target`` depends on ``source`` being done."""

    source: Id
    target: Id


Answer = Literal["", "yes", "no", "partly", "unsure"]


class ComparisonRow(Identified):
    """Stage 5: one activity of a model set against the real situation."""

    activity: Id
    exists: Answer = ""
    how: Text = ""
    who: Text = ""
    judged: Text = ""
    comments: Text = ""
    proposed_change: Text = ""


class ConceptualModel(Identified):
    root_definition: Id
    title: Name = ""
    activities: list[Activity] = Field(default_factory=list, max_length=MAX_ACTIVITIES)
    dependencies: list[Dependency] = Field(default_factory=list)
    comparison: list[ComparisonRow] = Field(default_factory=list)


Verdict = Literal["yes", "no", "unsure"]


class Stance(Identified):
    """One perspective's view of a proposed change (stage 6)."""

    perspective: Id
    desirable: Verdict = "unsure"
    feasible: Verdict = "unsure"
    note: Text = ""


class Action(Identified):
    title: Name
    description: Text = ""
    owner: Name = ""
    timescale: Literal["short", "medium", "long"] = "medium"
    # The comparison row it came from, if any.
    source_row: Id | None = None
    stances: list[Stance] = Field(default_factory=list)
