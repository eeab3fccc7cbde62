"""Whose coding the schema's required attributes ask for: an entity's span answers for its
own, an event's word for the events on it, never for attributes of its own."""

from __future__ import annotations

from dataclasses import replace

from annotator.core.model import Event, Span
from annotator.core.required import by_trigger, event_coding, self_coded_labels, span_codings
from annotator.core.schema import load_preset

PRESET = load_preset("conflict")
ACTOR = PRESET.label("ACTOR")
SCHEMA = PRESET.with_labels(  # an actor's type required, as a project may ask
    tuple(
        replace(label, attributes=(replace(label.attributes[0], required=True),))
        if label is ACTOR
        else label
        for label in PRESET.labels
    )
)
CODED = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def span(id_: int, label: str, attributes=None) -> Span:
    return Span(id_, 1, "samira", label, 0, 8, "اشتباكات", attributes or {})


def event(id_: int, trigger: int | None, attributes=None, label: str = "EVENT") -> Event:
    return Event(id_, 1, "samira", label, trigger, attributes=attributes or {})


def missing(word: Span, events: list[Event]) -> list[str]:
    return [
        problem
        for label, coded in span_codings(SCHEMA, word, events)
        for problem in label.attribute_problems(coded)
    ]


def test_a_word_with_two_coded_events_lacks_nothing_though_its_own_attributes_are_empty():
    word = span(1, "EVENT")
    assert missing(word, [event(1, 1, CODED), event(2, 1, CODED)]) == []


def test_a_word_lacks_what_one_of_its_events_lacks():
    word = span(1, "EVENT")
    events = [event(1, 1, CODED), event(2, 1, {"event_type": "Battles"})]
    assert missing(word, events) == ["'sub_event_type' is required"]
    assert missing(word, [event(3, 2)]) == []  # another word's event is not this one's


def test_an_entity_answers_for_its_own_coding_and_an_unknown_type_for_none():
    assert missing(span(1, "ACTOR"), []) == ["'actor_type' is required"]
    assert missing(span(1, "ACTOR", {"actor_type": "State forces"}), []) == []
    assert self_coded_labels(SCHEMA) == {"ACTOR", "LOCATION"}
    assert event_coding(SCHEMA, event(1, None, label="ACTOR")) is None  # not an event type
    assert event_coding(SCHEMA, event(1, None, label="RIOT")) is None


def test_events_are_found_by_their_word():
    events = [event(1, 5), event(2, None), event(3, 5), event(4, 6)]
    assert {word: [e.id for e in on] for word, on in by_trigger(events).items()} == {
        5: [1, 3],
        6: [4],
    }
