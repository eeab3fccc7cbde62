"""File-menu actions: new, open, recent, back up and restore — dialogs around the operations
of :mod:`annotator.ops.opening` and :mod:`annotator.ops.backing_up`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QMessageBox, QWidget

from annotator.core import schema as schemas
from annotator.core.errors import AnnotatorError, ProjectError
from annotator.ops import backing_up, opening, troubles, unsaved
from annotator.ops.opening import ProjectFilesChanged
from annotator.ui.backup_words import backup_words
from annotator.ui.language import figure, translate
from annotator.ui.session import Session
from annotator.ui.settings import Settings
from annotator.ui.trouble_words import explained


class Busy:
    """The wait cursor while something short but blocking runs."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


def show_error(parent: QWidget, error: AnnotatorError, doing: str = "") -> None:
    """The error in a message box: a common trouble said in the window's language first
    (``doing``: the trouble when none says more, as while opening a project)."""
    QMessageBox.warning(parent, "annotator", explained(str(error), troubles.kind(error, doing)))


def open_project(parent: QWidget, session: Session, folder: Path) -> None:
    """Open a project in the window; raises AnnotatorError when it cannot be opened. A project
    in a network folder that another computer's window has open is offered to take over."""
    others = opening.others_using(folder)
    if others:
        answer = QMessageBox.question(
            parent,
            translate("project_actions", "Project open on another computer"),
            translate(
                "project_actions",
                "%1 is open in a window on another computer: %2.\n\n"
                "Take the project over? Only do this if that window is closed or its computer "
                "has crashed: two computers writing one project through a network folder can "
                "damage it.",
            )
            .replace("%2", "; ".join(others))
            .replace("%1", str(folder)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            raise ProjectError(f"{folder}: left to the other computer; nothing was opened")
    session.open_project(folder, take_over=bool(others))
    share = session.opened.network_share
    if share:
        said = translate(
            "project_actions",
            "This project is in a network folder (%1): use it from one computer at a time, "
            "and keep a copy on a local disk when you can.",
        )
        session.message.emit(said.replace("%1", str(share)), 15000)


def open_folder(parent: QWidget, session: Session, folder: Path) -> bool:
    try:
        open_project(parent, session, folder)
    except AnnotatorError as error:
        show_error(parent, error, troubles.CANNOT_OPEN)
        return False
    return True


def new_project(parent: QWidget, session: Session) -> None:
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("project_actions", "New project folder")
    )
    if not path:
        return
    choices = [*schemas.PRESETS, translate("project_actions", "From a schema file…")]
    choice, ok = QInputDialog.getItem(
        parent,
        translate("project_actions", "Label schema"),
        translate("project_actions", "Labels for this project:"),
        choices,
        0,
        False,
    )
    if not ok:
        return
    try:
        if choice in schemas.PRESETS:
            schema = schemas.load_preset(choice)
        else:
            file, _ = QFileDialog.getOpenFileName(
                parent, translate("project_actions", "Schema file"), filter="JSON (*.json)"
            )
            if not file:
                return
            schema = schemas.load_file(file)
        opening.create_project(path, schema)
    except AnnotatorError as error:
        show_error(parent, error)
        return
    open_folder(parent, session, Path(path))


def choose_and_open(parent: QWidget, session: Session) -> None:
    folder = QFileDialog.getExistingDirectory(
        parent, translate("project_actions", "Open project folder")
    )
    if folder:
        open_folder(parent, session, Path(folder))


def fill_recent_menu(menu: QMenu, parent: QWidget, session: Session, settings: Settings) -> None:
    menu.clear()
    for folder in settings.recent:
        action = QAction(folder, menu)
        action.triggered.connect(lambda _=False, f=folder: open_folder(parent, session, Path(f)))
        menu.addAction(action)
    menu.setEnabled(bool(settings.recent))


def back_up(parent: QWidget, session: Session) -> None:
    if session.project is None:
        return
    try:
        with Busy():
            made = backing_up.back_up(session.project.folder)
    except AnnotatorError as error:
        show_error(parent, error)
        return
    said = translate("project_actions", "Backed up: %1")
    session.message.emit(said.replace("%1", backup_words(made)), 8000)


def restore(parent: QWidget, session: Session) -> None:
    """Choose a backup, close the project, put the backup in its place, reopen."""
    if session.project is None:
        return
    folder = session.project.folder
    found = backing_up.backups_of(folder)
    if not found:
        QMessageBox.information(
            parent,
            translate("project_actions", "Restore a backup"),
            translate("project_actions", "This project has no backups yet."),
        )
        return
    choices = [backup_words(backup) for backup in found]
    choice, ok = QInputDialog.getItem(
        parent,
        translate("project_actions", "Restore a backup"),
        translate("project_actions", "Put this backup in place of the project:"),
        choices,
        0,
        False,
    )
    if not ok:
        return
    chosen = found[choices.index(choice)]
    session.close_project()
    try:
        with Busy():
            before = backing_up.restore(folder, chosen.name)
    except AnnotatorError as error:
        show_error(parent, error)
        open_folder(parent, session, folder)
        return
    if open_folder(parent, session, folder):
        said = translate(
            "project_actions",
            "Restored the backup (%1); the project as it was just before is kept as a backup "
            "too (%2).",
        )
        said = said.replace("%1", backup_words(chosen, short=True))
        session.message.emit(said.replace("%2", backup_words(before, short=True)), 15000)


def project_lost(parent: QWidget, session: Session, error: ProjectFilesChanged) -> None:
    """The project's files were removed or replaced under the window: say what happened,
    offer to save the edits that could not be saved, and close the project."""
    count = len(session.saving.unsaved)
    title = translate("project_actions", "The project can no longer be saved to")
    box = QMessageBox(QMessageBox.Icon.Warning, title, str(error))
    box.setParent(parent, box.windowFlags())
    if count:
        if count == 1:
            said = translate("project_actions", "1 edit of yours could not be saved.")
        else:
            said = translate("project_actions", "%1 edits of yours could not be saved.")
        box.setInformativeText(said.replace("%1", figure(count)))
        again = translate("project_actions", "Save them to a new project…")
        save = box.addButton(again, QMessageBox.ButtonRole.AcceptRole)
    else:
        save = None
    box.addButton(
        translate("project_actions", "Close the project"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    if save is not None and box.clickedButton() is save:
        save_unsaved(parent, session)
    session.close_project()


def save_unsaved(parent: QWidget, session: Session) -> None:
    """Write the edits the project could not take into a new project, to merge later."""
    path, _ = QFileDialog.getSaveFileName(
        parent, translate("project_actions", "New project for the unsaved edits")
    )
    if not path:
        return
    try:
        with Busy():
            report = unsaved.save_to_new_project(path, session.schema, session.saving.unsaved)
    except AnnotatorError as error:
        show_error(parent, error)
        return
    QMessageBox.information(
        parent,
        translate("project_actions", "Unsaved edits saved"),
        translate(
            "project_actions",
            "%1: %2.\n\nOnce the project is whole again, bring them into it with "
            "File ▸ Merge a colleague's work (or: annotator merge PROJECT %1).",
        )
        .replace("%2", report.summary())
        .replace("%1", path),
    )
