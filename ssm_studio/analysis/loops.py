"""Feedback loops: found honestly at any scale, labelled R1, B1, ?1 … stably, named by users."""

from __future__ import annotations

import hashlib
import itertools
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..gc_pause import gc_paused
from ..model import Project
from .cycles import Clock, Cycle, covering_cycles, enumerate_cycles
from .signed_graph import SignedGraph, Step, multiply

LoopPolarity = Literal["R", "B", "?"]
# A loop through links claimed with several polarities exists once per polarity combination;
# past this many combinations for one cycle the rest are not listed (and the report says so).
MAX_VARIANTS_PER_CYCLE = 64


@dataclass
class Loop:
    key: str  # canonical: the same loop found from any start, or in another run, has this key
    polarity: LoopPolarity
    variables: list[str]  # ids, in loop order
    steps: list[Step]  # steps[i] goes from variables[i] to variables[i + 1] (wrapping)
    perspectives: list[str]  # perspectives holding every link of the loop, in project order
    label: str = ""
    name: str = ""

    @property
    def length(self) -> int:
        return len(self.variables)

    @property
    def has_delay(self) -> bool:
        return any(step.delay for step in self.steps)

    @property
    def link_ids(self) -> list[str]:
        return [link for step in self.steps for link in step.link_ids]


@dataclass
class LoopReport:
    loops: list[Loop]
    complete: bool
    complete_up_to_length: int  # every loop of at most this length is listed
    max_length: int | None
    elapsed: float
    stopped_by: str = ""  # why the search stopped early: time budget, cancelled, loop cap
    notes: list[str] = field(default_factory=list)

    @property
    def found(self) -> int:
        return len(self.loops)


def loop_polarity(steps: Iterable[Step]) -> LoopPolarity:
    net = multiply(step.polarity for step in steps)
    return _LOOP_TYPE[net]


_LOOP_TYPE: dict[str, LoopPolarity] = {"+": "R", "-": "B", "?": "?"}


def loop_key(variables: Cycle, polarities: tuple[str, ...]) -> str:
    """Hash of the signed sequence rotated to its smallest form (ids are long; keys stay short)."""
    if len(variables) != len(polarities):
        raise ValueError("a polarity for every variable")
    pairs = list(map(str.__add__, variables, polarities))
    smallest = min(pairs)
    starts = [i for i, pair in enumerate(pairs) if pair == smallest]
    # Usually one candidate; ties (a variable twice is impossible, but keep it general)
    # are broken by comparing whole rotations.
    start = starts[0] if len(starts) == 1 else min(starts, key=lambda i: pairs[i:] + pairs[:i])
    text = "|".join(pairs[start:] + pairs[:start])
    return hashlib.sha1(text.encode()).hexdigest()[:24]


def signed_loops(graph: SignedGraph, cycle: Cycle, order: dict[str, int],
                 variants: int = MAX_VARIANTS_PER_CYCLE) -> list[Loop]:
    steps_of = graph.steps
    choices = [steps_of[pair] for pair in zip(cycle, cycle[1:] + cycle[:1], strict=True)]
    if max(map(len, choices)) == 1:
        # The common case, one reading per link: no products to take (a third of the cost).
        steps = [step for choice in choices for step in choice.values()]
        polarities = tuple([step.polarity for step in steps])
        holders = set.intersection(*[step.perspectives for step in steps])
        return [Loop(key=loop_key(cycle, polarities), polarity=loop_polarity(steps),
                     variables=list(cycle), steps=steps,
                     perspectives=sorted(holders, key=order.__getitem__))]
    loops = []
    for reading in itertools.islice(itertools.product(*(c.values() for c in choices)), variants):
        holders = set.intersection(*(step.perspectives for step in reading))
        loops.append(Loop(
            key=loop_key(cycle, tuple(s.polarity for s in reading)),
            polarity=loop_polarity(reading), variables=list(cycle), steps=list(reading),
            perspectives=sorted(holders, key=order.__getitem__),
        ))
    return loops


def _rotate_to_first(cycle: Cycle, position: dict[str, int]) -> Cycle:
    places = [position[v] for v in cycle]
    start = places.index(min(places))
    return cycle[start:] + cycle[:start]


def assign_labels(loops: list[Loop], known: dict[str, tuple[str, str]],
                  reserved: set[str] | None = None) -> None:
    """Keep every label already given; new loops take the lowest free number of their kind,
    shortest first, so 'R2' in last month's minutes is still R2 unless that loop is gone.

    A number is held by a loop that is present, or by one ``reserved`` (saved with a name
    the users gave it); the number of a loop that has gone unnamed is free again, so the
    list does not start at R2 with no R1."""
    present = {loop.key for loop in loops}
    holding = present | (reserved or set())
    taken: dict[str, set[int]] = {"R": set(), "B": set(), "?": set()}
    for key, (label, _name) in known.items():
        if key not in holding:
            continue
        kind, number = label[:1], label[1:]
        if kind in taken and number.isdigit():
            taken[kind].add(int(number))
    used: set[str] = set()
    for loop in loops:
        if loop.key in known:
            label, loop.name = known[loop.key]
            if label not in used:  # two loops never share a label (a freed number reused)
                loop.label = label
                used.add(label)
    counters = {kind: 1 for kind in taken}
    for loop in loops:
        if loop.label:
            continue
        kind = loop.polarity
        while counters[kind] in taken[kind]:
            counters[kind] += 1
        loop.label = f"{kind}{counters[kind]}"
        taken[kind].add(counters[kind])


