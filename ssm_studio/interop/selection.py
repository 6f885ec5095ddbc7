"""What an export writes: the chosen perspectives, their claims and the variables they use."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CausalLink, Perspective, Project, Variable


@dataclass
class Selection:
    project: Project
    perspectives: list[Perspective]
    variables: list[Variable]
    links: list[CausalLink]

    def perspective_name(self, perspective_id: str) -> str:
        return next(p.name for p in self.perspectives if p.id == perspective_id)


def select(project: Project, names: list[str] | None = None) -> Selection:
    """Every perspective (or those named, by name, case-insensitively) with what they hold.

    Variables no chosen perspective links or includes are left out, except when every
    perspective is chosen: then the whole diagram goes, unlinked variables too."""
    chosen = project.perspectives_named(names) if names else list(project.perspectives)
    ids = {p.id for p in chosen}
    links = [link for link in project.cld.links if link.perspective in ids]
    if len(chosen) == len(project.perspectives):
        variables = list(project.cld.variables)
    else:
        used = {v for link in links for v in (link.source, link.target)}
        variables = [v for v in project.cld.variables if v.id in used or ids & set(v.included_by)]
    return Selection(project, chosen, variables, links)


def stock_pipes(selection: Selection) -> dict[str, list[tuple[str, str]]]:
    """Each stock's flows, as (flow id, "+" inflow or "-" outflow): a claim from a flow to a
    stock that every chosen perspective signs the same way. A flow whose claims disagree, or
    stay '?', is drawn as a plain arrow, since a pipe cannot both fill and drain."""
    kind = {v.id: v.kind for v in selection.variables}
    signs: dict[tuple[str, str], set[str]] = {}
    for link in selection.links:
        if kind.get(link.source) == "flow" and kind.get(link.target) == "stock":
            signs.setdefault((link.source, link.target), set()).add(link.polarity)
    pipes: dict[str, list[tuple[str, str]]] = {}
    # A pipe drains at most one stock and fills at most one; another claim stays an arrow.
    taken: set[tuple[str, str]] = set()
    for (flow, stock), found in signs.items():
        sign = next(iter(found))
        if len(found) == 1 and sign in ("+", "-") and (flow, sign) not in taken:
            taken.add((flow, sign))
            pipes.setdefault(stock, []).append((flow, sign))
    return pipes
