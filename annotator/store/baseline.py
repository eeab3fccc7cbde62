"""The floor that ``python -m annotator.bench corpus`` measures import and export against.

The same rows as an import of our JSONL writes (documents, texts, spans, into the same
tables with the same indexes and settings), written with nothing but ``json`` and
``sqlite3``: one transaction, ``executemany`` in batches, no checks. And the same data read
back, a document at a time, with ``json.dumps`` per document into a file. The app never
uses this module; it says how close to the bare cost of the work the real code comes.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
from pathlib import Path

from annotator.store.tables import DDL

BATCH = 1000  # documents per executemany
_CREATED = "2026-01-01T00:00:00.000+00:00"


def sqlite_version() -> str:
    """The version of the SQLite library Python uses (figures depend on it)."""
    return sqlite3.sqlite_version


def _connect(database: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


def raw_import(jsonl: Path, database: Path, annotator: str) -> int:
    """Write the records of ``jsonl`` (``text``, ``name``, ``label`` triples) into a new
    database; returns how many documents."""
    conn = _connect(database)
    for statement in DDL.split(";"):
        if statement.strip():
            conn.execute(statement)
    documents: list[tuple] = []
    texts: list[tuple] = []
    spans: list[tuple] = []

    def write() -> None:
        conn.executemany(
            "INSERT INTO documents(id, name, sha256, length, meta, created) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            documents,
        )
        conn.executemany("INSERT INTO texts(document_id, text) VALUES (?, ?)", texts)
        conn.executemany(
            "INSERT INTO spans(document_id, annotator, label, start, end, text, attributes, "
            "created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            spans,
        )
        documents.clear()
        texts.clear()
        spans.clear()

    count = 0
    conn.execute("BEGIN")
    with jsonl.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            count += 1
            text = record["text"]
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            documents.append((count, record["name"], sha, len(text), "{}", _CREATED))
            texts.append((count, text))
            for start, end, label in record["label"]:
                spans.append(
                    (count, annotator, label, start, end, text[start:end], "{}", _CREATED, _CREATED)
                )
            if len(documents) == BATCH:
                write()
    write()
    conn.execute("COMMIT")
    conn.close()
    return count


def raw_export(database: Path, out: Path) -> int:
    """Read every document with its text and spans, in order, and write one JSON line each."""
    conn = sqlite3.connect(database)
    documents = conn.execute(
        "SELECT d.id, d.name, t.text, d.sha256, d.meta FROM documents d "
        "JOIN texts t ON t.document_id = d.id ORDER BY d.id"
    )
    spans = conn.execute(
        "SELECT id, document_id, annotator, label, start, end, text, attributes FROM spans "
        "ORDER BY document_id, start, end DESC, id"
    )
    span = spans.fetchone()
    count = 0
    with out.open("w", encoding="utf-8") as stream:
        for document_id, name, text, sha, meta in documents:
            annotations = []
            while span is not None and span[1] == document_id:
                annotations.append(
                    {
                        "id": span[0],
                        "start": span[4],
                        "end": span[5],
                        "text": span[6],
                        "label": span[3],
                        "annotator": span[2],
                        "attributes": json.loads(span[7]) if span[7] != "{}" else {},
                    }
                )
                span = spans.fetchone()
            item = {"id": document_id, "name": name, "text": text, "sha256": sha}
            item["meta"] = json.loads(meta)
            item["annotations"] = annotations
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    conn.close()
    return count


def main(argv: list[str]) -> int:
    """``python -m annotator.store.baseline import CORPUS DATABASE`` (or ``export DATABASE
    OUT``): one of the two in a process of its own, as ``python -m annotator.bench cli``
    times it."""
    what, source, target = argv
    if what == "import":
        raw_import(Path(source), Path(target), "bench")
    else:
        raw_export(Path(source), Path(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
