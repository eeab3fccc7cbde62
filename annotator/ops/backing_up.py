"""Backups from the window and the command line: make one, list them, put one back. A
:class:`Backup` says when it was made, why (one of the reasons below), what it holds and
whether it was damaged, for each to say it in its own words."""

from __future__ import annotations

from pathlib import Path

from annotator.store import backups
from annotator.store.backups import (
    AUTO,
    BEFORE_RESTORE,
    BEFORE_UPGRADE,
    MANUAL,
    RESCUED,
    Backup,
    Progress,
)

__all__ = [
    "AUTO",
    "BEFORE_RESTORE",
    "BEFORE_UPGRADE",
    "KEEP",
    "MANUAL",
    "RESCUED",
    "Backup",
    "back_up",
    "backups_of",
    "restore",
]

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
