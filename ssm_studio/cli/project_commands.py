"""``validate``, ``info``, ``components`` and ``examples``: the project file from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from ..errors import SsmError
from .lazy import open_any

if TYPE_CHECKING:
    from ..model import Project


def register(commands: argparse._SubParsersAction) -> None:
    validate = commands.add_parser("validate", help="check that project files can be opened")
    validate.add_argument("files", nargs="+", metavar="FILE")
    validate.set_defaults(run=run_validate)

    info = commands.add_parser("info", help="summarise a project")
    info.add_argument("file", metavar="FILE")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    info.set_defaults(run=run_info)

    parts = commands.add_parser("components", help="versions and licences of everything SSM Studio bundles")
    parts.add_argument("--json", action="store_true", help="print one JSON object")
    parts.set_defaults(run=run_components)

    listing = commands.add_parser("examples", help="list the example projects that come with SSM Studio")
    listing.add_argument("--json", action="store_true", help="print one JSON object")
    listing.set_defaults(run=run_examples)


def run_components(options: argparse.Namespace) -> int:
    from ..app.about import component_rows

    rows = component_rows()
    if options.json:
        print(json.dumps({"components": [dict(zip(("name", "version", "for", "licence"), row, strict=True))
                                         for row in rows]}, indent=2))
        return 0
    for name, ver, purpose, licence in rows:
        print(f"{name:<24} {ver:<10} {licence:<30} {purpose}")
    return 0


def run_examples(options: argparse.Namespace) -> int:
    from ..bundled import examples

    found = examples()
    if options.json:
        print(json.dumps({"examples": [{"path": str(e.path), "title": e.title, "summary": e.summary}
                                       for e in found]}, indent=2, ensure_ascii=False))
        return 0
    for example in found:
        print(f"{example.title}\n  {example.path}")
    return 0


def run_validate(options: argparse.Namespace) -> int:
    bad = 0
    for name in options.files:
        try:
            loaded = open_any(name)
        except SsmError as error:
            bad += 1
            print(f"{name}: {_one_line(str(error))}", file=sys.stderr)
            continue
        for warning in loaded.warnings:
            print(f"{name}: warning: {warning}", file=sys.stderr)
    return 1 if bad else 0


def _one_line(message: str) -> str:
    return " ".join(message.split())


def summarise(project: Project) -> dict:
    links_of: dict[str, int] = {}
    for link in project.cld.links:
        links_of[link.perspective] = links_of.get(link.perspective, 0) + 1
    rds_of: dict[str, int] = {}
    for rd in project.root_definitions:
        rds_of[rd.perspective] = rds_of.get(rd.perspective, 0) + 1
    return {
        "title": project.metadata.title,
        "format_version": project.format_version,
        "perspectives": [
            {"name": p.name, "links": links_of.get(p.id, 0), "root_definitions": rds_of.get(p.id, 0)}
            for p in project.perspectives
        ],
        "counts": {
            "variables": len(project.cld.variables),
            "stocks": sum(1 for v in project.cld.variables if v.kind == "stock"),
            "flows": sum(1 for v in project.cld.variables if v.kind == "flow"),
            "links": len(project.cld.links),
            "rich_picture_items": len(project.rich_picture.items),
            "root_definitions": len(project.root_definitions),
            "conceptual_models": len(project.conceptual_models),
            "actions": len(project.actions),
        },
    }


def run_info(options: argparse.Namespace) -> int:
    summary = summarise(open_any(options.file).project)
    if options.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    counts = summary["counts"]
    print(f"{summary['title']}  (file format {summary['format_version']})")
    print(f"Perspectives: {len(summary['perspectives'])}")
    for p in summary["perspectives"]:
        print(f"  - {p['name']}: {_count(p['links'], 'causal claim')}, "
              f"{_count(p['root_definitions'], 'root definition')}")
    for key, value in counts.items():
        print(f"{key.replace('_', ' ').capitalize()}: {value}")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
