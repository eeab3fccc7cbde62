"""What agreement adds up document by document, as plain counts.

Per document, each annotator's layer is read once (:class:`TokenLayer`). The labels its tokens got
are added up per *group*, the documents annotated by the same annotators (:class:`Group`), and
what two layers share — exact matches, the pairing of the rest, agreed events — per pair
(:class:`PairTally`). A pair's figures are made of both once every document is in
(:mod:`annotator.review.agreement`). So a document costs one pass over each layer and, per
pair, a set intersection and the pairing of the few spans that differ — and the same for
events: a multiset intersection of their forms, then the pairing of the few events that
differ; counts go into ``Counter`` objects a document at a time, not a span at a time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence
from itertools import chain
from operator import itemgetter
from typing import TypeVar

from annotator.review.event_clusters import pair_by_cluster
from annotator.review.events import (
    EXACT,
    MISSING_EVENT,
    OVERLAP,
    EventForm,
    EventRow,
    EventRules,
    pair_events,
)
from annotator.review.matching import Row, SpanRow, pair_leftovers
from annotator.review.token_labels import OUTSIDE, TokenLabels

NOTHING = None  # the confusion matrix's row and column for "no span there"
_LABEL = itemgetter(2)
_ROW = itemgetter(0, 1, 2)
_ID = itemgetter(3)
T = TypeVar("T", bound=Hashable)


class TokenLayer:
    """One annotator's spans in one document: (start, end, label) rows in text order, and its
    events as forms (:class:`~annotator.review.events.EventForm`)."""

    __slots__ = ("event_keys", "events", "keys", "rows")

    def __init__(
        self, spans: Sequence[SpanRow], events: Sequence[EventRow], rules: EventRules
    ) -> None:
        self.rows: list[Row] = list(map(_ROW, spans))
        keys = set(self.rows)
        # exact pairs are a set intersection, or a multiset one when a layer repeats a span
        self.keys: set[Row] | Counter[Row] = (
            keys if len(keys) == len(self.rows) else Counter(self.rows)
        )
        self.events: list[EventForm] = []
        # equal events are a set intersection, or a multiset one when a layer repeats an
        # event (or None: an attribute value that cannot be hashed, compared one by one)
        self.event_keys: set[EventForm] | Counter[EventForm] | None = None
        if events:
            self.events = rules.forms(events, dict(zip(map(_ID, spans), self.rows, strict=True)))
            try:
                unique = set(self.events)
            except TypeError:
                return
            self.event_keys = unique if len(unique) == len(self.events) else Counter(self.events)


def _unmatched(items: list[T], common: Counter[T]) -> list[T]:
    """The items left when ``common`` (a multiset of them) is taken out, in order."""
    taken = Counter(common)
    rest = []
    for item in items:
        if taken[item]:
            taken[item] -= 1
        else:
            rest.append(item)
    return rest


def exact_split(first: TokenLayer, second: TokenLayer) -> tuple[list[Row], list[Row], list[Row]]:
    """The rows both layers have (as often as both have them), and the rest of each in order."""
    a, b = first.keys, second.keys
    if isinstance(a, set) and isinstance(b, set):
        common = a & b
        if not common:
            return [], first.rows, second.rows
        return (
            list(common),
            [row for row in first.rows if row not in common],
            [row for row in second.rows if row not in common],
        )
    shared = Counter(first.rows) & Counter(second.rows)
    return list(shared.elements()), _unmatched(first.rows, shared), _unmatched(second.rows, shared)


class Group:
    """Documents annotated by the same annotators: how many tokens got each tuple of labels."""

    __slots__ = ("index", "names", "units")

    def __init__(self, names: tuple[str, ...]) -> None:
        self.names = names
        self.index = {name: number for number, name in enumerate(names)}
        self.units: Counter[tuple[str, ...]] = Counter()

    def add(self, labelled: TokenLabels) -> None:
        """One document, ``labelled.labels`` in the order of ``names``."""
        self.units.update(zip(*labelled.labels.values(), strict=True))
        self.units[(OUTSIDE,) * len(self.names)] += labelled.outside


class PairTally:
    """What two layers share, added up over the documents both annotated."""

    __slots__ = (
        "confusion",
        "documents",
        "event_disagreements",
        "event_matches",
        "events",
        "exact",
        "exact_labels",
        "overlap",
    )

    def __init__(self) -> None:
        self.documents = 0
        self.exact = 0  # spans matched exactly
        self.overlap = 0  # spans matched by overlap: exactly, or boundary pairs
        self.exact_labels: Counter[str] = Counter()
        # (first's label, second's label) of the spans left by exact matching, paired by
        # extent or not at all; its diagonal is the boundary pairs (the other steps pair
        # different labels), and the exact pairs add to it (``exact_labels``)
        self.confusion: Counter[tuple[str | None, str | None]] = Counter()
        self.event_matches = {EXACT: 0, OVERLAP: 0}
        self.events = [0, 0]  # events of the first layer, of the second
        # what events disagree on, by kind (missing event, event type, role filler)
        self.event_disagreements: Counter[str] = Counter()

    def boundary_labels(self) -> Counter[str]:
        """Boundary pairs per label."""
        return Counter({a: n for (a, b), n in self.confusion.items() if a == b})

    def labels(self) -> tuple[Counter[str], Counter[str]]:
        """Each layer's spans per label: every span is an exact match or in one cell."""
        first, second = Counter(self.exact_labels), Counter(self.exact_labels)
        for (a, b), n in self.confusion.items():
            if a is not NOTHING:
                first[a] += n
            if b is not NOTHING:
                second[b] += n
        return first, second

    def add(self, first: TokenLayer, second: TokenLayer) -> tuple[int, int]:
        """One document's layers; returns its (exact, overlap) matches."""
        self.documents += 1
        common, rest_a, rest_b = exact_split(first, second)
        exact = overlap = len(common)
        if common:
            self.exact_labels.update(map(_LABEL, common))
        if rest_a or rest_b:
            pairing = pair_leftovers(rest_a, rest_b)
            overlap += len(pairing.boundary)
            paired = chain(pairing.boundary, pairing.relabelled, pairing.crossed)
            cells = [(rest_a[i][2], rest_b[j][2]) for i, j in paired]
            cells += [(rest_a[i][2], NOTHING) for i in pairing.unpaired_first]
            cells += [(NOTHING, rest_b[j][2]) for j in pairing.unpaired_second]
            self.confusion.update(cells)
        self.exact += exact
        self.overlap += overlap
        if first.events or second.events:
            self._add_events(first, second)
        return exact, overlap

    def _add_events(self, first: TokenLayer, second: TokenLayer) -> None:
        """One document's events: equal forms by a set intersection, the rest paired cluster
        by cluster of overlapping triggers
        (:func:`~annotator.review.event_clusters.pair_by_cluster`) and what they differ in
        counted."""
        a, b = first.events, second.events
        self.events[0] += len(a)
        self.events[1] += len(b)
        keys_a, keys_b = first.event_keys, second.event_keys
        if keys_a is None or keys_b is None:
            pairing = pair_events(a, b)
            exact = len(pairing.exact)
        else:
            if isinstance(keys_a, set) and isinstance(keys_b, set):
                common = keys_a & keys_b
                exact = len(common)
                if exact == len(a) == len(b):
                    self.event_matches[EXACT] += exact
                    self.event_matches[OVERLAP] += exact
                    return
                if common:
                    a = [form for form in a if form not in common]
                    b = [form for form in b if form not in common]
            else:
                shared = Counter(a) & Counter(b)
                exact = sum(shared.values())
                a, b = _unmatched(a, shared), _unmatched(b, shared)
            pairing = pair_by_cluster(a, b)
        self.event_matches[EXACT] += exact
        self.event_matches[OVERLAP] += exact + len(pairing.overlap)
        kinds = self.event_disagreements
        if pairing.kinds:
            kinds.update(chain.from_iterable(pairing.kinds))
        missing = len(pairing.unpaired_first) + len(pairing.unpaired_second)
        if missing:
            kinds[MISSING_EVENT] += missing
