"""Deterministic first placement for diagrams that arrive without geometry (imports)."""

from __future__ import annotations

import math

# Room a variable's label needs on the canvas, in scene units.
SPACING = 180.0


def arrange(node_ids: list[str], edges: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions for nodes: a force-directed layout for workshop sizes, a grid beyond.

    The seed is fixed so importing the same file twice gives the same picture.
    """
    if not node_ids:
        return {}
    if len(node_ids) <= 150:
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(node_ids)
        graph.add_edges_from((a, b) for a, b in edges if a != b)
        if len(node_ids) == 1:
            return {node_ids[0]: (0.0, 0.0)}
        scale = SPACING * math.sqrt(len(node_ids)) * 0.9
        pos = nx.spring_layout(graph, seed=7, scale=scale, k=1.5 / math.sqrt(len(node_ids)))
        return {n: (round(float(p[0]), 1), round(float(p[1]), 1)) for n, p in pos.items()}
    columns = math.ceil(math.sqrt(len(node_ids)))
    return {
        n: ((i % columns) * SPACING, (i // columns) * SPACING * 0.6) for i, n in enumerate(node_ids)
    }
