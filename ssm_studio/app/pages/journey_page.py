"""The client journey page (Ctrl+Shift+J): a family's contacts with services as lanes of
cards along time, the counts worked out from them ("31 services in six months"), the chosen
touchpoint's fields, the feedback loops the journey feeds, where its accounts differ, and the
project's services and the journey's lanes and phases. Every change is an undoable edit.

Selecting a touchpoint selects the variables it affects on the overlay and lights the loops
through them; choosing a loop (here, or on the overlay) lights the touchpoints that feed it.
The keyboard does everything: arrows move between cards (left and right in time, up and down
between lanes), Insert adds a touchpoint, Delete removes it, Enter edits it, Escape clears.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...analysis.journeys import (
    PRIVACY_WORDS,
    compare_accounts,
    counts,
    identifying_places,
    loops_fed,
    loops_through,
    touchpoints_feeding,
)
from ...analysis.loops import LoopReport
from ...edits import journey_edits as je
from ...model import Journey, Member, Phase, Service, Touchpoint
from ...render.cld_items import VariableItem
from ...render.cld_scene import CldScene
from ...render.journey_scene import JourneyScene
from ..session import DocumentSession
from .base import Page
from .journey_form import TouchpointForm
from .record_table import Column, RecordTable, refill

ROLE = Qt.ItemDataRole.UserRole
WATCHED = {"journeys", "services", "cld", "perspectives", "spotlight"}


class JourneyView(QGraphicsView):
    """The map; its keys move the selection card by card."""

    def __init__(self, scene: JourneyScene, panel: JourneyPanel) -> None:
        super().__init__(scene)
        self.panel = panel
        self.setAccessibleName("Journey map: a lane per member, touchpoints along time")
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = Qt.Key(event.key())
        steps = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1),
                 Qt.Key.Key_Home: (-10**9, 0), Qt.Key.Key_End: (10**9, 0)}
        if key in steps and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.panel.step(*steps[key])
        elif key == Qt.Key.Key_Insert:
            self.panel.add_touchpoint()
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.panel.form.dated.setFocus()
        elif key == Qt.Key.Key_Escape:
            self.panel.clear_highlight()
        else:
            super().keyPressEvent(event)

    def zoom(self, factor: float) -> None:
        self.scale(factor, factor)


class JourneyPanel(QWidget):
    def __init__(self, session: DocumentSession, overlay: Callable[[], CldScene | None]) -> None:
        super().__init__()
        self.session = session
        self.overlay = overlay  # the causal-loop overlay's scene, when the window has one
        self.scene = JourneyScene()
        self.scene.selectionChanged.connect(self._selection_changed)
        self.lane = 0  # the lane the keyboard is in
        self.warned: set[str] = set()  # journeys whose real-looking names were pointed out (once)
        self._echo = False
        self._fed: list = []
        box = QVBoxLayout(self)
        top = QHBoxLayout()
        self.chooser = QComboBox()
        self.chooser.setAccessibleName("Journey")
        self.chooser.activated.connect(lambda _: self.refresh())
        label = QLabel("&Journey:")
        label.setBuddy(self.chooser)
        top.addWidget(label)
        top.addWidget(self.chooser, 1)
        self.name = QLineEdit()
        self.name.setAccessibleName("Journey name")
        self.name.setPlaceholderText("The family's pseudonym, e.g. 'The Hall family'")
        self.name.editingFinished.connect(self._rename)
        top.addWidget(self.name, 1)
        for text, act in (("&New Journey", self.new_journey), ("Add &Touchpoint", self.add_touchpoint),
                          ("I&mport Touchpoints…", self.import_file), ("E&xport Touchpoints…", self.export_file)):
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            button.clicked.connect(lambda _=False, act=act: act())
            top.addWidget(button)
        self.window_months = QSpinBox()
        self.window_months.setRange(1, 120)
        self.window_months.setValue(6)
        self.window_months.setSuffix(" months")
        self.window_months.setAccessibleName("Window for the most services met")
        self.window_months.valueChanged.connect(lambda _: self._show_counts())
        top.addWidget(QLabel("Window:"))
        top.addWidget(self.window_months)
        box.addLayout(top)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.counts.setAccessibleName("Counts")
        box.addWidget(self.counts)
        self.privacy = QLabel()
        self.privacy.setWordWrap(True)
        self.privacy.setStyleSheet("background: #FFF4CE; padding: 4px;")
        self.privacy.setVisible(False)
        box.addWidget(self.privacy)
        split = QSplitter()
        self.view = JourneyView(self.scene, self)
        split.addWidget(self.view)
        self.side = QTabWidget()
        self.form = TouchpointForm(session, self._overlay_variables)
        self.loops = QListWidget()
        self.loops.setAccessibleName("Loops this journey feeds")
        self.loops.setWordWrap(True)
        self.loops.currentItemChanged.connect(lambda item, _: self._loop_chosen(item))
        self.accounts = QLabel()
        self.accounts.setWordWrap(True)
        self.accounts.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.accounts.setAccessibleName("Where the accounts differ")
        self.services = RecordTable(session, "Services", lambda: self.project.services, [
            Column("Service", lambda s: s.name, lambda s, t: je.change_service(self.project, s.id, name=t)),
            Column("Delivery-chain actor", lambda s: self._actor(s.actor),
                   lambda s, t: je.change_service(self.project, s.id, actor=self._actor_id(t))),
        ], [("Add &service", self.add_service), ("Delete service", self.delete_service)],
            hint="The services families deal with, kept once for the project; name the delivery-chain actor each "
                 "one is (SPOTlight page), where there is one.")
        self.members = RecordTable(session, "Lanes", lambda: self.journey.members if self.journey else [], [
            Column("Pseudonym", lambda m: m.pseudonym, lambda m, t: je.change_member(self.journey_id, m.id, pseudonym=t)),
            Column("Part", lambda m: m.part, lambda m, t: je.change_member(self.journey_id, m.id, part=t)),
        ], [("Add &lane", self.add_member), ("Delete lane", self.delete_member)],
            hint="A lane per member, each a pseudonym ('Mum', 'J., 14'): the app never needs a real name.")
        self.phases = RecordTable(session, "Phases", lambda: self.journey.phases if self.journey else [], [
            Column("Phase", lambda p: p.name, lambda p, t: je.rename_phase(self.journey_id, p.id, t)),
        ], [("Add p&hase", self.add_phase), ("Delete phase", self.delete_phase)])
        lanes = QWidget()
        lanes_box = QVBoxLayout(lanes)
        lanes_box.addWidget(self.members, 2)
        lanes_box.addWidget(self.phases, 1)
        for widget, title in ((self.form, "Touchpoint"), (self.loops, "Loops"), (self.accounts, "Accounts"),
                              (self.services, "Services"), (lanes, "Lanes")):
            self.side.addTab(widget, title)
        split.addWidget(self.side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([900, 360])
        box.addWidget(split, 1)
        self._unsubscribe = session.document.subscribe(self._on_events)
        self.stale = True
        self._drawn_at = -1  # the document's revision the map was drawn at
        self._report: LoopReport | None = None

    # What is shown ---------------------------------------------------------------------------
    @property
    def project(self):
        return self.session.document.project

    @property
    def journey(self) -> Journey | None:
        wanted = self.chooser.currentData()
        journeys = self.project.journeys
        return next((j for j in journeys if j.id == wanted), journeys[0] if journeys else None)

    @property
    def journey_id(self) -> str:
        journey = self.journey
        return journey.id if journey is not None else ""

    def _on_events(self, events) -> None:
        if not any(e.path[:1] and e.path[0] in WATCHED for e in events):
            return
        if any(e.path[:1] == ("cld",) for e in events):
            self._report = None
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.refresh_if_needed()
        super().showEvent(event)

    def refresh_if_needed(self) -> None:
        """Draw again only if the document changed since the map was last drawn."""
        if self.stale or self._drawn_at != self.session.document.revision:
            self.refresh()

    def refresh(self) -> None:
        self.stale = False
        self._drawn_at = self.session.document.revision
        chosen = self.scene.selected_touchpoints()
        refill(self.chooser, [(j.name, j.id) for j in self.project.journeys])
        journey = self.journey
        if not self.name.hasFocus():
            self.name.setText(journey.name if journey else "")
        self.name.setEnabled(journey is not None)
        lit = self.scene.lit() if self.scene.journey_id == (journey.id if journey else None) else set()
        self.scene.show_journey(self.project, journey)
        if lit:
            self.scene.highlight(lit)
        if chosen:
            self.scene.select_touchpoint(chosen[0])
        self._show_counts()
        self._show_loops()
        self._show_accounts()
        self._warn_of_names(journey)
        self.services.refresh()
        self.members.refresh()
        self.phases.refresh()
        self._selection_changed()

    def _show_counts(self) -> None:
        journey = self.journey
        if journey is None:
            self.counts.setText("No client journeys yet: New Journey starts one (a family, or one client).")
            return
        count = counts(journey, round(self.window_months.value() * 30.44))
        months = self.window_months.value()
        words = count.words().replace(f"in {count.window_days} days", f"in {months} month(s)")
        more = [f"{count.members} lane(s)", f"{count.pain_points} pain point(s)"]
        if count.longest_wait is not None:
            more.append(f"longest wait {count.longest_wait} day(s)")
        if count.out_of_order:
            more.append(f"{count.out_of_order} recorded out of date order (shown in date order)")
        self.counts.setText(f"{words}. " + "; ".join(more) + ".")

    def report(self) -> LoopReport:
        """The loops the overlay shows (the perspectives visible there), else all claims'."""
        overlay = self.overlay()
        shown = overlay.report if overlay is not None else None
        if shown is not None:
            return shown
        if self._report is None:
            from ...analysis import find_loops

            self._report = find_loops(self.project, time_budget=0.5)
        return self._report

    def _show_loops(self) -> None:
        journey = self.journey
        self.loops.blockSignals(True)
        self.loops.clear()
        self._fed = loops_fed(self.project, journey, self.report()) if journey else []
        names = {v.id: v.name for v in self.project.cld.variables}
        for fed in self._fed:
            loop = fed.loop
            title = f"{loop.label} {loop.name}".strip()
            item = QListWidgetItem(f"{title}: {' → '.join(names.get(v, '?') for v in loop.variables)} "
                                   f"({len(fed.touchpoints)} touchpoint(s))")
            item.setData(ROLE, loop.key)
            self.loops.addItem(item)
        if not self._fed:
            self.loops.addItem("No touchpoint affects a variable on a loop yet: choose a touchpoint, select "
                               "variables on the overlay (F3), then link them on the Touchpoint tab.")
        self.loops.blockSignals(False)

    def _show_accounts(self) -> None:
        journey = self.journey
        compared = compare_accounts(self.project, journey) if journey else None
        if compared is None or len(compared.accounts) < 2:
            self.accounts.setText("One account. Tell a touchpoint from a perspective (Told by) to set the family's "
                                  "own account beside a caseworker's; the differences are listed here.")
            return
        told = "; ".join(f"{who}: {n} contact(s), mean feeling {compared.mean_feeling[who]:+.1f}"
                         for who, n in compared.contacts.items())
        lines = [f"{d.dated or 'undated'}, {d.service}: {d.words}" for d in compared.differences[:40]]
        self.accounts.setText(f"{told}.\n\n{len(compared.differences)} difference(s):\n" + "\n".join(lines))

    def _warn_of_names(self, journey: Journey | None) -> None:
        """Once per journey and session: a warning, never a block."""
        if journey is None or journey.id in self.warned:
            self.privacy.setVisible(False)
            return
        places = identifying_places(journey)
        if places:
            self.warned.add(journey.id)
            self.privacy.setText(f"{PRIVACY_WORDS} ({', '.join(places[:3])}). Nothing was blocked.")
            self.privacy.setVisible(True)
            self.session.refused.emit(PRIVACY_WORDS + ".")

    def _actor(self, actor_id: str | None) -> str:
        return next((a.name for a in self.project.spotlight.actors if a.id == actor_id), "")

    def _actor_id(self, name: str) -> str | None:
        if not name:
            return None
        found = next((a.id for a in self.project.spotlight.actors if a.name.casefold() == name.casefold()), None)
        if found is None:
            from ...errors import EditRefused

            known = ", ".join(a.name for a in self.project.spotlight.actors[:8]) or "none yet"
            raise EditRefused(f"The delivery chain has no actor called '{name}' (it has {known}).")
        return found

    # Selection and highlights -------------------------------------------------------------
    def _touchpoint(self, touchpoint_id: str | None) -> Touchpoint | None:
        journey = self.journey
        return next((t for t in journey.touchpoints if t.id == touchpoint_id), None) if journey else None

    def _selection_changed(self) -> None:
        chosen = self.scene.selected_touchpoints()
        touchpoint = self._touchpoint(chosen[0] if chosen else None)
        self.form.show_touchpoint(self.journey, touchpoint)
        if touchpoint is None:
            return
        variables = {e.variable for e in touchpoint.effects}
        through = {loop.key for loop in loops_through(self.report(), variables)}
        for row in range(self.loops.count()):
            item = self.loops.item(row)
            font = item.font()
            font.setBold(item.data(ROLE) in through)
            item.setFont(font)
        overlay = self.overlay()
        if overlay is not None:
            self._echo = True
            try:
                overlay.clearSelection()
                for variable in variables:
                    box = overlay.variable_items.get(variable)
                    if box is not None:
                        box.setSelected(True)
                fed = next((f.loop.key for f in self._fed if f.loop.key in through), None)
                overlay.highlight_loop(fed)
            finally:
                self._echo = False

    def _loop_chosen(self, item: QListWidgetItem | None) -> None:
        key = item.data(ROLE) if item is not None else None
        self.light_loop(key)
        overlay = self.overlay()
        if overlay is not None and key is not None:
            self._echo = True
            try:
                overlay.highlight_loop(key)
            finally:
                self._echo = False

    def light_loop(self, key: str | None) -> None:
        """Light the touchpoints feeding the loop ``key`` (None: none lit)."""
        journey = self.journey
        loop = next((lp for lp in self.report().loops if lp.key == key), None) if key else None
        self.scene.highlight(touchpoints_feeding(journey, loop) if journey and loop else None)

    def overlay_loop_highlighted(self, key: str | None) -> None:
        """A loop was chosen on the overlay (its loops panel, or a click on its marker)."""
        if not self._echo:
            self.light_loop(key)

    def loops_changed(self) -> None:
        """The overlay found its loops again (another perspective shown, a claim made)."""
        if self.isVisible():
            self._show_loops()
        else:
            self.stale = True

    def clear_highlight(self) -> None:
        self.scene.highlight(None)
        self.scene.clearSelection()

    def _overlay_variables(self) -> set[str]:
        overlay = self.overlay()
        if overlay is None:
            return set()
        return {i.variable_id for i in overlay.selectedItems() if isinstance(i, VariableItem)}

    def step(self, along: int, across: int) -> None:
        """Move the selection a card along time (along) or to the nearest card in the lane above or below (across)."""
        layout = self.scene.layout
        if not layout.cards:
            return
        chosen = self.scene.selected_touchpoints()
        order = {p.touchpoint_id: i for i, p in enumerate(layout.cards)}
        at = order.get(chosen[0], -1) if chosen else -1
        lanes = len(layout.lane_names)
        if at < 0:
            target = 0 if along >= 0 else len(layout.cards) - 1
            self.lane = layout.cards[target].lanes[0] if layout.cards[target].lanes else 0
        elif across:
            self.lane = max(0, min(lanes - 1, self.lane + across))
            x = layout.cards[at].x
            in_lane = [i for i, p in enumerate(layout.cards) if self.lane in p.lanes]
            if not in_lane:
                return
            target = min(in_lane, key=lambda i: abs(layout.cards[i].x - x))
        else:
            in_lane = [i for i, p in enumerate(layout.cards) if self.lane in p.lanes] or list(range(len(layout.cards)))
            position = next((k for k, i in enumerate(in_lane) if i == at), 0)
            target = in_lane[max(0, min(len(in_lane) - 1, position + along))]
        placed = layout.cards[target]
        self.scene.select_touchpoint(placed.touchpoint_id)
        cards = self.scene.cards[placed.touchpoint_id]
        card = next((c for c, lane in zip(cards, placed.lanes, strict=False) if lane == self.lane), cards[0])
        self.view.ensureVisible(card, 40, 40)

    # Commands ------------------------------------------------------------------------------
    def new_journey(self) -> None:
        made = self.session.make(Journey, name=f"Journey {len(self.project.journeys) + 1}",
                                 members=[Member(pseudonym="Client")])
        if made is not None and self.session.push(je.add_journey(made)):
            self.chooser.setCurrentIndex(self.chooser.findData(made.id))
            self.refresh()
            self.name.setFocus()
            self.name.selectAll()

    def _rename(self) -> None:
        journey = self.journey
        text = self.name.text().strip()
        if journey is not None and text != journey.name:
            if not self.session.push(je.change_journey(journey.id, name=text)):
                self.name.setText(journey.name)

    def add_touchpoint(self) -> str | None:
        """A touchpoint after the chosen one (same lanes and day), or in the first lane."""
        journey = self.journey
        if journey is None:
            self.new_journey()
            journey = self.journey
        if journey is None or not journey.members:
            self.session.refused.emit("Add a lane (Lanes and phases) before a touchpoint.")
            return None
        chosen = self._touchpoint(next(iter(self.scene.selected_touchpoints()), None))
        made = self.session.make(Touchpoint, members=chosen.members if chosen else [journey.members[0].id],
                                 dated=chosen.dated if chosen else "", service=chosen.service if chosen else None)
        if made is None or not self.session.attempt(lambda: je.add_touchpoint(self.project, journey.id, made)):
            return None
        self.scene.select_touchpoint(made.id)
        self.side.setCurrentWidget(self.form)
        return made.id

    def delete_selection(self) -> None:
        journey = self.journey
        chosen = self.scene.selected_touchpoints()
        if journey is not None and chosen:
            self.session.push(je.remove_touchpoints(journey.id, chosen))

    def add_service(self) -> None:
        names = {s.name.casefold() for s in self.project.services}
        number = next(n for n in range(1, 10_000) if f"new service {n}" not in names)
        made = self.session.make(Service, name=f"New service {number}")
        if made is not None:
            self.session.attempt(lambda: je.add_service(self.project, made))

    def delete_service(self) -> None:
        service = self.services.current()
        if service is not None:
            self.session.push(je.remove_service(self.project, service.id))

    def add_member(self) -> None:
        journey = self.journey
        made = self.session.make(Member, pseudonym=f"Member {len(journey.members) + 1}") if journey else None
        if journey is not None and made is not None:
            self.session.attempt(lambda: je.add_member(self.project, journey.id, made))

    def delete_member(self) -> None:
        member = self.members.current()
        if member is not None and self.journey is not None:
            self.session.attempt(lambda: je.remove_member(self.project, self.journey_id, member.id))

    def add_phase(self) -> None:
        journey = self.journey
        made = self.session.make(Phase, name=f"Phase {len(journey.phases) + 1}") if journey else None
        if journey is not None and made is not None:
            self.session.attempt(lambda: je.add_phase(self.project, journey.id, made))

    def delete_phase(self) -> None:
        phase = self.phases.current()
        if phase is not None and self.journey is not None:
            self.session.attempt(lambda: je.remove_phase(self.project, self.journey_id, phase.id))

    def import_file(self, path: str | None = None, confirm: bool = True) -> bool:
        from ...errors import SsmError
        from ...interop import journey_tables as jt
        from ..journey_import_dialog import JourneyImportDialog

        journey = self.journey
        if journey is None:
            self.new_journey()
            journey = self.journey
        if journey is None:
            return False
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, "Import touchpoints", "", "Spreadsheets (*.csv *.xlsx)")
            if not path:
                return False
        try:
            header, rows = jt.read_table(path)
        except SsmError as error:
            self.session.refused.emit(str(error))
            return False
        dialog = JourneyImportDialog(self.project, journey, Path(path).name, header, rows, self)
        if dialog.exec() != JourneyImportDialog.DialogCode.Accepted or not dialog.plan.touchpoints:
            return False
        plan = dialog.plan
        return self.session.attempt(lambda: jt.import_edit(self.project, journey.id, plan))

    def export_file(self, path: str | None = None) -> bool:
        from ...errors import SsmError
        from ...interop import journey_tables as jt
        from ...storage import write_bytes_atomically

        journey = self.journey
        if journey is None:
            self.session.refused.emit("There is no journey to export yet.")
            return False
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, "Export touchpoints", f"{journey.name}.csv",
                                                  "CSV (*.csv);;Excel workbook (*.xlsx)")
            if not path:
                return False
        data = (jt.touchpoints_xlsx if path.lower().endswith(".xlsx") else jt.touchpoints_csv)(self.project, journey)
        try:
            write_bytes_atomically(Path(path), data, keep_backup=False)
        except SsmError as error:
            self.session.refused.emit(str(error))
            return False
        return True

    def close_document(self) -> None:
        self._unsubscribe()


