"""The SPOTlight review in the pack: the review and its team, the delivery chain with each
perspective's ratings side by side, the evidence and its gaps, the action plan, and the
latest stocktake with what changed since the last panel. Plain blocks (blocks.py), so the
PDF and the Word document carry the same words."""

from __future__ import annotations

from collections import Counter

from ..analysis.snapshot_diff import diff, side_of_project, side_of_snapshot
from ..analysis.spotlight import (
    chain_strengths,
    compare_stocktakes,
    evidence_gaps,
    latest_stocktakes,
    unheard_positions,
)
from ..model import EVIDENCE_KINDS, POSITIONS
from .blocks import Break, Grid, Heading, Para

H_SPOTLIGHT = "SPOTlight review"
MAX_ROWS = 60  # a long list is cut, with a line saying how many more
MOVES = {"moved": "moved up", "slipped": "slipped", "held": "held", "new": "new", "dropped": "not reported"}


def spotlight_section(ctx) -> list:
    """Nothing when the project has no review (most projects)."""
    project = ctx.project
    review = project.spotlight
    if not review.started:
        return []
    story: list = [Break(), Heading(f"{H_SPOTLIGHT}: {review.topic}" if review.topic else H_SPOTLIGHT)]
    where = ", ".join(part for part in (review.neighbourhood,
                                        f"{review.starts} to {review.ends}" if review.starts else "") if part)
    if where:
        story.append(Para(where))
    if review.team or review.sponsor:
        story.append(Para(f"Team: {review.team_words}" + (f". Sponsor: {review.sponsor}." if review.sponsor else "."), "small"))
    story += _evidence(ctx) + _chain(ctx) + _plan(ctx) + _stocktake(ctx)
    return story


def _cut(rows: list, header_width: int) -> list:
    if len(rows) <= MAX_ROWS:
        return rows
    return rows[:MAX_ROWS] + [[f"… and {len(rows) - MAX_ROWS} more"] + [""] * (header_width - 1)]


def _evidence(ctx) -> list:
    review = ctx.project.spotlight
    story: list = [Heading("Problem analysis: the evidence", 2)]
    if review.evidence:
        aspects = Counter(e.aspect for e in review.evidence)
        kinds = Counter(e.kind for e in review.evidence)
        low = sum(1 for e in review.evidence if e.confidence == "low")
        story.append(Para(
            f"{len(review.evidence)} evidence item(s): "
            + ", ".join(f"{aspects[a]} on {a}" for a in ("extent", "causes", "consequences", "responsibility")
                        if aspects[a])
            + "; " + ", ".join(f"{kinds[k]} from {EVIDENCE_KINDS[k].lower()}" for k in EVIDENCE_KINDS if kinds[k])
            + (f"; {low} held with low confidence." if low else ".")))
        rows = [[e.statement, e.source, EVIDENCE_KINDS[e.kind], e.confidence, e.dated]
                for e in sorted(review.evidence, key=lambda e: ("high", "medium", "low").index(e.confidence))]
        story.append(Grid(["Evidence", "Source", "Kind", "Confidence", "Date"], _cut(rows, 5), [5, 2.2, 1.6, 1.2, 1.2]))
    else:
        story.append(Para("No evidence has been recorded yet."))
    gaps = evidence_gaps(ctx.project)
    chosen = set(ctx.perspectives)
    gaps = [g for g in gaps if next((lk.perspective for lk in ctx.project.cld.links if lk.id == g.link_id), None)
            in chosen]
    story.append(Heading("Evidence gaps", 3))
    if gaps:
        story.append(Para(f"{len(gaps)} causal claim(s) rest on no evidence, or only on evidence held with low "
                          "confidence: a stocktake should not lean on them.", "small"))
        story.append(Grid(["Claim", "Why"], _cut([[g.claim, g.why] for g in gaps], 2), [6, 2.5]))
    else:
        story.append(Para("Every claim shown has evidence held with at least medium confidence."))
    return story


