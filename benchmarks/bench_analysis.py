"""Each analysis at 60, 1,000 and 5,000 variables (three claims each over four perspectives):
loops, loop-level comparison, causes tree, signed paths, sign-only prediction, archetypes,
leverage and loop hygiene. Seconds, one run each after a warm-up (they are deterministic).

Run:  python benchmarks/bench_analysis.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_canvas import diagram  # noqa: E402

from ssm_studio.analysis import causes_tree, compare_loops, find_loops, signed_paths  # noqa: E402
from ssm_studio.analysis.archetypes import find_archetypes  # noqa: E402
from ssm_studio.analysis.leverage import leverage  # noqa: E402
from ssm_studio.analysis.loop_hygiene import loop_hygiene  # noqa: E402
from ssm_studio.analysis.prediction import predict_press  # noqa: E402


def timed(run) -> str:
    started = time.perf_counter()
    run()
    return f"{time.perf_counter() - started:8.2f}"


def main() -> None:
    find_loops(diagram(60))  # imports and warm-up
    names = ["loops", "compare", "causes", "paths", "predict", "archetypes", "leverage", "hygiene"]
    print("seconds; loop-based analyses share a 2 s loop budget each")
    print(f"{'variables':>9} " + " ".join(f"{n:>10}" for n in names))
    for n in (60, 1_000, 5_000):
        project = diagram(n)
        first, other = project.cld.variables[0].id, project.cld.variables[n // 2].id
        runs = [
            lambda p=project: find_loops(p, time_budget=2.0),
            lambda p=project: compare_loops(p, time_budget=2.0),
            lambda p=project, v=first: causes_tree(p, v, depth=3),
            lambda p=project, a=first, b=other: signed_paths(p, a, b, max_length=6, time_budget=2.0),
            lambda p=project, v=first: predict_press(p, v, samples=100, time_budget=10.0),
            lambda p=project: find_archetypes(p, time_budget=2.0),
            lambda p=project: leverage(p, time_budget=2.0),
            lambda p=project: loop_hygiene(p, time_budget=2.0),
        ]
        print(f"{n:>9,} " + " ".join(f"{timed(run):>10}" for run in runs), flush=True)


if __name__ == "__main__":
    main()
