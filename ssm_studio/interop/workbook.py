"""Spreadsheets: an XLSX workbook with a links sheet (and optionally a variables sheet with
positions) in and out, and the CSV link list out (the CSV reader is csv_links)."""

from __future__ import annotations

import csv
import io
import zipfile

from ..errors import ImportProblem
from .foreign import ForeignLink, ForeignMap, ForeignNode
from .polarity_words import read_polarity
from .selection import Selection

LINK_COLUMNS = ("from", "to", "polarity", "delay", "perspective", "note")
VARIABLE_COLUMNS = ("name", "x", "y", "note")
_TRUE = {"1", "yes", "y", "true", "t", "delay", "delayed"}
MAX_CELLS = 5_000_000


def read_xlsx(data: bytes, source: str) -> ForeignMap:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportProblem(f"{source} is not a readable Excel workbook ({error}).") from None
    try:
        sheets = {ws.title.strip().lower(): ws for ws in book.worksheets}
        links = sheets.get("links") or book.worksheets[0]
        rows = _rows(links, source)
        header = [str(c or "").strip().lower() for c in rows[0]] if rows else []
        missing = [c for c in ("from", "to") if c not in header]
        if missing:
            raise ImportProblem(f"{source}: the sheet '{links.title}' needs columns 'from' and 'to' in its "
                                "first row (and optionally polarity, delay, perspective, note).")
        col = {name: header.index(name) for name in LINK_COLUMNS if name in header}
        fmap = ForeignMap(title="")

        def cell(row, name: str) -> str:
            i = col.get(name)
            return str(row[i]).strip() if i is not None and i < len(row) and row[i] is not None else ""

        unreadable = []
        for number, row in enumerate(rows[1:], start=2):
            a, b = cell(row, "from"), cell(row, "to")
            if not a and not b:
                continue
            polarity_text = cell(row, "polarity")
            polarity = read_polarity(polarity_text) or ("?" if polarity_text in ("", "?", "unknown") else None)
            if polarity is None:
                unreadable.append(f"row {number}: polarity '{polarity_text[:20]}' read as '?'")
            for name in (a, b):
                if name:
                    fmap.add_node(ForeignNode(name.casefold(), name))
            fmap.links.append(ForeignLink(a.casefold(), b.casefold(), polarity or "?",
                                          cell(row, "delay").lower() in _TRUE, cell(row, "note"),
                                          cell(row, "perspective") or None))
        fmap.notes += unreadable[:10]
        if "variables" in sheets:
            _variables(sheets["variables"], fmap, source)
        return fmap
    finally:
        book.close()


def _rows(sheet, source: str) -> list[tuple]:
    rows, cells = [], 0
    for row in sheet.iter_rows(values_only=True):
        cells += len(row)
        if cells > MAX_CELLS:
            raise ImportProblem(f"{source}: the sheet '{sheet.title}' has more than {MAX_CELLS:,} cells.")
        rows.append(row)
    return rows


def _variables(sheet, fmap: ForeignMap, source: str) -> None:
    rows = _rows(sheet, source)
    if not rows:
        return
    header = [str(c or "").strip().lower() for c in rows[0]]
    if "name" not in header:
        fmap.notes.append("the 'variables' sheet has no 'name' column; positions not read")
        return
    col = {name: header.index(name) for name in VARIABLE_COLUMNS if name in header}
    for row in rows[1:]:
        def value(name, row=row):
            i = col.get(name)
            return row[i] if i is not None and i < len(row) else None
        name = str(value("name") or "").strip()
        if not name:
            continue
        node = fmap.nodes.get(name.casefold())
        if node is None:
            node = ForeignNode(name.casefold(), name)
            fmap.add_node(node)
        try:
            if value("x") is not None and value("y") is not None:
                node.x, node.y = float(value("x")), float(value("y"))
        except (TypeError, ValueError):
            fmap.notes.append(f"the position of '{name}' is not a number; laid out instead")
        node.note = str(value("note") or "")


def _link_rows(selection: Selection) -> list[list]:
    names = {v.id: v.name for v in selection.variables}
    return [[names[lk.source], names[lk.target], lk.polarity, "yes" if lk.delay else "no",
             selection.perspective_name(lk.perspective), lk.note] for lk in selection.links]


def write_xlsx(selection: Selection) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    links = book.active
    links.title = "links"
    links.append(list(LINK_COLUMNS))
    for row in _link_rows(selection):
        links.append(row)
    variables = book.create_sheet("variables")
    variables.append(list(VARIABLE_COLUMNS))
    for v in selection.variables:
        variables.append([v.name, v.x, v.y, v.note])
    for sheet in (links, variables):
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                if cell.data_type == "f":  # a name such as '=0' is text, not a formula to run
                    cell.data_type = "s"
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column in sheet.columns:
            width = max((len(str(c.value or "")) for c in column), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(60, max(8, width + 2))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_csv(selection: Selection) -> bytes:
    """The link list, with where each end sits (so SSM Studio reads the same picture back)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*LINK_COLUMNS, "from x", "from y", "to x", "to y"])
    where = {v.id: (f"{v.x:g}", f"{v.y:g}") for v in selection.variables}
    for link, row in zip(selection.links, _link_rows(selection), strict=True):
        writer.writerow([*row, *where[link.source], *where[link.target]])
    linked = {end for link in selection.links for end in (link.source, link.target)}
    for v in selection.variables:
        if v.id not in linked:  # a variable with no claim: a 'from' alone, so it is not lost
            writer.writerow([v.name, "", "", "", "", "", *where[v.id], "", ""])
    return out.getvalue().encode("utf-8-sig")  # Excel reads the accents right with the mark
