"""Documents and their texts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from annotator.core.model import Document, DocumentSummary, Status
from annotator.store.connection import Database
from annotator.store.findings import DamagedValue

_STATUS = f"""COALESCE(
    (SELECT status FROM progress p WHERE p.document_id = d.id AND p.annotator = :annotator),
    CASE WHEN EXISTS (SELECT 1 FROM spans s WHERE s.document_id = d.id AND s.annotator = :annotator)
         THEN '{Status.IN_PROGRESS}' ELSE '{Status.NEW}' END)"""
_SPAN_COUNT = (
    "(SELECT count(*) FROM spans s WHERE s.document_id = d.id AND s.annotator = :annotator)"
)


def _where(name_filter: str, open_threads: bool) -> str:
    """The list's filter: a part of the name, and only documents with open discussions."""
    conditions = []
    if name_filter:
        conditions.append("d.name LIKE :filter ESCAPE '\\'")
    if open_threads:
        conditions.append("d.id IN (SELECT document_id FROM threads WHERE resolved = 0)")
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Documents:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, name: str, text: str, sha256: str, meta: dict[str, Any], created: str) -> int:
        cursor = self.db.execute(
            "INSERT INTO documents(name, sha256, length, meta, created) VALUES (?, ?, ?, ?, ?)",
            [
                name,
                sha256,
                len(text),
                json.dumps(meta, ensure_ascii=False) if meta else "{}",
                created,
            ],
        )
        document_id = cursor.lastrowid
        self.db.execute("INSERT INTO texts(document_id, text) VALUES (?, ?)", [document_id, text])
        return document_id

    def id_for_sha256(self, sha256: str) -> int | None:
        row = self.db.execute("SELECT id FROM documents WHERE sha256 = ?", [sha256]).fetchone()
        return row[0] if row else None

    def get(self, document_id: int) -> Document | None:
        row = self.db.execute(
            "SELECT d.id, d.name, t.text, d.sha256, d.meta, d.length FROM documents d "
            "JOIN texts t ON t.document_id = d.id WHERE d.id = ?",
            [document_id],
        ).fetchone()
        return _document(row) if row else None

    def name(self, document_id: int) -> str | None:
        row = self.db.execute("SELECT name FROM documents WHERE id = ?", [document_id]).fetchone()
        return row[0] if row else None

    def count(self, name_filter: str = "", open_threads: bool = False) -> int:
        where = _where(name_filter, open_threads)
        return self.db.execute(
            f"SELECT count(*) FROM documents d {where}", {"filter": _like(name_filter)}
        ).fetchone()[0]

    def page(
        self,
        annotator: str,
        offset: int,
        limit: int,
        name_filter: str = "",
        open_threads: bool = False,
    ) -> list[DocumentSummary]:
        """One page of the document list, in import order, with the annotator's status."""
        where = _where(name_filter, open_threads)
        rows = self.db.execute(
            f"SELECT d.id, d.name, d.length, {_STATUS}, "
            f"{_SPAN_COUNT} "
            f"FROM documents d {where} ORDER BY d.id LIMIT :limit OFFSET :offset",
            {
                "annotator": annotator,
                "limit": limit,
                "offset": offset,
                "filter": _like(name_filter),
            },
        )
        return [DocumentSummary(*row) for row in rows]

    def summary(self, document_id: int, annotator: str) -> DocumentSummary | None:
        row = self.db.execute(
            f"SELECT d.id, d.name, d.length, {_STATUS}, "
            f"{_SPAN_COUNT} "
            "FROM documents d WHERE d.id = :id",
            {"annotator": annotator, "id": document_id},
        ).fetchone()
        return DocumentSummary(*row) if row else None

    def row_of(
        self, document_id: int, name_filter: str = "", open_threads: bool = False
    ) -> int | None:
        """Where a document stands in the (filtered) list, counting from 0; None if not in it."""
        where = _where(name_filter, open_threads)
        params = {"id": document_id, "filter": _like(name_filter)}
        inside = self.db.execute(
            f"SELECT 1 FROM documents d {where} {'AND' if where else 'WHERE'} d.id = :id", params
        ).fetchone()
        if inside is None:
            return None
        return self.db.execute(
            f"SELECT count(*) FROM documents d {where} {'AND' if where else 'WHERE'} d.id < :id",
            params,
        ).fetchone()[0]

    def neighbour(
        self, document_id: int, step: int, name_filter: str = "", open_threads: bool = False
    ) -> int | None:
        """The next (step 1) or previous (step -1) document in list order."""
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        where = _where(name_filter, open_threads)
        row = self.db.execute(
            f"SELECT d.id FROM documents d {where} {'AND' if where else 'WHERE'} d.id {op} :id "
            f"ORDER BY d.id {order} LIMIT 1",
            {"id": document_id, "filter": _like(name_filter)},
        ).fetchone()
        return row[0] if row else None

    def first_id(self) -> int | None:
        row = self.db.execute("SELECT min(id) FROM documents").fetchone()
        return row[0]

    def iter_all(self) -> Iterator[Document]:
        """Every document with its text, in id order, one at a time."""
        rows = self.db.execute(
            "SELECT d.id, d.name, t.text, d.sha256, d.meta, d.length FROM documents d "
            "JOIN texts t ON t.document_id = d.id ORDER BY d.id"
        )
        for row in rows:
            yield _document(row)

    def iter_sha256(self) -> Iterator[tuple[int, str, str, int]]:
        """(id, name, sha256, length) of every document, for checks that do not need text."""
        rows = self.db.execute("SELECT id, name, sha256, length FROM documents ORDER BY id")
        for row in rows:  # noqa: UP028 (not 'yield from': see Progress.iter_all)
            yield row


def _document(row: tuple) -> Document:
    """The document of a row (id, name, text, sha256, meta, length).

    A text whose length is not the one stored with it was damaged on the disk (a page of it
    zeroed reads as other characters): refused here, where it costs nothing, rather than
    shown, exported or merged as if it were the text.
    """
    if len(row[2]) != row[5]:
        raise DamagedValue(
            f"document {row[0]}: its text is {len(row[2])} characters long, not {row[5]}"
        )
    meta = json.loads(row[4]) if row[4] != "{}" else {}
    return Document(row[0], row[1], row[2], row[3], meta)  # id, name, text, sha256, meta
