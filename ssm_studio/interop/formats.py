"""Every foreign format by name: how it is recognised, read and written.

The format is found from the file's content first (a .json may be Kumu, PRSM or sd-ai) and
its extension second; a format the user names that does not fit says what it expected.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from ..errors import ImportProblem, SsmError
from ..model import Project
from .foreign import ForeignMap, ImportResult, build_project
from .reading import decode, read_bytes
from .selection import Selection, select


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    extensions: tuple[str, ...]
    expects: str  # what a file of this format looks like, for the message when it does not
    read: Callable[[bytes, str, str | None], ForeignMap] | None = None
    write: Callable[[Selection], bytes] | None = None
    chooses_polarity: bool = False  # the user may pick which field holds polarity


def _text(reader):
    return lambda data, source, field: reader(decode(data), source, field)


def _no_field(reader, text: bool = True):
    if text:
        return lambda data, source, _field: reader(decode(data), source)
    return lambda data, source, _field: reader(data, source)


def _formats() -> dict[str, Format]:
    from . import decision_explorer, graph_files, kumu, prsm, small_formats, vensim, workbook, xmile
    from .vensim_writer import write_mdl

    return {f.name: f for f in (
        Format("mdl", "Vensim model", (".mdl",), "a Vensim .mdl with a sketch section",
               _no_field(vensim.read_mdl), lambda s: write_mdl(s).encode("utf-8")),
        Format("xmile", "XMILE / Stella / iThink", (".xmile", ".stmx", ".itmx", ".xml"),
               "XML whose root element is <xmile>", _no_field(xmile.read_xmile, text=False), xmile.write_xmile),
        Format("kumu", "Kumu JSON", (".json",), "JSON with 'elements' and 'connections' lists",
               _text(kumu.read_kumu), kumu.write_kumu, chooses_polarity=True),
        Format("prsm", "PRSM map", (".prsm",), "PRSM's JSON (or compressed) map with 'nodes' and 'edges'",
               _text(prsm.read_prsm), None, chooses_polarity=True),
        Format("mdx", "Decision Explorer", (".mdx",), "XML with <model> and <concepts>",
               _no_field(decision_explorer.read_mdx, text=False)),
        Format("loopy", "LOOPY", (".loopy",), "a LOOPY link with ?data= or a saved .loopy file",
               _no_field(small_formats.read_loopy)),
        Format("sd-ai", "sd-ai JSON", (".json",), "JSON with a 'relationships' list",
               _no_field(small_formats.read_sd_ai)),
        Format("graphml", "GraphML", (".graphml",), "XML whose root element is <graphml>",
               lambda d, s, f: graph_files.read_graphml(d, s, f), graph_files.write_graphml, chooses_polarity=True),
        Format("gexf", "GEXF (Gephi)", (".gexf",), "XML whose root element is <gexf>",
               lambda d, s, f: graph_files.read_gexf(d, s, f), graph_files.write_gexf, chooses_polarity=True),
        Format("gml", "GML", (".gml",), "text starting 'graph ['", _text(graph_files.read_gml),
               None, chooses_polarity=True),
        Format("dot", "Graphviz DOT", (".dot", ".gv"), "text starting 'digraph {'",
               _text(graph_files.read_dot), graph_files.write_dot, chooses_polarity=True),
        Format("csv", "CSV link list", (".csv",), "a first row naming from, to and polarity",
               None, workbook.write_csv),
        Format("xlsx", "Excel workbook", (".xlsx",), "an .xlsx workbook with a 'links' sheet",
               _no_field(workbook.read_xlsx, text=False), workbook.write_xlsx),
    )}


_CACHE: dict[str, Format] = {}


def formats() -> dict[str, Format]:
    if not _CACHE:
        _CACHE.update(_formats())
    return _CACHE


def import_names() -> list[str]:
    return [name for name, f in formats().items() if f.read is not None or name == "csv"]


def export_names() -> list[str]:
    return [name for name, f in formats().items() if f.write is not None]


def sniff(data: bytes, suffix: str) -> str | None:
    """The format the content says it is, or None if it does not say."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"PK") and suffix in (".xlsx", ""):
        try:
            with zipfile.ZipFile(BytesIO(data)) as archive:
                if any(n.startswith("xl/") for n in archive.namelist()):
                    return "xlsx"
        except zipfile.BadZipFile:
            return None
    text = decode(data[:65536]).lstrip()
    lowered = text[:4096].lower()
    if text.startswith("<"):
        for tag, name in (("<xmile", "xmile"), ("<graphml", "graphml"), ("<gexf", "gexf"), ("<concepts", "mdx")):
            if tag in lowered:
                return name
        return None
    if "\\\\\\---///" in text or lowered.startswith("{utf-8}"):
        return "mdl"
    if text.startswith("{"):
        probe = decode(data)  # the telling keys may come after megabytes of elements
        if '"relationships"' in probe:
            return "sd-ai"
        if '"elements"' in probe and '"connections"' in probe:
            return "kumu"
        if '"nodes"' in probe and '"edges"' in probe:
            return "prsm"
        return None
    if lowered.startswith(("digraph", "graph {", "strict digraph")) or lowered.startswith("graph") and "{" in lowered[:200]:
        return "dot"
    if lowered.startswith(("graph [", "graph\n[", "creator")) or "\ngraph [" in lowered[:2048]:
        return "gml"
    from .small_formats import looks_like_loopy

    if looks_like_loopy(text[:65536]):
        return "loopy"
    if suffix == ".prsm":
        return "prsm"  # PRSM 2 compresses its maps: nothing readable to sniff
    return None


