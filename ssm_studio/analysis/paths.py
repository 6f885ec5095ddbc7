"""Signed paths from an intervention to an outcome, flagging opposite-sign routes."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Project
from .signed_graph import SignedGraph, Step, multiply
from .trees import _require


@dataclass
class SignedPath:
    variables: list[str]
    steps: list[Step]
    sign: str  # "+", "-" or "?"

    @property
    def length(self) -> int:
        return len(self.steps)


@dataclass
class PathReport:
    paths: list[SignedPath]
    # Both "+" and "-" routes exist: a push on the source may both raise and lower the target,
    # a candidate unintended consequence.
    mixed: bool
    complete: bool


def signed_paths(project: Project, source: str, target: str, max_length: int = 6,
                 perspectives: Iterable[str] | None = None, max_paths: int = 10_000,
                 time_budget: float = 2.0) -> PathReport:
    graph = SignedGraph(project, perspectives)
    start, end = _require(graph, source), _require(graph, target)
    deadline = time.perf_counter() + time_budget
    paths: list[SignedPath] = []
    complete = True

    def walk(node: str, trail: list[str]) -> bool:
        nonlocal complete
        if len(paths) >= max_paths or time.perf_counter() > deadline:
            complete = False
            return False
        if node == end and len(trail) > 1:
            choices = [graph.steps_between(a, b) for a, b in itertools.pairwise(trail)]
            for steps in itertools.product(*choices):
                paths.append(SignedPath(list(trail), list(steps), multiply(s.polarity for s in steps)))
            return True
        if len(trail) > max_length:
            return True
        for succ in graph.successors.get(node, ()):
            if succ not in trail or (succ == end and succ == start):
                if not walk(succ, [*trail, succ]):
                    return False
        return True

    walk(start, [start])
    paths.sort(key=lambda p: (p.length, p.sign))
    signs = {p.sign for p in paths}
    return PathReport(paths=paths, mixed={"+", "-"} <= signs, complete=complete)
