"""A SPOTlight review on the Stoke example, built through the edits as a user would."""

from __future__ import annotations

from ssm_studio.edits import Document, History
from ssm_studio.edits import spotlight_edits as sp
from ssm_studio.model import (
    ActionUpdate,
    Actor,
    ChainLink,
    Evidence,
    Issue,
    PlanItem,
    Project,
    Stocktake,
    TeamMember,
)


def with_review(project: Project) -> tuple[History, dict[str, str]]:
    """The review pushed edit by edit; ids of what the tests look at, by name."""
    history = History(Document(project))
    ids: dict[str, str] = {}
    council, jobcentre, residents, college = (p.id for p in project.perspectives[:4])
    history.push(sp.change_review(topic="Worklessness among lone parents", neighbourhood="Little Hulton",
                                  starts="2026-01-05", ends="2026-02-13", sponsor="Deputy chief executive",
                                  team=[TeamMember(name="A. Khan", part="trio: council"),
                                        TeamMember(name="B. Lee", part="trio: Jobcentre Plus")]))
    link = project.cld.links[0]
    evidence = Evidence(statement="Claimant count up 12% in two years", source="DWP tabulation", kind="data",
                        aspect="extent", confidence="high", dated="2026-01-09", variables=[link.source],
                        links=[link.id])
    history.push(sp.add_evidence(evidence))
    ids["evidence"] = evidence.id
    weak = Evidence(statement="Advisers say parents fear losing benefits", kind="frontline", confidence="low",
                    links=[project.cld.links[1].id])
    history.push(sp.add_evidence(weak))
    actors = {name: Actor(name=name, kind=kind, position=position, voiced_by=voiced)
              for name, kind, position, voiced in (
                  ("DWP", "organisation", "top", [jobcentre]), ("Council", "organisation", "top", [council]),
                  ("Jobcentre advisers", "team", "middle", [jobcentre]),
                  ("Family workers", "team", "bottom", []), ("Lone parents", "service_user", "customer", []))}
    for actor in actors.values():
        history.push(sp.add_actor(actor))
        ids[actor.name] = actor.id
    chain = [("DWP", "Jobcentre advisers", "funding"), ("Jobcentre advisers", "Lone parents", "service"),
             ("Family workers", "Lone parents", "referral"), ("Council", "Family workers", "accountability")]
    for source, target, kind in chain:
        made = ChainLink(source=actors[source].id, target=actors[target].id, kind=kind)
        history.push(sp.add_chain_link(history.document.project, made))
        ids[f"{source}>{target}"] = made.id
    p = history.document.project
    history.push(sp.rate_link(p, ids["Jobcentre advisers>Lone parents"], jobcentre, 4, "Interviews happen"))
    history.push(sp.rate_link(p, ids["Jobcentre advisers>Lone parents"], residents, 1, "Nobody listens"))
    history.push(sp.rate_link(p, ids["DWP>Jobcentre advisers"], council, 3))
    history.push(sp.rate_link(p, ids["Family workers>Lone parents"], college, 2, "Referrals get lost"))
    history.push(sp.add_issue(Issue(title="Childcare ends at 3 pm", detail="School-hours jobs end at 3.30")))
    action = project.actions[0]
    ids["action"] = action.id
    item = PlanItem(action=action.id, horizon="short", owner="Jobcentre Plus", escalate="commissioning",
                    origin="chain_link", origin_id=ids["Jobcentre advisers>Lone parents"])
    history.push(sp.plan_action(item))
    ids["plan"] = item.id
    first = Stocktake(dated="2026-03-10", panel="LSP executive",
                      updates=[ActionUpdate(action=action.id, status="red", reason="No adviser time yet", actual=0)])
    history.push(sp.add_stocktake(p, first))
    ids["first"] = first.id
    edit, snap = sp.take_snapshot(p, "March panel")
    history.push(edit)
    ids["march"] = snap
    history.push(sp.change_stocktake(first.id, snapshot=snap))
    second = Stocktake(dated="2026-05-12", panel="LSP executive")
    history.push(sp.add_stocktake(p, second))
    history.push(sp.report_on(p, second.id, action.id, "amber", "Two advisers trained", actual=14, planned=20,
                              assumption_questioned=True, assumption="That parents want full-time work"))
    ids["second"] = second.id
    return history, ids
