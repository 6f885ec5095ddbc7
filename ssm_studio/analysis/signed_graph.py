"""The causal claims of a chosen set of perspectives, merged into signed steps.

Claims of the same link with the same polarity are one step held by several perspectives;
claims of the same link with different polarities are different steps, so a loop through
that link exists once per polarity (each with its own R/B verdict and holders).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Polarity, Project


@dataclass
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
        for link in project.cld.links:
            if chosen is not None and link.perspective not in chosen:
                continue
            by_polarity = self.steps.setdefault((link.source, link.target), {})
            step = by_polarity.get(link.polarity)
            if step is None:
                step = by_polarity[link.polarity] = Step(link.source, link.target, link.polarity)
            step.delay = step.delay or link.delay
            step.link_ids.append(link.id)
            step.perspectives.add(link.perspective)
        self.successors: dict[str, list[str]] = {}
        self.predecessors: dict[str, list[str]] = {}
        for source, target in self.steps:
            self.successors.setdefault(source, []).append(target)
            self.predecessors.setdefault(target, []).append(source)

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
