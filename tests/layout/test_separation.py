"""Boxes of any size pushed apart for print: none touches another afterwards, boxes that
did not touch stay where they were, and a pile on one spot comes apart."""

from __future__ import annotations

import random

import pytest

from ssm_studio.layout.separation import separate_boxes, touching_pairs


def settled(boxes, moved):
    return {k: (*moved.get(k, b[:2]), b[2], b[3]) for k, b in boxes.items()}


@pytest.mark.parametrize("count, spread", [(2, 10), (21, 600), (120, 0), (300, 1500)])
def test_no_two_boxes_touch_afterwards(count, spread):
    rng = random.Random(count)
    boxes = {f"v{i}": (rng.uniform(0, spread), rng.uniform(0, spread), rng.uniform(40, 170), rng.uniform(25, 70))
             for i in range(count)}
    assert touching_pairs(boxes, 20)  # the case is crowded to begin with
    after = settled(boxes, separate_boxes(boxes, 20))
    assert not touching_pairs(after, 19.9)


def test_boxes_already_apart_do_not_move():
    boxes = {"a": (0, 0, 100, 40), "b": (300, 0, 100, 40), "c": (0, 200, 100, 40)}
    assert separate_boxes(boxes, 20) == {}


def test_two_touching_boxes_move_apart_by_little():
    boxes = {"a": (0, 0, 100, 40), "b": (110, 5, 100, 40), "far": (900, 900, 100, 40)}
    moved = separate_boxes(boxes, 20)
    assert set(moved) == {"a", "b"}  # the far box keeps its place
    after = settled(boxes, moved)
    assert not touching_pairs(after, 19.9)
    assert abs(after["a"][0] - after["b"][0]) < 125  # pushed just far enough, not spread
