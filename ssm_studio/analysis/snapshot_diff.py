"""Two snapshots of a project compared (or one with the project as it stands): claims added
and removed, polarities that flipped, loops gained and lost, stances that changed.

A claim is matched by what it says (cause, effect and perspective), not by id, so a claim
deleted and drawn again is the same claim. Loops are found again from each side's claims.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import CausalLink, Perspective, Project, Snapshot, Variable
from .loops import find_loops


@dataclass
class Side:
    """One side of a comparison: names by id, claims and stances."""

    label: str
    variables: dict[str, str]
    perspectives: dict[str, str]
    actions: dict[str, str]
    claims: dict[tuple[str, str, str], str]  # (source, target, perspective) -> polarity
    stances: dict[tuple[str, str], tuple[str, str]]  # (action, perspective) -> (desirable, feasible)


def side_of_snapshot(snapshot: Snapshot) -> Side:
    return Side(snapshot.name, dict(snapshot.variables), dict(snapshot.perspectives), dict(snapshot.actions),
                {(c.source, c.target, c.perspective): c.polarity for c in snapshot.claims},
                {(s.action, s.perspective): (s.desirable, s.feasible) for s in snapshot.stances})


def side_of_project(project: Project, label: str = "now") -> Side:
    return Side(label, {v.id: v.name for v in project.cld.variables}, {p.id: p.name for p in project.perspectives},
                {a.id: a.title for a in project.actions},
                {(lk.source, lk.target, lk.perspective): lk.polarity for lk in project.cld.links},
                {(a.id, s.perspective): (s.desirable, s.feasible) for a in project.actions for s in a.stances})


@dataclass
class SnapshotDiff:
    before: str
    after: str
    added: list[str] = field(default_factory=list)  # "A → B (+, Council)"
    removed: list[str] = field(default_factory=list)
    flipped: list[str] = field(default_factory=list)  # "A → B (Council): + to −"
    loops_gained: list[str] = field(default_factory=list)  # "R: A → B → A"
    loops_lost: list[str] = field(default_factory=list)
    stances: list[str] = field(default_factory=list)  # "Action (Council): desirable yes → no"

    @property
    def empty(self) -> bool:
        return not (self.added or self.removed or self.flipped or self.loops_gained or self.loops_lost
                    or self.stances)

    def as_dict(self) -> dict:
        return {"before": self.before, "after": self.after, "claims_added": self.added,
                "claims_removed": self.removed, "polarity_flips": self.flipped,
                "loops_gained": self.loops_gained, "loops_lost": self.loops_lost, "stances_changed": self.stances}


def diff(before: Side, after: Side, time_budget: float = 2.0) -> SnapshotDiff:
    names = {**before.variables, **after.variables}
    people = {**before.perspectives, **after.perspectives}
    titles = {**before.actions, **after.actions}

    def claim(key: tuple[str, str, str], polarity: str | None = None) -> str:
        source, target, perspective = key
        sign = f"{polarity}, " if polarity else ""
        return f"{names.get(source, '?')} → {names.get(target, '?')} ({sign}{people.get(perspective, '?')})"

    out = SnapshotDiff(before.label, after.label)
    out.added = sorted(claim(k, p) for k, p in after.claims.items() if k not in before.claims)
    out.removed = sorted(claim(k, p) for k, p in before.claims.items() if k not in after.claims)
    out.flipped = sorted(f"{claim(k)}: {before.claims[k]} to {p}" for k, p in after.claims.items()
                         if k in before.claims and before.claims[k] != p)
    old_loops, new_loops = _loops(before, time_budget / 2), _loops(after, time_budget / 2)
    out.loops_gained = sorted(words for key, words in new_loops.items() if key not in old_loops)
    out.loops_lost = sorted(words for key, words in old_loops.items() if key not in new_loops)
    for key, (desirable, feasible) in after.stances.items():
        was = before.stances.get(key)
        if was is None or was == (desirable, feasible):
            continue
        action, perspective = key
        parts = [f"{what} {a} → {b}" for what, a, b in (("desirable", was[0], desirable), ("feasible", was[1], feasible))
                 if a != b]
        out.stances.append(f"{titles.get(action, '?')} ({people.get(perspective, '?')}): {', '.join(parts)}")
    out.stances.sort()
    return out


def _loops(side: Side, time_budget: float) -> dict[str, str]:
    """Loop key -> "R: A → B → A", found from the side's claims alone."""
    if not side.claims:
        return {}
    used = {v for s, t, _ in side.claims for v in (s, t)}
    project = Project.model_construct(
        perspectives=[Perspective.model_construct(id=p, name=n) for p, n in side.perspectives.items()],
        cld=Project().cld)
    project.cld.variables = [Variable.model_construct(id=v, name=side.variables.get(v, "?"), x=0.0, y=0.0,
                                                      included_by=[]) for v in used]
    project.cld.links = [CausalLink.model_construct(id=f"{s}|{t}|{p}", source=s, target=t, perspective=p,
                                                    polarity=polarity, delay=False)
                         for (s, t, p), polarity in side.claims.items()]
    report = find_loops(project, None, time_budget=time_budget)
    words = {}
    for loop in report.loops:
        path = " → ".join(side.variables.get(v, "?") for v in [*loop.variables, loop.variables[0]])
        words[loop.key] = f"{loop.polarity}: {path}"
    return words
