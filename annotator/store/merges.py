"""What each merge brought into each layer, so that the next merge can tell local edits apart."""

from __future__ import annotations

from annotator.store.connection import Database


class MergedLayers:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(
        self, document_id: int, annotator: str, fingerprint: str, source: str, time: str
    ) -> None:
        self.db.execute(
            "INSERT INTO merged_layers(document_id, annotator, fingerprint, source, merged) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT(document_id, annotator) DO UPDATE SET "
            "fingerprint = excluded.fingerprint, source = excluded.source, "
            "merged = excluded.merged",
            [document_id, annotator, fingerprint, source, time],
        )

    def fingerprint(self, document_id: int, annotator: str) -> str | None:
        """The fingerprint of what the last merge left in this layer of this document."""
        row = self.db.execute(
            "SELECT fingerprint FROM merged_layers WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return row[0] if row else None

    def layers(self) -> dict[str, int]:
        """Annotators whose layers came in by merge, with how many documents each."""
        rows = self.db.execute(
            "SELECT annotator, count(*) FROM merged_layers GROUP BY 1 ORDER BY 1"
        )
        return dict(rows.fetchall())
