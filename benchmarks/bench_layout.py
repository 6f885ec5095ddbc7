"""Automatic layout at 50, 200, 1,000 and 5,000 variables (three links each): each engine and
the automatic choice, beside networkx.spring_layout and Graphviz's sfdp called directly with
its defaults (the floor under our sfdp engine), with the overlapping label boxes left.

Each engine is stopped after its first run over the time limit (dot takes minutes on a
tangled 1,000-node graph); '-' marks a run not attempted because a smaller one was over.

Run:  python benchmarks/bench_layout.py [--limit SECONDS]
"""

from __future__ import annotations

import argparse
import random
import time

from ssm_studio.layout import layout, overlapping_pairs


def graph(n: int, seed: int = 5):
    rng = random.Random(seed)
    nodes = [f"v{i}" for i in range(n)]
    return nodes, [(rng.choice(nodes), rng.choice(nodes)) for _ in range(3 * n)]


def spring(nodes, edges) -> dict:
    import networkx as nx

    g = nx.Graph()
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    pos = nx.spring_layout(g, seed=7, scale=180 * len(nodes) ** 0.5)
    return {n: (float(p[0]), float(p[1])) for n, p in pos.items()}


def sfdp_bare(nodes, edges) -> dict:
    """Graphviz's sfdp called directly through pygraphviz, with its defaults: the floor under
    our sfdp engine (which sizes the boxes, keeps pinned ones and removes overlaps)."""
    import pygraphviz

    g = pygraphviz.AGraph(directed=True, strict=False)
    g.add_nodes_from(nodes)
    g.add_edges_from(edges)
    g.layout(prog="sfdp")
    return {n: tuple(float(v) for v in g.get_node(n).attr["pos"].split(",")[:2]) for n in nodes}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=float, default=30.0)
    limit = parser.parse_args().limit
    engines = ["auto", "dot", "neato", "sfdp", "sfdp bare", "fallback", "spring"]
    over: set[str] = set()
    print("seconds (overlapping label boxes); auto picks dot ≤ 60, neato ≤ 150, sfdp beyond")
    print(f"{'variables':>9} " + " ".join(f"{e:>16}" for e in engines))
    for n in (50, 200, 1_000, 5_000):
        nodes, edges = graph(n)
        cells = []
        for engine in engines:
            if engine in over:
                cells.append(f"{'-':>16}")
                continue
            started = time.perf_counter()
            if engine == "sfdp bare":
                positions, used = sfdp_bare(nodes, edges), "sfdp"
            elif engine == "spring":
                try:
                    positions, used = spring(nodes, edges), "spring"
                except ImportError as missing:  # networkx needs scipy from 500 nodes up
                    cells.append(f"{'needs ' + (missing.name or 'scipy'):>16}")
                    continue
            else:
                result = layout(nodes, edges, engine)
                positions, used = result.positions, result.engine
            elapsed = time.perf_counter() - started
            if elapsed > limit:
                over.add(engine)
            overlaps = overlapping_pairs(positions) if n <= 1_000 else "…"
            label = f"{elapsed:.2f} ({overlaps})" + (f" {used}" if engine == "auto" else "")
            cells.append(f"{label:>16}")
        print(f"{n:>9,} " + " ".join(cells))


if __name__ == "__main__":
    main()
