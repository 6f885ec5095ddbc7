"""The analysis panel's answers as short HTML, in plain words (runs on a worker thread)."""

from __future__ import annotations

from html import escape

from ...model import Project

LIST_AT_MOST = 40


def answer(project: Project, question: str, chosen, first: str | None, second: str | None) -> str:
    names = {v.id: v.name for v in project.cld.variables}
    if question in ("causes", "uses", "up", "down", "paths") and first is None:
        return "<p>Add a variable first: the questions are about variables.</p>"
    if question in ("causes", "uses"):
        return _tree(project, question, chosen, first, names)
    if question in ("up", "down"):
        return _press(project, question == "up", chosen, first, names)
    if question == "paths":
        return _paths(project, chosen, first, second, names)
    if question == "loops":
        return _loops(project, chosen)
    if question == "archetypes":
        return _archetypes(project, chosen, names)
    if question == "leverage":
        return _leverage(project, chosen)
    if question == "hygiene":
        return _hygiene(project, chosen)
    raise ValueError(f"unknown question {question!r}")


def _tree(project, question, chosen, first, names) -> str:
    from ...analysis import causes_tree, uses_tree

    tree = (causes_tree if question == "causes" else uses_tree)(project, first, 3, chosen)
    arrow = "\u2190" if question == "causes" else "\u2192"

    def items(node) -> str:
        rows = []
        for child in node.children:
            signs = "/".join("\u2212" if p == "-" else p for p in child.polarities)
            mark = " <i>(a loop closes)</i>" if child.loops_back else ""
            rows.append(f"<li>{arrow} {escape(child.name)} [{signs}]{' ||' if child.delay else ''}{mark}"
                        f"{items(child)}</li>")
        return f"<ul>{''.join(rows)}</ul>" if rows else ""

    title = "What drives" if question == "causes" else "What is driven by"
    return f"<p><b>{title} {escape(tree.name)}</b> (three steps)</p>{items(tree) or '<p>Nothing.</p>'}"


def _press(project, up, chosen, first, names) -> str:
    from ...analysis.prediction import predict_press

    result = predict_press(project, first, up, chosen, samples=150)
    groups = {verdict: [r.name for r in result.responses if r.verdict == verdict]
              for verdict in ("rises", "falls", "ambiguous")}
    parts = [f"<p><b>Pushing {escape(result.pressed)} {result.direction}</b>, from the signs alone "
             f"({result.samples} stable systems with random strengths):</p><ul>"]
    for verdict, label in (("rises", "Rises"), ("falls", "Falls"), ("ambiguous", "Could go either way")):
        if groups[verdict]:
            parts.append(f"<li><b>{label}:</b> {escape(', '.join(groups[verdict][:LIST_AT_MOST]))}</li>")
    parts.append("</ul><p><i>'Could go either way' means it depends on how strong the links are, which "
                 "the map does not say.</i></p>")
    return "".join(parts)


def _paths(project, chosen, first, second, names) -> str:
    from ...analysis import signed_paths

    if second is None or second == first:
        return "<p>Choose a second, different variable for the routes.</p>"
    report = signed_paths(project, first, second, 6, chosen)
    minus, arrow = "\u2212", " \u2192 "
    rows = [f"<li>[{minus if p.sign == '-' else p.sign}] "
            + escape(arrow.join(names.get(v, v) for v in p.variables)) + "</li>"
            for p in report.paths[:LIST_AT_MOST]]
    verdict = ("Routes of both signs: a push may have opposite effects." if report.mixed
               else "Every route has the same sign." if rows else "No route of up to six links.")
    return f"<p><b>{escape(names[first])} to {escape(names[second])}</b>: {verdict}</p><ul>{''.join(rows)}</ul>"


def _loops(project, chosen) -> str:
    from ...analysis import compare_loops

    result = compare_loops(project, chosen)
    rows = []
    for holding in result.holdings[:LIST_AT_MOST]:
        row = holding.as_json(project)
        title = escape(f"{row['label']} {row['name']}".strip())
        if row["combined_only"]:
            who = "<b>no perspective sees it alone</b>"
        else:
            who = "held by " + escape(", ".join(row["held_by"]) or "none with this polarity")
            if row["held_with_other_polarity"]:
                who += "; with another polarity by " + escape(", ".join(row["held_with_other_polarity"]))
        rows.append(f"<li>{title}: {escape(' → '.join(row['variables']))}<br>{who}</li>")
    alone = sum(h.combined_only for h in result.holdings)
    return f"<p><b>{len(result.holdings)} loops, {alone} seen by no perspective alone</b></p><ul>{''.join(rows)}</ul>"


def _archetypes(project, chosen, names) -> str:
    from ...analysis.archetypes import find_archetypes

    found = find_archetypes(project, chosen)
    rows = [f"<li><b>{escape(c.archetype)}</b> ({escape(', '.join(c.loops))}): {escape(c.question)}</li>"
            for c in found[:LIST_AT_MOST]]
    return (f"<p><b>{len(found)} candidate archetypes</b>: questions for the room, not conclusions.</p>"
            f"<ul>{''.join(rows)}</ul>")


def _leverage(project, chosen) -> str:
    from ...analysis.leverage import leverage

    rows = "".join(f"<tr><td>{escape(r.name)}</td><td>{r.loops}</td><td>{r.influence:.0f}</td>"
                   f"<td>{r.dependence:.0f}</td><td>{r.quadrant}</td></tr>"
                   for r in leverage(project, chosen)[:LIST_AT_MOST])
    return ("<p><b>Where to push</b> (most influential first)</p><table cellpadding='2'><tr><th>Variable</th>"
            f"<th>Loops</th><th>Influence</th><th>Dependence</th><th>Kind</th></tr>{rows}</table>")


def _hygiene(project, chosen) -> str:
    from ...analysis.loop_hygiene import loop_hygiene

    result = loop_hygiene(project, chosen)
    stale = ", ".join(f"{label} '{name}'" for label, name in result.stale_names)
    parts = [f"<p><b>Loops without a name:</b> {escape(', '.join(result.unnamed) or 'none')}</p>",
             f"<p><b>Saved names whose loop is gone:</b> {escape(stale or 'none')}</p>"]
    if result.independent_set:
        rows = "".join(f"<li>{escape(' → '.join(cycle))}</li>" for cycle in result.independent_set[:LIST_AT_MOST])
        parts.append(f"<p><b>Shortest independent loop set</b> ({len(result.independent_set)} loops that "
                     f"use every looped link):</p><ul>{rows}</ul>")
    return "".join(parts)
