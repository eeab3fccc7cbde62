"""The project's SQLite connection, with the little the store's tables need on top of it.

Statements run on the connection as they are (autocommit: ``isolation_level=None``), and
:meth:`Database.atomic` groups some of them, as a savepoint when a transaction is already
open. Kept this small on purpose: a wrapper library brought numpy into every command's start.
"""

from __future__ import annotations

import contextlib
import itertools
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

Parameters = Sequence[Any] | dict[str, Any]

_savepoints = itertools.count(1)


class Database:
    """A connection and the statements the store runs on it."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def execute(self, sql: str, parameters: Parameters = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, parameters)

    def executemany(self, sql: str, rows: Iterable[Parameters]) -> sqlite3.Cursor:
        return self.conn.executemany(sql, rows)

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """Everything inside is written together or not at all (nested: a savepoint)."""
        conn = self.conn
        if not conn.in_transaction:
            conn.execute("BEGIN")
            try:
                yield self
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
            return
        name = f"nested_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield self
        except BaseException:
            if conn.in_transaction:  # an error may already have ended the whole transaction
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
