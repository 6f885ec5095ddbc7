"""The sections of the pack, each a list of plain blocks (report/blocks.py) built from the
project; the PDF and Word writers render the same blocks."""

from __future__ import annotations

from datetime import date

from ..analysis import LoopReport, PerspectiveComparison
from ..analysis.accommodation import accommodation
from ..analysis.loop_comparison import LoopComparison
from ..model import Project, display_polarity, item_words
from ..model.sentences import CATWOE, catwoe_value, compose_sentence
from .blocks import (
    Break,
    Contents,
    Figure,
    Grid,
    Heading,
    Keep,
    Para,
    Space,
    Swatch,
    Title,
    Wide,
    anchor_id,
)

KIND = {"R": "reinforcing", "B": "balancing", "?": "unknown"}
MAX_MATRIX_LOOPS = 60  # the loop matrix lists the shortest loops first, then says how many more
MAX_DRAWN_LOOPS = 12
MAX_DRAWN_LOOP_LENGTH = 16  # a longer loop is described, not drawn (its circle would crowd)
# Headings the summary points to (its "see p. N" are filled in from where they land).
H_LOOPS = "The loops compared"
H_COMPARED = "The perspectives compared"
H_ACTIONS = "Action plan and accommodation"
H_AGREED = "Agreed by several perspectives"


