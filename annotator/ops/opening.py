"""Opening a project, the one way the window and the commands do it.

- :func:`open_to_read` for what only reads (stats, check, export, search).
- :func:`open_to_change` for what changes a project from the command line or a worker
  (import, merge): the project is backed up first, if it changed since its newest backup, so
  an unwanted change can be undone by restoring.
- :func:`open_in_window` for the window: it announces itself in the project's folder (a
  network folder is used from one computer at a time), opens the project (an older format is
  upgraded, after a backup, by the store), and backs the project up in the background.

A project of an older format is always upgraded on opening, after a backup of it as it was.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.errors import AnnotatorError, ProjectError
from annotator.core.schema import Schema
from annotator.store import backups, locking
from annotator.store.damage import refusing_damage
from annotator.store.files import ProjectFilesChanged
from annotator.store.project import Project, database_path

KEEP_ALIVE_SECONDS = locking.HEARTBEAT_SECONDS  # how often a window says it still has the project

__all__ = [
    "OpenedInWindow",
    "Project",
    "ProjectFilesChanged",
    "create_project",
    "open_in_window",
    "open_to_change",
    "open_to_read",
    "others_using",
    "refusing_damage",
]


def open_to_read(folder: str | Path, doing: str | None = None) -> Project:
    """Open a project to read it; with ``doing`` (what is about to be done, in words), a
    project whose counts disagree is refused, naming the damage and the backup to restore."""
    project = Project.open(folder)
    if doing is not None:
        try:
            project.check_counts(doing)
        except BaseException:
            project.close()
            raise
    return project


def open_to_change(folder: str | Path, doing: str = "change it") -> Project:
    """Open a project that is about to change, backing it up first if it changed since its
    newest backup; a damaged project, or one that cannot be backed up now, is refused."""
    project = open_to_read(folder, doing)
    try:
        backups.automatic(project.folder, doing=doing)
    except AnnotatorError:
        project.close()
        raise
    except OSError as error:
        project.close()
        raise ProjectError(
            f"{project.folder}: not changed, because the backup made before every change "
            f"could not be written ({error})"
        ) from error
    return project


def create_project(folder: str | Path, schema: Schema, name: str | None = None) -> Path:
    """Create an empty project; returns its folder."""
    Project.create(folder, schema, name).close()
    return Path(folder)


def others_using(folder: str | Path) -> list[str]:
    """Windows on other computers that have the project open, described for a person."""
    home = database_path(folder).parent
    return [other.describe() for other in locking.on_other_computers(home)] if home.is_dir() else []


@dataclass
class OpenedInWindow:
    """A project open in a window, with the window's note in the project folder."""

    project: Project
    claim: locking.WindowClaim
    network_share: str | None = None
    backup: threading.Thread | None = field(default=None, repr=False)

    def check_files(self) -> None:
        """Raise :class:`ProjectFilesChanged` if the project's files were removed or
        replaced under the window (three ``stat`` calls: cheap enough for a timer)."""
        self.project.check_files()

    def keep_alive(self) -> None:
        """Tell other computers that this window still has the project."""
        self.claim.refresh()

    def close(self) -> None:
        self.project.close()
        self.claim.release()


def open_in_window(
    folder: str | Path, annotator: str, *, take_over: bool = False
) -> OpenedInWindow:
    """Open a project for a window. ``take_over`` removes the notes of windows on other
    computers (for when one of them crashed); without it, such a note refuses the opening."""
    database = database_path(folder)
    if not database.exists():
        raise ProjectError(f"{folder}: no project here (expected {database})")
    claim = locking.claim(database.parent, annotator, take_over=take_over)
    try:
        project = Project.open(database.parent)
    except AnnotatorError:
        claim.release()
        raise
    opened = OpenedInWindow(project, claim, locking.network_filesystem(database.parent))
    opened.backup = _back_up_in_background(project.folder)
    return opened


def _back_up_in_background(folder: Path) -> threading.Thread:
    """The automatic backup made when a window opens a project, on a connection of its own."""

    def run() -> None:
        with contextlib.suppress(AnnotatorError, OSError):  # if it cannot be made now, it is
            backups.automatic(folder)  # made at the next opening

    thread = threading.Thread(target=run, name="automatic backup", daemon=True)
    thread.start()
    return thread