def find_loops(project: Project, perspectives: Iterable[str] | None = None,
               max_length: int | None = None, time_budget: float = 2.0,
               cancel: Callable[[], bool] | None = None, max_loops: int = 10_000,
               known_labels: dict[str, tuple[str, str]] | None = None,
               labels_of_all: LoopReport | None = None) -> LoopReport:
    """The feedback loops formed by the claims of ``perspectives`` (None: all claims).

    The budget is shared: half for exact enumeration; if that does not finish, up to 0.65 of
    it for shortest covering loops, then a fast fallback; the rest for labelling. Past
    ``max_loops`` (Stella stops at 1,000) the list is cut, shortest loops kept.
    ``known_labels`` (key -> label, name) adds to the labels saved in the project, so a
    session keeps its labels stable before they are saved. ``labels_of_all``, a search of
    every claim already made, spares a search of some perspectives from making it again
    (the pack searches each of ten perspectives).
    """
    with gc_paused():  # a search builds tens of thousands of steps, cycles and loops at once
        return _find_loops(project, perspectives, max_length, time_budget, cancel, max_loops,
                           known_labels, labels_of_all)


def _find_loops(project: Project, perspectives: Iterable[str] | None, max_length: int | None,
                time_budget: float, cancel: Callable[[], bool] | None, max_loops: int,
                known_labels: dict[str, tuple[str, str]] | None,
                labels_of_all: LoopReport | None = None) -> LoopReport:
    started = began = time.perf_counter()
    known = {n.key: (n.label, n.name) for n in project.cld.loop_names}
    for key, value in (known_labels or {}).items():
        known.setdefault(key, value)
    if perspectives is not None:
        # Label loops as they are labelled over all claims, so R2 is R2 in every view.
        everything = labels_of_all
        if everything is None:
            everything = _find_loops(project, None, max_length, time_budget * 0.3, cancel, max_loops, known)
        for loop in everything.loops:
            known.setdefault(loop.key, (loop.label, loop.name))
        time_budget -= time.perf_counter() - started
        started = time.perf_counter()
    graph = SignedGraph(project, perspectives)
    nodes = sorted(graph.successors)
    clock = Clock(deadline=started + time_budget * 0.5, cancel=cancel)
    enumeration = enumerate_cycles(graph.successors, nodes, clock, max_length, max_loops)
    # Show each loop from the variable the user placed first in the diagram's list; that
    # rotation is also the canonical one that makes found and covering cycles comparable.
    # (Found cycles are rotated one by one as they are listed, under the deadline: a
    # search given a long budget may have found hundreds of thousands.)
    position = {v.id: i for i, v in enumerate(project.cld.variables)}
    cover: set[Cycle] = set()
    notes = []
    stopped_by = enumeration.stopped_by
    if not enumeration.complete and stopped_by != "cancelled":
        # Out of time: still show every link that lies on a loop, by cycles found cheaply.
        found_cover = covering_cycles(graph.successors, nodes, shortest_until=started + time_budget * 0.6,
                                      stop_at=started + time_budget * 0.75)
        cover = {_rotate_to_first(c, position) for c in found_cover.cycles
                 if max_length is None or len(c) <= max_length}
        notes.append(
            f"Stopped by the {stopped_by} after listing every loop of up to "
            f"{enumeration.complete_up_to} variables; longer loops are shown only as needed to "
            "cover every link that lies on a loop."
        )
        if found_cover.uncovered:
            notes.append(f"{found_cover.uncovered:,} links that lie on loops are in none listed: "
                         "the time budget ran out first. A longer budget lists them.")
    order = {p.id: i for i, p in enumerate(project.perspectives)}
    # Found cycles are named as they are listed: a search stopped by its deadline may hold
    # hundreds of thousands, more than the budget left can show.
    listing = itertools.chain(sorted(cover, key=len), enumeration.shortest_first())
    total = len(cover) + enumeration.count
    # Sorting and labelling come after the listing and take their share: stop listing early.
    # Covering loops (the ones that show every looped link) may go on a little longer.
    hard_deadline = started + time_budget * 0.8
    cover_deadline = started + time_budget * 0.9
    loops: list[Loop] = []
    for index, cycle in enumerate(listing):
        covering = index < len(cover)
        if index and not index & 255 and time.perf_counter() > (cover_deadline if covering else hard_deadline):
            # Covering loops too: the budget is the user's promise, covering included.
            notes.append(f"{total - index:,} more loops were found but not listed, "
                         "to keep within the time budget.")
            stopped_by = stopped_by or "time budget"
            break
        if not covering and len(loops) >= max_loops:
            # Claims of one link with several polarities multiply the loops of one cycle.
            notes.append(f"Listing stopped at {max_loops:,} loops (counting each polarity reading "
                         f"of a cycle); {total - index:,} more cycles were found.")
            stopped_by = stopped_by or "loop cap"
            break
        if not covering:
            cycle = _rotate_to_first(cycle, position)
            if cycle in cover:
                continue
        # A covering loop is there to show its links lie on a loop: one polarity variant does.
        loops.extend(signed_loops(graph, cycle, order,
                                  1 if covering else MAX_VARIANTS_PER_CYCLE))
    place = position.__getitem__
    loops.sort(key=lambda lp: (len(lp.variables), list(map(place, lp.variables)), lp.polarity))
    named = {n.key for n in project.cld.loop_names if n.name}
    # A subset of the claims labels its loops as the whole map does (found above), so
    # every number the whole map holds stays reserved here.
    assign_labels(loops, known, named if perspectives is None else set(known))
    complete = enumeration.complete and not stopped_by
    return LoopReport(
        loops=loops, complete=complete, max_length=max_length,
        complete_up_to_length=enumeration.complete_up_to,
        elapsed=time.perf_counter() - began, stopped_by=stopped_by, notes=notes,
    )
