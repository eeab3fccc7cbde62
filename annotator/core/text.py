"""How article text is stored, and how offsets are counted and converted.

Stored text is the input text with exactly two changes: a leading byte-order mark is
dropped and every line ending (CRLF or a lone CR) becomes one LF. Nothing else is touched:
tatweel, diacritics, zero-width joiners and bidi control marks stay where they were.

Offsets are Unicode code points into the stored text, end exclusive. Qt and Java count
UTF-16 code units; :class:`Utf16Map` is the one place that converts between the two.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

BOM = "\ufeff"
_LINE_BREAK = re.compile(r"\r\n?")
_ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")

BIDI_CONTROLS = frozenset(
    "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")


@dataclass(frozen=True)
class StoredText:
    """Input text made canonical, with the map from input offsets to stored offsets."""

    text: str
    removed: tuple[int, ...]  # input positions (code points) of the characters dropped

    def offset(self, raw: int) -> int:
        """The stored offset of an input offset (code points, either boundary of a span)."""
        return raw - bisect_left(self.removed, raw)


def store_text(raw: str) -> StoredText:
    """Canonicalise input text: drop a leading BOM, turn CRLF and CR into LF."""
    removed: list[int] = []
    start = 0
    if raw.startswith(BOM):
        removed.append(0)
        start = 1
    if "\r" not in raw:
        return StoredText(raw[start:], tuple(removed))
    for match in _LINE_BREAK.finditer(raw, start):
        if match.end() - match.start() == 2:
            removed.append(match.start())  # the CR of CRLF goes; the LF stays
    return StoredText(_LINE_BREAK.sub("\n", raw[start:]), tuple(removed))


def sha256_text(text: str) -> str:
    """The hash that identifies a document's text across projects (UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def lone_surrogate(text: str) -> int | None:
    """Position of an unpaired surrogate (possible in JSON escapes), or None."""
    match = _SURROGATE.search(text)
    return match.start() if match else None


class Utf16Map:
    """Converts offsets between code points (ours) and UTF-16 code units (Qt, Java, browsers)."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character, and of the unit just after it
        self._astral16 = [cp + i for i, cp in enumerate(self._astral)]
        self._ends16 = [u + 2 for u in self._astral16]

    @property
    def utf16_length(self) -> int:
        return self.length + len(self._astral)

    def to_utf16(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, unit: int) -> int:
        """Code-point offset of a UTF-16 offset; an offset inside a surrogate pair is an error."""
        if not self._astral:
            return unit
        before = bisect_right(self._ends16, unit)
        if before < len(self._astral16) and self._astral16[before] + 1 == unit:
            raise ValueError(f"UTF-16 offset {unit} falls inside a surrogate pair")
        return unit - before


def is_rtl(text: str) -> bool:
    """True when the first strong character is right-to-left (Unicode bidi rule P2)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


def isolate(text: str) -> str:
    """Text wrapped in a first-strong isolate (FSI … PDI), for quoting Arabic inside an English
    message without the surrounding punctuation being reordered. Display only, never stored."""
    return f"\u2068{text}\u2069"


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
