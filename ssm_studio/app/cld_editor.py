"""Editing operations on the causal-loop canvas, shared by mouse, keys, menus and tests.

Every operation builds an edit and pushes it on the session's undo stack; nothing here
touches the model directly.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from PySide6.QtCore import QMimeData, QPointF
from PySide6.QtWidgets import QApplication

from ..edits import CompositeEdit, Edit
from ..edits.causal_edits import (
    add_link,
    add_variable,
    claim_link,
    move_variables,
    remove_links,
    remove_variables,
    rename_variable,
    set_link_fields,
    set_polarity,
)
from ..errors import SsmError
from ..model import CausalLink, Variable
from ..render.cld_scene import CldScene
from ..render.layers import LayerState
from .canvas_editor import CanvasEditor
from .session import DocumentSession

CLIPBOARD_MIME = "application/x-ssm-studio-cld+json"


class CldEditor(CanvasEditor):
    def __init__(self, scene: CldScene, session: DocumentSession, layers: LayerState) -> None:
        super().__init__(scene, session)
        self.layers = layers

    @property
    def project(self):
        return self.session.document.project

    def push(self, edit: Edit) -> bool:
        return self.session.push(edit)

    # Variables -------------------------------------------------------------------------------
    def add_variable_at(self, at: QPointF, name: str = "New variable") -> str | None:
        variable = self.session.make(Variable, name=name.strip() or "New variable", x=round(at.x(), 1),
                                     y=round(at.y(), 1),
                                     included_by=[self.layers.active] if self.layers.active else [])
        if variable is None or not self.push(add_variable(variable)):
            return None
        self.select({variable.id})
        return variable.id

    def rename(self, variable_id: str, name: str) -> bool:
        name = name.strip()
        current = next(v.name for v in self.project.cld.variables if v.id == variable_id)
        if not name or name == current:
            return False
        return self.push(rename_variable(variable_id, name))

    def commit_moves(self, ids: Iterable[str]) -> bool:
        """After a drag of the boxes ``ids``: one undo step for those that moved."""
        wanted = set(ids)
        moved = {}
        for variable in self.project.cld.variables if wanted else ():
            item = self.scene.variable_items.get(variable.id) if variable.id in wanted else None
            if item is not None and (item.x(), item.y()) != (variable.x, variable.y):
                moved[variable.id] = (round(item.x(), 1), round(item.y(), 1))
        if moved:
            self.push(move_variables(moved))
        return bool(moved)

    def nudge(self, dx: float, dy: float) -> None:
        ids = self.selected_variables()
        if ids:
            positions = {v.id: (v.x + dx, v.y + dy) for v in self.project.cld.variables if v.id in ids}
            self.push(move_variables(positions))

    # Links -------------------------------------------------------------------------------
    def link(self, source: str, target: str, polarity: str = "+") -> str | None:
        perspective = self.layers.active
        if perspective is None:
            self.message = ("Choose the perspective that makes this claim: double-click it in the "
                            "Perspectives panel, or use Perspective → Activate Next Perspective (Ctrl+]).")
            return None
        try:
            edit, claim_id = claim_link(self.project, source, target, perspective, polarity)
        except SsmError as error:
            self.message = str(error)
            return None
        if not self.push(edit):
            return None
        self.select({claim_id})
        return claim_id

    def link_selected_fallback(self) -> str | None:
        if len(self.selection_order) == 1:  # one variable: a self-link
            return self.link(self.selection_order[0], self.selection_order[0])
        self.message = "Select two variables (the cause first) to link them."
        return None

    def set_polarity(self, polarity: str) -> None:
        ids = self.selected_links()
        if ids:
            self.push(set_polarity(ids, polarity))

    def toggle_delay(self) -> None:
        ids = self.selected_links()
        if not ids:
            return
        links = {lk.id: lk for lk in self.project.cld.links}
        turn_on = not all(links[i].delay for i in ids)
        self.push(CompositeEdit([set_link_fields(i, delay=turn_on) for i in ids],
                                label="Mark delay" if turn_on else "Remove delay"))

    def set_curvature(self, link_id: str, curvature: float) -> None:
        self.push(set_link_fields(link_id, curvature=round(curvature, 3)))

    # Delete, copy, paste ------------------------------------------------------------------
    def delete_selection(self) -> None:
        variables, links = set(self.selected_variables()), set(self.selected_links())
        edits: list[Edit] = []
        if links:
            doomed_by_vars = {lk.id for lk in self.project.cld.links
                              if lk.source in variables or lk.target in variables}
            if links - doomed_by_vars:
                edits.append(remove_links(links - doomed_by_vars, self.project))
        if variables:
            edits.append(remove_variables(self.project, variables))
        if edits:
            self.push(CompositeEdit(edits, label="Delete"))

    def copy(self) -> None:
        ids = set(self.selected_variables())
        if not ids:
            return
        data = {
            "variables": [v.model_dump() for v in self.project.cld.variables if v.id in ids],
            "links": [lk.model_dump() for lk in self.project.cld.links
                      if lk.source in ids and lk.target in ids],
        }
        mime = QMimeData()
        mime.setData(CLIPBOARD_MIME, json.dumps(data).encode())
        mime.setText("\n".join(v["name"] for v in data["variables"]))
        QApplication.clipboard().setMimeData(mime)

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(CLIPBOARD_MIME):
            if mime is not None and mime.hasText() and mime.text().strip():
                self._paste_names(mime.text())
            return
        try:
            data = json.loads(bytes(mime.data(CLIPBOARD_MIME)).decode())
            fresh: dict[str, str] = {}
            edits: list[Edit] = []
            for raw in data["variables"]:
                variable = Variable.model_validate({**raw, "id": Variable(name="x").id})
                fresh[raw["id"]] = variable.id
                variable.x += 30
                variable.y += 30
                variable.included_by = [p for p in variable.included_by if self.project.perspective(p)]
                edits.append(add_variable(variable))
            known = {p.id for p in self.project.perspectives}
            for raw in data["links"]:
                perspective = raw["perspective"] if raw["perspective"] in known else self.layers.active
                if perspective is None:
                    continue
                link = CausalLink.model_validate({**raw, "id": CausalLink(source="a", target="b", perspective="p").id,
                                                  "source": fresh[raw["source"]], "target": fresh[raw["target"]],
                                                  "perspective": perspective})
                edits.append(add_link(link))
        except (ValueError, KeyError, TypeError):
            self.message = "The clipboard does not hold a diagram SSM Studio can paste."
            return
        self.push(CompositeEdit(edits, label="Paste"))
        self.select(set(fresh.values()))

    def _paste_names(self, text: str) -> None:
        """Plain text (a list typed elsewhere): one variable per line."""
        names = [line.strip() for line in text.splitlines() if line.strip()][:200]
        centre = self.scene.diagram_rect().center()
        edits = [add_variable(Variable(name=n[:500], x=centre.x(), y=centre.y() + i * 50))
                 for i, n in enumerate(names)]
        self.push(CompositeEdit(edits, label="Paste variables"))

    def move_boxes(self, positions: dict[str, tuple[float, float]]) -> None:
        self.push(move_variables(positions))
