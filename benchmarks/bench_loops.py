"""Loop finding at workshop size and beyond, beside networkx.simple_cycles under the same
stopping rule (the same budget and the same cap on distinct cycles).

Run:  python benchmarks/bench_loops.py [--budget SECONDS]
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
import uuid

import networkx as nx

from ssm_studio.analysis import find_loops
from ssm_studio.analysis.cycles import Clock, enumerate_cycles
from ssm_studio.analysis.signed_graph import SignedGraph
from ssm_studio.gc_pause import gc_paused
from ssm_studio.model import CausalLink, Perspective, Project, Variable


def seeded_id(rng: random.Random) -> str:
    """Ids from the seed: both searches' times depend on the order of the ids (random ones
    made networkx's time vary 4× between runs of the same map)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def random_project(n: int, links_each: int, seed: int, perspectives: int = 3) -> Project:
    rng = random.Random(seed)
    project = Project(perspectives=[Perspective(name=f"P{i}") for i in range(perspectives)])
    variables = [Variable(name=f"Variable {i}", id=seeded_id(rng)) for i in range(n)]
    links = []
    for source in variables:
        for target in rng.sample(variables, links_each):
            links.append(CausalLink(source=source.id, target=target.id, polarity=rng.choice("+-+?"),
                                    perspective=rng.choice(project.perspectives).id))
    project.cld.variables, project.cld.links = variables, links
    return project


def workshop_project(seed: int = 11) -> Project:
    """60 variables and 90 claims: a few dozen loops, as real workshop maps have."""
    rng = random.Random(seed)
    project = Project(perspectives=[Perspective(name=f"P{i}") for i in range(4)])
    variables = [Variable(name=f"Variable {i}", id=seeded_id(rng)) for i in range(60)]
    links = []
    for _ in range(90):
        a = rng.randrange(60)
        b = (a + rng.choice([1, 1, 2, 3, -5, -9, 17])) % 60  # mostly local, some feedback
        links.append(CausalLink(source=variables[a].id, target=variables[b].id,
                                polarity=rng.choice("+-"), perspective=rng.choice(project.perspectives).id))
    project.cld.variables, project.cld.links = variables, links
    return project


CAP = 10_000  # ours lists at most this many loops by default; networkx stops there too


def networkx_baseline(project: Project, budget: float, length_bound: int | None) -> tuple[float, int, bool]:
    """networkx.simple_cycles under our stopping rule: the same time budget, the same cap."""
    graph = nx.DiGraph((lk.source, lk.target) for lk in project.cld.links)
    started = time.perf_counter()
    count, finished = 0, True
    for _ in nx.simple_cycles(graph, length_bound=length_bound):
        count += 1
        if count >= CAP or time.perf_counter() - started > budget:
            finished = False
            break
    return time.perf_counter() - started, count, finished


def enumeration_only(project: Project, budget: float) -> tuple[float, int, bool]:
    """Our cycle enumeration alone (what networkx.simple_cycles does), same budget and cap."""
    graph = SignedGraph(project)
    started = time.perf_counter()
    result = enumerate_cycles(graph.successors, sorted(graph.successors),
                              Clock(deadline=started + budget), None, CAP)
    cycles = result.cycles  # named, as networkx gives them: the naming is timed too
    return time.perf_counter() - started, min(len(cycles), CAP), result.complete


def median_run(run, times: int = 5):
    results = sorted((run() for _ in range(times)), key=lambda result: result[0])
    return results[times // 2]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=2.0)
    budget = parser.parse_args().budget
    cases = [("workshop 60 × 90 claims", workshop_project())]
    for n, k in ((50, 2), (200, 2), (1_000, 2), (1_000, 3), (5_000, 2), (5_000, 3)):
        cases.append((f"random {n:,} × {k}", random_project(n, k, seed=n + k)))
    cases.append(("dense 30 × 6", random_project(30, 6, seed=6)))
    find_loops(cases[0][1])  # import networkx and warm up once
    print(f"time budget {budget} s; every search stops at the budget or at {CAP:,} distinct cycles, "
          "whichever comes first")
    print()
    print("1. Enumeration beside networkx.simple_cycles (both list cycles; nothing else); medians of 5")
    print(f"{'diagram':<26} {'ours s':>7} {'cycles':>7} {'done':>6} | {'nx s':>6} {'nx cycles':>10} "
          f"{'nx done':>8} | {'cycles/s ours:nx':>16}")
    for title, project in cases:
        # Medians of 5 runs each; both run with the collector paused, as find_loops runs ours
        # (networkx's times with it on vary 3× from run to run on this 2-core machine).
        with gc_paused():
            ours_s, ours_n, ours_done = median_run(lambda p=project: enumeration_only(p, budget))
            nx_s, nx_n, nx_done = median_run(lambda p=project: networkx_baseline(p, budget, None))
        rate = (ours_n / max(ours_s, 1e-6)) / max(nx_n / max(nx_s, 1e-6), 1e-9)
        print(f"{title:<26} {ours_s:>7.3f} {ours_n:>7,} {str(ours_done):>6} | {nx_s:>6.3f} {nx_n:>10,} "
              f"{str(nx_done):>8} | {rate:>15.2f}×")
    print()
    print("2. The whole search the app runs: enumeration, covering loops, signs and labels "
          "(a cycle listed as R and as B counts once)")
    print(f"{'diagram':<26} {'s':>7} {'/budget':>7} {'cycles':>7} {'complete':>9} {'up to len':>9} "
          f"{'stopped by':>12}")
    for title, project in cases:
        started = time.perf_counter()
        report = find_loops(project, time_budget=budget, max_loops=CAP)
        ours = time.perf_counter() - started
        cycles = len({tuple(loop.variables) for loop in report.loops})
        print(f"{title:<26} {ours:>7.3f} {ours / budget:>7.2f} {cycles:>7,} {str(report.complete):>9} "
              f"{report.complete_up_to_length:>9} {report.stopped_by or '-':>12}")
    print()
    print("3. The budget is kept at any size (goal: never over budget + 10 %)")
    print(f"{'diagram':<26} " + " ".join(f"{f'{b} s':>9}" for b in (0.3, 1.0, 2.0)))
    for n, k in ((1_000, 3), (5_000, 3), (10_000, 3)):
        project = random_project(n, k, seed=n + k)
        ratios = []
        for limit in (0.3, 1.0, 2.0):
            started = time.perf_counter()
            find_loops(project, time_budget=limit, max_loops=CAP)
            ratios.append((time.perf_counter() - started) / limit)
        print(f"{f'random {n:,} × {k}':<26} " + " ".join(f"{r:>8.2f}×" for r in ratios))


if __name__ == "__main__":
    # Both searches visit vertices in an order that follows string hashes, and their times
    # move 2–3× with it: one fixed seed makes runs repeatable (the script restarts itself).
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.execve(sys.executable, [sys.executable, *sys.argv], {**os.environ, "PYTHONHASHSEED": "0"})
    main()
