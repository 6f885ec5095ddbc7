"""Editing the rich picture through the shared canvas view: every gesture becomes an edit
of rich-picture items, put on the active layer (or common ground)."""

from __future__ import annotations

import math
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF

from ..edits import CompositeEdit, Edit
from ..edits.rich_picture_edits import add_item, change_item, remove_items, ungroup
from ..model import (
    SIZED_KINDS,
    Bubble,
    Connector,
    Group,
    ImageItem,
    Shape,
    StencilFigure,
    Stroke,
    TextItem,
)
from ..render.layers import LayerState
from ..render.rp_scene import RpScene
from ..storage import ImageError, check_image, media_key
from .canvas_editor import CanvasEditor
from .session import DocumentSession

MAX_PHOTO_SIDE = 900.0  # scene units a photo first takes on the canvas
SIZED = {"stencil", "bubble", "shape", "image"}  # kinds with a width and a height


class RpEditor(CanvasEditor):
    bends = False

    def __init__(self, scene: RpScene, session: DocumentSession, layers: LayerState) -> None:
        self._extending = False
        super().__init__(scene, session)
        self.layers = layers
        self.on_common_ground = False  # new items go to the active perspective unless set
        self.pen_width, self.pen_colour = 2.5, "#222222"

    def layer(self) -> str | None:
        return None if self.on_common_ground else self.layers.active

    def selection_changed(self) -> None:
        if not self._extending:
            self._extending = True
            try:
                self.extend_selection_to_groups()
            finally:
                self._extending = False

    def model_item(self, item_id: str):
        return self.scene.model_items()[item_id]

    def _add(self, item) -> str:
        item.layer = self.layer()
        self.session.push(add_item(item))
        self.select({item.id})
        return item.id

    # What the shared view calls -----------------------------------------------------------
    def add_variable_at(self, at: QPointF, name: str = "Text") -> str:
        return self._add(TextItem(text=name, x=round(at.x(), 1), y=round(at.y(), 1)))

    def rename(self, item_id: str, text: str) -> bool:
        item = self.model_item(item_id)
        field = {"stencil": "label", "text": "text", "bubble": "text", "connector": "label"}.get(item.kind)
        if field is None or getattr(item, field) == text.strip():
            return False
        self.session.push(change_item(item_id, **{field: text.strip()}))
        return True

    def commit_moves(self, ids: Iterable[str]) -> bool:
        """After a drag of the items ``ids``: one undo step for those that moved."""
        edits: list[Edit] = []
        model = self.scene.model_items()
        for iid in ids:
            view, data = self.scene.variable_items.get(iid), model.get(iid)
            if view is not None and data is not None and (view.x(), view.y()) != (data.x, data.y):
                edits.append(change_item(iid, x=round(view.x(), 1), y=round(view.y(), 1)))
        if edits:
            self.session.push(CompositeEdit(edits, label="Move"))
        return bool(edits)

    def nudge(self, dx: float, dy: float) -> None:
        model = self.scene.model_items()
        edits = [change_item(i, x=model[i].x + dx, y=model[i].y + dy) for i in self.selected_variables()]
        if edits:
            self.session.push(CompositeEdit(edits, label="Move"))

    def link(self, source: str, target: str, polarity: str = "+") -> str | None:
        if source == target:
            self.message = "Connect two different things."
            return None
        return self._add(Connector(source=source, target=target))

    def set_polarity(self, polarity: str) -> None:
        """Connectors in a rich picture carry no polarity."""

    def toggle_delay(self) -> None:
        """No delay marks in a rich picture."""

    def set_curvature(self, link_id: str, curvature: float) -> None:
        """Connectors are straight."""

    def delete_selection(self) -> None:
        chosen = set(self.selected_variables()) | set(self.selected_links())
        if chosen:
            self.session.push(remove_items(self.session.document.project, chosen))

    # Rich-picture tools -------------------------------------------------------------------
    def add_stroke(self, points: list[QPointF], width: float | None = None, colour: str | None = None) -> str:
        width, colour = width or self.pen_width, colour or self.pen_colour
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        relative = [(round(p.x() - cx, 1), round(p.y() - cy, 1)) for p in points]
        return self._add(Stroke(points=relative, width=width, colour=colour, x=round(cx, 1), y=round(cy, 1)))

    def add_stencil(self, name: str, at: QPointF, label: str = "") -> str:
        figure = StencilFigure(stencil=name, label=label)
        spot = self.free_spot(at, figure.width, figure.height + 30)
        figure.x, figure.y = round(spot.x(), 1), round(spot.y(), 1)
        return self._add(figure)

    def add_bubble(self, style: str = "speech", text: str = "…", owner_id: str | None = None,
                   at: QPointF | None = None) -> str | None:
        """A bubble beside its figure (the one given, else the one chosen), its tail
        pointing at it and never over it; with no figure, at ``at`` or the nearest free spot."""
        model = self.scene.model_items()
        owners = [owner_id] if owner_id else self.selected_variables()
        owner = model.get(owners[0]) if owners else None
        if owner is not None and owner.kind in ("connector", "bubble", "group"):
            owner = None
        bubble = Bubble(style=style, text=text, owner=owner.id if owner else None)
        if owner is None:
            spot = self.free_spot(at or QPointF(0, 0), bubble.width, bubble.height)
        else:
            width, height = (owner.width, owner.height) if isinstance(owner, SIZED_KINDS) else (80, 80)
            half_w = width / 2 + bubble.width / 2 + 20
            half_h = height / 2 + bubble.height / 2 + 10
            near = [QPointF(owner.x + dx, owner.y + dy) for dx, dy in
                    ((half_w, -half_h), (-half_w, -half_h), (half_w, 0), (-half_w, 0), (0, -half_h - 10))]
            spot = self.free_spot(near[0], bubble.width, bubble.height, prefer=near)
        bubble.x, bubble.y = round(spot.x(), 1), round(spot.y(), 1)
        return self._add(bubble)

    def _occupied(self) -> list[QRectF]:
        """Where figures, bubbles, shapes, photos and words already are (with a margin)."""
        rects = []
        for item in self.scene.model_items().values():
            if item.kind in SIZED:
                w, h = item.width, item.height + (30 if item.kind == "stencil" else 0)
            elif item.kind == "text":
                w, h = item.width, item.font_size * 3
            else:
                continue
            rects.append(QRectF(item.x - w / 2, item.y - h / 2, w, h).adjusted(-12, -12, 12, 12))
        return rects

    def free_spot(self, at: QPointF, width: float, height: float, prefer: list[QPointF] | None = None) -> QPointF:
        """The first of ``prefer`` (or ``at`` itself) where a box of this size covers
        nothing already drawn, else the nearest such spot on rings around ``at``."""
        occupied = self._occupied()

        def fits(p: QPointF) -> bool:
            box = QRectF(p.x() - width / 2, p.y() - height / 2, width, height)
            return not any(box.intersects(other) for other in occupied)

        for spot in [*(prefer or []), at]:
            if fits(spot):
                return spot
        step = max(width, height) / 2 + 10
        for ring in range(1, 80):
            for k in range(8 * ring):
                angle = 2 * math.pi * k / (8 * ring)
                spot = QPointF(at.x() + math.cos(angle) * step * ring, at.y() + math.sin(angle) * step * ring)
                if fits(spot):
                    return spot
        return at

    def add_image(self, path: str | Path, at: QPointF | None = None) -> str | None:
        """A photo (a flip chart): checked, stored once by content hash in the file's media."""
        path = Path(path)
        try:
            data = path.read_bytes()
            extension, width, height = check_image(data, f"'{path.name}'")
        except OSError as error:
            self.message = f"Could not read '{path.name}': {error.strerror or error}"
            return None
        except ImageError as error:
            self.message = str(error)
            return None
        key = media_key(data, extension)
        self.session.document.media[key] = data  # content-addressed: adding it twice is harmless
        scale = min(1.0, MAX_PHOTO_SIDE / max(width, height))
        at = at or QPointF(0, 0)
        return self._add(ImageItem(media=key, width=round(width * scale, 1), height=round(height * scale, 1),
                                   caption=path.stem, x=at.x(), y=at.y()))

    def move_to_layer(self, layer: str | None) -> None:
        """Put the chosen items on another layer (None: common ground); one undo step."""
        chosen = self.selected_variables() + self.selected_links()
        if chosen:
            self.session.push(CompositeEdit([change_item(i, layer=layer) for i in chosen], label="Move to layer"))

    def bring(self, forward: bool) -> None:
        model = self.scene.model_items()
        zs = [m.z for m in model.values()] or [0.0]
        target = max(zs) + 1 if forward else min(zs) - 1
        edits = [change_item(i, z=target) for i in self.selected_variables()]
        if edits:
            self.session.push(CompositeEdit(edits, label="Bring to front" if forward else "Send to back"))

    def add_shape(self, shape: str, at: QPointF | None = None) -> str:
        made = Shape(shape=shape)
        spot = self.free_spot(at or QPointF(0, 0), made.width, made.height)
        made.x, made.y = round(spot.x(), 1), round(spot.y(), 1)
        return self._add(made)

    # Arrange -------------------------------------------------------------------------------
    def _change_each(self, label: str, change) -> None:
        model = self.scene.model_items()
        edits = [change_item(i, **change(model[i])) for i in self.selected_variables()]
        if edits:
            self.session.push(CompositeEdit(edits, label=label))

    def rotate(self, degrees: float) -> None:
        self._change_each("Rotate", lambda m: {"rotation": (m.rotation + degrees) % 360})

    def resize(self, factor: float) -> None:
        def grow(m):
            if isinstance(m, SIZED_KINDS):
                return {"width": round(m.width * factor, 1), "height": round(m.height * factor, 1)}
            if m.kind == "text":
                return {"font_size": round(min(500, m.font_size * factor), 1), "width": round(m.width * factor, 1)}
            if m.kind == "stroke":
                return {"points": [(round(x * factor, 1), round(y * factor, 1)) for x, y in m.points]}
            return {}
        self._change_each("Resize", grow)

    def toggle_lock(self) -> None:
        model = self.scene.model_items()
        chosen = self.selected_variables()
        lock = not all(model[i].locked for i in chosen)
        self._change_each("Lock" if lock else "Unlock", lambda m: {"locked": lock})

    def lock_backdrop(self, lock: bool = True) -> None:
        """Fix everything on common ground, so drawing over a photo does not move it."""
        items = [i for i in self.session.document.project.rich_picture.items if i.layer is None and i.locked != lock]
        if items:
            self.session.push(CompositeEdit([change_item(i.id, locked=lock) for i in items],
                                            label="Lock backdrop" if lock else "Unlock backdrop"))

    def move_boxes(self, positions: dict[str, tuple[float, float]]) -> None:
        edits = [change_item(item_id, x=x, y=y) for item_id, (x, y) in positions.items()]
        if edits:
            self.session.push(CompositeEdit(edits, label="Move"))

    def align(self, how: str) -> None:
        model = self.scene.model_items()
        chosen = [model[i] for i in self.selected_variables()]
        if len(chosen) < 2:
            return
        xs, ys = [m.x for m in chosen], [m.y for m in chosen]
        target = {"left": lambda m: {"x": min(xs)}, "right": lambda m: {"x": max(xs)},
                  "centre": lambda m: {"x": sum(xs) / len(xs)}, "top": lambda m: {"y": min(ys)},
                  "bottom": lambda m: {"y": max(ys)}, "middle": lambda m: {"y": sum(ys) / len(ys)}}[how]
        self._change_each("Align", target)

    def distribute(self, horizontal: bool = True) -> None:
        model = self.scene.model_items()
        axis = "x" if horizontal else "y"
        chosen = sorted((model[i] for i in self.selected_variables()), key=lambda m: getattr(m, axis))
        if len(chosen) < 3:
            return
        first, last = getattr(chosen[0], axis), getattr(chosen[-1], axis)
        step = (last - first) / (len(chosen) - 1)
        self.session.push(CompositeEdit([change_item(m.id, **{axis: round(first + i * step, 1)})
                                         for i, m in enumerate(chosen)], label="Distribute"))

    # Groups --------------------------------------------------------------------------------
    def group(self) -> str | None:
        chosen = self.selected_variables()
        if len(chosen) < 2:
            self.message = "Select two or more things to group."
            return None
        return self._add(Group(members=chosen))

    def ungroup(self) -> None:
        chosen = set(self.selected_variables())
        groups = [g for g in self.session.document.project.rich_picture.items
                  if g.kind == "group" and chosen & set(g.members)]
        if groups:
            self.session.push(ungroup([g.id for g in groups]))

    def extend_selection_to_groups(self) -> None:
        """Choosing one member of a group chooses the whole group, so it moves as one."""
        chosen = set(self.selected_variables())
        for g in self.session.document.project.rich_picture.items:
            if g.kind == "group" and chosen & set(g.members) and not set(g.members) <= chosen:
                for member in g.members:
                    view = self.scene.variable_items.get(member)
                    if view is not None:
                        view.setSelected(True)

    def cycle_arrows(self) -> None:
        """Arrow heads of the chosen connectors: at the end, at both ends, none."""
        model = self.scene.model_items()
        order = [(False, True), (True, True), (False, False)]
        edits = []
        for cid in self.selected_links():
            now = (model[cid].arrow_start, model[cid].arrow_end)
            start, end = order[(order.index(now) + 1) % 3] if now in order else order[0]
            edits.append(change_item(cid, arrow_start=start, arrow_end=end))
        if edits:
            self.session.push(CompositeEdit(edits, label="Arrow heads"))
