"""Spans: labelled stretches of text, one row each, in an annotator's layer."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from annotator.core.model import Span
from annotator.store.coded_rows import CodedRows
from annotator.store.connection import Database

_COLUMNS = "id, document_id, annotator, label, start, end, text, attributes, entity_id, provenance"
_new = object.__new__


def _span(row: tuple) -> Span:
    """The span of a row of ``_COLUMNS``.

    The instance's fields are put straight into its ``__dict__``: the frozen dataclass's
    ``__init__`` sets each of the ten through ``object.__setattr__``, which was the largest
    cost of streaming millions of spans (export, agreement). The object is the same;
    tests/store/test_span_rows.py holds that true.
    """
    id_, document_id, annotator, label, start, end, text, attributes, entity_id, provenance = row
    span = _new(Span)
    span.__dict__.update(
        id=id_,
        document_id=document_id,
        annotator=annotator,
        label=label,
        start=start,
        end=end,
        text=text,
        attributes=json.loads(attributes) if attributes != "{}" else {},
        entity_id=entity_id,
        provenance=json.loads(provenance) if provenance else None,
    )
    return span


SpanRow = tuple[int, int, str, int, dict[str, Any] | None]  # start, end, label, id, attributes
# a row of Spans.iter_layers: document id, annotator, then the span's row
_DOCUMENT, _ANNOTATOR, _SPAN_ROW = itemgetter(0), itemgetter(1), itemgetter(slice(2, None))
_START = itemgetter(0)
_ATTRIBUTES = itemgetter(4)


def _text_order(row: SpanRow) -> tuple[int, int, str, int]:
    return (row[0], -row[1], row[2], row[3])


_ROWS_PER_INSERT = 400  # at most, within the SQLite library's limit of values per statement


@functools.lru_cache(maxsize=64)
def _insert_rows(count: int) -> str:
    row = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    return (
        "INSERT INTO spans(document_id, annotator, label, start, end, text, attributes, "
        f"entity_id, created, updated) VALUES {', '.join([row] * count)}"
    )


def _json(value: dict[str, Any]) -> str:
    if not value:
        return "{}"  # most spans of an import have no attributes: skip the encoder
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class Spans(CodedRows):
    TABLE = "spans"

    def __init__(self, db: Database) -> None:
        self.db = db
        limit = db.conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER)  # 999 in old libraries
        self._rows_per_insert = max(1, min(_ROWS_PER_INSERT, limit // 10))

    def add(
        self,
        document_id: int,
        annotator: str,
        label: str,
        start: int,
        end: int,
        text: str,
        attributes: dict[str, Any] | None = None,
        *,
        entity_id: int | None = None,
        provenance: dict[str, Any] | None = None,
        time: str,
        span_id: int | None = None,
    ) -> int:
        """Insert one span; ``span_id`` restores a deleted span under its old id (undo)."""
        cursor = self.db.execute(
            "INSERT INTO spans(id, document_id, annotator, label, start, end, text, attributes, "
            "entity_id, provenance, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                span_id,
                document_id,
                annotator,
                label,
                start,
                end,
                text,
                _json(attributes or {}),
                entity_id,
                json.dumps(provenance, ensure_ascii=False) if provenance else None,
                time,
                time,
            ],
        )
        return cursor.lastrowid

    def add_many(self, rows: Iterable[tuple], time: str) -> list[int]:
        """Bulk insert of rows (document_id, annotator, label, start, end, text, attributes,
        entity_id), in that order; returns their ids, in that order.

        Rows go in a few hundred to a statement (a multi-row ``VALUES``), which SQLite runs
        faster than the same rows one by one. The rows of one statement get consecutive ids
        (``AUTOINCREMENT`` gives each the largest id yet plus one, and the caller's write
        transaction lets no one else in), so the last one gives them all.
        """
        ids: list[int] = []
        values: list[Any] = []
        count = 0
        for row in rows:
            values += row[:6]
            values += (_json(row[6]), row[7], time, time)
            count += 1
            if count == self._rows_per_insert:
                self._insert(values, count, ids)
                values, count = [], 0
        if count:
            self._insert(values, count, ids)
        return ids

    def _insert(self, values: list[Any], count: int, ids: list[int]) -> None:
        last = self.db.conn.execute(_insert_rows(count), values).lastrowid
        ids += range(last - count + 1, last + 1)

    def get(self, span_id: int) -> Span | None:
        row = self.db.execute(f"SELECT {_COLUMNS} FROM spans WHERE id = ?", [span_id]).fetchone()
        return _span(row) if row else None

    def for_document(self, document_id: int, annotator: str | None = None) -> list[Span]:
        """The spans of one document in text order, of one layer or of all."""
        if annotator is None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans WHERE document_id = ? ORDER BY start, end DESC, id",
                [document_id],
            )
        else:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans WHERE document_id = ? AND annotator = ? "
                "ORDER BY start, end DESC, id",
                [document_id, annotator],
            )
        return [_span(row) for row in rows]

    def overlapping(self, document_id: int, annotator: str, start: int, end: int) -> list[Span]:
        """A layer's spans that touch [start, end] (what an edit there may have changed)."""
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM spans WHERE document_id = ? AND annotator = ? "
            "AND start <= ? AND end >= ? ORDER BY start, end DESC, id",
            [document_id, annotator, end, start],
        )
        return [_span(row) for row in rows]

    def keys(self, document_id: int, annotator: str) -> dict[tuple[int, int, str], int]:
        """(start, end, label) → id of a layer's spans: what an import must not add twice."""
        rows = self.db.execute(
            "SELECT start, end, label, id FROM spans WHERE document_id = ? AND annotator = ?",
            [document_id, annotator],
        )
        return {(s, e, label): span_id for s, e, label, span_id in rows}

    def with_extent(
        self, document_id: int, annotator: str, start: int, end: int, label: str
    ) -> int | None:
        """The id of the layer's span of ``label`` over exactly ``start``..``end``, if any
        (one lookup in the layer's index by start, not the layer read whole)."""
        row = self.db.execute(
            "SELECT id FROM spans WHERE document_id = ? AND annotator = ? AND start = ? "
            "AND end = ? AND label = ? LIMIT 1",
            [document_id, annotator, start, end, label],
        ).fetchone()
        return row[0] if row else None

    def update(self, span_id: int, time: str, **changes: Any) -> None:
        """Change a span's label, attributes, entity or extent (start, end and text together)."""
        allowed = {"label", "attributes", "entity_id", "start", "end", "text", "provenance"}
        unknown = set(changes) - allowed
        if unknown:
            raise ValueError(f"cannot change {', '.join(sorted(unknown))} of a span")
        values = {
            k: (_json(v) if k in ("attributes", "provenance") and v is not None else v)
            for k, v in changes.items()
        }
        assignments = ", ".join(f"{column} = :{column}" for column in values)
        self.db.execute(
            f"UPDATE spans SET {assignments}, updated = :updated WHERE id = :id",
            {**values, "updated": time, "id": span_id},
        )

    def delete(self, span_id: int) -> None:
        self.db.execute("DELETE FROM spans WHERE id = ?", [span_id])

    def iter_all(self, annotator: str | None = None) -> Iterator[Span]:
        """Every span (of one layer or all), ordered by document then text position."""
        if annotator is None:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans ORDER BY document_id, start, end DESC, id"
            )
        else:
            rows = self.db.execute(
                f"SELECT {_COLUMNS} FROM spans WHERE annotator = ? "
                "ORDER BY document_id, start, end DESC, id",
                [annotator],
            )
        yield from map(_span, rows)

    def iter_labelled(self, labels: Iterable[str]) -> Iterator[Span]:
        """Every span of these labels, ordered by document, layer and text position."""
        chosen = sorted(set(labels))
        if not chosen:
            return
        marks = ", ".join("?" * len(chosen))
        rows = self.db.execute(
            f"SELECT {_COLUMNS} FROM spans WHERE label IN ({marks}) "
            "ORDER BY document_id, annotator, start, end DESC, id",
            chosen,
        )
        yield from map(_span, rows)

    def iter_layers(self) -> Iterator[tuple[int, dict[str, list[SpanRow]]]]:
        """(document id, annotator → spans) of every document with spans, by document.

        Each span is a row (start, end, label, id, attributes) — attributes a dict, or None
        when it has none — in text order: by start, the longer first, then label, then id.
        For work that reads every span of a project but needs no :class:`Span` (agreement):
        building the objects costs more than reading the rows. The query reads in the order of
        the index on (document_id, annotator, start), so SQLite sorts nothing; only a layer
        with spans starting at the same character is sorted here.
        """
        rows = self.db.execute(
            "SELECT document_id, annotator, start, end, label, id, NULLIF(attributes, '{}') "
            "FROM spans ORDER BY document_id, annotator, start"
        )
        for document_id, document in groupby(rows, _DOCUMENT):
            layers: dict[str, list[SpanRow]] = {}
            for annotator, layer in groupby(document, _ANNOTATOR):
                spans = list(map(_SPAN_ROW, layer))
                if len(set(map(_START, spans))) < len(spans):  # spans starting together
                    spans.sort(key=_text_order)
                if any(map(_ATTRIBUTES, spans)):
                    spans = [(*row[:4], json.loads(row[4])) if row[4] else row for row in spans]
                layers[annotator] = spans
            yield document_id, layers

    def count(self, annotator: str | None = None) -> int:
        if annotator is None:
            return self.db.execute("SELECT count(*) FROM spans").fetchone()[0]
        return self.db.execute(
            "SELECT count(*) FROM spans WHERE annotator = ?", [annotator]
        ).fetchone()[0]

    def count_by(self, column: str) -> dict[str, int]:
        """Span counts per label or per annotator."""
        if column not in ("label", "annotator"):
            raise ValueError(column)
        rows = self.db.execute(f"SELECT {column}, count(*) FROM spans GROUP BY 1 ORDER BY 1")
        return dict(rows.fetchall())

    def count_label(self, label: str) -> int:
        return self.db.execute("SELECT count(*) FROM spans WHERE label = ?", [label]).fetchone()[0]

    def rename_label(self, old: str, new: str, time: str) -> int:
        cursor = self.db.execute(
            "UPDATE spans SET label = ?, updated = ? WHERE label = ?", [new, time, old]
        )
        return cursor.rowcount

    def delete_label(self, label: str) -> int:
        return self.db.execute("DELETE FROM spans WHERE label = ?", [label]).rowcount

    def documents_with_layer(self, annotator: str) -> list[int]:
        rows = self.db.execute(
            "SELECT DISTINCT document_id FROM spans WHERE annotator = ? ORDER BY 1", [annotator]
        )
        return [row[0] for row in rows]

    # -- schema changes: links by label and role (attributes: annotator.store.coded_rows) -------

    def count_links(self, label: str) -> int:
        """Role links from or to spans of a label: what deleting the label takes with it."""
        return self.db.execute(
            "SELECT count(*) FROM relations WHERE source IN (SELECT id FROM spans WHERE label = ?) "
            "OR target IN (SELECT id FROM spans WHERE label = ?)",
            [label, label],
        ).fetchone()[0]

    def links_to_label(self, label: str) -> dict[tuple[str, str], int]:
        """(event label, role) → how many links have a span of ``label`` as their argument."""
        rows = self.db.execute(
            "SELECT s.label, r.role, count(*) FROM relations r "
            "JOIN spans s ON s.id = r.source JOIN spans t ON t.id = r.target "
            "WHERE t.label = ? GROUP BY 1, 2 ORDER BY 1, 2",
            [label],
        )
        return {(event, role): n for event, role, n in rows}

    def links_from_label(self, label: str) -> dict[str, int]:
        """Role → how many links go from spans of the (event) label ``label``."""
        rows = self.db.execute(
            "SELECT r.role, count(*) FROM relations r JOIN spans s ON s.id = r.source "
            "WHERE s.label = ? GROUP BY 1 ORDER BY 1",
            [label],
        )
        return dict(rows.fetchall())

    def role_arguments(self, label: str, role: str) -> dict[str, int]:
        """Argument label → how many links of this role go from spans of ``label`` to it."""
        rows = self.db.execute(
            "SELECT t.label, count(*) FROM relations r "
            "JOIN spans s ON s.id = r.source JOIN spans t ON t.id = r.target "
            "WHERE s.label = ? AND r.role = ? GROUP BY 1 ORDER BY 1",
            [label, role],
        )
        return dict(rows.fetchall())

    def events_with_several(self, label: str, role: str) -> int:
        """Event spans of a label with more than one link in ``role``."""
        return self.db.execute(
            "SELECT count(*) FROM (SELECT r.source FROM relations r "
            "JOIN spans s ON s.id = r.source WHERE s.label = ? AND r.role = ? "
            "GROUP BY r.source HAVING count(*) > 1)",
            [label, role],
        ).fetchone()[0]

    def rename_role(self, label: str, old: str, new: str) -> int:
        """Links of role ``old`` from spans of ``label`` take the role's new name."""
        return self.db.execute(
            "UPDATE relations SET role = ? WHERE role = ? "
            "AND source IN (SELECT id FROM spans WHERE label = ?)",
            [new, old, label],
        ).rowcount

    def delete_role_links(self, label: str, role: str) -> int:
        return self.db.execute(
            "DELETE FROM relations WHERE role = ? "
            "AND source IN (SELECT id FROM spans WHERE label = ?)",
            [role, label],
        ).rowcount
