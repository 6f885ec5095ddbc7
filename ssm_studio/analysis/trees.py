"""Causes tree (what drives a variable) and uses tree (what it drives), to a chosen depth."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Project
from .signed_graph import SignedGraph


@dataclass
class TreeNode:
    variable: str
    name: str
    # Polarity of the link joining this node to its parent ("" at the root); several when
    # perspectives disagree about that link.
    polarities: list[str] = field(default_factory=list)
    delay: bool = False
    # True when this variable already appears higher on the same branch: a loop closes here.
    loops_back: bool = False
    children: list[TreeNode] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {"variable": self.name, "polarities": self.polarities, "delay": self.delay,
                "loops_back": self.loops_back, "children": [c.as_dict() for c in self.children]}


def _tree(graph: SignedGraph, root: str, depth: int, upstream: bool) -> TreeNode:
    neighbours = graph.predecessors if upstream else graph.successors

    def grow(node: TreeNode, level: int, branch: frozenset[str]) -> None:
        if level >= depth:
            return
        for other in sorted(neighbours.get(node.variable, ()), key=lambda v: graph.names[v]):
            pair = (other, node.variable) if upstream else (node.variable, other)
            steps = graph.steps_between(*pair)
            child = TreeNode(other, graph.names[other], sorted(s.polarity for s in steps),
                             any(s.delay for s in steps), loops_back=other in branch)
            node.children.append(child)
            if not child.loops_back:
                grow(child, level + 1, branch | {other})

    root_node = TreeNode(root, graph.names[root])
    grow(root_node, 0, frozenset([root]))
    return root_node


def causes_tree(project: Project, variable: str, depth: int = 3,
                perspectives: Iterable[str] | None = None) -> TreeNode:
    graph = SignedGraph(project, perspectives)
    return _tree(graph, _require(graph, variable), depth, upstream=True)


def uses_tree(project: Project, variable: str, depth: int = 3,
              perspectives: Iterable[str] | None = None) -> TreeNode:
    graph = SignedGraph(project, perspectives)
    return _tree(graph, _require(graph, variable), depth, upstream=False)


def _require(graph: SignedGraph, variable: str) -> str:
    found = graph.variable_id(variable)
    if found is None:
        raise KeyError(f"there is no variable called '{variable}'")
    return found
