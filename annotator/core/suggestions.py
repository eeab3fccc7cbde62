"""Suggestions: spans a recommender proposes for an annotator to accept or reject.

A recommender is anything that learns from labelled documents and proposes spans for a
text (:class:`Recommender`): the dictionary of names the project holds, a CRF, later a
transformer run on the annotator's machine. Offsets are code points into the text, end
exclusive, like every span's; a suggestion is never an annotation until accepted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Suggestion:
    label: str
    start: int
    end: int
    text: str  # text[start:end] of the document it was made for
    recommender: str  # which recommender made it ("dictionary", "crf")
    score: float  # 0..1: how sure the recommender is

    def key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.label)


@dataclass(frozen=True)
class LabelledSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class LabelledDocument:
    """A document's text and the spans of the layer a recommender learns from."""

    text: str
    spans: tuple[LabelledSpan, ...]


class Recommender(Protocol):
    """What every recommender does: learn from labelled documents, then propose spans."""

    name: str

    def train(self, documents: Sequence[LabelledDocument]) -> None: ...

    def suggest(self, text: str) -> list[Suggestion]: ...


def suggestion(text: str, start: int, end: int, label: str, by: str, score: float) -> Suggestion:
    """A suggestion over ``text[start:end]``, its score rounded for people to read."""
    return Suggestion(label, start, end, text[start:end], by, round(score, 3))


def combined(suggestions: Iterable[Suggestion]) -> list[Suggestion]:
    """Suggestions of several recommenders as one list to review: where two overlap, the
    higher score stays (the longer on a tie), so the annotator judges each stretch once."""
    kept: list[Suggestion] = []
    ranked = sorted(suggestions, key=lambda s: (-s.score, -(s.end - s.start), s.start))
    for candidate in ranked:
        if all(candidate.end <= s.start or s.end <= candidate.start for s in kept):
            kept.append(candidate)
    return sorted(kept, key=lambda s: (s.start, s.end, s.label))
