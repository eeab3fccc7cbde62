"""The structure of a project's database file: its header, and SQLite's own checks of it.

SQLite's integrity check reads every page, tree and index of the file; the foreign-key check,
every reference between rows. Both run in SQLite without Python's lock, so
:class:`Structure` runs them on a connection and a thread of their own while the inspection
reads and checks the rows (:mod:`annotator.store.inspection`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

from annotator.store.findings import READ_ERRORS, Finding, as_text

SQLITE_HEADER = b"SQLite format 3\x00"
INTEGRITY_ROWS = 100  # SQLite's integrity check stops after this many findings


def header_problem(path: Path) -> str | None:
    """What is wrong with the file's first bytes, if they are not an SQLite database's."""
    try:
        with path.open("rb") as stream:
            start = stream.read(len(SQLITE_HEADER))
    except OSError as error:
        return f"the file cannot be read ({error.strerror or error})"
    if start == SQLITE_HEADER:
        return None
    if not start:
        return "the file is empty"
    return "its first bytes are not those of an SQLite database (the start of the file is damaged)"


class Structure(threading.Thread):
    """SQLite's integrity check and foreign-key check, on a connection and a thread of their
    own: SQLite runs them without Python's lock, while the rows are read and checked."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        super().__init__(name="integrity check", daemon=True)
        self.connect = connect
        self.integrity: list[bytes] | BaseException = []
        self.references: list[tuple] | BaseException = []

    def run(self) -> None:
        try:
            conn = self.connect()
        except (*READ_ERRORS, sqlite3.Error) as error:
            self.integrity = self.references = error
            return
        try:
            self.integrity = _all(conn, f"PRAGMA integrity_check({INTEGRITY_ROWS})")
            self.references = _all(conn, "PRAGMA foreign_key_check")
        finally:
            conn.close()

    def findings(self, objects: list[tuple]) -> list[Finding]:
        """What the checks found, each said of its table (``objects``: the rows of
        ``sqlite_master``: type, name, table, root page, sql)."""
        owners = {root: as_text(table) for _, _, table, root, _ in objects if root}
        tables = {as_text(name): as_text(table) for _, name, table, _, _ in objects}
        found = []
        if isinstance(self.integrity, BaseException):
            what = f"SQLite's integrity check cannot finish ({self.integrity})"
            found.append(Finding("database", what))
        else:
            for (row,) in self.integrity:
                text = as_text(row).removeprefix("*** in database main ***\n")
                for line in text.splitlines():
                    if line != "ok":
                        what = f"SQLite's integrity check: {line}"
                        found.append(Finding(_owner(line, owners, tables), what))
        if isinstance(self.references, BaseException):
            what = f"the references between rows cannot be checked ({self.references})"
            found.append(Finding("database", what))
        else:
            for table, rowid, parent, _ in self.references:
                what = f"row {rowid} refers to a {as_text(parent)} row that is gone"
                found.append(Finding(as_text(table), what))
        return found


def _owner(finding: str, owners: dict[int, str], tables: dict[str, str]) -> str:
    """The table an integrity finding is about ("Tree 7 page 3…", "…from index X")."""
    tree = re.match(r"Tree (\d+) ", finding)
    if tree and int(tree[1]) in owners:
        return owners[int(tree[1])]
    index = re.search(r"index (\w+)", finding)
    if index and index[1] in tables:
        return tables[index[1]]
    return "database"


def _all(conn: sqlite3.Connection, sql: str) -> list | BaseException:
    try:
        return conn.execute(sql).fetchall()
    except READ_ERRORS as error:
        return error
