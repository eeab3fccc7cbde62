"""How good suggestions are: exact-match precision, recall and F1 per label, cross-validated
by document, and a learning curve (the same measured on growing parts of the training
documents).

A suggestion counts as right only when its start, end and label are all those of a span of
the layer. Folds are whole documents, so that no article is both learned and judged.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from annotator.core.suggestions import LabelledDocument, Recommender, Suggestion

FRACTIONS = (0.25, 0.5, 1.0)  # of the training documents, for the learning curve
SEED = 18


@dataclass
class SuggestionCounts:
    right: int = 0
    suggested: int = 0
    marked: int = 0  # spans of the layer

    def add(self, other: SuggestionCounts) -> None:
        self.right += other.right
        self.suggested += other.suggested
        self.marked += other.marked

    @property
    def precision(self) -> float:
        return self.right / self.suggested if self.suggested else 0.0

    @property
    def recall(self) -> float:
        return self.right / self.marked if self.marked else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    """SuggestionCounts per label; :meth:`overall` over the labels asked for (all by default)."""

    by_label: dict[str, SuggestionCounts] = field(default_factory=dict)

    def count(self, document: LabelledDocument, suggestions: Sequence[Suggestion]) -> None:
        marked = {(s.start, s.end, s.label) for s in document.spans}
        made = {s.key() for s in suggestions}
        for start, end, label in marked | made:
            counts = self.by_label.setdefault(label, SuggestionCounts())
            counts.marked += (start, end, label) in marked
            counts.suggested += (start, end, label) in made
            counts.right += (start, end, label) in marked and (start, end, label) in made

    def add(self, other: Scores) -> None:
        for label, counts in other.by_label.items():
            self.by_label.setdefault(label, SuggestionCounts()).add(counts)

    def overall(self, labels: Sequence[str] | None = None) -> SuggestionCounts:
        total = SuggestionCounts()
        for label, counts in self.by_label.items():
            if labels is None or label in labels:
                total.add(counts)
        return total


@dataclass(frozen=True)
class CurvePoint:
    documents: int  # training documents, on average over the folds
    spans: int  # training spans, on average
    f1: dict[str, float]  # recommender: F1 over all labels


@dataclass
class Evaluation:
    folds: int
    scores: dict[str, Scores]  # recommender: scores with all the training documents
    curve: list[CurvePoint]
    seconds_training: dict[str, float] = field(default_factory=dict)  # per fold, on average


MakeRecommenders = Callable[[], list[Recommender]]


def folds_of(count: int, folds: int, seed: int | None = SEED) -> list[list[int]]:
    """Document indices in ``folds`` groups, shuffled the same way every time for a seed;
    seed None: consecutive chunks (each fold a stretch of the corpus, as a new batch of
    articles would be)."""
    if seed is None:
        return [list(range(i * count // folds, (i + 1) * count // folds)) for i in range(folds)]
    order = list(range(count))
    random.Random(seed).shuffle(order)
    return [sorted(order[i::folds]) for i in range(folds)]


def judge(recommender: Recommender, documents: Sequence[LabelledDocument]) -> Scores:
    scores = Scores()
    for document in documents:
        scores.count(document, recommender.suggest(document.text))
    return scores


def cross_validate(
    documents: Sequence[LabelledDocument],
    make: MakeRecommenders,
    folds: int = 5,
    fractions: Sequence[float] = FRACTIONS,
    clock: Callable[[], float] | None = None,
    seed: int | None = SEED,
) -> Evaluation:
    """Train on all folds but one and judge on that one, for each fold; the learning curve
    trains on the first ``fraction`` of the same training documents. ``seed``: how the
    documents are shuffled into folds (None: consecutive chunks)."""
    import time

    clock = clock or time.perf_counter
    groups = folds_of(len(documents), folds, seed)
    scores: dict[str, Scores] = {}
    seconds: dict[str, float] = {}
    curve_f1: dict[float, dict[str, Scores]] = {f: {} for f in fractions}
    sizes: dict[float, list[int]] = {f: [0, 0] for f in fractions}
    for held_out in groups:
        judged = [documents[i] for i in held_out]
        kept = set(held_out)
        training = [d for i, d in enumerate(documents) if i not in kept]
        for fraction in sorted(fractions, reverse=True):
            part = training[: max(1, round(len(training) * fraction))]
            sizes[fraction][0] += len(part)
            sizes[fraction][1] += sum(len(d.spans) for d in part)
            for recommender in make():
                began = clock()
                recommender.train(part)
                took = clock() - began
                result = judge(recommender, judged)
                curve_f1[fraction].setdefault(recommender.name, Scores()).add(result)
                if fraction == max(fractions):
                    scores.setdefault(recommender.name, Scores()).add(result)
                    seconds[recommender.name] = seconds.get(recommender.name, 0.0) + took
    curve = [
        CurvePoint(
            round(sizes[f][0] / folds),
            round(sizes[f][1] / folds),
            {name: s.overall().f1 for name, s in curve_f1[f].items()},
        )
        for f in sorted(fractions)
    ]
    return Evaluation(folds, scores, curve, {k: v / folds for k, v in seconds.items()})
