"""Import, export and merge from the window: dialogs around the shared operations, which run
in a worker thread on a connection of their own, with progress and Cancel (``ui/tasks``).
A cancelled or failed operation leaves the project, and any output file, as they were."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
)

from annotator.core.model import GOLD
from annotator.formats import registry
from annotator.ops import exporting, importing, merging
from annotator.ui.tasks import run_task

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


def import_files(window: MainWindow) -> None:
    if window.project is None:
        return
    patterns = " ".join(
        f"*{ext}" for name in registry.readable() for ext in registry.FORMATS[name].extensions
    )
    files, _ = QFileDialog.getOpenFileNames(
        window, "Import articles", filter=f"Articles ({patterns});;All files (*)"
    )
    if files:
        run_import(window, files)


def import_folder(window: MainWindow) -> None:
    """A folder of brat .txt/.ann pairs, WebAnno TSV files, or plain-text articles."""
    if window.project is None:
        return
    folder = QFileDialog.getExistingDirectory(window, "Import a folder")
    if folder:
        run_import(window, [folder])


class LabelMapDialog(QDialog):
    """For each label the files use and the project lacks: which label it becomes, or add it."""

    ADD = "add it to the schema as a new label"

    def __init__(self, window: MainWindow, unknown: list[str]) -> None:
        super().__init__(window)
        self.setWindowTitle("Labels from elsewhere")
        form = QFormLayout(self)
        form.addRow(QLabel("These labels are not in the project's schema:"))
        labels = window.project.schema.label_ids
        self.choices: dict[str, QComboBox] = {}
        for name in unknown:
            box = QComboBox()
            box.addItem(self.ADD, None)
            for label in labels:
                box.addItem(f"→ {label}", label)
            guess = next((label for label in labels if _same_name(name, label)), None)
            if guess is not None:
                box.setCurrentIndex(box.findData(guess))
            form.addRow(name, box)
            self.choices[name] = box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def mapping(self) -> dict[str, str]:
        return {name: box.currentData() for name, box in self.choices.items() if box.currentData()}

    def adds(self) -> bool:
        return any(box.currentData() is None for box in self.choices.values())


def _same_name(theirs: str, ours: str) -> bool:
    """PERS and PER, Location and LOC: a likely match to offer first."""
    a, b = theirs.upper(), ours.upper()
    return a == b or (len(b) >= 3 and (a.startswith(b) or b.startswith(a)))


def run_import(window: MainWindow, paths: list[str], fmt: str | None = None) -> None:
    if fmt is None and any(
        registry.by_extension(Path(p)) is None and not Path(p).is_dir() for p in paths
    ):
        fmt, ok = QInputDialog.getItem(
            window, "Import", "Read the files as:", registry.readable(), 0, False
        )
        if not ok:
            return
    folder = window.project.folder
    found = run_task(
        window,
        "Import",
        folder,
        lambda _project, _progress: importing.labels_in(paths, fmt),
        label="Reading the files' labels…",
    )
    if not found.ok:
        return
    unknown = sorted(found.result - set(window.project.schema.label_ids))
    label_map: dict[str, str] = {}
    add_labels = False
    if unknown:
        dialog = LabelMapDialog(window, unknown)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        label_map, add_labels = dialog.mapping(), dialog.adds()
    outcome = run_task(
        window,
        "Import",
        folder,
        lambda project, progress: importing.import_files(
            project,
            paths,
            fmt,
            window.annotator,
            label_map=label_map,
            add_labels=add_labels,
            progress=progress,
        ),
    )
    if outcome.ok:
        window.pick_up_changes()
        window.statusBar().showMessage(f"Imported: {outcome.result.summary()}.", 10000)
        if window.document_id is None and window.project.documents.first_id() is not None:
            window.open_document(window.project.documents.first_id())


class ExportDialog(QDialog):
    """Which format, which layer, which documents."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Export")
        form = QFormLayout(self)
        self.format = QComboBox()
        for name in registry.writable():
            self.format.addItem(f"{name} — {registry.FORMATS[name].description}", name)
        form.addRow("Format", self.format)
        self.layer = QComboBox()
        self.layer.addItem("every layer", None)
        for annotator in window.project.annotators():
            self.layer.addItem(annotator, annotator)
        if GOLD not in window.project.annotators():
            self.layer.addItem(GOLD, GOLD)
        form.addRow("Layer", self.layer)
        self.only_done = QCheckBox("only documents marked done (in that layer)")
        form.addRow("", self.only_done)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def export_project(window: MainWindow) -> None:
    if window.project is None:
        return
    dialog = ExportDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    fmt, layer = dialog.format.currentData(), dialog.layer.currentData()
    only_done = dialog.only_done.isChecked() and layer is not None
    folder_output = fmt in ("brat", "webanno", "hf")
    if folder_output:
        path = QFileDialog.getExistingDirectory(window, "Export into an empty folder")
    else:
        path, _ = QFileDialog.getSaveFileName(window, "Export to", f"{window.project.name}.{fmt}")
    if not path:
        return
    outcome = run_task(
        window,
        "Export",
        window.project.folder,
        lambda project, progress: exporting.export(
            project, fmt, path, layer, only_done=only_done, progress=progress
        ),
    )
    if outcome.ok:
        report = outcome.result
        window.statusBar().showMessage(
            f"Wrote {report.documents} documents and {report.spans} spans to {path}.", 10000
        )


def merge(window: MainWindow) -> None:
    """Bring a colleague's project (its project.sqlite) or export file into this project."""
    if window.project is None:
        return
    source, _ = QFileDialog.getOpenFileName(
        window,
        "Merge a colleague's project or export",
        filter="Projects and exports (*.sqlite *.json *.jsonl)",
    )
    if not source:
        return
    outcome = run_task(
        window,
        "Merge",
        window.project.folder,
        lambda project, progress: merging.merge(
            project, source, by=window.annotator, progress=progress
        ),
    )
    if outcome.ok:
        window.pick_up_changes()
        report = outcome.result
        lines = report.summary_lines(Path(source).name)
        lines += [f"note: {line}" for line in report.notes()]
        lines += [f"not merged: {line}" for line in report.problems()]
        QMessageBox.information(window, "Merge", "\n".join(lines))