def _chain(ctx) -> list:
    project = ctx.project
    review = project.spotlight
    story: list = [Heading("The delivery chain", 2)]
    if not review.chain:
        return story + [Para("No delivery chain has been drawn yet.")]
    rating = [pid for pid in ctx.perspectives
              if any(r.perspective == pid for link in review.chain for r in link.ratings)]
    story.append(Para(
        "How the issue is tackled now, from end to end: each link as each perspective rates it, from 1 (broken) to 5 "
        "(strong), weakest first. A link whose ratings lie two or more apart is disputed: the partners see it "
        "differently.", "small"))
    rows = []
    for strength in chain_strengths(project):
        by = {r.perspective: r.strength for r in strength.link.ratings}
        mean = f"{strength.mean:.1f}" if strength.mean is not None else "–"
        rows.append([f"{strength.source} → {strength.target}", strength.link.kind, mean,
                     *(str(by.get(pid, "")) for pid in rating), "disputed" if strength.disputed else ""])
    header = ["Link", "Kind", "Mean", *(ctx.pnames.get(pid, "?") for pid in rating), ""]
    widths = [4, 1.6, 1, *([1.3] * len(rating)), 1.4]
    story.append(Grid(header, _cut(rows, len(header)), widths, wide=len(rating) > 4))
    reasons = [[f"{s.source} → {s.target}", ctx.pnames.get(r.perspective, "?"), str(r.strength), r.reason]
               for s in chain_strengths(project) for r in s.link.ratings if r.reason and r.perspective in ctx.pnames]
    if reasons:
        story += [Heading("Why they rate it so", 3), Grid(["Link", "Perspective", "Rating", "Reason"],
                                                          _cut(reasons, 4), [3.5, 2, 1, 4.5])]
    positions = Counter(a.position for a in review.actors)
    story.append(Para("Actors by position (Oshry): " + ", ".join(
        f"{POSITIONS[p].lower()} {positions[p]}" for p in POSITIONS if positions[p]) + "."))
    for words in unheard_positions(project):
        story.append(Para(f"No perspective in this project speaks for the {words.lower()} of the chain.", "quote"))
    return story


def _plan(ctx) -> list:
    project = ctx.project
    review = project.spotlight
    story: list = [Heading("The SPOTlight report: issues and action plan", 2)]
    if review.issues:
        story.append(Grid(["Issue", "Detail"], _cut([[i.title, i.detail] for i in review.issues], 2), [3.5, 6]))
        story.append(Heading("Action plan", 3))
    if not review.plan:
        return story + [Para("No action is on the plan yet.")]
    titles = {a.id: a.title for a in project.actions}
    order = ("short", "medium", "long")
    rows = [[f"{item.horizon} term", titles.get(item.action, "?"), item.owner,
             item.escalate.replace("_", " "), item.origin.replace("_", " ")]
            for item in sorted(review.plan, key=lambda i: order.index(i.horizon))]
    return story + [Grid(["Horizon", "Action", "Owner", "Take to", "From"], rows, [1.4, 4.5, 2, 2, 1.6])]


def _stocktake(ctx) -> list:
    project = ctx.project
    earlier, later = latest_stocktakes(project)
    if later is None:
        return []
    comparison = compare_stocktakes(project, earlier, later)
    since = f", against {earlier.dated}" if earlier else ""
    story: list = [Heading(f"The latest stocktake: {later.dated}{since}", 2)]
    if later.panel:
        story.append(Para(f"Panel: {later.panel}.", "small"))
    story.append(Para(f"{comparison.count('moved')} action(s) moved up, {comparison.count('slipped')} slipped, "
                      f"{comparison.count('held')} held, {comparison.count('new')} reported for the first time. "
                      "A colour is read with its reason, never alone."))
    rows = []
    for change in comparison.changes:
        then, now = change.trajectory
        trajectory = f"{_number(then)} → {_number(now)}" if then is not None or now is not None else ""
        rows.append([change.action, change.before or "", change.after or "", MOVES[change.movement], change.reason,
                     trajectory])
    story.append(Grid(["Action", "Before", "Now", "", "Reason", "Measure"], _cut(rows, 6), [3, 1, 1, 1.3, 4, 1.4]))
    questioned = [c for c in comparison.changes if c.assumption]
    story.append(Heading("Assumptions questioned (double loop)", 3))
    if questioned:
        story += [Para(f"{c.action}: {c.assumption}") for c in questioned]
    else:
        story.append(Para("No assumption behind an action was questioned at this stocktake.", "small"))
    story += _since_last_panel(ctx, earlier)
    return story


def _since_last_panel(ctx, earlier) -> list:
    """The model now against the snapshot kept at the stocktake before (if one was kept)."""
    project = ctx.project
    snapshot = None
    if earlier is not None and earlier.snapshot is not None:
        snapshot = next((s for s in project.snapshots if s.id == earlier.snapshot), None)
    if snapshot is None:
        return []
    change = diff(side_of_snapshot(snapshot), side_of_project(project, "now"), time_budget=1.0)
    story: list = [Heading(f"What changed in the model since '{snapshot.name}'", 3)]
    if change.empty:
        return story + [Para("Nothing: the same claims, loops and stances.")]
    rows = [[what, line] for what, lines in (("claim added", change.added), ("claim removed", change.removed),
                                              ("polarity flipped", change.flipped),
                                              ("loop gained", change.loops_gained), ("loop lost", change.loops_lost),
                                              ("stance changed", change.stances)) for line in lines]
    return story + [Grid(["Change", "What"], _cut(rows, 2), [1.8, 7])]


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"
