import csv

from ssm_studio.cli.main import main


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def test_export_actions_csv(tmp_path, example_path):
    out = tmp_path / "actions.csv"
    assert main(["export", str(example_path), "--view", "actions", "--format", "csv", "-o", str(out)]) == 0
    rows = read(out)
    assert [r["change"] for r in rows][0] == "Offer college courses starting in January"
    assert rows[0]["Residents out of work: note"] == "Only if travel is paid"
    assert rows[1]["objecting"] == "Jobcentre Plus advisers"


def test_export_comparison_csv(tmp_path, example_path, example_project):
    out = tmp_path / "comparison.csv"
    assert main(["export", str(example_path), "--view", "comparison", "-o", str(out)]) == 0
    rows = read(out)
    assert len(rows) == sum(len(cm.activities) for cm in example_project.conceptual_models)
    contact = next(r for r in rows if r["activity"] == "Keep weekly contact")
    assert (contact["exists"], contact["by whom"]) == ("partly", "Personal tutors")


def test_table_views_only_export_csv(tmp_path, example_path):
    assert main(["export", str(example_path), "--view", "actions", "-o", str(tmp_path / "a.png")]) == 2
