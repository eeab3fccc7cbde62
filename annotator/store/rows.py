"""Every row a project holds, to tell whether two projects hold the same.

The columns that hold a moment (when a row was made or changed) are left out: two imports of
one file into two copies of a project make the same rows at different times.
``python -m annotator.bench kills`` compares a killed import's project with the project
before the import and with one a whole import gives.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

MOMENTS = frozenset(("created", "updated", "time", "changed_at", "merged"))
MOMENT_SETTINGS = ("created",)  # settings (the meta table) whose value is a moment


def rows_without_moments(database: Path) -> list[tuple]:
    """Every row of every table, ``(table, values…)`` in order, the moments left out."""
    conn = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        rows: list[tuple] = []
        for table in tables:
            columns = [
                f'"{row[1]}"'
                for row in conn.execute(f'PRAGMA table_info("{table}")')
                if row[1] not in MOMENTS
            ]
            order = ", ".join(str(i) for i in range(1, len(columns) + 1))
            where = ""
            if table == "meta":
                where = f" WHERE key NOT IN ({', '.join('?' * len(MOMENT_SETTINGS))})"
            query = f'SELECT {", ".join(columns)} FROM "{table}"{where} ORDER BY {order}'
            arguments = MOMENT_SETTINGS if where else ()
            rows += [(table, *row) for row in conn.execute(query, arguments)]
        return rows
    finally:
        conn.close()
