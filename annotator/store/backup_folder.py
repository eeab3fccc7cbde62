"""The backups folder of a project: the backups in it, what each holds, whether each is whole.

Each backup is one database file, ``PROJECT/backups/STAMP-REASON.sqlite``, named by the time
it was made (UTC) and why, with a small ``.json`` beside it recording what it holds
(documents, spans, format version, a fingerprint of its content, the SHA-256 of the file,
and what was damaged in it when it was kept despite damage), so that listing is instant and
a backup damaged on the disk since it was made is recognised without reading it through.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.core.errors import ProjectError
from annotator.store.contents import counts, fingerprint
from annotator.store.findings import READ_ERRORS, Finding, is_damage, only_damage
from annotator.store.inspection import inspect
from annotator.store.tables import FORMAT_VERSION

BACKUPS = "backups"
NAME_PATTERN = re.compile(
    r"^(?P<stamp>\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z)-(?P<reason>[a-z]+(?:-[a-z]+)?)"
    r"(?:-(?P<n>\d+))?\.sqlite$"
)
STAMP = "%Y-%m-%dT%H-%M-%S.%fZ"


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
    sha256: str | None = None  # of the file when it was made (older backups: not recorded)
    damage: tuple[str, ...] = ()  # what was damaged in it when it was made (before-restore)

    def describe(self) -> str:
        local = self.time.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        damaged = "  DAMAGED" if self.damage else ""
        return f"{local}  {self.reason:<14} {self.documents} documents, {self.spans} spans{damaged}"


def read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None)


def folder_of(project_folder: str | Path) -> Path:
    return Path(project_folder) / BACKUPS


def sidecar(path: Path) -> Path:
    return path.with_suffix(".json")


def described(path: Path) -> Backup | None:
    """The backup in a file, from its name and the facts beside it (None: not a backup)."""
    match = NAME_PATTERN.match(path.name)
    if match is None:
        return None
    time = datetime.strptime(match["stamp"], STAMP).replace(tzinfo=UTC)
    digest, damage = None, ()
    try:
        facts = json.loads(sidecar(path).read_text(encoding="utf-8"))
        version, documents, spans = facts["format"], facts["documents"], facts["spans"]
        summary = facts["fingerprint"]
        digest, damage = facts.get("sha256"), tuple(facts.get("damage") or ())
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        try:
            version, documents, spans, summary = summarise(path)
        except READ_ERRORS:
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
        sha256=digest,
        damage=damage,
    )


def summarise(path: Path) -> tuple[int, int, int, str]:
    """(format version, documents, spans, fingerprint) of a backup file, read from it."""
    conn = read_only(path)
    try:
        return (*counts(conn), fingerprint_of(conn))
    finally:
        conn.close()


def fingerprint_of(conn: sqlite3.Connection) -> str:
    """The fingerprint, or "" where damage leaves the content unreadable (never equal to a
    project's, so a damaged state is never taken for an unchanged one)."""
    try:
        return fingerprint(conn)
    except READ_ERRORS as error:
        if not is_damage(error):
            raise
        return ""


def all_backups(project_folder: str | Path) -> list[Backup]:
    """Every backup of a project, newest first."""
    directory = folder_of(project_folder)
    if not directory.is_dir():
        return []
    found = [b for b in map(described, directory.glob("*.sqlite")) if b is not None]
    return sorted(found, key=_made, reverse=True)


def _made(backup: Backup) -> tuple[datetime, int]:
    """When a backup was made; two made in the same millisecond are numbered."""
    return backup.time, int(NAME_PATTERN.match(backup.name)["n"] or 1)


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


def new_path(directory: Path, reason: str) -> Path:
    stamp = datetime.now(UTC).strftime(STAMP)
    stamp = stamp[: stamp.index(".") + 4] + "Z"  # milliseconds
    path, n = directory / f"{stamp}-{reason}.sqlite", 1
    while path.exists():
        n += 1
        path = directory / f"{stamp}-{reason}-{n}.sqlite"
    return path


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def verify(backup: Backup, *, quick: bool = False) -> list[Finding]:
    """What is damaged in a backup; an empty list when it is whole.

    The file must still have the SHA-256 it had when it was made, and be read through whole.
    ``quick`` trusts a backup whose file is unchanged since it was checked at its making
    (finding the one to restore); a restore always reads it through.
    """
    if backup.damage:
        return [Finding("backup", what) for what in backup.damage]
    if backup.sha256 is not None:
        try:
            unchanged = file_sha256(backup.path) == backup.sha256
        except OSError as error:
            return [Finding("database", f"the file cannot be read ({error.strerror or error})")]
        if not unchanged:
            changed = Finding("database", "the file has changed on the disk since it was made")
            return [changed, *only_damage(inspect(backup.path, read_only=True))]
        if quick:
            return []
    return only_damage(inspect(backup.path, read_only=True))


def newest_sound(project_folder: str | Path, passed: Sequence[str] = ()) -> Backup | None:
    """The newest backup that is whole (of the current format or older), if any."""
    for backup in all_backups(project_folder):
        if backup.name in passed or backup.format_version > FORMAT_VERSION:
            continue
        if not verify(backup, quick=True):
            return backup
    return None
