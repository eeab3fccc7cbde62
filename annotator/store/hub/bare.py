"""The floor a hub's clone and sync are measured against: the same bytes moved, nothing more.

- clone: every document and every layer read from the hub with one query each, each layer's
  JSON decoded, and documents and span rows written with ``executemany`` into two plain
  SQLite tables;
- sync: one transaction on the hub that writes the given layers (an upsert per layer, with
  the revision lock and stamps the hub's triggers add) and reads what changed since a
  revision.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from pathlib import Path

import psycopg
from psycopg.types.json import Jsonb


def clone(url: str, database: Path) -> int:
    """Copy documents and span rows into a new SQLite file; returns the documents."""
    out = sqlite3.connect(database)
    out.executescript(
        "CREATE TABLE documents (sha256 TEXT PRIMARY KEY, name TEXT, meta TEXT, text TEXT);"
        "CREATE TABLE spans (document TEXT, annotator TEXT, label TEXT, start INTEGER, "
        "end INTEGER, text TEXT);"
    )
    count = 0
    with psycopg.connect(url) as conn, out:
        with conn.cursor(name="documents") as cursor:
            cursor.execute("SELECT sha256, name, meta::text, text FROM hub.documents")
            while rows := cursor.fetchmany(2000):
                out.executemany("INSERT INTO documents VALUES (?, ?, ?, ?)", rows)
                count += len(rows)
        with conn.cursor(name="layers") as cursor:
            cursor.execute("SELECT document, annotator, content::text FROM hub.layers")
            while rows := cursor.fetchmany(2000):
                out.executemany(
                    "INSERT INTO spans VALUES (?, ?, ?, ?, ?, ?)",
                    [
                        (document, annotator, a["label"], a["start"], a["end"], a["text"])
                        for document, annotator, text in rows
                        for a in json.loads(text)["annotations"]
                    ],
                )
    out.close()
    return count


def sync(url: str, layers: Iterable[tuple[str, dict, str]], since: int) -> int:
    """Write layers (document, content, fingerprint) as the URL's login, then read what
    changed after ``since``; returns the rows read."""
    with psycopg.connect(url) as conn:
        with conn.transaction():
            for document, content, fingerprint in layers:
                conn.execute(
                    "INSERT INTO hub.layers(document, annotator, content, fingerprint) "
                    "VALUES (%s, session_user, %s, %s) ON CONFLICT (document, annotator) "
                    "DO UPDATE SET content = EXCLUDED.content, fingerprint = EXCLUDED.fingerprint",
                    (document, Jsonb(content), fingerprint),
                )
        with conn.transaction():
            rows = conn.execute(
                "SELECT document, annotator, content::text FROM hub.layers WHERE revision > %s",
                (since,),
            ).fetchall()
    return len(rows)


def create_database(url: str, name: str) -> None:
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')


if __name__ == "__main__":  # python -m annotator.store.hub.bare clone URL FILE | sync URL FILE N
    import sys

    if sys.argv[1] == "clone":
        clone(sys.argv[2], Path(sys.argv[3]))
    else:
        sync(sys.argv[2], json.loads(Path(sys.argv[3]).read_text()), int(sys.argv[4]))
