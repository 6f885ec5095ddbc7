"""Boxes of different sizes pushed apart until no two touch (for print).

On screen a user may let two boxes touch; on paper, with words enlarged so that they print at
8 pt, they would cover each other's links. This moves the fewest boxes the least: pairs that
touch are pushed apart along the axis where they overlap least, and if a crowd does not settle
the whole picture is spread about its centre, which always ends it.
"""

from __future__ import annotations

import math

Box = tuple[float, float, float, float]  # centre x, centre y, width, height


def touching_pairs(boxes: dict[str, Box], gap: float) -> list[tuple[str, str]]:
    """Every pair of boxes closer than ``gap``, found by a sweep along x (near-linear)."""
    order = sorted(boxes, key=lambda k: boxes[k][0] - boxes[k][2] / 2)
    pairs = []
    for i, a in enumerate(order):
        ax, ay, aw, ah = boxes[a]
        right = ax + aw / 2 + gap
        for b in order[i + 1:]:
            bx, by, bw, bh = boxes[b]
            if bx - bw / 2 >= right:
                break
            if abs(ax - bx) < (aw + bw) / 2 + gap and abs(ay - by) < (ah + bh) / 2 + gap:
                pairs.append((a, b))
    return pairs


def separate_boxes(boxes: dict[str, Box], gap: float = 6.0, rounds: int = 300) -> dict[str, tuple[float, float]]:
    """New centres for the boxes that had to move (empty when none touch)."""
    centres = {k: [b[0], b[1]] for k, b in boxes.items()}

    def current() -> dict[str, Box]:
        return {k: (centres[k][0], centres[k][1], boxes[k][2], boxes[k][3]) for k in boxes}

    for _ in range(rounds):
        pairs = touching_pairs(current(), gap)
        if not pairs:
            break
        for a, b in pairs:
            pa, pb = centres[a], centres[b]
            ox = (boxes[a][2] + boxes[b][2]) / 2 + gap - abs(pa[0] - pb[0])
            oy = (boxes[a][3] + boxes[b][3]) / 2 + gap - abs(pa[1] - pb[1])
            if ox <= 0 or oy <= 0:
                continue
            if ox < oy:
                sign = 1.0 if pa[0] > pb[0] or (pa[0] == pb[0] and a < b) else -1.0
                pa[0] += sign * (ox / 2 + 0.5)
                pb[0] -= sign * (ox / 2 + 0.5)
            else:
                sign = 1.0 if pa[1] > pb[1] or (pa[1] == pb[1] and a < b) else -1.0
                pa[1] += sign * (oy / 2 + 0.5)
                pb[1] -= sign * (oy / 2 + 0.5)
    else:
        _spread(centres, boxes, gap)
    return {k: (round(c[0], 1), round(c[1], 1)) for k, c in centres.items()
            if math.hypot(c[0] - boxes[k][0], c[1] - boxes[k][1]) > 0.05}


def _spread(centres: dict[str, list[float]], boxes: dict[str, Box], gap: float) -> None:
    """Spread every centre about the middle until nothing touches (boxes on one spot first
    take a step apart, which spreading alone could never give them)."""
    seen: dict[tuple[float, float], int] = {}
    for k in sorted(centres):
        spot = (round(centres[k][0], 1), round(centres[k][1], 1))
        n = seen.get(spot, 0)
        seen[spot] = n + 1
        centres[k][0] += n * (boxes[k][2] + gap)
    mx = sum(c[0] for c in centres.values()) / len(centres)
    my = sum(c[1] for c in centres.values()) / len(centres)
    original = {k: (c[0] - mx, c[1] - my) for k, c in centres.items()}
    factor = 1.0
    while True:
        factor *= 1.15
        for k, (dx, dy) in original.items():
            centres[k][0], centres[k][1] = mx + dx * factor, my + dy * factor
        now = {k: (centres[k][0], centres[k][1], boxes[k][2], boxes[k][3]) for k in boxes}
        if not touching_pairs(now, gap):
            return
