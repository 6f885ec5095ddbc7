"""``report`` and ``export``: the comparison pack and diagrams, with or without a display."""

from __future__ import annotations

import argparse
import sys

from .analysis_commands import chosen_perspectives
from .interop_commands import INTEROP_EXPORTS, INTEROP_SUFFIXES, run_interop_export
from .lazy import open_any

EXPORT_VIEWS = ("cld", "rich-picture", "actions", "comparison")
TABLE_VIEWS = ("actions", "comparison")


def register(commands: argparse._SubParsersAction) -> None:
    report = commands.add_parser("report", help="build the perspective comparison pack (PDF, or Word for .docx)")
    report.add_argument("file", metavar="FILE")
    report.add_argument("-o", "--output", required=True, metavar="OUT.pdf|OUT.docx",
                        help="the format follows the suffix: .pdf to print, .docx to edit in Word")
    report.add_argument("--perspective", action="append", metavar="NAME", help="include these (repeat; default all)")
    report.add_argument("--paper", choices=("a4", "letter"), default="a4")
    report.add_argument("--landscape", action="store_true", help="landscape pages throughout")
    report.add_argument("--a3-overlay", action="store_true", help="the overlay of every perspective on an A3 page")
    report.add_argument("--sections", metavar="LIST",
                        help="comma-separated: summary,situation,perspectives,comparison,loops,stage5,actions,appendix")
    report.add_argument("--storyline", metavar="NAME", help="append this storyline's handout to the pack")
    report.set_defaults(run=run_report)
    handout = commands.add_parser("handout", help="a storyline as a handout of captioned frames (PDF, or Word "
                                                  "for .docx)")
    handout.add_argument("file", metavar="FILE")
    handout.add_argument("-o", "--output", required=True, metavar="OUT.pdf|OUT.docx")
    handout.add_argument("--storyline", metavar="NAME", help="which storyline (default: the first)")
    handout.set_defaults(run=run_handout)

    export = commands.add_parser(
        "export", help="export a diagram as PNG, SVG or PDF, or for other tools",
        description="Pictures: png, svg, pdf. For other tools (the causal diagram): graphml, kumu "
                    "(JSON), mdl (Vensim), xmile, dot, csv (link list), xlsx. Stage tables: csv.")
    export.add_argument("file", metavar="FILE")
    export.add_argument("-o", "--output", required=True, metavar="OUT")
    export.add_argument("--view", choices=EXPORT_VIEWS, default="cld")
    export.add_argument("--format", choices=("png", "svg", "pdf", *INTEROP_EXPORTS),
                        help="default: from the output's extension")
    export.add_argument("--perspective", action="append", metavar="NAME", help="draw only these (repeat)")
    export.add_argument("--dpi", type=int, default=150, help="for PNG (default 150)")
    export.set_defaults(run=run_export)


def _progress(fraction: float, message: str) -> None:
    print(f"\r{int(fraction * 100):3d}%  {message:<40}", end="", file=sys.stderr, flush=True)


def run_report(options: argparse.Namespace) -> int:
    from ..report import PackOptions, build_pack
    from ..report.pack import SECTIONS

    opened = open_any(options.file)
    project = opened.project
    sections = set(SECTIONS)
    if options.sections:
        sections = {s.strip() for s in options.sections.split(",") if s.strip()}
        unknown = sections - set(SECTIONS)
        if unknown:
            print(f"ssm-studio report: unknown section {', '.join(sorted(unknown))} "
                  f"(choose from {', '.join(SECTIONS)})", file=sys.stderr)
            return 2
    chosen = chosen_perspectives(project, options.perspective)
    if options.storyline is not None:
        from ..report.handout import choose_storyline

        choose_storyline(project, options.storyline)  # a wrong name is said before any work
    path = build_pack(project, options.output, PackOptions(chosen, sections, options.paper, options.landscape,
                                                           options.a3_overlay, options.storyline),
                      progress=_progress, media=opened.media)
    print(file=sys.stderr)
    print(f"Wrote {path}")
    return 0


def run_handout(options: argparse.Namespace) -> int:
    from ..report.handout import build_handout

    opened = open_any(options.file)
    path = build_handout(opened.project, options.output, options.storyline, opened.media, progress=_progress)
    print(file=sys.stderr)
    print(f"Wrote {path}")
    return 0


def _export_table(options: argparse.Namespace, fmt: str) -> int:
    from ..interop.csv_tables import actions_csv, comparison_csv
    from ..storage import write_bytes_atomically

    if fmt != "csv":
        print(f"ssm-studio export: the {options.view} view exports as csv", file=sys.stderr)
        return 2
    project = open_any(options.file).project
    text = (actions_csv if options.view == "actions" else comparison_csv)(project)
    # utf-8-sig: Excel then reads accented names and "→" correctly.
    write_bytes_atomically(options.output, text.encode("utf-8-sig"), keep_backup=False)
    print(f"Wrote {options.output}")
    return 0


def run_export(options: argparse.Namespace) -> int:
    from pathlib import Path

    suffix = Path(options.output).suffix.lower()
    fmt = options.format or INTEROP_SUFFIXES.get(suffix) or suffix.lstrip(".")
    if options.view in TABLE_VIEWS:
        return _export_table(options, "csv" if suffix == ".csv" and not options.format else fmt)
    if fmt in INTEROP_EXPORTS:
        if options.view != "cld":
            print(f"ssm-studio export: {fmt} carries the causal diagram; use --view cld", file=sys.stderr)
            return 2
        return run_interop_export(options, fmt)
    from ..render.export import cld_scene, rich_picture_scene, write
    from ..render.qt_app import ensure_application

    if fmt not in ("png", "svg", "pdf"):
        print("ssm-studio export: say --format png, svg or pdf (or use that extension)", file=sys.stderr)
        return 2
    if not 30 <= options.dpi <= 1200:
        print("ssm-studio export: --dpi must be between 30 and 1200", file=sys.stderr)
        return 2
    opened = open_any(options.file)
    project = opened.project
    chosen = chosen_perspectives(project, options.perspective)
    ensure_application()
    shown = set(chosen) if chosen else None
    scene = rich_picture_scene(project, shown, opened.media) if options.view == "rich-picture" \
        else cld_scene(project, shown)
    try:
        path = write(scene, options.output, fmt, options.dpi, title=project.metadata.title)
    except ValueError as error:  # a picture too large to draw; write errors are SsmErrors
        print(f"ssm-studio export: could not export '{options.output}': {error}", file=sys.stderr)
        return 1
    finally:
        scene.close()
    print(f"Wrote {path}")
    return 0
