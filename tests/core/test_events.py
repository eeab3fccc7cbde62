"""The rules an event must keep, whoever makes it: the window, an importer, a merge."""

from __future__ import annotations

from annotator.core.events import Filler, event_problems
from annotator.core.schema import load_preset

SCHEMA = load_preset("conflict")
CLASH = Filler(1, "EVENT", "اشتباكات")
ARMY = Filler(2, "ACTOR", "الجيش")
FRONT = Filler(3, "ACTOR", "جبهة الأحرار")
THARDAT = Filler(4, "LOCATION", "الثردات")
MAYADIN = Filler(5, "LOCATION", "الميادين")


def test_an_event_with_its_actors_and_place_may_be_made_with_or_without_a_trigger():
    arguments = [("actor1", ARMY), ("actor2", FRONT), ("location", THARDAT)]
    assert event_problems(SCHEMA, "EVENT", CLASH, arguments) == []
    assert event_problems(SCHEMA, "EVENT", None, arguments) == []


def test_each_broken_rule_is_named_in_the_coders_words():
    assert event_problems(SCHEMA, "ACTOR", None, []) == [
        "ACTOR is an actor label, not an event type"
    ]
    assert event_problems(SCHEMA, "RIOT", None, []) == [
        "the event type RIOT is not in the project's schema"
    ]
    assert event_problems(SCHEMA, "EVENT", CLASH, [("target", ARMY)]) == [
        "EVENT has no role target (its roles: actor1, actor2, location)"
    ]
    assert event_problems(SCHEMA, "EVENT", CLASH, [("actor1", THARDAT)]) == [
        "the role actor1 of EVENT takes actor spans, not LOCATION «الثردات»"
    ]
    assert event_problems(SCHEMA, "EVENT", CLASH, [("actor1", CLASH)]) == [
        "«اشتباكات» is the event's trigger; it cannot be its actor1"
    ]
    two_places = [("location", THARDAT), ("location", MAYADIN)]
    assert event_problems(SCHEMA, "EVENT", CLASH, two_places) == [
        "EVENT has one location; «الميادين» would be a second"
    ]
    assert event_problems(SCHEMA, "EVENT", CLASH, [("actor1", ARMY), ("actor2", ARMY)]) == [
        "«الجيش» already fills actor1 of this event; one span cannot also be its actor2"
    ]


def test_a_role_the_schema_calls_many_takes_several_spans_in_order():
    assert event_problems(SCHEMA, "EVENT", CLASH, [("actor1", ARMY), ("actor1", FRONT)]) == []
