"""Root definitions in the app: fill CATWOE for two perspectives, see the matrix follow."""

from PySide6.QtCore import Qt

from ssm_studio.storage import project_to_bytes


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_fill_catwoe_for_two_perspectives_and_undo_to_the_saved_file(qtbot, window):
    project = window.session.document.project
    original = project_to_bytes(project, {})
    editor, matrix = window.root_definitions, window.catwoe
    columns_before = matrix.columnCount()
    made = []
    for name, customers in (("Jobcentre Plus advisers", "Employers with vacancies"),
                            ("Further-education college", "Employers with vacancies")):
        perspective = project.perspective_named(name)
        window.perspectives.make_active(perspective.id)
        assert editor.perspective == perspective.id
        rd_id = editor.add("issue-based")
        made.append(rd_id)
        type_into(qtbot, editor.inputs["customers"], customers)
        type_into(qtbot, editor.inputs["transformation_input"], "vacancies unfilled")
        type_into(qtbot, editor.inputs["transformation_output"], "vacancies filled by local people")
        type_into(qtbot, editor.measure_inputs["efficacy"], "Vacancies filled")
    rds = {rd.id: rd for rd in project.root_definitions}
    assert [rds[r].customers for r in made] == ["Employers with vacancies"] * 2
    assert rds[made[0]].measures.efficacy == "Vacancies filled"
    assert "vacancies unfilled \u2192 vacancies filled by local people" in editor.sentence.text()
    assert editor.t_hint.text() == ""
    # The matrix gains two columns and marks the shared wording (it refreshes when shown).
    window.show_page("catwoe")
    assert matrix.columnCount() == columns_before + 2
    cells = [matrix.item(0, c).text() for c in range(matrix.columnCount())]
    assert cells.count("= Employers with vacancies") == 2
    stack = window.session.undo_stack
    while stack.canUndo():
        stack.undo()
    assert project_to_bytes(project, {}) == original
    assert matrix.columnCount() == columns_before


def test_transformation_hint_and_own_wording(qtbot, window):
    editor = window.root_definitions
    type_into(qtbot, editor.inputs["transformation_output"], "lower costs")
    assert "changed form" in editor.t_hint.text()
    editor.own_words.setFocus()
    qtbot.keyClicks(editor.own_words, "Our own sentence.")
    editor.inputs["title"].setFocus()
    assert editor.current().sentence == "Our own sentence."
