"""The SPOTlight review page (F12): the review and its team, the problem analysis's
evidence, the delivery chain, the action plan and the stocktakes, a tab each. Every field
and cell is an undoable edit (edits/spotlight_edits.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...analysis.spotlight import evidence_gaps
from ...edits import spotlight_edits as sp
from ...model import EVIDENCE_KINDS, Evidence, Issue, PlanItem, TeamMember
from ..session import DocumentSession
from .base import Page, canvas_commands
from .record_table import Column, RecordTable, chooser_row, refill
from .spotlight_chain import ChainTab, StocktakesTab, _choice
from .tables import copy_cells

WATCHED = {"spotlight", "snapshots", "actions", "perspectives", "cld"}
ASPECTS = ("extent", "causes", "consequences", "responsibility")
CONFIDENCE = ("low", "medium", "high")
HORIZONS = ("short", "medium", "long")
ESCALATIONS = ("", "strategic_planning", "commissioning")


def parse_team(text: str) -> list[TeamMember]:
    """'A. Khan (trio: council); B. Lee (sponsor)' → the team."""
    members = []
    for member in (p.strip() for p in text.split(";")):
        if not member:
            continue
        name, _, part = member.partition("(")
        members.append(TeamMember(name=name.strip(), part=part.rstrip(")").strip()))
    return members


class ReviewTab(QWidget):
    FIELDS = (("topic", "Topic"), ("neighbourhood", "Neighbourhood"), ("starts", "Starts (YYYY-MM-DD)"),
              ("ends", "Ends"), ("sponsor", "Sponsor"))

    def __init__(self, session: DocumentSession) -> None:
        super().__init__()
        self.session = session
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for key, label in self.FIELDS:
            field = QLineEdit()
            field.setAccessibleName(label)
            field.editingFinished.connect(lambda key=key: self.commit(key))
            form.addRow(label, field)
            self.fields[key] = field
        self.team = QLineEdit()
        self.team.setAccessibleName("Team")
        self.team.setPlaceholderText("A. Khan (trio: council); B. Lee (trio: Jobcentre Plus)")
        self.team.editingFinished.connect(lambda: self.commit("team"))
        form.addRow("Team", self.team)

    def refresh(self) -> None:
        review = self.session.document.project.spotlight
        for key, field in self.fields.items():
            if not field.hasFocus():
                field.setText(getattr(review, key))
        if not self.team.hasFocus():
            self.team.setText(review.team_words)

    def commit(self, key: str) -> None:
        review = self.session.document.project.spotlight
        if key == "team":
            value: object = parse_team(self.team.text())
            if value == review.team:
                return
        else:
            value = self.fields[key].text().strip()
            if value == getattr(review, key):
                return
        if not self.session.push(sp.change_review(**{key: value})):
            self.refresh()  # refused (a date out of order, say): what the review still holds


class SpotlightPanel(QTabWidget):
    def __init__(self, session: DocumentSession, selection=None) -> None:
        super().__init__()
        self.session = session
        # The overlay's selected variables and claims (evidence is linked to them).
        self.selection: Callable[[], tuple[set[str], set[str]]] = selection or (lambda: (set(), set()))
        self.review = ReviewTab(session)
        self.evidence = RecordTable(session, "Evidence", lambda: self.project.spotlight.evidence, [
            Column("Statement", lambda e: e.statement, lambda e, t: sp.change_evidence(e.id, statement=t)),
            Column("Source", lambda e: e.source, lambda e, t: sp.change_evidence(e.id, source=t)),
            Column("Kind", lambda e: e.kind, lambda e, t: sp.change_evidence(
                e.id, kind=_choice(t, tuple(EVIDENCE_KINDS), "The kind")), tuple(EVIDENCE_KINDS)),
            Column("Aspect", lambda e: e.aspect,
                   lambda e, t: sp.change_evidence(e.id, aspect=_choice(t, ASPECTS, "The aspect")), ASPECTS),
            Column("Confidence", lambda e: e.confidence,
                   lambda e, t: sp.change_evidence(e.id, confidence=_choice(t, CONFIDENCE, "The confidence")),
                   CONFIDENCE),
            Column("Date", lambda e: e.dated, lambda e, t: sp.change_evidence(e.id, dated=t)),
            Column("Bears on", self._bears_on),
        ], [("Add &evidence", self.add_evidence), ("Link to the overlay's selection", self.link_selection),
            ("Delete evidence", self.delete_evidence)],
            hint="Evidence on the extent, causes and consequences of the problem and who is responsible; link each "
                 "item to the variables and claims it bears on (select them on the overlay, then link).")
        self.chain = ChainTab(session)
        plan = QWidget()
        box = QVBoxLayout(plan)
        self.issues = RecordTable(session, "Issues of the SPOTlight report", lambda: self.project.spotlight.issues, [
            Column("Issue", lambda i: i.title, lambda i, t: sp.change_issue(i.id, title=t)),
            Column("Detail", lambda i: i.detail, lambda i, t: sp.change_issue(i.id, detail=t)),
        ], [("Add &issue", self.add_issue), ("Delete issue", self.delete_issue)],
            hint="The issues the report names, then the plan: short, medium and long term.")
        box.addWidget(self.issues, 1)
        self.plan_action = QComboBox()
        box.addLayout(chooser_row([(self.plan_action, "Action to put on the plan")], "&Put on the plan",
                                  "Put the action on the plan", self.add_to_plan))
        self.plan = RecordTable(session, "SPOTlight action plan", lambda: self.project.spotlight.plan, [
            Column("Action", lambda i: self._title(i.action)),
            Column("Horizon", lambda i: i.horizon,
                   lambda i, t: sp.change_plan_item(i.id, horizon=_choice(t, HORIZONS, "The horizon")), HORIZONS),
            Column("Owner", lambda i: i.owner, lambda i, t: sp.change_plan_item(i.id, owner=t)),
            Column("Take to", lambda i: i.escalate.replace("_", " "), lambda i, t: sp.change_plan_item(
                i.id, escalate=_choice(t, ESCALATIONS, "Where it is taken") if t else ""), ESCALATIONS[1:]),
            Column("From", lambda i: i.origin.replace("_", " ")),
        ], [("Plan an action for an evidence gap", self.plan_for_gap), ("Take off the plan", self.remove_from_plan)])
        box.addWidget(self.plan, 2)
        self.stocktakes = StocktakesTab(session)
        for widget, title in ((self.review, "Review"), (self.evidence, "Problem analysis"),
                              (self.chain, "Delivery chain"), (plan, "Action plan"), (self.stocktakes, "Stocktakes")):
            self.addTab(widget, title)
        self.currentChanged.connect(lambda _: self.refresh())
        self._unsubscribe = session.document.subscribe(self._on_events)
        self.stale = True

    @property
    def project(self):
        return self.session.document.project

    def _title(self, action_id: str) -> str:
        return next((a.title for a in self.project.actions if a.id == action_id), "?")

    def _bears_on(self, evidence: Evidence) -> str:
        names = {v.id: v.name for v in self.project.cld.variables}
        claims = {lk.id: lk for lk in self.project.cld.links}
        said = [names.get(v, "?") for v in evidence.variables]
        said += [f"{names.get(claims[c].source, '?')} → {names.get(claims[c].target, '?')}"
                 for c in evidence.links if c in claims]
        return "; ".join(said)

    def _on_events(self, events) -> None:
        if not any(e.path[:1] and e.path[0] in WATCHED for e in events):
            return
        if self.isVisible():
            self.refresh()
        else:
            self.stale = True

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self.stale = False
        self.review.refresh()
        self.evidence.refresh()
        gaps = evidence_gaps(self.project)
        self.evidence.say(f"{len(gaps)} claim(s) rest on no evidence, or only on weak evidence: "
                          + "; ".join(f"{g.claim} ({g.why})" for g in gaps[:8]) + (" …" if len(gaps) > 8 else "")
                          + " (View → Mark Claims Without Evidence shows them on the overlay.)" if gaps else "")
        self.chain.refresh()
        self.issues.refresh()
        self.plan.refresh()
        refill(self.plan_action, [(action.title, action.id) for action in self.project.actions])
        self.stocktakes.refresh()

    def current_table(self):
        widget = self.currentWidget()
        for table in (self.evidence, self.plan, self.issues, self.chain.links, self.stocktakes.updates):
            if table is widget or widget.isAncestorOf(table):
                return table.table
        return None

    # Commands ------------------------------------------------------------------------------
    def add_evidence(self) -> None:
        made = self.session.make(Evidence, statement="New evidence")
        if made is not None:
            self.session.push(sp.add_evidence(made))

    def link_selection(self) -> None:
        evidence = self.evidence.current()
        variables, links = self.selection()
        if evidence is None or not (variables or links):
            self.session.refused.emit("Choose an evidence row, and select variables or claims on the overlay.")
            return
        self.session.push(sp.change_evidence(evidence.id, variables=sorted(variables), links=sorted(links)))

    def delete_evidence(self) -> None:
        evidence = self.evidence.current()
        if evidence is not None:
            self.session.push(sp.remove_evidence([evidence.id]))

    def add_to_plan(self) -> None:
        action = self.plan_action.currentData()
        if action is None:
            self.session.refused.emit("Propose a change on the Actions page (stages 6–7) first.")
            return
        if any(item.action == action for item in self.project.spotlight.plan):
            self.session.refused.emit("That action is on the plan already.")
            return
        made = self.session.make(PlanItem, action=action)
        if made is not None:
            self.session.push(sp.plan_action(made))

    def plan_for_gap(self) -> None:
        """The first claim resting on no (or weak) evidence that no plan item yet answers."""
        answered = {i.origin_id for i in self.project.spotlight.plan if i.origin == "evidence_gap"}
        gap = next((g for g in evidence_gaps(self.project) if g.link_id not in answered), None)
        if gap is None:
            self.session.refused.emit("Every claim has evidence, or an action on the plan to find it.")
            return
        self.session.attempt(lambda: sp.plan_new_action(f"Find evidence for: {gap.claim}", "evidence_gap",
                                                        gap.link_id)[0])

    def add_issue(self) -> None:
        made = self.session.make(Issue, title="A new issue")
        if made is not None:
            self.session.push(sp.add_issue(made))

    def delete_issue(self) -> None:
        issue = self.issues.current()
        if issue is not None:
            self.session.push(sp.remove_issues([issue.id]))

    def remove_from_plan(self) -> None:
        item = self.plan.current()
        if item is not None:
            self.session.push(sp.remove_plan_items([item.id]))

    def close_document(self) -> None:
        self._unsubscribe()
        self.chain.scene.close()  # its canvas follows the document too (a room's outlives the page)


class SpotlightPage(Page):
    key = "spotlight"
    title = "SPOTlight review"

    def __init__(self, session: DocumentSession, selection=None) -> None:
        panel = SpotlightPanel(session, selection)
        super().__init__(panel)
        self.panel = panel
        view = panel.chain.view
        view.page = self
        # The chain's canvas answers the canvas commands (zoom, fit, new box, delete …); copy
        # and select all act on the shown tab's table, or on the canvas there.
        self.commands = {**canvas_commands(view, panel.chain.editor), "copy": self._copy, "select_all": self._select_all}
        panel.currentChanged.connect(lambda _: self.view_changed.emit())

    def tool_names(self) -> dict[str, str]:
        return {"add": "Actor", "link": "Join"} if self.view is not None else {}

    def _copy(self) -> None:
        table = self.panel.current_table()
        if table is not None:
            copy_cells(table)

    def _select_all(self) -> None:
        table = self.panel.current_table()
        if table is not None:
            table.selectAll()
        elif self.panel.currentWidget() is self.panel.chain:
            for item in self.panel.chain.scene.variable_items.values():
                item.setSelected(True)

    def canvases(self):
        return [self.panel.chain.view]

    @property
    def view(self):
        """The chain's canvas while its tab is shown (the window's zoom and tools act on it)."""
        return self.panel.chain.view if self.panel.currentWidget() is self.panel.chain else None

    def activate(self) -> None:
        self.panel.refresh()

    def close(self) -> None:
        self.panel.close_document()

