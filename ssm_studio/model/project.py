"""The whole SSM document."""

from __future__ import annotations

from datetime import UTC, datetime
from operator import attrgetter

from pydantic import Field, model_validator

from . import limits
from .base import Id, Name, StrictModel, Text, new_id
from .causal import CausalLoopDiagram
from .journeys import Journey, Service
from .perspective import Perspective
from .rich_picture import Bubble, Connector, Group, RichPicture
from .spotlight import Review, Snapshot
from .ssm_stages import Action, ConceptualModel, RootDefinition
from .storyline import Storyline

# The version of project.json this code writes; storage migrates older ones up to it.
FORMAT_VERSION = 6


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class Metadata(StrictModel):
    title: Name = "Untitled project"
    summary: Text = ""
    authors: list[Name] = Field(default_factory=list)
    created: Name = Field(default_factory=_now)
    modified: Name = Field(default_factory=_now)


class Project(StrictModel):
    # format_version comes first in project.json so a reader can see it in the first bytes.
    format_version: int = FORMAT_VERSION
    id: Id = Field(default_factory=new_id)
    metadata: Metadata = Field(default_factory=Metadata)
    perspectives: list[Perspective] = Field(default_factory=list, max_length=limits.MAX_PERSPECTIVES)
    rich_picture: RichPicture = Field(default_factory=RichPicture)
    cld: CausalLoopDiagram = Field(default_factory=CausalLoopDiagram)
    root_definitions: list[RootDefinition] = Field(
        default_factory=list, max_length=limits.MAX_ROOT_DEFINITIONS
    )
    conceptual_models: list[ConceptualModel] = Field(
        default_factory=list, max_length=limits.MAX_CONCEPTUAL_MODELS
    )
    actions: list[Action] = Field(default_factory=list, max_length=limits.MAX_ACTIONS)
    storylines: list[Storyline] = Field(default_factory=list, max_length=limits.MAX_STORYLINES)
    spotlight: Review = Field(default_factory=Review)  # the SPOTlight cycle (format 5)
    snapshots: list[Snapshot] = Field(default_factory=list, max_length=limits.MAX_SNAPSHOTS)
    services: list[Service] = Field(default_factory=list, max_length=limits.MAX_SERVICES)  # format 6
    journeys: list[Journey] = Field(default_factory=list, max_length=limits.MAX_JOURNEYS)

    @model_validator(mode="after")
    def _check_counts_and_references(self) -> Project:
        problems = reference_problems(self)
        if problems:
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            raise ValueError("; ".join(problems[:3]) + more)
        return self

    # Look-ups used by every room; linear scans are fine at workshop sizes and the
    # analysis and canvas build their own indexes.
    def perspective(self, perspective_id: str) -> Perspective | None:
        return next((p for p in self.perspectives if p.id == perspective_id), None)

    def perspectives_named(self, names: list[str]) -> list[Perspective]:
        """The perspectives with these names (case and spacing aside), in the order named,
        or UnknownPerspective naming the one missing and those there are."""
        from ..errors import UnknownPerspective

        found: list[Perspective] = []
        for name in names:
            perspective = self.perspective_named(name)
            if perspective is None:
                known = ", ".join(f"'{p.name}'" for p in self.perspectives) or "none"
                raise UnknownPerspective(f"There is no perspective called '{name}' (the project has {known}).")
            if perspective not in found:
                found.append(perspective)
        return found

    def perspective_named(self, name: str) -> Perspective | None:
        wanted = name.strip().casefold()
        return next((p for p in self.perspectives if p.name.strip().casefold() == wanted), None)


def reference_problems(project: Project) -> list[str]:
    """Every dangling id or over-limit count, as sentences a user can act on."""
    problems: list[str] = []
    cld = project.cld
    if len(cld.variables) > limits.MAX_VARIABLES:
        problems.append(f"too many variables ({len(cld.variables)}; at most {limits.MAX_VARIABLES})")
    if len(cld.links) > limits.MAX_LINKS:
        problems.append(f"too many causal links ({len(cld.links)}; at most {limits.MAX_LINKS})")
    items = project.rich_picture.items
    if len(items) > limits.MAX_RICH_PICTURE_ITEMS:
        problems.append(
            f"too many rich-picture items ({len(items)}; at most {limits.MAX_RICH_PICTURE_ITEMS})"
        )
    # Runs on every load and after every structural edit: sets built with map and
    # attrgetter (C speed) rather than a Python test per object keep it fast.
    ids = attrgetter("id")
    perspective_ids = set(map(ids, project.perspectives))
    variable_ids = set(map(ids, cld.variables))
    item_ids = set(map(ids, items))
    for what, objects, known in (("perspectives", project.perspectives, perspective_ids),
                                 ("variables", cld.variables, variable_ids),
                                 ("causal links", cld.links, None), ("rich-picture items", items, item_ids),
                                 ("root definitions", project.root_definitions, None),
                                 ("conceptual models", project.conceptual_models, None),
                                 ("actions", project.actions, None), ("loop names", cld.loop_names, None),
                                 ("storylines", project.storylines, None)):
        if len(known if known is not None else set(map(ids, objects))) != len(objects):
            problems.append(f"two {what} share one id")
    link_ends = set(map(attrgetter("source"), cld.links)) | set(map(attrgetter("target"), cld.links))
    if not link_ends <= variable_ids:
        problems.append("a causal link joins a variable that does not exist")
    if not set(map(attrgetter("perspective"), cld.links)) <= perspective_ids:
        problems.append("a causal link belongs to a perspective that does not exist")
    included = {p for v in cld.variables if v.included_by for p in v.included_by}
    if not included <= perspective_ids:
        problems.append("a variable is included by a perspective that does not exist")
    if not set(map(attrgetter("layer"), items)) - {None} <= perspective_ids:
        problems.append("a rich-picture item is on a layer that does not exist")
    joined: set[str | None] = set()
    for item in items:
        if isinstance(item, Connector):
            joined.add(item.source)
            joined.add(item.target)
        elif isinstance(item, Bubble):
            joined.add(item.owner)
        elif isinstance(item, Group):
            joined.update(item.members)
    if not joined - {None} <= item_ids:
        problems.append("a rich-picture connector, bubble or group refers to an item that does not exist")
    for rd in project.root_definitions:
        if rd.perspective not in perspective_ids:
            problems.append(f"root definition '{rd.title}' belongs to an unknown perspective")
    rd_ids = {rd.id for rd in project.root_definitions}
    for cm in project.conceptual_models:
        if cm.root_definition not in rd_ids:
            problems.append(f"conceptual model '{cm.title}' belongs to an unknown root definition")
        activity_ids = {a.id for a in cm.activities}
        if any(d.source not in activity_ids or d.target not in activity_ids for d in cm.dependencies):
            problems.append(f"conceptual model '{cm.title}' has an arrow to a missing activity")
        if any(row.activity not in activity_ids for row in cm.comparison):
            problems.append(f"comparison of '{cm.title}' has a row for a missing activity")
    for action in project.actions:
        if any(s.perspective not in perspective_ids for s in action.stances):
            problems.append(f"action '{action.title}' records a stance of an unknown perspective")
    problems += _spotlight_problems(project, perspective_ids, variable_ids)
    problems += _journey_problems(project, perspective_ids, variable_ids)
    return problems


