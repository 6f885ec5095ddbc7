"""Gathering perspectives that participants modelled on their own laptops into one project.

Every perspective of each incoming file joins the project as a perspective of its own (two
participants who both called theirs "Residents" stay two), with everything it holds: causal
claims, root definitions, conceptual models, rich-picture items, actions and their stances.
Variables are matched by normalised name (case, spacing, punctuation, a plural -s), or by id
when the files began as copies of one project; the user reviews each proposed match. Nothing
is lost: an unmatched variable comes in as a new one.

The merge is a plan of objects to insert and fields to change, so the app can apply it as
one undoable step and the command line can apply it to a copy.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..errors import ImportProblem, describe_validation_error
from ..model import LoopName, Project
from .merge_ids import fresh_maps, ids_by_kind, renamed


def normalise(name: str) -> str:
    """'Young People,' and 'young person'? No: 'Young people' and 'young  peoples.' Yes."""
    text = unicodedata.normalize("NFKD", name).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = re.sub(r"[^\w\s]|_", " ", text).split()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


@dataclass
class MatchProposal:
    incoming_id: str
    incoming_name: str
    base_id: str | None  # None: comes in as a new variable
    base_name: str = ""
    reason: str = ""  # "same id", "same name", "same name once case, spacing, punctuation or plural are set aside"


def propose_matches(base: Project, incoming: Project) -> list[MatchProposal]:
    by_id = {v.id: v for v in base.cld.variables}
    by_exact = {v.name.strip().casefold(): v for v in base.cld.variables}
    by_normal: dict[str, Any] = {}
    for v in base.cld.variables:
        by_normal.setdefault(normalise(v.name), v)
    proposals = []
    for v in incoming.cld.variables:
        same_id = by_id.get(v.id)
        if same_id is not None and normalise(same_id.name) == normalise(v.name):
            proposals.append(MatchProposal(v.id, v.name, same_id.id, same_id.name, "same variable (same id)"))
        elif (found := by_exact.get(v.name.strip().casefold())) is not None:
            proposals.append(MatchProposal(v.id, v.name, found.id, found.name, "same name"))
        elif (found := by_normal.get(normalise(v.name))) is not None:
            proposals.append(MatchProposal(v.id, v.name, found.id, found.name,
                                           "same name once case, spacing, punctuation and plurals are set aside"))
        else:
            proposals.append(MatchProposal(v.id, v.name, None))
    return proposals


@dataclass
class MergeSummary:
    source: str
    perspectives: list[str] = field(default_factory=list)
    new_variables: list[str] = field(default_factory=list)
    matched_variables: list[tuple[str, str]] = field(default_factory=list)  # (incoming, base)
    new_claims: int = 0
    matched_claims: int = 0  # another perspective already makes the same claim
    conflicting_claims: list[str] = field(default_factory=list)  # opposite polarity elsewhere
    folded_variables: int = 0  # incoming variables that joined another of the same file
    folded_claims: int = 0  # claims of those that became a loop of one or a repeat: kept out

    def lines(self) -> list[str]:
        out = [f"{self.source}: {len(self.perspectives)} perspective(s) joined: {', '.join(self.perspectives)}",
               f"  variables: {len(self.new_variables)} new, {len(self.matched_variables)} matched",
               f"  claims: {self.new_claims} new, {self.matched_claims} already made by another perspective, "
               f"{len(self.conflicting_claims)} in conflict"]
        if self.folded_variables:
            out.append(f"  {self.folded_variables} variable(s) of this file matched the same project variable as "
                       f"another of its own and became one; {self.folded_claims} claim(s) between them or "
                       "repeating another of the same perspective were kept once or left out")
        out += [f"    conflict: {text}" for text in self.conflicting_claims[:20]]
        if len(self.conflicting_claims) > 20:
            out.append(f"    and {len(self.conflicting_claims) - 20} more conflicts")
        return out


@dataclass
class MergePlan:
    """What merging one file adds: objects per list path, in an order whose references hold."""

    inserts: list[tuple[tuple[str, ...], Any]]
    included_by: dict[str, list[str]]  # base variable id -> its new included_by
    media: dict[str, bytes]
    summary: MergeSummary


def plan_merge(base: Project, incoming: Project, source: str,
               matches: dict[str, str | None] | None = None, media: dict[str, bytes] | None = None) -> MergePlan:
    """``matches`` maps incoming variable ids to base ids (None: new); by default the proposals.
    Several incoming variables may name one base variable ('Global warming' and 'Global
    warming\\' in one participant's file): they become that one variable. Raises
    ImportProblem, never a traceback, if the result could still not make a valid project."""
    if matches is None:
        matches = {p.incoming_id: p.base_id for p in propose_matches(base, incoming)}
    base_variable_ids = {v.id for v in base.cld.variables}
    taken = ids_by_kind(base)
    # Rich-picture items both files hold unchanged, when they began as copies of one project
    # (the same project id), come in once, keeping their id so that what refers to them
    # still does; an item changed in either file comes in as well, under a new id. Two
    # projects that merely number their items alike share no item.
    unchanged: set[str] = set()
    if incoming.id == base.id:
        base_items = {i.id: i.model_dump() for i in base.rich_picture.items}
        unchanged = {i.id for i in incoming.rich_picture.items if base_items.get(i.id) == i.model_dump()}
    maps = fresh_maps(incoming, taken, {"item": unchanged})
    # Matched variables take the project's id; the others keep theirs unless it is taken.
    variable_map = maps["variable"]
    for v in incoming.cld.variables:
        chosen = matches.get(v.id)
        if chosen and chosen in base_variable_ids:
            variable_map[v.id] = chosen
    data = incoming.model_dump(mode="json")
    data["cld"]["loop_names"] = []  # named again below, for the merged project's loops
    # What the merge does not bring in (journeys, services, the SPOTlight review, storylines,
    # snapshots) is left out of the file's copy: its ids are not renamed, so it would point at
    # perspectives and variables the renaming moved, and refuse a file that merges well.
    for name in ("journeys", "services", "storylines", "snapshots"):
        data[name] = []
    data.pop("spotlight", None)
    original_ends = [(link["source"], link["target"]) for link in data["cld"]["links"]]
    data = renamed(data, maps)
    variables, links = data["cld"]["variables"], data["cld"]["links"]
    summary = MergeSummary(source)
    incoming_names: dict[str, list[str]] = {}
    for v in incoming.cld.variables:
        incoming_names.setdefault(variable_map.get(v.id, v.id), []).append(v.name)
    data["cld"]["variables"], data["cld"]["links"] = _folded(variables, links, original_ends, summary)
    try:
        merged = Project.model_validate(data)
    except ValidationError as error:
        raise ImportProblem(f"{source} could not be merged: {describe_validation_error(error)}. "
                            "Nothing was changed.") from None
    base_names = {p.name.strip().casefold() for p in base.perspectives}
    inserts: list[tuple[tuple[str, ...], Any]] = []
    for perspective in merged.perspectives:
        if perspective.name.strip().casefold() in base_names:
            perspective.name = f"{perspective.name} ({source})"[:500]
        base_names.add(perspective.name.strip().casefold())
        summary.perspectives.append(perspective.name)
        inserts.append((("perspectives",), perspective))
    base_vars = {v.id: v for v in base.cld.variables}
    included: dict[str, list[str]] = {}
    for v in merged.cld.variables:
        if v.id in base_vars:
            summary.matched_variables += [(name, base_vars[v.id].name) for name in incoming_names[v.id]]
            extra = [p for p in v.included_by if p not in base_vars[v.id].included_by]
            if extra:
                included[v.id] = list(dict.fromkeys(included.get(v.id, base_vars[v.id].included_by) + extra))
        else:
            summary.new_variables.append(v.name)
            inserts.append((("cld", "variables"), v))
    base_claims: dict[tuple[str, str], set[str]] = {}
    for link in base.cld.links:
        base_claims.setdefault((link.source, link.target), set()).add(link.polarity)
    names = {v.id: v.name for v in [*merged.cld.variables, *base.cld.variables]}  # the project's names win
    for link in merged.cld.links:
        held = base_claims.get((link.source, link.target), set())
        opposite = {"+": "-", "-": "+"}.get(link.polarity)
        if link.polarity in held:
            summary.matched_claims += 1
        elif opposite in held:
            summary.conflicting_claims.append(
                f"{names[link.source]} → {names[link.target]}: '{link.polarity}' in this file, "
                f"'{opposite}' in the project")
        else:
            summary.new_claims += 1
        inserts.append((("cld", "links"), link))
    for item in merged.rich_picture.items:
        if item.id not in unchanged:  # a changed item's id was renamed if the project had it
            inserts.append((("rich_picture", "items"), item))
    inserts += [(("root_definitions",), rd) for rd in merged.root_definitions]
    inserts += [(("conceptual_models",), cm) for cm in merged.conceptual_models]
    inserts += [(("actions",), action) for action in merged.actions]
    inserts += [(("cld", "loop_names"), name) for name in _loop_names(base, incoming, variable_map)]
    return MergePlan(inserts, included, dict(media or {}), summary)


def _folded(variables: list[dict], links: list[dict], original_ends: list[tuple[str, str]],
            summary: MergeSummary) -> tuple[list[dict], list[dict]]:
    """Variables that now share an id made one (their perspectives joined); claims that now
    join a variable to itself (their ends were two variables in the file), or repeat a claim
    of the same perspective, kept out and counted."""
    by_id: dict[str, dict] = {}
    for v in variables:
        kept = by_id.setdefault(v["id"], v)
        if kept is not v:
            kept["included_by"] = list(dict.fromkeys(kept["included_by"] + v["included_by"]))
            summary.folded_variables += 1
    seen: dict[tuple[str, str, str], str] = {}
    kept_links = []
    for link, (source, target) in zip(links, original_ends, strict=True):
        if link["source"] == link["target"] and source != target:  # its two ends became one
            summary.folded_claims += 1
            continue
        key = (link["source"], link["target"], link["perspective"])
        if key in seen:
            summary.folded_claims += 1
            continue
        seen[key] = link["polarity"]
        kept_links.append(link)
    return list(by_id.values()), kept_links


def _loop_names(base: Project, incoming: Project, remap: dict[str, str]) -> list[LoopName]:
    """Names users gave loops in their own file, re-keyed to the merged project's ids."""
    named = {n.key: n for n in incoming.cld.loop_names if n.name}
    if not named:
        return []
    from ..analysis.loops import find_loops, loop_key

    report = find_loops(incoming, time_budget=1.0)
    have = {n.key for n in base.cld.loop_names}
    labels = {n.label for n in base.cld.loop_names}
    out = []
    for loop in report.loops:
        if loop.key not in named:
            continue
        key = loop_key(tuple(remap.get(v, v) for v in loop.variables), tuple(s.polarity for s in loop.steps))
        if key in have:
            continue
        label, number = named[loop.key].label, 1
        while label in labels:
            label = f"{loop.polarity}{number}"
            number += 1
        labels.add(label)
        have.add(key)
        out.append(LoopName(key=key, label=label, name=named[loop.key].name))
    return out


def apply_plan(project: Project, plan: MergePlan) -> Project:
    """A new project: ``project`` with the plan applied (the command line's merge)."""
    data = project.model_copy(deep=True)
    for path, obj in plan.inserts:
        holder: Any = data
        for part in path:
            holder = getattr(holder, part)
        holder.append(obj.model_copy(deep=True))
    for variable in data.cld.variables:
        if variable.id in plan.included_by:
            variable.included_by = plan.included_by[variable.id]
    return Project.model_validate(data.model_dump())
