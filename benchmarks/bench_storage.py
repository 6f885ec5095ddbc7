"""Time to save and load projects of growing size, beside plain json.loads (the floor).

Run:  python benchmarks/bench_storage.py
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from ssm_studio.model import (
    CausalLink,
    Perspective,
    Project,
    StencilFigure,
    Stroke,
    Variable,
    style_for_index,
)
from ssm_studio.storage import read_project, save_project


def make_project(n: int, seed: int = 1) -> Project:
    rng = random.Random(seed)
    perspectives = [Perspective(name=f"Perspective {i}", colour=style_for_index(i)[0]) for i in range(5)]
    variables = [Variable(name=f"Variable {i}", x=rng.uniform(0, 5000), y=rng.uniform(0, 5000))
                 for i in range(n)]
    links = [CausalLink(source=rng.choice(variables).id, target=rng.choice(variables).id,
                        perspective=rng.choice(perspectives).id, polarity=rng.choice("+-?"),
                        note="evidence from the workshop") for _ in range(n)]
    items = [StencilFigure(stencil="person", x=i, y=i, label=f"Person {i}") for i in range(n // 2)]
    items += [Stroke(points=[(j, j * 0.5) for j in range(20)]) for _ in range(n // 2)]
    project = Project(perspectives=perspectives)
    project.cld.variables, project.cld.links = variables, links
    project.rich_picture.items = items
    return project


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if repeat < 3 else statistics.median(times)


def loads_without_gc(raw: bytes):
    """The floor: parsing the same JSON with the garbage collector off, as it would run in
    the best case (with gc on, its collections of the new objects inflate it 1.5–1.8×)."""
    gc.disable()
    try:
        return json.loads(raw)
    finally:
        gc.enable()


def main() -> None:
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for n in (100, 1_000, 10_000):
            project = make_project(n)
            path = Path(folder) / f"p{n}.ssm"
            save_s = best_of(lambda p=path, pr=project: save_project(p, pr, keep_backup=False), 5)
            load_s = best_of(lambda p=path: read_project(p), 5)
            with zipfile.ZipFile(path) as archive:
                raw = archive.read("project.json")
            floor_s = best_of(lambda r=raw: loads_without_gc(r), 5)
            rows.append((n, path.stat().st_size, len(raw), save_s, load_s, floor_s))
    print(f"Python {sys.version.split()[0]}; each time is the median of 5 runs")
    print(f"{'variables+links':>16} {'file KB':>8} {'json KB':>8} {'save ms':>8} {'load ms':>8} "
          f"{'json.loads ms (gc off)':>23} {'load/floor':>11}")
    for n, size, raw, save_s, load_s, floor_s in rows:
        print(f"{n:>16,} {size / 1024:>8.0f} {raw / 1024:>8.0f} {save_s * 1e3:>8.1f} {load_s * 1e3:>8.1f} "
              f"{floor_s * 1e3:>23.1f} {load_s / floor_s:>10.2f}×")


if __name__ == "__main__":
    main()
