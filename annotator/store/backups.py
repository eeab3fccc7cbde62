"""Copies of a project's database in ``PROJECT/backups/``: automatic, by hand, and restoring one.

A backup is made with SQLite's backup API from a read transaction, so it is a consistent
snapshot even while others write (a file copy of a live WAL database is not). It is written
beside its final name and renamed when complete, and converted to a single self-contained
file, so ``backups/`` never holds a half-written backup under a backup's name.

Every backup is read through (:func:`annotator.store.inspection.inspect`) before it takes its
name: a damaged project is never backed up as if it were whole (which would let the thinning
of automatic backups replace the good ones with copies of the damage), and the SHA-256 of the
file is kept beside it, so that a backup damaged later on the disk is recognised before it is
restored. The one exception is the copy made before a restore, kept even when damaged: it
holds whatever the damaged project still had.

Automatic backups are made by an explicit call, :func:`automatic`, which the window makes when
it opens a project and the commands that change a project make before they change it; opening
a project to read it writes nothing. An automatic backup is skipped when the project has not
changed since its newest backup, and only ``keep`` of them are kept (see :func:`retained`).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.core.permissions import new_file_mode
from annotator.store import locking
from annotator.store.backup_folder import (
    Backup,
    all_backups,
    described,
    file_sha256,
    find,
    fingerprint_of,
    folder_of,
    new_path,
    newest_sound,
    read_only,
    sidecar,
    summarise,
    verify,
)
from annotator.store.findings import (
    READ_ERRORS,
    Finding,
    ProjectDamaged,
    is_damage,
    only_damage,
)
from annotator.store.inspection import inspect
from annotator.store.locking import sole_connection
from annotator.store.structure import header_problem
from annotator.store.tables import APPLICATION_ID, FORMAT_VERSION

DATABASE = "project.sqlite"
KEEP = 10  # automatic backups kept per project
AUTO, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE = "auto", "manual", "before-restore", "before-upgrade"
RESCUED = "rescued"  # what a window still held when the project's files were changed under it
REASONS = (AUTO, MANUAL, BEFORE_RESTORE, BEFORE_UPGRADE, RESCUED)
LISTED = 10  # damage findings a refused restore lists
RESTORE_STEP_PAGES = 256  # pages copied between two progress reports while restoring

Progress = Callable[[int, int], None]  # (pages still to copy, pages in all)


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


def copy_database(
    source: sqlite3.Connection,
    project_folder: Path,
    reason: str,
    *,
    keep_damaged: bool = False,
    doing: str = "back it up",
) -> Backup:
    """Write a consistent copy of the database behind ``source`` into the backups folder.

    The copy is read through before it takes its name; a damaged one is refused
    (:class:`ProjectDamaged`, and nothing is left behind) unless ``keep_damaged``, when it is
    kept with what is damaged in it noted beside it. ``doing`` is what the refusal says could
    not be done ("import into it" for the backup an import makes first).
    """
    if reason not in REASONS:
        raise ValueError(f"unknown backup reason {reason!r}")
    directory = folder_of(project_folder)
    try:
        made = _copy(source, directory, reason, keep_damaged)
    except (OSError, sqlite3.Error) as error:  # a full disk, a read-only folder
        if is_damage(error):
            raise damaged_project(project_folder, doing, error=error) from error
        raise ProjectError(f"{directory}: cannot write a backup there ({error})") from error
    if isinstance(made, list):
        raise damaged_project(project_folder, doing, findings=made)
    return made


def damaged_project(
    folder: str | Path,
    doing: str,
    *,
    findings: list[Finding] | None = None,
    error: BaseException | None = None,
    noticed: Sequence[Finding] = (),
) -> ProjectDamaged:
    """The refusal for a damaged project, naming the newest backup that is whole.

    Without ``findings`` the project is read through to find them; ``noticed`` (counts that
    did not agree) and ``error`` (what SQLite said) stand in when that finds nothing more.
    """
    if findings is None:
        findings = only_damage(inspect(Path(folder) / DATABASE))
    if not findings:
        findings = list(noticed)
    if not findings and error is not None:
        findings = [Finding("database", f"SQLite reports: {error}")]
    sound = newest_sound(folder)
    restore = (sound.path.stem, sound.describe().strip()) if sound else None
    return ProjectDamaged(Path(folder), findings, doing, restore)


def _copy(
    source: sqlite3.Connection, directory: Path, reason: str, keep_damaged: bool
) -> Backup | list[Finding]:
    directory.mkdir(exist_ok=True)
    path = new_path(directory, reason)
    fd, name = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".part", dir=directory)
    os.close(fd)
    part = Path(name)
    try:
        copy = sqlite3.connect(part, isolation_level=None)
        try:
            source.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
        finally:
            copy.close()
        findings = only_damage(inspect(part, read_only=True))
        if findings and not keep_damaged:
            part.unlink()
            return findings
        version, documents, spans, summary = summarise(part)
        os.chmod(part, new_file_mode())
        digest = file_sha256(part)
        _fsync(part)
        os.replace(part, path)
        _fsync(directory)
    except BaseException:
        for leftover in (part, Path(f"{part}-journal"), Path(f"{part}-wal"), Path(f"{part}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    damage = [finding.describe() for finding in findings]
    facts = {
        "format": version,
        "documents": documents,
        "spans": spans,
        "fingerprint": summary,
        "sha256": digest,
        "damage": damage,
    }
    facts_file = sidecar(path)
    temporary = directory / f".{facts_file.name}.part"
    temporary.write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    os.chmod(temporary, new_file_mode())
    os.replace(temporary, facts_file)
    made = described(path)
    if made is None:
        raise ProjectError(f"{path}: the backup just made cannot be read back")
    return made


def unreadable(database: Path, error: BaseException, doing: str) -> ProjectError:
    """The refusal for a file SQLite cannot read as a database: a damaged project, said with
    the backup to restore, when SQLite says its pages are damaged, or when its first bytes
    are not a database's but it is a project's file in a folder that holds the project's
    backups; otherwise (a file that was never a project) not a project database."""
    folder = database.parent
    if header_problem(database) is None:
        damaged = is_damage(error)
    else:
        damaged = database.name == DATABASE and bool(all_backups(folder))
    if damaged:
        return damaged_project(folder, doing, error=error)
    return ProjectError(f"{database}: not a project database ({error})")


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
        raise unreadable(path, error, "back it up") from error
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
    sidecar(backup.path).unlink(missing_ok=True)


def automatic(
    project_folder: str | Path, keep: int = KEEP, doing: str = "back it up"
) -> Backup | None:
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
                unchanged = fingerprint_of(conn) == existing[0].fingerprint
            finally:
                conn.execute("COMMIT")
            if unchanged:
                return None
        made = copy_database(conn, folder, AUTO, doing=doing)
    finally:
        conn.close()
    autos = [b for b in all_backups(folder) if b.reason == AUTO]
    keeping = retained(autos, keep)
    for backup in autos:
        if backup.name not in keeping:
            _remove(backup)
    return made


# -- restoring -----------------------------------------------------------------------------


def _check_backup(folder: Path, backup: Backup) -> None:
    try:
        conn = read_only(backup.path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except READ_ERRORS as error:
        app_id = version = None
        if not is_damage(error):
            message = f"{backup.path}: cannot be read ({error}); nothing restored"
            raise ProjectError(message) from None
    if app_id is not None and app_id != APPLICATION_ID:
        raise ProjectError(f"{backup.path}: not an annotator project; nothing restored")
    if version is not None and version > FORMAT_VERSION:
        raise ProjectError(
            f"{backup.path}: was written by a newer version of annotator (format {version}); "
            "nothing restored"
        )
    found = verify(backup)
    if found:
        lines = [f"{backup.path}: this backup is damaged; nothing restored."]
        lines += [f"  {finding.describe()}" for finding in found[:LISTED]]
        if len(found) > LISTED:
            lines.append(f"  … and {len(found) - LISTED} more")
        other = newest_sound(folder, passed=[backup.name])
        if other is not None:
            lines.append(
                f"The newest backup that is whole is {other.path.stem} "
                f"({other.describe().strip()}):\n"
                f"  annotator backup {folder} --restore {other.path.stem}"
            )
        else:
            lines.append("No other backup of this project is whole.")
        raise ProjectError("\n".join(lines))


def restore(project_folder: str | Path, name: str, progress: Progress | None = None) -> Backup:
    """Put a backup back in place of the project's database; returns the backup of before.

    Refused while the project is open anywhere (close the window first). The current state is
    backed up first; then the backup's pages are copied into the database in one transaction,
    so an interruption at any moment leaves the project as it was before the restore. A
    database too damaged for SQLite to lock (its first pages lost, the file cut short) is
    kept as it is and replaced by the backup's file whole (:func:`_replace_unreadable`).
    """
    folder = Path(project_folder)
    database = _database(folder)
    chosen = find(folder, name)
    _check_backup(folder, chosen)
    held = contextlib.ExitStack()
    try:
        live = held.enter_context(sole_connection(database, "restore a backup"))
    except READ_ERRORS as error:
        if not is_damage(error):
            raise
        return _replace_unreadable(folder, database, chosen)
    with held:
        try:
            before = copy_database(live, folder, BEFORE_RESTORE, keep_damaged=True)
        except ProjectDamaged:  # pages SQLite's copy cannot read: the file is kept as it is
            before = _keep_as_it_is(folder, database)
        source = read_only(chosen.path)
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


def _keep_as_it_is(folder: Path, database: Path) -> Backup:
    """Copy a database SQLite cannot read, byte for byte (with its write-ahead log, if it has
    one), into the backups as the state before a restore, what is damaged in it noted."""
    directory = folder_of(folder)
    directory.mkdir(exist_ok=True)
    path = new_path(directory, BEFORE_RESTORE)
    part = directory / f".{path.name}.part"
    wal = Path(f"{database}-wal")
    try:
        shutil.copyfile(database, part)
        if wal.exists():
            shutil.copyfile(wal, Path(f"{path}-wal"))
        damage = [finding.describe() for finding in only_damage(inspect(part, read_only=True))]
        try:
            version, documents, spans, summary = summarise(part)
        except READ_ERRORS:
            version, documents, spans, summary = 0, 0, 0, ""
        facts = {
            "format": version,
            "documents": documents,
            "spans": spans,
            "fingerprint": summary,
            "sha256": file_sha256(part),
            "damage": damage or ["SQLite cannot read it"],
        }
        sidecar(path).write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
        os.chmod(part, new_file_mode())
        _fsync(part)
        os.replace(part, path)
        _fsync(directory)
    except OSError as error:
        for leftover in (part, Path(f"{path}-wal"), sidecar(path)):
            leftover.unlink(missing_ok=True)
        raise ProjectError(
            f"{directory}: cannot keep the damaged project there ({error})"
        ) from error
    made = described(path)
    if made is None:
        raise ProjectError(f"{path}: the copy of the damaged project cannot be read back")
    return made


def _replace_unreadable(folder: Path, database: Path, chosen: Backup) -> Backup:
    """Restore over a database SQLite cannot open to lock: keep it as it is, then put a copy
    of the backup's file in its place (renamed over it, so the project is at every moment
    either the damaged file or the whole backup). No window may have the project open."""
    windows = locking.sessions(folder)
    if windows:
        raise ProjectError(
            f"{folder}: the project is open elsewhere (a window: "
            f"{'; '.join(s.describe() for s in windows)}). Close it everywhere (windows and "
            "commands) before you restore a backup; nothing has been changed."
        )
    before = _keep_as_it_is(folder, database)
    part = folder / f".{DATABASE}.restore.part"
    try:
        shutil.copyfile(chosen.path, part)
        _fsync(part)
        for log in (Path(f"{database}-wal"), Path(f"{database}-shm")):  # kept with the file
            log.unlink(missing_ok=True)
        os.replace(part, database)
        _fsync(folder)
    except OSError as error:
        part.unlink(missing_ok=True)
        raise ProjectError(
            f"{database}: cannot put the backup in its place ({error}); the state before the "
            f"restore is in {before.name}"
        ) from error
    return before
