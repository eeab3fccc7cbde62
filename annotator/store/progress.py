"""Each annotator's progress through the documents (new, in progress, done)."""

from __future__ import annotations

from collections.abc import Iterator

from annotator.core.model import Status
from annotator.store.connection import Database


class Statuses:
    def __init__(self, db: Database) -> None:
        self.db = db

    def set(self, document_id: int, annotator: str, status: str, time: str) -> None:
        if status not in Status.ALL:
            raise ValueError(f"unknown status {status!r}")
        if status == Status.NEW:
            self.db.execute(
                "DELETE FROM progress WHERE document_id = ? AND annotator = ?",
                [document_id, annotator],
            )
            return
        self.db.execute(
            "INSERT INTO progress(document_id, annotator, status, updated) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(document_id, annotator) DO UPDATE SET "
            "status = excluded.status, updated = excluded.updated",
            [document_id, annotator, status, time],
        )

    def get(self, document_id: int, annotator: str) -> str | None:
        """The status an annotator set explicitly, or None."""
        row = self.db.execute(
            "SELECT status FROM progress WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return row[0] if row else None

    def for_document(self, document_id: int) -> dict[str, str]:
        rows = self.db.execute(
            "SELECT annotator, status FROM progress WHERE document_id = ? ORDER BY annotator",
            [document_id],
        )
        return dict(rows.fetchall())

    def iter_all(self) -> Iterator[tuple[int, str, str]]:
        """(document_id, annotator, status), ordered by document."""
        rows = self.db.execute(
            "SELECT document_id, annotator, status FROM progress ORDER BY document_id, annotator"
        )
        # Row by row: 'yield from' a cursor closes the cursor when the generator is closed,
        # which fails once the project is closed (an export stopped by an error, the
        # generator collected afterwards) and is then printed as an ignored exception.
        for row in rows:  # noqa: UP028
            yield row

    def done_counts(self) -> dict[str, int]:
        rows = self.db.execute(
            "SELECT annotator, count(*) FROM progress WHERE status = ? GROUP BY 1 ORDER BY 1",
            [Status.DONE],
        )
        return dict(rows.fetchall())

    def done_documents(self, annotator: str | None = None) -> set[int]:
        if annotator is None:
            rows = self.db.execute(
                "SELECT DISTINCT document_id FROM progress WHERE status = ?", [Status.DONE]
            )
        else:
            rows = self.db.execute(
                "SELECT document_id FROM progress WHERE status = ? AND annotator = ?",
                [Status.DONE, annotator],
            )
        return {row[0] for row in rows}
