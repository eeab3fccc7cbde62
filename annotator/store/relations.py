"""Role links from event spans to their argument spans."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.model import Relation
from annotator.store.connection import Database

_COLUMNS = "id, document_id, annotator, source, target, role"


class Relations:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        document_id: int,
        annotator: str,
        source: int,
        target: int,
        role: str,
        *,
        time: str,
        relation_id: int | None = None,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO relations(id, document_id, annotator, source, target, role, created) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [relation_id, document_id, annotator, source, target, role, time],
        )
        return cursor.lastrowid

    def get(self, relation_id: int) -> Relation | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM relations WHERE id = ?", [relation_id]
        ).fetchone()
        return Relation(*row) if row else None

    def find(self, source: int, target: int, role: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM relations WHERE source = ? AND target = ? AND role = ?",
            [source, target, role],
        ).fetchone()
        return row[0] if row else None

    def for_document(self, document_id: int, annotator: str | None = None) -> list[Relation]:
        if annotator is None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM relations WHERE document_id = ? ORDER BY id",
                [document_id],
            )
        else:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM relations WHERE document_id = ? AND annotator = ? "
                "ORDER BY id",
                [document_id, annotator],
            )
        return [Relation(*row) for row in rows]

    def touching(self, span_id: int) -> list[Relation]:
        """Links from or to a span: what deleting it takes away (and undo must restore)."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM relations WHERE source = ? OR target = ? ORDER BY id",
            [span_id, span_id],
        )
        return [Relation(*row) for row in rows]

    def delete(self, relation_id: int) -> None:
        self.db.execute("DELETE FROM relations WHERE id = ?", [relation_id])

    def iter_all(self, annotator: str | None = None) -> Iterator[Relation]:
        if annotator is None:
            rows = self.db.execute(f"SELECT {_COLUMNS} FROM relations ORDER BY document_id, id")
        else:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM relations WHERE annotator = ? ORDER BY document_id, id",
                [annotator],
            )
        for row in rows:
            yield Relation(*row)

    def count(self, annotator: str | None = None) -> int:
        if annotator is None:
            return self.db.execute("SELECT count(*) FROM relations").fetchone()[0]
        return self.db.execute(
            "SELECT count(*) FROM relations WHERE annotator = ?", [annotator]
        ).fetchone()[0]
