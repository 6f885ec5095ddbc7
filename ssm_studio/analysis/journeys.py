"""What a client journey says, worked out from its touchpoints: the contacts and distinct
services (in any window: "31 services in six months"), the order they came in, the feedback
loops the journey feeds, where two accounts of it differ, and text that looks like a real
person's name and date of birth. Pure Python; the page, the pack and the CLI all ask here."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from ..model import FEELING_WORDS, Journey, Project, Touchpoint
from .loops import Loop, LoopReport, find_loops

SIX_MONTHS = 182  # days: the briefing's "thirty services in six months"


def ordered(journey: Journey) -> list[Touchpoint]:
    """The touchpoints in time order. An undated one keeps its place after the contact recorded
    before it (its time is not known, its place in the list is); ties keep the list's order."""
    keyed = []
    anchor = ""
    for index, touchpoint in enumerate(journey.touchpoints):
        anchor = touchpoint.dated or anchor
        keyed.append((anchor, index, touchpoint))
    keyed.sort(key=lambda row: (row[0], row[1]))
    return [row[2] for row in keyed]


def out_of_order(journey: Journey) -> int:
    """How many dated touchpoints were recorded after one with a later date (the page and the
    pack show them in date order; nothing is dropped or changed)."""
    latest, count = "", 0
    for touchpoint in journey.touchpoints:
        if touchpoint.dated:
            if touchpoint.dated < latest:
                count += 1
            latest = max(latest, touchpoint.dated)
    return count


@dataclass(frozen=True)
class Window:
    services: int = 0
    contacts: int = 0
    starts: str = ""
    ends: str = ""


@dataclass(frozen=True)
class Counts:
    contacts: int
    services: int  # distinct
    members: int
    pain_points: int
    mean_feeling: float | None
    longest_wait: int | None
    first: str
    last: str
    window_days: int
    busiest: Window  # the most distinct services in any window of window_days
    out_of_order: int

    def words(self) -> str:
        """'212 contacts with 31 services; 31 services in six months (2025-01-06 to 2025-07-01)'."""
        said = f"{self.contacts:,} contact(s) with {self.services} service(s)"
        if self.busiest.services:
            span = "six months" if self.window_days == SIX_MONTHS else f"{self.window_days} days"
            said += (f"; at most {self.busiest.services} service(s) in {span} "
                     f"({self.busiest.starts} to {self.busiest.ends})")
        return said


def busiest_window(touchpoints: list[Touchpoint], days: int) -> Window:
    """The most distinct services met within any ``days`` days, by a sliding window over the
    dated contacts (two pointers and a counter: linear in the contacts)."""
    dated = sorted((date.fromisoformat(t.dated), t.service) for t in touchpoints if t.dated and t.service)
    best = Window()
    inside: Counter[str] = Counter()
    start = 0
    span = timedelta(days=max(days, 1) - 1)
    for end, (when, service) in enumerate(dated):
        inside[service] += 1  # type: ignore[index]
        while dated[start][0] < when - span:
            gone = dated[start][1]
            inside[gone] -= 1  # type: ignore[index]
            if not inside[gone]:  # type: ignore[index]
                del inside[gone]  # type: ignore[arg-type]
            start += 1
        if len(inside) > best.services:
            best = Window(len(inside), end - start + 1, dated[start][0].isoformat(), when.isoformat())
    return best


def contacts(journey: Journey) -> list[Touchpoint]:
    """Each contact once: the same date and service told in two accounts is one contact (two
    contacts the same day in one account stay two). The account telling most stands for it."""
    tellers: dict[tuple[str, str | None], Counter[str | None]] = {}
    for touchpoint in journey.touchpoints:
        if touchpoint.dated:
            tellers.setdefault((touchpoint.dated, touchpoint.service), Counter())[touchpoint.told_by] += 1
    standing = {key: told.most_common(1)[0][0] for key, told in tellers.items() if len(told) > 1}
    return [t for t in journey.touchpoints
            if (t.dated, t.service) not in standing or standing[(t.dated, t.service)] == t.told_by]


def counts(journey: Journey, window_days: int = SIX_MONTHS) -> Counts:
    touchpoints = contacts(journey)
    dates = sorted(t.dated for t in touchpoints if t.dated)
    waits = [t.wait_days for t in touchpoints if t.wait_days is not None]
    feelings = [t.feeling for t in touchpoints]
    return Counts(contacts=len(touchpoints), services=len({t.service for t in touchpoints} - {None}),
                  members=len(journey.members), pain_points=sum(1 for t in touchpoints if t.pain_point),
                  mean_feeling=sum(feelings) / len(feelings) if feelings else None,
                  longest_wait=max(waits) if waits else None,
                  first=dates[0] if dates else "", last=dates[-1] if dates else "", window_days=window_days,
                  busiest=busiest_window(touchpoints, window_days), out_of_order=out_of_order(journey))


# The loops a journey feeds ---------------------------------------------------------------
@dataclass
class LoopFed:
    loop: Loop
    touchpoints: list[str]  # ids, in time order
    variables: list[str]  # the loop's variables the journey touches


