"""What a project database holds, summed up cheaply: to tell whether it changed, and to list it.

A backup records the fingerprint of what it copied; an automatic backup is skipped when the
project's fingerprint is still the newest backup's.
"""

from __future__ import annotations

import hashlib
import sqlite3

SMALL_TABLE_ROWS = 2000  # tables up to this size are compared row by row
WHOLE_TABLES = ("meta",)  # settings change in place: always compared row by row
CHANGE_TIMES = ("updated", "time", "resolved_at", "merged")  # columns an edit in place moves


def fingerprint(conn: sqlite3.Connection) -> str:
    """A cheap summary that changes whenever the project's content does.

    Small tables (and the settings) are read whole; large ones contribute their row count,
    largest row id and latest change time, which every edit, import and deletion moves.
    """
    digest = hashlib.sha256()
    objects = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()
    for kind, name, sql in objects:
        digest.update(repr((kind, name, sql)).encode())
        if kind != "table":
            continue
        columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{name}")')]
        rows = conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0]
        if rows <= SMALL_TABLE_ROWS or name in WHOLE_TABLES:
            order = ", ".join(str(i) for i in range(1, len(columns) + 1))
            for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}'):
                digest.update(repr(row).encode())
            continue
        parts = ["count(*)"]
        if "WITHOUT ROWID" not in (sql or "").upper():
            parts.append("max(rowid)")
        parts += [f'max("{column}")' for column in CHANGE_TIMES if column in columns]
        summary = conn.execute(f'SELECT {", ".join(parts)} FROM "{name}"').fetchone()
        digest.update(repr(summary).encode())
    return digest.hexdigest()


def counts(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """(format version, documents, spans)."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    try:
        documents = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        spans = conn.execute("SELECT count(*) FROM spans").fetchone()[0]
    except sqlite3.DatabaseError:
        documents = spans = 0
    return version, documents, spans
