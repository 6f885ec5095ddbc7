"""File → Import, File → Merge Perspectives and File → Export for Other Tools.

Reading runs off the UI thread behind a progress dialog; what comes in is reviewed (which
field holds polarity, which perspective name, which variables are the same) and then joins
the project as one undoable step. A summary of what was not understood stays on screen.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..errors import SsmError

NEW_VARIABLE = "— bring in as a new variable —"
MAX_CHOICES = 400  # past this many variables the list offers only the proposal and "new"


def import_filter() -> str:
    from ..interop.formats import formats, import_names

    parts = []
    for name in import_names():
        f = formats()[name]
        parts.append(f"{f.label} ({' '.join('*' + e for e in f.extensions)})")
    every = " ".join(sorted({"*" + e for n in import_names() for e in formats()[n].extensions}))
    return ";;".join([f"Files from other tools ({every})", *parts, "All files (*)"])


def run_busy(parent, label: str, work):
    """Run ``work`` on a worker thread; the window keeps painting behind a busy dialog."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setWindowTitle("SSM Studio")
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(400)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    outcome: dict = {}

    def target() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:  # handed back to the UI thread as it was
            outcome["error"] = error

    thread = threading.Thread(target=target, name="ssm-import", daemon=True)
    thread.start()
    while thread.is_alive():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
        thread.join(0.02)
    dialog.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


class ImportDialog(QDialog):
    """What was read, and the choices that shape it: field for polarity, perspective, where."""

    def __init__(self, path: Path, result, can_add: bool, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import {path.name}")
        self.setAccessibleName(f"Import {path.name}")
        self.path, self.result = path, result
        layout = QVBoxLayout(self)
        self.summary = QPlainTextEdit(result.describe())
        self.summary.setReadOnly(True)
        self.summary.setAccessibleName("What was read")
        layout.addWidget(self.summary)
        form = QFormLayout()
        self.perspective = QLineEdit(path.stem)
        self.perspective.setAccessibleName("Perspective name")
        self.perspective.setToolTip("For claims the file does not assign to a participant")
        form.addRow("&Perspective", self.perspective)
        self.polarity = QComboBox()
        self.polarity.setAccessibleName("Field that holds polarity")
        for name in result.polarity_fields:
            self.polarity.addItem(name)
        if result.polarity_field:
            self.polarity.setCurrentText(result.polarity_field)
        self.polarity.setEnabled(bool(result.polarity_fields))
        form.addRow("Polarity &from", self.polarity)
        layout.addLayout(form)
        self.add_here = QRadioButton("&Add as perspectives of this project")
        self.as_new = QRadioButton("Open as a &new project")
        (self.add_here if can_add else self.as_new).setChecked(True)
        self.add_here.setEnabled(can_add)
        layout.addWidget(self.add_here)
        layout.addWidget(self.as_new)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)

    def choices(self) -> tuple[str, str | None, bool]:
        field = self.polarity.currentText() if self.polarity.isEnabled() else None
        return self.perspective.text().strip() or self.path.stem, field, self.as_new.isChecked()


def _fixed(text: str) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
    return item


