"""Backups from the window and the command line: make one, list them, put one back."""

from __future__ import annotations

from pathlib import Path

from annotator.store import backups
from annotator.store.backups import Backup, Progress

__all__ = ["KEEP", "Backup", "back_up", "backups_of", "restore"]

KEEP = backups.KEEP  # automatic backups kept


def back_up(folder: str | Path) -> Backup:
    """Back the project up now."""
    return backups.create(folder)


def backups_of(folder: str | Path) -> list[Backup]:
    """The project's backups, newest first."""
    return backups.all_backups(folder)


def restore(folder: str | Path, name: str, progress: Progress | None = None) -> Backup:
    """Put a backup in place of the project (refused while it is open anywhere); returns the
    backup of the project as it was just before."""
    return backups.restore(folder, name, progress)
