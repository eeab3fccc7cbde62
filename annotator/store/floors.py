"""What writing an import's rows takes, for tables of several shapes.

``python -m annotator.bench floors`` writes the same records, already decoded in memory, into
a new database for each shape below: their rows built (a text's SHA-256 and a span's text
where the shape keeps them) and written with ``executemany`` in one transaction (WAL,
``synchronous = FULL``), the commit included. Nothing is read from a file, checked or sent:
the figures are how fast any import into such tables could go, and say which of the
project's columns and indexes cost what. The app never uses this module.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.store.bare import TABLES as BARE_TABLES
from annotator.store.tables import DDL

BATCH = 1000  # documents per executemany
_TIME = "2026-01-01T00:00:00.000+00:00"
_DOCUMENT = "INSERT INTO documents(id, name, sha256, length, meta, created) VALUES (?,?,?,?,?,?)"
_SPAN = (
    "INSERT INTO spans(document_id, annotator, label, start, end, text, attributes, created, "
    "updated) VALUES (?,?,?,?,?,?,?,?,?)"
)
_EVENT = (
    "INSERT INTO events(document_id, annotator, label, trigger, attributes, created, updated) "
    "VALUES (?,?,?,NULL,?,?,?)"
)

Row = Callable[[int, dict[str, Any], list], tuple]


@dataclass(frozen=True)
class Shape:
    """Tables, and how a record's rows go into them."""

    name: str
    ddl: str
    document: Callable[[int, dict[str, Any]], tuple]
    document_sql: str
    span: Row
    span_sql: str
    texts: bool = True  # texts apart from documents, as the project keeps them
    events: bool = False  # an event row for each span of the EVENT label


def _without(ddl: str, *indexes: str) -> str:
    for index in indexes:
        ddl = re.sub(rf"CREATE INDEX {index} [^;]*;", "", ddl)
    return ddl


def _project_document(number: int, record: dict[str, Any]) -> tuple:
    text = record["text"]
    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return (number, record["name"], sha256, len(text), "{}", _TIME)


def _project_span(number: int, record: dict[str, Any], triple: list) -> tuple:
    start, end, label = triple
    text = record["text"][start:end]
    return (number, "bench", label, start, end, text, "{}", _TIME, _TIME)


def _lean_span(number: int, record: dict[str, Any], triple: list) -> tuple:
    start, end, label = triple
    return (number, "bench", label, start, end, "", "", 1, 1)


def _project(name: str, ddl: str = DDL, span: Row = _project_span, events: bool = True) -> Shape:
    """A shape of the project's documents and texts (each text's SHA-256 computed)."""
    return Shape(name, ddl, _project_document, _DOCUMENT, span, _SPAN, events=events)


SHAPES = (
    Shape(
        "the bare minimum's two tables",
        ";".join(BARE_TABLES),
        lambda n, r: (n, r["name"], r["text"]),
        "INSERT INTO documents(id, name, text) VALUES (?,?,?)",
        lambda n, r, t: (n, t[0], t[1], t[2], "bench"),
        "INSERT INTO spans(document_id, start, end, label, annotator) VALUES (?,?,?,?,?)",
        texts=False,
    ),
    _project("the project's tables", events=False),
    _project("the project's tables and events"),
    _project("  without the index on label", _without(DDL, "spans_label")),
    _project("  without the index on layer", _without(DDL, "spans_annotator")),
    _project(
        "  spans without their text, attributes or times, nor those two indexes",
        _without(DDL, "spans_label", "spans_annotator"),
        _lean_span,
    ),
)


def write(shape: Shape, records: Sequence[dict[str, Any]], database: Path) -> float:
    """Seconds to write ``records`` into a new database of ``shape``, commit included."""
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    for statement in shape.ddl.split(";"):
        if statement.strip():
            conn.execute(statement)
    documents: list[tuple] = []
    texts: list[tuple] = []
    spans: list[tuple] = []
    events: list[tuple] = []

    def flush() -> None:
        conn.executemany(shape.document_sql, documents)
        if shape.texts:
            conn.executemany("INSERT INTO texts(document_id, text) VALUES (?, ?)", texts)
        conn.executemany(shape.span_sql, spans)
        if events:
            conn.executemany(_EVENT, events)
        for rows in (documents, texts, spans, events):
            rows.clear()

    start = time.perf_counter()
    conn.execute("BEGIN")
    for number, record in enumerate(records, 1):
        documents.append(shape.document(number, record))
        if shape.texts:
            texts.append((number, record["text"]))
        for triple in record["label"]:
            spans.append(shape.span(number, record, triple))
            if shape.events and triple[2] == "EVENT":
                events.append((number, "bench", "EVENT", "{}", _TIME, _TIME))
        if len(documents) == BATCH:
            flush()
    flush()
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds
