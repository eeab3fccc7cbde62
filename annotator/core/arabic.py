"""Arabic normalisation for matching, with offsets that still point into the original text.

The same name is written many ways: «أميركا» / «اميركا», «الجيـــش» / «الجيش», «مُبادرة» /
«مبادرة», «قرية» / «قريه», «مستشفى» / «مستشفي». Search and string matching compare a
normalised form; every match is mapped back to the characters of the stored text.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from annotator.core.text import BIDI_CONTROLS, ZERO_WIDTH

_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ى": "ي",
    "ة": "ه",
    "ؤ": "و",
    "ئ": "ي",
}
_MARKS = frozenset([chr(c) for c in range(0x064B, 0x0660)] + ["\u0670", "\u0640"])
_DROP = _MARKS | BIDI_CONTROLS | ZERO_WIDTH  # harakat, shadda, sukun, tatweel, invisible marks


def fold(char: str) -> str:
    """One character as search sees it ('' for characters search ignores)."""
    if char in _DROP:
        return ""
    return _FOLD.get(char, char).casefold()


def normalise(text: str) -> str:
    """The normalised form of a query or a name."""
    return "".join(fold(char) for char in text)


@dataclass(frozen=True)
class NormalisedText:
    """A text's normalised form, with where each normalised character came from."""

    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original of normalised character i
    source: str  # the original text

    @property
    def length(self) -> int:
        return len(self.source)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """The original (start, end) of normalised [start, end).

        Marks that follow the last letter (harakat, tatweel) belong to the match; a bidi
        mark or a space after it does not.
        """
        if not 0 <= start < end <= len(self.origin):
            raise ValueError(f"not a span of the normalised text: {start}-{end}")
        original_end = self.origin[end - 1] + 1
        while original_end < self.length and self.source[original_end] in _MARKS:
            original_end += 1
        return self.origin[start], original_end

    def find_all(self, query: str) -> Iterator[tuple[int, int]]:
        """Original (start, end) of every match of ``query``, after normalising both."""
        needle = normalise(query)
        if not needle:
            return
        start = self.text.find(needle)
        while start != -1:
            yield self.original_span(start, start + len(needle))
            start = self.text.find(needle, start + 1)

    def normalised_offset(self, original: int) -> int:
        """The normalised position of the first kept character at or after an original offset."""
        return bisect_left(self.origin, original)


def normalised(text: str) -> NormalisedText:
    chars = []
    origin = []
    for index, char in enumerate(text):
        folded = fold(char)
        for piece in folded:
            chars.append(piece)
            origin.append(index)
    return NormalisedText("".join(chars), tuple(origin), text)
