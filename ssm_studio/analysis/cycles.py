"""Cycles of a directed graph of variables: exact enumeration under a deadline, and a cheap
set of cycles that covers every edge lying on any cycle.

Vertices are variable ids; a cycle is a tuple of vertices in order (the edge from the last
back to the first closes it). Nothing here knows about polarity.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from operator import itemgetter

Cycle = tuple[str, ...]
Adjacency = dict[str, list[str]]


class Interrupted(Exception):
    """The deadline passed or the caller cancelled."""


@dataclass
class Clock:
    deadline: float
    cancel: Callable[[], bool] | None = None
    cancelled: bool = False

    def check(self) -> None:
        if time.perf_counter() > self.deadline:
            raise Interrupted
        if self.cancel is not None and self.cancel():
            self.cancelled = True
            raise Interrupted


def canonical(cycle: Cycle) -> Cycle:
    """The rotation starting at the smallest vertex: the same cycle from any start is one."""
    start = min(range(len(cycle)), key=cycle.__getitem__)
    return cycle[start:] + cycle[:start]


def strongly_connected(successors: Adjacency, nodes: list[str]) -> list[list[str]]:
    """Tarjan's components, iterative (recursion would overflow on long chains)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(successors.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(successors.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components


@dataclass
class Enumeration:
    """Cycles as the search found them: tuples of vertex numbers, named only when asked, so a
    search stopped by its deadline returns at once (naming 250,000 cycles took a quarter of
    a second) and the caller names as many as it has time to show."""

    numbered: set[tuple[int, ...]] = field(default_factory=set)
    names: list[str] = field(default_factory=list)
    complete: bool = False
    complete_up_to: int = 0  # every cycle of at most this length is in ``cycles``
    stopped_by: str = ""  # "", "time budget", "cancelled", "loop cap"

    @property
    def count(self) -> int:
        return len(self.numbered)

    @cached_property
    def cycles(self) -> list[Cycle]:
        """Every cycle found, named, each once; each starts at its lowest-ranked vertex."""
        return [_named(cycle, self.names) for cycle in self.numbered]

    def shortest_first(self) -> Iterator[Cycle]:
        names = self.names
        for cycle in sorted(self.numbered, key=len):
            yield _named(cycle, names)


def _named(cycle: tuple[int, ...], names: list[str]) -> Cycle:
    # itemgetter picks all the names in one call: twice as fast as mapping __getitem__
    return itemgetter(*cycle)(names) if len(cycle) > 1 else (names[cycle[0]],)


def enumerate_cycles(successors: Adjacency, nodes: list[str], clock: Clock,
                     max_length: int | None = None, max_cycles: int = 10_000) -> Enumeration:
    """All simple cycles (up to ``max_length``), found in passes of a growing length bound so
    that a run stopped early can still say up to which length its list is complete.

    Far below the cap the bound grows by half, so a small map is not searched many times
    over, and a short first pass to the full length (_probe) answers most workshop maps at
    once. Nearer the cap, the next bound is where the counts of the lengths seen so far,
    carried on at their rate of growth, would pass twice the cap. A pass that meets the cap
    does not stop there: it brings its bound down to the longest length whose cycles all fit
    (_Shrinking) and finishes at it, so at the cap the list is complete up to the longest
    length it can be (World3: a pass of 32 used to meet the cap where one of 22 completes;
    now the pass of 32 comes down to 22)."""
    result = Enumeration()
    components = [c for c in strongly_connected(successors, nodes)
                  if len(c) > 1 or c[0] in successors.get(c[0], ())]
    if not components:
        result.complete, result.complete_up_to = True, max_length or 0
        return result
    graph = _Numbered(components, successors)
    result.names = graph.names
    largest = max(len(c) for c in components)
    ceiling = largest if max_length is None else min(max_length, largest)
    bound = min(4, ceiling)
    if bound < ceiling:
        probe = _probe(graph, ceiling, clock, max_cycles)
        if probe is not None:
            result.numbered = probe
            result.complete, result.complete_up_to = True, ceiling if max_length is not None else largest
            return result
    kept: set[tuple[int, ...]] = set()
    counts: dict[int, int] = {}  # cycles kept, by length
    done = 0  # the bound of the last complete pass; the next lists only longer cycles
    while True:
        found: set[tuple[int, ...]] = set()
        pass_ = _Shrinking(bound, done, max_cycles - len(kept))
        try:
            graph.cycles(pass_, clock, found)
        except Interrupted:
            kept |= found
            result.numbered = kept
            result.stopped_by = "cancelled" if clock.cancelled else "time budget"
            return result
        except _CapReached:  # not even the next length fits: the last complete pass stands
            kept |= found
            result.numbered = _filled(kept, pass_.spares, max_cycles)
            result.stopped_by = "loop cap"
            return result
        kept |= found
        done = pass_.bound
        result.complete_up_to = done if done < ceiling or max_length is not None else largest
        if pass_.spares:  # the cap was met: complete up to the bound it came down to
            result.numbered = _filled(kept, pass_.spares, max_cycles)
            result.stopped_by = "loop cap"
            return result
        if done >= ceiling:
            result.numbered = kept
            result.complete = True
            return result
        for length, count in _by_length(found).items():
            counts[length] = counts.get(length, 0) + count
        bound = min(_next_bound(counts, done, len(kept), max_cycles), ceiling)


