"""Copies of a project's database in ``PROJECT/backups/``: automatic, by hand, and restoring one.

A backup is made with SQLite's backup API from a read transaction, so it is a consistent
snapshot even while others write (a file copy of a live WAL database is not). It is written
beside its final name and renamed when complete, and converted to a single self-contained
file, so ``backups/`` never holds a half-written backup under a backup's name.

Automatic backups are made by an explicit call, :func:`automatic`, which the window makes when
it opens a project and the commands that change a project make before they change it; opening
a project to read it writes nothing. An automatic backup is skipped when the project has not
changed since its newest backup, and only ``keep`` of them are kept (see :func:`retained`).
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store.contents import counts, fingerprint
from annotator.store.locking import sole_connection
from annotator.store.tables import APPLICATION_ID, FORMAT_VERSION

BACKUPS = "backups"
DATABASE = "project.sqlite"
KEEP = 10  # automatic backups kept per project
AUTO, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE = "auto", "manual", "before-restore", "before-upgrade"
REASONS = (AUTO, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE)
RESTORE_STEP_PAGES = 256  # pages copied between two progress reports while restoring

_NAME = re.compile(
    r"^(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z)-(?P<reason>[a-z]+(?:-[a-z]+)?)"
    r"(?:-(?P<n>\d+))?\.sqlite$"
)
_STAMP = "%Y-%m-%dT%H-%M-%S.%fZ"

Progress = Callable[[int, int], None]  # (pages still to copy, pages in all)


@dataclass(frozen=True)
class Backup:
    """One backup file and what it holds."""

    name: str
    path: Path
    time: datetime  # when it was made (UTC)
    reason: str  # auto, manual, before-restore or before-upgrade
    format_version: int
    documents: int
    spans: int
    size: int  # bytes
    fingerprint: str

    def describe(self) -> str:
        local = self.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        return f"{local}  {self.reason:<14} {self.documents} documents, {self.spans} spans"


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


# -- the backups folder --------------------------------------------------------------------


def folder_of(project_folder: str | Path) -> Path:
    return Path(project_folder) / BACKUPS


def _sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def _describe(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    time = datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=UTC)
    try:
        facts = json.loads(_sidecar(path).read_text(encoding="utf-8"))
        version, documents, spans = facts["format"], facts["documents"], facts["spans"]
        summary = facts["fingerprint"]
    except (OSError, ValueError, KeyError, TypeError):
        try:
            conn = _read_only(path)
            try:
                version, documents, spans = counts(conn)
                summary = fingerprint(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            return None
    return Backup(
        name=path.name,
        path=path,
        time=time,
        reason=match["reason"],
        format_version=version,
        documents=documents,
        spans=spans,
        size=path.stat().st_size,
        fingerprint=summary,
    )


def all_backups(project_folder: str | Path) -> list[Backup]:
    """Every backup of a project, newest first."""
    directory = folder_of(project_folder)
    if not directory.is_dir():
        return []
    found = [b for b in map(_describe, directory.glob("*.sqlite")) if b is not None]
    return sorted(found, key=_made, reverse=True)


def _made(backup: Backup) -> tuple[datetime, int]:
    """When a backup was made; two made in the same millisecond are numbered."""
    return backup.time, int(_NAME.match(backup.name)["n"] or 1)


def find(project_folder: str | Path, name: str) -> Backup:
    """A backup by its file name (``.sqlite`` may be left out)."""
    wanted = name if name.endswith(".sqlite") else f"{name}.sqlite"
    for backup in all_backups(project_folder):
        if backup.name == wanted:
            return backup
    raise ProjectError(
        f"{project_folder}: no backup named {name!r}; "
        f"'annotator backup {project_folder} --list' shows them"
    )


def _fsync(path: Path) -> None:
    flags = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) if path.is_dir() else os.O_RDONLY
    try:
        fd = os.open(path, flags)
    except OSError:
        return  # folders cannot be opened for syncing on every system
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _new_path(directory: Path, reason: str) -> Path:
    stamp = datetime.now(UTC).strftime(_STAMP)
    stamp = stamp[: stamp.index(".") + 4] + "Z"  # milliseconds
    path, n = directory / f"{stamp}-{reason}.sqlite", 1
    while path.exists():
        n += 1
        path = directory / f"{stamp}-{reason}-{n}.sqlite"
    return path


def copy_database(source: sqlite3.Connection, project_folder: Path, reason: str) -> Backup:
    """Write a consistent copy of the database behind ``source`` into the backups folder."""
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    directory = folder_of(project_folder)
    try:
        return _copy(source, directory, reason)
    except (OSError, sqlite3.Error) as error:  # a full disk, a read-only folder
        raise ProjectError(f"{directory}: cannot write a backup there ({error})") from error


def _copy(source: sqlite3.Connection, directory: Path, reason: str) -> Backup:
    directory.mkdir(exist_ok=True)
    path = _new_path(directory, reason)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=directory)
    os.close(fd)
    part = Path(name)
    try:
        copy = sqlite3.connect(part, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            version, documents, spans = counts(copy)
            summary = fingerprint(copy)
        finally:
            copy.close()
        _fsync(part)
        os.replace(part, path)
        _fsync(directory)
    except BaseException:
        for leftover in (part, Path(f"{part}-journal"), Path(f"{part}-wal"), Path(f"{part}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    facts = {"format": version, "documents": documents, "spans": spans, "fingerprint": summary}
    sidecar = _sidecar(path)
    temporary = directory / f".{sidecar.name}.part"
    temporary.write_text(json.dumps(facts), encoding="utf-8")
    os.replace(temporary, sidecar)
    return Backup(
        name=path.name,
        path=path,
        time=datetime.strptime(_NAME.match(path.name)["stamp"], _STAMP).replace(tzinfo=UTC),
        reason=reason,
        format_version=version,
        documents=documents,
        spans=spans,
        size=path.stat().st_size,
        fingerprint=summary,
    )


def _database(project_folder: str | Path) -> Path:
    path = Path(project_folder) / DATABASE
    if not path.exists():
        raise ProjectError(f"{project_folder}: no project here (expected {path})")
    return path


def _connect(project_folder: str | Path) -> sqlite3.Connection:
    """A connection of its own to the project (safe to use from a worker thread)."""
    path = _database(project_folder)
    conn = sqlite3.connect(path, isolation_level=None, timeout=10)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as error:
        conn.close()
        raise ProjectError(f"{path}: not a project database ({error})") from error
    if app_id != APPLICATION_ID:
        conn.close()
        raise ProjectError(f"{path}: not an annotator project database")
    return conn


def create(project_folder: str | Path, reason: str = MANUAL) -> Backup:
    """Back up the project now."""
    conn = _connect(project_folder)
    try:
        return copy_database(conn, Path(project_folder), reason)
    finally:
        conn.close()


# -- automatic backups ---------------------------------------------------------------------


def retained(backups: Iterable[Backup], keep: int = KEEP) -> set[str]:
    """Which automatic backups to keep: the newest half, then the newest of each earlier day.

    A project opened fifty times a day keeps its last few states of today and one state for
    each of the days before, so a mistake noticed days later can still be undone, and the
    number of files (and disk space) stays at ``keep``.
    """
    newest_first = sorted(backups, key=lambda b: b.time, reverse=True)
    kept = [b.name for b in newest_first[: max(1, (keep + 1) // 2)]]
    days = {b.time.astimezone().date() for b in newest_first if b.name in kept}
    for backup in newest_first:
        if len(kept) >= keep:
            break
        day = backup.time.astimezone().date()
        if day not in days:
            days.add(day)
            kept.append(backup.name)
    for backup in newest_first:
        if len(kept) >= keep:
            break
        if backup.name not in kept:
            kept.append(backup.name)
    return set(kept[:keep])


def _remove(backup: Backup) -> None:
    backup.path.unlink(missing_ok=True)
    _sidecar(backup.path).unlink(missing_ok=True)


def automatic(project_folder: str | Path, keep: int = KEEP) -> Backup | None:
    """Back up the project as it is now, unless it has not changed since its newest backup.

    Then thin out the automatic backups to ``keep``. Manual backups and those made before a
    restore or an upgrade are never removed automatically.
    """
    folder = Path(project_folder)
    conn = _connect(folder)
    try:
        existing = all_backups(folder)
        if existing:
            conn.execute("BEGIN")  # every table summarised from one snapshot
            try:
                unchanged = fingerprint(conn) == existing[0].fingerprint
            finally:
                conn.execute("COMMIT")
            if unchanged:
                return None
        made = copy_database(conn, folder, AUTO)
    finally:
        conn.close()
    autos = [b for b in all_backups(folder) if b.reason == AUTO]
    keeping = retained(autos, keep)
    for backup in autos:
        if backup.name not in keeping:
            _remove(backup)
    return made


# -- restoring -----------------------------------------------------------------------------


def _check_backup(backup: Backup) -> None:
    try:
        conn = _read_only(backup.path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            verdict = [row[0] for row in conn.execute("PRAGMA integrity_check")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as error:
        raise ProjectError(f"{backup.path}: cannot be read ({error}); nothing restored") from None
    if app_id != APPLICATION_ID:
        raise ProjectError(f"{backup.path}: not an annotator project; nothing restored")
    if verdict != ["ok"]:
        raise ProjectError(f"{backup.path}: is damaged ({verdict[0]}); nothing restored")
    if version > FORMAT_VERSION:
        raise ProjectError(
            f"{backup.path}: was written by a newer version of annotator (format {version}); "
            "nothing restored"
        )


def restore(project_folder: str | Path, name: str, progress: Progress | None = None) -> Backup:
    """Put a backup back in place of the project's database; returns the backup of before.

    Refused while the project is open anywhere (close the window first). The current state is
    backed up first; then the backup's pages are copied into the database in one transaction,
    so an interruption at any moment leaves the project as it was before the restore.
    """
    folder = Path(project_folder)
    database = _database(folder)
    chosen = find(folder, name)
    _check_backup(chosen)
    with sole_connection(database, "restore a backup") as live:
        before = copy_database(live, folder, BEFORE_RESTORE)
        source = _read_only(chosen.path)
        try:
            source.backup(
                live,
                pages=RESTORE_STEP_PAGES,
                progress=(lambda _status, left, total: progress(left, total)) if progress else None,
            )
        finally:
            source.close()
        verdict = [row[0] for row in live.execute("PRAGMA integrity_check")]
        if verdict != ["ok"]:
            raise ProjectError(
                f"{folder}: the restored database fails its check ({verdict[0]}); "
                f"the state before the restore is in {before.name}"
            )
    return before
