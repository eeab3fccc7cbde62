"""The corpus search index: a cache beside the project database, never part of it.

It lives in ``PROJECT/cache/search.sqlite``, outside the project's versioned tables, because
everything in it can be made again from the texts: the project's format does not change
(older versions of annotator still open the project), backups and copies sent to colleagues
do not carry it, and deleting it loses nothing (the next search rebuilds it). It has a
layout number of its own; a cache of another layout, or one that cannot be read, is thrown
away and rebuilt.

It is an SQLite FTS5 table without content (the words are kept only as the index) with one
row per document, keyed by document id, holding the terms :mod:`annotator.ops.searching`
derives from the text. ``indexed`` records which documents are in it, with the hash of the
text they were indexed from. Imports do not touch it: the documents a search finds missing
are indexed first (:meth:`SearchIndex.update`). The first check of a connection compares
every indexed document with the project (about 50 ms at 100,000 documents); if one is gone
or its text changed (a restored backup), the whole index is rebuilt. Later checks only look
for new documents (see the note above :meth:`SearchIndex.outdated`).

The project database is attached to the cache's own connection for reading only; its
transactions start deferred and write only to the cache, so indexing never holds a lock on
the project.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from annotator.store.caches import open_cache
from annotator.store.project import DATABASE, Project

CACHE = "cache"
INDEX_FILE = "search.sqlite"
LAYOUT = 1  # the cache's own layout: another number means "throw it away and rebuild"
CHUNK = 500  # documents indexed per transaction: a cancelled build keeps what it finished

_TABLES = (
    "CREATE TABLE IF NOT EXISTS indexed ( document_id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5("
    " terms, content='', detail='none', columnsize=0,"
    " tokenize='unicode61 remove_diacritics 0')",
)

Terms = Callable[[str], str]  # a document's text → its index terms, separated by spaces
Progress = Callable[[int, "int | None"], None]


def index_path(project: Project) -> Path:
    return project.folder / CACHE / INDEX_FILE


def _match(terms: Sequence[str]) -> str:
    """An FTS5 query for documents holding every term (each quoted: terms are not syntax)."""
    return " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)


class SearchIndex:
    """The cache of one project, on a connection of its own (one per thread)."""

    def __init__(self, project: Project) -> None:
        self.path = index_path(project)
        self.database = project.folder / DATABASE
        self.conn = open_cache(self.path, self.database, _TABLES, LAYOUT, "the search index")
        self._complete_to: int | None = None  # every document up to this id is indexed

    # -- opening ----------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- keeping up to date ---------------------------------------------------------------------
    # Once this connection has compared the whole index with the project, only new documents
    # can appear while it stays open: documents are never deleted, and a backup is restored
    # (or the project upgraded) only when no other connection has the project open, this one
    # included. Later checks therefore read only the project's largest document id.

    def _largest_id(self) -> int:
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM project.documents").fetchone()[0]

    def outdated(self) -> int:
        """How many documents an update would index: 0 when the index is complete."""
        if self._complete_to is not None:
            if self._largest_id() == self._complete_to:
                return 0
            return len(self.pending(after=self._complete_to))
        if self.stale():
            return self.conn.execute("SELECT count(*) FROM project.documents").fetchone()[0]
        largest = self._largest_id()
        missing = len(self.pending())
        if not missing:
            self._complete_to = largest
        return missing

    def stale(self) -> int:
        """Indexed documents that are no longer in the project with the same text."""
        return self.conn.execute(
            "SELECT count(*) FROM indexed i LEFT JOIN project.documents d "
            "ON d.id = i.document_id WHERE d.sha256 IS NOT i.sha256"
        ).fetchone()[0]

    def pending(self, after: int = 0) -> list[int]:
        """Ids of the documents not indexed yet (or indexed from another text), in order."""
        rows = self.conn.execute(
            "SELECT d.id FROM project.documents d LEFT JOIN indexed i ON i.document_id = d.id "
            "WHERE d.id > ? AND i.sha256 IS NOT d.sha256 ORDER BY d.id",
            [after],
        )
        return [row[0] for row in rows]

    def clear(self) -> None:
        with self._writing():
            self.conn.execute("DELETE FROM indexed")
            self.conn.execute("INSERT INTO words(words) VALUES ('delete-all')")

    def update(self, terms: Terms, progress: Progress | None = None) -> int:
        """Index every document the index lacks; returns how many were indexed.

        Works in transactions of :data:`CHUNK` documents, calling ``progress(done, total)``
        inside each: a ``Cancelled`` raised there keeps the chunks already finished.
        """
        if self._complete_to is None and self.stale():
            self.clear()
        largest = self._largest_id()
        pending = self.pending(after=self._complete_to or 0)
        total = len(pending)
        if progress is not None and total:
            progress(0, total)
        done = 0
        for first in range(0, total, CHUNK):
            chunk = pending[first : first + CHUNK]
            with self._writing():
                for document_id, sha256, text in self._texts(chunk):
                    self.conn.execute(
                        "INSERT INTO words(rowid, terms) VALUES (?, ?)", [document_id, terms(text)]
                    )
                    self.conn.execute(
                        "INSERT OR REPLACE INTO indexed(document_id, sha256) VALUES (?, ?)",
                        [document_id, sha256],
                    )
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
        if total > CHUNK:
            with self._writing():
                self.conn.execute("INSERT INTO words(words) VALUES ('optimize')")
        self._complete_to = largest
        return total

    def _texts(self, ids: list[int]) -> Iterator[tuple[int, str, str]]:
        """(id, sha256, text) of the given documents that are still not indexed."""
        marks = ", ".join("?" * len(ids))
        yield from self.conn.execute(
            "SELECT d.id, d.sha256, t.text FROM project.documents d "
            "JOIN project.texts t ON t.document_id = d.id "
            f"LEFT JOIN indexed i ON i.document_id = d.id WHERE d.id IN ({marks}) "
            "AND i.sha256 IS NOT d.sha256 ORDER BY d.id",
            ids,
        ).fetchall()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """A transaction on the cache. It starts deferred, and its first statement writes, so
        it waits for another indexer (it takes the cache's lock, never the project's)."""
        conn = self.conn
        conn.execute("BEGIN")
        try:
            conn.execute("UPDATE indexed SET sha256 = sha256 WHERE 0")
            yield
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")

    # -- searching -------------------------------------------------------------------------------

    def candidates(self, terms: Sequence[str], after: int = 0, limit: int = 100) -> list[int]:
        """Ids of documents holding every term, in id order, after the id ``after``."""
        rows = self.conn.execute(
            "SELECT rowid FROM words WHERE words MATCH ? AND rowid > ? ORDER BY rowid LIMIT ?",
            [_match(terms), after, limit],
        )
        return [row[0] for row in rows]

    def count(self, terms: Sequence[str]) -> int:
        """How many documents hold every term."""
        return self.conn.execute(
            "SELECT count(*) FROM words WHERE words MATCH ?", [_match(terms)]
        ).fetchone()[0]