class Context:
    """What every section needs: the project, names, chosen perspectives, analyses."""

    def __init__(self, project: Project, perspectives: list[str], loops: dict[str, LoopReport],
                 comparison: PerspectiveComparison, loop_comparison: LoopComparison, figures: set[str],
                 everything: LoopReport | None = None) -> None:
        self.project, self.perspectives = project, perspectives
        self.everything = everything  # the loops of every claim (journeys feed these)
        self.loops, self.comparison, self.loop_comparison = loops, comparison, loop_comparison
        self.figures = figures  # keys of the diagrams the pack drew
        self.names = {v.id: v.name for v in project.cld.variables}
        # Perspectives in the pack's order (the chosen ones as chosen, then the rest), so a
        # list of them made from a set reads the same in every build.
        named = {x.id: x.name for x in project.perspectives}
        self.pnames = {pid: named[pid] for pid in perspectives if pid in named}
        self.pnames.update((pid, name) for pid, name in named.items() if pid not in self.pnames)

    def perspective(self, pid: str):
        return self.project.perspective(pid)

    def loop_title(self, loop) -> str:
        return f"{loop.label} {loop.name}".strip()

    def members(self, loop, most: int = 14) -> str:
        """The loop's variables in order, back to the first; a very long loop shortened."""
        names = [self.names[v] for v in loop.variables + loop.variables[:1]]
        if len(names) > most:
            names = names[:most // 2] + [f"… {len(names) - most} more …"] + names[-(most // 2):]
        return " \u2192 ".join(names)

    def shown(self, ids, nobody: str = "no one") -> str:
        wanted = set(ids)  # often a set: named in the pack's order, so each build reads the same
        return ", ".join(name for q, name in self.pnames.items() if q in wanted) or nobody


def cover(ctx: Context) -> list:
    meta = ctx.project.metadata
    byline = f"{date.today():%d %B %Y}" + (f" · {', '.join(meta.authors)}" if meta.authors else "")
    rows = [[Swatch(ctx.perspective(pid)), ctx.pnames[pid], ctx.perspective(pid).stakeholder,
             ctx.perspective(pid).dash.replace("-", " ")] for pid in ctx.perspectives]
    return [Title(meta.title, "Perspective comparison pack", byline), Space(14),
            Heading("Perspectives in this pack", 3),
            Grid(["Line", "Perspective", "Held by", "Dash"], rows, [1.2, 3, 4.5, 1.4]), Space(10),
            Para("Every perspective is a declared worldview and is as valid as every other; they are listed "
                 "in the order the group chose. Each has its own colour and dash pattern, so the diagrams "
                 "can still be told apart when printed in greyscale.", "small"), Break()]


def contents() -> list:
    return [Heading("Contents", 1), Contents(), Break()]


def summary(ctx: Context) -> list:
    """Two minutes for the chair: who took part, which loops all, some or none of them see,
    the sharpest disagreements and the changes everyone can live with."""
    chosen = set(ctx.perspectives)
    holdings = ctx.loop_comparison.holdings
    everyone = [h for h in holdings if chosen <= set(h.held_by)]
    some = [h for h in holdings if h.held_by and not chosen <= set(h.held_by)]
    nobody = [h for h in holdings if h.combined_only]
    story: list = [Heading("Summary", 1), Heading("Who took part", 3)]
    story.append(Grid(["Line", "Perspective", "Speaks from"],
                      [[Swatch(ctx.perspective(pid)), ctx.pnames[pid], ctx.perspective(pid).stakeholder or "—"]
                       for pid in ctx.perspectives], [1.2, 3.5, 6]))

    twins = loop_twins(ctx, holdings)

    def loop_lines(title: str, found: list, describe) -> None:
        story.append(Heading(f"{title}: {len(found)}", 3))
        if not found:
            story.append(Para("None.", "small"))
        for h in found[:5]:
            story.append(Para(f"{ctx.loop_title(h.loop)} ({KIND[h.loop.polarity]}): {ctx.members(h.loop)}. "
                              f"{describe(h)}{twins.get(h.loop.key, '')}",
                              refs={"see": loop_place(ctx, h), "label": H_LOOPS}))
        if len(found) > 5:
            story.append(Para(f"… and {len(found) - 5} more.", "small", refs={"see": H_LOOPS}))

    loop_lines("Loops every perspective sees", everyone, lambda h: "")
    loop_lines("Loops only some see", some, lambda h: f"Seen by {ctx.shown(h.held_by)}.")
    loop_lines("Loops no one sees alone", nobody,
               lambda h: "It exists only when the perspectives' claims are put together.")
    agreed_links = ctx.comparison.by_status("agreed")
    story.append(Heading(f"What several perspectives agree on: {len(agreed_links)} link(s)", 3))
    for view in agreed_links[:5]:
        story.append(Para(f"{ctx.names[view.source]} \u2192 {ctx.names[view.target]}: {claims_said(ctx, view)}.",
                          refs={"see": link_place(view), "label": "Agreed by several perspectives"}))
    if len(agreed_links) > 5:
        story.append(Para(f"… and {len(agreed_links) - 5} more.", "small", refs={"see": H_AGREED}))
    if not agreed_links:
        story.append(Para("No link is claimed with the same sign by two perspectives.", "small"))
    conflicts = ctx.comparison.by_status("conflict")
    story.append(Heading(f"Sharpest disagreements (opposite polarity): {len(conflicts)}", 3))
    for view in conflicts[:5]:
        story.append(Para(f"{ctx.names[view.source]} \u2192 {ctx.names[view.target]}: {claims_said(ctx, view)}.",
                          refs={"see": link_place(view), "label": "In conflict (opposite polarity)"}))
    if not conflicts:
        story.append(Para("No link is read with opposite signs.", "small"))
    agreed = [s for s in accommodation(ctx.project) if chosen <= set(s.accepting)]
    story.append(Heading(f"Changes every perspective finds desirable and feasible: {len(agreed)}", 3))
    for standing in agreed[:8]:
        story.append(Para(standing.action.title, refs={"see": H_ACTIONS}))
    if not agreed:
        story.append(Para("None yet: no change is accepted by all of them.", "small", refs={"see": H_ACTIONS}))
    return story + [Break()]


def claims_said(ctx: Context, view) -> str:
    return "; ".join(f"{ctx.pnames[q]} says {display_polarity(pol)}" for q, pol in view.claims.items())


def link_place(view) -> str:
    """Where a link's row stands in the agreements and conflicts tables."""
    return anchor_id("link", view.source, view.target)


def loop_place(ctx: Context, holding) -> str:
    """Where a loop is told in full: its own drawing if it is one no one sees alone, else its
    row in the loop-by-loop table."""
    drawn = [h for h in ctx.loop_comparison.holdings if h.combined_only][:MAX_DRAWN_LOOPS]
    if holding.combined_only and holding in drawn:
        return anchor_id("loop", holding.loop.key)
    return anchor_id("loop-row", holding.loop.key)


def loop_twins(ctx: Context, holdings) -> dict[str, str]:
    """For each loop whose circle of variables is also listed with the other type, the line
    that says why: the perspectives read some link of it with opposite signs."""
    circles: dict[frozenset, list] = {}
    for h in holdings:
        circles.setdefault(frozenset(h.loop.variables), []).append(h.loop)
    said: dict[str, str] = {}
    for loops in circles.values():
        if len(loops) < 2:
            continue
        for loop in loops:
            others = [o for o in loops if o is not loop]
            signs = {(a, b): step.polarity for (a, b), step in _steps(loop)}
            disputed = sorted({f"{ctx.names[a]} \u2192 {ctx.names[b]}" for other in others
                               for (a, b), step in _steps(other) if signs.get((a, b)) not in (None, step.polarity)})
            twin = ", ".join(f"{ctx.loop_title(o)} ({KIND[o.polarity]})" for o in others)
            said[loop.key] = (f" The same circle is also listed as {twin}: the perspectives read "
                              f"{' and '.join(disputed) or 'a link of it'} with opposite signs.")
    return said


def _steps(loop):
    pairs = zip(loop.variables, loop.variables[1:] + loop.variables[:1], strict=True)
    return list(zip(pairs, loop.steps, strict=True))


def situation(ctx: Context) -> list:
    meta = ctx.project.metadata
    summary = Para(meta.summary or "No summary has been written yet.")
    story: list = [Heading("The situation"), summary]
    items = ctx.project.rich_picture.items
    if "rich-picture" in ctx.figures:
        layered = [ctx.perspective(pid) for pid in ctx.perspectives
                   if any(i.layer == pid for i in items)]
        # Kept with the picture: a picture sent to a landscape page takes its heading along;
        # the summary follows it there (the picture needs the page's height).
        return [Keep([Heading("The situation"), Figure(
            "rich-picture", "The rich picture: what is on a perspective's layer is outlined in that perspective's "
            "colour and line, as the key shows; the rest is common ground.",
            f"Rich picture of the situation with {len(items)} items, showing common ground and "
            f"the layers of {ctx.shown(ctx.perspectives)}.", layered)]), summary]
    elif items:
        labelled = [t for t in (item_words(i) for i in items) if t]
        story.append(Para(f"The rich picture holds {len(items)} items. Among them: " + "; ".join(labelled[:24]) + "."))
    return story


def root_definition_block(ctx: Context, rd) -> list:
    story: list = [Heading(f"Root definition: {rd.title or 'untitled'} ({rd.kind})", 3),
                   Para(compose_sentence(rd) or "(not yet written)", "quote")]
    rows = [[f"{letter} · {title}", catwoe_value(rd, letter)] for letter, title, _ in CATWOE]
    story.append(Grid(["CATWOE", "In this root definition"], rows, [1.6, 5]))
    m = rd.measures
    es = [["Efficacy", m.efficacy], ["Efficiency", m.efficiency], ["Effectiveness", m.effectiveness],
          ["Ethicality", m.ethicality], ["Elegance", m.elegance]]
    story += [Space(4), Grid(["PQR", ""], [["P · what", rd.what], ["Q · by means of", rd.how],
                                           ["R · in order to", rd.why]], [1.6, 5]), Space(4),
              Grid(["Measure (5Es)", "How it would be judged"], [r for r in es if r[1]] or [["—", "none yet"]], [1.6, 5])]
    for cm in (m for m in ctx.project.conceptual_models if m.root_definition == rd.id):
        story += conceptual_model_block(ctx, cm, cm.title or rd.title)
    return story


def conceptual_model_block(ctx: Context, cm, title: str) -> list:
    """The model drawn, then its activities as a table; each names the other, and a drawing
    sent to a landscape page takes its heading along and its table follows it there."""
    drawn = anchor_id("model", cm.id)
    story: list = []
    if cm.id in ctx.figures:
        story.append(Heading(f"Conceptual model: {title}", 3, anchor=drawn))
        story.append(Figure(
            cm.id, "Arrows show logical contingency; dashed boxes form the monitor-and-control "
            "subsystem; the table after lists the same activities.", f"Conceptual model with "
            f"{len(cm.activities)} activities: " + "; ".join(a.label for a in cm.activities[:12])))
    story.append(Heading(f"Activities of the conceptual model \u2018{title}\u2019", 3))
    labels = {a.id: a.label for a in cm.activities}
    rows = []
    for activity in cm.activities:
        after = [labels[d.source] for d in cm.dependencies if d.target == activity.id]
        role = ("monitor and control" + (f" ({activity.measure})" if activity.measure else "")
                if activity.monitor_control else "")
        rows.append([activity.label, "; ".join(after) or "—", role])
    story.append(Grid(["Activity", "Depends on", "Subsystem"], rows, [4, 4, 2]))
    # One group: a drawing sent to a landscape page takes its heading and its table along.
    return [Keep(story)]


def loops_table(ctx: Context, report: LoopReport) -> list:
    if not report.loops:
        return [Para("These claims form no feedback loops.")]
    rows = [[ctx.loop_title(lp), KIND[lp.polarity] + (", delay" if lp.has_delay else ""), ctx.members(lp)]
            for lp in report.loops]
    story: list = [Grid(["Loop", "Kind", "Members"], rows, [1.6, 1.7, 7])]
    if not report.complete:
        story.append(Para(" ".join(report.notes), "small"))
    return story


def perspective_section(ctx: Context, pid: str) -> list:
    x = ctx.perspective(pid)
    story: list = [Break(), Heading(f"Perspective: {x.name}"),
                   Grid(["Line", "Held by"], [[Swatch(x), x.stakeholder or "—"]], [1.2, 8]),
                   Heading("Worldview", 3), Para(x.worldview or "Not yet declared.", "quote")]
    if x.notes:
        story.append(Para(x.notes))
    rds = [rd for rd in ctx.project.root_definitions if rd.perspective == pid]
    story.append(Heading("Root definitions", 2))
    if not rds:
        story.append(Para("No root definition yet."))
    for rd in rds:
        story += root_definition_block(ctx, rd)
    claims: list = [Heading("Causal claims", 2)]
    if pid in ctx.figures:
        report = ctx.loops[pid]
        claims.append(Figure(
            pid, f"{x.name}: every causal claim of this perspective; its loops are listed below.",
            f"Causal-loop diagram of the perspective {x.name}: "
            f"{sum(lk.perspective == pid for lk in ctx.project.cld.links)} claims, loops "
            + (", ".join(ctx.loop_title(lp) for lp in report.loops[:10]) or "none") + ".", [x]))
    # Kept with its heading and its loops: on a landscape page of its own they go along.
    story.append(Keep(claims + [Heading("Feedback loops in these claims", 3)] + loops_table(ctx, ctx.loops[pid])))
    return story


def comparison_section(ctx: Context) -> list:
    c = ctx.comparison
    story: list = [Break(), Heading(H_COMPARED), Heading("CATWOE side by side", 2),
                   Para("Differences are shown, not ranked: each column is one perspective's first root "
                        "definition.", "small")]
    for start in range(0, len(ctx.perspectives), 4):
        chunk = ctx.perspectives[start:start + 4]
        first = {pid: next((rd for rd in ctx.project.root_definitions if rd.perspective == pid), None) for pid in chunk}
        rows = [[f"{letter} · {title}"] + [catwoe_value(first[pid], letter) if first[pid] else "—" for pid in chunk]
                for letter, title, _ in CATWOE]
        story += [Grid(["CATWOE"] + [ctx.pnames[pid] for pid in chunk], rows, [1.6] + [3] * len(chunk)), Space(6)]
    if "overlay" in ctx.figures:
        story.append(Keep([Heading("All claims overlaid", 2), Figure(
            "overlay", "Claims of the same link by several perspectives are drawn side by side in their colours; "
            "\u2260 marks links whose polarity the perspectives dispute.",
            f"Overlay of the causal claims of {ctx.shown(ctx.perspectives)}, each in its own colour and dash.",
            [ctx.perspective(pid) for pid in ctx.perspectives])]))
    story.append(Heading("Agreements and conflicts", 2))

    def link_rows(views):
        return [[f"{ctx.names[v.source]} \u2192 {ctx.names[v.target]}",
                 "; ".join(f"{ctx.pnames[q]} {display_polarity(pol)}" for q, pol in v.claims.items())] for v in views]

    for title, status in ((H_AGREED, "agreed"), ("In conflict (opposite polarity)", "conflict"),
                          ("Uncertain (some say ?)", "uncertain")):
        views = c.by_status(status)
        story.append(Heading(f"{title}: {len(views)}", 3, anchor=H_AGREED if status == "agreed" else ""))
        if views:
            story.append(Grid(["Link", "Claims"], link_rows(views), [5, 5], anchors=[link_place(v) for v in views]))
    story += [Heading("Similarity of causal views", 2),
              Para("Share of signed links two perspectives both claim (Jaccard index: 1 = the same claims, "
                   "0 = none in common).", "small"),
              Grid([""] + [ctx.pnames[q] for q in ctx.perspectives],
                   [[ctx.pnames[a]] + [f"{c.similarity[a][b]:.2f}" for b in ctx.perspectives] for a in ctx.perspectives],
                   [2.5] + [1.2] * len(ctx.perspectives))]
    story.append(Heading("Held by one perspective only", 2))
    rows = []
    for pid in ctx.perspectives:  # one table, the perspective named on its first row (a table each took a page more)
        only = c.only_in(pid)
        rows += [[f"{ctx.pnames[pid]} ({len(only)})" if i == 0 else "",
                  f"{ctx.names[v.source]} \u2192 {ctx.names[v.target]}", display_polarity(v.claims[pid])]
                 for i, v in enumerate(only)]
    if rows:
        story.append(Grid(["Perspective", "Link", "\u00b1"], rows, [2.2, 7, 0.6]))
    else:
        story.append(Para("Every link is claimed by more than one perspective."))
    return story


HELD, OTHER, NOT_HELD = "holds", "other sign", "\u2013"


def loop_comparison_section(ctx: Context) -> list:
    """Loops × perspectives: who holds each loop of the combined map, and the loops that
    exist only when perspectives are put together, each drawn."""
    lc = ctx.loop_comparison
    wide = len(ctx.perspectives) > 4
    story: list = [Wide(True), Break()] if wide else [Break()]
    story += [Heading(H_LOOPS), Para(
        f"Every feedback loop of the perspectives' claims put together. '{HELD}': the perspective claims every "
        f"link of the loop with these signs; '{OTHER}': it claims every link but reads at least one with the other "
        f"sign; '{NOT_HELD}': it does not claim the whole loop.", "small")]
    if not lc.holdings:
        return story + [Para("The claims put together form no feedback loops.")] + ([Wide(False)] if wide else [])
    shown = lc.holdings[:MAX_MATRIX_LOOPS]
    rows = []
    for h in shown:
        cells = [HELD if pid in h.held_by else OTHER if pid in h.held_with_other_polarity else NOT_HELD
                 for pid in ctx.perspectives]
        rows.append([ctx.loop_title(h.loop), KIND[h.loop.polarity], ctx.members(h.loop), *cells])
    story.append(Grid(["Loop", "Kind", "Runs through", *(ctx.pnames[p] for p in ctx.perspectives)], rows,
                      [1.6, 1.6, 5] + [1.4] * len(ctx.perspectives), wide=wide,
                      anchors=[anchor_id("loop-row", h.loop.key) for h in shown]))
    if len(lc.holdings) > len(shown):
        story.append(Para(f"The {len(lc.holdings) - len(shown)} longer loops are not listed.", "small"))
    if not lc.complete:
        story.append(Para(" ".join(lc.notes), "small"))
    if wide:
        story.append(Wide(False))
    combined = [h for h in lc.holdings if h.combined_only]
    story.append(Heading(f"Loops no one sees alone: {len(combined)}", 2))
    if not combined:
        story.append(Para("Every loop is held whole by at least one perspective."))
    for h in combined[:MAX_DRAWN_LOOPS]:
        pairs = list(zip(h.loop.variables, h.loop.variables[1:] + h.loop.variables[:1], strict=True))
        who = []
        for (a, b), step in list(zip(pairs, h.loop.steps, strict=True))[:MAX_DRAWN_LOOP_LENGTH]:
            who.append(f"{ctx.names[a]} \u2192 {ctx.names[b]} ({display_polarity(step.polarity)}): "
                       f"{ctx.shown([q for q in ctx.perspectives if q in step.perspectives])}")
        block: list = [Heading(f"{ctx.loop_title(h.loop)} ({KIND[h.loop.polarity]})", 3,
                               anchor=anchor_id("loop", h.loop.key))]
        key = f"loop:{h.loop.key}"
        if key in ctx.figures:
            block.append(Figure(key, "Each link in the colour and dash of the perspectives that claim it.",
                                f"Loop {ctx.loop_title(h.loop)}, {KIND[h.loop.polarity]}: {ctx.members(h.loop)}; "
                                f"links from {ctx.shown({q for s in h.loop.steps for q in s.perspectives})}.",
                                [ctx.perspective(q) for q in ctx.perspectives
                                 if any(q in s.perspectives for s in h.loop.steps)]))
        block.append(Para("Who claims each link: " + "; ".join(who) + "."))
        story.append(Keep(block))
    if len(combined) > MAX_DRAWN_LOOPS:
        story.append(Para(f"{len(combined) - MAX_DRAWN_LOOPS} more such loops are in the table above.", "small"))
    return story


def stage5_section(ctx: Context) -> list:
    # Landscape from the page this section starts on: the template is chosen before the break.
    story: list = [Wide(True), Break(), Heading("Comparison with the real situation (stage 5)")]
    rds = {rd.id: rd for rd in ctx.project.root_definitions if rd.perspective in ctx.perspectives}
    models = [cm for cm in ctx.project.conceptual_models if cm.root_definition in rds]
    if not models:
        return story + [Para("No conceptual model has been compared yet."), Wide(False)]
    for cm in models:
        rd = rds[cm.root_definition]
        labels = {a.id: a.label for a in cm.activities}
        rows = [[labels.get(r.activity, "?"), r.exists or "—", r.how, r.who, r.judged, r.comments, r.proposed_change]
                for r in cm.comparison]
        story += [Heading(f"{ctx.pnames[rd.perspective]}: {cm.title or rd.title}", 2),
                  Grid(["Activity", "Exists?", "How done", "By whom", "How judged", "Comments", "Change"],
                       rows, [3, 1.2, 2, 1.6, 1.8, 2, 2.2], wide=True)]
    return story + [Wide(False)]


def actions_section(ctx: Context) -> list:
    story: list = [Break(), Heading(H_ACTIONS)]
    actions = ctx.project.actions
    if not actions:
        return story + [Para("No changes have been proposed yet.")]
    story.append(Grid(["Change", "Owner", "Timescale"], [[a.title, a.owner, f"{a.timescale} term"] for a in actions],
                      [6, 3, 1.6]))
    story += [Heading("Accommodation", 2), Para(
        "Changes ordered by how many perspectives find them both desirable and feasible. An accommodation is a "
        "set of changes people with different worldviews can live with.", "small")]
    chosen = set(ctx.perspectives)
    rows = []
    for standing in accommodation(ctx.project):
        rows.append([standing.action.title, f"{len([q for q in standing.accepting if q in chosen])} of {len(chosen)}",
                     ctx.shown([q for q in standing.accepting if q in chosen], "—"),
                     ctx.shown([q for q in standing.objecting if q in chosen], "—"),
                     ctx.shown([q for q in standing.unsure if q in chosen], "—")])
    story.append(Grid(["Change", "Accept", "Desirable and feasible for", "Objecting", "Unsure"], rows,
                      [3.5, 1.1, 2.5, 2.2, 2]))
    notes = [[a.title, ctx.pnames.get(s.perspective, "?"), s.desirable, s.feasible, s.note]
             for a in actions for s in a.stances if s.note and s.perspective in chosen]
    if notes:
        story += [Heading("What each perspective said", 3),
                  Grid(["Change", "Perspective", "Desirable", "Feasible", "Note"], notes, [3, 2, 1.3, 1.3, 3.5])]
    return story


def appendix(ctx: Context) -> list:
    """Every claim, perspective by perspective (a column naming the perspective on every
    row took a fifth of the width and wrapped each row onto more lines)."""
    story: list = [Break(), Heading("Appendix: every causal claim")]
    any_claims = False
    for pid in ctx.perspectives:
        rows = [[ctx.names[lk.source], ctx.names[lk.target], display_polarity(lk.polarity),
                 "yes" if lk.delay else "", lk.note] for lk in ctx.project.cld.links if lk.perspective == pid]
        if rows:
            any_claims = True
            story += [Heading(f"{ctx.pnames[pid]}: {len(rows)} claim(s)", 3),
                      Grid(["From", "To", "\u00b1", "Delay", "Evidence note"], rows, [2.5, 2.5, 0.5, 1, 5])]
    if not any_claims:
        story.append(Para("No causal claims."))
    return story + stocks_and_flows(ctx)


def stocks_and_flows(ctx: Context) -> list:
    """The variables marked stock or flow (as a stock-and-flow tool drew them), so a reader
    of the printed diagrams knows what the boxed names and the valves are."""
    variables = ctx.project.cld.variables
    stocks = sorted(v.name for v in variables if v.kind == "stock")
    flows = sorted(v.name for v in variables if v.kind == "flow")
    if not stocks and not flows:
        return []
    story: list = [Heading("Stocks and flows", 3)]
    if stocks:
        story.append(Para(f"Stocks, drawn in a square box: {', '.join(stocks)}."))
    if flows:
        story.append(Para(f"Flows, drawn with a valve: {', '.join(flows)}."))
    return story
