"""Files a project keeps beside its database that can be made again from it (the search
index, the learned model's uncertainty): each opened on a connection of its own with the
project attached, and made anew when it is of another layout or damaged."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from annotator.core.errors import ProjectError


def open_cache(
    path: Path, database: Path, tables: Sequence[str], layout: int, what: str
) -> sqlite3.Connection:
    """The cache at ``path`` with its ``tables``, the project's ``database`` attached as
    ``project``; ``what`` names the cache in the error said when it cannot be made."""
    try:
        path.parent.mkdir(exist_ok=True)
        conn = _open(path, database, tables, layout)
        if conn is None:  # another layout, or damaged: it is only a cache
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            conn = _open(path, database, tables, layout)
    except (OSError, sqlite3.Error) as error:
        raise ProjectError(f"{path}: {what} cannot be written there ({error})") from None
    if conn is None:
        raise ProjectError(f"{path}: {what} cannot be made")
    return conn


def _open(
    path: Path, database: Path, tables: Sequence[str], layout: int
) -> sqlite3.Connection | None:
    conn = sqlite3.connect(path, isolation_level=None, timeout=10, check_same_thread=False)
    try:
        conn.execute("PRAGMA busy_timeout = 10000")
        if conn.execute("PRAGMA user_version").fetchone()[0] not in (0, layout):
            conn.close()
            return None
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")  # a cache: losing the last write is fine
        conn.execute("BEGIN IMMEDIATE")
        for statement in tables:
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version = {layout}")
        conn.execute("COMMIT")
        conn.execute("ATTACH DATABASE ? AS project", [str(database)])
    except sqlite3.DatabaseError:
        conn.close()
        return None
    return conn