def _journey_problems(project: Project, perspective_ids: set[str], variable_ids: set[str]) -> list[str]:
    problems: list[str] = []
    if not (project.services or project.journeys):
        return problems
    ids = attrgetter("id")
    service_ids = set(map(ids, project.services))
    for what, objects, known in (("services", project.services, service_ids),
                                 ("journeys", project.journeys, None)):
        if len(known if known is not None else set(map(ids, objects))) != len(objects):
            problems.append(f"two {what} share one id")
    names = [s.name.strip().casefold() for s in project.services]
    if len(set(names)) != len(names):
        problems.append("two services share one name")
    actor_ids = set(map(ids, project.spotlight.actors))
    if not {s.actor for s in project.services} - {None} <= actor_ids:
        problems.append("a service is linked to an actor of the delivery chain that does not exist")
    for journey in project.journeys:
        touchpoints = journey.touchpoints
        if len(set(map(ids, touchpoints))) != len(touchpoints):
            problems.append(f"journey '{journey.name}': two touchpoints share one id")
        if not set(map(attrgetter("service"), touchpoints)) - {None} <= service_ids:
            problems.append(f"journey '{journey.name}': a touchpoint is with a service the project does not list")
        if not set(map(attrgetter("told_by"), touchpoints)) - {None} <= perspective_ids:
            problems.append(f"journey '{journey.name}': a touchpoint is told by a perspective that does not exist")
        if not {e.variable for t in touchpoints for e in t.effects} <= variable_ids:
            problems.append(f"journey '{journey.name}': a touchpoint affects a variable that does not exist")
    return problems


def _spotlight_problems(project: Project, perspective_ids: set[str], variable_ids: set[str]) -> list[str]:
    review = project.spotlight
    problems: list[str] = []
    if not (review.evidence or review.actors or review.chain or review.plan or review.stocktakes
            or project.snapshots):
        return problems  # most projects: nothing to check
    ids = attrgetter("id")
    for what, objects in (("evidence items", review.evidence), ("actors", review.actors),
                          ("links of the delivery chain", review.chain), ("issues", review.issues),
                          ("plan items", review.plan),
                          ("stocktakes", review.stocktakes), ("snapshots", project.snapshots)):
        if len(set(map(ids, objects))) != len(objects):
            problems.append(f"two {what} share one id")
    names = [s.name.strip().casefold() for s in project.snapshots]
    if len(set(names)) != len(names):
        problems.append("two snapshots share one name")
    link_ids = set(map(ids, project.cld.links))
    for item in review.evidence:
        if not set(item.variables) <= variable_ids or not set(item.links) <= link_ids:
            problems.append(f"evidence '{item.statement[:40]}' points at a variable or claim that does not exist")
    actor_ids = set(map(ids, review.actors))
    if any(not set(actor.voiced_by) <= perspective_ids for actor in review.actors):
        problems.append("an actor of the delivery chain is voiced by a perspective that does not exist")
    for link in review.chain:
        if link.source not in actor_ids or link.target not in actor_ids:
            problems.append("a link of the delivery chain joins an actor that does not exist")
        if any(r.perspective not in perspective_ids for r in link.ratings):
            problems.append("a link of the delivery chain is rated by a perspective that does not exist")
    action_ids = set(map(ids, project.actions))
    if not set(map(attrgetter("action"), review.plan)) <= action_ids:
        problems.append("the action plan holds an action that does not exist")
    snapshot_ids = set(map(ids, project.snapshots))
    for stocktake in review.stocktakes:
        if review.starts and stocktake.dated and stocktake.dated < review.starts:
            problems.append(f"a stocktake is dated {stocktake.dated}, before the review starts ({review.starts})")
        if any(u.action not in action_ids for u in stocktake.updates):
            problems.append(f"the stocktake of {stocktake.dated} reports on an action that does not exist")
        if stocktake.snapshot is not None and stocktake.snapshot not in snapshot_ids:
            problems.append(f"the stocktake of {stocktake.dated} keeps a snapshot that does not exist")
    return problems
