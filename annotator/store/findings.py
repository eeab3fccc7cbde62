"""What is found wrong in a project's database, and the refusals that say so.

A :class:`Finding` names a table, a document and what is wrong. :class:`ProjectDamaged` is the
refusal every operation raises on a damaged project: the findings, and the newest backup that
is whole. :func:`is_damage` tells SQLite's errors that mean damage from a lock or a full disk.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from annotator.core.errors import ProjectError

LISTED = 10  # findings a refusal lists; 'annotator check' lists them all
CORRUPT, NOT_A_DATABASE = 11, 26  # SQLite's primary result codes for a damaged file


@dataclass(frozen=True)
class Finding:
    """One thing found wrong: in which table (or "database"), which document, and what.

    ``damage`` tells the file's damage (it no longer holds what was written: refused by
    every operation and every backup) from content that is readable but does not agree
    with itself (a label the schema no longer has, a link across layers): ``check`` lists
    both.
    """

    table: str
    what: str
    document_id: int | None = None
    document: str | None = None  # the document's name, when it could be read
    damage: bool = True

    def describe(self) -> str:
        where = self.table
        if self.document_id is not None:
            where += f", document {self.document_id}"
            if self.document:
                where += f" ({self.document})"
        return f"{where}: {self.what}"


class ProjectDamaged(ProjectError):
    """A project whose database no longer holds what was written: the operation was refused
    and nothing was changed. Says what is damaged and which backup to restore."""

    def __init__(
        self,
        folder: Path,
        findings: list[Finding],
        doing: str | None = None,
        restore: tuple[str, str] | None = None,
    ) -> None:
        self.folder = Path(folder)
        self.findings = list(findings)
        self.doing = doing
        self.restore = restore  # (name, description) of the newest backup that is whole
        super().__init__(self.message(LISTED))

    def message(self, listed: int | None = None) -> str:
        """The refusal in words, listing at most ``listed`` findings (None: all of them)."""
        folder = self.folder
        start = f"cannot {self.doing}: " if self.doing else ""
        lines = [f"{start}{folder} is damaged: its database no longer holds what was written."]
        shown = self.findings if listed is None else self.findings[:listed]
        lines += [f"  {finding.describe()}" for finding in shown]
        if len(shown) < len(self.findings):
            rest = len(self.findings) - len(shown)
            lines.append(f"  … and {rest} more ('annotator check {folder}' lists them all)")
        if self.doing:
            lines.append("Nothing was written.")
        if self.restore is None:
            lines.append(
                "No backup of it is whole. Keep a copy of the project folder as it is and do "
                "not work in it: SQLite's recovery (sqlite3 project.sqlite .recover) can often "
                "get most of it back."
            )
        else:
            name, described = self.restore
            lines.append(
                f"The newest backup that is whole is {name} ({described}). Restore it with\n"
                f"  annotator backup {folder} --restore {name}\n"
                "(the project as it is now is kept as a backup first; edits made since that "
                "backup are only in it)."
            )
        return "\n".join(lines)


class DamagedValue(ProjectError):
    """A value read from the project is not the one that was written (its text is not as
    long as recorded, its hash does not match). Where an operation runs inside
    :func:`annotator.store.damage.refusing_damage` it becomes the refusal that names all that
    is damaged and the backup to restore; elsewhere it is at least a message, not a crash."""


# What reading a damaged file can raise: SQLite's errors, and a message of SQLite's quoting
# damaged bytes of the file, which Python then fails to decode.
READ_ERRORS = (sqlite3.DatabaseError, UnicodeDecodeError)


def is_damage(error: BaseException) -> bool:
    """Whether an error raised by SQLite means the file does not hold what was written.

    A lock, a full disk or a read-only folder are not damage: those are said as they are.
    """
    if isinstance(error, UnicodeDecodeError):
        return True
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    if str(error).startswith("Could not decode to UTF-8"):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (CORRUPT, NOT_A_DATABASE)
    return "malformed" in str(error) or "not a database" in str(error)


def only_damage(findings: list[Finding]) -> list[Finding]:
    """The findings that are damage to the file."""
    return [finding for finding in findings if finding.damage]


def as_text(value: object) -> str:
    """A value read as bytes (or anything else), as text to show, whatever its bytes."""
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
