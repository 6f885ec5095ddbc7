"""Boxes of different sizes pushed apart until no two touch (for print).

On screen a user may let two boxes touch; on paper, with words enlarged so that they print at
8 pt, they would cover each other's links. Boxes on one spot first take a step apart; pairs
that touch are then pushed apart along the axis where they overlap least, round after round
while the work stays within a budget of pushes; whatever still touches after that is settled
by spreading the whole picture about its middle by the least factor that frees every pair
(spreading never makes a new pair touch), so the work stays bounded however crowded the
picture.
"""

from __future__ import annotations

import math

Box = tuple[float, float, float, float]  # centre x, centre y, width, height
PUSH_ROUNDS = 300
PUSH_BUDGET = 60_000  # pairs pushed in all rounds together: a crowd of 200 settles well within it


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


def separate_boxes(boxes: dict[str, Box], gap: float = 6.0, rounds: int = PUSH_ROUNDS) -> dict[str, tuple[float, float]]:
    """New centres for the boxes that had to move (empty when none touch)."""
    centres = {k: [b[0], b[1]] for k, b in boxes.items()}

    def current() -> dict[str, Box]:
        return {k: (centres[k][0], centres[k][1], boxes[k][2], boxes[k][3]) for k in boxes}

    _off_one_spot(centres, boxes, gap)
    pushed = 0
    for _ in range(rounds):
        pairs = touching_pairs(current(), gap)
        if not pairs:
            break
        pushed += len(pairs)
        if pushed > PUSH_BUDGET:
            _spread(centres, boxes, pairs, gap)
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
        _spread(centres, boxes, touching_pairs(current(), gap), gap)
    return {k: (round(c[0], 1), round(c[1], 1)) for k, c in centres.items()
            if math.hypot(c[0] - boxes[k][0], c[1] - boxes[k][1]) > 0.05}


def _off_one_spot(centres: dict[str, list[float]], boxes: dict[str, Box], gap: float) -> None:
    """Boxes sharing one centre (a model never laid out) put side by side in a row: nothing
    else could ever tell them apart."""
    seen: dict[tuple[float, float], float] = {}
    for k in sorted(centres):
        spot = (round(centres[k][0], 1), round(centres[k][1], 1))
        if spot in seen:
            seen[spot] += boxes[k][2] + gap
            centres[k][0] += seen[spot]
        else:
            seen[spot] = boxes[k][2] / 2


def _spread(centres: dict[str, list[float]], boxes: dict[str, Box], pairs: list[tuple[str, str]], gap: float) -> None:
    """Every centre moved away from the middle by the least factor that frees every pair that
    still touches: distances between centres only grow, so no other pair comes to touch."""
    if not pairs:
        return
    factor = 1.0
    for a, b in pairs:
        dx, dy = abs(centres[a][0] - centres[b][0]), abs(centres[a][1] - centres[b][1])
        need_x = ((boxes[a][2] + boxes[b][2]) / 2 + gap) / dx if dx else math.inf
        need_y = ((boxes[a][3] + boxes[b][3]) / 2 + gap) / dy if dy else math.inf
        factor = max(factor, min(need_x, need_y) * 1.001)
    mx = sum(c[0] for c in centres.values()) / len(centres)
    my = sum(c[1] for c in centres.values()) / len(centres)
    for c in centres.values():
        c[0], c[1] = mx + (c[0] - mx) * factor, my + (c[1] - my) * factor
