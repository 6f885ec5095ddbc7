"""Curves of causal links: quadratic Béziers bent by a signed curvature, clipped to boxes."""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF


def control_point(p1: QPointF, p2: QPointF, curvature: float) -> QPointF:
    mid = (p1 + p2) / 2
    dx, dy = p2.x() - p1.x(), p2.y() - p1.y()
    length = math.hypot(dx, dy) or 1.0
    normal = QPointF(-dy / length, dx / length)
    return mid + normal * (curvature * length)


def point_at(p1: QPointF, c: QPointF, p2: QPointF, t: float) -> QPointF:
    u = 1 - t
    return p1 * (u * u) + c * (2 * u * t) + p2 * (t * t)


def tangent_at(p1: QPointF, c: QPointF, p2: QPointF, t: float) -> QPointF:
    return (c - p1) * (2 * (1 - t)) + (p2 - c) * (2 * t)


def exit_parameter(p1: QPointF, c: QPointF, p2: QPointF, box: QRectF, from_start: bool) -> float:
    """The t where the curve leaves ``box`` (around its start) or enters it (around its end).

    Plain floats, not QPointF arithmetic: this runs twice per link whenever it is laid out.
    """
    ax, ay, bx, by, cx, cy = p1.x(), p1.y(), c.x(), c.y(), p2.x(), p2.y()
    left, top, right, bottom = box.left(), box.top(), box.right(), box.bottom()
    lo, hi = (0.0, 1.0)
    for _ in range(12):
        mid = (lo + hi) / 2
        u = 1 - mid
        x = ax * u * u + bx * 2 * u * mid + cx * mid * mid
        y = ay * u * u + by * 2 * u * mid + cy * mid * mid
        inside = left <= x <= right and top <= y <= bottom
        if from_start:
            lo, hi = (mid, hi) if inside else (lo, mid)
        else:
            lo, hi = (lo, mid) if inside else (mid, hi)
    return (lo + hi) / 2


def curvature_from_handle(p1: QPointF, p2: QPointF, handle: QPointF) -> float:
    """Inverse of the curve's midpoint: the handle sits at mid + normal * curvature * length / 2."""
    dx, dy = p2.x() - p1.x(), p2.y() - p1.y()
    length = math.hypot(dx, dy) or 1.0
    normal = QPointF(-dy / length, dx / length)
    offset = handle - (p1 + p2) / 2
    return 2 * (offset.x() * normal.x() + offset.y() * normal.y()) / length


def visible_span(q: tuple[float, float, float, float, float, float], left: float, top: float, right: float,
                 bottom: float) -> tuple[float, float] | None:
    """The parameters (t0, t1) between which the quadratic curve ``q`` (x0, y0, cx, cy, x1,
    y1) may be inside the rectangle, or None if it never is. Plain floats: a pan asks this of
    every long link the exposed strip crosses, so it must cost microseconds."""
    x0, y0, cx, cy, x1, y1 = q
    ts: list[float] = []
    if left <= x0 <= right and top <= y0 <= bottom:
        ts.append(0.0)
    if left <= x1 <= right and top <= y1 <= bottom:
        ts.append(1.0)
    for p0, p1, p2, o0, o1, o2, edges, low, high in (
            (x0, cx, x1, y0, cy, y1, (left, right), top, bottom),
            (y0, cy, y1, x0, cx, x1, (top, bottom), left, right)):
        a, b = p0 - 2 * p1 + p2, 2 * (p1 - p0)
        for edge in edges:
            for t in _roots(a, b, p0 - edge):
                u = 1 - t
                other = u * u * o0 + 2 * u * t * o1 + t * t * o2
                if low - 1e-6 <= other <= high + 1e-6:
                    ts.append(t)
    if not ts:
        return None
    t0, t1 = min(ts), max(ts)
    return (t0, t1) if t1 > t0 else None


def _roots(a: float, b: float, c: float) -> list[float]:
    """Roots in [0, 1] of a t² + b t + c (a root a rounding error past an end is at the end:
    a curve ending on the rectangle's edge must not lose its last piece)."""
    if abs(a) < 1e-9:
        found: tuple[float, ...] = (-c / b,) if abs(b) > 1e-12 else ()
    else:
        d = b * b - 4 * a * c
        if d < 0:
            return []
        s = math.sqrt(d)
        found = ((-b - s) / (2 * a), (-b + s) / (2 * a))
    return [min(1.0, max(0.0, t)) for t in found if -1e-9 <= t <= 1.0 + 1e-9]


def sub_curve(q: tuple[float, float, float, float, float, float], t0: float, t1: float
              ) -> tuple[float, float, float, float, float, float]:
    """The part of ``q`` between t0 and t1, as a quadratic curve of its own (the same shape)."""
    x0, y0, cx, cy, x1, y1 = q
    u0, u1 = 1 - t0, 1 - t1
    return (u0 * u0 * x0 + 2 * u0 * t0 * cx + t0 * t0 * x1, u0 * u0 * y0 + 2 * u0 * t0 * cy + t0 * t0 * y1,
            u0 * u1 * x0 + (u0 * t1 + t0 * u1) * cx + t0 * t1 * x1, u0 * u1 * y0 + (u0 * t1 + t0 * u1) * cy + t0 * t1 * y1,
            u1 * u1 * x0 + 2 * u1 * t1 * cx + t1 * t1 * x1, u1 * u1 * y0 + 2 * u1 * t1 * cy + t1 * t1 * y1)
