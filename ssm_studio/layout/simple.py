"""Deterministic first placement for diagrams that arrive without geometry (imports).

Pure Python on purpose: networkx's spring layout needs numpy (and scipy from 500 nodes),
which a policy officer's install should not need just to import a list of links. This is
Fruchterman–Reingold with repulsion only between nearby nodes (a grid of cells one
cut-off wide), so each step is close to linear in the number of variables, followed by a
pass that pushes apart labels that still overlap.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict

# Room a variable's label needs on the canvas, in scene units.
SPACING = 180.0
LABEL_WIDTH, LABEL_HEIGHT = 150.0, 48.0
_SEED = 7
# Past this many variables a pure-Python force layout takes more than a few seconds, and a
# picture that large is read through search and filters anyway: rows, then tidy later.
FORCE_LIMIT = 1500


def arrange(node_ids: list[str], edges: list[tuple[str, str]],
            pinned: dict[str, tuple[float, float]] | None = None,
            iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """Positions for nodes, the same for the same input (importing a file twice gives one
    picture). ``pinned`` nodes keep their given places and the others settle around them."""
    pinned = {n: p for n, p in (pinned or {}).items() if n in set(node_ids)}
    if not node_ids:
        return {}
    if len(node_ids) == 1:
        only = node_ids[0]
        return {only: pinned.get(only, (0.0, 0.0))}
    if len(node_ids) > FORCE_LIMIT:
        positions = _rows(node_ids, pinned)
    else:
        positions = _force_directed(node_ids, edges, pinned, iterations)
    remove_overlaps(positions, fixed=set(pinned))
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in positions.items()}


def _force_directed(nodes: list[str], edges: list[tuple[str, str]],
                    pinned: dict[str, tuple[float, float]],
                    iterations: int | None) -> dict[str, list[float]]:
    rng = random.Random(_SEED)
    count = len(nodes)
    k = SPACING  # the ideal distance between joined variables
    side = k * math.sqrt(count)
    pos = {n: list(pinned[n]) if n in pinned else [rng.uniform(0, side), rng.uniform(0, side)]
           for n in nodes}
    index = set(nodes)
    pairs = {(a, b) if a < b else (b, a) for a, b in edges if a != b and a in index and b in index}
    free = [n for n in nodes if n not in pinned]
    steps = iterations or (80 if count <= 300 else 50 if count <= 2000 else 30)
    temperature = side / 8
    cooling = temperature / (steps + 1)
    cutoff = 2.5 * k
    for _ in range(steps):
        shift = {n: [0.0, 0.0] for n in nodes}
        for members, near in _neighbourhoods(pos, cutoff, cutoff):
            for a in members:
                ax, ay = pos[a]
                push = shift[a]
                for b in near:
                    if a == b:
                        continue
                    dx, dy = ax - pos[b][0], ay - pos[b][1]
                    d2 = dx * dx + dy * dy
                    if d2 == 0.0:  # two nodes on one spot: part them the same way every time
                        dx, dy, d2 = 0.1 * (1 if a < b else -1), 0.0, 0.01
                    if d2 < cutoff * cutoff:
                        force = k * k / d2
                        push[0] += dx * force
                        push[1] += dy * force
        for a, b in pairs:
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            d = math.hypot(dx, dy) or 0.01
            pull = d / k
            shift[a][0] -= dx * pull
            shift[a][1] -= dy * pull
            shift[b][0] += dx * pull
            shift[b][1] += dy * pull
        for n in free:
            sx, sy = shift[n]
            length = math.hypot(sx, sy)
            if length > 0:
                step = min(length, temperature)
                pos[n][0] += sx / length * step
                pos[n][1] += sy / length * step
        temperature -= cooling
    return pos


def _neighbourhoods(positions: dict[str, list[float]], w: float, h: float):
    """(nodes in a cell, nodes in it and the eight cells around it), for every occupied
    cell of a w × h grid: what is near enough to matter, without comparing every pair."""
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)
    for n, (x, y) in positions.items():
        grid[(int(x // w), int(y // h))].append(n)
    for (gx, gy), members in grid.items():
        yield members, [m for dx in (-1, 0, 1) for dy in (-1, 0, 1) for m in grid.get((gx + dx, gy + dy), ())]


def _rows(nodes: list[str], pinned: dict[str, tuple[float, float]]) -> dict[str, list[float]]:
    columns = math.ceil(math.sqrt(len(nodes)))
    return {n: list(pinned[n]) if n in pinned else [(i % columns) * SPACING, (i // columns) * SPACING * 0.6]
            for i, n in enumerate(nodes)}


def remove_overlaps(positions: dict[str, list[float]], fixed: set[str] | None = None,
                    width: float = LABEL_WIDTH, height: float = LABEL_HEIGHT,
                    rounds: int = 40) -> None:
    """Push apart labels whose boxes (centred on the positions) overlap, along the axis of
    least overlap; fixed nodes do not move. Works in place. Pushing settles most crowds;
    whatever still overlaps after ``rounds`` is moved to the nearest free spot, so the
    result never has overlapping boxes (unless two fixed ones overlap each other)."""
    fixed = fixed or set()
    gap = 8.0
    w, h = width + gap, height + gap
    for _ in range(rounds):
        moved = False
        for members, near in _neighbourhoods(positions, w, h):
            for a in members:
                for b in near:
                    if not a < b:
                        continue
                    pa, pb = positions[a], positions[b]
                    ox = w - abs(pa[0] - pb[0])
                    oy = h - abs(pa[1] - pb[1])
                    if ox <= 0 or oy <= 0:
                        continue
                    moved = True
                    a_free, b_free = a not in fixed, b not in fixed
                    if not (a_free or b_free):
                        continue
                    share = 0.5 if a_free and b_free else 1.0
                    if ox < oy:
                        sign = 1.0 if pa[0] > pb[0] or (pa[0] == pb[0] and a < b) else -1.0
                        axis, amount = 0, ox
                    else:
                        sign = 1.0 if pa[1] > pb[1] or (pa[1] == pb[1] and a < b) else -1.0
                        axis, amount = 1, oy
                    if a_free:
                        pa[axis] += sign * amount * share
                    if b_free:
                        pb[axis] -= sign * amount * share
        if not moved:
            return
    _place_leftovers(positions, fixed, w, h)


def _place_leftovers(positions: dict[str, list[float]], fixed: set[str], w: float, h: float) -> None:
    grid: dict[tuple[int, int], list[str]] = defaultdict(list)

    def cell(x: float, y: float) -> tuple[int, int]:
        return int(x // w), int(y // h)

    def clashes(name: str, x: float, y: float) -> bool:
        cx, cy = cell(x, y)
        return any(abs(x - positions[o][0]) < w and abs(y - positions[o][1]) < h
                   for dx in (-1, 0, 1) for dy in (-1, 0, 1) for o in grid.get((cx + dx, cy + dy), ())
                   if o != name)

    crowded = []
    for n, (x, y) in positions.items():
        grid[cell(x, y)].append(n)
    for n in sorted(positions):
        if n not in fixed and clashes(n, *positions[n]):
            crowded.append(n)
            grid[cell(*positions[n])].remove(n)
    for n in crowded:
        x0, y0 = positions[n]
        for ring in range(1, 10_000):
            spots = [(x0 + i * w, y0 + j * h) for i in range(-ring, ring + 1)
                     for j in range(-ring, ring + 1) if max(abs(i), abs(j)) == ring]
            spots.sort(key=lambda p: (p[0] - x0) ** 2 + (p[1] - y0) ** 2)
            free = next((p for p in spots if not clashes(n, *p)), None)
            if free is not None:
                positions[n] = [free[0], free[1]]
                grid[cell(*free)].append(n)
                break


def overlapping_pairs(positions: dict[str, tuple[float, float]], width: float = LABEL_WIDTH,
                      height: float = LABEL_HEIGHT) -> int:
    """How many pairs of label boxes overlap (tests and benchmarks check for none)."""
    items = list(positions.values())
    return sum(1 for i, (ax, ay) in enumerate(items) for bx, by in items[i + 1:]
               if abs(ax - bx) < width and abs(ay - by) < height)


def snap_to_free_cells(positions: dict[str, list[float]], fixed: set[str] | None = None,
                       width: float = LABEL_WIDTH, height: float = LABEL_HEIGHT) -> None:
    """For large diagrams: every free box to the nearest free cell of a grid one box (plus a
    gap) in size, so no two boxes overlap, in time close to linear. Pushing apart thousands
    of clustered boxes pair by pair took over a minute at 5,000 variables."""
    fixed = fixed or set()
    w, h = width + 8.0, height + 8.0
    taken: set[tuple[int, int]] = set()
    for node in fixed:
        x, y = positions[node]
        cx, cy = x / w, y / h
        for gx in (int(cx // 1) - 1, int(cx // 1), int(cx // 1) + 1, int(cx // 1) + 2):
            for gy in (int(cy // 1) - 1, int(cy // 1), int(cy // 1) + 1, int(cy // 1) + 2):
                if abs(gx - cx) < 1 and abs(gy - cy) < 1:
                    taken.add((gx, gy))
    free = sorted((n for n in positions if n not in fixed), key=lambda n: (positions[n][1], positions[n][0]))
    for node in free:
        x, y = positions[node]
        home = (round(x / w), round(y / h))
        spot = home
        ring = 0
        while spot in taken:
            ring += 1
            ring_cells = [(home[0] + i, home[1] + j) for i in range(-ring, ring + 1) for j in range(-ring, ring + 1)
                          if max(abs(i), abs(j)) == ring]
            ring_cells.sort(key=lambda c: (c[0] * w - x) ** 2 + (c[1] * h - y) ** 2)
            spot = next((c for c in ring_cells if c not in taken), spot)
        taken.add(spot)
        positions[node] = [spot[0] * w, spot[1] * h]
