"""The bare minimum of an import and an export of our JSONL, each a process of its own.

``python -m annotator.store.bare import CORPUS DATABASE`` reads each line with
``json.loads`` and writes it with ``sqlite3`` ``executemany`` into one documents table and
one spans table with one index, in one transaction (WAL, ``synchronous = FULL``, as a
project). ``python -m annotator.store.bare export DATABASE OUT`` reads the documents and
their spans back in order and writes one ``json.dumps`` line each. Nothing is checked,
hashed or kept beside the rows: it is the floor that the command line is measured against
(``python -m annotator.bench cli``). It imports nothing but the standard library.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

BATCH = 1000  # documents per executemany
TABLES = (
    "CREATE TABLE documents (id INTEGER PRIMARY KEY, name TEXT, text TEXT)",
    "CREATE TABLE spans (id INTEGER PRIMARY KEY, document_id INTEGER, start INTEGER, "
    "end INTEGER, label TEXT, annotator TEXT)",
    "CREATE INDEX spans_document ON spans(document_id, start)",
)


def _connect(database: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(database, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def bare_import(corpus: Path, database: Path, annotator: str = "bench") -> int:
    """Write the records of ``corpus`` (``name``, ``text``, ``label`` triples) into a new
    database; returns how many documents."""
    conn = _connect(database)
    for statement in TABLES:
        conn.execute(statement)
    documents: list[tuple] = []
    spans: list[tuple] = []
    count = 0
    conn.execute("BEGIN")
    with corpus.open(encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            count += 1
            documents.append((count, record["name"], record["text"]))
            spans.extend(
                (count, start, end, label, annotator) for start, end, label in record["label"]
            )
            if len(documents) == BATCH:
                _write(conn, documents, spans)
    _write(conn, documents, spans)
    conn.execute("COMMIT")
    conn.close()
    return count


def _write(conn: sqlite3.Connection, documents: list[tuple], spans: list[tuple]) -> None:
    conn.executemany("INSERT INTO documents(id, name, text) VALUES (?, ?, ?)", documents)
    conn.executemany(
        "INSERT INTO spans(document_id, start, end, label, annotator) VALUES (?, ?, ?, ?, ?)",
        spans,
    )
    documents.clear()
    spans.clear()


def bare_export(database: Path, out: Path) -> int:
    """Read every document and its spans, in order, and write one JSON line each."""
    conn = sqlite3.connect(database)
    spans = conn.execute(
        "SELECT document_id, start, end, label, annotator FROM spans ORDER BY document_id, start"
    )
    span = spans.fetchone()
    count = 0
    with out.open("w", encoding="utf-8") as stream:
        for document_id, name, text in conn.execute(
            "SELECT id, name, text FROM documents ORDER BY id"
        ):
            annotations = []
            while span is not None and span[0] == document_id:
                _, start, end, label, annotator = span
                annotations.append(
                    {
                        "start": start,
                        "end": end,
                        "text": text[start:end],
                        "label": label,
                        "annotator": annotator,
                    }
                )
                span = spans.fetchone()
            item = {"id": document_id, "name": name, "text": text, "annotations": annotations}
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
            count += 1
    conn.close()
    return count


def main(argv: list[str]) -> int:
    what, source, target = argv
    if what == "import":
        bare_import(Path(source), Path(target))
    else:
        bare_export(Path(source), Path(target))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
