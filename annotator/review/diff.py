"""Where the layers of one document disagree, as a list the window can walk in text order.

Every pair of the layers compared (in the order given) is paired up as in
:mod:`annotator.review.matching`; then, for spans:

- *missing*: a span the other layer has nothing for — no span with the same label
  overlapping it (a span whose overlapping same-label partner went to another span of its
  layer, because one annotator split what the other marked as one, is a *boundary* mismatch);
- *boundary*: same label, overlapping, different extent;
- *label*: same extent, different label;
- *attribute*: a pair of the same label (exact or boundary) whose attributes differ;
- *role*: a pair of the same label whose links to other spans — relations that are not an
  event's arguments, such as brat's — differ: in some role, a linked span of one has no
  partner (paired as above) among those of the other.

and for events, compared as whole records (:mod:`annotator.review.event_diff`): *missing
event*, *event type*, *role filler* and *event attribute*.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from annotator.core.model import AnnotatedDocument, Event, Relation, Span
from annotator.core.schema import Schema
from annotator.review.disagreement import ORDER, Disagreement, Kind, disagreement
from annotator.review.event_diff import compare_events
from annotator.review.events import EventRules
from annotator.review.matching import overlapping_pairs, pair_spans

__all__ = ["Disagreement", "Kind", "compare_pair", "disagreements"]


def _layers(document: AnnotatedDocument, annotators: Sequence[str]) -> dict[str, list[Span]]:
    layers: dict[str, list[Span]] = {name: [] for name in annotators}
    for span in document.spans:
        if span.annotator in layers:
            layers[span.annotator].append(span)
    for spans in layers.values():
        spans.sort(key=lambda s: (s.start, -s.end, s.label, s.id))
    return layers


def _roles(relations: Sequence[Relation]) -> dict[int, dict[str, set[int]]]:
    """span id → role → ids of the spans it links to."""
    roles: dict[int, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    for relation in relations:
        roles[relation.source][relation.role].add(relation.target)
    return roles


def _attributes(a: Span, b: Span) -> dict[str, tuple[object, object]]:
    names = sorted(a.attributes.keys() | b.attributes.keys())
    return {
        name: (a.attributes.get(name), b.attributes.get(name))
        for name in names
        if a.attributes.get(name) != b.attributes.get(name)
    }


def compare_pair(
    pair: tuple[str, str],
    first: Sequence[Span],
    second: Sequence[Span],
    relations: Sequence[Relation] = (),
) -> list[Disagreement]:
    """The disagreements between two layers' spans in one document (spans in text order)."""
    pairing = pair_spans(first, second, steps=3)
    found = []
    for i, j in pairing.boundary:
        found.append(disagreement(Kind.BOUNDARY, pair, first[i], second[j]))
    for i, j in pairing.relabelled:
        found.append(disagreement(Kind.LABEL, pair, first[i], second[j]))
    found += _unpaired(pair, first, second, pairing.unpaired_first, pairing.unpaired_second)
    for i, j in pairing.same_label:
        differences = _attributes(first[i], second[j])
        if differences:
            found.append(
                disagreement(Kind.ATTRIBUTE, pair, first[i], second[j], differences=differences)
            )
    partner = {first[i].id: second[j].id for i, j in pairing.same_label}
    found += _role_differences(pair, first, second, pairing.same_label, partner, relations)
    return found


def _unpaired(
    pair: tuple[str, str],
    first: Sequence[Span],
    second: Sequence[Span],
    lonely_first: list[int],
    lonely_second: list[int],
) -> list[Disagreement]:
    """Spans left unpaired: boundary mismatches if a same-label span overlaps, else missing."""
    found = []
    overlaps_first: dict[int, list[int]] = defaultdict(list)
    overlaps_second: dict[int, list[int]] = defaultdict(list)
    for i, j in overlapping_pairs(first, second):
        if first[i].label == second[j].label:
            overlaps_first[i].append(j)
            overlaps_second[j].append(i)
    for i in lonely_first:
        partners = overlaps_first.get(i)
        if partners:
            found.append(disagreement(Kind.BOUNDARY, pair, first[i], second[partners[0]]))
        else:
            found.append(disagreement(Kind.MISSING, pair, first[i], None))
    for j in lonely_second:
        partners = overlaps_second.get(j)
        if partners:
            found.append(disagreement(Kind.BOUNDARY, pair, first[partners[0]], second[j]))
        else:
            found.append(disagreement(Kind.MISSING, pair, None, second[j]))
    return found


def _role_differences(
    pair: tuple[str, str],
    first: Sequence[Span],
    second: Sequence[Span],
    paired: list[tuple[int, int]],
    partner: Mapping[int, int],
    relations: Sequence[Relation],
) -> list[Disagreement]:
    if not relations:
        return []
    roles_first = _roles([r for r in relations if r.annotator == pair[0]])
    roles_second = _roles([r for r in relations if r.annotator == pair[1]])
    by_id = {span.id: span for span in (*first, *second)}
    found = []
    for i, j in paired:
        a, b = first[i], second[j]
        ra, rb = roles_first.get(a.id, {}), roles_second.get(b.id, {})
        differences = {}
        fillers: list[Span] = []
        for role in sorted(ra.keys() | rb.keys()):
            mine, theirs = ra.get(role, set()), rb.get(role, set())
            if {partner.get(k) for k in mine} != theirs or len(mine) != len(theirs):
                differences[role] = (sorted(mine), sorted(theirs))
                fillers += [by_id[k] for k in sorted(mine | theirs) if k in by_id]
        if differences:
            found.append(
                disagreement(Kind.ROLE, pair, a, b, differences=differences, fillers=tuple(fillers))
            )
    return found


def disagreements(
    document: AnnotatedDocument,
    annotators: Sequence[str] | None = None,
    schema: Schema | None = None,
) -> list[Disagreement]:
    """Every disagreement between every pair of the given layers, in text order.

    With no annotators given, every layer of the document is compared. ``schema`` says
    which attributes type an event (without one, an event's type is its label alone).
    Disagreements are ordered by where they start, then end, then kind, then by the pair of
    annotators.
    """
    if annotators:
        names = list(annotators)
    else:
        names = sorted(
            {s.annotator for s in document.spans} | {e.annotator for e in document.events}
        )
    layers = _layers(document, names)
    events: dict[str, list[Event]] = {name: [] for name in names}
    for event in document.events:
        if event.annotator in events:
            events[event.annotator].append(event)
    rules = EventRules(schema)
    found: list[Disagreement] = []
    for x, name in enumerate(names):
        for other in names[x + 1 :]:
            pair = (name, other)
            found += compare_pair(pair, layers[name], layers[other], document.relations)
            found += compare_events(
                pair, layers[name], layers[other], events[name], events[other], rules
            )
    found.sort(
        key=lambda d: (
            d.start,
            d.end,
            ORDER[d.kind],
            names.index(d.annotators[0]),
            names.index(d.annotators[1]),
        )
    )
    return found
