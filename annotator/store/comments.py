"""Threads of comments on spans, events and documents, with their open or resolved state."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.core.discussion import Comment, Thread
from annotator.store.connection import Database

_THREAD = (
    "t.id, t.document_id, t.span_id, t.anchor, t.resolved, t.changed_by, t.changed_at, "
    "t.created, c.id, c.author, c.body, c.created"
)


def _threads(rows: Iterable[tuple]) -> Iterator[Thread]:
    """Group rows of (thread columns, comment columns), ordered by thread, into threads."""
    head: tuple | None = None
    comments: list[Comment] = []
    for row in rows:
        if head is not None and row[0] != head[0]:
            yield _thread(head, comments)
            comments = []
        head = row
        if row[8] is not None:
            comments.append(Comment(row[8], row[0], row[9], row[10], row[11]))
    if head is not None:
        yield _thread(head, comments)


def _thread(row: tuple, comments: list[Comment]) -> Thread:
    return Thread(
        id=row[0],
        document_id=row[1],
        span_id=row[2],
        anchor=json.loads(row[3]) if row[3] else None,
        resolved=bool(row[4]),
        changed_by=row[5],
        changed_at=row[6],
        created=row[7],
        comments=tuple(comments),
    )


class Comments:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- writing ---------------------------------------------------------------------------

    def add_thread(
        self,
        document_id: int,
        span_id: int | None,
        anchor: dict[str, Any] | None,
        created: str,
        *,
        resolved: bool = False,
        changed_by: str | None = None,
        changed_at: str | None = None,
    ) -> int:
        return self.db.execute(
            "INSERT INTO threads(document_id, span_id, anchor, resolved, changed_by, "
            "changed_at, created) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                document_id,
                span_id,
                json.dumps(anchor, ensure_ascii=False) if anchor else None,
                int(resolved),
                changed_by,
                changed_at,
                created,
            ],
        ).lastrowid

    def add_comment(self, thread_id: int, author: str, body: str, created: str) -> int:
        return self.db.execute(
            "INSERT INTO comments(thread_id, author, body, created) VALUES (?, ?, ?, ?)",
            [thread_id, author, body, created],
        ).lastrowid

    def set_resolved(
        self, thread_id: int, resolved: bool, by: str | None, time: str | None
    ) -> None:
        self.db.execute(
            "UPDATE threads SET resolved = ?, changed_by = ?, changed_at = ? WHERE id = ?",
            [int(resolved), by, time, thread_id],
        )

    def attach(self, thread_id: int, span_id: int | None) -> None:
        self.db.execute("UPDATE threads SET span_id = ? WHERE id = ?", [span_id, thread_id])

    def delete_comment(self, comment_id: int) -> None:
        self.db.execute("DELETE FROM comments WHERE id = ?", [comment_id])

    def delete_thread(self, thread_id: int) -> None:
        self.db.execute("DELETE FROM threads WHERE id = ?", [thread_id])

    # -- reading ---------------------------------------------------------------------------

    def get(self, thread_id: int) -> Thread | None:
        rows = self.db.execute(
            f"SELECT {_THREAD} FROM threads t LEFT JOIN comments c ON c.thread_id = t.id "
            "WHERE t.id = ? ORDER BY c.id",
            [thread_id],
        )
        return next(_threads(rows), None)

    def comment(self, comment_id: int) -> Comment | None:
        row = self.db.execute(
            "SELECT id, thread_id, author, body, created FROM comments WHERE id = ?", [comment_id]
        ).fetchone()
        return Comment(*row) if row else None

    def for_document(self, document_id: int, open_only: bool = False) -> list[Thread]:
        """A document's threads in the order they began."""
        where = "AND t.resolved = 0" if open_only else ""
        rows = self.db.execute(
            f"SELECT {_THREAD} FROM threads t LEFT JOIN comments c ON c.thread_id = t.id "
            f"WHERE t.document_id = ? {where} ORDER BY t.id, c.id",
            [document_id],
        )
        return list(_threads(rows))

    def for_spans(self, span_ids: Iterable[int]) -> list[Thread]:
        ids = sorted(set(span_ids))
        if not ids:
            return []
        marks = ", ".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT {_THREAD} FROM threads t LEFT JOIN comments c ON c.thread_id = t.id "
            f"WHERE t.span_id IN ({marks}) ORDER BY t.id, c.id",
            ids,
        )
        return list(_threads(rows))

    def detached(self, document_id: int) -> list[Thread]:
        """Threads that began on a span which no longer exists (their anchor remains)."""
        rows = self.db.execute(
            f"SELECT {_THREAD} FROM threads t LEFT JOIN comments c ON c.thread_id = t.id "
            "WHERE t.document_id = ? AND t.span_id IS NULL AND t.anchor IS NOT NULL "
            "ORDER BY t.id, c.id",
            [document_id],
        )
        return list(_threads(rows))

    def page(self, offset: int, limit: int, open_only: bool = False) -> list[Thread]:
        """One page of every thread in the project, by document then by when it began."""
        where = "WHERE resolved = 0" if open_only else ""
        rows = self.db.execute(
            f"SELECT {_THREAD} FROM (SELECT * FROM threads {where} "
            "ORDER BY document_id, id LIMIT ? OFFSET ?) t "
            "LEFT JOIN comments c ON c.thread_id = t.id ORDER BY t.document_id, t.id, c.id",
            [limit, offset],
        )
        return list(_threads(rows))

    def count(self, open_only: bool = False) -> int:
        where = "WHERE resolved = 0" if open_only else ""
        return self.db.execute(f"SELECT count(*) FROM threads {where}").fetchone()[0]

    def iter_all(self) -> Iterator[Thread]:
        """Every thread with its comments, ordered by document (for streaming exports)."""
        rows = self.db.execute(
            f"SELECT {_THREAD} FROM threads t LEFT JOIN comments c ON c.thread_id = t.id "
            "ORDER BY t.document_id, t.id, c.id"
        )
        yield from _threads(rows)
