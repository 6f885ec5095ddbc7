import pytest

from ssm_studio.errors import ImportProblem
from ssm_studio.interop.csv_links import import_csv, links_from_csv_text


def imported(text, default="Group"):
    return links_from_csv_text(text, "'t.csv'", default)


def test_every_polarity_spelling():
    text = "From,To,Polarity\n" + "\n".join(
        f"A{i},B{i},{p}" for i, p in enumerate(["+", "-", "\u2212", "?", "Positive", "NEGATIVE", "s", "O", "unknown"]))
    assert [link.polarity for link in imported(text).cld.links] == ["+", "-", "-", "?", "+", "-", "+", "-", "?"]


def test_variables_match_by_trimmed_case_insensitive_name_keeping_first_spelling():
    project = imported("from,to,polarity\n Worklessness ,Confidence,-\nconfidence,WORKLESSNESS,-\n")
    assert [v.name for v in project.cld.variables] == ["Worklessness", "Confidence"]
    link_pairs = {(link.source, link.target) for link in project.cld.links}
    assert len(link_pairs) == 2


def test_rows_without_perspective_go_to_the_default():
    project = imported("from,to,polarity,perspective\nA,B,+,College\nB,A,+,\n", default="Board")
    names = {p.id: p.name for p in project.perspectives}
    assert [names[link.perspective] for link in project.cld.links] == ["College", "Board"]


def test_perspectives_get_distinct_colours_and_dashes():
    project = imported("from,to,polarity,perspective\nA,B,+,P1\nA,B,+,P2\nA,B,+,P3\n")
    assert len({(p.colour, p.dash) for p in project.perspectives}) == 3


def test_delay_and_note_columns():
    project = imported("from,to,polarity,delay,note\nA,B,+,yes,slow\nB,A,-,,\n")
    assert [(link.delay, link.note) for link in project.cld.links] == [(True, "slow"), (False, "")]


def test_self_link_is_allowed():
    project = imported("from,to,polarity\nA,A,+\n")
    assert project.cld.links[0].source == project.cld.links[0].target


@pytest.mark.parametrize("text,words", [
    ("", "empty"),
    ("a,b,c\n1,2,3\n", "no column 'from', 'to', 'polarity'"),
    ("from,to\nA,B\n", "no column 'polarity'"),
    ("from,to,polarity\n", "no links"),
    ("from,to,polarity\nA,B,+\n,B,+\n", "line 3: a variable name is empty"),
    ("from,to,polarity\nA,B,maybe\n", "line 2: unknown polarity 'maybe'"),
    ("from,to,polarity,delay\nA,B,+,sometimes\n", "line 2: delay 'sometimes'"),
])
def test_bad_csv_is_refused_with_line_numbers(text, words):
    with pytest.raises(ImportProblem, match=words):
        imported(text)


def test_blank_lines_are_skipped_and_line_numbers_stay_true():
    with pytest.raises(ImportProblem, match="line 4"):
        imported("from,to,polarity\n\n,,\nA,B,huh\n")


def test_excel_bom_and_windows_encoding(tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("\ufefffrom,to,polarity\nCaf\u00e9,B,+\n".encode("utf-8"))
    assert import_csv(path).cld.variables[0].name == "Caf\u00e9"
    path.write_bytes("from,to,polarity\nCaf\u00e9,B,+\n".encode("cp1252"))
    assert import_csv(path).cld.variables[0].name == "Caf\u00e9"


def test_import_lays_variables_out_apart():
    project = imported("from,to,polarity\nA,B,+\nB,C,+\nC,A,-\n")
    points = {(round(v.x), round(v.y)) for v in project.cld.variables}
    assert len(points) == 3


def test_a_million_rows_are_refused_quickly_with_a_message(tmp_path):
    import time

    big = tmp_path / "million.csv"
    with big.open("w") as out:
        out.write("from,to,polarity\n")
        out.writelines(f"V{i % 3000},V{(i * 7) % 3000},+\n" for i in range(1_000_000))
    started = time.perf_counter()
    with pytest.raises(ImportProblem, match="more than 500,000 links"):
        import_csv(big)
    assert time.perf_counter() - started < 10


def test_a_perspective_name_too_long_is_a_row_problem(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("from,to,polarity,perspective\nA,B,+," + "P" * 600 + "\n", encoding="utf-8")
    with pytest.raises(ImportProblem, match="line 2: the perspective name is longer than 500"):
        import_csv(path)


def test_too_many_perspectives_are_refused(tmp_path):
    path = tmp_path / "p.csv"
    rows = "".join(f"A,B,+,P{i}\n" for i in range(201))
    path.write_text("from,to,polarity,perspective\n" + rows, encoding="utf-8")
    with pytest.raises(ImportProblem, match="201 perspectives; a project holds at most 200"):
        import_csv(path)
