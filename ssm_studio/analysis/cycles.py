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

    The bound grows gently (4, 5, 6, 7, 8, 10, 12, 15, 18, 22, 27 …): the number of cycles
    can grow steeply with length, and a pass that doubled the bound (16 → 32) would hit the
    cap where one of 22 completes (World3: 8,346 loops up to length 22)."""
    result = Enumeration()
    components = [c for c in strongly_connected(successors, nodes)
                  if len(c) > 1 or c[0] in successors.get(c[0], ())]
    if not components:
        result.complete, result.complete_up_to = True, max_length or 0
        return result
    largest = max(len(c) for c in components)
    ceiling = largest if max_length is None else min(max_length, largest)
    bound = min(4, ceiling)
    while True:
        found: set[Cycle] = set()
        try:
            for component in components:
                _cycles_in_component(component, successors, bound, clock, found, max_cycles)
        except Interrupted:
            result.cycles |= found
            result.stopped_by = "cancelled" if clock.cancelled else "time budget"
            return result
        except _CapReached:
            result.cycles |= found  # with the last complete pass, so its promise still holds
            result.stopped_by = "loop cap"
            return result
        result.cycles = found
        result.complete_up_to = bound if bound < ceiling or max_length is not None else largest
        if bound >= ceiling:
            result.complete = True
            return result
        bound = min(bound + max(1, bound // 4), ceiling)


class _CapReached(Exception):
    pass


def _cycles_in_component(component: list[str], successors: Adjacency, bound: int,
                         clock: Clock, found: set[Cycle], max_cycles: int) -> None:
    """Cycles of at most ``bound`` vertices, each found once from its lowest-ranked vertex.

    From each start s only higher-ranked vertices are used, and a step to y is taken only if
    y can still get back to s within the bound (distances from a reverse breadth-first
    search), so the search never wanders where no cycle can close.
    """
    rank = {node: i for i, node in enumerate(component)}
    predecessors: dict[str, list[str]] = {}
    for node in component:
        for succ in successors.get(node, ()):
            if succ in rank:
                predecessors.setdefault(succ, []).append(node)
    ticks = 0
    for start in component:
        floor = rank[start]
        # Distance from each allowed vertex back to start, within the bound.
        distance = {start: 0}
        frontier = [start]
        for depth in range(1, bound):
            following = []
            for node in frontier:
                for pred in predecessors.get(node, ()):
                    if rank[pred] > floor and pred not in distance:
                        distance[pred] = depth
                        following.append(pred)
            frontier = following
            if not frontier:
                break
        path = [start]
        on_path = {start}
        stack = [iter(successors.get(start, ()))]
        while stack:
            ticks += 1
            if ticks & 1023 == 0:
                clock.check()
            advanced = False
            for succ in stack[-1]:
                if succ == start:
                    found.add(tuple(path))
                    if len(found) > max_cycles:
                        raise _CapReached
                    continue
                far = distance.get(succ)
                if far is None or succ in on_path or len(path) + far > bound:
                    continue
                path.append(succ)
                on_path.add(succ)
                stack.append(iter(successors.get(succ, ())))
                advanced = True
                break
            if not advanced:
                stack.pop()
                on_path.discard(path.pop())


def covering_cycles(successors: Adjacency, nodes: list[str], shortest_until: float) -> list[Cycle]:
    """Cycles that together use every edge lying on any cycle.

    Until ``shortest_until`` each uncovered edge u→v gets a shortest cycle (a breadth-first
    search from v back to u); after that, a fast fallback joins two search trees through a
    root of the component, which still gives a simple cycle through the edge in time
    proportional to its length. This is the safety net, so it always runs to the end.
    """
    cycles: list[Cycle] = []
    covered: set[tuple[str, str]] = set()
    for component in strongly_connected(successors, nodes):
        members = set(component)
        if len(component) == 1:
            node = component[0]
            if node in successors.get(node, ()):
                cycles.append((node,))
            continue
        edges = [(u, v) for u in component for v in successors.get(u, ()) if v in members]
        out_parent, in_next = _search_trees(component[0], successors, members)
        for u, v in edges:
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
    return cycles


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
