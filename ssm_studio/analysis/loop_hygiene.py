"""Loop hygiene, as Stella offers and across perspectives: loops that have no name yet, saved
names whose loop is gone, and — when there are too many loops to read — the shortest
independent loop set (Oliva 2004): short loops that together use every link on a loop, each
adding at least one link the others do not have."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Project
from .cycles import strongly_connected
from .loops import LoopReport, find_loops
from .signed_graph import SignedGraph

TOO_MANY_TO_READ = 30  # past this many loops, a room reads the independent set instead


@dataclass
class LoopHygiene:
    unnamed: list[str]  # labels of loops without a user-given name
    stale_names: list[tuple[str, str]]  # (label, name) saved for loops no longer in the map
    independent_set: list[list[str]] = field(default_factory=list)  # variable names, per loop
    complete: bool = True
    per_perspective: dict[str, int] = field(default_factory=dict)  # perspective -> unnamed loops it holds

    def as_json(self, project: Project) -> dict:
        names = {p.id: p.name for p in project.perspectives}
        return {"unnamed": self.unnamed,
                "stale_names": [{"label": label, "name": name} for label, name in self.stale_names],
                "independent_set": self.independent_set, "complete": self.complete,
                "unnamed_by_perspective": {names[p]: n for p, n in self.per_perspective.items()}}


def loop_hygiene(project: Project, perspectives: Iterable[str] | None = None,
                 report: LoopReport | None = None, time_budget: float = 2.0) -> LoopHygiene:
    chosen = None if perspectives is None else list(perspectives)
    report = report or find_loops(project, chosen, time_budget=time_budget)
    present = {loop.key for loop in report.loops}
    unnamed = [loop.label for loop in report.loops if not loop.name]
    # A name is stale only when the search was complete: an incomplete one may not have reached it.
    stale = ([(n.label, n.name) for n in project.cld.loop_names if n.name and n.key not in present]
             if report.complete else [])
    per_perspective: dict[str, int] = {}
    for loop in report.loops:
        if not loop.name:
            for p in loop.perspectives:
                per_perspective[p] = per_perspective.get(p, 0) + 1
    hygiene = LoopHygiene(unnamed, stale, complete=report.complete, per_perspective=per_perspective)
    if len(report.loops) > TOO_MANY_TO_READ or not report.complete:
        graph = SignedGraph(project, chosen)
        hygiene.independent_set = [[graph.names.get(v, v) for v in cycle]
                                   for cycle in shortest_independent_loops(graph)]
    return hygiene


def shortest_independent_loops(graph: SignedGraph) -> list[tuple[str, ...]]:
    """Oliva's SILS: take links in order; for a link not yet used by a chosen loop, the
    shortest loop through it joins the set (it adds at least that link)."""
    successors = graph.successors
    nodes = sorted(set(successors) | {t for targets in successors.values() for t in targets})
    component_of = {}
    for index, component in enumerate(strongly_connected(successors, nodes)):
        for node in component:
            component_of[node] = index
    used: set[tuple[str, str]] = set()
    chosen: list[tuple[str, ...]] = []
    for source, target in sorted(graph.steps, key=lambda pair: (graph.names.get(pair[0], ""), graph.names.get(pair[1], ""))):
        if (source, target) in used or component_of.get(source) != component_of.get(target):
            continue
        cycle = _shortest_cycle_through(source, target, successors, component_of)
        if cycle is None:
            continue
        chosen.append(cycle)
        used.update(zip(cycle, cycle[1:] + cycle[:1], strict=True))
    chosen.sort(key=len)
    return chosen


def _shortest_cycle_through(source: str, target: str, successors, component_of) -> tuple[str, ...] | None:
    """source → target, then the shortest path back from target to source (breadth first)."""
    if source == target:
        return (source,)
    home = component_of[source]
    parent: dict[str, str | None] = {target: None}
    queue = deque([target])
    while queue:
        node = queue.popleft()
        if node == source:
            break
        for succ in successors.get(node, ()):
            if succ not in parent and component_of.get(succ) == home:
                parent[succ] = node
                queue.append(succ)
    if source not in parent:
        return None
    path: list[str] = []
    at: str | None = source
    while at is not None:
        path.append(at)
        at = parent[at]
    path.reverse()  # target … source
    return (source, *path[:-1])
