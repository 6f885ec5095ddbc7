"""File → Export: the comparison pack (options, progress, cancel) and the current diagram."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
)

from ..errors import SsmError
from ..report import PackCancelled, PackOptions, build_pack
from ..report.pack import SECTIONS

SECTION_TITLES = {
    "summary": "Summary for the chair",
    "situation": "The situation",
    "perspectives": "One section per perspective",
    "comparison": "The perspectives compared",
    "loops": "The loops compared (loop by loop)",
    "stage5": "Comparison with the real situation (stage 5)",
    "actions": "Action plan and accommodation",
    "spotlight": "SPOTlight review: chain, evidence gaps, plan, stocktake",
    "journeys": "Client journeys: lanes, counts, the loops each feeds",
    "appendix": "Appendix: every causal claim",
}


class PackDialog(QDialog):
    """Which perspectives and sections, which paper; none of it changes the project."""

    def __init__(self, project, visible: set[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export comparison pack")
        self.setAccessibleName("Export comparison pack")
        layout = QVBoxLayout(self)
        people = QGroupBox("Perspectives")
        box = QVBoxLayout(people)
        self.perspective_boxes = []
        for perspective in project.perspectives:
            check = QCheckBox(perspective.name)
            check.setChecked(perspective.id in visible)
            check.setProperty("perspective", perspective.id)
            box.addWidget(check)
            self.perspective_boxes.append(check)
        layout.addWidget(people)
        parts = QGroupBox("Sections")
        box = QVBoxLayout(parts)
        self.section_boxes = {}
        for key in SECTIONS:
            check = QCheckBox(SECTION_TITLES[key])
            check.setChecked(True)
            box.addWidget(check)
            self.section_boxes[key] = check
        layout.addWidget(parts)
        form = QFormLayout()
        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem("US Letter", "letter")
        self.paper.setAccessibleName("Paper size")
        self.landscape = QCheckBox("Landscape pages throughout")
        self.a3_overlay = QCheckBox("Overlay of all perspectives on an A3 page")
        form.addRow("Paper", self.paper)
        form.addRow("", self.landscape)
        form.addRow("", self.a3_overlay)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def options(self) -> PackOptions:
        chosen = [b.property("perspective") for b in self.perspective_boxes if b.isChecked()]
        sections = {key for key, box in self.section_boxes.items() if box.isChecked()}
        return PackOptions(chosen or None, sections, self.paper.currentData(), self.landscape.isChecked(),
                           self.a3_overlay.isChecked())


def export_pack(window, path: str | None = None, options: PackOptions | None = None) -> bool:
    project = window.session.document.project
    if options is None:
        visible = {p.id for p in project.perspectives if window.layers.is_visible(p.id)}
        dialog = PackDialog(project, visible, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        options = dialog.options()
    if path is None:
        suggested = str(Path(window.last_folder("exports")) / f"{project.metadata.title[:60]} - comparison pack.pdf")
        path, chosen = QFileDialog.getSaveFileName(window, "Save comparison pack", suggested,
                                                   "PDF to print (*.pdf);;Word document to edit (*.docx)")
        if not path:
            return False
        if not path.lower().endswith((".pdf", ".docx")):
            path += ".docx" if "docx" in chosen else ".pdf"
    progress = QProgressDialog("Building the comparison pack…", "Cancel", 0, 100, window)
    progress.setWindowTitle("Comparison pack")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(300)

    def report(fraction: float, message: str) -> None:
        progress.setLabelText(message)
        progress.setValue(int(fraction * 100))
        QApplication.processEvents()  # keeps the window painting and Cancel clickable

    try:
        build_pack(project, path, options, progress=report, cancel=progress.wasCanceled,
                   media=window.session.document.media)
    except PackCancelled:
        window.say("Comparison pack cancelled; nothing was written.")
        return False
    except SsmError as error:
        QMessageBox.critical(window, "Pack not written", str(error))
        return False
    finally:
        progress.close()
    window.preferences.remember_folder("exports", path)
    window.say(f"Wrote {Path(path).name}")
    return True


def export_diagram(window, path: str | None = None, dpi: int = 150) -> bool:
    """The diagram on screen (the causal-loop diagram of the visible perspectives, or the
    conceptual model being edited) as PNG, SVG or PDF."""
    from ..render.export import cld_scene, write

    project = window.session.document.project
    if path is None:
        path, chosen = QFileDialog.getSaveFileName(
            window, "Export diagram", window.last_folder("exports"), "PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf)")
        if not path:
            return False
        if not Path(path).suffix:
            path += {"PNG": ".png", "SVG": ".svg", "PDF": ".pdf"}[chosen[:3]]
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in ("png", "svg", "pdf"):
        QMessageBox.critical(window, "Not exported", "Choose a .png, .svg or .pdf file name.")
        return False
    journeys = window.journey_scene()
    if window.page_key == "journeys" and journeys.journey_id is not None:
        scene, own = journeys, False  # the journey map on screen
    elif window.mode == "conceptual-model" and window.models.scene is not None:
        scene, own = window.models.scene, False  # the model on screen
    elif window.mode == "rich-picture":
        scene, own = window.pictures.scene, False
    else:
        visible = {p.id for p in project.perspectives if window.layers.is_visible(p.id)}
        scene, own = cld_scene(project, visible), True
    try:
        write(scene, path, fmt, dpi, title=project.metadata.title)
    except SsmError as error:
        QMessageBox.critical(window, "Not exported", str(error))
        return False
    except ValueError as error:
        QMessageBox.critical(window, "Not exported", f"Could not export '{Path(path).name}': {error}")
        return False
    finally:
        if own:
            scene.close()
    window.preferences.remember_folder("exports", path)
    window.say(f"Exported {Path(path).name}")
    return True


def export_table_csv(window, view: str, path: str | None = None) -> bool:
    """The action plan or the stage-5 tables as CSV (UTF-8 with BOM, for Excel)."""
    from ..interop.csv_tables import actions_csv, comparison_csv
    from ..storage import write_bytes_atomically

    project = window.session.document.project
    if path is None:
        name = "actions" if view == "actions" else "comparison"
        suggested = str(Path(window.last_folder("exports")) / f"{project.metadata.title[:60]} - {name}.csv")
        path, _ = QFileDialog.getSaveFileName(window, "Export as CSV", suggested, "CSV (*.csv)")
        if not path:
            return False
    text = (actions_csv if view == "actions" else comparison_csv)(project)
    try:
        write_bytes_atomically(path, text.encode("utf-8-sig"), keep_backup=False)
    except SsmError as error:
        QMessageBox.critical(window, "Not exported", str(error))
        return False
    window.preferences.remember_folder("exports", path)
    window.say(f"Exported {Path(path).name}")
    return True
