"""Editing the rich picture through the shared canvas view: every gesture becomes an edit
of rich-picture items, put on the active layer (or common ground)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF

from ..edits import CompositeEdit, Edit
from ..edits.rich_picture_edits import add_item, change_item, remove_items
from ..model import Bubble, Connector, ImageItem, StencilFigure, Stroke, TextItem
from ..render.layers import LayerState
from ..render.rp_items import ConnectorItem, RpItem
from ..render.rp_scene import RpScene
from ..storage import ImageError, check_image, media_key
from .session import DocumentSession

MAX_PHOTO_SIDE = 900.0  # scene units a photo first takes on the canvas


class RpEditor:
    bends = False

    def __init__(self, scene: RpScene, session: DocumentSession, layers: LayerState) -> None:
        self.scene, self.session, self.layers = scene, session, layers
        self.on_common_ground = False  # new items go to the active perspective unless set
        self.message = ""
        self.selection_order: list[str] = []
        scene.selectionChanged.connect(self._track)

    def layer(self) -> str | None:
        return None if self.on_common_ground else self.layers.active

    def _track(self) -> None:
        try:
            chosen = {i.item_id for i in self.scene.selectedItems()
                      if isinstance(i, RpItem) and not isinstance(i, ConnectorItem)}
        except RuntimeError:
            return
        self.selection_order = [v for v in self.selection_order if v in chosen]
        self.selection_order += [v for v in chosen if v not in self.selection_order]

    def model_item(self, item_id: str):
        return self.scene.model_items()[item_id]

    def selected_variables(self) -> list[str]:
        return [i.item_id for i in self.scene.selectedItems() if isinstance(i, RpItem) and not isinstance(i, ConnectorItem)]

    def selected_links(self) -> list[str]:
        return [i.item_id for i in self.scene.selectedItems() if isinstance(i, ConnectorItem)]

    def select(self, ids: set[str]) -> None:
        self.scene.clearSelection()
        for key in ids:
            for table in (self.scene.variable_items, self.scene.link_items):
                if key in table:
                    table[key].setSelected(True)

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

    def commit_moves(self) -> bool:
        edits: list[Edit] = []
        model = self.scene.model_items()
        for iid, view in self.scene.variable_items.items():
            data = model.get(iid)
            if data is not None and (view.x(), view.y()) != (data.x, data.y):
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

    def link_selected(self) -> str | None:
        if len(self.selection_order) == 2:
            return self.link(*self.selection_order)
        self.message = "Select two things to connect."
        return None

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
    def add_stroke(self, points: list[QPointF], width: float = 2.5, colour: str = "#222222") -> str:
        xs, ys = [p.x() for p in points], [p.y() for p in points]
        cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
        relative = [(round(p.x() - cx, 1), round(p.y() - cy, 1)) for p in points]
        return self._add(Stroke(points=relative, width=width, colour=colour, x=round(cx, 1), y=round(cy, 1)))

    def add_stencil(self, name: str, at: QPointF, label: str = "") -> str:
        return self._add(StencilFigure(stencil=name, label=label, x=round(at.x(), 1), y=round(at.y(), 1)))

    def add_bubble(self, style: str = "speech", text: str = "…") -> str | None:
        owners = self.selected_variables()
        model = self.scene.model_items()
        owner = model[owners[0]] if owners else None
        at = QPointF(owner.x + 130, owner.y - 100) if owner else QPointF(0, 0)
        return self._add(Bubble(style=style, text=text, owner=owner.id if owner else None, x=at.x(), y=at.y()))

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
