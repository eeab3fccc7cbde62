"""Inter-annotator agreement over a corpus, streamed one document at a time.

A document counts for an annotator when it is *annotated* in that layer: the layer has at
least one span or event there, or the annotator marked the document done (a document done
with nothing marked is an annotation: "nothing to mark here"). A pair of annotators is
compared over the documents both annotated; Krippendorff's alpha takes every document that
two or more of the annotators compared annotated, each with the annotators it has. The gold
layer is compared only when named.

Figures (see docs/review.md): span precision, recall and F1 with exact and overlap matching
(:mod:`annotator.review.matching`), overall and per label; Cohen's kappa per pair and
Krippendorff's alpha across all on token labels (:mod:`annotator.review.token_labels`);
agreement on events as whole records, and what the others disagree on by kind
(:mod:`annotator.review.events`); a label confusion matrix per pair; and per-document F1,
worst first, to find what needs review.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence, Sized
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import GOLD, AnnotatedDocument, Document, Relation, Span, Status
from annotator.core.schema import Schema
from annotator.review.events import (
    EVENT_ATTRIBUTE,
    EVENT_TYPE,
    EXACT,
    MISSING_EVENT,
    OVERLAP,
    ROLE_FILLER,
    EventRow,
    EventRules,
    event_rows,
)
from annotator.review.matching import SpanRow
from annotator.review.scores import Coincidences, Counts, cohen_kappa
from annotator.review.tally import NOTHING, Group, PairTally, TokenLayer
from annotator.review.token_labels import Tokens, label_rows


@dataclass
class LabelCounts:
    exact: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)


@dataclass
class PairAgreement:
    """Everything measured between two annotators; ``annotators[0]`` is the reference."""

    annotators: tuple[str, str]
    documents: int = 0
    exact: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    by_label: dict[str, LabelCounts] = field(default_factory=lambda: defaultdict(LabelCounts))
    tokens: Counter[tuple[str, str]] = field(default_factory=Counter)
    events: dict[str, Counts] = field(default_factory=lambda: {EXACT: Counts(), OVERLAP: Counts()})
    # events the two code differently or only one has, by kind (see annotator.review.events)
    event_disagreements: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str | None, str | None]] = field(default_factory=Counter)

    @property
    def cohen_kappa(self) -> float | None:
        return cohen_kappa(self.tokens)


@dataclass(frozen=True)
class DocumentAgreement:
    """One document's span agreement, pooled over the pairs of annotators who annotated it."""

    id: int
    name: str
    annotators: tuple[str, ...]
    exact: Counts
    overlap: Counts

    @property
    def exact_f1(self) -> float:
        return self.exact.f1

    @property
    def overlap_f1(self) -> float:
        return self.overlap.f1


# what agreement counts, in this order
EVENT_KINDS = (MISSING_EVENT, EVENT_TYPE, ROLE_FILLER, EVENT_ATTRIBUTE)


def _ordered_labels(labels: Iterable[str | None], schema: Schema) -> list[str | None]:
    present = set(labels)
    known = [label for label in schema.label_ids if label in present]
    others = sorted(label for label in present if label is not None and label not in known)
    return known + others + ([NOTHING] if NOTHING in present else [])


def _json_number(value: float | None) -> float | None:
    return None if value is None else round(value, 6)


def _counts_json(counts: Counts) -> dict[str, float]:
    return {k: round(v, 6) for k, v in counts.to_json().items()}


def _label_json(counts: LabelCounts) -> dict[str, Any]:
    return {
        "exact_f1": round(counts.exact.f1, 6),
        "overlap_f1": round(counts.overlap.f1, 6),
        "spans": [counts.exact.reference, counts.exact.candidate],
    }


