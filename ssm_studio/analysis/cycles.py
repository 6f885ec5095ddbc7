"""Cycles of a directed graph of variables: exact enumeration under a deadline, and a cheap
set of cycles that covers every edge lying on any cycle.

Vertices are variable ids; a cycle is a tuple of vertices in order (the edge from the last
back to the first closes it). Nothing here knows about polarity.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

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
    cycles: set[Cycle] = field(default_factory=set)  # each starts at its lowest-ranked vertex
    complete: bool = False
    complete_up_to: int = 0  # every cycle of at most this length is in ``cycles``
    stopped_by: str = ""  # "", "time budget", "cancelled", "loop cap"


def enumerate_cycles(successors: Adjacency, nodes: list[str], clock: Clock,
                     max_length: int | None = None, max_cycles: int = 10_000) -> Enumeration:
    """All simple cycles (up to ``max_length``), found in passes of a growing length bound so
    that an interrupted run can still say up to which length its list is complete.

    The bound grows gently (by a quarter: … 12, 15, 18, 22, 27 …) once the list nears the
    cap: the number of cycles can grow steeply with length, and a pass that doubled the bound
    (16 → 32) would hit the cap where one of 22 completes (World3: 8,346 loops up to length
    22). Far below the cap it grows by half, so a small map is not searched fifteen times,
    and a short first pass to the full length (_probe) answers most workshop maps at once."""
    result = Enumeration()
    components = [c for c in strongly_connected(successors, nodes)
                  if len(c) > 1 or c[0] in successors.get(c[0], ())]
    if not components:
        result.complete, result.complete_up_to = True, max_length or 0
        return result
    graph = _Numbered(components, successors)
    largest = max(len(c) for c in components)
    ceiling = largest if max_length is None else min(max_length, largest)
    bound = min(4, ceiling)
    if bound < ceiling:
        probe = _probe(graph, ceiling, clock, max_cycles)
        if probe is not None:
            result.cycles = graph.named(probe)
            result.complete, result.complete_up_to = True, ceiling if max_length is not None else largest
            return result
    kept: set[tuple[int, ...]] = set()
    done = 0  # the bound of the last complete pass; the next lists only longer cycles
    while True:
        found: set[tuple[int, ...]] = set()
        try:
            # Each pass collects only what the last one could not hold, and stops at the cap
            # counting what is kept, so the pass that meets the cap stops as soon as it does.
            graph.cycles(bound, clock, found, max_cycles - len(kept), longer_than=done)
        except Interrupted:
            result.cycles = graph.named(kept | found)
            result.stopped_by = "cancelled" if clock.cancelled else "time budget"
            return result
        except _CapReached:
            result.cycles = graph.named(kept | found)  # the last complete pass keeps its promise
            result.stopped_by = "loop cap"
            return result
        kept |= found
        done = bound
        result.complete_up_to = bound if bound < ceiling or max_length is not None else largest
        if bound >= ceiling:
            result.cycles = graph.named(kept)
            result.complete = True
            return result
        # Far below the cap the next pass can safely take a longer step; near it, a gentle
        # one, so the pass that meets the cap is as long as it can be.
        step = bound // 2 if len(kept) * 100 < max_cycles else bound // 4
        bound = min(bound + max(1, step), ceiling)


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
        graph.cycles(ceiling, quick, found, min(max_cycles, _PROBE_CAP))
    except (Interrupted, _CapReached):
        return None
    return found


class _Numbered:
    """The components' vertices numbered so that each component is a run of numbers in rank
    order, with only the edges inside components: the search's inner loop then indexes
    lists of ints, about twice as fast as hashing ids, and cycles are tuples of ints until
    the end."""

    def __init__(self, components: list[list[str]], successors: Adjacency) -> None:
        self.names = [node for component in components for node in component]
        number = {node: i for i, node in enumerate(self.names)}
        component_of = {node: c for c, component in enumerate(components) for node in component}
        size = len(self.names)
        self.forward: list[list[int]] = [[] for _ in range(size)]
        self.backward: list[list[int]] = [[] for _ in range(size)]
        for i, node in enumerate(self.names):
            home = component_of[node]
            for succ in successors.get(node, ()):
                if component_of.get(succ) == home:
                    self.forward[i].append(number[succ])
                    self.backward[number[succ]].append(i)

    def named(self, cycles: set[tuple[int, ...]]) -> set[Cycle]:
        name = self.names.__getitem__
        return {tuple(map(name, cycle)) for cycle in cycles}

    def cycles(self, bound: int, clock: Clock, found: set[tuple[int, ...]], max_cycles: int,
               longer_than: int = 0) -> None:
        """Cycles of more than ``longer_than`` and at most ``bound`` vertices, each found once
        from its lowest-numbered vertex.

        From each start s only higher-numbered vertices of its component are used, and a step
        to y is taken only if y can still get back to s within the bound (distances from a
        reverse breadth-first search), so the search never wanders where no cycle can close.
        """
        forward, backward = self.forward, self.backward
        size = len(forward)
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
                ticks = _cycles_from(start, forward, distance, on_path, bound, longer_than,
                                     clock, found, max_cycles, ticks)
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
                 bound: int, longer_than: int, clock: Clock, found: set[tuple[int, ...]],
                 max_cycles: int, ticks: int) -> int:
    # The whole search's time is spent in this loop: locals and bound methods on purpose.
    path = [start]
    on_path[start] = True
    stack = [iter(forward[start])]
    push, pop = path.append, path.pop
    push_iter, pop_iter = stack.append, stack.pop
    add = found.add
    depth = 1  # len(path)
    room = bound - 1  # a step to y needs distance[y] <= room
    try:
        while stack:
            ticks += 1
            if not ticks & 1023:
                clock.check()
            for succ in stack[-1]:
                if succ == start:
                    if depth > longer_than:
                        add(tuple(path))
                        if len(found) > max_cycles:
                            raise _CapReached
                    continue
                if distance[succ] > room or on_path[succ]:
                    continue
                push(succ)
                on_path[succ] = True
                push_iter(iter(forward[succ]))
                depth += 1
                room -= 1
                break
            else:
                pop_iter()
                on_path[pop()] = False
                depth -= 1
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
            while parent[path[-1]] is not None:
                path.append(parent[path[-1]])
            path.reverse()  # v … u
            return (u, *path[:-1]) if len(path) > 1 else (u,)
        for succ in successors.get(node, ()):
            if succ in members and succ not in parent:
                parent[succ] = node
                queue.append(succ)
    return None
