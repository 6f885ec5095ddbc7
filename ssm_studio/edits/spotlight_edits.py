"""Edits of the SPOTlight review: evidence, the delivery chain and its ratings, the action
plan, stocktakes and snapshots. Each is one undoable step; deleting what others point at
takes the pointers with it (``forget``), so nothing is left dangling."""

from __future__ import annotations

from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from datetime import UTC, datetime

from ..errors import EditRefused
from ..model import (
    ActionUpdate,
    Actor,
    ChainLink,
    Evidence,
    Issue,
    PlanItem,
    Project,
    Rating,
    Snapshot,
    SnapshotClaim,
    SnapshotStance,
    Stocktake,
)
from .base import CompositeEdit, DeleteEdit, Edit, InsertEdit, InsertManyEdit, SetFieldsEdit
from .journey_edits import forget as forget_in_journeys
from .refusal import build

REVIEW = ("spotlight",)
EVIDENCE = (*REVIEW, "evidence")
ACTORS = (*REVIEW, "actors")
CHAIN = (*REVIEW, "chain")
PLAN = (*REVIEW, "plan")
ISSUES = (*REVIEW, "issues")
STOCKTAKES = (*REVIEW, "stocktakes")
SNAPSHOTS = ("snapshots",)


def change_review(**changes: object) -> Edit:
    """Topic, neighbourhood, the six weeks' dates, the team and the sponsor."""
    return SetFieldsEdit(REVIEW, changes, label="Change the SPOTlight review")


# Problem analysis ------------------------------------------------------------------------
def add_evidence(evidence: Evidence) -> Edit:
    return InsertEdit(EVIDENCE, evidence, label="Add evidence")


def add_evidence_items(items: list[Evidence]) -> Edit:
    """Many at once (an import of a spreadsheet of case notes): one step, checked once."""
    return InsertManyEdit(EVIDENCE, items, label=f"Add {len(items):,} evidence items")


def change_evidence(evidence_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*EVIDENCE, evidence_id), changes, label="Change evidence")


def remove_evidence(evidence_ids: Iterable[str]) -> Edit:
    return CompositeEdit([DeleteEdit(EVIDENCE, e) for e in evidence_ids], label="Delete evidence")


# The delivery chain ----------------------------------------------------------------------
def add_actor(actor: Actor) -> Edit:
    return InsertEdit(ACTORS, actor, label=f"Add '{actor.name}' to the delivery chain")


def change_actor(actor_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*ACTORS, actor_id), changes, label="Change actor")


def move_actors(positions: dict[str, tuple[float, float]]) -> Edit:
    moves = [SetFieldsEdit((*ACTORS, a), {"x": x, "y": y}, label="Move") for a, (x, y) in positions.items()]
    return CompositeEdit(moves, label="Move" if len(moves) == 1 else f"Move {len(moves)} actors")


def remove_actors(project: Project, actor_ids: set[str]) -> Edit:
    """Actors and every link of the chain that touches them, as one step."""
    edits: list[Edit] = [DeleteEdit(CHAIN, link.id) for link in project.spotlight.chain
                         if link.source in actor_ids or link.target in actor_ids]
    edits += forget_in_journeys(project, actors=actor_ids)  # the services that were these actors
    edits += [DeleteEdit(ACTORS, a) for a in actor_ids]
    return CompositeEdit(edits, label="Delete actor" if len(actor_ids) == 1 else f"Delete {len(actor_ids)} actors")


def add_chain_link(project: Project, link: ChainLink) -> Edit:
    if link.source == link.target:
        raise EditRefused("A link of the delivery chain joins two different actors.")
    if any(other.source == link.source and other.target == link.target and other.kind == link.kind
           for other in project.spotlight.chain):
        raise EditRefused("Those actors are already joined by a link of that kind; rate it instead.")
    return InsertEdit(CHAIN, link, label=f"Add {link.kind} link")


def change_chain_link(link_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*CHAIN, link_id), changes, label="Change link of the chain")


def rate_link(project: Project, link_id: str, perspective_id: str, strength: int | None, reason: str = "") -> Edit:
    """One perspective's rating of a link (1 broken .. 5 strong), or None to take it back."""
    link = _find(project.spotlight.chain, link_id, "link of the delivery chain")
    if strength is not None and not 1 <= strength <= 5:
        raise EditRefused(f"A link's strength is rated from 1 (broken) to 5 (strong), not {strength}.")
    ratings = [r for r in link.ratings if r.perspective != perspective_id]
    if strength is not None:
        ratings.append(Rating(perspective=perspective_id, strength=strength, reason=reason))
    return SetFieldsEdit((*CHAIN, link_id), {"ratings": ratings}, label="Rate link of the chain")


def remove_chain_links(link_ids: Iterable[str]) -> Edit:
    return CompositeEdit([DeleteEdit(CHAIN, lid) for lid in link_ids], label="Delete link of the chain")


# The SPOTlight report: its issues and its plan ---------------------------------------------
def add_issue(issue: Issue) -> Edit:
    return InsertEdit(ISSUES, issue, label="Add an issue to the report")


def change_issue(issue_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*ISSUES, issue_id), changes, label="Change issue")


def remove_issues(issue_ids: Iterable[str]) -> Edit:
    return CompositeEdit([DeleteEdit(ISSUES, i) for i in issue_ids], label="Delete issue")


# The plan -------------------------------------------------------------
def plan_action(item: PlanItem) -> Edit:
    return InsertEdit(PLAN, item, label="Put an action on the plan")


