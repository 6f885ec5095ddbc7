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
