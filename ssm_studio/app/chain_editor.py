"""Editing the delivery chain on its canvas: the canvas's own gestures and keys (N adds an
actor, F2 renames, L then drag or K joins two, Delete removes), as review edits."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF

from ..edits import CompositeEdit
from ..edits import spotlight_edits as sp
from ..errors import SsmError
from ..model import Actor, ChainLink
from ..render.chain_scene import ChainScene
from .canvas_editor import CanvasEditor
from .session import DocumentSession


class ChainEditor(CanvasEditor):
    bends = False  # a chain's links keep their gentle bend

    def __init__(self, scene: ChainScene, session: DocumentSession) -> None:
        super().__init__(scene, session)

    @property
    def review(self):
        return self.session.document.project.spotlight

    def add_variable_at(self, at: QPointF, name: str = "New actor") -> str | None:
        actor = self.session.make(Actor, name=name.strip() or "New actor", x=round(at.x(), 1), y=round(at.y(), 1))
        if actor is None or not self.session.push(sp.add_actor(actor)):
            return None
        self.select({actor.id})
        return actor.id

    def rename(self, actor_id: str, name: str) -> bool:
        name = name.strip()
        actor = next((a for a in self.review.actors if a.id == actor_id), None)
        if actor is None or not name or name == actor.name:
            return False
        return self.session.push(sp.change_actor(actor_id, name=name))

    def commit_moves(self, ids: Iterable[str]) -> bool:
        wanted = set(ids)
        moved = {}
        for actor in (a for a in self.review.actors if a.id in wanted):
            item = self.scene.variable_items.get(actor.id)
            if item is not None and (item.x(), item.y()) != (actor.x, actor.y):
                moved[actor.id] = (round(item.x(), 1), round(item.y(), 1))
        if moved:
            self.session.push(sp.move_actors(moved))
        return bool(moved)

    def move_boxes(self, positions: dict[str, tuple[float, float]]) -> None:
        self.session.push(sp.move_actors(positions))

    def nudge(self, dx: float, dy: float) -> None:
        chosen = set(self.selected_variables())
        moved = {a.id: (a.x + dx, a.y + dy) for a in self.review.actors if a.id in chosen}
        if moved:
            self.session.push(sp.move_actors(moved))

    def link(self, source: str, target: str, polarity: str = "+") -> str | None:
        made = ChainLink(source=source, target=target, kind="service")
        try:
            edit = sp.add_chain_link(self.session.document.project, made)
        except SsmError as error:
            self.message = str(error)
            return None
        if not self.session.push(edit):
            return None
        self.select({made.id})
        return made.id

    def toggle_delay(self) -> None:
        """A chain's links carry no delay mark."""

    def set_polarity(self, polarity: str) -> None:
        """A chain's links have no polarity."""

    def set_curvature(self, link_id: str, curvature: float) -> None:
        """A chain's links keep their bend."""

    def delete_selection(self) -> None:
        actors, links = set(self.selected_variables()), set(self.selected_links())
        project = self.session.document.project
        edits = []
        doomed = {lk.id for lk in self.review.chain if lk.source in actors or lk.target in actors}
        if links - doomed:
            edits.append(sp.remove_chain_links(sorted(links - doomed)))
        if actors:
            edits.append(sp.remove_actors(project, actors))
        if edits:
            self.session.push(CompositeEdit(edits, label="Delete"))

    def lay_out(self) -> bool:
        """The chain laid out by the project's Graphviz layout, as one undo step."""
        from ..layout.graphviz_layout import layout

        actors = self.review.actors
        if not actors:
            return False
        places = layout([a.id for a in actors], [(lk.source, lk.target) for lk in self.review.chain],
                        ranked=True).positions  # a chain runs from the tops down to the customers
        return self.session.push(sp.move_actors({a: (round(x, 1), round(y, 1)) for a, (x, y) in places.items()}))
