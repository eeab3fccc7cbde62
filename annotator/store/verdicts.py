"""What the annotator said of each suggestion: accepted (it became a span) or rejected.

Rejections keep a suggestion from being made again for the same document and teach the
dictionary which names are not names; both together give each recommender's precision.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.store.connection import Database


@dataclass(frozen=True)
class Verdict:
    id: int
    document_id: int
    annotator: str
    label: str
    start: int
    end: int
    text: str
    recommender: str
    accepted: bool


_COLUMNS = "id, document_id, annotator, label, start, end, text, recommender, accepted"


class Verdicts:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        document_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        text: str,
        recommender: str,
        accepted: bool,
        time: str,
    ) -> int:
        cursor = self.db.execute(
            "INSERT INTO verdicts(document_id, annotator, label, start, end, text, recommender, "
            "accepted, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [document_id, annotator, label, start, end, text, recommender, int(accepted), time],
        )
        return cursor.lastrowid

    def remove(self, verdict_ids: list[int]) -> None:
        self.db.executemany("DELETE FROM verdicts WHERE id = ?", [[i] for i in verdict_ids])

    def for_document(self, document_id: int, annotator: str) -> list[Verdict]:
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM verdicts WHERE document_id = ? AND annotator = ? ORDER BY id",
            [document_id, annotator],
        )
        return [Verdict(*row[:8], accepted=bool(row[8])) for row in rows]

    def rejected_texts(self, annotator: str) -> list[tuple[str, str]]:
        """The text and label of every suggestion the annotator rejected, anywhere."""
        rows = self.db.execute(
            "SELECT text, label FROM verdicts WHERE annotator = ? AND NOT accepted ORDER BY id",
            [annotator],
        )
        return [tuple(row) for row in rows]

    def tally(self, annotator: str) -> dict[str, tuple[int, int]]:
        """Per recommender: how many of its suggestions were accepted, and rejected."""
        rows = self.db.execute(
            "SELECT recommender, sum(accepted), sum(NOT accepted) FROM verdicts "
            "WHERE annotator = ? GROUP BY 1 ORDER BY 1",
            [annotator],
        )
        return {name: (accepted, rejected) for name, accepted, rejected in rows}
