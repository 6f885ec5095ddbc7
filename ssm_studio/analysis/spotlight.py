"""What the SPOTlight review tells a panel: the weakest and most disputed links of the
delivery chain, the positions nobody in the project speaks for, the claims that rest on no
evidence (or only weak evidence), and what moved or slipped since the last stocktake."""

from __future__ import annotations

from dataclasses import dataclass, field
from statistics import mean

from ..model import POSITIONS, ChainLink, Project, Stocktake

RAG_ORDER = {"red": 0, "amber": 1, "green": 2}
DISPUTED = 2  # ratings of one link this far apart: the partners disagree about it


@dataclass
class LinkStrength:
    link: ChainLink
    source: str  # the actors' names
    target: str
    mean: float | None  # None: nobody has rated it
    lowest: int | None
    highest: int | None
    by: dict[str, int]  # perspective name -> strength

    @property
    def disputed(self) -> bool:
        return self.lowest is not None and self.highest is not None and self.highest - self.lowest >= DISPUTED


def chain_strengths(project: Project) -> list[LinkStrength]:
    """Every link of the chain, weakest first (unrated ones last)."""
    names = {a.id: a.name for a in project.spotlight.actors}
    perspectives = {p.id: p.name for p in project.perspectives}
    out = []
    for link in project.spotlight.chain:
        values = [r.strength for r in link.ratings]
        out.append(LinkStrength(link, names.get(link.source, "?"), names.get(link.target, "?"),
                                mean(values) if values else None, min(values, default=None),
                                max(values, default=None),
                                {perspectives.get(r.perspective, "?"): r.strength for r in link.ratings}))
    return sorted(out, key=lambda s: (s.mean is None, s.mean if s.mean is not None else 0.0, s.source))


def unheard_positions(project: Project) -> list[str]:
    """Oshry's positions (tops, middles, bottoms, customers) that no perspective of the project
    speaks for: none of the chain's actors there is voiced by one ("no customer is heard")."""
    actors = project.spotlight.actors
    if not actors:
        return []
    heard = {a.position for a in actors if a.voiced_by}
    return [words for key, words in POSITIONS.items() if key not in heard]


@dataclass
class EvidenceGap:
    link_id: str
    claim: str  # "A → B (perspective)"
    why: str  # "no evidence" or "only low-confidence evidence"


def evidence_gaps(project: Project) -> list[EvidenceGap]:
    """Claims no evidence supports, or only evidence held with low confidence."""
    support: dict[str, list[str]] = {}
    for item in project.spotlight.evidence:
        for link_id in item.links:
            support.setdefault(link_id, []).append(item.confidence)
    names = {v.id: v.name for v in project.cld.variables}
    perspectives = {p.id: p.name for p in project.perspectives}
    gaps = []
    for link in project.cld.links:
        held = support.get(link.id, [])
        if held and any(c != "low" for c in held):
            continue
        why = "only low-confidence evidence" if held else "no evidence"
        claim = f"{names.get(link.source, '?')} → {names.get(link.target, '?')} ({perspectives.get(link.perspective, '?')})"
        gaps.append(EvidenceGap(link.id, claim, why))
    return gaps


@dataclass
class ActionChange:
    action: str  # title
    before: str | None  # RAG at the earlier stocktake (None: not reported there)
    after: str | None
    reason: str
    movement: str  # "moved" (better), "slipped" (worse), "held", "new", "dropped"
    trajectory: tuple[float | None, float | None] = (None, None)  # actual then, actual now
    assumption: str = ""  # the assumption questioned at the later stocktake, if one was


@dataclass
class StocktakeComparison:
    earlier: Stocktake | None
    later: Stocktake
    changes: list[ActionChange] = field(default_factory=list)

    def count(self, movement: str) -> int:
        return sum(1 for c in self.changes if c.movement == movement)


def latest_stocktakes(project: Project) -> tuple[Stocktake | None, Stocktake | None]:
    """The last two stocktakes by date: (the one before, the latest)."""
    dated = sorted(project.spotlight.stocktakes, key=lambda s: s.dated)
    if not dated:
        return None, None
    return (dated[-2] if len(dated) > 1 else None), dated[-1]


def compare_stocktakes(project: Project, earlier: Stocktake | None, later: Stocktake) -> StocktakeComparison:
    """This stocktake against the one before: what moved, what slipped, which assumptions
    were questioned."""
    titles = {a.id: a.title for a in project.actions}
    before = {u.action: u for u in earlier.updates} if earlier is not None else {}
    after = {u.action: u for u in later.updates}
    changes = []
    for action_id in [*after, *(a for a in before if a not in after)]:
        old, new = before.get(action_id), after.get(action_id)
        if new is None:
            movement = "dropped"
        elif old is None:
            movement = "new"
        else:
            step = RAG_ORDER[new.status] - RAG_ORDER[old.status]
            movement = "moved" if step > 0 else "slipped" if step < 0 else "held"
        changes.append(ActionChange(
            titles.get(action_id, "?"), old.status if old else None, new.status if new else None,
            new.reason if new else (old.reason if old else ""), movement,
            (old.actual if old else None, new.actual if new else None),
            new.assumption if new is not None and new.assumption_questioned else ""))
    return StocktakeComparison(earlier, later, changes)
