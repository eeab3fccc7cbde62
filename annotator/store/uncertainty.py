"""How unsure the learned model is of each document: a cache beside the project database.

It lives in ``PROJECT/cache/uncertainty.sqlite``, like the search index and for the same
reasons: all of it can be measured again, so the project's format does not change, backups
do not carry it, and deleting it loses nothing. A row holds a document's score under one
model (named by its fingerprint) and the hash of the text it was measured on; a model
trained again has another fingerprint, so its scores are measured anew, and rows of other
models are dropped as the new ones come. The cache has a layout number of its own; one of
another layout, or one that cannot be read, is thrown away and made again.

The project database is attached for reading only: which documents the annotator has not
annotated yet (no span in their layer, no status but new) is read there, a page at a time.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence

from annotator.store.caches import open_cache
from annotator.store.project import DATABASE, Project

CACHE = "cache"
SCORES_FILE = "uncertainty.sqlite"
LAYOUT = 1

_TABLES = (
    "CREATE TABLE IF NOT EXISTS scores (document_id INTEGER PRIMARY KEY, model TEXT NOT NULL,"
    " sha256 TEXT NOT NULL, score REAL NOT NULL)",
)

# documents the annotator has not annotated: no span in their layer, no status but new
_UNANNOTATED = (
    "NOT EXISTS (SELECT 1 FROM project.spans s WHERE s.document_id = d.id"
    " AND s.annotator = :annotator) AND NOT EXISTS (SELECT 1 FROM project.progress p"
    " WHERE p.document_id = d.id AND p.annotator = :annotator AND p.status != 'new')"
)
_SCORED = "s.document_id = d.id AND s.model = :model AND s.sha256 = d.sha256"


class UncertaintyScores:
    """The cache of one project, on a connection of its own (one per thread)."""

    def __init__(self, project: Project) -> None:
        self.path = project.folder / CACHE / SCORES_FILE
        self.database = project.folder / DATABASE
        self.conn = open_cache(
            self.path, self.database, _TABLES, LAYOUT, "the learned model's uncertainty"
        )

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> UncertaintyScores:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def unmeasured(
        self, model: str, annotator: str, limit: int, after: int = 0
    ) -> list[tuple[int, str, str]]:
        """(id, sha256, text) of up to ``limit`` documents after the id ``after`` that the
        annotator has not annotated and ``model`` has not measured, in import order."""
        return self.conn.execute(
            "SELECT d.id, d.sha256, t.text FROM project.documents d"
            " JOIN project.texts t ON t.document_id = d.id"
            f" LEFT JOIN scores s ON {_SCORED} WHERE d.id > :after AND s.document_id IS NULL"
            f" AND {_UNANNOTATED} ORDER BY d.id LIMIT :limit",
            {"model": model, "annotator": annotator, "limit": limit, "after": after},
        ).fetchall()

    def unmeasured_count(self, model: str, annotator: str) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM project.documents d"
            f" LEFT JOIN scores s ON {_SCORED} WHERE s.document_id IS NULL AND {_UNANNOTATED}",
            {"model": model, "annotator": annotator},
        ).fetchone()[0]

    def save(self, model: str, scores: Sequence[tuple[int, str, float]]) -> None:
        """Each (document id, sha256, score) under ``model``, in one transaction."""
        with self._writing():
            self.conn.executemany(
                "INSERT OR REPLACE INTO scores(document_id, model, sha256, score)"
                " VALUES (?, ?, ?, ?)",
                [(document_id, model, sha256, score) for document_id, sha256, score in scores],
            )

    def order(self, model: str, annotator: str) -> list[int]:
        """Ids of the documents the annotator has not annotated, the one ``model`` is least
        sure of first; those it has not measured yet come last, in import order."""
        rows = self.conn.execute(
            f"SELECT d.id FROM project.documents d LEFT JOIN scores s ON {_SCORED}"
            f" WHERE {_UNANNOTATED} ORDER BY s.score IS NULL, s.score DESC, d.id",
            {"model": model, "annotator": annotator},
        )
        return [row[0] for row in rows]

    def rows(self, model: str, ids: Sequence[int]) -> dict[int, tuple[str, float | None]]:
        """Name and score (None: not measured) of each of the documents."""
        marks = ", ".join("?" * len(ids))
        found = self.conn.execute(
            "SELECT d.id, d.name, s.score FROM project.documents d LEFT JOIN scores s"
            f" ON s.document_id = d.id AND s.model = ? AND s.sha256 = d.sha256"
            f" WHERE d.id IN ({marks})",
            [model, *ids],
        )
        return {document_id: (name, score) for document_id, name, score in found}

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A transaction that starts deferred and writes only to the cache: it never holds a
        lock on the project."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
