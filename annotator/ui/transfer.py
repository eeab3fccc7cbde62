"""Import, export and merge from the window: dialogs around the shared operations, which run
in a worker thread on a connection of their own, with progress and Cancel (``ui/tasks``).
A cancelled or failed operation leaves the project, and any output file, as they were."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP
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
    QWidget,
)

from annotator.core.model import GOLD
from annotator.ops import exporting, formats_offered, importing, merging, viewing
from annotator.ui.language import figure, translate
from annotator.ui.report_words import import_summary, merge_lines
from annotator.ui.session import Session
from annotator.ui.tasks import run_task

WRITTEN_AS = {  # each format the window exports, in its words (a format not here: the core's)
    "jsonl": QT_TRANSLATE_NOOP("transfer", "our JSONL: a document per line"),
    "json": QT_TRANSLATE_NOOP("transfer", "our JSON export, the whole project in one file"),
    "conll": QT_TRANSLATE_NOOP("transfer", "a token per line with BIO tags (CoNLL-2003)"),
    "conllu": QT_TRANSLATE_NOOP("transfer", "CoNLL-U for UD pipelines, entities in MISC"),
    "spacy": QT_TRANSLATE_NOOP("transfer", "spaCy JSONL, or DocBin when spaCy is installed"),
    "hf": QT_TRANSLATE_NOOP("transfer", "Hugging Face token classification: a folder"),
    "brat": QT_TRANSLATE_NOOP("transfer", "brat standoff: a folder of .txt and .ann pairs"),
    "doccano": QT_TRANSLATE_NOOP("transfer", "doccano JSONL: entities and relations"),
    "labelstudio": QT_TRANSLATE_NOOP("transfer", "Label Studio JSON tasks: spans, relations"),
    "webanno": QT_TRANSLATE_NOOP("transfer", "WebAnno TSV 3 (INCEpTION): a folder"),
    "uima-xmi": QT_TRANSLATE_NOOP("transfer", "UIMA CAS XMI (INCEpTION) with TypeSystem.xml"),
    "events-csv": QT_TRANSLATE_NOOP(
        "transfer", "a row per event: type, actors, place, date, fatalities (Excel, R, pandas)"
    ),
    "geojson": QT_TRANSLATE_NOOP("transfer", "events as points on a map (GeoJSON)"),
}


def import_files(parent: QWidget, session: Session) -> None:
    if session.project is None:
        return
    patterns = " ".join(f"*{ext}" for f in formats_offered.readable() for ext in f.extensions)
    files, _ = QFileDialog.getOpenFileNames(
        parent,
        translate("transfer", "Import articles"),
        filter=translate("transfer", "Articles (%1);;All files (*)").replace("%1", patterns),
    )
    if files:
        run_import(parent, session, files)


def import_folder(parent: QWidget, session: Session) -> None:
    """A folder of brat .txt/.ann pairs, WebAnno TSV files, or plain-text articles."""
    if session.project is None:
        return
    folder = QFileDialog.getExistingDirectory(parent, translate("transfer", "Import a folder"))
    if folder:
        run_import(parent, session, [folder])


class LabelMapDialog(QDialog):
    """For each label the files use and the project lacks: which label it becomes, or add it."""

    def __init__(self, parent: QWidget, labels: list[str], unknown: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("transfer", "Labels from elsewhere"))
        form = QFormLayout(self)
        form.addRow(QLabel(translate("transfer", "These labels are not in the project's schema:")))
        self.choices: dict[str, QComboBox] = {}
        for name in unknown:
            box = QComboBox()
            box.addItem(translate("transfer", "add it to the schema as a new label"), None)
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


def run_import(parent: QWidget, session: Session, paths: list[str], fmt: str | None = None) -> None:
    if fmt is None and not all(formats_offered.known_by_its_name(p) for p in paths):
        names = [f.name for f in formats_offered.readable()]
        fmt, ok = QInputDialog.getItem(
            parent,
            translate("transfer", "Import"),
            translate("transfer", "Read the files as:"),
            names,
            0,
            False,
        )
        if not ok:
            return
    folder = session.project.folder
    found = run_task(
        parent,
        translate("transfer", "Import"),
        folder,
        lambda _project, _progress: importing.labels_in(paths, fmt),
        label=translate("transfer", "Reading the files' labels…"),
    )
    if not found.ok:
        return
    labels = session.schema.label_ids
    unknown = sorted(found.result - set(labels))
    label_map: dict[str, str] = {}
    add_labels = False
    if unknown:
        dialog = LabelMapDialog(parent, labels, unknown)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        label_map, add_labels = dialog.mapping(), dialog.adds()
    outcome = run_task(
        parent,
        translate("transfer", "Import"),
        folder,
        lambda project, progress: importing.import_files(
            project,
            paths,
            fmt,
            session.annotator,
            label_map=label_map,
            add_labels=add_labels,
            progress=progress,
        ),
        changes=True,
    )
    if outcome.ok:
        session.saving.look_for_changes()
        report = outcome.result
        imported = translate("transfer", "Imported: %1.").replace("%1", import_summary(report))
        session.message.emit(imported, 10000)
        if report.notes:  # what was kept in another form, or may surprise
            notes = "\n".join(f"• {note}" for note in report.notes)
            QMessageBox.information(
                parent, translate("transfer", "Import"), f"{imported}\n\n{notes}"
            )
        if session.document_id is None:
            session.show_document(viewing.first_document(session.project))


class ExportDialog(QDialog):
    """Which format, which layer, which documents."""

    def __init__(self, parent: QWidget, layers: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("transfer", "Export"))
        form = QFormLayout(self)
        self.format = QComboBox()
        self.offered = {offered.name: offered for offered in formats_offered.writable()}
        for offered in self.offered.values():
            said = WRITTEN_AS.get(offered.name)
            described = translate("transfer", said) if said else offered.description
            self.format.addItem(f"{offered.name} — {described}", offered.name)
        form.addRow(translate("transfer", "Format"), self.format)
        self.layer = QComboBox()
        self.layer.addItem(translate("transfer", "every layer"), None)
        for annotator in layers:
            self.layer.addItem(annotator, annotator)
        if GOLD not in layers:
            self.layer.addItem(GOLD, GOLD)
        form.addRow(translate("transfer", "Layer"), self.layer)
        self.only_done = QCheckBox(
            translate("transfer", "only documents marked done (in that layer)")
        )
        form.addRow("", self.only_done)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


def export_project(parent: QWidget, session: Session) -> None:
    project = session.project
    if project is None:
        return
    dialog = ExportDialog(parent, viewing.annotators(project))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    offered, layer = dialog.offered[dialog.format.currentData()], dialog.layer.currentData()
    only_done = dialog.only_done.isChecked() and layer is not None
    if offered.writes_a_folder:
        path = QFileDialog.getExistingDirectory(
            parent, translate("transfer", "Export into an empty folder")
        )
    else:
        suggested = f"{project.name}.{offered.name}"
        path, _ = QFileDialog.getSaveFileName(parent, translate("transfer", "Export to"), suggested)
    if not path:
        return
    outcome = run_task(
        parent,
        translate("transfer", "Export"),
        project.folder,
        lambda opened, progress: exporting.export(
            opened, offered.name, path, layer, only_done=only_done, progress=progress
        ),
    )
    if outcome.ok:
        report = outcome.result
        wrote = translate("transfer", "Wrote %1 documents and %2 spans to %3.").replace("%3", path)
        wrote = wrote.replace("%1", figure(report.documents)).replace("%2", figure(report.spans))
        session.message.emit(wrote, 10000)
        if report.notes:  # spans left out, finished work not fully coded…
            notes = "\n".join(f"• {note}" for note in report.notes)
            QMessageBox.information(parent, translate("transfer", "Export"), f"{wrote}\n\n{notes}")


def merge(parent: QWidget, session: Session) -> None:
    """Bring a colleague's project (its project.sqlite) or export file into this project."""
    if session.project is None:
        return
    source, _ = QFileDialog.getOpenFileName(
        parent,
        translate("transfer", "Merge a colleague's project or export"),
        filter=translate("transfer", "Projects and exports (*.sqlite *.json *.jsonl)"),
    )
    if not source:
        return
    outcome = run_task(
        parent,
        translate("transfer", "Merge"),
        session.project.folder,
        lambda project, progress: merging.merge(
            project, source, by=session.annotator, progress=progress
        ),
        changes=True,
    )
    if outcome.ok:
        session.saving.look_for_changes()
        report = outcome.result
        lines = merge_lines(report, Path(source).name)
        lines += [translate("transfer", "note: %1").replace("%1", line) for line in report.notes()]
        lines += [
            translate("transfer", "not merged: %1").replace("%1", line)
            for line in report.problems()
        ]
        QMessageBox.information(parent, translate("transfer", "Merge"), "\n".join(lines))