class MatchReviewDialog(QDialog):
    """Accept, change or refuse each proposed match of an incoming variable."""

    def __init__(self, base, incoming, source: str, parent=None) -> None:
        from ..interop.merge import propose_matches

        super().__init__(parent)
        self.setWindowTitle(f"Same variables? — {source}")
        self.setAccessibleName("Review matched variables")
        self.proposals = propose_matches(base, incoming)
        layout = QVBoxLayout(self)
        # The least certain first: names that match only once plurals and punctuation are
        # set aside deserve a look; the same id is the same variable.
        certainty = {"same name": 1, "same variable (same id)": 2}
        proposed = sorted((p for p in self.proposals if p.base_id), key=lambda p: certainty.get(p.reason, 0))
        new = len(self.proposals) - len(proposed)
        layout.addWidget(QLabel(f"{len(proposed)} variable(s) of '{source}' look like ones already in the "
                                f"project; {new} will come in as new. Change or refuse any match below."))
        self.table = QTableWidget(len(proposed), 3)
        self.table.setHorizontalHeaderLabels(["In the file", "Same as, in the project", "Why"])
        self.table.setAccessibleName("Proposed matches")
        choices = sorted(base.cld.variables, key=lambda v: v.name.casefold())
        self.combos: dict[str, QComboBox] = {}
        for row, proposal in enumerate(proposed):
            self.table.setItem(row, 0, _fixed(proposal.incoming_name))
            combo = QComboBox()
            combo.setAccessibleName(f"Match for {proposal.incoming_name}")
            combo.addItem(proposal.base_name, proposal.base_id)
            combo.addItem(NEW_VARIABLE, None)
            if len(choices) <= MAX_CHOICES:
                for v in choices:
                    if v.id != proposal.base_id:
                        combo.addItem(v.name, v.id)
            self.table.setCellWidget(row, 1, combo)
            self.table.setItem(row, 2, _fixed(proposal.reason))
            self.combos[proposal.incoming_id] = combo
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Bring them in")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 460)

    def matches(self) -> dict[str, str | None]:
        chosen = {p.incoming_id: p.base_id for p in self.proposals}
        for incoming_id, combo in self.combos.items():
            chosen[incoming_id] = combo.currentData()
        return chosen


