"""Events for the agreement benchmark: a synthetic article's event spans coded as event
records, the way a coder following the conflict schema would, and a colleague's coding of
the same article that differs the way coders differ.

Each event span is the trigger of an event whose type and sub-type follow from the trigger
(so that two coders of one trigger agree unless one of them slips), with the nearest actor
before it as actor1, the nearest after it as actor2 and the nearest place after it (else
before it) as its location, each within a sentence's reach. Every twelfth trigger reports
fighting in two places: a second event on it, at the next place (ACLED codes one event per
place). A colleague's own spans already differ (:func:`annotator.bench.synthetic.colleague`),
and with them the fillers; on top of that a colleague now and then codes another sub-type,
leaves actor2 out, or codes the fighting in two places as one event.
"""

from __future__ import annotations

import random

from annotator.core.records import EventRecord, Record, SpanRecord

TYPES = (  # (type, sub-type, the sub-type a coder might take instead)
    ("Battles", "Armed clash", "Government regains territory"),
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "Air/drone strike"),
    ("Explosions/Remote violence", "Air/drone strike", "Shelling/artillery/missile attack"),
    ("Violence against civilians", "Attack", "Abduction/forced disappearance"),
    ("Strategic developments", "Non-violent transfer of territory", "Other"),
)
REACH = 300  # characters around a trigger in which its actors and place are looked for
TWO_PLACES = 12  # every this many triggers (by position) report fighting in two places


def _nearest(spans: list[list], label: str, start: int, end: int) -> list[int | None]:
    """Indices of the spans of ``label`` nearest a trigger within :data:`REACH`: the one
    ending before it, and the first and second starting after it (None where there is none)."""
    before = [
        (start - e, i)
        for i, (s, e, k) in enumerate(spans)
        if k == label and 0 <= start - e <= REACH
    ]
    after = sorted(
        (s - end, i) for i, (s, e, k) in enumerate(spans) if k == label and 0 <= s - end <= REACH
    )
    found: list[int | None] = [min(before)[1] if before else None]
    found += [i for _, i in after[:2]]
    return found + [None] * (3 - len(found))


def _events(spans: list[list], rng: random.Random | None) -> list[EventRecord]:
    events = []
    for index, (start, end, label) in enumerate(spans):
        if label != "EVENT":
            continue
        event_type, sub_event_type, other = TYPES[start % len(TYPES)]
        if rng is not None and rng.random() < 0.05:
            sub_event_type = other
        actor1, actor2, _ = _nearest(spans, "ACTOR", start, end)
        place_before, place, second_place = _nearest(spans, "LOCATION", start, end)
        if rng is not None and rng.random() < 0.05:
            actor2 = None
        arguments = [
            (role, str(k)) for role, k in (("actor1", actor1), ("actor2", actor2)) if k is not None
        ]
        places = [place if place is not None else place_before]
        two = start % TWO_PLACES == 0 and second_place is not None
        if two and (rng is None or rng.random() >= 0.3):  # a colleague may code one event
            places.append(second_place)
        attributes = {"event_type": event_type, "sub_event_type": sub_event_type}
        for where in places:
            located = [("location", str(where))] if where is not None else []
            events.append(EventRecord("EVENT", str(index), arguments + located, dict(attributes)))
    return events


def coded(record: dict, rng: random.Random | None = None) -> Record:
    """A synthetic record (``text`` and ``label`` triples) with its events coded; ``rng``
    makes it a colleague's coding, differing now and then."""
    events = _events(record["label"], rng)
    named = {key for event in events for key in (event.trigger, *(k for _, k in event.arguments))}
    spans = [
        SpanRecord(start, end, label, key=str(index) if str(index) in named else None)
        for index, (start, end, label) in enumerate(record["label"])
    ]
    return Record(record["text"], record["name"], spans=spans, events=events)