def detect(path: Path, data: bytes, named: str | None = None) -> str:
    suffix = path.suffix.lower()
    found = sniff(data, suffix)
    if named:
        wanted = formats().get(named)
        if wanted is None:
            raise SsmError(f"Unknown format '{named}' (choose from {', '.join(import_names())}).")
        if found and found != named:
            raise ImportProblem(f"'{path.name}' does not look like {wanted.label}: that is "
                                f"{wanted.expects}. It looks like {formats()[found].label}.")
        return named
    if found:
        return found
    by_suffix = [f.name for f in formats().values() if suffix in f.extensions]
    if suffix == ".csv":
        return "csv"
    if len(by_suffix) == 1:
        return by_suffix[0]
    known = ", ".join(sorted({e for f in formats().values() for e in f.extensions}))
    raise ImportProblem(f"SSM Studio cannot open '{path.name}': its content matches no format it "
                        f"reads. It opens .ssm projects and imports {known}.")


def import_file(path: str | Path, fmt: str | None = None, perspective: str | None = None,
                polarity_field: str | None = None) -> ImportResult:
    """A new project from one foreign file; nothing is written anywhere."""
    path = Path(path)
    data = read_bytes(path)
    name = detect(path, data, fmt)
    source = f"'{path.name}'"
    perspective = perspective or path.stem
    if name == "csv":
        from .csv_links import links_from_csv_text

        project = links_from_csv_text(decode(data), source, perspective, title=path.stem)
        return ImportResult(project, "csv", [], [p.name for p in project.perspectives])
    chosen = formats()[name]
    if polarity_field and not chosen.chooses_polarity:
        raise SsmError(f"{chosen.label} files say their polarity themselves; --polarity-field is for "
                       "Kumu, PRSM and general graph files.")
    if chosen.read is None:
        raise ImportProblem(f"{source}: SSM Studio cannot read {chosen.label} files, only write them.")
    try:
        fmap = chosen.read(data, source, polarity_field)
    except RecursionError:
        raise ImportProblem(f"{source} is nested too deeply to read.") from None
    fmap.title = fmap.title or path.stem
    return build_project(fmap, perspective, source, name)


def export_project(project: Project, fmt: str, perspectives: list[str] | None = None) -> bytes:
    chosen = formats().get(fmt)
    if chosen is None or chosen.write is None:
        raise SsmError(f"Cannot export to '{fmt}' (choose from {', '.join(export_names())}).")
    return chosen.write(select(project, perspectives))
