"""What the annotator said of each suggestion: accepted (it became a span) or rejected.

Rejections keep a name from being suggested again with the label rejected, and are evidence
the learned model trains on; both together give each recommender's precision.
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

    def latest_judgements(self, annotators: list[str] | None) -> list[tuple[str, str, bool, str]]:
        """(text, label, accepted, when last) of what the annotators (None: anyone) said of
        each name suggested to them. A span they marked themselves over the text of a name
        they rejected counts as accepting it, when they marked it."""
        said, params = _of(annotators)
        rejected, _ = _of(annotators, "NOT accepted")
        marked, _ = _of(annotators, f"text IN (SELECT text FROM verdicts {rejected})")
        rows = self.db.execute(
            f"SELECT text, label, accepted, max(time) FROM verdicts {said} GROUP BY 1, 2, 3 "
            f"UNION ALL SELECT text, label, 1, max(created) FROM spans {marked} GROUP BY 1, 2",
            params * 3,
        )
        return [(text, label, bool(accepted), when) for text, label, accepted, when in rows]

    def rejected(self, annotators: list[str] | None) -> list[Verdict]:
        """Every suggestion the annotators (None: anyone) rejected, by document."""
        where, params = _of(annotators, "NOT accepted")
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM verdicts {where} ORDER BY document_id, start, id", params
        )
        return [Verdict(*row[:8], accepted=bool(row[8])) for row in rows]

    def rejections(self, annotator: str) -> int:
        """How many suggestions the annotator has rejected (undone ones are gone)."""
        return self.db.execute(
            "SELECT count(*) FROM verdicts WHERE annotator = ? AND NOT accepted", [annotator]
        ).fetchone()[0]

    def tally(self, annotator: str) -> dict[str, tuple[int, int]]:
        """Per recommender: how many of its suggestions were accepted, and rejected."""
        rows = self.db.execute(
            "SELECT recommender, sum(accepted), sum(NOT accepted) FROM verdicts "
            "WHERE annotator = ? GROUP BY 1 ORDER BY 1",
            [annotator],
        )
        return {name: (accepted, rejected) for name, accepted, rejected in rows}


def _of(annotators: list[str] | None, *more: str) -> tuple[str, list[str]]:
    """A WHERE clause for the verdicts of ``annotators`` (None: anyone's) and ``more``."""
    conditions = list(more)
    params: list[str] = []
    if annotators is not None:
        conditions.append(f"annotator IN ({', '.join('?' * len(annotators))})")
        params = list(annotators)
    return (f"WHERE {' AND '.join(conditions)}" if conditions else ""), params
