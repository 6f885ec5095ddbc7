"""Rich-picture items (SSM stage 2): figures, ink, words, bubbles, connectors, photos, groups.

Each item sits on common ground (``layer is None``) or on exactly one perspective's layer.
Geometry lives here so the screen, the PDF and every export draw the same picture.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from .base import Colour, Id, Identified, Name, StrictModel, Text
from .limits import MAX_STROKE_POINTS


class ItemBase(Identified):
    layer: Id | None = None
    x: float = 0.0
    y: float = 0.0
    rotation: float = 0.0
    z: float = 0.0
    locked: bool = False


class StencilFigure(ItemBase):
    kind: Literal["stencil"] = "stencil"
    stencil: Name
    width: float = Field(default=80.0, gt=0)
    height: float = Field(default=80.0, gt=0)
    label: Name = ""


class Stroke(ItemBase):
    """Free-hand ink; points are relative to (x, y)."""

    kind: Literal["stroke"] = "stroke"
    points: list[tuple[float, float]] = Field(default_factory=list, max_length=MAX_STROKE_POINTS)
    width: float = Field(default=2.0, gt=0, le=100)
    colour: Colour = "#222222"


class TextItem(ItemBase):
    kind: Literal["text"] = "text"
    text: Text = ""
    font_size: float = Field(default=14.0, gt=0, le=500)
    width: float = Field(default=200.0, gt=0)


class Bubble(ItemBase):
    """A speech or thought bubble; its tail follows the figure it belongs to."""

    kind: Literal["bubble"] = "bubble"
    style: Literal["speech", "thought"] = "speech"
    text: Text = ""
    owner: Id | None = None
    width: float = Field(default=160.0, gt=0)
    height: float = Field(default=80.0, gt=0)


class Connector(ItemBase):
    kind: Literal["connector"] = "connector"
    source: Id
    target: Id
    label: Name = ""
    arrow_start: bool = False
    arrow_end: bool = True


class Shape(ItemBase):
    kind: Literal["shape"] = "shape"
    shape: Literal["rectangle", "ellipse", "line"] = "rectangle"
    width: float = Field(default=100.0, gt=0)
    height: float = Field(default=60.0, gt=0)
    colour: Colour = "#222222"


MediaKey = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}\.(png|jpg|gif|bmp|webp)$")]


class ImageItem(ItemBase):
    """A photo (a flip chart, a map) stored once in the file's media/ by content hash."""

    kind: Literal["image"] = "image"
    media: MediaKey
    width: float = Field(gt=0)
    height: float = Field(gt=0)
    caption: Name = ""


class Group(ItemBase):
    kind: Literal["group"] = "group"
    members: list[Id] = Field(default_factory=list)


# The kinds drawn in a box of their own width and height (resized by scaling both).
SIZED_KINDS = (StencilFigure, Bubble, Shape, ImageItem)

def item_words(item: ItemBase) -> str:
    """What an item says, if it says anything: a figure's or connector's label, a text's or
    bubble's words, a photo's caption."""
    if isinstance(item, (StencilFigure, Connector)):
        return item.label
    if isinstance(item, (TextItem, Bubble)):
        return item.text
    if isinstance(item, ImageItem):
        return item.caption
    return ""


RichPictureItem = Annotated[
    StencilFigure | Stroke | TextItem | Bubble | Connector | Shape | ImageItem | Group,
    Field(discriminator="kind"),
]


class RichPicture(StrictModel):
    items: list[RichPictureItem] = Field(default_factory=list)
