"""What every importer reads a foreign file into, and how that becomes our project.

Each format's reader only has to say what the file holds: nodes (with positions where the
file has them), signed links, loop labels and anything it did not understand. Building the
project is done once, here: names merged, dangling links reported, missing positions laid
out, loop labels matched to the loops they name. Nothing is dropped without a line in
``ImportResult.notes``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from pydantic import ValidationError

from ..errors import ImportProblem, describe_validation_error
from ..model import (
    CausalLink,
    LoopName,
    Perspective,
    Polarity,
    Project,
    Variable,
    VariableKind,
    style_for_index,
)
from ..model.limits import MAX_NAME_CHARS, MAX_PERSPECTIVES, MAX_TEXT_CHARS
from .reading import check_counts

# Foreign coordinates come in any unit (Decision Explorer's run to thousands); when the
# typical distance between neighbours is far from ours the picture is rescaled to it.
OUR_SPACING = 180.0
RESCALE_BELOW, RESCALE_ABOVE = 60.0, 700.0
_SIGNS: dict[str, Polarity] = {"+": "+", "-": "-", "?": "?"}  # a reader's sign; anything else is "?"
_KINDS: dict[str, VariableKind] = {"stock": "stock", "flow": "flow"}


@dataclass
class ForeignNode:
    key: str
    name: str
    x: float | None = None
    y: float | None = None
    note: str = ""
    kind: str = "variable"  # "stock" or "flow" where a stock-and-flow tool says so


@dataclass
class ForeignLink:
    source: str  # node keys
    target: str
    polarity: str = "?"
    delay: bool = False
    note: str = ""
    perspective: str | None = None  # a participant or layer the file names; None: the default


@dataclass
class ForeignLoop:
    """A loop label: by the nodes it runs through (when the file says) or by where it sits."""

    name: str
    kind: str | None = None  # "R" or "B" when the file says
    label: str = ""  # "R1", "B2" when the file numbers it
    x: float | None = None
    y: float | None = None
    nodes: list[str] | None = None


@dataclass
class ForeignMap:
    title: str
    nodes: dict[str, ForeignNode] = field(default_factory=dict)
    links: list[ForeignLink] = field(default_factory=list)
    loops: list[ForeignLoop] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was not understood, and what was done
    summary: str = ""  # the diagram's description, where the file has one
    # Where polarity is a field the user chooses (Kumu, PRSM, spreadsheets): the one used
    # and every field that reads as polarity, for the app to offer.
    polarity_field: str | None = None
    polarity_fields: list[str] = field(default_factory=list)

    def add_node(self, node: ForeignNode) -> None:
        self.nodes.setdefault(node.key, node)

    def mark(self, key: str, kind: str) -> None:
        """A node is a stock or a flow: what the file says wherever it says it (a stock
        drawn first as a plain ghost is still a stock)."""
        node = self.nodes.get(key)
        if node is not None and kind in ("stock", "flow"):
            node.kind = kind


@dataclass
class ImportResult:
    project: Project
    format: str
    notes: list[str]
    perspectives: list[str]  # names, in the order made
    polarity_field: str | None = None
    polarity_fields: list[str] = field(default_factory=list)

    def describe(self) -> str:
        cld = self.project.cld
        head = (f"{len(cld.variables)} variables and {len(cld.links)} causal claims in "
                f"{len(self.perspectives)} perspective(s): {', '.join(self.perspectives)}.")
        return head + "".join(f"\n  - {note}" for note in self.notes)


def normal_name(name: str) -> str:
    return re.sub(r"\s+", " ", name).strip()


def build_project(fmap: ForeignMap, perspective: str, source: str, fmt: str) -> ImportResult:
    """Our project from what a reader found; raises ImportProblem if nothing usable is left."""
    check_counts(source, len(fmap.nodes), len(fmap.links))
    notes = list(fmap.notes)
    variables, key_to_id, given = _variables(fmap, notes)
    perspectives: dict[str, Perspective] = {}

    def perspective_id(name: str | None) -> str:
        name = (normal_name(name or "") or perspective)[:MAX_NAME_CHARS]
        folded = name.casefold()
        if folded not in perspectives:
            if len(perspectives) >= MAX_PERSPECTIVES:
                raise ImportProblem(f"{source} names more than {MAX_PERSPECTIVES} perspectives; not imported.")
            colour, dash = style_for_index(len(perspectives))
            perspectives[folded] = Perspective(name=name, colour=colour, dash=dash)
        return perspectives[folded].id

    links: list[CausalLink] = []
    seen: set[tuple[str, str, str]] = set()
    dangling = selfish = doubled = 0
    for link in fmap.links:
        source_id, target_id = key_to_id.get(link.source), key_to_id.get(link.target)
        if source_id is None or target_id is None:
            dangling += 1
            continue
        if source_id == target_id:
            selfish += 1
            continue
        owner = perspective_id(link.perspective)
        if (source_id, target_id, owner) in seen:
            doubled += 1
            continue
        seen.add((source_id, target_id, owner))
        links.append(CausalLink(source=source_id, target=target_id, perspective=owner,
                                polarity=_SIGNS.get(link.polarity, "?"),
                                delay=link.delay, note=link.note[:MAX_TEXT_CHARS]))
    if dangling:
        notes.append(f"{dangling} link(s) point to a variable that is not in the file; left out")
    if selfish:
        notes.append(f"{selfish} link(s) from a variable to itself; left out")
    if doubled:
        notes.append(f"{doubled} link(s) repeated an earlier one in the same perspective; kept once")
    unsigned = sum(1 for lk in links if lk.polarity == "?")
    if unsigned:
        notes.append(f"{unsigned} link(s) have no polarity in the file; marked '?' to decide later")
    if not perspectives:
        perspective_id(None)
    if not variables:
        raise ImportProblem(f"{source} holds no variables that could be read.")
    _place(variables, given, links, notes)
    project = Project()
    project.metadata.title = (normal_name(fmap.title) or perspective)[:MAX_NAME_CHARS]
    project.metadata.summary = fmap.summary[:MAX_TEXT_CHARS]
    project.perspectives = list(perspectives.values())
    project.cld.variables = variables
    project.cld.links = links
    project.cld.loop_names = _loop_names(project, fmap.loops, key_to_id, notes)
    try:
        project = Project.model_validate(project.model_dump())
    except ValidationError as error:
        raise ImportProblem(f"{source} was not imported: {describe_validation_error(error)}.") from None
    return ImportResult(project, fmt, notes, [p.name for p in project.perspectives],
                        fmap.polarity_field, fmap.polarity_fields)


def _variables(fmap: ForeignMap, notes: list[str]
               ) -> tuple[list[Variable], dict[str, str], dict[str, tuple[float, float]]]:
    by_name: dict[str, Variable] = {}
    given: dict[str, tuple[float, float]] = {}
    key_to_id: dict[str, str] = {}
    merged: list[str] = []
    blank = 0
    for node in fmap.nodes.values():
        name = normal_name(node.name)[:MAX_NAME_CHARS]
        if not name:
            blank += 1
            continue
        folded = name.casefold()
        if folded in by_name:
            merged.append(name)
        else:
            variable = Variable(name=name, note=node.note[:MAX_TEXT_CHARS], kind=_KINDS.get(node.kind, "variable"))
            if node.x is not None and node.y is not None and math.isfinite(node.x) and math.isfinite(node.y):
                given[variable.id] = (float(node.x), float(node.y))
            by_name[folded] = variable
        key_to_id[node.key] = by_name[folded].id
    if blank:
        notes.append(f"{blank} variable(s) without a name; left out with their links")
    if merged:
        shown = ", ".join(f"'{m}'" for m in sorted(set(merged))[:5])
        notes.append(f"{len(merged)} variable name(s) appear more than once ({shown}); each read as one variable")
    return list(by_name.values()), key_to_id, given


def _place(variables: list[Variable], given: dict[str, tuple[float, float]],
           links: list[CausalLink], notes: list[str]) -> None:
    """Keep the file's positions (rescaled to our spacing when far off); lay out the rest
    with the project's layout (Graphviz where installed), the placed ones pinned."""
    from ..layout.graphviz_layout import layout

    placed = [v for v in variables if v.id in given]
    scale = _rescale_factor(list(given.values())) if len(given) >= 2 else 1.0
    if scale != 1.0:
        notes.append(f"positions rescaled by {scale:.2f} to suit the canvas")
    for v in placed:
        x, y = given[v.id]
        v.x, v.y = round(x * scale, 1), round(y * scale, 1)
    missing = [v for v in variables if v.id not in given]
    if not missing:
        return
    if placed:
        notes.append(f"{len(missing)} variable(s) had no position; placed around the others")
    pinned = {v.id: (v.x, v.y) for v in placed}
    positions = layout([v.id for v in variables], [(lk.source, lk.target) for lk in links], pinned=pinned).positions
    for v in missing:
        v.x, v.y = positions[v.id]


