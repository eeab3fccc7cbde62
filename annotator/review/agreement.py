"""Inter-annotator agreement over a corpus, streamed one document at a time.

A document counts for an annotator when it is *annotated* in that layer: the layer has at
least one span there, or the annotator marked the document done (a document done with no
span is an annotation: "nothing to mark here"). A pair of annotators is compared over the
documents both annotated; Krippendorff's alpha takes every document that two or more of the
annotators compared annotated, each with the annotators it has. The gold layer is compared
only when named.

Figures (see docs/review.md): span precision, recall and F1 with exact and overlap matching
(:mod:`annotator.review.matching`), overall and per label; Cohen's kappa per pair and
Krippendorff's alpha across all on token labels (:mod:`annotator.review.token_labels`);
event agreement (:mod:`annotator.review.events`); a label confusion matrix per pair; and
per-document F1, worst first, to find what needs review.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import GOLD, AnnotatedDocument, Relation, Span, Status
from annotator.core.schema import Schema
from annotator.review.events import EXACT, OVERLAP, EventRules, agreed_events, roles_of
from annotator.review.matching import pair_spans
from annotator.review.scores import Coincidences, Counts, cohen_kappa
from annotator.review.token_labels import OUTSIDE, TokenLabels, Tokens, token_labels

NOTHING = None  # the confusion matrix's row and column for "no span there"


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


class _Layer:
    """One annotator's spans in one document, sorted, with what every pair needs of them."""

    def __init__(self, spans: list[Span], relations: list[Relation], rules: EventRules) -> None:
        spans.sort(key=lambda s: (s.start, -s.end, s.label, s.id))
        self.spans = spans
        self.labels = Counter(span.label for span in spans)
        self.keys = Counter((span.start, span.end, span.label) for span in spans)
        self.events = rules.events(spans)
        self.roles = roles_of(spans, relations) if self.events else {}


def _unmatched(spans: list[Span], common: Counter[tuple[int, int, str]]) -> list[Span]:
    """The spans left when ``common`` (a multiset of exact keys) is taken out, in order."""
    if not common:
        return spans
    if common.total() == len(spans):
        return []
    taken = Counter(common)
    rest = []
    for span in spans:
        key = (span.start, span.end, span.label)
        if taken[key]:
            taken[key] -= 1
        else:
            rest.append(span)
    return rest


def is_annotated(document: AnnotatedDocument, annotator: str, layer: Sequence[Span]) -> bool:
    """A layer counts for a document when it has spans there or its annotator marked it done."""
    return bool(layer) or document.status.get(annotator) == Status.DONE


