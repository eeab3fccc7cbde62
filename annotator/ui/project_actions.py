"""File-menu actions: new, open, recent, backups, and the note that a window has a project."""

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
