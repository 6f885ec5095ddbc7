"""Automatic layout with Graphviz, in-process through pygraphviz (its wheel carries Graphviz's
libraries), with the pure-Python layout as the fallback where pygraphviz cannot be imported.

The engine is chosen by size and shape: ``dot`` only for small or ranked diagrams (on a
tangled 200-node graph it takes minutes), ``neato`` for mid-size, ``sfdp`` beyond. The wheel
lacks Graphviz's triangulation library, so ``overlap=prism`` fails: boxes are kept apart by
our own overlap removal afterwards. Pinned variables keep their places.
"""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass

from .simple import LABEL_HEIGHT, LABEL_WIDTH, arrange, remove_overlaps, snap_to_free_cells

ENGINES = ("auto", "dot", "neato", "sfdp", "fallback")
DOT_LIMIT = 60  # dot beyond this many nodes only for ranked diagrams (conceptual models)
SNAP_LIMIT = 1_500  # beyond this, boxes go to free grid cells rather than being pushed apart
NEATO_LIMIT = 150  # neato takes 0.5 s at 200 variables here; sfdp 0.2 s
# sfdp takes 2 s at 1,000 variables and minutes at 50,000 (a big import with no positions):
# past this many the built-in layout's rows serve, and the user tidies parts of it later.
SFDP_LIMIT = 2_000
POINTS_PER_INCH = 72.0


@dataclass
class LayoutResult:
    positions: dict[str, tuple[float, float]]
    engine: str  # the engine that ran: dot, neato, sfdp or fallback
    note: str = ""


def graphviz_available() -> bool:
    try:
        import pygraphviz  # noqa: F401
    except ImportError:
        return False
    return True


def choose_engine(nodes: int, ranked: bool = False) -> str:
    if not graphviz_available():
        return "fallback"
    if ranked or nodes <= DOT_LIMIT:
        return "dot"
    if nodes > SFDP_LIMIT:
        return "fallback"
    return "neato" if nodes <= NEATO_LIMIT else "sfdp"


def layout(node_ids: list[str], edges: list[tuple[str, str]], engine: str = "auto",
           pinned: dict[str, tuple[float, float]] | None = None, ranked: bool = False) -> LayoutResult:
    """Positions (scene units, y down) for every node; pinned ones exactly where they were."""
    if engine not in ENGINES:
        raise ValueError(f"unknown layout engine '{engine}' (choose from {', '.join(ENGINES)})")
    pinned = {n: p for n, p in (pinned or {}).items() if n in set(node_ids)}
    chosen = choose_engine(len(node_ids), ranked) if engine == "auto" else engine
    note = ""
    if chosen != "fallback" and not graphviz_available():
        chosen, note = "fallback", "pygraphviz is not installed here, so the built-in layout was used"
    if chosen == "fallback" or len(node_ids) < 2:
        return LayoutResult(arrange(node_ids, edges, pinned=pinned), "fallback" if len(node_ids) >= 2 else chosen, note)
    positions = _graphviz(node_ids, edges, chosen, pinned, ranked)
    if not ranked:
        _spread(positions, set(pinned))
    _keep_pinned(positions, pinned)
    if len(node_ids) > SNAP_LIMIT:
        snap_to_free_cells(positions, fixed=set(pinned))
    else:
        remove_overlaps(positions, fixed=set(pinned))
    return LayoutResult({n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}, chosen, note)


def _graphviz(node_ids, edges, engine: str, pinned, ranked: bool) -> dict[str, list[float]]:
    import pygraphviz

    graph = pygraphviz.AGraph(directed=True, strict=False)
    graph.graph_attr.update(overlap="true", splines="false", sep="+12", nodesep="0.5", ranksep="0.6")
    if ranked:
        graph.graph_attr["rankdir"] = "TB"
    graph.node_attr.update(shape="box", fixedsize="true", width=str(LABEL_WIDTH / POINTS_PER_INCH),
                           height=str(LABEL_HEIGHT / POINTS_PER_INCH), label="")
    for index, node in enumerate(node_ids):
        graph.add_node(f"n{index}")
        if node in pinned and engine != "dot":
            x, y = pinned[node]
            graph.get_node(f"n{index}").attr.update(pos=f"{x},{-y}!", pin="true")
    key = {node: f"n{index}" for index, node in enumerate(node_ids)}
    for source, target in edges:
        if source in key and target in key and source != target:
            graph.add_edge(key[source], key[target])
    with _quiet_stderr():
        graph.layout(prog=engine)
    positions = {}
    for node in node_ids:
        x, y = (float(v) for v in graph.get_node(key[node]).attr["pos"].rstrip("!").split(","))
        positions[node] = [x, -y]  # Graphviz's y grows upwards; the canvas's downwards
    return positions


def _spread(positions: dict[str, list[float]], pinned: set[str]) -> None:
    """sfdp and neato pack nodes closer than our labels need; scaling the whole picture up
    until there is room for every label (about 2.5 label-areas each) keeps its shape and
    leaves the overlap removal little to do."""
    free = [p for n, p in positions.items() if n not in pinned]
    if len(free) < 2:
        return
    xs, ys = [p[0] for p in free], [p[1] for p in free]
    area = max(1.0, (max(xs) - min(xs)) * (max(ys) - min(ys)))
    needed = 2.5 * len(free) * LABEL_WIDTH * LABEL_HEIGHT
    if area >= needed:
        return
    factor = (needed / area) ** 0.5
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    for p in free:
        p[0] = cx + (p[0] - cx) * factor
        p[1] = cy + (p[1] - cy) * factor


@contextmanager
def _quiet_stderr():
    """sfdp reports that the wheel's Graphviz lacks the triangulation library (we remove
    overlaps ourselves); a user running a command should not see that on every layout."""
    try:
        saved = os.dup(2)
    except OSError:
        yield
        return
    try:
        with open(os.devnull, "wb") as null:
            os.dup2(null.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


def _keep_pinned(positions: dict[str, list[float]], pinned: dict[str, tuple[float, float]]) -> None:
    """Engines that ignore pins (dot) or move them slightly: shift the free nodes so that the
    pinned ones' centre stays where it was, then put the pinned ones back exactly."""
    if not pinned:
        return
    ox = sum(positions[n][0] for n in pinned) / len(pinned)
    oy = sum(positions[n][1] for n in pinned) / len(pinned)
    tx = sum(p[0] for p in pinned.values()) / len(pinned)
    ty = sum(p[1] for p in pinned.values()) / len(pinned)
    for node, position in positions.items():
        if node in pinned:
            positions[node] = [pinned[node][0], pinned[node][1]]
        else:
            position[0] += tx - ox
            position[1] += ty - oy
