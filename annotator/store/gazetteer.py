"""The gazetteer a project imported: places with coordinates, found by the keys of their names.

``gazetteer`` holds one row a place; ``gazetteer_names`` one row for each key of each of its
names (:func:`annotator.core.places.name_key`), ordered by key (``WITHOUT ROWID``), so that
both an exact key and every key beginning with a prefix are one range of one B-tree: a
lookup reads a few pages whatever the gazetteer's size. What was imported, from which files,
is kept in the project's settings (``gazetteer`` in ``meta``).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Iterator
from typing import Any

from annotator.core.places import GazetteerPlace
from annotator.store.connection import Database

_NAMES = (
    "id", "name", "latitude", "longitude", "feature_class", "feature_code", "country", "admin1",
    "population", "arabic",
)  # fmt: skip
_COLUMNS = ", ".join(_NAMES)  # GazetteerPlace's fields, in order
_OF_G = ", ".join(f"g.{name}" for name in _NAMES)
SOURCES = "gazetteer"  # the meta key listing the files imported
IMPORT_CACHE_KB = 128 * 1024


def _place(row: tuple) -> GazetteerPlace:
    return GazetteerPlace(*row)


def after(prefix: str) -> str:
    """The first string past every string that begins with ``prefix`` (a non-empty key, whose
    last character is a letter or digit, never U+10FFFF), in SQLite's order: that of UTF-8
    bytes, which is code points' order, surrogates left out."""
    last = ord(prefix[-1]) + 1
    return prefix[:-1] + chr(0xE000 if 0xD800 <= last <= 0xDFFF else last)


class Gazetteer:
    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, places: Iterable[tuple[GazetteerPlace, Iterable[str]]]) -> tuple[int, int]:
        """Add places with the keys of their names; a place already there (the same id) is
        replaced. Returns (added, replaced)."""
        batch = list(places)
        ids = [place.id for place, _ in batch]
        replaced = 0
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join("?" * len(chunk))
            replaced += self.db.execute(
                f"DELETE FROM gazetteer WHERE id IN ({marks})", chunk
            ).rowcount
        self.db.executemany(
            f"INSERT INTO gazetteer({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    p.id,
                    p.name,
                    p.latitude,
                    p.longitude,
                    p.feature_class,
                    p.feature_code,
                    p.country,
                    p.admin1,
                    p.population,
                    p.arabic,
                )
                for p, _ in batch
            ],
        )
        self.db.executemany(  # in key order: each page of the tree is visited once a batch
            "INSERT OR IGNORE INTO gazetteer_names(key, place) VALUES (?, ?)",
            sorted((key, place.id) for place, keys in batch for key in keys if key),
        )
        return len(batch) - replaced, replaced

    @contextlib.contextmanager
    def importing(self) -> Iterator[None]:
        """A larger page cache while a file is imported: names arrive in no order, and the
        tree of keys outgrows SQLite's default cache of 2 MB after a few thousand places."""
        (size,) = self.db.execute("PRAGMA cache_size").fetchone()
        self.db.execute(f"PRAGMA cache_size = {-IMPORT_CACHE_KB}")
        try:
            yield
        finally:
            self.db.execute(f"PRAGMA cache_size = {int(size)}")

    def get(self, place_id: int) -> GazetteerPlace | None:
        row = self.db.execute(
            f"SELECT {_COLUMNS} FROM gazetteer WHERE id = ?", [place_id]
        ).fetchone()
        return _place(row) if row else None

    def named(self, key: str) -> list[GazetteerPlace]:
        """Every place one of whose names has exactly this key."""
        rows = self.db.execute(
            f"SELECT {_OF_G} "
            "FROM gazetteer_names n JOIN gazetteer g ON g.id = n.place WHERE n.key = ?",
            [key],
        )
        return [_place(row) for row in rows]

    def beginning(self, prefix: str, most: int) -> list[GazetteerPlace]:
        """Places one of whose names' keys begins with ``prefix`` (but is not it), taken from
        at most ``most`` keys in key order: what stays instant for a short prefix in a large
        gazetteer."""
        if not prefix:
            return []
        rows = self.db.execute(
            f"SELECT {_OF_G} "
            "FROM (SELECT DISTINCT place FROM (SELECT place FROM gazetteer_names "
            "WHERE key > ? AND key < ? ORDER BY key LIMIT ?)) n "
            "JOIN gazetteer g ON g.id = n.place",
            [prefix, after(prefix), most],
        )
        return [_place(row) for row in rows]

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM gazetteer").fetchone()[0]

    def arabic_names(self) -> Iterator[str]:
        """The Arabic name of every place that has one (what suggestions look for)."""
        rows = self.db.execute("SELECT DISTINCT arabic FROM gazetteer WHERE arabic != ''")
        yield from (row[0] for row in rows)

    def sources(self) -> list[dict[str, Any]]:
        """The files imported, oldest first: file, places kept, filters, when."""
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [SOURCES]).fetchone()
        try:
            found = json.loads(row[0]) if row else []
        except ValueError:
            return []
        return found if isinstance(found, list) else []

    def add_source(self, source: dict[str, Any]) -> None:
        value = json.dumps([*self.sources(), source], ensure_ascii=False)
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [SOURCES, value],
        )
