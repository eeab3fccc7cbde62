"""The audit trail: who created, changed or deleted each annotation, and when."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from annotator.store.connection import Database


@dataclass(frozen=True)
class AuditEntry:
    id: int
    time: str
    annotator: str
    action: str
    document_id: int | None
    span_id: int | None
    before: Any
    after: Any


def _entry(row: tuple) -> AuditEntry:
    return AuditEntry(
        *row[:6],
        before=json.loads(row[6]) if row[6] is not None else None,
        after=json.loads(row[7]) if row[7] is not None else None,
    )


_COLUMNS = "id, time, annotator, action, document_id, span_id, before, after"


class Audit:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self,
        time: str,
        annotator: str,
        action: str,
        document_id: int | None,
        span_id: int | None,
        before: Any = None,
        after: Any = None,
    ) -> None:
        self.db.execute(
            "INSERT INTO audit(time, annotator, action, document_id, span_id, before, after) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                time,
                annotator,
                action,
                document_id,
                span_id,
                json.dumps(before, ensure_ascii=False) if before is not None else None,
                json.dumps(after, ensure_ascii=False) if after is not None else None,
            ],
        )

    def for_span(self, span_id: int) -> list[AuditEntry]:
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM audit WHERE span_id = ? ORDER BY id", [span_id]
        )
        return [_entry(row) for row in rows]

    def for_document(self, document_id: int) -> list[AuditEntry]:
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM audit WHERE document_id = ? ORDER BY id", [document_id]
        )
        return [_entry(row) for row in rows]

    def iter_all(self) -> Iterator[AuditEntry]:
        for row in self.db.execute(f"SELECT {_COLUMNS} FROM audit ORDER BY id"):
            yield _entry(row)
