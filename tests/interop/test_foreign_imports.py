"""Every real file from other tools imports; edge cases give clear messages and lose nothing."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from ssm_studio.analysis.loops import find_loops
from ssm_studio.errors import ImportProblem, SsmError
from ssm_studio.interop.formats import import_file
from ssm_studio.interop.lz_string import decompress_from_base64, decompress_from_utf16
from tests.conftest import CORPUS, SHARED_CORPUS
from tests.interop.lz_compress import compress_to_utf16

CORPUS_FILES = sorted(p for p in CORPUS.glob("*/*") if p.suffix != ".md")
EXAMPLE_NETWORKS = ["decision-explorer/example_network.mdx", "kumu/example_network.json",
                    "stella/example_network.stmx"]


def signed(project):
    names = {v.id: v.name for v in project.cld.variables}
    return {(names[lk.source], names[lk.target], lk.polarity) for lk in project.cld.links}


def test_the_corpus_is_all_there():
    assert len(CORPUS_FILES) == 7


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_every_corpus_file_imports(path):
    result = import_file(path)
    project = result.project
    assert project.cld.variables and project.cld.links
    assert len(project.perspectives) == 1
    assert all(v.name.strip() for v in project.cld.variables)
    assert len({(v.x, v.y) for v in project.cld.variables}) == len(project.cld.variables)


@pytest.mark.parametrize("relative", EXAMPLE_NETWORKS)
def test_the_three_example_networks_are_one_balancing_loop(relative):
    project = import_file(CORPUS / relative).project
    assert sorted(v.name for v in project.cld.variables) == ["Example node 1", "Example node 2", "Example node 3"]
    assert signed(project) == {("Example node 1", "Example node 2", "+"), ("Example node 2", "Example node 3", "+"),
                               ("Example node 3", "Example node 1", "-")}
    loops = find_loops(project).loops
    assert [lp.polarity for lp in loops] == ["B"]


def test_vensim_keeps_accented_names():
    project = import_file(CORPUS / "vensim/unicode_test_model.mdl").project
    names = {v.name for v in project.cld.variables}
    assert names == {"this is a german variable with ö ä ü", "this is a french variable with é à è",
                     "this is a spanish variable with ñ ç"}
    assert {p for *_ends, p in signed(project)} == {"+"}
    german = next(v for v in project.cld.variables if "german" in v.name)
    assert (german.x, german.y) == (435 * 1.5, 222 * 1.5)  # Vensim's sketch, spread for our larger boxes


def test_vensim_keeps_loop_names_and_reads_flows_and_ghosts():
    project = import_file(CORPUS / "vensim/SIR.mdl").project
    names = {n.name: n.label for n in project.cld.loop_names}
    assert names == {"Depletion": "B1", "Contagion": "R1", "Recovery": "B2"}
    links = signed(project)
    # A flow fills the stock it flows into and drains the one it leaves.
    assert ("Infection Rate", "Infectious Population I", "+") in links
    assert ("Infection Rate", "Susceptible Population S", "-") in links
    assert ("Average Duration of Illness d", "Recovery Rate", "-") in links
    # Ghosts (drawn again in grey lower down) are the same variable, not new ones.
    assert sum(v.name == "Contact Rate c" for v in project.cld.variables) == 1
    contact = next(v for v in project.cld.variables if v.name == "Contact Rate c")
    assert (contact.x, contact.y) == (168 * 1.5, 300 * 1.5)  # the original's place, not the ghost's
    report = find_loops(project, known_labels={n.key: (n.label, n.name) for n in project.cld.loop_names})
    named = {lp.name: lp.polarity for lp in report.loops if lp.name}
    assert named == {"Depletion": "B", "Contagion": "R", "Recovery": "B"}


def test_vensim_stocks_and_flows_of_the_workforce_model():
    result = import_file(CORPUS / "vensim/workforce.mdl")
    links = signed(result.project)
    assert ("Hiring", "Rookies", "+") in links and ("Maturation", "Rookies", "-") in links
    assert ("Rookie Time per Task", "Rookie Task Completion", "-") in links
    # An arrow into a flow's valve is an arrow into the flow; drawn unsigned, it takes the
    # sign of its equation (Task Completion = MIN(Expert … + Rookie Task Completion, Backlog)),
    # and the claim says the sign was inferred.
    assert ("Rookie Task Completion", "Task Completion", "+") in links
    names = {v.id: v.name for v in result.project.cld.variables}
    inferred = {(names[lk.source], names[lk.target]) for lk in result.project.cld.links if "inferred" in lk.note}
    assert ("Rookie Task Completion", "Task Completion") in inferred
    assert ("Average Tenure", "Departure", "-") in links  # Departure = Experts / Average Tenure
    assert ("Rookies", "Maturation") not in inferred  # drawn signed: the file's sign, not ours
    assert any("6 link sign(s) inferred" in note for note in result.notes)


def test_xmile_reads_flows_into_stocks_and_connectors(tmp_path):
    project = import_file(CORPUS / "xmile/teacup_w_diagram.xmile").project
    links = signed(project)
    assert ("heat loss to room", "teacup temperature", "-") in links
    # drawn unsigned, signed by its equation (heat loss = (teacup - room) / time)
    assert ("room temperature", "heat loss to room", "-") in links


def mdl(sketch: str, equations: str = "") -> str:
    return ("{UTF-8}\n" + equations + "\\\\\\---/// Sketch information - do not modify anything except names\n"
            "V300  Do not put anything below this section - it will be ignored\n*View 1\n"
            "$192-192-192,0,Arial|12||0-0-0|0-0-0|0-0-255|-1--1--1|-1--1--1|96,96,100,0\n"
            + sketch + "///---\\\\\\\n")


def test_vensim_dangling_arrow_ids_are_reported(tmp_path):
    path = tmp_path / "dangling.mdl"
    path.write_text(mdl("10,1,A,100,100,40,20,8,3,0,0,0,0,0,0\n10,2,B,300,100,40,20,8,3,0,0,0,0,0,0\n"
                        "1,3,1,2,0,0,43,0,0,64,0,-1--1--1,,1|(0,0)|\n1,4,1,99,0,0,45,0,0,64,0,-1--1--1,,1|(0,0)|\n"))
    result = import_file(path)
    assert signed(result.project) == {("A", "B", "+")}
    assert any("ids that are not variables" in note for note in result.notes)


def test_vensim_letter_polarity_delay_and_a_function_of(tmp_path):
    path = tmp_path / "letters.mdl"
    equations = ("C = A FUNCTION OF( A, \"B, the second\")\n\t~\t\n\t~\tWhat C is.\n\t|\n\n")
    path.write_text(mdl('10,1,A,100,100,40,20,8,3,0,0,0,0,0,0\n10,2,"B, the second",300,100,40,20,8,3,0,0,0,0,0,0\n'
                        "10,3,C,200,200,40,20,8,3,0,0,0,0,0,0\n"
                        "1,4,1,3,0,0,83,0,0,65,0,-1--1--1,,1|(0,0)|\n", equations))
    result = import_file(path)
    project = result.project
    assert signed(project) == {("A", "C", "+"), ("B, the second", "C", "?")}
    assert next(lk for lk in project.cld.links if lk.polarity == "+").delay
    assert next(v for v in project.cld.variables if v.name == "C").note == "What C is."
    assert any("A FUNCTION OF" in note for note in result.notes)


def test_vensim_older_v160_sketch_and_empty_views(tmp_path):
    path = tmp_path / "old.mdl"
    path.write_text("A = 1\n\t~\t\n\t~\t\n\t|\n\\\\\\---/// Sketch information\nV160  old\n*View 1\n"
                    "10,1,A,100,100,40,20,3,3,0,0,0,0,0,0\n10,2,B,200,200,40,20,3,3,0,0,0,0,0,0\n"
                    "1,3,1,2,0,0,45,0,0,0,0,-1--1--1,,1|(0,0)|\n"
                    "\\\\\\---/// Sketch information\nV160  old\n*Empty view\n///---\\\\\\\n")
    assert signed(import_file(path).project) == {("A", "B", "-")}


def test_kumu_missing_polarity_and_duplicate_names(tmp_path):
    path = tmp_path / "map.json"
    path.write_text(json.dumps({
        "elements": [{"_id": "a", "attributes": {"label": "Trust"}}, {"_id": "b", "attributes": {"label": "trust "}},
                     {"_id": "c", "attributes": {"label": "Use of services"}}],
        "connections": [{"_id": "1", "from": "a", "to": "c", "attributes": {"Relationship impact": "Increases"}},
                        {"_id": "2", "from": "c", "to": "b", "attributes": {}},
                        {"_id": "3", "from": "c", "to": "zzz", "attributes": {"Relationship impact": "+"}}],
    }))
    result = import_file(path)
    assert result.polarity_field == "Relationship impact"
    assert signed(result.project) == {("Trust", "Use of services", "+"), ("Use of services", "Trust", "?")}
    notes = " ".join(result.notes)
    assert "appear more than once" in notes and "not in the file" in notes and "marked '?'" in notes


def test_kumu_perspective_field_makes_one_perspective_per_participant(tmp_path):
    path = tmp_path / "workshop.json"
    path.write_text(json.dumps({
        "elements": [{"_id": "a", "attributes": {"label": "A"}}, {"_id": "b", "attributes": {"label": "B"}}],
        "connections": [{"_id": "1", "from": "a", "to": "b", "attributes": {"type": "+", "perspective": "Ann"}},
                        {"_id": "2", "from": "a", "to": "b", "attributes": {"type": "-", "perspective": "Bob"}}]}))
    assert import_file(path).perspectives == ["Ann", "Bob"]


def prsm_map(tmp_path: Path, compressed: bool) -> Path:
    data = {"version": "2.3", "mapTitle": "Youth transitions",
            "nodes": [{"id": "n1", "label": "College\ndrop-out", "x": 0, "y": 0, "note": {"ops": [{"insert": "Yr 12"}]}},
                      {"id": "n2", "label": "Youth unemployment", "x": 250, "y": 40}],
            "edges": [{"id": "e1", "from": "n1", "to": "n2", "grp": "edge1", "note": "Ofsted 2023"},
                      {"id": "e2", "from": "n2", "to": "n1", "grp": "edge2"}],
            "styles": {"edges": {"edge1": {"groupLabel": "Increases"}, "edge2": {"groupLabel": "Decreases"}}}}
    text = json.dumps(data)
    path = tmp_path / "map.prsm"
    path.write_text(compress_to_utf16(text) if compressed else text, encoding="utf-8")
    return path


@pytest.mark.parametrize("compressed", [False, True])
def test_prsm_plain_and_compressed(tmp_path, compressed):
    result = import_file(prsm_map(tmp_path, compressed))
    project = result.project
    assert result.format == "prsm" and result.polarity_field == "link style"
    assert signed(project) == {("College drop-out", "Youth unemployment", "+"),
                               ("Youth unemployment", "College drop-out", "-")}
    assert project.metadata.title == "Youth transitions"
    assert next(lk for lk in project.cld.links if lk.polarity == "+").note == "Ofsted 2023"
    # The user may choose another field: the labels here say nothing, so every link is '?'.
    relabelled = import_file(prsm_map(tmp_path, compressed), polarity_field="label").project
    assert {lk.polarity for lk in relabelled.cld.links} == {"?"}


def test_lz_string_matches_the_javascript_library():
    assert decompress_from_base64("BIUwNmD2A0AEDukBOYAmBCIA") == "Hello, world!"
    assert decompress_from_utf16("ɢ䰭䰾恔@㯄ʓFȱ ") == "Hello, world!"
    assert compress_to_utf16("Hello, world!").startswith("ɢ䰭䰾恔@㯄ʓFȱ")


def test_loopy_link_and_file(tmp_path):
    data = '[[[1,403,223,1,"rain",3],[2,600,300,1,"floods",0]],[[1,2,94,1,0],[2,1,50,-1,0]],[[300,100,"weather"]],2]'
    link = tmp_path / "model.loopy"
    link.write_text("https://ncase.me/loopy/v1.1/?data=" + data.replace('"', "%22"))
    result = import_file(link)
    assert signed(result.project) == {("rain", "floods", "+"), ("floods", "rain", "-")}
    assert any("label" in note for note in result.notes)


def test_graphml_gexf_gml_and_sd_ai(tmp_path):
    (tmp_path / "g.graphml").write_text(
        '<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="d0" for="node" attr.name="label"/><key id="d1" for="edge" attr.name="sign"/>'
        '<graph edgedefault="directed"><node id="n0"><data key="d0">Benefit sanctions</data></node>'
        '<node id="n1"><data key="d0">Food bank use</data></node>'
        '<edge source="n0" target="n1"><data key="d1">positive</data></edge></graph></graphml>')
    assert signed(import_file(tmp_path / "g.graphml").project) == {("Benefit sanctions", "Food bank use", "+")}
    (tmp_path / "g.gexf").write_text(
        '<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"><graph>'
        '<attributes class="edge"><attribute id="0" title="polarity" type="string"/></attributes>'
        '<nodes><node id="0" label="Debt"><viz:position x="1" y="2"/></node><node id="1" label="Stress"/></nodes>'
        '<edges><edge source="0" target="1"><attvalues><attvalue for="0" value="-"/></attvalues></edge>'
        '</edges></graph></gexf>')
    assert signed(import_file(tmp_path / "g.gexf").project) == {("Debt", "Stress", "-")}
    (tmp_path / "g.gml").write_text('graph [ directed 1 node [ id 1 label "Debt" ] node [ id 2 label "Stress" ] '
                                    'edge [ source 1 target 2 polarity "+" ] ]')
    assert signed(import_file(tmp_path / "g.gml").project) == {("Debt", "Stress", "+")}
    (tmp_path / "sd.json").write_text(json.dumps({"variables": [{"name": "Debt"}], "relationships": [
        {"from": "Debt", "to": "Stress", "polarity": "+", "reasoning": "Interviews", "polarityReasoning": "more debt"}]}))
    sd = import_file(tmp_path / "sd.json")
    assert sd.format == "sd-ai" and signed(sd.project) == {("Debt", "Stress", "+")}
    assert sd.project.cld.links[0].note == "Interviews\nmore debt"


def test_xlsx_links_and_variables_sheets(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    links = book.active
    links.title = "Links"
    links.append(["From", "To", "Polarity", "Delay", "Perspective"])
    links.append(["Caseload", "Time per family", "-", "yes", "Social work"])
    variables = book.create_sheet("Variables")
    variables.append(["Name", "X", "Y"])
    variables.append(["Caseload", 10, 20])
    book.save(tmp_path / "w.xlsx")
    project = import_file(tmp_path / "w.xlsx").project
    assert signed(project) == {("Caseload", "Time per family", "-")}
    assert project.cld.links[0].delay and project.perspectives[0].name == "Social work"
    caseload = next(v for v in project.cld.variables if v.name == "Caseload")
    assert (caseload.x, caseload.y) == (10, 20)


def test_entity_expansion_bomb_is_refused_fast(tmp_path):
    bomb = tmp_path / "bomb.xmile"
    entities = '<!ENTITY a0 "lol">' + "".join(f'<!ENTITY a{i} "&a{i-1};&a{i-1};&a{i-1};&a{i-1};">' for i in range(1, 12))
    bomb.write_text(f'<?xml version="1.0"?><!DOCTYPE xmile [{entities}]><xmile><model>&a11;</model></xmile>')
    start = time.perf_counter()
    with pytest.raises(ImportProblem, match="entities"):
        import_file(bomb)
    assert time.perf_counter() - start < 1.0


def test_malformed_xml_names_the_file_and_line(tmp_path):
    path = tmp_path / "broken.graphml"
    path.write_text('<?xml version="1.0"?>\n<graphml\n<graph>\n<node id="a">\n</graph>')
    with pytest.raises(ImportProblem, match=r"'broken.graphml' is not well-formed XML at line 3"):
        import_file(path)  # nothing before the fault: nothing to read in part


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "xmile"])
def test_a_file_cut_short_is_read_up_to_the_cut_with_the_rest_listed(tmp_path, fmt):
    from ssm_studio.interop.formats import export_project
    from ssm_studio.model import CausalLink, Perspective, Project, Variable

    project = Project()
    project.perspectives = [Perspective(name="Board")]
    project.cld.variables = [Variable(name=f"variable {i}", x=100.0 * i, y=0.0) for i in range(40)]
    project.cld.links = [CausalLink(source=a.id, target=b.id, perspective=project.perspectives[0].id)
                         for a, b in zip(project.cld.variables, project.cld.variables[1:], strict=False)]
    data = export_project(project, fmt)
    path = tmp_path / f"cut.{fmt}"
    path.write_bytes(data[: len(data) * 2 // 3])  # a download that stopped two thirds of the way
    result = import_file(path)
    note = next(n for n in result.notes if "not well-formed XML" in n)
    assert "what comes before was read, the rest was not" in note and "line" in note
    names = {v.name for v in result.project.cld.variables}
    assert "variable 0" in names and 0 < len(names) <= 40


def test_a_50_mb_file_imports_and_a_larger_one_is_refused(tmp_path):
    pad = " " * 1000
    nodes = ",".join(f'{{"_id":"e{i}","attributes":{{"label":"Variable {i}","description":"{pad}"}}}}' for i in range(50_000))
    links = ",".join(f'{{"_id":"c{i}","from":"e{i}","to":"e{i + 1}","attributes":{{"type":"+"}}}}' for i in range(4_999))
    big = tmp_path / "big.json"
    big.write_text(f'{{"elements":[{nodes}],"connections":[{links}]}}')
    assert 48 * 2**20 < big.stat().st_size < 64 * 2**20
    project = import_file(big).project
    assert len(project.cld.variables) == 50_000 and len(project.cld.links) == 4_999
    with big.open("a") as handle:
        handle.write(" " * (15 * 2**20))
    with pytest.raises(ImportProblem, match="MB"):
        import_file(big)


def test_wrong_format_named_says_what_it_expected(tmp_path):
    with pytest.raises(ImportProblem, match="does not look like Vensim model.*It looks like Kumu JSON"):
        import_file(CORPUS / "kumu/example_network.json", fmt="mdl")
    with pytest.raises(SsmError, match="Unknown format"):
        import_file(CORPUS / "kumu/example_network.json", fmt="vensim9")
    odd = tmp_path / "notes.txt"
    odd.write_text("just some notes")
    with pytest.raises(ImportProblem, match="cannot open 'notes.txt'"):
        import_file(odd)


def test_the_corpus_copy_matches_the_shared_corpus():
    if not SHARED_CORPUS.is_dir():
        pytest.skip("../shared/corpus is not beside this checkout; the copy in tests/fixtures is used")
    copy = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
    for path in CORPUS_FILES:
        relative = path.relative_to(SHARED_CORPUS)
        assert (copy / relative).read_bytes() == path.read_bytes(), relative


def test_xmile_aliases_delay_marks_and_reasoning(tmp_path):
    path = tmp_path / "model.stmx"
    path.write_text(
        '<?xml version="1.0"?><xmile xmlns="http://www.systemdynamics.org/XMILE" '
        'xmlns:isee="http://iseesystems.com/XMILE" version="1.0"><header><name>Care</name></header><model>'
        '<variables><aux name="Caseload"/><aux name="Time_per_family"><doc>hours a week</doc></aux></variables>'
        '<views><view><aux name="Caseload" x="10" y="20"/><aux name="Time_per_family" x="200" y="20"/>'
        '<alias uid="7" x="300" y="90"><of>Caseload</of></alias>'
        '<connector uid="1" polarity="-" isee:delay_mark="true" isee:reasoning="Workshop 2" '
        'isee:polarity_reasoning="more cases, less time"><from><alias uid="7"/></from><to>Time_per_family</to>'
        '</connector></view></views></model></xmile>')
    result = import_file(path)
    project = result.project
    assert result.format == "xmile" and project.metadata.title == "Care"
    assert signed(project) == {("Caseload", "Time per family", "-")}
    link = project.cld.links[0]
    assert link.delay and link.note == "Workshop 2\nmore cases, less time"
    assert next(v for v in project.cld.variables if v.name == "Time per family").note == "hours a week"
