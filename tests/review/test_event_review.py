"""One document's event disagreements as the review list names them: kind, each side's event,
where it is, and a description a researcher reads."""

from __future__ import annotations

from annotator.core.schema import load_preset
from annotator.review.event_review import event_disagreements
from tests.review.layers import at, document, event, span

CONFLICT = load_preset("conflict")
TEXT = "اندلعت اشتباكات عنيفة بين «لواء الفجر» والجيش في الثردات والميادين\nونفى الجيش ذلك"
BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def _coded(name: str, marks: list[tuple[str, str, int]]) -> dict:
    return {
        (word, occurrence): span(name, label, TEXT, *at(TEXT, word, occurrence))
        for word, label, occurrence in marks
    }


MARKS = [
    ("اشتباكات", "EVENT", 1),
    ("لواء الفجر", "ACTOR", 1),
    ("الجيش", "ACTOR", 1),
    ("الثردات", "LOCATION", 1),
    ("الميادين", "LOCATION", 1),
]


def test_each_event_disagreement_names_its_events_and_what_differs():
    a = _coded("huda", MARKS)
    b = _coded("omar", [*MARKS[:4], ("الجيش", "ACTOR", 2)])
    clash = a["اشتباكات", 1]
    a_first = event(
        "huda",
        "EVENT",
        clash,
        [("actor1", a["لواء الفجر", 1]), ("location", a["الثردات", 1])],
        **BATTLE,
        fatalities=4,
    )
    a_second = event("huda", "EVENT", clash, [("location", a["الميادين", 1])], **BATTLE)
    b_only = event(
        "omar",
        "EVENT",
        b["اشتباكات", 1],
        [("actor1", b["لواء الفجر", 1]), ("location", b["الثردات", 1])],
        event_type="Battles",
        sub_event_type="Government regains territory",
        fatalities=3,
    )
    spans = [*a.values(), *b.values()]
    found = event_disagreements(
        document(TEXT, spans, events=[a_first, a_second, b_only]), ["huda", "omar"], CONFLICT
    )
    by_kind = {d.kind: d for d in found}
    assert sorted(by_kind) == ["event attribute", "event type", "missing event"]
    missing = by_kind["missing event"]
    assert (missing.first_event, missing.second_event, missing.missing_from) == (
        a_second,
        None,
        "omar",
    )
    assert missing.description == (
        "huda codes «اشتباكات» (Battles / Armed clash: location «الميادين»); omar has no such event"
    )
    assert TEXT[missing.start : missing.end].startswith("اشتباكات")
    typed = by_kind["event type"]
    assert (typed.first_event, typed.second_event) == (a_first, b_only)
    assert typed.differences == {
        "type": ("Battles / Armed clash", "Battles / Government regains territory")
    }
    assert typed.description == (
        "«اشتباكات» (actor1 «لواء الفجر», location «الثردات») — type: huda Battles / Armed"
        " clash, omar Battles / Government regains territory"
    )  # huda has two events on the word: the arguments tell which
    assert by_kind["event attribute"].differences == {"fatalities": ("4", "3")}
    assert all(d.disagreement.kind == d.kind for d in found)
    assert [d.start for d in found] == sorted(d.start for d in found)  # in text order


def test_role_fillers_are_named_by_their_words_and_by_line_when_the_words_are_the_same():
    a = _coded("huda", MARKS[:4])
    b = _coded("omar", [MARKS[0], MARKS[1], ("الجيش", "ACTOR", 2), MARKS[3]])
    made = []
    for name, layer in (("huda", a), ("omar", b)):
        army = next(s for (word, _), s in layer.items() if word == "الجيش")
        made.append(
            event(
                name,
                "EVENT",
                layer["اشتباكات", 1],
                [("actor1", army), ("location", layer["الثردات", 1])],
                **BATTLE,
            )
        )
    [found] = event_disagreements(
        document(TEXT, [*a.values(), *b.values()], events=made), ["huda", "omar"], CONFLICT
    )
    assert found.kind == "role filler"
    assert found.differences == {"actor1": ("«الجيش» (line 1)", "«الجيش» (line 2)")}
    assert found.description == (
        "«اشتباكات» — actor1: huda «الجيش» (line 1), omar «الجيش» (line 2)"
    )


def test_an_event_with_no_trigger_word_is_named_by_its_type_and_arguments():
    a = _coded("huda", MARKS[:4])
    b = _coded("omar", MARKS[:4])
    untriggered = event("huda", "EVENT", None, [("location", a["الثردات", 1])], **BATTLE)
    found = event_disagreements(
        document(TEXT, [*a.values(), *b.values()], events=[untriggered]), None, CONFLICT
    )
    assert [(d.kind, d.first_event, d.second_event) for d in found] == [
        ("missing event", untriggered, None)
    ]
    assert found[0].description == (
        "huda codes an event with no trigger word (Battles / Armed clash: location «الثردات»);"
        " omar has no such event"
    )
    assert (found[0].start, found[0].end) == at(TEXT, "الثردات")


def test_without_a_schema_an_event_is_typed_by_its_label_and_span_disagreements_are_left_out():
    a = _coded("A", MARKS[:2])
    b = _coded("B", [MARKS[0]])
    attack = event("A", "EVENT", a["اشتباكات", 1], [("actor1", a["لواء الفجر", 1])])
    other = event("B", "ATTACK", b["اشتباكات", 1])
    found = event_disagreements(document(TEXT, [*a.values(), *b.values()], events=[attack, other]))
    assert [(d.kind, d.differences) for d in found] == [
        ("event type", {"type": ("EVENT", "ATTACK")}),
        ("role filler", {"actor1": ("«لواء الفجر»", "none")}),
    ]
