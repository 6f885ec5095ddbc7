from pypdf import PdfReader

from ssm_studio.app.export_dialogs import PackDialog, export_diagram, export_pack


def test_export_pack_from_the_app(qtbot, window, tmp_path):
    project = window.session.document.project
    dialog = PackDialog(project, {p.id for p in project.perspectives[:2]})
    qtbot.addWidget(dialog)
    options = dialog.options()
    assert options.perspectives == [p.id for p in project.perspectives[:2]]
    out = tmp_path / "pack.pdf"
    assert export_pack(window, str(out), options)
    assert len(PdfReader(str(out)).pages) > 5
    assert not window.session.dirty  # exporting does not change the project


def test_export_diagram_of_visible_perspectives(qtbot, window, tmp_path):
    for p in window.session.document.project.perspectives[1:]:
        window.layers.set_visible(p.id, False)
    out = tmp_path / "d.svg"
    assert export_diagram(window, str(out))
    text = out.read_text()
    assert "<svg" in text and "Deprivation" in text


def test_export_tables_as_csv_from_the_app(qtbot, window, tmp_path):
    import csv

    from ssm_studio.app.export_dialogs import export_table_csv

    for view in ("actions", "comparison"):
        out = tmp_path / f"{view}.csv"
        assert export_table_csv(window, view, str(out))
        with open(out, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
        assert len(rows) > 3
