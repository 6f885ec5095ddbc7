"""Many quadratic curves at once, in numpy arrays: where each enters a rectangle, the piece
inside it, and where a dashed piece must start for its dashes to fall where the whole
curve's do (render/long_links.py paints with these)."""

from __future__ import annotations

import numpy as np

SAMPLES = 96  # points along a curve to measure how far along it a piece starts (to 0.1 px)


def arc_tables(q: np.ndarray) -> np.ndarray:
    """Per curve, the length from its start to each of SAMPLES + 1 evenly spaced parameters
    (worked out once per curve: the dashes of every later piece are placed from it)."""
    ts = np.linspace(0.0, 1.0, SAMPLES + 1)
    u = 1 - ts
    xs = np.outer(q[:, 0], u * u) + np.outer(q[:, 2], 2 * u * ts) + np.outer(q[:, 4], ts * ts)
    ys = np.outer(q[:, 1], u * u) + np.outer(q[:, 3], 2 * u * ts) + np.outer(q[:, 5], ts * ts)
    steps = np.hypot(np.diff(xs, axis=1), np.diff(ys, axis=1))
    return np.concatenate([np.zeros((len(q), 1)), np.cumsum(steps, axis=1)], axis=1).astype(np.float32)


def visible_spans(q: np.ndarray, left: float, top: float, right: float, bottom: float
                  ) -> tuple[np.ndarray, np.ndarray]:
    """geometry.visible_span for many curves at once: per row (t0, t1), NaN where the curve
    never enters the rectangle."""
    x0, y0, cx, cy, x1, y1 = (q[:, i] for i in range(6))
    found = [np.where((left <= x0) & (x0 <= right) & (top <= y0) & (y0 <= bottom), 0.0, np.nan),
             np.where((left <= x1) & (x1 <= right) & (top <= y1) & (y1 <= bottom), 1.0, np.nan)]
    with np.errstate(all="ignore"):
        for p0, p1, p2, o0, o1, o2, edges, low, high in (
                (x0, cx, x1, y0, cy, y1, (left, right), top, bottom),
                (y0, cy, y1, x0, cx, x1, (top, bottom), left, right)):
            a, b = p0 - 2 * p1 + p2, 2 * (p1 - p0)
            for edge in edges:
                for root in _roots(a, b, p0 - edge):
                    t = np.clip(root, 0.0, 1.0)  # a rounding error past an end is at the end
                    u = 1 - t
                    other = u * u * o0 + 2 * u * t * o1 + t * t * o2
                    ok = (root >= -1e-9) & (root <= 1.0 + 1e-9) & (other >= low - 1e-6) & (other <= high + 1e-6)
                    found.append(np.where(ok, t, np.nan))
    stack = np.stack(found, axis=1)
    return np.fmin.reduce(stack, axis=1), np.fmax.reduce(stack, axis=1)


def _roots(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    linear = np.abs(a) < 1e-9
    d = b * b - 4 * a * c
    s = np.sqrt(np.where(d >= 0, d, np.nan))
    r1, r2 = (-b - s) / (2 * a), (-b + s) / (2 * a)
    lone = np.where(np.abs(b) > 1e-12, -c / b, np.nan)
    return np.where(linear, lone, r1), np.where(linear, np.nan, r2)


def sub_curves(q: np.ndarray, t0: np.ndarray, t1: np.ndarray) -> np.ndarray:
    """geometry.sub_curve for many curves at once."""
    x0, y0, cx, cy, x1, y1 = (q[:, i] for i in range(6))
    u0, u1 = 1 - t0, 1 - t1
    a, m, z = u0 * u0, 2 * u0 * t0, t0 * t0
    e, f, g = u1 * u1, 2 * u1 * t1, t1 * t1
    h, k, n = u0 * u1, u0 * t1 + t0 * u1, t0 * t1
    return np.stack([a * x0 + m * cx + z * x1, a * y0 + m * cy + z * y1,
                     h * x0 + k * cx + n * x1, h * y0 + k * cy + n * y1,
                     e * x0 + f * cx + g * x1, e * y0 + f * cy + g * y1], axis=1)


def dash_starts(along: np.ndarray, t0: np.ndarray, period: np.ndarray) -> np.ndarray:
    """Where a dashed piece starting at ``t0`` must start for its dashes to fall where the
    whole curve's do: the last whole period of its pattern at or before t0. ``along``: each
    curve's arc table (arc_tables)."""
    rows = np.flatnonzero((period > 0) & (t0 > 0))
    if not len(rows):
        return t0
    table = along[rows].astype(np.float64)
    steps = np.diff(table, axis=1)
    start = t0[rows] * SAMPLES
    i = np.minimum(start.astype(int), SAMPLES - 1)
    picked = np.arange(len(rows))
    lead = table[picked, i] + (start - i) * steps[picked, i]
    wanted = np.floor(lead / period[rows]) * period[rows]
    j = np.clip((table <= wanted[:, None]).sum(axis=1) - 1, 0, SAMPLES - 1)
    step = steps[picked, j]
    share = np.where(step > 0, (wanted - table[picked, j]) / np.where(step > 0, step, 1.0), 0.0)
    out = t0.copy()
    out[rows] = np.clip((j + np.clip(share, 0.0, 1.0)) / SAMPLES, 0.0, t0[rows])
    return out
