"""The analysis panel answers each question for the perspectives shown, off the UI thread."""

import pytest


def ask(qtbot, panel, question):
    number = panel.ask(question)
    qtbot.waitUntil(lambda: getattr(panel, "last_answer", None) is not None and panel._asked == number
                    and "Working it out" not in panel.answer.toPlainText(), timeout=20_000)
    return panel.answer.toPlainText()


@pytest.mark.parametrize("question, words", [
    ("causes", "What drives Worklessness"),
    ("uses", "What is driven by Worklessness"),
    ("up", "Pushing Worklessness up"),
    ("down", "Pushing Worklessness down"),
    ("loops", "seen by no perspective alone"),
    ("archetypes", "candidate archetypes"),
    ("leverage", "Where to push"),
    ("hygiene", "Loops without a name"),
])
def test_every_question_is_answered(qtbot, window, question, words):
    panel = window.analysis
    panel.variable.setCurrentIndex(panel.variable.findText("Worklessness"))
    assert words in ask(qtbot, panel, question)


def test_routes_between_two_variables_and_the_perspectives_shown(qtbot, window):
    panel = window.analysis
    panel.variable.setCurrentIndex(panel.variable.findText("Pressure to meet off-flow targets"))
    panel.target.setCurrentIndex(panel.target.findText("Worklessness"))
    text = ask(qtbot, panel, "paths")
    assert "Routes of both signs" in text
    project = window.session.document.project
    window.layers.set_solo(project.perspective_named("Jobcentre Plus advisers").id)
    text = ask(qtbot, panel, "paths")  # only one perspective's claims: one route, one sign
    assert "Every route has the same sign" in text


def test_the_panel_follows_new_variables(qtbot, window):
    from ssm_studio.edits.causal_edits import add_variable
    from ssm_studio.model import Variable

    window._show_dock("analysis")
    window.session.push(add_variable(Variable(name="Childcare places")))
    assert window.analysis.variable.findText("Childcare places") >= 0