class JourneyPage(Page):
    key = "journeys"
    title = "Client journeys"

    def __init__(self, session: DocumentSession, overlay: Callable[[], CldScene | None]) -> None:
        panel = JourneyPanel(session, overlay)
        super().__init__(panel)
        self.panel = panel
        self.scene = panel.scene
        view = panel.view
        self.commands = {
            "zoom_in": lambda: view.zoom(1.25), "zoom_out": lambda: view.zoom(0.8),
            "zoom_reset": view.resetTransform, "fit": self.fit, "delete": panel.delete_selection,
            "new_box": panel.add_touchpoint, "select_all": self._select_all,
        }

    def fit(self) -> None:
        """Every lane in the view's height (the time runs on, scrolled): a whole journey
        squeezed into the width would be too small to read."""
        view = self.panel.view
        height = self.scene.sceneRect().height()
        scale = min(1.5, max(0.2, (view.viewport().height() - 8) / height)) if height else 1.0
        view.resetTransform()
        view.scale(scale, scale)

    def _select_all(self) -> None:
        for cards in self.scene.cards.values():
            for card in cards:
                card.setSelected(True)

    def activate(self) -> None:
        # Shown next: its showEvent draws the map once (drawing it here as well built the
        # 2,000 cards of a long journey twice on every open).
        if self.panel.isVisible():
            self.panel.refresh_if_needed()
        else:
            self.panel.stale = True
        self.panel.view.setFocus()

    def close(self) -> None:
        self.panel.close_document()
