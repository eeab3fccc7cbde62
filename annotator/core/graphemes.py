"""Letters as a reader sees them (grapheme clusters), with offsets in code points.

A boundary key moves a span's edge by one *letter*: a base character with the marks drawn
on it (harakat, shadda, hamza above), an emoji with its skin tone, variation selector and
zero-width-joined followers (👨‍👩‍👧), a flag (two regional indicators). Offsets count code
points, so a character outside the Basic Multilingual Plane is one position and a surrogate
pair cannot be split; the window converts to UTF-16 in one place (``core/text.py``).

The rules follow Unicode's extended grapheme clusters (UAX #29) for what news text holds:
marks, joiners, emoji sequences and flags attach; a line break or a control character
(bidi marks, the byte-order mark) is a letter of its own; the Arabic number signs (U+0600…)
attach to what follows. Emoji are recognised by their blocks, which is close enough for
joining sequences.
"""

from __future__ import annotations

import unicodedata

ZWJ = "\u200d"
_PREPEND = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u08e2")
_PICTOGRAPHIC = (
    (0x00A9, 0x00A9),
    (0x00AE, 0x00AE),
    (0x203C, 0x203C),
    (0x2049, 0x2049),
    (0x2122, 0x2122),
    (0x2139, 0x2139),
    (0x2190, 0x21FF),
    (0x2300, 0x23FF),
    (0x2600, 0x27BF),
    (0x2B00, 0x2BFF),
    (0x3030, 0x3030),
    (0x303D, 0x303D),
    (0x3297, 0x3299),
    (0x1F000, 0x1F1E5),
    (0x1F200, 0x1F3FA),
    (0x1F400, 0x1FAFF),
)


def _regional(char: str) -> bool:
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def _pictographic(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in _PICTOGRAPHIC)


def _control(char: str) -> bool:
    """A character that is always a letter of its own: line breaks, controls, bidi marks."""
    if char in "\u200c\u200d" or "\U000e0020" <= char <= "\U000e007f":
        return False
    category = unicodedata.category(char)
    return category in ("Cc", "Zl", "Zp") or (category == "Cf" and char not in _PREPEND)


def _extends(char: str) -> bool:
    """A character drawn on (or joined to) the one before it."""
    return (
        unicodedata.category(char) in ("Mn", "Me", "Mc")
        or char == "\u200c"
        or "\U0001f3fb" <= char <= "\U0001f3ff"  # skin tones
        or "\U000e0020" <= char <= "\U000e007f"  # tag characters (subdivision flags)
    )


def _attaches(char: str) -> bool:
    return _extends(char) or char == ZWJ


def next_boundary(text: str, position: int) -> int:
    """Where the letter starting at ``position`` (a boundary) ends."""
    n = len(text)
    if position >= n:
        return n
    char = text[position]
    i = position + 1
    if _control(char):
        return i + 1 if char == "\r" and i < n and text[i] == "\n" else i
    while char in _PREPEND and i < n and not _control(text[i]):
        char = text[i]
        i += 1
    if _regional(char) and i < n and _regional(text[i]):
        i += 1
    emoji = _pictographic(char)
    while i < n:
        following = text[i]
        if _extends(following):
            i += 1
        elif following == ZWJ:
            i += 1
            if emoji and i < n and _pictographic(text[i]):
                i += 1
        else:
            break
    return i


def _safe_start(text: str, position: int) -> int:
    """A boundary at or before ``position``, found by looking back a little: the start of the
    text, or a place after white space or a control character where nothing attaches."""
    for i in range(min(position, len(text)), 0, -1):
        before, char = text[i - 1], text[i] if i < len(text) else ""
        if before == "\r" and char == "\n":
            continue
        if _control(before) or (before.isspace() and not (char and _attaches(char))):
            return i
    return 0


def boundary_at_or_before(text: str, position: int) -> int:
    """The last letter boundary at or before ``position``."""
    boundary = _safe_start(text, position)
    while True:
        following = next_boundary(text, boundary)
        if following > position or following == boundary:
            return boundary
        boundary = following


def previous_boundary(text: str, position: int) -> int:
    """The last letter boundary before ``position`` (0 at the start of the text)."""
    return boundary_at_or_before(text, position - 1) if position > 0 else 0


def is_boundary(text: str, position: int) -> bool:
    """Whether ``position`` lies between two letters (the ends of the text count)."""
    return position in (0, len(text)) or boundary_at_or_before(text, position) == position


def letters(text: str) -> list[str]:
    """A text cut into letters, in order."""
    pieces = []
    i = 0
    while i < len(text):
        end = next_boundary(text, i)
        pieces.append(text[i:end])
        i = end
    return pieces
