"""The SPOTlight review's and the storylines' edits, drawn at random for the undo property
tests (test_edit_property.py): every edit they add to the vocabulary is generated here."""

from __future__ import annotations

from hypothesis import strategies as st

from ssm_studio.edits import Edit, InsertEdit
from ssm_studio.edits import spotlight_edits as sp
from ssm_studio.edits import storyline_edits as sl
from ssm_studio.errors import EditRefused
from ssm_studio.model import (
    Actor,
    ChainLink,
    Evidence,
    Issue,
    PlanItem,
    Stocktake,
    Storyline,
    StoryStep,
)

from .journey_edit_cases import BAD as JOURNEY_BAD
from .journey_edit_cases import GOOD as JOURNEY_GOOD
from .journey_edit_cases import journey_edit

GOOD = ["review", "issue", "change_issue", "del_issue", "plan_new", "evidence", "many_evidence", "change_evidence", "del_evidence", "actor", "move_actor",
        "change_actor", "del_actor", "chain_link", "rate", "unrate", "del_chain", "plan", "change_plan",
        "del_plan", "stocktake", "report", "change_stocktake", "del_stocktake", "snapshot", "del_snapshot",
        "storyline", "step", "move_step", "change_step", "del_step", "del_storyline"]
BAD = ["early_stocktake", "bad_rag", "empty_reason", "rating_scale", "same_snapshot", "bad_date"]
GOOD += JOURNEY_GOOD
BAD += JOURNEY_BAD

names = st.text(min_size=1, max_size=12)
dates = st.sampled_from(["2026-01-20", "2026-03-10", "2026-05-12", "2026-07-14"])


def new_edit(data, project, choice: str) -> Edit | None:
    pick = lambda seq: data.draw(st.sampled_from(seq))  # noqa: E731
    review = project.spotlight
    ps, vs, ls, actions = project.perspectives, project.cld.variables, project.cld.links, project.actions
    evidence, actors, chain = review.evidence, review.actors, review.chain
    plan, stocktakes, snapshots, storylines = review.plan, review.stocktakes, project.snapshots, project.storylines
    try:
        if choice in JOURNEY_GOOD or choice in JOURNEY_BAD:
            return journey_edit(data, project, choice)
        match choice:
            case "review":
                return sp.change_review(topic=data.draw(names), sponsor=data.draw(names))
            case "evidence":
                return sp.add_evidence(Evidence(statement=data.draw(names), variables=[pick(vs).id] if vs else [],
                                                links=[pick(ls).id] if ls else [],
                                                confidence=pick(["low", "medium", "high"])))
            case "many_evidence":
                return sp.add_evidence_items([Evidence(statement=f"note {i}") for i in range(data.draw(st.integers(1, 5)))])
            case "change_evidence" if evidence:
                return sp.change_evidence(pick(evidence).id, kind=pick(["data", "resident"]), dated=data.draw(dates))
            case "del_evidence" if evidence:
                return sp.remove_evidence([pick(evidence).id])
            case "actor":
                return sp.add_actor(Actor(name=data.draw(names), position=pick(["top", "middle", "bottom", "customer"]),
                                          voiced_by=[pick(ps).id] if ps else []))
            case "move_actor" if actors:
                return sp.move_actors({pick(actors).id: (data.draw(st.floats(-500, 500)), 3.0)})
            case "change_actor" if actors:
                return sp.change_actor(pick(actors).id, voiced_by=[pick(ps).id] if ps else [], kind="team")
            case "del_actor" if actors:
                return sp.remove_actors(project, {pick(actors).id})
            case "chain_link" if len(actors) > 1:
                return sp.add_chain_link(project, ChainLink(source=pick(actors).id, target=pick(actors).id,
                                                            kind=pick(["funding", "referral", "service"])))
            case "rate" if chain and ps:
                return sp.rate_link(project, pick(chain).id, pick(ps).id, data.draw(st.integers(1, 5)), data.draw(names))
            case "unrate" if chain and ps:
                return sp.rate_link(project, pick(chain).id, pick(ps).id, None)
            case "del_chain" if chain:
                return sp.remove_chain_links([pick(chain).id])
            case "plan" if actions:
                return sp.plan_action(PlanItem(action=pick(actions).id, horizon=pick(["short", "long"])))
            case "issue":
                return sp.add_issue(Issue(title=data.draw(names)))
            case "change_issue" if review.issues:
                return sp.change_issue(pick(review.issues).id, detail=data.draw(names))
            case "del_issue" if review.issues:
                return sp.remove_issues([pick(review.issues).id])
            case "plan_new":
                return sp.plan_new_action(data.draw(names), pick(["chain_link", "evidence_gap"]),
                                          pick([c.id for c in chain] or [None]))[0]
            case "change_plan" if plan:
                return sp.change_plan_item(pick(plan).id, owner=data.draw(names), escalate="strategic_planning")
            case "del_plan" if plan:
                return sp.remove_plan_items([pick(plan).id])
            case "stocktake":
                return sp.add_stocktake(project, Stocktake(dated=data.draw(dates), panel=data.draw(names)))
            case "report" if stocktakes and actions:
                return sp.report_on(project, pick(stocktakes).id, pick(actions).id, pick(["red", "amber", "green"]),
                                    data.draw(names), actual=data.draw(st.floats(0, 100)))
            case "change_stocktake" if stocktakes:
                return sp.change_stocktake(pick(stocktakes).id, panel=data.draw(names),
                                           snapshot=pick([None] + [s.id for s in snapshots]))
            case "del_stocktake" if stocktakes:
                return sp.remove_stocktake(pick(stocktakes).id)
            case "snapshot":
                return sp.take_snapshot(project, data.draw(names))[0]
            case "del_snapshot" if snapshots:
                return sp.remove_snapshot(project, pick(snapshots).id)
            case "storyline":
                return sl.add_storyline(Storyline(name=data.draw(names)))
            case "step" if storylines:
                return sl.add_step(pick(storylines).id, StoryStep(caption=data.draw(names), shown=[pick(ps).id] if ps else []))
            case "move_step" if any(s.steps for s in storylines):
                told = pick([s for s in storylines if s.steps])
                return sl.move_step(told.id, pick(told.steps).id, data.draw(st.integers(0, len(told.steps))))
            case "change_step" if any(s.steps for s in storylines):
                told = pick([s for s in storylines if s.steps])
                return sl.change_step(told.id, pick(told.steps).id, notes=data.draw(names), page="actions")
            case "del_step" if any(s.steps for s in storylines):
                told = pick([s for s in storylines if s.steps])
                return sl.remove_step(told.id, pick(told.steps).id)
            case "del_storyline" if storylines:
                return sl.remove_storyline(pick(storylines).id)
            # Must be refused, whole:
            case "early_stocktake":
                return InsertEdit(sp.STOCKTAKES, Stocktake(dated="1999-01-01")) if review.starts else None
            case "bad_rag" if stocktakes and actions:
                return sp.report_on(project, pick(stocktakes).id, pick(actions).id, "purple", "why")
            case "empty_reason" if stocktakes and actions:
                return sp.report_on(project, pick(stocktakes).id, pick(actions).id, "red", " ")
            case "rating_scale" if chain and ps:
                return sp.rate_link(project, pick(chain).id, pick(ps).id, pick([0, 6, 11]))
            case "same_snapshot" if snapshots:
                return sp.take_snapshot(project, pick(snapshots).name.upper())[0]
            case "bad_date":
                return sp.change_review(ends="next Tuesday")
    except EditRefused as refusal:
        assert str(refusal)  # refused before any edit was made, with a reason
        return None
    return None
