"""Touchpoints in and out of spreadsheets: one row per contact, as case-management systems
export them. The columns are mapped to touchpoint fields (guessed from the header, confirmed
by the user in the mapping dialog); each row becomes a touchpoint or is reported, with its
row number and why, so nothing is dropped silently. Services and lanes the file names that
the project lacks are added with the touchpoints, as one undoable step."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from ..edits import CompositeEdit, Edit, InsertEdit
from ..edits import journey_edits as je
from ..errors import ImportProblem
from ..model import CHANNELS, Effect, Journey, Member, Project, Service, Touchpoint, limits

# field key -> what the dialog calls it; the order the export writes its columns in
FIELDS: dict[str, str] = {
    "dated": "Date", "phase": "Phase", "service": "Service", "channel": "Channel", "members": "Who (lanes)",
    "wait_days": "Wait (days)", "happened": "What happened", "feeling": "How it felt (-2..+2)",
    "pain_point": "Pain point", "effects": "Variables affected", "told_by": "Told by",
}
_GUESSES = {
    "dated": ("date", "contact date", "when", "dated", "date of contact"),
    "phase": ("phase", "stage"), "service": ("service", "agency", "organisation", "provider", "team"),
    "channel": ("channel", "contact type", "how", "mode"),
    "members": ("who", "member", "members", "client", "person", "lanes", "who (lanes)"),
    "wait_days": ("wait", "wait (days)", "waiting days", "days waited"),
    "happened": ("what happened", "summary", "notes", "description", "happened", "outcome"),
    "feeling": ("feeling", "felt", "how it felt", "how it felt (-2..+2)", "sentiment", "score"),
    "pain_point": ("pain point", "pain", "problem"), "effects": ("variables", "variables affected", "affects"),
    "told_by": ("told by", "account", "perspective", "source"),
}
_CHANNEL_WORDS = {**{k: k for k in CHANNELS}, **{v.casefold(): k for k, v in CHANNELS.items()},
                  "visit": "home_visit", "telephone": "phone", "call": "phone", "email": "online", "web": "online",
                  "in person": "face_to_face", "face-to-face": "face_to_face", "post": "letter"}


def read_table(path: str | Path) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a CSV or XLSX file; refused, before anything is imported,
    when it holds more rows than a journey can (a 1,000,000-row export says how many)."""
    path = Path(path)
    try:
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            return _read_xlsx(path)
        with path.open("rb") as handle:
            encoding = _encoding(handle.read(1 << 16))
            handle.seek(0)
            text = io.TextIOWrapper(handle, encoding=encoding, errors="replace", newline="")
            rows: list[list[str]] = []
            for row in csv.reader(text):
                rows.append(row)
                if len(rows) > limits.MAX_TOUCHPOINTS + 1:
                    _too_many(path.name, len(rows) - 1 + sum(1 for _ in text))  # the rest, counted not kept
    except OSError as error:
        raise ImportProblem(f"'{path.name}' cannot be read: {error.strerror or error}.") from None
    except csv.Error as error:
        raise ImportProblem(f"'{path.name}' is not a readable CSV file ({error}).") from None
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise ImportProblem(f"'{path.name}' is empty: there is no header row and no touchpoints.")
    return [h.strip() for h in rows[0]], rows[1:]


def _encoding(sample: bytes) -> str:
    """UTF-8 (with or without a byte-order mark) or UTF-16, else the Windows code page."""
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)  # a cut character at the end is fine
    except UnicodeDecodeError:
        return "cp1252"
    return "utf-8-sig"


def _too_many(name: str, rows: int | None) -> None:
    counted = f"{rows:,} rows" if rows else f"more than {limits.MAX_TOUCHPOINTS:,} rows"
    raise ImportProblem(f"'{name}' has {counted}; a journey holds at most {limits.MAX_TOUCHPOINTS:,} touchpoints "
                        "(one row per contact). Split the file, for example one per family. Nothing was imported.")


def _read_xlsx(path: Path) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ImportProblem(f"'{path.name}' is not a readable Excel workbook ({error}).") from None
    try:
        sheet = book.worksheets[0]
        rows: list[list[str]] = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([_cell(c) for c in row])
            if len(rows) > limits.MAX_TOUCHPOINTS + 1:
                _too_many(path.name, sheet.max_row or None)
    finally:
        book.close()
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        raise ImportProblem(f"'{path.name}' is empty: its first sheet has no header row and no touchpoints.")
    return [h.strip() for h in rows[0]], rows[1:]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def guess_mapping(header: list[str]) -> dict[str, int | None]:
    """field -> column index, from the header's words (the dialog lets the user change each)."""
    words = [h.strip().casefold() for h in header]
    mapping: dict[str, int | None] = {}
    for key, guesses in _GUESSES.items():
        mapping[key] = next((i for i, w in enumerate(words) if w in guesses), None)
    return mapping


