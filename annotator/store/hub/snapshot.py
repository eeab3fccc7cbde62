"""What a pull reads from a hub: everything changed after a revision, from one consistent view.

A :class:`Snapshot` lives in one repeatable-read transaction, so the documents, layers,
discussions and assignments it returns, and the latest revision it reports, are of one moment
of the hub. Large results are streamed through cursors on the server, ``BATCH`` rows at a
time, never held whole. JSON comes back as text, for a reader that refuses hostile nesting in
words (:mod:`annotator.formats.jsondecode`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import psycopg

BATCH = 2000  # rows fetched at a time when a clone streams a hub's documents


@dataclass(frozen=True)
class LayerRow:
    document: str  # the document's SHA-256
    annotator: str
    content: str  # JSON, as text: read with a reader that refuses hostile nesting in words
    fingerprint: str
    revision: int
    written_by: str
    written_at: str


@dataclass(frozen=True)
class DocumentRow:
    sha256: str
    name: str
    meta: str  # JSON, as text
    text: str
    revision: int


class Snapshot:
    """What changed on the hub after a revision, read in one repeatable-read transaction."""

    def __init__(self, conn: psycopg.Connection) -> None:
        self.conn = conn

    def settings(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM hub.settings").fetchall())

    def documents_since(self, revision: int) -> Iterator[list[DocumentRow]]:
        """The documents added after ``revision``, in batches, streamed from the server."""
        query = (
            "SELECT sha256, name, meta::text, text, revision FROM hub.documents "
            "WHERE revision > %s ORDER BY revision"
        )
        for rows in self._streamed("documents_since", query, revision):
            yield [DocumentRow(*row) for row in rows]

    def layers_since(self, revision: int) -> Iterator[list[LayerRow]]:
        query = (
            "SELECT document, annotator, content::text, fingerprint, revision, written_by, "
            "written_at::text FROM hub.layers WHERE revision > %s ORDER BY document"
        )
        for rows in self._streamed("layers_since", query, revision):
            yield [LayerRow(*row) for row in rows]

    def discussions_since(self, revision: int) -> Iterator[list[tuple[str, str, str, int]]]:
        """(document, author, content as JSON text, revision), oldest first."""
        query = (
            "SELECT document, author, content::text, revision FROM hub.discussions "
            "WHERE revision > %s ORDER BY revision"
        )
        yield from self._streamed("discussions_since", query, revision)

    def _streamed(self, name: str, query: str, revision: int) -> Iterator[list[tuple]]:
        """Rows of a query in batches, through a cursor on the server."""
        with self.conn.cursor(name=name) as cursor:
            cursor.itersize = BATCH
            cursor.execute(query, (revision,))
            while rows := cursor.fetchmany(BATCH):
                yield rows

    def assignments_since(self, revision: int) -> list[tuple[str, str, bool, int]]:
        return self.conn.execute(
            "SELECT document, annotator, active, revision FROM hub.assignments WHERE revision > %s",
            (revision,),
        ).fetchall()

    def latest(self) -> int:
        """The highest revision this snapshot sees (of every table a pull reads)."""
        return (
            self.conn.execute(
                "SELECT greatest((SELECT max(revision) FROM hub.settings), "
                "(SELECT max(revision) FROM hub.documents), "
                "(SELECT max(revision) FROM hub.layers), "
                "(SELECT max(revision) FROM hub.discussions), "
                "(SELECT max(revision) FROM hub.assignments))"
            ).fetchone()[0]
            or 0
        )