class SummaryDialog(QDialog):
    """What came in, stays open beside the window (not modal) while the user looks."""

    def __init__(self, title: str, lines: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        self.text.setAccessibleName(f"{title}: summary")
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        self.resize(620, 360)


def _show_summary(window, title: str, lines: list[str]) -> None:
    window.gather_summary = SummaryDialog(title, lines, window)
    window.gather_summary.show()


def _review(window, base, incoming, source: str, review: bool):
    if not review:
        return {}
    dialog = MatchReviewDialog(base, incoming, source, window)
    if not dialog.table.rowCount():
        return dialog.matches()
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.matches()


def _gather(window, incoming: list[tuple[str, object, dict]], label: str, review: bool) -> list[str] | None:
    """Plan every file against the project as it will be, then apply all of it as one edit."""
    from ..edits.gather_edits import GatherEdit
    from ..interop.merge import apply_plan, plan_merge

    session = window.session
    scratch = session.document.project
    inserts, included, media, lines = [], {}, {}, []
    for source, project, files in incoming:
        matches = _review(window, scratch, project, source, review)
        if matches is None:
            return None
        plan = plan_merge(scratch, project, source, matches or None, files)
        scratch = apply_plan(scratch, plan)
        inserts += plan.inserts
        included.update(plan.included_by)
        media.update(plan.media)
        lines += plan.summary.lines()
    session.document.media.update(media)  # content-addressed: adding unused images is harmless
    if not session.push(GatherEdit(inserts, included, label)):
        return None
    return lines


def _rename_default(result, default: str, wanted: str) -> None:
    for perspective in result.project.perspectives:
        if perspective.name == default:
            perspective.name = wanted
    result.perspectives = [p.name for p in result.project.perspectives]


def import_files(window, paths: list[str] | None = None, review: bool = True) -> bool:
    from ..interop.formats import import_file
    from .session import DocumentSession

    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(window, "Import from other tools", window.last_folder("imports"),
                                                import_filter())
        if not paths:
            return False
    gathered, notes = [], []
    for name in paths:
        path = Path(name)
        try:
            result = run_busy(window, f"Reading {path.name}…", lambda p=path: import_file(p))
            dialog = ImportDialog(path, result, can_add=True, parent=window)
            if review and dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            perspective, field, as_new = dialog.choices()
            if field != result.polarity_field:  # polarity is read while reading: read again
                result = run_busy(window, f"Reading {path.name}…",
                                  lambda p=path, n=perspective, f=field: import_file(p, perspective=n, polarity_field=f))
            else:  # only the default perspective's name: no need to read a large file twice
                _rename_default(result, path.stem, perspective)
        except SsmError as error:
            QMessageBox.critical(window, "Not imported", str(error))
            return False
        notes += [f"{path.name} ({result.format}): {result.describe()}"]
        if as_new:
            if not window.maybe_save():
                return False
            from ..edits.document import Document

            window.set_session(DocumentSession(Document(result.project), None, window.session.recovery))
            _show_summary(window, "Imported", notes)
            return True
        gathered.append((path.stem, result.project, {}))
    lines = _gather(window, gathered, "Import", review)
    if lines is None:
        return False
    _show_summary(window, "Imported", notes + [""] + lines)
    window.preferences.remember_folder("imports", paths[0])
    window.say(f"Imported {len(gathered)} file(s); Undo takes the import back.")
    return True


def import_loopy_link(window, link: str | None = None) -> bool:
    """A LOOPY model from its link (LOOPY keeps the whole model in the address)."""
    import tempfile

    from PySide6.QtWidgets import QInputDialog

    if link is None:
        link, ok = QInputDialog.getText(window, "Import a LOOPY model",
                                        "Paste the LOOPY link (it has ?data= in it):")
        if not ok or not link.strip():
            return False
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "LOOPY model.loopy"
        path.write_text(link.strip(), encoding="utf-8")
        return import_files(window, [str(path)])


def merge_perspectives(window, paths: list[str] | None = None, review: bool = True) -> bool:
    from ..storage import read_project

    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(window, "Merge perspectives from participants' projects",
                                                window.last_folder("imports"), "SSM Studio projects (*.ssm)")
        if not paths:
            return False
    try:
        loaded = [(Path(p).stem, run_busy(window, f"Reading {Path(p).name}…", lambda p=p: read_project(p)))
                  for p in paths]
    except SsmError as error:
        QMessageBox.critical(window, "Not merged", str(error))
        return False
    lines = _gather(window, [(stem, item.project, item.media) for stem, item in loaded], "Merge perspectives",
                    review)
    if lines is None:
        return False
    _show_summary(window, "Perspectives merged", lines)
    window.preferences.remember_folder("imports", paths[0])
    window.say(f"Merged {len(paths)} project(s); Undo takes the merge back.")
    return True


EXPORT_FILTERS = {"graphml": "GraphML (*.graphml)", "gexf": "GEXF for Gephi (*.gexf)", "kumu": "Kumu JSON (*.json)", "mdl": "Vensim model (*.mdl)",
                  "xmile": "XMILE / Stella (*.xmile)", "dot": "Graphviz DOT (*.dot)", "csv": "CSV link list (*.csv)",
                  "xlsx": "Excel workbook (*.xlsx)"}


def export_for_tools(window, path: str | None = None, fmt: str | None = None) -> bool:
    """The causal diagram of the perspectives shown, in another tool's format."""
    from ..interop.formats import export_project
    from ..storage import write_bytes_atomically

    project = window.session.document.project
    if path is None:
        stem = str(Path(window.last_folder("exports")) / project.metadata.title[:60])
        path, chosen = QFileDialog.getSaveFileName(window, "Export for other tools", stem,
                                                   ";;".join(EXPORT_FILTERS.values()))
        if not path:
            return False
        fmt = next(k for k, v in EXPORT_FILTERS.items() if v == chosen)
        suffix = chosen[chosen.index("*") + 1:-1]
        if not path.lower().endswith(suffix):
            path += suffix
    visible = [p.name for p in project.perspectives if window.layers.is_visible(p.id)]
    try:
        data = export_project(project, fmt, visible or None)
        write_bytes_atomically(path, data, keep_backup=False)
    except SsmError as error:
        QMessageBox.critical(window, "Not exported", str(error))
        return False
    window.preferences.remember_folder("exports", path)
    window.say(f"Exported {Path(path).name} ({len(visible)} perspective(s))")
    return True


def gather_projects(window, incoming: Sequence[tuple[str, object]], label: str, review: bool = True) -> bool:
    """Merge projects the window did not read from files (a workshop room's tables) into its
    project, with the same review as merging files, as one undoable step."""
    lines = _gather(window, [(source, project, {}) for source, project in incoming], label, review)
    if lines is None:
        return False
    _show_summary(window, label, lines)
    return True
