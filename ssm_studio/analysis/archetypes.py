"""Candidate system archetypes in a signed, delay-marked map, after the structural reading of
Schoenenberger, Schmid and Schwaninger (2015): each archetype is a pattern of loops (their
polarity, the variables they share, where the delays are). A match is a hypothesis for the
room to test, so each is worded as a question, never as a verdict.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Project
from .loops import Loop, LoopReport, find_loops

MAX_LOOPS_PAIRED = 150  # shortest loops first: archetypes are read in short loops


@dataclass
class ArchetypeCandidate:
    archetype: str  # "fixes that fail", "shifting the burden", …
    loops: list[str]  # loop labels
    variables: list[str]  # the variables the pattern turns on (ids)
    question: str

    def as_json(self, names: dict[str, str]) -> dict:
        return {"archetype": self.archetype, "loops": self.loops,
                "variables": [names.get(v, v) for v in self.variables], "question": self.question}


def _delayed_outside(loop: Loop, other: Loop) -> bool:
    """A delay on a link of ``loop`` that ``other`` does not share."""
    shared = set(other.link_ids)
    return any(step.delay and not set(step.link_ids) <= shared for step in loop.steps)


def find_archetypes(project: Project, perspectives: Iterable[str] | None = None,
                    report: LoopReport | None = None, time_budget: float = 2.0) -> list[ArchetypeCandidate]:
    chosen = None if perspectives is None else list(perspectives)
    report = report or find_loops(project, chosen, time_budget=time_budget)
    names = {v.id: v.name for v in project.cld.variables}
    loops = sorted(report.loops, key=lambda lp: lp.length)[:MAX_LOOPS_PAIRED]
    found: list[ArchetypeCandidate] = []

    def said(names_of: Iterable[str]) -> str:
        return ", ".join(f"'{names.get(v, v)}'" for v in names_of)

    for a, b in itertools.combinations(loops, 2):
        shared = [v for v in a.variables if v in set(b.variables)]
        if not shared or tuple(a.variables) == tuple(b.variables):
            continue
        pair = {a.polarity, b.polarity}
        if pair == {"R", "B"}:
            fix, back = (a, b) if a.polarity == "B" else (b, a)
            if _delayed_outside(back, fix) and not fix.has_delay:
                found.append(ArchetypeCandidate(
                    "fixes that fail", [fix.label, back.label], shared,
                    f"Fixes that fail? {fix.label} looks like a quick fix and {back.label}, through a delay, "
                    f"comes back to {said(shared)}: does the fix's side effect later make the problem worse?"))
            elif not back.has_delay and set(fix.variables) - set(back.variables):
                limit = [v for v in fix.variables if v not in set(back.variables)]
                found.append(ArchetypeCandidate(
                    "limits to growth", [back.label, fix.label], shared + limit,
                    f"Limits to growth? {back.label} drives growth through {said(shared)} while {fix.label} "
                    f"pushes back through {said(limit)}: what limit will slow the growth, and when?"))
        elif pair == {"R"} and len(shared) == 1:
            hub = shared[0]
            out_a = next(s.polarity for s in a.steps if s.source == hub)
            out_b = next(s.polarity for s in b.steps if s.source == hub)
            if out_a != out_b:
                found.append(ArchetypeCandidate(
                    "success to the successful", [a.label, b.label], shared,
                    f"Success to the successful? {a.label} and {b.label} compete through {said(shared)}: "
                    "does one side's success take resources from the other?"))
        elif pair == {"B"} and a.has_delay != b.has_delay:
            quick, slow = (a, b) if b.has_delay else (b, a)
            side_effect = next((r for r in loops if r.polarity == "R" and set(r.variables) & set(quick.variables)
                                and set(r.variables) & set(slow.variables)
                                and not set(r.variables) <= set(quick.variables) | set(slow.variables)), None)
            if side_effect is not None:
                found.append(ArchetypeCandidate(
                    "shifting the burden", [quick.label, slow.label, side_effect.label], shared,
                    f"Shifting the burden? {quick.label} eases {said(shared)} quickly, {slow.label} is the slower "
                    f"fundamental answer, and {side_effect.label} ties them: does relying on the quick answer "
                    "weaken the fundamental one?"))
            else:
                found.append(ArchetypeCandidate(
                    "eroding goals", [quick.label, slow.label], shared,
                    f"Eroding goals? {quick.label} closes the gap at {said(shared)} without delay while "
                    f"{slow.label} acts only after a delay: is the goal being lowered instead of the situation improved?"))
    for loop in loops:
        negatives = sum(1 for s in loop.steps if s.polarity == "-")
        if loop.polarity == "R" and negatives == 2 and loop.length >= 4:
            found.append(ArchetypeCandidate(
                "escalation", [loop.label], list(loop.variables),
                f"Escalation? {loop.label} runs through two reactions against each other ({said(loop.variables)}): "
                "does each side answer the other's move with a bigger one?"))
    for r1, r2 in itertools.combinations([lp for lp in loops if lp.polarity == "R"], 2):
        if set(r1.variables) & set(r2.variables):
            continue
        common = next((b for b in loops if b.polarity == "B" and set(b.variables) & set(r1.variables)
                       and set(b.variables) & set(r2.variables)), None)
        if common is not None:
            found.append(ArchetypeCandidate(
                "tragedy of the commons", [r1.label, r2.label, common.label], list(common.variables),
                f"Tragedy of the commons? {r1.label} and {r2.label} each grow on their own, and {common.label} "
                "limits them together: is a shared resource being used up?"))
    return found
