"""Sign-only prediction: what a sustained push on one variable does to every other, from the
signs of the claims alone (Levins' loop analysis, as Puccia and Levins apply it), with the
ambiguity said honestly.

No one knows the strengths of the links in a partnership's map, so none are made up. Each
link gets many random strengths (between 0.1 and 1, its sign kept), each variable a self-
limiting term (the usual assumption of loop analysis: nothing grows without bound on its
own), and only stable systems are kept. For each, the response to a press is −A⁻¹ eᵢ. A
variable *rises* (or *falls*) when at least ``AGREEMENT`` of the stable samples agree; else
its response is *ambiguous*: it depends on strengths the map does not give.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Project
from .signed_graph import SignedGraph
from .trees import _require

AGREEMENT = 0.8
SAMPLES = 200
MAX_VARIABLES = 1_500  # a dense solve per sample; beyond this, only what the press can reach


@dataclass
class Response:
    variable: str
    name: str
    verdict: str  # "rises", "falls", "ambiguous" or "unaffected"
    agreement: float  # share of stable samples with the majority sign

    def as_json(self) -> dict:
        return {"variable": self.name, "response": self.verdict, "agreement": round(self.agreement, 3)}


@dataclass
class Prediction:
    pressed: str
    direction: str  # "up" or "down"
    responses: list[Response]
    samples: int  # stable samples used
    note: str = ""


def predict_press(project: Project, variable: str, up: bool = True, perspectives: Iterable[str] | None = None,
                  samples: int = SAMPLES, seed: int = 7, time_budget: float = 5.0) -> Prediction:
    import numpy as np

    graph = SignedGraph(project, None if perspectives is None else list(perspectives))
    pressed = _require(graph, variable)
    reach = _reachable(graph, pressed)
    nodes = sorted(reach, key=lambda v: graph.names.get(v, v))
    note = ""
    if len(nodes) > MAX_VARIABLES:
        nodes, note = nodes[:MAX_VARIABLES], f"only the first {MAX_VARIABLES:,} variables reached were used"
    index = {v: i for i, v in enumerate(nodes)}
    edges = []
    for (source, target), steps in graph.steps.items():
        if source in index and target in index:
            signs = {s.polarity for s in steps.values()}
            # Perspectives that disagree on a link's sign: either sign may hold, so the sign is drawn too.
            edges.append((index[target], index[source], "?" if len(signs) > 1 else next(iter(signs))))
    rng = np.random.default_rng(seed)
    n = len(nodes)
    press = np.zeros(n)
    press[index[pressed]] = 1.0 if up else -1.0
    signs_seen = np.zeros((n, 3))  # counts of -, 0, +
    kept = 0
    deadline = time.perf_counter() + time_budget
    rows = np.array([e[0] for e in edges], dtype=int)
    cols = np.array([e[1] for e in edges], dtype=int)
    fixed = np.array([{"+": 1.0, "-": -1.0}.get(e[2], 0.0) for e in edges])
    unknown = fixed == 0.0
    for _ in range(samples * 5):
        if kept >= samples or time.perf_counter() > deadline:
            break
        sign = np.where(unknown, rng.choice([-1.0, 1.0], size=len(edges)), fixed)
        matrix = -np.eye(n)
        np.add.at(matrix, (rows, cols), sign * rng.uniform(0.1, 1.0, size=len(edges)))
        if n <= 400 and np.max(np.linalg.eigvals(matrix).real) >= 0:
            continue  # not a stable equilibrium: loop analysis says nothing about it
        try:
            response = -np.linalg.solve(matrix, press)
        except np.linalg.LinAlgError:
            continue
        scale = max(1e-12, float(np.max(np.abs(response))))
        signed = np.sign(np.where(np.abs(response) / scale < 1e-9, 0.0, response)).astype(int)
        signs_seen[np.arange(n), signed + 1] += 1
        kept += 1
    responses = []
    for v in nodes:
        if v == pressed:
            continue
        counts = signs_seen[index[v]]
        total = counts.sum()
        if total == 0:
            verdict, agreement = "ambiguous", 0.0
        else:
            majority = int(np.argmax(counts))
            agreement = float(counts[majority] / total)
            verdict = ("ambiguous" if agreement < AGREEMENT
                       else {0: "falls", 1: "unaffected", 2: "rises"}[majority])
        responses.append(Response(v, graph.names.get(v, v), verdict, agreement))
    if kept == 0:
        note = (note + "; " if note else "") + "no stable system was found with these signs"
    return Prediction(graph.names.get(pressed, pressed), "up" if up else "down", responses, kept, note)


def _reachable(graph: SignedGraph, start: str) -> set[str]:
    """The pressed variable and everything its push can reach (the rest cannot respond)."""
    seen = {start}
    frontier = [start]
    while frontier:
        node = frontier.pop()
        for succ in graph.successors.get(node, ()):
            if succ not in seen:
                seen.add(succ)
                frontier.append(succ)
    return seen
