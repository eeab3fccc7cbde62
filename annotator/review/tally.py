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
from collections.abc import Hashable, Iterable, Sequence
from itertools import chain
from operator import itemgetter
from typing import Any, TypeVar

from annotator.review.event_clusters import pair_by_cluster
from annotator.review.events import (
    EVENT_ATTRIBUTE,
    EXACT,
    MISSING_EVENT,
    OVERLAP,
    EventForm,
    EventRow,
    EventRules,
    attribute_differences,
    pair_events,
)
from annotator.review.matching import Pair, Row, SpanRow, pair_leftovers
from annotator.review.token_labels import OUTSIDE, TokenLabels

NOTHING = None  # the confusion matrix's row and column for "no span there"
_LABEL = itemgetter(2)
_ROW = itemgetter(0, 1, 2)
_ID = itemgetter(3)
_CODING = itemgetter(5)  # an event row's attributes
T = TypeVar("T", bound=Hashable)


class TokenLayer:
    """One annotator's spans in one document: (start, end, label) rows in text order, and its
    events as forms (:class:`~annotator.review.events.EventForm`) with their attributes."""

    __slots__ = ("coding", "event_keys", "events", "keys", "rows")

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
        self.coding: list[Any] = []  # each event's attributes (a mapping, or JSON text)
        # equal events are an intersection of the forms, each with its event's attributes, or
        # a multiset one when a layer repeats an event (or None: an attribute value that
        # cannot be hashed, compared one by one)
        self.event_keys: dict[EventForm, Any] | Counter[EventForm] | None = None
        if events:
            self.events = rules.forms(events, dict(zip(map(_ID, spans), self.rows, strict=True)))
            self.coding = list(map(_CODING, events))
            try:
                unique = dict(zip(self.events, self.coding, strict=True))
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
        "rules",
    )

    def __init__(self, rules: EventRules | None = None) -> None:
        self.rules = rules or EventRules(None)  # which attributes type an event
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
        # what events disagree on, by kind (missing event, event type, role filler, event
        # attribute)
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
        counted; then every pair's other attributes compared."""
        a, b = first.events, second.events
        self.events[0] += len(a)
        self.events[1] += len(b)
        keys_a, keys_b = first.event_keys, second.event_keys
        if keys_a is None or keys_b is None:
            pairing = pair_events(a, b)
            exact = len(pairing.exact)
            self._add_coding(first, second, chain(pairing.exact, pairing.overlap))
            self._add_coding(first, second, pairing.differing)
        else:
            left_a: list[int] | None = None  # where the events left to pair are in the layers
            left_b: list[int] | None = None
            if type(keys_a) is dict and type(keys_b) is dict:  # no form twice in a layer
                common = keys_a.keys() & keys_b.keys()
                exact = len(common)
                if common:
                    self._add_different(
                        ((form[1][0], keys_a[form]), (form[1][0], keys_b[form]))
                        for form in common
                        if keys_a[form] != keys_b[form]
                    )
                if exact == len(a) == len(b):
                    self.event_matches[EXACT] += exact
                    self.event_matches[OVERLAP] += exact
                    return
                if common:
                    left_a = [i for i, form in enumerate(a) if form not in common]
                    left_b = [j for j, form in enumerate(b) if form not in common]
            else:
                shared = Counter(a) & Counter(b)
                exact = sum(shared.values())
                pairs, left_a, left_b = _multiset_pairs(a, b, shared)
                self._add_coding(first, second, pairs)
            if left_a is not None and left_b is not None:
                a, b = [a[i] for i in left_a], [b[j] for j in left_b]
            pairing = pair_by_cluster(a, b)
            paired = chain(pairing.overlap, pairing.differing)
            if left_a is not None and left_b is not None:
                paired = ((left_a[i], left_b[j]) for i, j in paired)
            self._add_coding(first, second, paired)
        self.event_matches[EXACT] += exact
        self.event_matches[OVERLAP] += exact + len(pairing.overlap)
        kinds = self.event_disagreements
        if pairing.kinds:
            kinds.update(chain.from_iterable(pairing.kinds))
        missing = len(pairing.unpaired_first) + len(pairing.unpaired_second)
        if missing:
            kinds[MISSING_EVENT] += missing

    def _add_coding(self, first: TokenLayer, second: TokenLayer, pairs: Iterable[Pair]) -> None:
        """Count the pairs of events (by their places in the layers) whose attributes other
        than the typing ones differ."""
        a, b, mine, theirs = first.events, second.events, first.coding, second.coding
        self._add_different(
            ((a[i][1][0], mine[i]), (b[j][1][0], theirs[j]))
            for i, j in pairs
            if mine[i] != theirs[j]
        )

    def _add_different(self, pairs: Iterable[tuple[tuple[str, Any], tuple[str, Any]]]) -> None:
        """Count the pairs of (label, attributes) whose attributes other than the typing ones
        differ (:func:`~annotator.review.events.attribute_differences`); the pairs given are
        those whose attributes are not equal as they are."""
        differing = sum(1 for x, y in pairs if attribute_differences(self.rules, x, y))
        if differing:
            self.event_disagreements[EVENT_ATTRIBUTE] += differing


def _multiset_pairs(
    first: Sequence[EventForm], second: Sequence[EventForm], shared: Counter[EventForm]
) -> tuple[list[Pair], list[int], list[int]]:
    """The pairs of equal forms — the n-th of a form in one layer with its n-th in the
    other, as the first step pairs them — and where the rest of each layer is."""
    taken: dict[EventForm, list[int]] = {}
    left_a = []
    for i, form in enumerate(first):
        places = taken.setdefault(form, [])
        if len(places) < shared[form]:
            places.append(i)
        else:
            left_a.append(i)
    pairs, left_b = [], []
    for j, form in enumerate(second):
        places = taken.get(form)
        if places:
            pairs.append((places.pop(0), j))
        else:
            left_b.append(j)
    return pairs, left_a, left_b
