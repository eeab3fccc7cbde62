"""File-menu actions: new, open, recent, import, export (dialogs around the shared operations)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from annotator.core import schema as schemas
from annotator.core.errors import AnnotatorError, ProjectError
from annotator.formats import registry
from annotator.ops import exporting, importing, merging
from annotator.store import backups, locking
from annotator.store.project import Project

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow


class _Busy:
    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def open_folder(window: MainWindow, folder: Path) -> bool:
    try:
        window.open_project(folder)
    except AnnotatorError as error:
        window.show_error(error)
        return False
    return True


def new_project(window: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(window, "New project folder")
    if not path:
        return
    choices = [*schemas.PRESETS, "From a schema file…"]
    choice, ok = QInputDialog.getItem(
        window, "Label schema", "Labels for this project:", choices, 0, False
    )
    if not ok:
        return
    try:
        if choice in schemas.PRESETS:
            schema = schemas.load_preset(choice)
        else:
            file, _ = QFileDialog.getOpenFileName(window, "Schema file", filter="JSON (*.json)")
            if not file:
                return
            schema = schemas.load_file(file)
        Project.create(path, schema).close()
    except AnnotatorError as error:
        window.show_error(error)
        return
    open_folder(window, Path(path))


def open_project(window: MainWindow) -> None:
    folder = QFileDialog.getExistingDirectory(window, "Open project folder")
    if folder:
        open_folder(window, Path(folder))


def fill_recent_menu(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    for folder in window.settings.recent:
        action = QAction(folder, menu)
        action.triggered.connect(lambda _=False, f=folder: open_folder(window, Path(f)))
        menu.addAction(action)
    menu.setEnabled(bool(window.settings.recent))


def import_files(window: MainWindow) -> None:
    if window.project is None:
        return
    patterns = " ".join(
        f"*{ext}" for name in registry.readable() for ext in registry.FORMATS[name].extensions
    )
    files, _ = QFileDialog.getOpenFileNames(
        window, "Import articles", filter=f"Articles ({patterns})"
    )
    if not files:
        return
    try:
        with _Busy():
            report = importing.import_files(window.project, files, annotator=window.annotator)
    except AnnotatorError as error:
        window.show_error(error)
        return
    window.documents.model.reload()
    window.statusBar().showMessage(f"Imported: {report.summary()}.", 8000)
    if window.document_id is None and window.project.documents.first_id() is not None:
        window.open_document(window.project.documents.first_id())


def export_project(window: MainWindow) -> None:
    if window.project is None:
        return
    names = registry.writable()
    fmt, ok = QInputDialog.getItem(window, "Export", "Format:", names, 0, False)
    if not ok:
        return
    path, _ = QFileDialog.getSaveFileName(window, "Export to", f"{window.project.name}.{fmt}")
    if not path:
        return
    try:
        with _Busy():
            report = exporting.export(window.project, fmt, path)
    except AnnotatorError as error:
        window.show_error(error)
        return
    window.statusBar().showMessage(
        f"Wrote {report.documents} documents and {report.spans} spans to {path}.", 8000
    )


def claim(window: MainWindow, folder: Path) -> locking.Session:
    """Note that this window has the project. A project in a network folder is used from one
    computer at a time: if another computer's window has it, offer to take it over."""
    others = locking.on_other_computers(folder) if folder.is_dir() else []
    take_over = False
    if others:
        answer = QMessageBox.question(
            window,
            "Project open on another computer",
            f"{folder} is open in a window on another computer: "
            f"{'; '.join(o.describe() for o in others)}.\n\nTake the project over? Only do "
            "this if that window is closed or its computer has crashed: two computers writing "
            "one project through a network folder can damage it.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise ProjectError(f"{folder}: left to the other computer; nothing was opened")
        take_over = True
    claimed = locking.claim(folder, window.annotator, take_over=take_over)
    share = locking.network_filesystem(folder)
    if share:
        window.statusBar().showMessage(
            f"This project is in a network folder ({share}): use it from one computer at a "
            "time, and keep a copy on a local disk when you can.",
            15000,
        )
    return claimed


def back_up_in_background(window: MainWindow, folder: Path) -> None:
    """The automatic backup made when a project opens (only if it changed since the last)."""

    def run() -> None:
        with contextlib.suppress(AnnotatorError, OSError):  # if it cannot be made now, it is
            backups.automatic(folder)  # made at the next opening

    threading.Thread(target=run, name="automatic backup", daemon=True).start()


def back_up(window: MainWindow) -> None:
    if window.project is None:
        return
    try:
        with _Busy():
            made = backups.create(window.project.folder)
    except AnnotatorError as error:
        window.show_error(error)
        return
    window.statusBar().showMessage(f"Backed up: {made.describe()}", 8000)


def restore(window: MainWindow) -> None:
    """Choose a backup, close the project, put the backup in its place, reopen."""
    if window.project is None:
        return
    folder = window.project.folder
    found = backups.all_backups(folder)
    if not found:
        QMessageBox.information(window, "Restore a backup", "This project has no backups yet.")
        return
    choices = [backup.describe() for backup in found]
    choice, ok = QInputDialog.getItem(
        window, "Restore a backup", "Put this backup in place of the project:", choices, 0, False
    )
    if not ok:
        return
    chosen = found[choices.index(choice)]
    window.close_project()
    try:
        with _Busy():
            before = backups.restore(folder, chosen.name)
    except AnnotatorError as error:
        window.show_error(error)
        open_folder(window, folder)
        return
    open_folder(window, folder)
    window.statusBar().showMessage(
        f"Restored {chosen.name}; the project as it was just before is kept as {before.name}.",
        15000,
    )


def merge(window: MainWindow) -> None:
    """Bring a colleague's project folder or export file into this project."""
    if window.project is None:
        return
    source, _ = QFileDialog.getOpenFileName(
        window, "Merge a colleague's project (its project.sqlite) or export file",
        filter="Projects and exports (*.sqlite *.json *.jsonl)",
    )  # fmt: skip
    if not source:
        return
    try:
        with _Busy():
            report = merging.merge(window.project, source, by=window.annotator)
    except AnnotatorError as error:
        window.show_error(error)
        return
    window.documents.model.reload()
    if window.document_id is not None:
        window.open_document(window.document_id)
    QMessageBox.information(window, "Merge", report.summary())
