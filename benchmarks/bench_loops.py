"""Loop finding at workshop size and beyond, beside networkx.simple_cycles on the same budget.

Run:  python benchmarks/bench_loops.py [--budget SECONDS]
"""

from __future__ import annotations

import argparse
import random
import time

import networkx as nx

from ssm_studio.analysis import find_loops
from ssm_studio.model import CausalLink, Perspective, Project, Variable


def random_project(n: int, links_each: int, seed: int, perspectives: int = 3) -> Project:
    rng = random.Random(seed)
    project = Project(perspectives=[Perspective(name=f"P{i}") for i in range(perspectives)])
    variables = [Variable(name=f"Variable {i}") for i in range(n)]
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
    variables = [Variable(name=f"Variable {i}") for i in range(60)]
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--budget", type=float, default=2.0)
    budget = parser.parse_args().budget
    cases = [("workshop 60 × 90 claims", workshop_project())]
    for n, k in ((50, 2), (200, 2), (1_000, 2), (1_000, 3), (5_000, 2), (5_000, 3)):
        cases.append((f"random {n:,} × {k}", random_project(n, k, seed=n + k)))
    cases.append(("dense 30 × 6", random_project(30, 6, seed=6)))
    find_loops(cases[0][1])  # import networkx and warm up once
    print(f"time budget {budget} s; both stop at the budget or at {CAP:,} distinct cycles, whichever first")
    print("ours counts distinct cycles (a cycle listed as R and as B counts once); its time includes "
          "covering loops and labelling")
    print(f"{'diagram':<26} {'ours s':>7} {'/budget':>7} {'cycles':>7} {'complete':>9} {'up to len':>9} "
          f"{'stopped by':>12} | {'nx s':>6} {'nx cycles':>10} {'nx done':>8} | {'cycles/s ours:nx':>16}")
    for title, project in cases:
        started = time.perf_counter()
        report = find_loops(project, time_budget=budget, max_loops=CAP)
        ours = time.perf_counter() - started
        cycles = len({tuple(loop.variables) for loop in report.loops})
        nx_s, nx_n, nx_done = networkx_baseline(project, budget, None)
        rate = (cycles / max(ours, 1e-6)) / max(nx_n / max(nx_s, 1e-6), 1e-9)
        print(f"{title:<26} {ours:>7.3f} {ours / budget:>7.2f} {cycles:>7,} {str(report.complete):>9} "
              f"{report.complete_up_to_length:>9} {report.stopped_by or '-':>12} | {nx_s:>6.2f} {nx_n:>10,} "
              f"{str(nx_done):>8} | {rate:>15.2f}×")


if __name__ == "__main__":
    main()
