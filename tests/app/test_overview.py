"""Zoomed far out, the causal diagram is painted from cached paths; zoomed back, by its items."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem

from ssm_studio.edits import InsertEdit
from ssm_studio.model import Variable

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def painted(view) -> QImage:
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def ink(image: QImage) -> int:
    white = QColor("white").rgb()
    return sum(1 for x in range(0, image.width(), 4) for y in range(0, image.height(), 4)
               if image.pixel(x, y) != white)


def test_overview_when_zoomed_out_and_items_again_when_zoomed_in(window, qtbot):
    view, scene = window.view, window.scene
    window.show_page("overlay")
    view.fit()
    view.resetTransform()
    view.scale(0.2, 0.2)
    zoomed_out = painted(view)
    assert scene.overview is not None
    assert all(item.flags() & NO_CONTENTS for item in scene.variable_items.values())
    assert ink(zoomed_out) > 200  # the diagram is still drawn, from the overview's paths
    # An edit while zoomed out reaches the overview (it is rebuilt) and the new item.
    first = next(iter(scene.variable_items))
    assert window.session.push(InsertEdit(("cld", "variables"), Variable(name="Added far out", x=0, y=0)))
    added = [i for k, i in scene.variable_items.items() if i.name == "Added far out"]
    assert added and added[0].flags() & NO_CONTENTS
    view.resetTransform()
    painted(view)
    assert scene.overview is None
    assert not any(item.flags() & NO_CONTENTS for item in scene.variable_items.values())
    assert first in scene.variable_items
