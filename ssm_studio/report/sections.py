"""The sections of the pack, each a list of flowables built from the project."""

from __future__ import annotations

from datetime import date
from xml.sax.saxutils import escape

from reportlab.platypus import (
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.tableofcontents import TableOfContents

from ..analysis import LoopReport, PerspectiveComparison
from ..analysis.accommodation import accommodation
from ..model import Project, display_polarity
from ..model.sentences import CATWOE, catwoe_value, compose_sentence
from .fonts import SANS
from .styles import BODY, H1, H2, H3, QUOTE, SMALL, SUBTITLE, TITLE, TOC1, TOC2, grid
from .tables import long_table, p, swatch, table

KIND = {"R": "reinforcing", "B": "balancing", "?": "unknown"}


class Context:
    """What every section needs: the project, names, chosen perspectives, page widths."""

    def __init__(self, project: Project, perspectives: list[str], width: float, wide_width: float,
                 diagrams: dict, loops: dict[str, LoopReport], comparison: PerspectiveComparison) -> None:
        self.project, self.perspectives = project, perspectives
        self.width, self.wide_width = width, wide_width
        self.diagrams, self.loops, self.comparison = diagrams, loops, comparison
        self.names = {v.id: v.name for v in project.cld.variables}
        self.pnames = {x.id: x.name for x in project.perspectives}

    def perspective(self, pid: str):
        return self.project.perspective(pid)


def heading(text: str, style=H1) -> Paragraph:
    return Paragraph(escape(text), style)


def cover(ctx: Context) -> list:
    meta = ctx.project.metadata
    story = [Spacer(1, 40), Paragraph(escape(meta.title), TITLE),
             Paragraph("Perspective comparison pack", SUBTITLE),
             Paragraph(escape(f"{date.today():%d %B %Y}" + (f" · {', '.join(meta.authors)}" if meta.authors else "")), BODY),
             Spacer(1, 14), Paragraph("Perspectives in this pack", H3)]
    rows = []
    for pid in ctx.perspectives:
        x = ctx.perspective(pid)
        rows.append([swatch(x), p(x.name), p(x.stakeholder), p(x.dash.replace("-", " "))])
    legend = table(["Line", "Perspective", "Held by", "Dash"], rows, [1.2, 3, 4.5, 1.4], ctx.width)
    story += [legend, Spacer(1, 10), Paragraph(
        "Every perspective is a declared worldview and is as valid as every other; they are listed "
        "in the order the group chose. Each has its own colour and dash pattern, so the diagrams "
        "can still be told apart when printed in greyscale.", SMALL), PageBreak()]
    return story


def contents() -> list:
    toc = TableOfContents()
    toc.levelStyles = [TOC1, TOC2]
    toc.tableStyle = TableStyle([("FONT", (0, 0), (-1, -1), SANS, 9), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    return [Paragraph("Contents", H1), toc, PageBreak()]


def situation(ctx: Context) -> list:
    meta = ctx.project.metadata
    story = [heading("The situation")]
    story.append(Paragraph(escape(meta.summary or "No summary has been written yet."), BODY))
    items = ctx.project.rich_picture.items
    if "rich-picture" in ctx.diagrams:
        story += [ctx.diagrams["rich-picture"],
                  Paragraph("The rich picture: common ground and the chosen perspectives' layers.", SMALL)]
    elif items:
        labelled = [getattr(i, "label", "") or getattr(i, "text", "") for i in items]
        labelled = [t for t in labelled if t]
        story.append(Paragraph(
            escape(f"The rich picture holds {len(items)} items. Among them: " + "; ".join(labelled[:24]) + "."),
            BODY))
    return story


def root_definition_block(ctx: Context, rd) -> list:
    story = [heading(f"Root definition: {rd.title or 'untitled'} ({rd.kind})", H3),
             Paragraph(escape(compose_sentence(rd) or "(not yet written)"), QUOTE)]
    rows = [[f"{letter} · {title}", catwoe_value(rd, letter)] for letter, title, _ in CATWOE]
    story.append(table(["CATWOE", "In this root definition"], rows, [1.4, 5], ctx.width))
    pqr = [["P · what", rd.what], ["Q · by means of", rd.how], ["R · in order to", rd.why]]
    m = rd.measures
    es = [["Efficacy", m.efficacy], ["Efficiency", m.efficiency], ["Effectiveness", m.effectiveness],
          ["Ethicality", m.ethicality], ["Elegance", m.elegance]]
    story += [Spacer(1, 4), table(["PQR", ""], pqr, [1.4, 5], ctx.width), Spacer(1, 4),
              table(["Measure (5Es)", "How it would be judged"], [r for r in es if r[1]] or [["—", "none yet"]],
                    [1.4, 5], ctx.width)]
    for cm in (m for m in ctx.project.conceptual_models if m.root_definition == rd.id):
        story.append(heading(f"Conceptual model: {cm.title or rd.title}", H3))
        if cm.id in ctx.diagrams:
            story.append(ctx.diagrams[cm.id])
            story.append(Paragraph("Arrows show logical contingency; dashed boxes form the monitor-and-control "
                                   "subsystem.", SMALL))
        labels = {a.id: a.label for a in cm.activities}
        rows = []
        for activity in cm.activities:
            after = [labels[d.source] for d in cm.dependencies if d.target == activity.id]
            role = "monitor and control" + (f" ({activity.measure})" if activity.measure else "") \
                if activity.monitor_control else ""
            rows.append([activity.label, "; ".join(after) or "—", role])
        story.append(table(["Activity", "Depends on", "Subsystem"], rows, [4, 4, 2], ctx.width))
    return story


def loops_table(ctx: Context, report: LoopReport) -> list:
    if not report.loops:
        return [Paragraph("These claims form no feedback loops.", BODY)]
    rows = [[f"{lp.label} {lp.name}".strip(), KIND[lp.polarity] + (", delay" if lp.has_delay else ""),
             " \u2192 ".join(ctx.names[v] for v in lp.variables + lp.variables[:1])] for lp in report.loops]
    story = long_table(["Loop", "Kind", "Members"], rows, [1.3, 1.7, 7], ctx.width)
    if not report.complete:
        story.append(Paragraph(escape(" ".join(report.notes)), SMALL))
    return story


def perspective_section(ctx: Context, pid: str) -> list:
    x = ctx.perspective(pid)
    story = [PageBreak(), heading(f"Perspective: {x.name}"),
             Table([[swatch(x), p(f"Held by {x.stakeholder}" if x.stakeholder else "")]], colWidths=[40, ctx.width - 40],
                   style=[("FONT", (0, 0), (-1, -1), SANS, 8), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]),
             Paragraph("Worldview", H3), Paragraph(escape(x.worldview or "Not yet declared."), QUOTE)]
    if x.notes:
        story.append(Paragraph(escape(x.notes), BODY))
    rds = [rd for rd in ctx.project.root_definitions if rd.perspective == pid]
    story.append(heading("Root definitions", H2))
    if not rds:
        story.append(Paragraph("No root definition yet.", BODY))
    for rd in rds:
        story += root_definition_block(ctx, rd)
    claims = [heading("Causal claims", H2)]
    if pid in ctx.diagrams:
        claims.append(ctx.diagrams[pid])
    story.append(KeepTogether(claims))
    story += [heading("Feedback loops in these claims", H3)] + loops_table(ctx, ctx.loops[pid])
    return story


def comparison_section(ctx: Context) -> list:
    c = ctx.comparison
    story = [PageBreak(), heading("The perspectives compared")]
    story.append(heading("CATWOE side by side", H2))
    story.append(Paragraph("Differences are shown, not ranked: each column is one perspective's first "
                           "root definition.", SMALL))
    for chunk_start in range(0, len(ctx.perspectives), 4):
        chunk = ctx.perspectives[chunk_start:chunk_start + 4]
        first = {pid: next((rd for rd in ctx.project.root_definitions if rd.perspective == pid), None) for pid in chunk}
        rows = [[f"{letter} · {title}"] + [catwoe_value(first[pid], letter) if first[pid] else "—" for pid in chunk]
                for letter, title, _ in CATWOE]
        story += [table(["CATWOE"] + [ctx.pnames[pid] for pid in chunk], rows, [1.2] + [3] * len(chunk), ctx.width),
                  Spacer(1, 6)]
    overlay = [heading("All claims overlaid", H2)]
    if "overlay" in ctx.diagrams:
        overlay.append(ctx.diagrams["overlay"])
    overlay.append(Paragraph("Claims of the same link by several perspectives are drawn side by side in their "
                             "colours; \u2260 marks links whose polarity the perspectives dispute.", SMALL))
    story.append(KeepTogether(overlay))
    story.append(heading("Agreements and conflicts", H2))

    def link_rows(views):
        return [[f"{ctx.names[v.source]} \u2192 {ctx.names[v.target]}",
                 "; ".join(f"{ctx.pnames[q]} {display_polarity(pol)}" for q, pol in v.claims.items())] for v in views]

    for title, status in (("Agreed by several perspectives", "agreed"), ("In conflict (opposite polarity)", "conflict"),
                          ("Uncertain (some say ?)", "uncertain")):
        views = c.by_status(status)
        story.append(heading(f"{title}: {len(views)}", H3))
        if views:
            story.append(table(["Link", "Claims"], link_rows(views), [5, 5], ctx.width))
    story.append(heading("Similarity of causal views", H2))
    story.append(Paragraph("Share of signed links two perspectives both claim (Jaccard index: 1 = the same "
                           "claims, 0 = none in common).", SMALL))
    header = [""] + [ctx.pnames[q] for q in ctx.perspectives]
    rows = [[ctx.pnames[a]] + [f"{c.similarity[a][b]:.2f}" for b in ctx.perspectives] for a in ctx.perspectives]
    story.append(table(header, rows, [2.5] + [1] * len(ctx.perspectives), ctx.width))
    story.append(heading("Loops seen by each perspective", H2))
    rows = []
    for pid in ctx.perspectives:
        for lp in ctx.loops[pid].loops:
            seen = [ctx.pnames[q] for q in c.loop_holders.get(lp.key, [])]
            rows.append([ctx.pnames[pid], f"{lp.label} ({KIND[lp.polarity]})",
                         " \u2192 ".join(ctx.names[v] for v in lp.variables), ", ".join(seen)])
    story += (long_table(["Perspective", "Loop", "Members", "Seen by"], rows, [2, 1.6, 5, 2.5], ctx.width)
              if rows else [Paragraph("No perspective's claims form a loop.", BODY)])
    story.append(heading("Held by one perspective only", H2))
    for pid in ctx.perspectives:
        only = c.only_in(pid)
        if only:
            story.append(heading(f"{ctx.pnames[pid]}: {len(only)} links", H3))
            story += long_table(["Link", "Polarity"], [[f"{ctx.names[v.source]} \u2192 {ctx.names[v.target]}",
                                                        display_polarity(v.claims[pid])] for v in only], [8, 1.4], ctx.width)
    return story


def stage5_section(ctx: Context) -> list:
    story = [PageBreak(), heading("Comparison with the real situation (stage 5)")]
    rds = {rd.id: rd for rd in ctx.project.root_definitions if rd.perspective in ctx.perspectives}
    models = [cm for cm in ctx.project.conceptual_models if cm.root_definition in rds]
    if not models:
        return story + [Paragraph("No conceptual model has been compared yet.", BODY)]
    for cm in models:
        rd = rds[cm.root_definition]
        story.append(heading(f"{ctx.pnames[rd.perspective]}: {cm.title or rd.title}", H2))
        labels = {a.id: a.label for a in cm.activities}
        rows = [[labels.get(r.activity, "?"), r.exists or "—", r.how, r.who, r.judged, r.comments, r.proposed_change]
                for r in cm.comparison]
        story += long_table(["Activity", "Exists?", "How done", "By whom", "How judged", "Comments", "Change"],
                            rows, [3, 1, 2, 1.6, 1.6, 2, 2.2], ctx.wide_width)
    return [NextPageTemplate("wide")] + story + [NextPageTemplate("main")]


def actions_section(ctx: Context) -> list:
    story = [PageBreak(), heading("Action plan and accommodation")]
    actions = ctx.project.actions
    if not actions:
        return story + [Paragraph("No changes have been proposed yet.", BODY)]
    story.append(table(["Change", "Owner", "Timescale"], [[a.title, a.owner, f"{a.timescale} term"] for a in actions],
                       [6, 3, 1.5], ctx.width))
    story.append(heading("Accommodation", H2))
    story.append(Paragraph("Changes ordered by how many perspectives find them both desirable and feasible. "
                           "An accommodation is a set of changes people with different worldviews can live with.",
                           SMALL))
    chosen = set(ctx.perspectives)
    rows = []
    for standing in accommodation(ctx.project):
        names = lambda ids: ", ".join(ctx.pnames[q] for q in ids if q in chosen) or "—"  # noqa: E731
        rows.append([standing.action.title, f"{len([q for q in standing.accepting if q in chosen])} of {len(chosen)}",
                     names(standing.accepting), names(standing.objecting), names(standing.unsure)])
    story.append(table(["Change", "Accept", "Desirable and feasible for", "Objecting", "Unsure"], rows,
                       [3.5, 1, 2.5, 2.2, 2], ctx.width))
    notes = [[a.title, ctx.pnames.get(s.perspective, "?"), s.desirable, s.feasible, s.note]
             for a in actions for s in a.stances if s.note and s.perspective in chosen]
    if notes:
        story += [heading("What each perspective said", H3),
                  table(["Change", "Perspective", "Desirable", "Feasible", "Note"], notes, [3, 2, 1, 1, 3.5], ctx.width)]
    return story


def appendix(ctx: Context) -> list:
    chosen = set(ctx.perspectives)
    rows = [[ctx.pnames[lk.perspective], ctx.names[lk.source], ctx.names[lk.target],
             display_polarity(lk.polarity), "yes" if lk.delay else "", lk.note]
            for lk in ctx.project.cld.links if lk.perspective in chosen]
    if not rows:
        return [PageBreak(), heading("Appendix: every causal claim"), Paragraph("No causal claims.", BODY)]
    return [PageBreak(), heading("Appendix: every causal claim"),
            *long_table(["Perspective", "From", "To", "\u00b1", "Delay", "Evidence note"], rows,
                        [2, 2.5, 2.5, 0.5, 0.8, 4], ctx.width)]


__all__ = ["Context", "actions_section", "appendix", "comparison_section", "contents", "cover",
           "grid", "perspective_section", "situation", "stage5_section"]
