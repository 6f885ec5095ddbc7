"""Import touchpoints from a CSV or XLSX file (one row per contact): the user maps the file's
columns to touchpoint fields (guessed from the header), sees what would be imported and which
rows would not (with their numbers and why), and imports it as one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
)

from ..interop import journey_tables as jt
from ..model import Journey, Project


class JourneyImportDialog(QDialog):
    def __init__(self, project: Project, journey: Journey, source: str, header: list[str], rows: list[list[str]],
                 parent=None) -> None:
        super().__init__(parent)
        self.project, self.journey, self.header, self.rows = project, journey, header, rows
        self.setWindowTitle(f"Import touchpoints from {source}")
        self.setAccessibleName("Import touchpoints")
        box = QVBoxLayout(self)
        intro = QLabel(f"{len(rows):,} row(s) in '{source}', one per contact. Choose the column that holds each "
                       f"field of a touchpoint for '{journey.name}'. Services and lanes the file names that the "
                       "project lacks are added with the touchpoints.")
        intro.setWordWrap(True)
        box.addWidget(intro)
        form = QFormLayout()
        box.addLayout(form)
        guessed = jt.guess_mapping(header)
        self.columns: dict[str, QComboBox] = {}
        for key, words in jt.FIELDS.items():
            combo = QComboBox()
            combo.setAccessibleName(f"Column for {words}")
            combo.addItem("(not in the file)", None)
            for index, name in enumerate(header):
                combo.addItem(name or f"column {index + 1}", index)
            if guessed.get(key) is not None:
                combo.setCurrentIndex(combo.findData(guessed[key]))
            combo.currentIndexChanged.connect(lambda _: self.preview())
            form.addRow(words, combo)
            self.columns[key] = combo
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName("What would be imported")
        box.addWidget(self.summary)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.plan = jt.ImportPlan()
        self.preview()

    def mapping(self) -> dict[str, int | None]:
        return {key: combo.currentData() for key, combo in self.columns.items()}

    def preview(self) -> None:
        self.plan = jt.plan_import(self.project, self.journey, self.rows, self.mapping())
        self.summary.setText(self.plan.words())
        self.ok.setEnabled(bool(self.plan.touchpoints))
