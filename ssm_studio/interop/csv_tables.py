"""Stage-5 comparison tables and the action plan as CSV, for spreadsheets and minutes."""

from __future__ import annotations

import csv
import io

from ..analysis.accommodation import accommodation
from ..model import Project


def comparison_csv(project: Project) -> str:
    """One row per activity of every conceptual model, with its stage-5 answers."""
    perspectives = {p.id: p.name for p in project.perspectives}
    rds = {rd.id: rd for rd in project.root_definitions}
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["perspective", "root definition", "conceptual model", "activity", "monitor and control",
                     "exists", "how done", "by whom", "how judged", "comments", "proposed change"])
    for cm in project.conceptual_models:
        rd = rds[cm.root_definition]
        rows = {row.activity: row for row in cm.comparison}
        for activity in cm.activities:
            row = rows.get(activity.id)
            answers = [row.exists, row.how, row.who, row.judged, row.comments, row.proposed_change] if row else [""] * 6
            writer.writerow([perspectives.get(rd.perspective, ""), rd.title, cm.title or rd.title, activity.label,
                             "yes" if activity.monitor_control else "", *answers])
    return out.getvalue()


def actions_csv(project: Project) -> str:
    """Each proposed change, in accommodation order, with every perspective's stance."""
    names = [p.name for p in project.perspectives]
    out = io.StringIO()
    writer = csv.writer(out)
    header = ["change", "owner", "timescale", "accepted by", "objecting"]
    for name in names:
        header += [f"{name}: desirable", f"{name}: feasible", f"{name}: note"]
    writer.writerow(header)
    pname = {p.id: p.name for p in project.perspectives}
    for standing in accommodation(project):
        action = standing.action
        by = {s.perspective: s for s in action.stances}
        row = [action.title, action.owner, action.timescale, len(standing.accepting),
               "; ".join(pname[q] for q in standing.objecting)]
        for perspective in project.perspectives:
            stance = by.get(perspective.id)
            row += [stance.desirable, stance.feasible, stance.note] if stance else ["", "", ""]
        writer.writerow(row)
    return out.getvalue()