def plan_new_action(title: str, origin: str, origin_id: str | None, horizon: str = "short") -> tuple[Edit, str]:
    """A change proposed from what the review found (a weak link of the chain, an evidence
    gap) and put on the plan, as one step: the action of stages 6-7 and its plan item."""
    from ..model import Action

    action = build(Action, title=title[:500])
    item = build(PlanItem, action=action.id, horizon=horizon, origin=origin, origin_id=origin_id)
    return CompositeEdit([InsertEdit(("actions",), action), InsertEdit(PLAN, item)],
                         label="Plan an action"), action.id


def change_plan_item(item_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*PLAN, item_id), changes, label="Change plan")


def remove_plan_items(item_ids: Iterable[str]) -> Edit:
    return CompositeEdit([DeleteEdit(PLAN, i) for i in item_ids], label="Take off the plan")


# Stocktakes ------------------------------------------------------------------------------
def add_stocktake(project: Project, stocktake: Stocktake) -> Edit:
    starts = project.spotlight.starts
    if starts and stocktake.dated and stocktake.dated < starts:
        raise EditRefused(f"A stocktake on {stocktake.dated} would come before the review starts ({starts}).")
    return InsertEdit(STOCKTAKES, stocktake, label=f"Add stocktake of {stocktake.dated}")


def change_stocktake(stocktake_id: str, **changes: object) -> Edit:
    return SetFieldsEdit((*STOCKTAKES, stocktake_id), changes, label="Change stocktake")


def report_on(project: Project, stocktake_id: str, action_id: str, status: str, reason: str,
              **more: object) -> Edit:
    """An action's status at a stocktake, with the reason it must have (and the trajectory,
    decisions and the assumption questioned), replacing what was reported on it there."""
    stocktake = _find(project.spotlight.stocktakes, stocktake_id, "stocktake")
    _find(project.actions, action_id, "action")
    update = build(ActionUpdate, action=action_id, status=status, reason=reason, **more)
    updates = [u for u in stocktake.updates if u.action != update.action] + [update]
    return SetFieldsEdit((*STOCKTAKES, stocktake_id), {"updates": updates}, label="Report on an action")


def remove_stocktake(stocktake_id: str) -> Edit:
    return DeleteEdit(STOCKTAKES, stocktake_id, label="Delete stocktake")


# Snapshots -------------------------------------------------------------------------------
def take_snapshot(project: Project, name: str) -> tuple[Edit, str]:
    """The claims, names and stances as they stand now, kept under ``name``."""
    name = name.strip()
    if not name:
        raise EditRefused("A snapshot needs a name (e.g. 'Stocktake 2, March').")
    if any(s.name.strip().casefold() == name.casefold() for s in project.snapshots):
        raise EditRefused(f"There is already a snapshot called '{name}'; choose another name.")
    snapshot = Snapshot(
        name=name, taken=datetime.now(UTC).replace(microsecond=0).isoformat(),
        variables={v.id: v.name for v in project.cld.variables},
        perspectives={p.id: p.name for p in project.perspectives},
        actions={a.id: a.title for a in project.actions},
        claims=[SnapshotClaim(id=lk.id, source=lk.source, target=lk.target, perspective=lk.perspective,
                              polarity=lk.polarity) for lk in project.cld.links],
        stances=[SnapshotStance(action=a.id, perspective=s.perspective, desirable=s.desirable, feasible=s.feasible)
                 for a in project.actions for s in a.stances])
    return InsertEdit(SNAPSHOTS, snapshot, label=f"Take snapshot '{name}'"), snapshot.id


def remove_snapshot(project: Project, snapshot_id: str) -> Edit:
    """A snapshot, and the stocktakes' mention of it."""
    edits: list[Edit] = [SetFieldsEdit((*STOCKTAKES, s.id), {"snapshot": None})
                         for s in project.spotlight.stocktakes if s.snapshot == snapshot_id]
    edits.append(DeleteEdit(SNAPSHOTS, snapshot_id))
    return CompositeEdit(edits, label="Delete snapshot")


# What deleting something else takes with it ----------------------------------------------
def forget(project: Project, variables: AbstractSet[str] = frozenset(), links: AbstractSet[str] = frozenset(),
           perspectives: AbstractSet[str] = frozenset(), actions: AbstractSet[str] = frozenset()) -> list[Edit]:
    """The edits that take the review's pointers to these (about to be deleted) objects."""
    review = project.spotlight
    edits: list[Edit] = []
    if variables or links:
        for item in review.evidence:
            kept_v = [v for v in item.variables if v not in variables]
            kept_l = [lk for lk in item.links if lk not in links]
            if len(kept_v) != len(item.variables) or len(kept_l) != len(item.links):
                edits.append(SetFieldsEdit((*EVIDENCE, item.id), {"variables": kept_v, "links": kept_l}))
    if perspectives:
        for actor in review.actors:
            if not perspectives.isdisjoint(actor.voiced_by):
                edits.append(SetFieldsEdit((*ACTORS, actor.id),
                                           {"voiced_by": [p for p in actor.voiced_by if p not in perspectives]}))
        for link in review.chain:
            kept = [r for r in link.ratings if r.perspective not in perspectives]
            if len(kept) != len(link.ratings):
                edits.append(SetFieldsEdit((*CHAIN, link.id), {"ratings": kept}))
    if actions:
        edits += [DeleteEdit(PLAN, item.id) for item in review.plan if item.action in actions]
        for stocktake in review.stocktakes:
            kept_u = [u for u in stocktake.updates if u.action not in actions]
            if len(kept_u) != len(stocktake.updates):
                edits.append(SetFieldsEdit((*STOCKTAKES, stocktake.id), {"updates": kept_u}))
    return edits


def _find(objects: list, object_id: str, what: str):
    found = next((o for o in objects if o.id == object_id), None)
    if found is None:
        raise EditRefused(f"That {what} no longer exists (it may have just been deleted or undone); nothing was changed.")
    return found
