"""File-menu actions: new, open, recent, import, export (dialogs around the shared operations)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

from annotator.core import schema as schemas
from annotator.core.errors import AnnotatorError
from annotator.formats import registry
from annotator.ops import exporting, importing
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
