"""Help → Examples lists every example and opens the one chosen (as the user's own copy)."""

from __future__ import annotations

from ssm_studio.bundled import examples


def test_help_examples_opens_each_as_the_users_own_copy(qtbot, window, tmp_path, monkeypatch):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    listed = next(a.menu() for a in menu.actions() if a.text() == "&Examples")
    titles = [a.text() for a in listed.actions()]
    assert len(titles) == len(examples()) and "Meir: families in contact with many services (Think Family)" in titles
    opened = []
    monkeypatch.setattr(window, "open_example", lambda path: opened.append(path) or True)
    next(a for a in listed.actions() if a.text().startswith("Salford")).trigger()
    assert opened and opened[0].endswith("salford-spotlight-lone-parents.ssm")
