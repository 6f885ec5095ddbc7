"""The delivery chain and the stocktakes, as tabs of the SPOTlight page (spotlight_page.py)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...analysis.spotlight import DISPUTED, chain_strengths, compare_stocktakes, unheard_positions
from ...edits import spotlight_edits as sp
from ...errors import EditRefused
from ...model import POSITIONS, Actor, ChainLink, Stocktake
from ...render.chain_scene import ChainScene
from ..canvas.tools import AddTool, ConnectTool
from ..canvas.view import CanvasView
from ..chain_editor import ChainEditor
from .record_table import Column, RecordTable, chooser_row, refill

KINDS = ("organisation", "team", "post", "service_user")
LINK_KINDS = ("funding", "accountability", "information", "referral", "service")
RAG = ("red", "amber", "green")
RAG_COLOURS = {"red": "#C0392B", "amber": "#D68910", "green": "#1E8449"}


def _choice(text: str, allowed: tuple[str, ...], what: str) -> str:
    word = text.strip().casefold().replace(" ", "_")
    if word not in allowed:
        raise EditRefused(f"{what} must be one of {', '.join(allowed)}, not '{text}'.")
    return word


def _number(text: str) -> float | None:
    if not text.strip():
        return None
    try:
        return float(text)
    except ValueError:
        raise EditRefused(f"'{text}' is not a number.") from None


class ChainTab(QWidget):
    """Actors with their Oshry position and who voices them; links with each perspective's
    rating ("4 interviews happen": a strength of 4 and its reason); the weak, the disputed
    and the unheard, said above."""

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        layout = QVBoxLayout(self)
        self.flags = QLabel()
        self.flags.setWordWrap(True)
        self.flags.setAccessibleName("What the chain shows")
        layout.addWidget(self.flags)
        split = QSplitter(Qt.Orientation.Vertical)
        canvas = QWidget()
        column = QVBoxLayout(canvas)
        column.setContentsMargins(0, 0, 0, 0)
        self.scene = ChainScene(session.document)
        self.scene.setParent(self)
        self.editor = ChainEditor(self.scene, session)
        self.view = CanvasView(self.scene, self.editor, bends=False)
        self.view.add_tool(AddTool(self.view, "Click on the canvas to add an actor"))
        self.view.add_tool(ConnectTool(self.view, "Drag from one actor to the next in the chain"))
        self.view.setAccessibleName("Delivery chain canvas")
        self.view.setMinimumHeight(220)
        column.addWidget(self.view, 1)
        arrange = QHBoxLayout()
        lay_out = QPushButton("Lay &out the chain")
        lay_out.setAccessibleName("Lay out the chain")
        lay_out.clicked.connect(self.lay_out)
        arrange.addWidget(lay_out)
        arrange.addWidget(QLabel("Boxes dashed: no perspective speaks for them. Rings: the ratings lie 2 or more apart."))
        arrange.addStretch(1)
        column.addLayout(arrange)
        split.addWidget(canvas)
        self.actors = RecordTable(session, "Actors of the delivery chain", lambda: self.project.spotlight.actors, [
            Column("Actor", lambda a: a.name, lambda a, t: sp.change_actor(a.id, name=t)),
            Column("Kind", lambda a: a.kind.replace("_", " "),
                   lambda a, t: sp.change_actor(a.id, kind=_choice(t, KINDS, "The kind")), KINDS),
            Column("Position", lambda a: a.position,
                   lambda a, t: sp.change_actor(a.id, position=_choice(t, tuple(POSITIONS), "The position")),
                   tuple(POSITIONS)),
            Column("Voiced by", self._voices, self._voice),
        ], [("Add &actor", self.add_actor), ("Delete actor", self.delete_actor)])
        split.addWidget(self.actors)
        links = QWidget()
        box = QVBoxLayout(links)
        box.setContentsMargins(0, 0, 0, 0)
        self.source, self.target, self.kind = QComboBox(), QComboBox(), QComboBox()
        self.kind.addItems(LINK_KINDS)
        box.addLayout(chooser_row([(self.source, "From actor"), (self.target, "To actor"), (self.kind, "Kind of link")],
                                  "&Join", "Join the two actors", self.add_link))
        self.links = RecordTable(session, "Links of the delivery chain", lambda: self.project.spotlight.chain, [],
                                 [("Plan an action for this link", self.plan_for_link), ("Delete link", self.delete_link)],
                                 hint="Rate a link 1 (broken) to 5 (strong) in each perspective's column, a reason "
                                      "after the number: '2 referrals get lost'.")
        box.addWidget(self.links, 1)
        split.addWidget(links)
        layout.addWidget(split, 1)

    @property
    def project(self):
        return self.session.document.project

    def lay_out(self) -> None:
        if self.editor.lay_out():
            self.view.fit()

    def _voices(self, actor: Actor) -> str:
        names = {p.id: p.name for p in self.project.perspectives}
        return ", ".join(names.get(p, "?") for p in actor.voiced_by)

    def _voice(self, actor: Actor, text: str):
        wanted = [w.strip() for w in text.split(",") if w.strip()]
        found = self.project.perspectives_named(wanted)
        return sp.change_actor(actor.id, voiced_by=[p.id for p in found])

    def refresh(self) -> None:
        project = self.project
        names = {a.id: a.name for a in project.spotlight.actors}
        columns = [Column("From", lambda lk: names.get(lk.source, "?")), Column("To", lambda lk: names.get(lk.target, "?")),
                   Column("Kind", lambda lk: lk.kind,
                          lambda lk, t: sp.change_chain_link(lk.id, kind=_choice(t, LINK_KINDS, "The kind")), LINK_KINDS),
                   Column("Mean", _mean)]
        columns += [_rating_column(project, perspective.id, perspective.name) for perspective in project.perspectives]
        self.links.columns = columns
        self.links.table.setColumnCount(len(columns))
        self.links.table.setHorizontalHeaderLabels([c.header for c in columns])
        self.actors.refresh()
        self.links.refresh()
        for combo in (self.source, self.target):
            refill(combo, [(actor.name, actor.id) for actor in project.spotlight.actors])
        self.flags.setText(_flags(project))

    def add_actor(self) -> None:
        count = len(self.project.spotlight.actors) + 1
        made = self.session.make(Actor, name=f"Actor {count}", x=count * 40.0, y=0.0)
        if made is not None:
            self.session.push(sp.add_actor(made))

    def delete_actor(self) -> None:
        actor = self.actors.current()
        if actor is not None:
            self.session.push(sp.remove_actors(self.project, {actor.id}))

    def add_link(self) -> None:
        source, target = self.source.currentData(), self.target.currentData()
        if source is None or target is None:
            self.session.refused.emit("Add two actors first, then join them.")
            return
        self.session.attempt(lambda: sp.add_chain_link(self.project, ChainLink.model_validate(
            {"source": source, "target": target, "kind": self.kind.currentText()})))

    def plan_for_link(self) -> None:
        """A weak link becomes a change on the SPOTlight plan (stages 6-7 too)."""
        link = self.links.current()
        if link is None:
            self.session.refused.emit("Choose a link of the chain first.")
            return
        names = {a.id: a.name for a in self.project.spotlight.actors}
        title = f"Strengthen the {link.kind} link: {names.get(link.source, '?')} → {names.get(link.target, '?')}"
        self.session.attempt(lambda: sp.plan_new_action(title, "chain_link", link.id)[0])

    def delete_link(self) -> None:
        link = self.links.current()
        if link is not None:
            self.session.push(sp.remove_chain_links([link.id]))


def _rating_column(project, perspective_id: str, name: str) -> Column:
    return Column(name, lambda link: _rating(link, perspective_id),
                  lambda link, text: _rate(project, link, perspective_id, text))


def _mean(link: ChainLink) -> str:
    values = [r.strength for r in link.ratings]
    if not values:
        return ""
    disputed = max(values) - min(values) >= DISPUTED
    return f"{sum(values) / len(values):.1f}" + (" disputed" if disputed else "")


def _rating(link: ChainLink, perspective_id: str) -> str:
    rating = next((r for r in link.ratings if r.perspective == perspective_id), None)
    if rating is None:
        return ""
    return f"{rating.strength} {rating.reason}".strip()


def _rate(project, link: ChainLink, perspective_id: str, text: str):
    if not text:
        return sp.rate_link(project, link.id, perspective_id, None)
    number, _, reason = text.partition(" ")
    if not number.isdigit():
        raise EditRefused(f"A rating starts with its strength, 1 to 5 ('3 slow but it works'), not '{text}'.")
    return sp.rate_link(project, link.id, perspective_id, int(number), reason.strip())


def _flags(project) -> str:
    strengths = [s for s in chain_strengths(project) if s.mean is not None]
    said = []
    if strengths:
        weakest = strengths[0]
        said.append(f"Weakest link: {weakest.source} → {weakest.target} ({weakest.mean:.1f}).")
    disputed = [s for s in strengths if s.disputed]
    if disputed:
        said.append("Disputed: " + "; ".join(f"{s.source} → {s.target}" for s in disputed) + ".")
    said += [f"No perspective speaks for the {words.lower()}." for words in unheard_positions(project)]
    return " ".join(said) or "Add the actors who tackle the issue now, from end to end, and join them."


class StocktakesTab(QWidget):
    """Dated stocktakes; for the chosen one, each action's status with its reason, the
    trajectory, decisions and the assumption questioned; and how it compares with the last."""

    def __init__(self, session) -> None:
        super().__init__()
        self.session = session
        layout = QVBoxLayout(self)
        self.stocktakes = RecordTable(session, "Stocktakes", lambda: self.project.spotlight.stocktakes, [
            Column("Date", lambda s: s.dated, lambda s, t: sp.change_stocktake(s.id, dated=t)),
            Column("Panel", lambda s: s.panel, lambda s, t: sp.change_stocktake(s.id, panel=t)),
            Column("Snapshot", self._snapshot_name),
            Column("Actions reported", lambda s: str(len(s.updates))),
        ], [("Add &stocktake", self.add_stocktake), ("Keep a snapshot", self.keep_snapshot),
            ("Delete stocktake", self.delete_stocktake)])
        self.stocktakes.table.currentCellChanged.connect(lambda *_: self.show_updates())
        layout.addWidget(self.stocktakes, 1)
        self.action = QComboBox()
        layout.addLayout(chooser_row([(self.action, "Action to report on")], "&Report on it", "Report on the action",
                                     self.report))
        self.updates = RecordTable(session, "Actions at this stocktake", self._updates, [
            Column("Action", lambda u: self._title(u.action)),
            Column("Status", lambda u: u.status, lambda u, t: self._report(u, status=_choice(t, RAG, "The status")), RAG,
                   colour=lambda u: RAG_COLOURS[u.status]),
            Column("Reason", lambda u: u.reason, lambda u, t: self._report(u, reason=t)),
            Column("Planned", lambda u: _shown(u.planned), lambda u, t: self._report(u, planned=_number(t))),
            Column("Actual", lambda u: _shown(u.actual), lambda u, t: self._report(u, actual=_number(t))),
            Column("Decision", lambda u: u.decision, lambda u, t: self._report(u, decision=t)),
            Column("Assumption questioned", lambda u: u.assumption,
                   lambda u, t: self._report(u, assumption=t, assumption_questioned=bool(t))),
        ])
        layout.addWidget(self.updates, 1)
        self.compared = QLabel()
        self.compared.setWordWrap(True)
        self.compared.setAccessibleName("Against the last stocktake")
        layout.addWidget(self.compared)
        self.chart = TrajectoryChart()
        layout.addWidget(self.chart)
        self.before, self.after = QComboBox(), QComboBox()
        layout.addLayout(chooser_row([(self.before, "Snapshot before"), (self.after, "Snapshot after")], "&Compare",
                                     "Compare the two snapshots", self.compare_snapshots))
        self.difference = QLabel("Keep a snapshot at each stocktake, then compare any two (or one with now).")
        self.difference.setWordWrap(True)
        self.difference.setAccessibleName("What changed between the snapshots")
        layout.addWidget(self.difference)

    @property
    def project(self):
        return self.session.document.project

    def _snapshot_name(self, stocktake: Stocktake) -> str:
        return next((s.name for s in self.project.snapshots if s.id == stocktake.snapshot), "")

    def _title(self, action_id: str) -> str:
        return next((a.title for a in self.project.actions if a.id == action_id), "?")

    def _updates(self) -> list:
        chosen = self.stocktakes.current()
        return list(chosen.updates) if chosen is not None else []

    def _report(self, update, **changed):
        chosen = self.stocktakes.current()
        fields = update.model_dump() | changed
        action, status, reason = fields.pop("action"), fields.pop("status"), fields.pop("reason")
        return sp.report_on(self.project, chosen.id, action, status, reason, **fields)

    def refresh(self) -> None:
        self.stocktakes.refresh()
        if self.stocktakes.table.currentRow() < 0 and self.stocktakes.table.rowCount():
            self.stocktakes.table.setCurrentCell(self.stocktakes.table.rowCount() - 1, 0)
        refill(self.action, [(action.title, action.id) for action in self.project.actions])
        snapshots = [(snapshot.name, snapshot.id) for snapshot in self.project.snapshots]
        for combo in (self.before, self.after):
            refill(combo, [*snapshots, ("now (the project as it is)", "now")])
        self.show_updates()

    def compare_snapshots(self) -> None:
        from ...analysis.snapshot_diff import diff, side_of_project, side_of_snapshot

        def side(key):
            found = next((s for s in self.project.snapshots if s.id == key), None)
            return side_of_snapshot(found) if found is not None else side_of_project(self.project)

        result = diff(side(self.before.currentData()), side(self.after.currentData()), time_budget=1.0)
        if result.empty:
            self.difference.setText(f"From '{result.before}' to '{result.after}': nothing changed in the claims, "
                                    "loops or stances.")
            return
        parts = [f"{title} ({len(lines)}): " + "; ".join(lines[:6]) + (" …" if len(lines) > 6 else "")
                 for title, lines in (("claims added", result.added), ("claims removed", result.removed),
                                      ("polarities flipped", result.flipped), ("loops gained", result.loops_gained),
                                      ("loops lost", result.loops_lost), ("stances changed", result.stances)) if lines]
        self.difference.setText(f"From '{result.before}' to '{result.after}': " + ". ".join(parts) + ".")

    def show_updates(self) -> None:
        self.updates.refresh()
        chosen = self.stocktakes.current()
        if chosen is None:
            self.compared.setText("No stocktake yet: add one for the panel's meeting.")
            self.chart.show_series([], [])
            return
        dated = sorted(self.project.spotlight.stocktakes, key=lambda s: s.dated)
        earlier = next((s for s in reversed(dated) if s.dated < chosen.dated), None)
        comparison = compare_stocktakes(self.project, earlier, chosen)
        since = f"Since {earlier.dated}" if earlier else "The first stocktake"
        self.compared.setText(f"{since}: {comparison.count('moved')} moved up, {comparison.count('slipped')} "
                              f"slipped, {comparison.count('held')} held, {comparison.count('new')} new.")
        update = self.updates.current() or (chosen.updates[0] if chosen.updates else None)
        series = []
        if update is not None:
            for stocktake in dated:
                mine = next((u for u in stocktake.updates if u.action == update.action), None)
                if mine is not None:
                    series.append((stocktake.dated, mine.planned, mine.actual, mine.status))
        self.chart.show_series(series, [self._title(update.action)] if update else [])

    def add_stocktake(self) -> None:
        review = self.project.spotlight
        last = max((s.dated for s in review.stocktakes), default="")
        today = date.today().isoformat()
        dated = max(today, last, review.starts) if (last or review.starts) else today
        made = self.session.make(Stocktake, dated=dated)
        if made is not None:
            self.session.attempt(lambda: sp.add_stocktake(self.project, made))

    def keep_snapshot(self) -> None:
        chosen = self.stocktakes.current()
        if chosen is None:
            return
        name = f"Stocktake {chosen.dated}"
        taken: list[str] = []

        def make():
            edit, snapshot_id = sp.take_snapshot(self.project, name)
            taken.append(snapshot_id)
            return edit

        if self.session.attempt(make):
            self.session.push(sp.change_stocktake(chosen.id, snapshot=taken[0]))

    def delete_stocktake(self) -> None:
        chosen = self.stocktakes.current()
        if chosen is not None:
            self.session.push(sp.remove_stocktake(chosen.id))

    def report(self) -> None:
        chosen, action = self.stocktakes.current(), self.action.currentData()
        if chosen is None or action is None:
            self.session.refused.emit("Add a stocktake and an action (stages 6–7) first.")
            return
        if any(u.action == action for u in chosen.updates):
            self.session.refused.emit("That action is reported at this stocktake already: edit its row.")
            return
        self.session.attempt(lambda: sp.report_on(self.project, chosen.id, action, "amber", "Not yet discussed"))


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


class TrajectoryChart(QWidget):
    """An action's measure across the stocktakes: planned (dashed) and actual, each point in
    its status colour."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumHeight(120)
        self.setAccessibleName("Trajectory of the action's measure")
        self.series: list[tuple[str, float | None, float | None, str]] = []
        self.title = ""

    def show_series(self, series, title: list[str]) -> None:
        self.series, self.title = series, (title[0] if title else "")
        self.setAccessibleDescription(
            "; ".join(f"{d}: planned {_shown(p)}, actual {_shown(a)}, {s}" for d, p, a, s in series) or "no measure")
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        values = [v for _, p, a, _ in self.series for v in (p, a) if v is not None]
        if len(self.series) < 1 or not values:
            painter.setPen(QColor("#555555"))
            painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), "No measure reported yet")
            return
        left, top, width, height = 40.0, 20.0, max(10.0, self.width() - 60.0), max(10.0, self.height() - 40.0)
        low, high = min(values + [0.0]), max(values)
        span = (high - low) or 1.0
        step = width / max(1, len(self.series) - 1)

        def at(i: int, v: float) -> QPointF:
            return QPointF(left + i * step, top + height - (v - low) / span * height)

        painter.setPen(QColor("#333333"))
        painter.drawText(int(left), 14, self.title)
        planned = [(i, p) for i, (_, p, _, _) in enumerate(self.series) if p is not None]
        done = [(i, a) for i, (_, _, a, _) in enumerate(self.series) if a is not None]
        for line, dashed in ((planned, True), (done, False)):
            pen = QPen(QColor("#555555" if dashed else "#0072B2"), 2)
            if dashed:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            points = [at(i, v) for i, v in line]
            for a, b in zip(points, points[1:], strict=False):
                painter.drawLine(a, b)
        for i, (dated, _planned, actual, status) in enumerate(self.series):
            if actual is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(RAG_COLOURS[status]))
                painter.drawEllipse(at(i, actual), 5, 5)
            painter.setPen(QColor("#333333"))
            x = min(max(0.0, left + i * step - 30), self.width() - 75.0)  # every date whole, the last too
            painter.drawText(QPointF(x, top + height + 16), dated)
