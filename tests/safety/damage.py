"""Damaging a real project file the way disks and copies do: bits flipped, a page zeroed, a
cell lost from a page of the file, the file cut short.

Each helper works on the bytes of a closed project's ``project.sqlite`` (closing the last
connection leaves no ``-wal``, so the file holds everything). Where the damage must hit one
place (a text, a table's page), the place is found in the file's own bytes or header.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

LEAF_PAGES = {0x0D: "table", 0x0A: "index"}


def _bytes(database: Path) -> bytearray:
    assert not Path(f"{database}-wal").exists(), "close the project first"
    return bytearray(database.read_bytes())


def page_size(database: Path) -> int:
    size = int.from_bytes(database.read_bytes()[16:18], "big")
    return 65536 if size == 1 else size


def offset_of(database: Path, text: str) -> int:
    """Where ``text`` (UTF-8) is in the file; it must be there exactly once."""
    data, needle = _bytes(database), text.encode()
    at = data.find(needle)
    assert at > 0 and data.find(needle, at + 1) == -1, f"{text!r} is not in the file once"
    return at


def change_character(database: Path, text: str, readable: bool) -> None:
    """Change one byte in the middle of ``text`` where it is stored: to another letter that is
    still valid UTF-8 (``readable``: only the text's hash can tell) or to a byte that UTF-8
    never has."""
    data = _bytes(database)
    at = offset_of(database, text) + len(text.encode()) // 2
    while data[at] & 0xC0 != 0x80:  # a continuation byte of a two-byte letter
        at += 1
    data[at] = data[at] ^ 0x01 if readable else 0xFF
    database.write_bytes(bytes(data))


def zero_page_at(database: Path, offset: int) -> int:
    """Zero the whole page holding ``offset``; its page number."""
    data, size = _bytes(database), page_size(database)
    page = offset // size
    data[page * size : (page + 1) * size] = bytes(size)
    database.write_bytes(bytes(data))
    return page + 1


def drop_last_cell(database: Path, name: str) -> None:
    """Lower by one the cell count of a table's or index's root page, which must be a leaf:
    its last row is lost without SQLite noticing while it reads (one byte changed)."""
    conn = sqlite3.connect(database)  # the last to close: it leaves no -wal behind
    try:
        sql = "SELECT rootpage FROM sqlite_master WHERE name = ?"
        (root,) = conn.execute(sql, [name]).fetchone()
    finally:
        conn.close()
    data, size = _bytes(database), page_size(database)
    header = (root - 1) * size + (100 if root == 1 else 0)
    assert data[header] in LEAF_PAGES, f"{name} has more than one page"
    cells = int.from_bytes(data[header + 3 : header + 5], "big")
    data[header + 3 : header + 5] = (cells - 1).to_bytes(2, "big")
    database.write_bytes(bytes(data))


def flip_bits(database: Path, count: int, seed: int) -> None:
    """Flip ``count`` bits at random places after the file's first 100 bytes."""
    data, rng = _bytes(database), random.Random(seed)
    for _ in range(count):
        at = rng.randrange(100, len(data))
        data[at] ^= 1 << rng.randrange(8)
    database.write_bytes(bytes(data))


def cut_short(database: Path, keep: float) -> None:
    data = _bytes(database)
    database.write_bytes(bytes(data[: int(len(data) * keep)]))


def zero_header(database: Path) -> None:
    data = _bytes(database)
    data[:100] = bytes(100)
    database.write_bytes(bytes(data))
