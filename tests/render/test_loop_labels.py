"""Each loop's marker sits where it covers no box, no shown sign and no delay mark, found
from a grid of what is drawn (asking the scene's index cost most of a second a report)."""

from __future__ import annotations

from PySide6.QtCore import QRectF

from ssm_studio.analysis import find_loops
from ssm_studio.edits import Document
from ssm_studio.render.cld_scene import CldScene
from ssm_studio.render.layers import LayerState


def _covered(scene: CldScene) -> list[str]:
    """Every marker that lies on a box, a drawn sign or a delay mark, measured exactly."""
    obstacles: list[QRectF] = [item.scene_box() for item in scene.variable_items.values() if item.isVisible()]
    for link in scene.link_items.values():
        if link.isVisible() and link.show_sign:
            if not link.sign_shared:
                obstacles.append(link.sign_rect())
            if link.delay:
                obstacles.append(link.delay_mark_rect())
    found = []
    for key, label in scene.loop_items.items():
        if not label.isVisible():
            continue
        r = label.boundingRect().width() / 2
        spot = QRectF(label.pos().x() - r, label.pos().y() - r, 2 * r, 2 * r)
        if any(spot.intersects(rect) for rect in obstacles):
            found.append(key)
    return found


def test_every_loop_marker_keeps_clear_of_boxes_signs_and_delay_marks(qapp, example_project):
    scene = CldScene(Document(example_project), LayerState())
    scene.show_report(find_loops(example_project, None, time_budget=5))
    assert len(scene.loop_items) >= 5
    assert _covered(scene) == []
    # Moved apart and back together, the markers find clear places again.
    for item in scene.variable_items.values():
        item.setPos(item.x() * 0.6, item.y() * 0.6)
    scene.show_report(scene.report)
    assert _covered(scene) == []
