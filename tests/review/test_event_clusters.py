"""Pairing leftover events cluster by cluster of overlapping triggers gives what the steps
give over all of them at once: the same pairs, kinds and leftovers, and so the same agreement,
on random small documents (several events on a trigger, events with none, triggers sharing
some characters, arguments in any order)."""

from __future__ import annotations

import json
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Status
from annotator.core.schema import load_preset
from annotator.review import tally
from annotator.review.agreement import measure
from annotator.review.event_clusters import pair_by_cluster
from annotator.review.event_review import event_disagreements
from annotator.review.events import EVENT_ATTRIBUTE, EventRules, event_rows, pair_event_leftovers
from tests.review.layers import document, event, span

CONFLICT = load_preset("conflict")
TEXT = "x" * 40
NAMES = ("A", "B", "C")


@st.composite
def layer(draw, name: str):
    """A layer's spans and events: triggers on a few short extents (the same as another
    layer's now and then, or sharing some characters with it), several events on one, some on
    none, of a few types, their actors and places given in any order."""

    def spans_of(label: str, starts: range, longest: int) -> list:
        extents = draw(
            st.lists(st.tuples(st.sampled_from(starts), st.integers(1, longest)), max_size=4)
        )
        return [span(name, label, TEXT, s, s + n) for s, n in extents]

    triggers = spans_of("EVENT", range(0, 8), 4)
    actors = spans_of("ACTOR", range(14, 22), 3)
    places = spans_of("LOCATION", range(24, 32), 3)
    events = []
    for _ in range(draw(st.integers(0, 7))):
        trigger = draw(st.sampled_from([None, *triggers]))
        typing = draw(
            st.sampled_from(
                [
                    {},
                    {"event_type": "Battles", "sub_event_type": "Armed clash"},
                    {"event_type": "Battles", "sub_event_type": "Attack"},
                    {"event_type": "Riots"},
                ]
            )
        )
        arguments = []
        if actors:
            for actor in draw(st.lists(st.sampled_from(actors), max_size=2, unique_by=id)):
                arguments.append((draw(st.sampled_from(["actor1", "actor2"])), actor))
        if places and draw(st.booleans()):
            arguments.append(("location", draw(st.sampled_from(places))))
        other = draw(st.sampled_from([{}, {"fatalities": 0}, {"fatalities": 3}]))
        coding = {**typing, **other}
        events.append(event(name, "EVENT", trigger, draw(st.permutations(arguments)), **coding))
    return triggers + actors + places, events


def _forms(rules: EventRules, layer: tuple[list, list]) -> list:
    spans, events = layer
    return rules.forms(event_rows(events), {s.id: (s.start, s.end, s.label) for s in spans})


def _pairing(found) -> tuple:
    return (
        sorted(found.overlap),
        sorted(zip(found.differing, found.kinds, strict=True)),
        found.unpaired_first,
        found.unpaired_second,
    )


@settings(max_examples=1000, deadline=None)
@given(layer("A"), layer("B"))
def test_clusters_pair_as_the_steps_do_over_all_events(a, b):
    rules = EventRules(CONFLICT)
    first, second = _forms(rules, a), _forms(rules, b)
    assert _pairing(pair_by_cluster(first, second)) == _pairing(pair_event_leftovers(first, second))


def _figures(result) -> tuple:
    pairs = [
        (pair.annotators, pair.events, dict(pair.event_disagreements), pair.exact, pair.overlap)
        for pair in result.pairs
    ]
    return json.dumps(result.to_json()), pairs


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(layer("A"), layer("B"), layer("C")), min_size=1, max_size=3))
def test_agreement_is_what_the_steps_give_over_all_events(documents):
    annotated = []
    for number, layers in enumerate(documents, start=1):
        spans = [s for spans, _ in layers for s in spans]
        events = [e for _, events in layers for e in events]
        done = dict.fromkeys(NAMES, Status.DONE)
        annotated.append(
            document(TEXT, spans, status=done, events=events, document_id=number, name=str(number))
        )
    clustered = measure(annotated, CONFLICT, list(NAMES))
    with mock.patch.object(tally, "pair_by_cluster", pair_event_leftovers):
        stepped = measure(annotated, CONFLICT, list(NAMES))
    assert _figures(clustered) == _figures(stepped)


def test_a_tie_within_a_cluster_goes_to_the_earlier_event():
    """Two events of the first layer share as much of the second's trigger: the earlier
    event pairs, as in the steps, though its trigger sorts after the other's."""
    rules = EventRules(CONFLICT)
    long, short = span("A", "EVENT", TEXT, 3, 8), span("A", "EVENT", TEXT, 3, 5)
    theirs = span("B", "EVENT", TEXT, 3, 5)
    first = _forms(rules, ([long, short], [event("A", "EVENT", long), event("A", "EVENT", short)]))
    second = _forms(rules, ([theirs], [event("B", "EVENT", theirs)]))
    found = pair_by_cluster(first, second)
    assert _pairing(found) == _pairing(pair_event_leftovers(first, second))
    assert found.overlap == [(0, 0)]


@settings(max_examples=300, deadline=None)
@given(layer("A"), layer("B"))
def test_agreement_counts_the_event_attribute_disagreements_review_lists(a, b):
    """Repeated events, events coded alike but for their fatalities, and pairs differing in
    type as well: agreement counts each pair review's list shows as an event attribute."""
    spans = [*a[0], *b[0]]
    annotated = document(
        TEXT, spans, status=dict.fromkeys(NAMES[:2], Status.DONE), events=[*a[1], *b[1]]
    )
    listed = event_disagreements(annotated, list(NAMES[:2]), CONFLICT)
    counted = measure([annotated], CONFLICT, list(NAMES[:2])).pairs[0].event_disagreements
    assert counted[EVENT_ATTRIBUTE] == sum(x.kind == EVENT_ATTRIBUTE for x in listed)
