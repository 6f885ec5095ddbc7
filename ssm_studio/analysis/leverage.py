"""Where to push: for each variable, how connected it is, how central, how many loops pass
through it, and its MICMAC influence and dependence (direct and indirect)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Project
from .loops import LoopReport, find_loops
from .signed_graph import SignedGraph

MICMAC_POWER = 3  # influence through chains of up to this many links, as MICMAC does
EXACT_BETWEENNESS_LIMIT = 500  # beyond this, betweenness is estimated from a seeded sample


@dataclass
class VariableLeverage:
    variable: str
    name: str
    in_degree: int
    out_degree: int
    betweenness: float
    loops: int  # loops of the report passing through it
    influence: float  # MICMAC: weighted walks leaving it, up to MICMAC_POWER links
    dependence: float  # MICMAC: weighted walks arriving at it
    quadrant: str  # "influential", "relay", "dependent" or "autonomous"

    def as_json(self) -> dict:
        return {"variable": self.name, "in_degree": self.in_degree, "out_degree": self.out_degree,
                "betweenness": round(self.betweenness, 4), "loops": self.loops,
                "influence": round(self.influence, 2), "dependence": round(self.dependence, 2),
                "quadrant": self.quadrant}


def leverage(project: Project, perspectives: Iterable[str] | None = None,
             report: LoopReport | None = None, time_budget: float = 1.0) -> list[VariableLeverage]:
    """Every variable the chosen claims touch, most influential first."""
    import networkx as nx

    chosen = None if perspectives is None else list(perspectives)
    graph = SignedGraph(project, chosen)
    nodes = sorted({v for pair in graph.steps for v in pair})
    if not nodes:
        return []
    network = nx.DiGraph()
    network.add_nodes_from(nodes)
    network.add_edges_from(graph.steps)
    if len(nodes) <= EXACT_BETWEENNESS_LIMIT:
        between = nx.betweenness_centrality(network, normalized=True)
    else:
        between = nx.betweenness_centrality(network, k=EXACT_BETWEENNESS_LIMIT, normalized=True, seed=7)
    report = report or find_loops(project, chosen, time_budget=time_budget)
    through = dict.fromkeys(nodes, 0)
    for loop in report.loops:
        for v in set(loop.variables):
            if v in through:
                through[v] += 1
    influence, dependence = _micmac(graph, nodes)
    # MICMAC draws its axes through the means.
    cut_influence = statistics.fmean(influence.values())
    cut_dependence = statistics.fmean(dependence.values())
    rows = []
    for v in nodes:
        high_i, high_d = influence[v] > cut_influence, dependence[v] > cut_dependence
        quadrant = ("relay" if high_i and high_d else "influential" if high_i
                    else "dependent" if high_d else "autonomous")
        rows.append(VariableLeverage(v, graph.names.get(v, v), network.in_degree(v), network.out_degree(v),
                                     between[v], through[v], influence[v], dependence[v], quadrant))
    rows.sort(key=lambda r: (-r.influence, -r.betweenness, r.name))
    return rows


def _micmac(graph: SignedGraph, nodes: list[str]) -> tuple[dict[str, float], dict[str, float]]:
    """Row and column sums of M + M² + … + M^k for the adjacency matrix M, by repeated
    multiplication of a vector (linear in links for each power, so fine at 5,000 variables)."""
    successors: dict[str, list[str]] = {v: [] for v in nodes}
    predecessors: dict[str, list[str]] = {v: [] for v in nodes}
    for s, t in graph.steps:
        successors[s].append(t)
        predecessors[t].append(s)
    influence = dict.fromkeys(nodes, 0.0)
    dependence = dict.fromkeys(nodes, 0.0)
    walks_out = dict.fromkeys(nodes, 1.0)  # walks of the current length leaving each node
    walks_in = dict.fromkeys(nodes, 1.0)
    for _ in range(MICMAC_POWER):
        walks_out = {v: sum(walks_out[t] for t in successors[v]) for v in nodes}
        walks_in = {v: sum(walks_in[s] for s in predecessors[v]) for v in nodes}
        for v in nodes:
            influence[v] += walks_out[v]
            dependence[v] += walks_in[v]
    return influence, dependence
