"""``import``, ``merge`` and the other tools' formats of ``export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Export formats for other tools, by the output's extension (csv of the causal diagram is the
# link list; the stage tables' csv is in output_commands).
INTEROP_SUFFIXES = {".graphml": "graphml", ".gexf": "gexf", ".json": "kumu", ".mdl": "mdl", ".xmile": "xmile",
                    ".stmx": "xmile", ".dot": "dot", ".gv": "dot", ".xlsx": "xlsx", ".csv": "csv"}
INTEROP_EXPORTS = ("graphml", "gexf", "kumu", "mdl", "xmile", "dot", "csv", "xlsx")


def register(commands: argparse._SubParsersAction) -> None:
    importer = commands.add_parser(
        "import", help="make a project (or add perspectives to one) from other tools' files",
        description="Formats: Vensim .mdl, XMILE/Stella (.xmile .stmx .itmx), Kumu JSON, PRSM, "
                    "Decision Explorer .mdx, LOOPY, GraphML, GML, GEXF, DOT, sd-ai JSON, CSV and XLSX. "
                    "The format is found from the content and the extension.")
    importer.add_argument("files", nargs="+", metavar="FILE")
    where = importer.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", metavar="OUT.ssm", help="write a new project")
    where.add_argument("--into", metavar="PROJECT.ssm", help="add the files' perspectives to this project")
    importer.add_argument("--format", metavar="F", help="read every file as this format")
    importer.add_argument("--perspective", metavar="NAME",
                          help="perspective for claims the file assigns to none (default: the file's name)")
    importer.add_argument("--polarity-field", metavar="NAME",
                          help="Kumu, PRSM and graph files: the field that holds polarity")
    importer.set_defaults(run=run_import)

    merge = commands.add_parser("merge", help="gather participants' projects into one")
    merge.add_argument("files", nargs="+", metavar="FILE.ssm")
    merge.add_argument("-o", "--output", required=True, metavar="OUT.ssm")
    merge.set_defaults(run=run_merge)


def _gather(base, incoming: list[tuple[str, object, dict]]):
    from ..interop.merge import apply_plan, plan_merge

    lines = []
    for source, project, media in incoming:
        plan = plan_merge(base, project, source, media=media)
        base = apply_plan(base, plan)
        lines += plan.summary.lines()
    return base, lines


def run_import(options: argparse.Namespace) -> int:
    from ..interop.formats import import_file
    from ..storage import read_project, save_project

    results = []
    for name in options.files:
        result = import_file(name, options.format, options.perspective, options.polarity_field)
        print(f"{Path(name).name} ({result.format}): {result.describe()}", file=sys.stderr)
        results.append((Path(name).stem, result.project, {}))
    if options.into:
        loaded = read_project(options.into)
        base, media, target = loaded.project, loaded.media, options.into
    else:
        first = results.pop(0)
        base, media, target = first[1], {}, options.output
    project, lines = _gather(base, results)
    for line in lines:
        print(line, file=sys.stderr)
    save_project(target, project, media)
    print(f"Wrote {target}")
    return 0


def run_merge(options: argparse.Namespace) -> int:
    from ..storage import read_project, save_project

    loaded = [read_project(name) for name in options.files]  # all read before anything is written
    base = loaded[0]
    media = dict(base.media)
    incoming = []
    for name, other in zip(options.files[1:], loaded[1:], strict=True):
        incoming.append((Path(name).stem, other.project, other.media))
        media.update(other.media)
    project, lines = _gather(base.project, incoming)
    for line in lines:
        print(line)
    save_project(options.output, project, media)
    print(f"Wrote {options.output}")
    return 0


def run_interop_export(options: argparse.Namespace, fmt: str) -> int:
    from ..interop.formats import export_project
    from ..storage import read_project, write_bytes_atomically

    project = read_project(options.file).project
    data = export_project(project, fmt, options.perspective)
    write_bytes_atomically(options.output, data, keep_backup=False)
    print(f"Wrote {options.output}")
    return 0
