"""PRSM, the Participatory System Mapper: plain JSON and PRSM 2's LZ-String-compressed form.

PRSM links have no polarity field; teams use the link's label ("+", "-") or a link style
named for it ("Positive", "Increases"). Both are offered; the guess is the one that reads.
"""

from __future__ import annotations

from typing import Any

from ..errors import ImportProblem
from .foreign import ForeignLink, ForeignMap, ForeignNode
from .lz_string import LzStringError, decompress_from_utf16
from .polarity_words import guess_field, read_polarity
from .reading import load_json

LABEL, STYLE = "label", "link style"


def prsm_text(text: str, source: str) -> str:
    stripped = text.lstrip()
    if stripped.startswith("{"):
        return stripped
    try:
        return decompress_from_utf16(text)
    except (LzStringError, KeyError, IndexError):
        raise ImportProblem(f"{source} is neither PRSM's JSON nor its compressed form.") from None


def looks_like_prsm(data: Any) -> bool:
    return (isinstance(data, dict) and isinstance(data.get("nodes"), list)
            and isinstance(data.get("edges"), list) and "variables" not in data)


def _plain(note: Any) -> str:
    if isinstance(note, dict):  # a Quill delta: {"ops": [{"insert": "text"}, …]}
        return "".join(str(op.get("insert", "")) for op in note.get("ops", []) if isinstance(op, dict)).strip()
    return str(note or "").strip()


def read_prsm(text: str, source: str, polarity_field: str | None = None) -> ForeignMap:
    data = load_json(prsm_text(text, source), source)
    if not looks_like_prsm(data):
        raise ImportProblem(f"{source} is JSON but not a PRSM map: it has no 'nodes' and 'edges' lists.")
    fmap = ForeignMap(title=str(data.get("mapTitle") or ""), summary=_plain(data.get("description")))
    for node in data["nodes"]:
        if isinstance(node, dict) and node.get("id") is not None:
            x, y = node.get("x"), node.get("y")
            fmap.add_node(ForeignNode(str(node["id"]), str(node.get("label") or "").replace("\n", " "),
                                      float(x) if isinstance(x, (int, float)) else None,
                                      float(y) if isinstance(y, (int, float)) else None,
                                      _plain(node.get("note") or node.get("title"))))
    styles = (data.get("styles") or data.get("samples") or {}).get("edges") or {}
    edges = [e for e in data["edges"] if isinstance(e, dict)]
    rows = [{LABEL: e.get("label"),
             STYLE: (styles.get(e.get("grp")) or {}).get("groupLabel") if isinstance(styles, dict) else None}
            for e in edges]
    guessed, candidates = guess_field(rows)
    if polarity_field and polarity_field not in (LABEL, STYLE):
        raise ImportProblem(f"PRSM links keep polarity in their '{LABEL}' or their '{STYLE}'; "
                            f"'{polarity_field}' is neither.")
    field = polarity_field or guessed
    fmap.polarity_field, fmap.polarity_fields = field, candidates or [LABEL, STYLE]
    if field:
        fmap.notes.append(f"polarity read from each link's {field}")
    for edge, row in zip(edges, rows, strict=True):
        polarity = (read_polarity(row.get(field)) if field else None) or "?"
        fmap.links.append(ForeignLink(str(edge.get("from")), str(edge.get("to")), polarity,
                                      note=_plain(edge.get("note") or edge.get("title"))))
    return fmap
