"""Where perspectives' causal views agree, conflict, or see what the others miss."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Project
from .loops import LoopReport, find_loops


@dataclass
class LinkView:
    """One link (source → target) and the polarity each perspective claims for it."""

    source: str
    target: str
    claims: dict[str, str]  # perspective id -> polarity

    @property
    def status(self) -> str:
        """agreed, conflict, uncertain (some say '?'), or one-only."""
        if len(self.claims) == 1:
            return "one-only"
        polarities = set(self.claims.values())
        if {"+", "-"} <= polarities:
            return "conflict"
        if len(polarities) == 1:
            return "agreed"
        return "uncertain"


@dataclass
class PerspectiveComparison:
    perspectives: list[str]
    variables_used: dict[str, set[str]]
    links: list[LinkView]
    loops: dict[str, LoopReport]  # each perspective's own loops
    similarity: dict[str, dict[str, float]]  # Jaccard over signed links
    loop_holders: dict[str, list[str]] = field(default_factory=dict)  # loop key -> perspectives

    def by_status(self, status: str) -> list[LinkView]:
        return [link for link in self.links if link.status == status]

    def only_in(self, perspective: str) -> list[LinkView]:
        return [lk for lk in self.by_status("one-only") if perspective in lk.claims]

    def loops_only_seen_by(self, perspective: str) -> list[str]:
        return [key for key, holders in self.loop_holders.items() if holders == [perspective]]


def compare_perspectives(project: Project, perspectives: Iterable[str] | None = None,
                         loop_budget: float = 1.0,
                         loops: dict[str, LoopReport] | None = None) -> PerspectiveComparison:
    """``loops`` may pass each perspective's loops already found, to save finding them again."""
    chosen = [p.id for p in project.perspectives] if perspectives is None else list(perspectives)
    chosen_set = set(chosen)
    used: dict[str, set[str]] = {p: set() for p in chosen}
    signed: dict[str, set[tuple[str, str, str]]] = {p: set() for p in chosen}
    views: dict[tuple[str, str], LinkView] = {}
    for link in project.cld.links:
        if link.perspective not in chosen_set:
            continue
        used[link.perspective] |= {link.source, link.target}
        signed[link.perspective].add((link.source, link.target, link.polarity))
        view = views.setdefault((link.source, link.target), LinkView(link.source, link.target, {}))
        view.claims[link.perspective] = link.polarity
    for variable in project.cld.variables:
        for holder in variable.included_by:
            if holder in chosen_set:
                used[holder].add(variable.id)
    similarity = {
        a: {b: _jaccard(signed[a], signed[b]) for b in chosen} for a in chosen
    }
    loops = dict(loops or {})
    for p in chosen:
        if p not in loops:
            loops[p] = find_loops(project, [p], time_budget=loop_budget / max(1, len(chosen)))
    holders: dict[str, list[str]] = {}
    for p in chosen:
        for loop in loops[p].loops:
            holders.setdefault(loop.key, []).append(p)
    return PerspectiveComparison(chosen, used, list(views.values()), loops, similarity, holders)


def _jaccard(a: set, b: set) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