class AgreementMeasure:
    """Adds documents one at a time (constant memory apart from per-document figures)."""

    def __init__(self, schema: Schema, annotators: Sequence[str] | None = None) -> None:
        self.schema = schema
        self.chosen = list(annotators) if annotators else None
        self.rules = EventRules(schema)
        self.tokenizer = Tokens()
        self.coincidences = Coincidences()
        self.pairs: dict[tuple[str, str], PairAgreement] = {}
        self.documents: list[DocumentAgreement] = []
        self.seen: set[str] = set()
        self.tokens = 0

    def _names(self, document: AnnotatedDocument) -> list[str]:
        if self.chosen is not None:
            return self.chosen
        names = {s.annotator for s in document.spans} | set(document.status)
        return sorted(names - {GOLD})

    def add(self, document: AnnotatedDocument) -> None:
        spans: dict[str, list[Span]] = {name: [] for name in self._names(document)}
        for span in document.spans:
            if span.annotator in spans:
                spans[span.annotator].append(span)
        annotated = [n for n, layer in spans.items() if is_annotated(document, n, layer)]
        self.seen.update(annotated)
        if len(annotated) < 2:
            return
        relations = defaultdict(list)
        for relation in document.relations:
            relations[relation.annotator].append(relation)
        layers = {name: _Layer(spans[name], relations[name], self.rules) for name in annotated}
        labelled = token_labels(
            document.document.text, {n: layers[n].spans for n in annotated}, self.tokenizer
        )
        self.tokens += labelled.total
        units = Counter(zip(*(labelled.labels[n] for n in annotated), strict=True))
        units[(OUTSIDE,) * len(annotated)] += labelled.outside
        for values, times in units.items():
            self.coincidences.add_unit(values, times)
        exact, overlap = Counts(), Counts()
        for x, first in enumerate(annotated):
            for second in annotated[x + 1 :]:
                pair = self.pairs.get((first, second))
                if pair is None:
                    pair = self.pairs[first, second] = PairAgreement((first, second))
                matched = self._add_pair(pair, layers[first], layers[second], labelled)
                sizes = (len(layers[first].spans), len(layers[second].spans))
                exact.add(matched[0], *sizes)
                overlap.add(matched[1], *sizes)
        about = document.document
        self.documents.append(
            DocumentAgreement(about.id, about.name, tuple(annotated), exact, overlap)
        )

    def _add_pair(
        self, pair: PairAgreement, first: _Layer, second: _Layer, labelled: TokenLabels
    ) -> tuple[int, int]:
        """Add one document's figures to a pair's; returns (exact, overlap) matches."""
        pair.documents += 1
        a, b = first.spans, second.spans
        # exact pairs are a multiset intersection; only what is left needs pairing up
        common = first.keys & second.keys
        exact = sum(common.values())
        exact_by_label: Counter[str] = Counter()
        for (_, _, label), n in common.items():
            exact_by_label[label] += n
        rest_a, rest_b = _unmatched(a, common), _unmatched(b, common)
        pairing = pair_spans(rest_a, rest_b)
        overlap = exact + len(pairing.boundary)
        pair.exact.add(exact, len(a), len(b))
        pair.overlap.add(overlap, len(a), len(b))
        overlap_by_label = exact_by_label + Counter(rest_a[i].label for i, _ in pairing.boundary)
        for label in first.labels.keys() | second.labels.keys():
            sizes = (first.labels[label], second.labels[label])
            pair.by_label[label].exact.add(exact_by_label[label], *sizes)
            pair.by_label[label].overlap.add(overlap_by_label[label], *sizes)
        a_name, b_name = pair.annotators
        pair.tokens.update(zip(labelled.labels[a_name], labelled.labels[b_name], strict=True))
        pair.tokens[OUTSIDE, OUTSIDE] += labelled.outside
        pair.confusion.update({(label, label): n for label, n in exact_by_label.items()})
        paired = pairing.boundary + pairing.relabelled + pairing.crossed
        pair.confusion.update(
            [(rest_a[i].label, rest_b[j].label) for i, j in paired]
            + [(rest_a[i].label, NOTHING) for i in pairing.unpaired_first]
            + [(NOTHING, rest_b[j].label) for j in pairing.unpaired_second]
        )
        if first.events or second.events:
            agreed = agreed_events(
                self.rules, first.events, second.events, first.roles, second.roles
            )
            for mode, matched in agreed.items():
                pair.events[mode].add(len(matched), len(first.events), len(second.events))
        return exact, overlap

    def result(self) -> Agreement:
        names = self.chosen or sorted(self.seen)
        order = {name: number for number, name in enumerate(names)}
        pairs = sorted(
            self.pairs.values(), key=lambda p: (order[p.annotators[0]], order[p.annotators[1]])
        )
        documents = sorted(self.documents, key=lambda d: (d.exact_f1, d.overlap_f1, d.id))
        return Agreement(
            self.schema, names, pairs, self.coincidences.alpha(), documents, self.tokens
        )


def measure(
    documents: Iterable[AnnotatedDocument], schema: Schema, annotators: Sequence[str] | None = None
) -> Agreement:
    """Agreement between ``annotators`` (default: every layer but gold) over ``documents``."""
    measuring = AgreementMeasure(schema, annotators)
    for document in documents:
        measuring.add(document)
    return measuring.result()