@dataclass
class ImportPlan:
    touchpoints: list[Touchpoint] = field(default_factory=list)
    services: list[Service] = field(default_factory=list)  # new to the project
    members: list[Member] = field(default_factory=list)  # new lanes
    skipped: list[str] = field(default_factory=list)  # "row 14: ..." for each row not imported
    notes: list[str] = field(default_factory=list)

    def words(self) -> str:
        said = [f"{len(self.touchpoints):,} touchpoint(s) to import"]
        if self.services:
            said.append(f"{len(self.services)} new service(s): " + ", ".join(s.name for s in self.services[:6])
                        + (" …" if len(self.services) > 6 else ""))
        if self.members:
            said.append(f"{len(self.members)} new lane(s): " + ", ".join(m.pseudonym for m in self.members))
        if self.skipped:
            said.append(f"{len(self.skipped)} row(s) not imported: " + "; ".join(self.skipped[:5])
                        + (" …" if len(self.skipped) > 5 else ""))
        return ". ".join(said + self.notes) + "."


def plan_import(project: Project, journey: Journey, rows: list[list[str]], mapping: dict[str, int | None],
                today: date | None = None) -> ImportPlan:
    """What importing ``rows`` into ``journey`` would add, row by row; nothing changes yet."""
    today = today or date.today()
    plan = ImportPlan()
    services = {s.name.strip().casefold(): s.id for s in project.services}
    lanes = {m.pseudonym.strip().casefold(): m.id for m in journey.members}
    phases = {p.name.strip().casefold(): p.id for p in journey.phases}
    variables = {v.name.strip().casefold(): v.id for v in project.cld.variables}
    tellers = {p.name.strip().casefold(): p.id for p in project.perspectives}
    unknown_variables: set[str] = set()
    room = limits.MAX_TOUCHPOINTS - len(journey.touchpoints)

    def cell(row: list[str], key: str) -> str:
        index = mapping.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""

    for number, row in enumerate(rows, start=2):
        if len(plan.touchpoints) >= room:
            plan.skipped.append(f"row {number} on: the journey is full ({limits.MAX_TOUCHPOINTS:,} touchpoints)")
            break
        try:
            fields = _row_fields(row, cell, today, phases, tellers, variables, unknown_variables)
        except ValueError as error:
            plan.skipped.append(f"row {number}: {error}")
            continue
        service_name = cell(row, "service")
        if service_name:
            key = service_name.casefold()
            if key not in services:
                made = Service(name=service_name[:limits.MAX_NAME_CHARS])
                services[key] = made.id
                plan.services.append(made)
            fields["service"] = services[key]
        members = []
        for name in [n.strip() for n in cell(row, "members").split(";") if n.strip()] or ["Client"]:
            if name.casefold() not in lanes:
                made_member = Member(pseudonym=name[:limits.MAX_NAME_CHARS])
                lanes[name.casefold()] = made_member.id
                plan.members.append(made_member)
            if lanes[name.casefold()] not in members:
                members.append(lanes[name.casefold()])
        try:
            plan.touchpoints.append(Touchpoint(members=members, **fields))
        except ValueError as error:
            plan.skipped.append(f"row {number}: {str(error).splitlines()[-1].strip()}")
    if unknown_variables:
        plan.notes.append("not in the causal-loop diagram, so not linked: "
                          + ", ".join(sorted(unknown_variables)[:6]))
    earlier = sum(1 for a, b in zip(plan.touchpoints, plan.touchpoints[1:], strict=False)
                  if a.dated and b.dated and b.dated < a.dated)
    if earlier:
        plan.notes.append(f"{earlier} row(s) come before the row above them in date; the journey shows them in "
                          "date order")
    return plan