@dataclass
class Agreement:
    """The result: per pair, across all annotators, and per document (worst first)."""

    schema: Schema
    annotators: list[str]
    pairs: list[PairAgreement]
    alpha: float | None
    documents: list[DocumentAgreement]
    tokens: int

    def pair(self, first: str, second: str) -> PairAgreement | None:
        return next((p for p in self.pairs if p.annotators == (first, second)), None)

    def by_label(self) -> dict[str, LabelCounts]:
        """Per-label counts pooled over every pair (what the chart shows)."""
        pooled: dict[str, LabelCounts] = {}
        for pair in self.pairs:
            for label, counts in pair.by_label.items():
                total = pooled.setdefault(label, LabelCounts())
                for mine, theirs in ((total.exact, counts.exact), (total.overlap, counts.overlap)):
                    mine.add(theirs.matched, theirs.reference, theirs.candidate)
        return {label: pooled[label] for label in _ordered_labels(pooled, self.schema)}

    def confusion(self, pair: PairAgreement | None = None) -> tuple[list[str | None], list]:
        """(labels, matrix) of one pair, or summed over all pairs; NOTHING (None) comes last."""
        cells: Counter[tuple[str | None, str | None]] = Counter()
        for each in [pair] if pair else self.pairs:
            cells.update(each.confusion)
        labels = _ordered_labels([x for key in cells for x in key], self.schema)
        matrix = [[cells.get((a, b), 0) for b in labels] for a in labels]
        return labels, matrix

    def to_json(self) -> dict[str, Any]:
        pairs = []
        for pair in self.pairs:
            labels, matrix = self.confusion(pair)
            pairs.append(
                {
                    "annotators": list(pair.annotators),
                    "documents": pair.documents,
                    "spans": [pair.exact.reference, pair.exact.candidate],
                    "exact": _counts_json(pair.exact),
                    "overlap": _counts_json(pair.overlap),
                    "by_label": {
                        label: _label_json(pair.by_label[label])
                        for label in _ordered_labels(pair.by_label, self.schema)
                    },
                    "cohen_kappa": _json_number(pair.cohen_kappa),
                    "events": {
                        "exact": _counts_json(pair.events[EXACT]),
                        "overlap": _counts_json(pair.events[OVERLAP]),
                        "count": [pair.events[EXACT].reference, pair.events[EXACT].candidate],
                        "disagreements": {
                            kind: pair.event_disagreements[kind] for kind in EVENT_KINDS
                        },
                    },
                    "confusion": {"labels": labels, "matrix": matrix},
                }
            )
        return {
            "annotators": self.annotators,
            "pairs": pairs,
            "krippendorff_alpha": _json_number(self.alpha),
            "tokens": self.tokens,
            "documents": [
                {
                    "id": d.id,
                    "name": d.name,
                    "annotators": list(d.annotators),
                    "exact_f1": round(d.exact_f1, 6),
                    "overlap_f1": round(d.overlap_f1, 6),
                }
                for d in self.documents
            ],
        }


def _pair_agreement(
    names: tuple[str, str], tally: PairTally, groups: Iterable[Group]
) -> PairAgreement:
    """A pair's figures: its own tally, and what its layers add up to in every group of
    documents both annotated."""
    pair = PairAgreement(names, tally.documents)
    for group in groups:
        x, y = group.index.get(names[0]), group.index.get(names[1])
        if x is not None and y is not None:
            for values, times in group.units.items():
                pair.tokens[values[x], values[y]] += times
    labels = tally.labels()
    sizes = (labels[0].total(), labels[1].total())
    pair.exact.add(tally.exact, *sizes)
    pair.overlap.add(tally.overlap, *sizes)
    boundary = tally.boundary_labels()
    for label in labels[0].keys() | labels[1].keys():
        counts = pair.by_label[label]
        exact = tally.exact_labels[label]
        counts.exact.add(exact, labels[0][label], labels[1][label])
        counts.overlap.add(exact + boundary[label], labels[0][label], labels[1][label])
    for mode, matched in tally.event_matches.items():
        pair.events[mode].add(matched, *tally.events)
    pair.event_disagreements.update(tally.event_disagreements)
    pair.confusion.update({(label, label): n for label, n in tally.exact_labels.items()})
    pair.confusion.update(tally.confusion)
    return pair


def is_annotated(document: AnnotatedDocument, annotator: str, layer: Sequence[Span]) -> bool:
    """A layer counts for a document when it has spans or events there or its annotator
    marked it done."""
    if layer or document.status.get(annotator) == Status.DONE:
        return True
    return any(event.annotator == annotator for event in document.events)


def _annotated(layer: Sized, events: Sized, status: str | None) -> bool:
    return bool(layer) or bool(events) or status == Status.DONE


def _text_order(span: Span) -> tuple[int, int, str, int]:
    return (span.start, -span.end, span.label, span.id)


def span_rows(spans: Iterable[Span]) -> dict[str, list[SpanRow]]:
    """Each annotator's spans as rows in text order, the form :meth:`AgreementMeasure.add_layers`
    takes (and the project's store reads)."""
    layers: dict[str, list[SpanRow]] = {}
    for span in sorted(spans, key=_text_order):
        row = (span.start, span.end, span.label, span.id, span.attributes or None)
        layers.setdefault(span.annotator, []).append(row)
    return layers


