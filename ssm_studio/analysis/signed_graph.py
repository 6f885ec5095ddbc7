"""The causal claims of a chosen set of perspectives, merged into signed steps.

Claims of the same link with the same polarity are one step held by several perspectives;
claims of the same link with different polarities are different steps, so a loop through
that link exists once per polarity (each with its own R/B verdict and holders).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Polarity, Project


@dataclass(slots=True)
class Step:
    source: str
    target: str
    polarity: Polarity
    delay: bool = False
    link_ids: list[str] = field(default_factory=list)
    perspectives: set[str] = field(default_factory=set)


class SignedGraph:
    """Adjacency of variables with the signed steps between them."""

    def __init__(self, project: Project, perspectives: Iterable[str] | None = None) -> None:
        self.project = project
        chosen = None if perspectives is None else set(perspectives)
        self.names = {v.id: v.name for v in project.cld.variables}
        # (source, target) -> polarity -> Step
        self.steps: dict[tuple[str, str], dict[str, Step]] = {}
        steps = self.steps
        # Tight loop: maps of tens of thousands of claims are built here on every search.
        for link in project.cld.links:
            perspective = link.perspective
            if chosen is not None and perspective not in chosen:
                continue
            source, target, polarity = link.source, link.target, link.polarity
            by_polarity = steps.get((source, target))
            if by_polarity is None:
                by_polarity = steps[(source, target)] = {}
            step = by_polarity.get(polarity)
            if step is None:
                step = by_polarity[polarity] = Step(source, target, polarity, link.delay,
                                                    [link.id], {perspective})
                continue
            step.delay = step.delay or link.delay
            step.link_ids.append(link.id)
            step.perspectives.add(perspective)
        self.successors: dict[str, list[str]] = {}
        self.predecessors: dict[str, list[str]] = {}
        successors, predecessors = self.successors, self.predecessors
        for source, target in steps:
            if source in successors:
                successors[source].append(target)
            else:
                successors[source] = [target]
            if target in predecessors:
                predecessors[target].append(source)
            else:
                predecessors[target] = [source]

    def steps_between(self, source: str, target: str) -> list[Step]:
        return list(self.steps.get((source, target), {}).values())

    def to_networkx(self):
        import networkx as nx

        graph = nx.DiGraph()
        graph.add_nodes_from(self.names)
        graph.add_edges_from(self.steps)
        return graph

    def variable_id(self, name_or_id: str) -> str | None:
        """Find a variable by id or by trimmed, case-insensitive name."""
        if name_or_id in self.names:
            return name_or_id
        wanted = name_or_id.strip().casefold()
        return next((vid for vid, n in self.names.items() if n.strip().casefold() == wanted), None)


def multiply(polarities: Iterable[str]) -> Polarity:
    """Net sign of a chain: '?' if any step is unknown, else '-' for an odd number of '-'."""
    negatives = 0
    for polarity in polarities:
        if polarity == "?":
            return "?"
        negatives += polarity == "-"
    return "-" if negatives % 2 else "+"