def _row_fields(row, cell, today: date, phases, tellers, variables, unknown_variables) -> dict:
    fields: dict = {}
    dated = _date(cell(row, "dated"))
    if dated and dated > today.isoformat():
        raise ValueError(f"the date {dated} is in the future (a touchpoint is a contact that happened)")
    fields["dated"] = dated
    phase = cell(row, "phase")
    if phase:
        if phase.casefold() not in phases:
            raise ValueError(f"the journey has no phase '{phase[:40]}' (add it first)")
        fields["phase"] = phases[phase.casefold()]
    channel = cell(row, "channel").casefold()
    if channel:
        if channel not in _CHANNEL_WORDS:
            raise ValueError(f"'{channel[:30]}' is not a channel ({', '.join(CHANNELS.values())})")
        fields["channel"] = _CHANNEL_WORDS[channel]
    wait = cell(row, "wait_days")
    if wait:
        try:
            fields["wait_days"] = int(float(wait))
        except ValueError:
            raise ValueError(f"the wait '{wait[:20]}' is not a number of days") from None
    feeling = cell(row, "feeling")
    if feeling:
        try:
            fields["feeling"] = int(float(feeling))
        except ValueError:
            raise ValueError(f"how it felt, '{feeling[:20]}', is not a number from -2 to +2") from None
        if not -2 <= fields["feeling"] <= 2:
            raise ValueError(f"how it felt is {fields['feeling']}; it is a number from -2 to +2")
    fields["happened"] = cell(row, "happened")[:limits.MAX_TEXT_CHARS]
    fields["pain_point"] = cell(row, "pain_point")[:limits.MAX_TEXT_CHARS]
    teller = cell(row, "told_by")
    if teller:
        if teller.casefold() not in tellers:
            raise ValueError(f"there is no perspective '{teller[:40]}' to tell it")
        fields["told_by"] = tellers[teller.casefold()]
    effects: dict[str, str] = {}
    for part in [p.strip() for p in cell(row, "effects").split(";") if p.strip()]:
        sign = "-" if part.endswith(("-", "−")) else "+"
        name = part.rstrip("+-−").strip().casefold()
        if name in variables:
            effects.setdefault(variables[name], sign)
        else:
            unknown_variables.add(part.rstrip("+-−").strip()[:40])
    fields["effects"] = [Effect(variable=v, sign=s) for v, s in effects.items()]  # type: ignore[arg-type]
    return fields


def _date(text: str) -> str:
    if not text:
        return ""
    for form in ("%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(text.strip(), form).date().isoformat()
        except ValueError:
            continue
    raise ValueError(f"'{text[:30]}' is not a date (write YYYY-MM-DD or DD/MM/YYYY)")


def import_edit(project: Project, journey_id: str, plan: ImportPlan, today: date | None = None) -> Edit:
    """The plan as one undoable step: new services, new lanes, then the touchpoints."""
    edits: list[Edit] = []
    if plan.services:
        edits.append(je.add_services(project, plan.services))
    edits += [InsertEdit((*je.JOURNEYS, journey_id, "members"), m) for m in plan.members]
    edits.append(_touchpoints_after(project, journey_id, plan, today))
    return CompositeEdit(edits, label=f"Import {len(plan.touchpoints):,} touchpoints")


def _touchpoints_after(project: Project, journey_id: str, plan: ImportPlan, today: date | None) -> Edit:
    """The touchpoints' insert, checked as if the new services and lanes were there already."""
    from ..edits import InsertManyEdit

    for touchpoint in plan.touchpoints:
        je.check_date(touchpoint.dated, today)
    return InsertManyEdit(je.touchpoints_path(journey_id), plan.touchpoints,
                          label=f"Add {len(plan.touchpoints):,} touchpoints")


# Out -------------------------------------------------------------------------------------
def touchpoint_rows(project: Project, journey: Journey) -> list[list[str]]:
    """The journey as rows (header first) that read_table and plan_import take back."""
    from ..analysis.journeys import ordered

    services = {s.id: s.name for s in project.services}
    lanes = {m.id: m.pseudonym for m in journey.members}
    phases = {p.id: p.name for p in journey.phases}
    names = {v.id: v.name for v in project.cld.variables}
    tellers = {p.id: p.name for p in project.perspectives}
    rows = [list(FIELDS.values())]
    for t in ordered(journey):
        rows.append([t.dated, phases.get(t.phase or "", ""), services.get(t.service or "", ""), CHANNELS[t.channel],
                     "; ".join(lanes.get(m, "?") for m in t.members),
                     "" if t.wait_days is None else str(t.wait_days), t.happened, str(t.feeling), t.pain_point,
                     "; ".join(f"{names.get(e.variable, '?')} {e.sign}" for e in t.effects),
                     tellers.get(t.told_by or "", "")])
    return rows


def touchpoints_csv(project: Project, journey: Journey) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows(touchpoint_rows(project, journey))
    return out.getvalue().encode("utf-8-sig")  # the byte-order mark: Excel then reads UTF-8


def touchpoints_xlsx(project: Project, journey: Journey) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(journey.name[:31].replace("/", "-") or "Touchpoints")
    for row in touchpoint_rows(project, journey):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
