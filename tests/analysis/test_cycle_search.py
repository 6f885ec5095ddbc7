"""The cycle search against networkx on maps large enough to use every shortcut: the half-depth
search back, trimming, passes that collect only longer cycles, and the cap."""

import gc
import random
import threading
import time

import networkx as nx
import pytest

from ssm_studio.analysis.cycles import Clock, enumerate_cycles
from ssm_studio.gc_pause import gc_paused


def random_graph(n: int, k: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)
    names = [f"v{i:03d}" for i in range(n)]
    return {a: rng.sample(names, k) for a in names}


def rotations(cycles) -> set[tuple[str, ...]]:
    out = set()
    for cycle in cycles:
        start = cycle.index(min(cycle))
        out.add(tuple(cycle[start:]) + tuple(cycle[:start]))
    return out


def networkx_cycles(successors, length_bound=None) -> set[tuple[str, ...]]:
    graph = nx.DiGraph((a, b) for a, targets in successors.items() for b in targets)
    return rotations(nx.simple_cycles(graph, length_bound=length_bound))


@pytest.mark.parametrize("n, k, seed, max_length", [
    (40, 2, 1, None), (40, 2, 2, None), (30, 3, 3, 11), (60, 2, 4, 14), (25, 4, 5, 9),
])
def test_every_cycle_is_found_once_beyond_the_full_depth_bound(n, k, seed, max_length):
    successors = random_graph(n, k, seed)
    expected = networkx_cycles(successors, max_length)
    assert len(expected) > 200  # large enough for passes beyond the full-depth bound
    result = enumerate_cycles(successors, sorted(successors), Clock(time.perf_counter() + 60),
                              max_length, max_cycles=10**6)
    assert result.complete
    assert rotations(result.cycles) == expected
    assert len(result.cycles) == len(expected)  # each cycle once, from one start


def test_a_complete_set_under_the_cap_is_complete():
    successors = random_graph(40, 2, 1)
    total = len(networkx_cycles(successors))
    clock = Clock(time.perf_counter() + 60)
    under = enumerate_cycles(successors, sorted(successors), clock, max_cycles=total)
    assert under.complete and len(under.cycles) == total
    over = enumerate_cycles(successors, sorted(successors), clock, max_cycles=total - 1)
    assert not over.complete and over.stopped_by == "loop cap"


def test_at_the_cap_every_cycle_up_to_the_promised_length_is_listed():
    successors = random_graph(50, 2, 52)
    result = enumerate_cycles(successors, sorted(successors), Clock(time.perf_counter() + 60),
                              max_cycles=3_000)
    assert result.stopped_by == "loop cap" and result.complete_up_to >= 6
    promised = networkx_cycles(successors, result.complete_up_to)
    assert promised <= rotations(result.cycles)
    assert len(result.cycles) == 3_001  # stops the moment it passes the cap


def test_collector_pause_nests_across_threads_and_restores_what_it_found():
    assert gc.isenabled()
    entered, release = threading.Event(), threading.Event()

    def worker():
        with gc_paused():
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    with gc_paused():
        thread.start()
        entered.wait(5)
    assert not gc.isenabled()  # the worker's pause is still open
    release.set()
    thread.join(5)
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that had turned it off keeps it off
    finally:
        gc.enable()


@pytest.mark.parametrize("n, k, seed, cap", [(50, 2, 52, 3_000), (40, 3, 7, 5_000), (30, 6, 6, 2_000)])
def test_at_the_cap_the_list_is_complete_up_to_the_longest_length_that_fits(n, k, seed, cap):
    successors = random_graph(n, k, seed)
    longest = 1  # the longest length whose cycles, with all shorter ones, fit under the cap
    while len(networkx_cycles(successors, longest + 1)) <= cap:
        longest += 1
    result = enumerate_cycles(successors, sorted(successors), Clock(time.perf_counter() + 60), max_cycles=cap)
    assert result.stopped_by == "loop cap" and not result.complete
    assert result.complete_up_to == longest  # the pass that met the cap came down to it
    assert networkx_cycles(successors, longest) <= rotations(result.cycles)
    assert len(result.cycles) == cap + 1  # filled with the shortest longer ones met


def test_hubs_are_searched_first():
    from ssm_studio.analysis.cycles import _Numbered

    successors = {"a": ["b"], "b": ["c", "hub"], "c": ["a", "hub"], "hub": ["a", "b", "c"]}
    numbered = _Numbered([["a", "b", "c", "hub"]], successors)
    assert numbered.names[0] == "hub"  # three in, three out: every later search is sparser
