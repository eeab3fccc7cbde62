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
from itertools import chain, repeat
from operator import itemgetter, sub
from typing import NamedTuple

from annotator.core.tokens import tokenize
from annotator.review.matching import Extent, Row, rows_of

OUTSIDE = "O"
_ZWJ = "\u200d"
_CHUNK = re.compile(r"(?:\S|(?<=\u200d)\s)+")
_ZWJ_SPACE = re.compile(r"\u200d\s")
_START, _END, _LABEL = itemgetter(0), itemgetter(1), itemgetter(2)

Extents = tuple[tuple[int, ...], tuple[int, ...]]  # starts and ends of a chunk's tokens


class Tokens:
    """Tokenises and counts tokens chunk by chunk, remembering each distinct chunk's tokens and
    their number (a news corpus has far fewer distinct chunks than chunks). Both memories are
    cleared when they grow past ``limit`` entries, a bound over a very large corpus."""

    def __init__(self, limit: int = 200_000) -> None:
        self._chunks: dict[str, Extents | None] = {}  # None: the chunk is one token
        self._counts: dict[str, int] = {}
        self._limit = limit

    def _learn(self, chunk: str) -> Extents | None:
        if len(self._chunks) >= self._limit:
            self._chunks.clear()
        tokens = tokenize(chunk, split_clitics=True)
        extents = (tuple(t.start for t in tokens), tuple(t.end for t in tokens))
        known = self._chunks[chunk] = None if extents == ((0,), (len(chunk),)) else extents
        return known

    def count(self, text: str) -> int:
        """How many tokens ``tokenize(text, split_clitics=True)`` finds."""
        chunks = _split(text)
        counts = self._counts
        try:
            return sum(map(counts.__getitem__, chunks))
        except KeyError:
            new = set(chunks).difference(counts)
            if len(counts) + len(new) > self._limit:
                counts.clear()
                new = set(chunks)
            for chunk in new:
                known = self._chunks[chunk] if chunk in self._chunks else self._learn(chunk)
                counts[chunk] = 1 if known is None else len(known[0])
            return sum(map(counts.__getitem__, chunks))

    def near(self, text: str, stretches: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
        """The starts and the ends of the tokens in the given stretches of whole chunks."""
        starts: list[int] = []
        ends: list[int] = []
        chunks = self._chunks
        for start, end in stretches:
            at = start
            piece = text[start:end]
            for chunk in piece.split() if _ZWJ not in piece else _split(piece):
                at = text.find(chunk, at)  # only white space is skipped: this is the chunk
                try:
                    known = chunks[chunk]
                except KeyError:
                    known = self._learn(chunk)
                if known is None:
                    starts.append(at)
                    ends.append(at + len(chunk))
                else:
                    shift = at.__add__
                    starts += map(shift, known[0])
                    ends += map(shift, known[1])
                at += len(chunk)
        return starts, ends


def _split(text: str) -> list[str]:
    """The chunks of a text (or of a stretch of whole chunks): what ``str.split`` gives, unless
    a zero-width joiner comes before white space, which a chunk then runs on past."""
    return _CHUNK.findall(text) if _ZWJ in text and _ZWJ_SPACE.search(text) else text.split()


def regions(text: str, rows: Sequence[Row]) -> list[tuple[int, int]]:
    """Stretches of whole chunks around spans (rows sorted by start), merged, in text order.

    A stretch starts where a token may start (the start of the text, or after white space
    not after a ZWJ) and ends where no token crosses (the end of the text, or white space not
    after a ZWJ); spans mostly start and end there already.
    """
    found: list[tuple[int, int]] = []
    reach = -1  # where the last stretch ends
    size = len(text)
    for start, end, _ in rows:
        if start < reach and end <= reach:
            continue
        while end != size and not (text[end].isspace() and text[end - 1] != _ZWJ):
            end += 1
        if start < reach:
            reach = end
            found[-1] = (found[-1][0], reach)
            continue
        while start and not (text[start - 1].isspace() and (start < 2 or text[start - 2] != _ZWJ)):
            start -= 1
        if found and start <= reach:
            reach = max(reach, end)
            found[-1] = (found[-1][0], reach)
        else:
            reach = end
            found.append((start, end))
    return found


class TokenLabels(NamedTuple):
    """The tokens of one document as labelled by each layer.

    The tokens near some span (the same for every layer) are given by their ``starts`` and
    ``ends``, and ``labels`` are each layer's label for each of them; the other ``outside``
    tokens are ``O`` in every layer.
    """

    starts: list[int]
    ends: list[int]
    labels: dict[str, list[str]]
    outside: int

    @property
    def tokens(self) -> list[tuple[int, int]]:
        return list(zip(self.starts, self.ends, strict=True))

    @property
    def total(self) -> int:
        return len(self.starts) + self.outside


Ranked = tuple[int, int, str, int, int]  # (length, start, label, first token, after last)


def _paint(size: int, rows: Sequence[Row], ranked: Mapping[Row, Ranked]) -> list[str]:
    """One layer's token labels: its spans painted over the tokens innermost last.

    Painting in falling rank — (length, start, label), largest first — leaves each token
    with the label of the lowest-ranked span touching it, which is the innermost one.
    """
    labels = [OUTSIDE] * size
    for _, _, label, first, after in sorted(map(ranked.__getitem__, rows), reverse=True):
        if after - first == 1:
            labels[first] = label
        else:
            labels[first:after] = [label] * (after - first)
    return labels


def label_rows(text: str, layers: Mapping[str, Sequence[Row]], tokens: Tokens) -> TokenLabels:
    """:func:`token_labels` of layers given as (start, end, label) rows."""
    rows = sorted(dict.fromkeys(chain.from_iterable(layers.values())), key=_START)
    starts, ends = tokens.near(text, regions(text, rows))
    # each row's rank and the tokens it touches, those that end after its start and start
    # before its end (built by maps rather than a loop: a document has dozens of rows)
    firsts, lasts = list(map(_START, rows)), list(map(_END, rows))
    ranked = dict(
        zip(
            rows,
            zip(
                map(sub, lasts, firsts),
                firsts,
                map(_LABEL, rows),
                map(bisect_right, repeat(ends), firsts),
                map(bisect_left, repeat(starts), lasts),
                strict=True,
            ),
            strict=True,
        )
    )
    labels = {name: _paint(len(starts), layer, ranked) for name, layer in layers.items()}
    return TokenLabels(starts, ends, labels, tokens.count(text) - len(starts))


def token_labels(
    text: str, layers: Mapping[str, Sequence[Extent]], tokens: Tokens | None = None
) -> TokenLabels:
    """Each layer's label for every token of ``text`` (see the module documentation)."""
    rows = {name: rows_of(spans) for name, spans in layers.items()}
    return label_rows(text, rows, tokens or Tokens())
