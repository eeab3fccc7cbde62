"""The label each annotator gives each token: the units of Cohen's kappa and Krippendorff's alpha.

Tokens are those of :func:`annotator.core.tokens.tokenize` with clitic splitting (see
docs/tokenisation.md): «والجيش» is two tokens, و and الجيش. A token takes the label of the
innermost span that shares at least one character with it — the shortest; of two equally
short, the one that starts first, then the label that sorts first — or ``O`` when no span of
that layer touches it.

Tokenising every word of a large corpus would be the slow part, and only tokens near a span
can be anything but ``O``. So the text is tokenised exactly around spans, and elsewhere only
counted, one white-space-separated chunk at a time, remembering the count of each distinct
chunk. Cutting at white space gives the very tokens of the whole text, because no token
crosses white space — except right after a zero-width joiner, where a chunk does not end.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.core.tokens import tokenize
from annotator.review.matching import Extent

OUTSIDE = "O"
_ZWJ = "\u200d"
_CHUNK = re.compile(r"(?:\S|(?<=\u200d)\s)+")

Extents = tuple[tuple[int, int], ...]  # (start, end) of each token, relative to its chunk


class Tokens:
    """Tokenises and counts tokens chunk by chunk, remembering each distinct chunk's tokens."""

    def __init__(self, limit: int = 200_000) -> None:
        self._chunks: dict[str, Extents] = {}
        self._limit = limit

    def _learn(self, chunks: set[str]) -> None:
        for chunk in chunks:
            self._chunks[chunk] = tuple(
                (t.start, t.end) for t in tokenize(chunk, split_clitics=True)
            )

    def count(self, text: str) -> int:
        """How many tokens ``tokenize(text, split_clitics=True)`` finds."""
        chunks = _CHUNK.findall(text) if _ZWJ in text else text.split()
        new = set(chunks).difference(self._chunks)
        if len(self._chunks) + len(new) > self._limit:
            self._chunks.clear()  # a bound on memory over a very large corpus
            new = set(chunks)
        self._learn(new)
        return sum(map(len, map(self._chunks.__getitem__, chunks)))

    def between(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """The tokens of ``text[start:end]`` (whole chunks), as offsets into ``text``."""
        found: list[tuple[int, int]] = []
        for match in _CHUNK.finditer(text, start, end):
            chunk = match.group()
            extents = self._chunks.get(chunk)
            if extents is None:
                self._learn({chunk})
                extents = self._chunks[chunk]
            at = match.start()
            found += [(at + s, at + e) for s, e in extents]
        return found


def _fresh(text: str, i: int) -> bool:
    """Whether a token may start at ``i``: the start of the text, or after plain white space."""
    return i == 0 or (text[i - 1].isspace() and (i < 2 or text[i - 2] != _ZWJ))


def _closed(text: str, i: int) -> bool:
    """Whether no token crosses ``i``: the end of the text, or white space not after a ZWJ."""
    return i == len(text) or (text[i].isspace() and text[i - 1] != _ZWJ)


def _grow_left(text: str, i: int) -> int:
    while not _fresh(text, i):
        i -= 1
    return i


def _grow_right(text: str, i: int) -> int:
    while not _closed(text, i):
        i += 1
    return i


def regions(text: str, spans: Sequence[Extent]) -> list[tuple[int, int]]:
    """Stretches of whole chunks around the spans, merged, in text order."""
    found: list[tuple[int, int]] = []
    for start, end in sorted({(span.start, span.end) for span in spans}):
        if found and start < found[-1][1]:
            if end > found[-1][1]:
                found[-1] = (found[-1][0], _grow_right(text, end))
            continue
        start, end = _grow_left(text, start), _grow_right(text, end)
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(found[-1][1], end))
        else:
            found.append((start, end))
    return found


@dataclass(frozen=True)
class TokenLabels:
    """The tokens of one document as labelled by each layer.

    ``tokens`` are the (start, end) of the tokens near some span (the same for every layer)
    and ``labels`` each layer's label for each of them; the other ``outside`` tokens are
    ``O`` in every layer.
    """

    tokens: list[tuple[int, int]]
    labels: dict[str, list[str]]
    outside: int

    @property
    def total(self) -> int:
        return len(self.tokens) + self.outside


def _label_tokens(tokens: list[tuple[int, int]], spans: Sequence[Extent]) -> list[str]:
    starts = [start for start, _ in tokens]
    ends = [end for _, end in tokens]
    labels = [OUTSIDE] * len(tokens)
    ranks: list[tuple[int, int, str] | None] = [None] * len(tokens)
    for span in spans:
        rank = (span.end - span.start, span.start, span.label)
        for k in range(bisect_right(ends, span.start), bisect_left(starts, span.end)):
            current = ranks[k]
            if current is None or rank < current:
                ranks[k] = rank
                labels[k] = span.label
    return labels


def token_labels(
    text: str, layers: Mapping[str, Sequence[Extent]], tokens: Tokens | None = None
) -> TokenLabels:
    """Each layer's label for every token of ``text`` (see the module documentation)."""
    tokens = tokens or Tokens()
    every_span = [span for spans in layers.values() for span in spans]
    near: list[tuple[int, int]] = []
    for start, end in regions(text, every_span):
        near += tokens.between(text, start, end)
    labels = {name: _label_tokens(near, spans) for name, spans in layers.items()}
    return TokenLabels(near, labels, tokens.count(text) - len(near))
