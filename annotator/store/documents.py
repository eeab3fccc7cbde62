"""Documents and their texts.

The document list is in import order, except in a hub's copy: there the documents the hub
assigns to the listed annotator come first, then the others, each group in import order
(the order of a LEFT JOIN to ``hub_assignments`` by "not assigned", then id). ``page``,
``row_of``, ``neighbour`` and ``assigned_count`` share that order, so a row, Page Up/Down
and the list's marks always agree; each reads through an index, not the whole list, except
``page``, which sorts the ids alone and reads the rest for the page's rows only.
"""

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


def _where(name_filter: str, open_threads: bool, *more: str) -> str:
    """The list's filter (a part of the name, only documents with open discussions), and
    ``more`` conditions."""
    conditions = []
    if name_filter:
        conditions.append("d.name LIKE :filter ESCAPE '\\'")
    if open_threads:
        conditions.append("d.id IN (SELECT document_id FROM threads WHERE resolved = 0)")
    conditions += more
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


# In a hub's copy, each document with the listed annotator's assignment, if it has one.
_ASSIGNMENT = "LEFT JOIN hub_assignments a ON a.document_id = d.id AND a.annotator = :annotator"
_LATER = "(a.document_id IS NULL)"  # the first key of the order: 0 assigned, 1 the others
_GROUP = ("a.document_id IS NOT NULL", "a.document_id IS NULL")  # by _LATER's value


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class Documents:
    def __init__(self, db: Database) -> None:
        self.db = db
        self._hub_copy: bool | None = None  # hub_assignments exists (known once asked)

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

    def _assigned_first(self, annotator: str | None) -> bool:
        """Whether the list puts ``annotator``'s assigned documents first: in a hub's copy.
        The table is looked for once per open project, not at every query."""
        if annotator is None:
            return False
        if self._hub_copy is None:
            found = self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'hub_assignments'"
            ).fetchone()
            self._hub_copy = found is not None
        return self._hub_copy

    def _count_in(self, later: int, params: dict, name_filter: str, open_threads: bool,
                  *more: str) -> int:  # fmt: skip
        """How many listed documents of one group (0 assigned, 1 the others) meet ``more``."""
        where = _where(name_filter, open_threads, _GROUP[later], *more)
        return self.db.execute(
            f"SELECT count(*) FROM documents d {_ASSIGNMENT} {where}", params
        ).fetchone()[0]

    def assigned_count(
        self, annotator: str, name_filter: str = "", open_threads: bool = False
    ) -> int:
        """How many listed documents the hub assigns to ``annotator``: the list's first rows
        (none outside a hub's copy)."""
        if not self._assigned_first(annotator):
            return 0
        params = {"annotator": annotator, "filter": _like(name_filter)}
        return self._count_in(0, params, name_filter, open_threads)

    def page(
        self,
        annotator: str,
        offset: int,
        limit: int,
        name_filter: str = "",
        open_threads: bool = False,
    ) -> list[DocumentSummary]:
        """One page of the document list, in list order, with the annotator's status."""
        params = {
            "annotator": annotator,
            "limit": limit,
            "offset": offset,
            "filter": _like(name_filter),
        }
        where = _where(name_filter, open_threads)
        columns = f"d.id, d.name, d.length, {_STATUS}, {_SPAN_COUNT}"
        if not self._assigned_first(annotator):
            rows = self.db.execute(
                f"SELECT {columns} FROM documents d {where} "
                "ORDER BY d.id LIMIT :limit OFFSET :offset",
                params,
            )
            return [DocumentSummary(*row) for row in rows]
        rows = self.db.execute(
            f"SELECT {columns} FROM (SELECT d.id, {_LATER} AS later FROM documents d "
            f"{_ASSIGNMENT} {where} ORDER BY later, d.id LIMIT :limit OFFSET :offset) AS shown "
            "JOIN documents d ON d.id = shown.id ORDER BY shown.later, d.id",
            params,
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

    def _later(self, document_id: int, annotator: str) -> int:
        """The document's group in ``annotator``'s list: 0 assigned to them, 1 not."""
        assigned = self.db.execute(
            "SELECT 1 FROM hub_assignments WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        ).fetchone()
        return 0 if assigned else 1

    def row_of(
        self,
        document_id: int,
        name_filter: str = "",
        open_threads: bool = False,
        annotator: str | None = None,
    ) -> int | None:
        """Where a document stands in ``annotator``'s (filtered) list, counting from 0; None
        if not in it."""
        params = {"id": document_id, "filter": _like(name_filter), "annotator": annotator}
        inside = self.db.execute(
            f"SELECT 1 FROM documents d {_where(name_filter, open_threads, 'd.id = :id')}",
            params,
        ).fetchone()
        if inside is None:
            return None
        before = self.db.execute(
            f"SELECT count(*) FROM documents d {_where(name_filter, open_threads, 'd.id < :id')}",
            params,
        ).fetchone()[0]
        if not self._assigned_first(annotator):
            return before
        # the assigned documents before it; when it is not assigned itself, all the assigned
        # documents and the others before it
        assigned_before = self._count_in(0, params, name_filter, open_threads, "d.id < :id")
        if self._later(document_id, annotator) == 0:
            return assigned_before
        assigned = self._count_in(0, params, name_filter, open_threads)
        return assigned + before - assigned_before

    def neighbour(
        self,
        document_id: int,
        step: int,
        name_filter: str = "",
        open_threads: bool = False,
        annotator: str | None = None,
    ) -> int | None:
        """The next (step 1) or previous (step -1) document in ``annotator``'s list order."""
        params = {"id": document_id, "filter": _like(name_filter), "annotator": annotator}
        op, order = (">", "ASC") if step > 0 else ("<", "DESC")
        if not self._assigned_first(annotator):
            where = _where(name_filter, open_threads, f"d.id {op} :id")
            row = self.db.execute(
                f"SELECT d.id FROM documents d {where} ORDER BY d.id {order} LIMIT 1", params
            ).fetchone()
            return row[0] if row else None
        # the next of its own group; past the group's end, the first of the next group (the
        # last of the group before, going back)
        later = self._later(document_id, annotator)
        other = later + (1 if step > 0 else -1)
        tries = [(later, [f"d.id {op} :id"]), *([(other, [])] if other in (0, 1) else [])]
        for group, more in tries:
            where = _where(name_filter, open_threads, _GROUP[group], *more)
            row = self.db.execute(
                f"SELECT d.id FROM documents d {_ASSIGNMENT} {where} ORDER BY d.id {order} LIMIT 1",
                params,
            ).fetchone()
            if row is not None:
                return row[0]
        return None

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
