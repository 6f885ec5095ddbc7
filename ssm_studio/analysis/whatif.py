"""What-if propagation: an illustrative push spread along signed links, step by step.

A causal-loop diagram has no equations, so this only says which way each variable would
be nudged and by how many routes; loops make the nudges come back (oscillation or growth),
which the result shows rather than hides. Everything it returns carries that caveat.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import Project
from .signed_graph import SignedGraph
from .trees import _require

CAVEAT = ("Illustrative only: a causal-loop diagram has no equations or magnitudes. The arrows "
          "show which way each variable is nudged, by how many routes, not how much it changes.")


@dataclass
class Nudge:
    up: int = 0  # routes pushing it up this step
    down: int = 0
    unknown: int = 0  # routes through a '?' link

    @property
    def direction(self) -> str:
        if self.up and self.down:
            return "mixed"
        if self.up:
            return "up"
        if self.down:
            return "down"
        return "unknown" if self.unknown else "none"


@dataclass
class WhatIfResult:
    steps: int
    # variable id -> the nudge it receives at each step (step 0 is the push itself)
    history: dict[str, list[Nudge]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    caveat: str = CAVEAT

    def pattern(self, variable: str) -> str:
        """none, rises, falls, mixed, unknown, oscillates or grows, from the whole history."""
        directions = [n.direction for n in self.history[variable] if n.direction != "none"]
        if not directions:
            return "none"
        if "mixed" in directions:
            return "mixed"
        signed = [d for d in directions if d in ("up", "down")]
        if not signed:
            return "unknown"
        if any(a != b for a, b in zip(signed, signed[1:], strict=False)):
            return "oscillates"
        totals = [n.up + n.down for n in self.history[variable] if n.up + n.down]
        if len(totals) > 2 and totals[-1] > totals[0]:
            return "grows"
        return "rises" if signed[0] == "up" else "falls"


def propagate(project: Project, pushes: dict[str, str], steps: int = 6,
              perspectives: Iterable[str] | None = None) -> WhatIfResult:
    """``pushes`` maps variable (id or name) to "up" or "down"."""
    graph = SignedGraph(project, perspectives)
    current = {vid: Nudge() for vid in graph.names}
    for variable, way in pushes.items():
        if way not in ("up", "down"):
            raise ValueError(f"a push is 'up' or 'down', not '{way}'")
        nudge = current[_require(graph, variable)]
        if way == "up":
            nudge.up += 1
        else:
            nudge.down += 1
    result = WhatIfResult(steps=steps, names=dict(graph.names))
    for vid, nudge in current.items():
        result.history[vid] = [nudge]
    for _ in range(steps):
        following = {vid: Nudge() for vid in graph.names}
        for (source, target), by_polarity in graph.steps.items():
            came = current[source]
            if not (came.up or came.down or came.unknown):
                continue
            into = following[target]
            for polarity in by_polarity:
                if polarity == "+":
                    into.up += came.up
                    into.down += came.down
                    into.unknown += came.unknown
                elif polarity == "-":
                    into.up += came.down
                    into.down += came.up
                    into.unknown += came.unknown
                else:
                    into.unknown += came.up + came.down + came.unknown
        for vid, nudge in following.items():
            result.history[vid].append(nudge)
        current = following
    return result
