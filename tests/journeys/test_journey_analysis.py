"""What a journey says (issue #25): counts in any window, time order, the loops it feeds,
accounts compared, real-looking names; and the CLI and spreadsheets that carry them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ssm_studio.analysis import find_loops
from ssm_studio.analysis import journeys as aj
from ssm_studio.cli.main import main
from ssm_studio.errors import ImportProblem
from ssm_studio.interop import journey_tables as jt
from ssm_studio.model import Journey, Member, Touchpoint
from ssm_studio.storage import read_project_bytes

MEIR = Path(__file__).resolve().parents[2] / "examples" / "meir-think-family.ssm"


@pytest.fixture
def meir():
    return read_project_bytes(MEIR.read_bytes()).project


def _journey(rows) -> Journey:
    lane = Member(id="m", pseudonym="Mum")
    return Journey(name="j", members=[lane], touchpoints=[Touchpoint(members=["m"], dated=d, service=s) for d, s in rows])


def test_the_busiest_window_counts_distinct_services_within_the_days():
    rows = [("2026-01-01", "a"), ("2026-01-10", "b"), ("2026-01-10", "a"), ("2026-07-15", "c"), ("2026-07-20", "d"),
            ("2026-07-25", "e"), ("2026-08-01", "b")]
    window = aj.busiest_window(_journey(rows).touchpoints, 182)
    assert (window.services, window.starts, window.ends) == (4, "2026-07-15", "2026-08-01")
    assert aj.busiest_window(_journey(rows).touchpoints, 400).services == 5
    assert aj.busiest_window(_journey(rows).touchpoints, 1).services == 2  # 10 January: a and b


def test_order_keeps_undated_contacts_after_the_one_recorded_before_them():
    journey = _journey([("2026-03-01", "a"), ("", "b"), ("2026-01-01", "c"), ("2026-02-01", "d")])
    assert [t.service for t in aj.ordered(journey)] == ["c", "d", "a", "b"]
    assert aj.out_of_order(journey) == 2


def test_the_meir_example_has_two_journeys_with_counts_loops_and_two_accounts(meir):
    hall, khan = meir.journeys
    count = aj.counts(hall)
    assert (count.contacts, count.services, count.members) == (30, 25, 3)
    assert count.busiest.services == 25 and "25 service(s) in six months" in count.words()
    report = find_loops(meir)
    fed = aj.loops_fed(meir, hall, report)
    assert fed and all(set(f.variables) <= set(f.loop.variables) for f in fed)
    loop = fed[0].loop
    assert aj.touchpoints_feeding(hall, loop) == set(fed[0].touchpoints)
    first = hall.touchpoints[0]
    assert {lp.key for lp in aj.loops_through(report, {e.variable for e in first.effects})} == {
        f.loop.key for f in fed if first.id in f.touchpoints}
    compared = aj.compare_accounts(meir, khan)
    assert compared.accounts == ["Families", "Children's social care"]
    assert aj.counts(khan).contacts == 8  # a contact told twice counts once
    words = [d.words for d in compared.differences]
    assert any("told by Families; not by Children's social care" in w for w in words)
    assert any(w.startswith("felt differently: Families very bad (-2)") for w in words)


def test_a_real_looking_name_with_a_birth_date_is_found_and_a_pseudonym_is_not():
    assert aj.looks_identifying("Sarah Jones 12/03/1985")
    assert aj.looks_identifying("Visit to Mary-Ann O'Neill, DOB 1990-02-01")
    assert not aj.looks_identifying("Mum (K.)") and not aj.looks_identifying("Sarah Jones, mother")
    journey = Journey(name="j", members=[Member(id="m", pseudonym="Sarah Jones born 1985")])
    assert aj.identifying_places(journey) == ["the pseudonym of member 1"]


def test_journeys_cli_prints_counts_and_loops(meir, capsys):
    assert main(["journeys", str(MEIR), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    hall = out["journeys"][0]
    assert hall["contacts"] == 30 and hall["services"] == 25 and hall["busiest_window"]["services"] == 25
    assert hall["loops_fed"] and {"label", "variables", "touchpoints"} <= set(hall["loops_fed"][0])
    assert out["journeys"][1]["accounts"] == {"Families": 8, "Children's social care": 7}
    assert main(["journeys", str(MEIR)]) == 0
    text = capsys.readouterr().out
    assert "The Hall family" in text and "Feeds 9 loop(s)" in text and "difference(s)" in text


def test_touchpoints_round_trip_through_csv_and_xlsx(meir, tmp_path):
    hall = meir.journeys[0]
    key = lambda t: (t.dated, t.service, t.members, t.effects, t.feeling, t.wait_days, t.phase, t.happened)  # noqa: E731
    for name, data in (("t.csv", jt.touchpoints_csv(meir, hall)), ("t.xlsx", jt.touchpoints_xlsx(meir, hall))):
        (tmp_path / name).write_bytes(data)
        header, rows = jt.read_table(tmp_path / name)
        plan = jt.plan_import(meir, hall, rows, jt.guess_mapping(header))
        assert not plan.skipped and not plan.services and not plan.members
        assert [key(t) for t in plan.touchpoints] == [key(t) for t in hall.touchpoints]


def test_an_import_reports_each_row_it_cannot_take_and_adds_new_services(meir, tmp_path):
    hall = meir.journeys[0]
    (tmp_path / "rows.csv").write_text(
        "When,Agency,Who,Felt,Variables\n"
        "03/05/2026,GP surgery,Mum (K.),1,Parent's health +\n"
        "2026-02-01,Dentist,Gran,0,Stress in the family -; Made up variable\n"
        "2031-01-01,GP surgery,Mum (K.),0,\n"
        "yesterday,GP surgery,Mum (K.),0,\n"
        "2026-02-02,GP surgery,Mum (K.),5,\n", encoding="utf-8")
    header, rows = jt.read_table(tmp_path / "rows.csv")
    plan = jt.plan_import(meir, hall, rows, jt.guess_mapping(header), today=date(2026, 12, 4))
    assert [t.dated for t in plan.touchpoints] == ["2026-05-03", "2026-02-01"]
    assert [s.name for s in plan.services] == ["Dentist"] and [m.pseudonym for m in plan.members] == ["Gran"]
    assert plan.skipped == ["row 4: the date 2031-01-01 is in the future (a touchpoint is a contact that happened)",
                            "row 5: 'yesterday' is not a date (write YYYY-MM-DD or DD/MM/YYYY)",
                            "row 6: how it felt is 5; it is a number from -2 to +2"]
    assert "Made up variable" in plan.words() and "date order" in plan.words()
    from ssm_studio.edits import Document, History

    history = History(Document(meir))
    history.push(jt.import_edit(meir, hall.id, plan, today=date(2026, 12, 4)))
    assert len(meir.journeys[0].touchpoints) == 32 and meir.services[-1].name == "Dentist"
    history.undo()
    assert len(meir.journeys[0].touchpoints) == 30 and meir.services[-1].name != "Dentist"


def test_a_million_row_export_is_refused_with_its_count_before_anything_is_imported(tmp_path):
    big = tmp_path / "big.csv"
    with big.open("w") as handle:
        handle.write("date,service\n")
        handle.writelines("2026-01-01,GP surgery\n" for _ in range(1_000_000))
    with pytest.raises(ImportProblem, match="has 1,000,000 rows; a journey holds at most 20,000"):
        jt.read_table(big)
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportProblem, match="is empty"):
        jt.read_table(tmp_path / "empty.csv")


def test_the_map_layout_keeps_lanes_clear_time_in_order_and_months_between_their_cards(meir):
    from ssm_studio.layout.journey_layout import CARD_W, lay_out

    for journey in meir.journeys:
        layout = lay_out(journey)
        xs = [p.x for p in layout.cards]
        assert xs == sorted(xs)  # time runs left to right, one axis for every lane
        for lane in range(len(journey.members)):
            mine = [p.x for p in layout.cards if lane in p.lanes]
            assert all(b - a >= CARD_W for a, b in zip(mine, mine[1:], strict=False))  # no card hides another
        dated = {t.id: t.dated for t in journey.touchpoints}
        for x, words in layout.ticks:
            month = __import__("datetime").datetime.strptime(words, "%b %Y").date().isoformat()[:7]
            before = [p.x for p in layout.cards if dated[p.touchpoint_id][:7] < month]
            after = [p.x for p in layout.cards if dated[p.touchpoint_id][:7] >= month]
            assert all(b < x for b in before) and all(x <= a for a in after), words