def loops_fed(project: Project, journey: Journey, report: LoopReport | None = None) -> list[LoopFed]:
    """Every loop through a variable some touchpoint affects, with the touchpoints feeding it;
    most-fed first."""
    report = report if report is not None else find_loops(project, time_budget=1.0)
    by_variable: dict[str, list[str]] = {}
    for touchpoint in ordered(journey):
        for effect in touchpoint.effects:
            by_variable.setdefault(effect.variable, []).append(touchpoint.id)
    fed = []
    for loop in report.loops:
        touched = [v for v in loop.variables if v in by_variable]
        if touched:
            seen: dict[str, None] = {}
            for variable in touched:
                seen.update(dict.fromkeys(by_variable[variable]))
            fed.append(LoopFed(loop, list(seen), touched))
    fed.sort(key=lambda f: (-len(f.touchpoints), f.loop.length, f.loop.label))
    return fed


def touchpoints_feeding(journey: Journey, loop: Loop) -> set[str]:
    """The touchpoints that affect a variable of ``loop`` (selecting a loop lights these)."""
    members = set(loop.variables)
    return {t.id for t in journey.touchpoints if any(e.variable in members for e in t.effects)}


def loops_through(report: LoopReport, variables: set[str]) -> list[Loop]:
    """The loops through any of ``variables`` (selecting a touchpoint lights these)."""
    return [loop for loop in report.loops if not variables.isdisjoint(loop.variables)]


# Accounts --------------------------------------------------------------------------------
@dataclass
class Difference:
    dated: str
    service: str
    words: str


@dataclass
class AccountComparison:
    accounts: list[str]  # perspective names, or "Shared record"
    contacts: dict[str, int] = field(default_factory=dict)
    mean_feeling: dict[str, float] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)


def accounts(journey: Journey) -> dict[str | None, list[Touchpoint]]:
    told: dict[str | None, list[Touchpoint]] = {}
    for touchpoint in journey.touchpoints:
        told.setdefault(touchpoint.told_by, []).append(touchpoint)
    return told


def compare_accounts(project: Project, journey: Journey) -> AccountComparison:
    """Where the accounts of one journey differ: contacts one tells and another does not, and
    the same contact (same date and service) felt or waited for differently."""
    names = {p.id: p.name for p in project.perspectives}
    services = {s.id: s.name for s in project.services}
    told = accounts(journey)
    tellers = [t for t in told if t is not None] + ([None] if None in told else [])

    def who(teller: str | None) -> str:
        return names.get(teller, "?") if teller is not None else "Shared record"

    result = AccountComparison([who(t) for t in tellers])
    for teller in tellers:
        result.contacts[who(teller)] = len(told[teller])
        result.mean_feeling[who(teller)] = sum(t.feeling for t in told[teller]) / len(told[teller])
    if len(tellers) < 2:
        return result
    keyed = {teller: {(t.dated, t.service): t for t in told[teller]} for teller in tellers}
    every = sorted({key for table in keyed.values() for key in table}, key=lambda k: (k[0], services.get(k[1] or "", "")))
    for key in every:
        dated, service = key
        where = services.get(service or "", "no service")
        held = {teller: keyed[teller].get(key) for teller in tellers}
        missing = [who(t) for t, tp in held.items() if tp is None]
        present = {who(t): tp for t, tp in held.items() if tp is not None}
        if missing:
            result.differences.append(Difference(dated, where, f"told by {', '.join(present)}; not by "
                                                               f"{', '.join(missing)}"))
            continue
        feelings = {name: tp.feeling for name, tp in present.items()}
        if max(feelings.values()) - min(feelings.values()) >= 2:
            result.differences.append(Difference(dated, where, "felt differently: " + "; ".join(
                f"{name} {FEELING_WORDS[f]} ({f:+d})" for name, f in feelings.items())))
        waits = {name: tp.wait_days for name, tp in present.items() if tp.wait_days is not None}
        if len(set(waits.values())) > 1:
            result.differences.append(Difference(dated, where, "waited differently: " + "; ".join(
                f"{name} {days} day(s)" for name, days in waits.items())))
    return result


# Real names ------------------------------------------------------------------------------
_NAME_WORD = r"[A-Z](?:'[A-Z])?[a-z]+(?:[-'][A-Z]?[a-z]+)?"  # Sarah, O'Neill, Mary-Ann
_FULL_NAME = re.compile(rf"\b{_NAME_WORD}\s+(?:{_NAME_WORD}\s+)?{_NAME_WORD}\b")
_BIRTH_DATE = re.compile(r"\b(?:\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2}|"
                         r"(?:DOB|D\.O\.B|born)\b)", re.IGNORECASE)


def looks_identifying(text: str) -> bool:
    """A full name and a date of birth together ('Sarah Jones 12/03/1985'): a journey needs
    neither, and a file that holds both identifies a person if it is lost."""
    return bool(text) and bool(_FULL_NAME.search(text)) and bool(_BIRTH_DATE.search(text))


def identifying_places(journey: Journey) -> list[str]:
    """Where in the journey such text is, in words ('member 2's pseudonym', 'touchpoint 14')."""
    found = [f"the pseudonym of member {i}" for i, m in enumerate(journey.members, 1)
             if looks_identifying(f"{m.pseudonym} {m.part}")]
    found += [f"touchpoint {i}" for i, t in enumerate(journey.touchpoints, 1)
              if looks_identifying(t.happened) or looks_identifying(t.pain_point)]
    if looks_identifying(journey.name) or looks_identifying(journey.note):
        found.insert(0, "the journey's name or note")
    return found


PRIVACY_WORDS = ("A journey never needs a real name: use a pseudonym ('Mum', 'J., 14'). Some text here looks like "
                 "a person's full name and date of birth together")