class AgreementMeasure:
    """Adds documents one at a time (constant memory apart from per-document figures).

    Each layer of a document is read once and each pair of them compared once; the labels
    their tokens got are added up per group of documents annotated by the same annotators,
    and everything turns into every pair's figures at the end (:mod:`annotator.review.tally`).
    """

    def __init__(self, schema: Schema, annotators: Sequence[str] | None = None) -> None:
        self.schema = schema
        self.chosen = list(annotators) if annotators else None
        self.rules = EventRules(schema)
        self.tokenizer = Tokens()
        self.groups: dict[tuple[str, ...], Group] = {}
        self.pairs: dict[tuple[str, str], PairTally] = {}
        self.documents: list[DocumentAgreement] = []
        self.seen: set[str] = set()
        self.tokens = 0

    def add(self, document: AnnotatedDocument) -> None:
        """One document as the project model holds it."""
        self.add_layers(
            document.document,
            span_rows(document.spans),
            document.relations,
            document.status,
            event_rows(document.events),
        )

    def add_layers(
        self,
        document: Document,
        spans: Mapping[str, Sequence[SpanRow]],
        relations: Sequence[Relation],
        status: Mapping[str, str],
        events: Sequence[EventRow] = (),
    ) -> None:
        """One document, each annotator's spans given as rows (start, end, label, id,
        attributes) in text order: by start, the longer first, then label, then id; and its
        events of every layer as rows (:data:`~annotator.review.events.EventRow`). Links
        between spans are not compared."""
        by_layer: dict[str, list[EventRow]] = {}
        for event in events:
            by_layer.setdefault(event[1], []).append(event)
        if self.chosen is not None:
            names: Sequence[str] = self.chosen
        else:
            names = sorted((spans.keys() | status.keys() | by_layer.keys()) - {GOLD})
        annotated = tuple(
            n for n in names if _annotated(spans.get(n, ()), by_layer.get(n, ()), status.get(n))
        )
        self.seen.update(annotated)
        if len(annotated) < 2:
            return
        layers = [TokenLayer(spans.get(n, ()), by_layer.get(n, ()), self.rules) for n in annotated]
        labelled = label_rows(
            document.text,
            {name: layer.rows for name, layer in zip(annotated, layers, strict=True)},
            self.tokenizer,
        )
        self.tokens += labelled.total
        group = self.groups.get(annotated)
        if group is None:
            group = self.groups[annotated] = Group(annotated)
        group.add(labelled)
        exact = overlap = reference = candidate = 0
        for x, first in enumerate(layers):
            for y in range(x + 1, len(layers)):
                second = layers[y]
                pair = self.pairs.get((annotated[x], annotated[y]))
                if pair is None:
                    pair = self.pairs[annotated[x], annotated[y]] = PairTally(self.rules)
                matched = pair.add(first, second)
                exact += matched[0]
                overlap += matched[1]
                reference += len(first.rows)
                candidate += len(second.rows)
        self.documents.append(
            DocumentAgreement(
                document.id,
                document.name,
                annotated,
                Counts(exact, reference, candidate),
                Counts(overlap, reference, candidate),
            )
        )

    def result(self) -> Agreement:
        names = self.chosen or sorted(self.seen)
        order = {name: number for number, name in enumerate(names)}
        pairs = [
            _pair_agreement(pair, tally, self.groups.values())
            for pair, tally in sorted(
                self.pairs.items(), key=lambda item: (order[item[0][0]], order[item[0][1]])
            )
        ]
        coincidences = Coincidences()
        for group in self.groups.values():
            for values, times in group.units.items():
                coincidences.add_unit(values, times)
        documents = sorted(self.documents, key=lambda d: (d.exact_f1, d.overlap_f1, d.id))
        return Agreement(self.schema, names, pairs, coincidences.alpha(), documents, self.tokens)


def measure(
    documents: Iterable[AnnotatedDocument], schema: Schema, annotators: Sequence[str] | None = None
) -> Agreement:
    """Agreement between ``annotators`` (default: every layer but gold) over ``documents``."""
    measuring = AgreementMeasure(schema, annotators)
    for document in documents:
        measuring.add(document)
    return measuring.result()
