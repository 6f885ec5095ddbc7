"""Loop-level comparison of perspectives: for every loop of the combined map, who holds it.

A perspective *holds* a loop when it claims every link of the loop with the polarities that
make this loop (R, B or ?). It holds the loop *with another polarity* when it claims every
link of the same circle of variables but reads at least one with another sign. A loop that
no single perspective claims all the way round exists only when several perspectives'
claims are combined: a loop nobody sees alone.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Project
from .loops import Loop, LoopReport, find_loops
from .signed_graph import SignedGraph


@dataclass
class LoopHolding:
    loop: Loop
    held_by: list[str]  # perspective ids, in project order
    held_with_other_polarity: list[str]
    combined_only: bool

    def as_json(self, project: Project) -> dict:
        names = {p.id: p.name for p in project.perspectives}
        variables = {v.id: v.name for v in project.cld.variables}
        return {
            "label": self.loop.label, "name": self.loop.name, "polarity": self.loop.polarity,
            "variables": [variables.get(v, v) for v in self.loop.variables],
            "held_by": [names[p] for p in self.held_by],
            "held_with_other_polarity": [names[p] for p in self.held_with_other_polarity],
            "combined_only": self.combined_only,
        }


@dataclass
class LoopComparison:
    holdings: list[LoopHolding]
    complete: bool
    notes: list[str]


def compare_loops(project: Project, perspectives: Iterable[str] | None = None,
                  time_budget: float = 2.0, max_loops: int = 10_000,
                  known_labels: dict[str, tuple[str, str]] | None = None,
                  report: LoopReport | None = None) -> LoopComparison:
    """Every loop of the combined claims of ``perspectives`` (None: all), with its holders.
    ``report``: those loops, found already (the pack has searched them)."""
    chosen = None if perspectives is None else list(perspectives)
    if report is None:
        report = find_loops(project, chosen, time_budget=time_budget, max_loops=max_loops,
                            known_labels=known_labels)
    graph = SignedGraph(project, chosen)
    order = [p.id for p in project.perspectives if chosen is None or p.id in chosen]
    holdings = []
    for loop in report.loops:
        pairs = zip(loop.variables, loop.variables[1:] + loop.variables[:1], strict=True)
        claiming = None  # perspectives with a claim (of any sign) on every link of the circle
        for pair in pairs:
            on_link = set().union(*(step.perspectives for step in graph.steps.get(pair, {}).values()))
            claiming = on_link if claiming is None else claiming & on_link
        holders = set(loop.perspectives)
        other = (claiming or set()) - holders
        holdings.append(LoopHolding(
            loop=loop, held_by=[p for p in order if p in holders],
            held_with_other_polarity=[p for p in order if p in other],
            combined_only=not claiming,
        ))
    return LoopComparison(holdings=holdings, complete=report.complete, notes=list(report.notes))