def _next_bound(counts: dict[int, int], done: int, kept: int, max_cycles: int) -> int:
    if kept * 100 < max_cycles:
        return done + max(1, done // 2)
    # Carry the counts on at their rate of growth to the first length that passes the cap:
    # the pass to it comes down by one length and ends complete up to the longest length
    # that fits. A forecast short of the mark costs a whole pass more, one past it costs a
    # little more searching; where the counts grow slowly, one length more is cheap cover.
    rate = _growth(counts, done)
    total, count, bound = float(kept), float(max(1, counts.get(done, 0))), done
    while total <= max_cycles and bound < 2 * done:
        count *= rate
        total += count
        bound += 1
    if rate < 2 and bound < 2 * done:
        bound += 1
    return max(bound, done + 1)


def _growth(counts: dict[int, int], done: int) -> float:
    """How many times more cycles each length holds than the one before: the trend of the
    last four lengths that have a few cycles each (a ratio of two small counts is noise)."""
    if counts.get(done - 1, 0) >= 20 and counts.get(done, 0) >= 20:
        rate = counts[done] / counts[done - 1]  # enough to go by: the latest step says most
    else:
        lengths = [length for length in range(max(1, done - 3), done + 1) if counts.get(length, 0) >= 5]
        if len(lengths) < 2:
            return 2.0
        first, last = lengths[0], lengths[-1]
        rate = (counts[last] / counts[first]) ** (1 / (last - first))
    return min(max(rate, 1.05), 20.0)


def _filled(kept: set[tuple[int, ...]], spares: list[tuple[int, ...]], max_cycles: int) -> set[tuple[int, ...]]:
    """The complete list and, past its promise, the shortest of the longer cycles met on the
    way, up to one over the cap (which says there are more)."""
    room = max_cycles + 1 - len(kept)
    if room > 0 and spares:
        kept |= set(sorted(spares, key=len)[:room])
    return kept


class _Shrinking:
    """A pass's length bound and its share of the cap. When the cycles found pass the share,
    the bound comes down to the longest length whose cycles (those longer than the last
    pass's bound) all fit; the longer ones found so far are set aside as spares. A search
    already under way carries on with the lower bound, so the pass ends complete up to it.

    (Bringing the bound down sooner, from counts partway through a pass, was tried: the
    forecast can be wrong, and then a set under the cap would be reported incomplete.)"""

    def __init__(self, bound: int, longer_than: int, share: int, stops: bool = False) -> None:
        self.bound, self.longer_than, self.share = bound, longer_than, share
        self.stops = stops  # met, the share ends the pass instead (the probe)
        self.spares: list[tuple[int, ...]] = []

    def shrink(self, found: set[tuple[int, ...]]) -> int:
        if self.stops:
            raise _CapReached
        by_length = _by_length(found)
        total, fits = 0, self.longer_than
        for length in range(self.longer_than + 1, self.bound + 1):
            total += by_length.get(length, 0)
            if total > self.share:
                break
            fits = length
        longer = [cycle for cycle in found if len(cycle) > fits]
        found.difference_update(longer)
        self.spares += longer
        self.bound = fits
        if fits <= self.longer_than:
            raise _CapReached
        return fits


def _by_length(cycles) -> dict[int, int]:
    counts: dict[int, int] = {}
    for cycle in cycles:
        counts[len(cycle)] = counts.get(len(cycle), 0) + 1
    return counts


class _CapReached(Exception):
    pass


# A first pass to the full length, for a few milliseconds and a few hundred loops at most.
_PROBE_SECONDS = 0.004
_PROBE_CAP = 200


def _probe(graph: _Numbered, ceiling: int, clock: Clock, max_cycles: int) -> set[tuple[int, ...]] | None:
    """Every cycle, if a single pass to the full length finds them all at once; else None.

    A workshop map usually has a few dozen loops, which one pass finds in a millisecond
    where growing passes would search the short ones seven times over. On a larger tangle
    an unbounded pass can wander for seconds before its first loop, so it is cut short
    (by time and by count) and the passes take over, having lost next to nothing."""
    quick = Clock(deadline=min(clock.deadline, time.perf_counter() + _PROBE_SECONDS), cancel=clock.cancel)
    found: set[tuple[int, ...]] = set()
    try:
        graph.cycles(_Shrinking(ceiling, 0, min(max_cycles, _PROBE_CAP), stops=True), quick, found)
    except (Interrupted, _CapReached):
        return None
    return found


class _Numbered:
    """The components' vertices numbered so that each component is a run of numbers in rank
    order, with only the edges inside components: the search's inner loop then indexes
    lists of ints, about twice as fast as hashing ids, and cycles are tuples of ints until
    the end."""

    def __init__(self, components: list[list[str]], successors: Adjacency) -> None:
        component_of = {node: c for c, component in enumerate(components) for node in component}
        # Within a component, the vertices with most edges in and out come first. Each
        # start's search finds every cycle through it and then the start leaves the graph,
        # so taking the hubs first leaves sparse remainders for all the later searches:
        # the whole enumeration takes half the time or less on random maps.
        ins: dict[str, int] = {}
        outs: dict[str, int] = {}
        for node, home in component_of.items():
            for succ in successors.get(node, ()):
                if component_of.get(succ) == home:
                    ins[succ] = ins.get(succ, 0) + 1
                    outs[node] = outs.get(node, 0) + 1
        ordered = [sorted(component, key=lambda v: (-ins.get(v, 0) * outs.get(v, 0), -ins.get(v, 0) - outs.get(v, 0))) for component in components]
        self.names = [node for component in ordered for node in component]
        number = {node: i for i, node in enumerate(self.names)}
        size = len(self.names)
        self.forward: list[list[int]] = [[] for _ in range(size)]
        self.backward: list[list[int]] = [[] for _ in range(size)]
        for i, node in enumerate(self.names):
            home = component_of[node]
            for succ in successors.get(node, ()):
                if component_of.get(succ) == home:
                    self.forward[i].append(number[succ])
                    self.backward[number[succ]].append(i)

    def cycles(self, pass_: _Shrinking, clock: Clock, found: set[tuple[int, ...]]) -> None:
        """Cycles of more than ``pass_.longer_than`` and at most ``pass_.bound`` vertices (a
        bound that may come down as the pass goes), each found once from its lowest-numbered
        vertex.

        From each start s only higher-numbered vertices of its component are used, and a step
        to y is taken only if y can still get back to s within the bound (distances from a
        reverse breadth-first search), so the search never wanders where no cycle can close.
        """
        forward, backward = self.forward, self.backward
        size = len(forward)
        bound = pass_.bound
        # Exact distances back to the start are searched only so far: on large maps a search
        # to the full bound reaches nearly every vertex from every start. Beyond it a vertex
        # is known only to be farther, which prunes the second half of a path exactly and
        # the first half loosely (few paths are that short).
        depth_limit = bound - 1 if bound <= _FULL_DEPTH_UP_TO else bound // 2
        beyond = depth_limit + 1  # an alive vertex the search back did not reach
        gone = bound + 1  # a vertex that can no longer lie on a cycle: never stepped on
        distance = [beyond] * size
        on_path = [False] * size
        # Vertices still able to lie on a cycle whose lowest vertex is yet to come: each start
        # leaves when done, and so does every vertex left with no way in or no way out (the
        # trimming cascades). Sparse maps shrink fast, and the searches shrink with them.
        ins = [len(preds) for preds in backward]
        outs = [len(succs) for succs in forward]
        ticks = 0
        for start in range(size):
            if distance[start] == gone:
                continue
            distance[start] = 0
            reached = [start]
            frontier = [start]
            for depth in range(1, beyond):
                following = []
                for node in frontier:
                    for pred in backward[node]:
                        if distance[pred] == beyond:
                            distance[pred] = depth
                            following.append(pred)
                if not following:
                    break
                reached.extend(following)
                frontier = following
            if len(reached) > 1 or start in forward[start]:
                ticks = _cycles_from(start, forward, distance, on_path, pass_, clock, found, ticks)
            for node in reached:
                distance[node] = beyond
            _leave(start, distance, gone, ins, outs, forward, backward)


# Up to this bound the search back runs to the whole bound (small maps, cheap either way).
_FULL_DEPTH_UP_TO = 6


def _leave(vertex: int, distance: list[int], gone: int, ins: list[int], outs: list[int],
           forward: list[list[int]], backward: list[list[int]]) -> None:
    distance[vertex] = gone
    leaving = [vertex]
    while leaving:
        node = leaving.pop()
        for succ in forward[node]:
            if distance[succ] != gone:
                ins[succ] -= 1
                if not ins[succ]:
                    distance[succ] = gone
                    leaving.append(succ)
        for pred in backward[node]:
            if distance[pred] != gone:
                outs[pred] -= 1
                if not outs[pred]:
                    distance[pred] = gone
                    leaving.append(pred)


def _cycles_from(start: int, forward: list[list[int]], distance: list[int], on_path: list[bool],
                 pass_: _Shrinking, clock: Clock, found: set[tuple[int, ...]], ticks: int) -> int:
    # The whole search's time is spent in this loop, so it is written for CPython: locals and
    # bound methods, the current successor iterator in a local rather than stack[-1], the
    # commonest test (too far from the start) first, the start found among the vertices on
    # the path (it is one), and no path length kept (room says it). A quarter faster than
    # the plain version.
    path = [start]
    on_path[start] = True
    stack: list = []
    push, pop = path.append, path.pop
    push_iter, pop_iter = stack.append, stack.pop
    add = found.add
    bound, share = pass_.bound, pass_.share
    room = bound - 1  # a step to y needs distance[y] <= room
    long_enough = bound - pass_.longer_than - 1  # a cycle closing at this room or less is wanted
    successors = iter(forward[start])
    try:
        while True:
            for succ in successors:
                if distance[succ] > room:
                    continue
                if on_path[succ]:
                    if succ == start and room <= long_enough:
                        add(tuple(path))
                        if len(found) > share:
                            lower = pass_.shrink(found)  # or _CapReached
                            room -= bound - lower
                            long_enough -= bound - lower
                            bound = lower
                    continue
                push(succ)
                on_path[succ] = True
                push_iter(successors)
                successors = iter(forward[succ])
                room -= 1
                ticks += 1
                if not ticks & 1023:
                    clock.check()
                break
            else:
                if not stack:
                    break
                successors = pop_iter()
                on_path[pop()] = False
                room += 1
    finally:
        for node in path:  # an interrupted search leaves the shared marks clean
            on_path[node] = False
    return ticks


@dataclass
class Cover:
    cycles: list[Cycle]
    uncovered: int = 0  # edges on some cycle left out because ``stop_at`` passed


def covering_cycles(successors: Adjacency, nodes: list[str], shortest_until: float,
                    stop_at: float = float("inf")) -> Cover:
    """Cycles that together use every edge lying on any cycle.

    Until ``shortest_until`` each uncovered edge u→v gets a shortest cycle (a breadth-first
    search from v back to u); after that, a fast fallback joins two search trees through a
    root of the component, which still gives a simple cycle through the edge in time
    proportional to its length. At ``stop_at`` it stops and counts the edges it did not
    reach: the user's time budget outranks completeness (on 30,000 links this net alone
    takes a sixth of a second).
    """
    cycles: list[Cycle] = []
    covered: set[tuple[str, str]] = set()
    result = Cover(cycles)
    for component in strongly_connected(successors, nodes):
        members = set(component)
        if len(component) == 1:
            node = component[0]
            if node in successors.get(node, ()):
                cycles.append((node,))
            continue
        edges = [(u, v) for u in component for v in successors.get(u, ()) if v in members]
        if time.perf_counter() > stop_at:
            result.uncovered += len(edges)
            continue
        out_parent, in_next = _search_trees(component[0], successors, members)
        for index, (u, v) in enumerate(edges):
            if not index & 63 and time.perf_counter() > stop_at:
                result.uncovered += sum((a, b) not in covered for a, b in edges[index:])
                break
            if u == v:
                cycles.append((u,))
                continue
            if (u, v) in covered:
                continue
            cycle = None
            if time.perf_counter() < shortest_until:
                cycle = _shortest_cycle_through(u, v, successors, members)
            if cycle is None:
                cycle = _cycle_through_root(u, v, out_parent, in_next)
            cycles.append(canonical(cycle))
            covered.update(zip(cycle, cycle[1:] + cycle[:1], strict=True))
    return result


def _search_trees(root: str, successors: Adjacency, members: set[str]):
    out_parent: dict[str, str | None] = {root: None}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for succ in successors.get(node, ()):
            if succ in members and succ not in out_parent:
                out_parent[succ] = node
                queue.append(succ)
    predecessors: dict[str, list[str]] = {}
    for node in members:
        for succ in successors.get(node, ()):
            if succ in members:
                predecessors.setdefault(succ, []).append(node)
    in_next: dict[str, str | None] = {root: None}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for pred in predecessors.get(node, ()):
            if pred not in in_next:
                in_next[pred] = node
                queue.append(pred)
    return out_parent, in_next


def _cycle_through_root(u: str, v: str, out_parent, in_next) -> Cycle:
    to_u = [u]
    while out_parent[to_u[-1]] is not None:
        to_u.append(out_parent[to_u[-1]])
    to_u.reverse()  # root … u
    position = {node: i for i, node in enumerate(to_u)}
    back = [v]  # v … (first vertex also on root … u)
    while back[-1] not in position:
        back.append(in_next[back[-1]])
    meet = back.pop()
    return tuple(to_u[position[meet]:] + back)


def _shortest_cycle_through(u: str, v: str, successors: Adjacency, members: set[str]) -> Cycle | None:
    parent: dict[str, str | None] = {v: None}
    queue = deque([v])
    while queue:
        node = queue.popleft()
        if node == u:
            path = [u]
            while (before := parent[path[-1]]) is not None:
                path.append(before)
            path.reverse()  # v … u
            return (u, *path[:-1]) if len(path) > 1 else (u,)
        for succ in successors.get(node, ()):
            if succ in members and succ not in parent:
                parent[succ] = node
                queue.append(succ)
    return None
