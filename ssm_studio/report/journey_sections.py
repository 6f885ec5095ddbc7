"""Client journeys in the pack: a page per journey with its lanes drawn, the counts worked
out from its touchpoints, the feedback loops it feeds, its pain points and, where it is told
in more than one account, where the accounts differ. Plain blocks (blocks.py), so the PDF and
the Word document carry the same words."""

from __future__ import annotations

from ..analysis.journeys import SIX_MONTHS, compare_accounts, counts, loops_fed, ordered
from ..model import FEELING_WORDS
from .blocks import Break, Figure, Grid, Heading, Para

H_JOURNEYS = "Client journeys"
MAX_ROWS = 40


def journey_makers(project) -> dict:
    from .journey_drawing import journey_drawing

    return {f"journey:{j.id}": (lambda text_scale=1.0, j=j: journey_drawing(project, j, text_scale=text_scale))
            for j in project.journeys if j.touchpoints}


def journeys_section(ctx) -> list:
    """Nothing when the project has no journeys (most projects)."""
    project = ctx.project
    if not project.journeys:
        return []
    story: list = [Break(), Heading(H_JOURNEYS),
                   Para("Each journey is a family's or a client's contacts with services, as lanes per member "
                        "(pseudonyms only), tied to the causal-loop diagram: the loops a journey feeds are those "
                        "through a variable one of its touchpoints affects.", "small")]
    report = ctx.everything
    names = {v.id: v.name for v in project.cld.variables}
    services = {s.id: s.name for s in project.services}
    for number, journey in enumerate(project.journeys):
        if number:
            story.append(Break())
        count = counts(journey, SIX_MONTHS)
        lanes = ", ".join(f"{m.pseudonym} ({m.part})" if m.part else m.pseudonym for m in journey.members)
        story += [Heading(f"Journey: {journey.name}", 2), Para(f"{journey.client.capitalize()}: {lanes}.")]
        said = count.words()
        if count.first:
            said += f"; from {count.first} to {count.last}"
        said += f"; {count.pain_points} pain point(s)"
        if count.longest_wait is not None:
            said += f"; the longest wait {count.longest_wait} day(s)"
        if count.mean_feeling is not None:
            said += f"; on average it felt {count.mean_feeling:+.1f} (from -2 very bad to +2 very good)"
        story.append(Para(said + "."))
        if journey.note:
            story.append(Para(journey.note, "quote"))
        key = f"journey:{journey.id}"
        if key in ctx.figures:
            story.append(Figure(key, f"The journey of {journey.name}: contacts by member along time, coloured by "
                                     "service; the line is how each contact felt; red marks are pain points.",
                                alt=f"A timeline with a lane for each of {lanes}: {said}."))
        fed = loops_fed(project, journey, report)
        story.append(Heading("The loops it feeds", 3))
        if fed:
            rows = [[f"{f.loop.label} {f.loop.name}".strip(), " \u2192 ".join(names.get(v, "?") for v in f.loop.variables),
                     str(len(f.touchpoints))] for f in fed[:MAX_ROWS]]
            story.append(Grid(["Loop", "Variables", "Touchpoints"], rows, [1.4, 6, 1.4]))
        else:
            story.append(Para("No touchpoint of this journey affects a variable on a feedback loop yet."))
        pains = [t for t in ordered(journey) if t.pain_point]
        if pains:
            story.append(Heading("Pain points", 3))
            rows = [[t.dated or "undated", services.get(t.service or "", ""), t.pain_point,
                     f"{t.feeling:+d} {FEELING_WORDS[t.feeling]}"] for t in pains[:MAX_ROWS]]
            if len(pains) > MAX_ROWS:
                rows.append([f"… and {len(pains) - MAX_ROWS} more", "", "", ""])
            story.append(Grid(["Date", "Service", "Pain point", "How it felt"], rows, [1.3, 2.4, 4.2, 1.5]))
        compared = compare_accounts(project, journey)
        if len(compared.accounts) > 1:
            story.append(Heading("Where the accounts differ", 3))
            story.append(Para("; ".join(f"{who}: {n} contact(s), on average {compared.mean_feeling[who]:+.1f}"
                                        for who, n in compared.contacts.items()) + "."))
            if compared.differences:
                rows = [[d.dated or "undated", d.service, d.words] for d in compared.differences[:MAX_ROWS]]
                story.append(Grid(["Date", "Service", "Difference"], rows, [1.3, 2.4, 5.6]))
            else:
                story.append(Para("The accounts agree on every contact both tell."))
    return story
