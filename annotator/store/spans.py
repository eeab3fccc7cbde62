"""Spans: labelled stretches of text, one row each, in an annotator's layer."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import sqlite_utils

from annotator.core.model import Span

_COLUMNS = "id, document_id, annotator, label, start, end, text, attributes, entity_id, provenance"


def _span(row: tuple) -> Span:
    return Span(
        id=row[0],
        document_id=row[1],
        annotator=row[2],
        label=row[3],
        start=row[4],
        end=row[5],
        text=row[6],
        attributes=json.loads(row[7]),
        entity_id=row[8],
        provenance=json.loads(row[9]) if row[9] else None,
    )


def _json(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Spans:
    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(
        self,
        document_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        text: str,
        attributes: dict[str, Any] | None = None,
        *,
        entity_id: int | None = None,
        provenance: dict[str, Any] | None = None,
        time: str,
        span_id: int | None = None,
    ) -> int:
        """Insert one span; ``span_id`` restores a deleted span under its old id (undo)."""
        cursor = self.db.execute(
            "INSERT INTO spans(id, document_id, annotator, label, start, end, text, attributes, "
            "entity_id, provenance, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                span_id,
                document_id,
                annotator,
                label,
                start,
                end,
                text,
                _json(attributes or {}),
                entity_id,
                json.dumps(provenance, ensure_ascii=False) if provenance else None,
                time,
                time,
            ],
        )
        return cursor.lastrowid

    def add_many(self, rows: Iterable[tuple], time: str) -> None:
        """Bulk insert of rows (document_id, annotator, label, start, end, text, attributes,
        entity_id)."""
        self.db.conn.executemany(
            "INSERT INTO spans(document_id, annotator, label, start, end, text, attributes, "
            "entity_id, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((*row[:6], _json(row[6]), row[7], time, time) for row in rows),
        )

    def get(self, span_id: int) -> Span | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM spans WHERE id = ?", [span_id]).fetchone()
        return _span(row) if row else None

    def for_document(self, document_id: int, annotator: str | None = None) -> list[Span]:
        """The spans of one document in text order, of one layer or of all."""
        if annotator is None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans WHERE document_id = ? ORDER BY start, end DESC, id",
                [document_id],
            )
        else:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans WHERE document_id = ? AND annotator = ? "
                "ORDER BY start, end DESC, id",
                [document_id, annotator],
            )
        return [_span(row) for row in rows]

    def keys(self, document_id: int, annotator: str) -> dict[tuple[int, int, str], int]:
        """(start, end, label) → id of a layer's spans: what an import must not add twice."""
        rows = self.db.execute(
            "SELECT start, end, label, id FROM spans WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        )
        return {(s, e, label): span_id for s, e, label, span_id in rows}

    def update(self, span_id: int, time: str, **changes: Any) -> None:
        """Change a span's label, attributes, entity or extent (start, end and text together)."""
        allowed = {"label", "attributes", "entity_id", "start", "end", "text", "provenance"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a span")
        values = {
            k: (_json(v) if k in ("attributes", "provenance") and v is not None else v)
            for k, v in changes.items()
        }
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        self.db.execute(
            f"UPDATE spans SET {assignments}, updated = :updated WHERE id = :id",
            {**values, "updated": time, "id": span_id},
        )

    def delete(self, span_id: int) -> None:
        self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])

    def iter_all(self, annotator: str | None = None) -> Iterator[Span]:
        """Every span (of one layer or all), ordered by document then text position."""
        if annotator is None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans ORDER BY document_id, start, end DESC, id"
            )
        else:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans WHERE annotator = ? "
                "ORDER BY document_id, start, end DESC, id",
                [annotator],
            )
        for row in rows:
            yield _span(row)

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM spans").fetchone()[0]

    def count_by(self, column: str) -> dict[str, int]:
        """Span counts per label or per annotator."""
        if column not in ("label", "annotator"):
            raise ValueError(column)
        rows = self.db.execute(f"SELECT {column}, count(*) FROM spans GROUP BY 1 ORDER BY 1")
        return dict(rows.fetchall())

    def count_label(self, label: str) -> int:
        return self.db.execute("SELECT count(*) FROM spans WHERE label = ?", [label]).fetchone()[0]

    def rename_label(self, old: str, new: str, time: str) -> int:
        cursor = self.db.execute(
            "UPDATE spans SET label = ?, updated = ? WHERE label = ?", [new, time, old]
        )
        return cursor.rowcount

    def delete_label(self, label: str) -> int:
        return self.db.execute("DELETE FROM spans WHERE label = ?", [label]).rowcount

    def documents_with_layer(self, annotator: str) -> list[int]:
        rows = self.db.execute(
            "SELECT DISTINCT document_id FROM spans WHERE annotator = ? ORDER BY 1", [annotator]
        )
        return [row[0] for row in rows]
