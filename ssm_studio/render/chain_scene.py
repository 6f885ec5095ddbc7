"""The delivery chain as a diagram: actors as boxes (their Oshry position under the name),
links as arrows in their kind's colour and dash, as thick as the perspectives rate them on
average, and ringed where the ratings lie two or more apart (the partners disagree)."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from ..analysis.spotlight import DISPUTED
from ..edits import ChangeEvent, Document
from ..model import POSITIONS
from .cld_items import LinkItem, VariableItem
from .diagram_scene import DiagramScene
from .style import CanvasStyle, perspective_pen

# Each kind its colour and its dash: the kinds stay apart in greyscale and for colour-blind eyes.
KIND_PENS = {"funding": ("#0072B2", "solid"), "accountability": ("#000000", "dash-dot"),
             "information": ("#777777", "dot"), "referral": ("#D55E00", "dash"), "service": ("#009E73", "long-dash")}


class ChainScene(DiagramScene):
    style: CanvasStyle  # type: ignore[assignment]  # the canvas style, not Qt's widget style

    def __init__(self, document: Document, style: CanvasStyle | None = None) -> None:
        super().__init__()
        self.document = document
        self.style = style or CanvasStyle()
        self.variable_items: dict[str, VariableItem] = {}
        self.link_items: dict[str, LinkItem] = {}
        self.loop_items: dict = {}
        self.setBackgroundBrush(QColor(self.style.background))
        self.follow(document)
        self.rebuild()

    def rebuild(self) -> None:
        for table in (self.link_items, self.variable_items):
            for item in table.values():
                self.removeItem(item)
            table.clear()
        review = self.document.project.spotlight
        names = {p.id: p.name for p in self.document.project.perspectives}
        for actor in review.actors:
            item = VariableItem(actor.id, actor.name, self.style)
            item.snap = self.snap
            _show_actor(item, actor, names)
            self.addItem(item)
            self.variable_items[actor.id] = item
        for link in review.chain:
            if link.source not in self.variable_items or link.target not in self.variable_items:
                continue
            item = LinkItem(link.id, self.variable_items[link.source], self.variable_items[link.target], self.style)
            self.addItem(item)
            self.link_items[link.id] = item
            _show_link(item, link, names, self.style)
        self.settle_rect()

    def on_events(self, events: list[ChangeEvent]) -> None:
        mine = [e for e in events if e.path[:1] == ("spotlight",) or e.path[:1] == ("perspectives",)]
        if not mine:
            return
        if all(e.kind == "changed" and e.path == ("spotlight", "actors") for e in mine):
            actors = {a.id: a for a in self.document.project.spotlight.actors}
            names = {p.id: p.name for p in self.document.project.perspectives}
            for event in mine:  # moves and renames: in place, the selection kept
                item, actor = self.variable_items.get(event.id or ""), actors.get(event.id or "")
                if item is not None and actor is not None:
                    _show_actor(item, actor, names)
                    for link in item.links:
                        link.update_geometry()
            return
        self.rebuild_keeping_selection()


def _show_actor(item: VariableItem, actor, names: dict[str, str]) -> None:
    words = f"{actor.name}\n{POSITIONS[actor.position][:-1].lower()}"  # "Lone parents / customer"
    if item.name != words:
        item.set_name(words)
    item.editable_text = actor.name
    if item.pos() != QPointF(actor.x, actor.y):
        item.setPos(actor.x, actor.y)
    voices = ", ".join(names.get(p, "?") for p in actor.voiced_by) or "no perspective of the project"
    item.setToolTip(f"{actor.name} ({actor.kind.replace('_', ' ')}, {actor.position}); voiced by {voices}")
    dashed = not actor.voiced_by  # nobody in the project speaks for it
    if item.dashed != dashed:
        item.dashed = dashed
        item.update()


def _show_link(item: LinkItem, link, names: dict[str, str], style: CanvasStyle) -> None:
    colour, dash = KIND_PENS[link.kind]
    values = [r.strength for r in link.ratings]
    item.show_sign = False  # a chain link has no polarity
    item.set_claim("+", False, 0.15, colour, dash)
    mean = sum(values) / len(values) if values else None
    item.pen = perspective_pen(colour, dash, (0.8 + 0.55 * mean) * style.text_scale if mean else 1.0)
    item.conflict = bool(values) and max(values) - min(values) >= DISPUTED
    rated = "; ".join(f"{names.get(r.perspective, '?')} {r.strength}" + (f" ({r.reason})" if r.reason else "")
                      for r in link.ratings) or "not rated yet"
    item.setToolTip(f"{link.kind}: {rated}")
    item.update_geometry()