def _rescale_factor(points: list[tuple[float, float]]) -> float:
    """From the median distance of a sample of points to their nearest neighbour."""
    step = max(1, len(points) // 60)
    nearest = []
    for x, y in points[::step]:
        best = min((d for a, b in points if (d := math.hypot(a - x, b - y)) > 0), default=0.0)
        if best > 0:
            nearest.append(best)
    if not nearest:
        return 1.0
    nearest.sort()
    typical = nearest[len(nearest) // 2]
    if RESCALE_BELOW <= typical <= RESCALE_ABOVE:
        return 1.0
    return OUR_SPACING / typical


def _loop_names(project: Project, labels: list[ForeignLoop], key_to_id: dict[str, str],
                notes: list[str]) -> list[LoopName]:
    if not labels:
        return []
    from ..analysis.loops import find_loops

    report = find_loops(project, time_budget=1.0)
    loops = report.loops
    position = {v.id: (v.x, v.y) for v in project.cld.variables}
    used_keys: set[str] = set()
    used_labels: set[str] = set()
    names: list[LoopName] = []
    unmatched = 0
    for label in labels:
        candidates = [lp for lp in loops if lp.key not in used_keys
                      and (label.kind is None or lp.polarity == label.kind)]
        chosen = None
        if label.nodes:
            wanted = {key_to_id.get(k) for k in label.nodes}
            chosen = next((lp for lp in candidates if set(lp.variables) == wanted), None)
        elif label.x is not None and label.y is not None and candidates:
            def distance(lp, lx=label.x, ly=label.y):
                xs = [position[v][0] for v in lp.variables]
                ys = [position[v][1] for v in lp.variables]
                return math.hypot(sum(xs) / len(xs) - lx, sum(ys) / len(ys) - ly)
            chosen = min(candidates, key=distance)
        if chosen is None:
            unmatched += 1
            continue
        used_keys.add(chosen.key)
        text = label.label if re.fullmatch(r"[RB]\d+", label.label or "") else ""
        if not text or text in used_labels or text[0] != chosen.polarity:
            number = 1
            while f"{chosen.polarity}{number}" in used_labels:
                number += 1
            text = f"{chosen.polarity}{number}"
        used_labels.add(text)
        names.append(LoopName(key=chosen.key, label=text, name=normal_name(label.name)[:MAX_NAME_CHARS]))
    if unmatched:
        notes.append(f"{unmatched} loop label(s) could not be matched to a loop in the diagram; left out")
    return names
