"""Import and export of a 1,000-variable, 3,000-link map in each format, beside the floor:
the time to merely parse the same file with the standard parser for its kind (json.loads,
ElementTree, csv, openpyxl, a split into lines and fields for Vensim), the garbage collector
off for the floor as it would run in the best case.

Import is the whole of ``import_file``: reading the file, parsing, building and validating
the project, and matching loop labels. Positions are in every file, so no layout runs.

A second table runs over every real or hand-made model file in ``tests/fixtures`` and
``../shared/corpus``: imported or refused (and why), claims, how many carry a sign and how
many of those signs were inferred from the equations, and the import's time against the
same plain parse.

Run:  python benchmarks/bench_interop.py [--variables 1000] [--links 3000] [--models-only]
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import json
import random
import statistics
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

from ssm_studio.interop.formats import export_project, import_file
from ssm_studio.model import CausalLink, Perspective, Project, Variable, style_for_index

SUFFIX = {"graphml": ".graphml", "gexf": ".gexf", "kumu": ".json", "mdl": ".mdl", "xmile": ".xmile", "dot": ".dot",
          "csv": ".csv", "xlsx": ".xlsx"}


def make_project(variables: int, links: int, seed: int = 7) -> Project:
    rng = random.Random(seed)
    perspectives = [Perspective(name=f"Participant {i}", colour=style_for_index(i)[0], dash=style_for_index(i)[1])
                    for i in range(4)]
    side = int(variables ** 0.5) + 1
    nodes = [Variable(name=f"Variable {i}", x=(i % side) * 200.0, y=(i // side) * 120.0) for i in range(variables)]
    seen, claims = set(), []
    while len(claims) < links:
        a, b = rng.sample(range(variables), 2)
        owner = rng.choice(perspectives)
        if (a, b, owner.id) in seen:
            continue
        seen.add((a, b, owner.id))
        claims.append(CausalLink(source=nodes[a].id, target=nodes[b].id, perspective=owner.id,
                                 polarity=rng.choice("+-"), delay=rng.random() < 0.1, note="workshop 3"))
    project = Project(perspectives=perspectives)
    project.cld.variables, project.cld.links = nodes, claims
    return Project.model_validate(project.model_dump())


def timed(fn, repeat: int, gc_off: bool = False) -> float:
    times = []
    for _ in range(repeat):
        if gc_off:
            gc.disable()
        start = time.perf_counter()
        try:
            fn()
        finally:
            times.append(time.perf_counter() - start)
            gc.enable()
    return statistics.median(times)


def floor(fmt: str, data: bytes):
    """The plain parse of the same bytes, no meaning taken from it."""
    if fmt == "kumu":
        return lambda: json.loads(data)
    if fmt in ("graphml", "gexf", "xmile"):
        return lambda: ET.fromstring(data)
    if fmt == "csv":
        return lambda: list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    if fmt == "mdl":
        return lambda: [line.split(",") for line in data.decode("utf-8").splitlines()]
    if fmt == "dot":
        import pygraphviz

        return lambda: pygraphviz.AGraph(string=data.decode("utf-8"))
    if fmt == "xlsx":
        from openpyxl import load_workbook

        def read() -> None:
            book = load_workbook(io.BytesIO(data), read_only=True)
            for sheet in book.worksheets:
                for _row in sheet.iter_rows(values_only=True):
                    pass
            book.close()
        return read
    raise ValueError(fmt)


HERE = Path(__file__).resolve().parent.parent
MODEL_FOLDERS = [HERE / "tests" / "fixtures", HERE.parent / "shared" / "corpus"]
# Each model file's plain parse (floor below): a split into lines for .mdl, JSON, else XML.
FLOOR_OF = {".mdl": "mdl", ".xmile": "xmile", ".stmx": "xmile", ".itmx": "xmile", ".json": "kumu",
            ".mdx": "xmile"}


def model_table(repeat: int) -> None:
    from ssm_studio.errors import SsmError
    from ssm_studio.interop.polarity import INFERRED_NOTE

    # tests/fixtures/corpus is a copy of the shared corpus: each file's bytes counted once
    by_content = {p.read_bytes(): p for folder in reversed(MODEL_FOLDERS) if folder.exists()
                  for p in sorted(folder.rglob("*")) if p.suffix in FLOOR_OF}
    files = sorted(by_content.values())
    print(f"\n# every model file in tests/fixtures and ../shared/corpus ({len(files)}); median of {repeat} runs\n")
    print(f"{'file':<52} {'result':<9} {'claims':>6} {'signed':>6} {'inferred':>8} {'import ms':>10} "
          f"{'floor ms':>9}")
    totals = {"imported": 0, "refused": 0, "claims": 0, "signed": 0, "inferred": 0}
    for path in files:
        name = str(path.relative_to(HERE)) if HERE in path.parents else "../" + str(path.relative_to(HERE.parent))
        data = path.read_bytes()
        try:
            result = import_file(path)
        except SsmError as error:
            totals["refused"] += 1
            print(f"{name[-52:]:<52} refused   {str(error)[:60]}")
            continue
        links = result.project.cld.links
        signed = sum(1 for lk in links if lk.polarity != "?")
        inferred = sum(1 for lk in links if INFERRED_NOTE in lk.note)
        import_ms = timed(lambda p=path: import_file(p), repeat) * 1000
        floor_ms = timed(floor(FLOOR_OF[path.suffix], data), repeat, gc_off=True) * 1000
        totals["imported"] += 1
        totals["claims"] += len(links)
        totals["signed"] += signed
        totals["inferred"] += inferred
        print(f"{name[-52:]:<52} imported  {len(links):>6} {signed:>6} {inferred:>8} {import_ms:>10.1f} "
              f"{floor_ms:>9.2f}")
    print(f"\n{totals['imported']} imported, {totals['refused']} refused; {totals['claims']} claims, "
          f"{totals['signed']} signed ({totals['inferred']} of them inferred from equations)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--variables", type=int, default=1000)
    parser.add_argument("--links", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--models-only", action="store_true", help="only the table of real model files")
    options = parser.parse_args()
    if options.models_only:
        model_table(options.repeat)
        return
    project = make_project(options.variables, options.links)
    print(f"# {options.variables:,} variables, {options.links:,} links, 4 perspectives; median of "
          f"{options.repeat} runs\n")
    print(f"{'format':<8} {'size KB':>8} {'export ms':>10} {'import ms':>10} {'floor ms':>9} {'import/floor':>13}")
    with tempfile.TemporaryDirectory() as folder:
        for fmt, suffix in SUFFIX.items():
            export_ms = timed(lambda f=fmt: export_project(project, f), options.repeat) * 1000
            data = export_project(project, fmt)
            path = Path(folder) / f"map{suffix}"
            path.write_bytes(data)
            result = import_file(path)
            assert len(result.project.cld.links) == options.links, (fmt, len(result.project.cld.links))
            import_ms = timed(lambda p=path: import_file(p), options.repeat) * 1000
            floor_ms = timed(floor(fmt, data), options.repeat, gc_off=True) * 1000
            print(f"{fmt:<8} {len(data) / 1024:>8.0f} {export_ms:>10.1f} {import_ms:>10.1f} {floor_ms:>9.1f} "
                  f"{import_ms / floor_ms:>12.1f}×")
    model_table(options.repeat)


if __name__ == "__main__":
    main()
