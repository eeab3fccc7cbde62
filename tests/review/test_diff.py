"""Disagreements between layers of one document, as the window lists them."""

from __future__ import annotations

from annotator.core.schema import load_preset
from annotator.review.diff import Kind, disagreements
from tests.review.layers import at, document, event, span

CONFLICT = load_preset("conflict")

TEXT = "هاجم تنظيم داعش نقاط الجيش العربي السوري في منطقة الثردات بريف دير الزور"


def _span(name, label, words, occurrence=1, **attributes):
    return span(name, label, TEXT, *at(TEXT, words, occurrence), **attributes)


def test_each_kind_of_disagreement_is_found_with_its_spans_and_offsets():
    a_actor = _span("A", "ACTOR", "تنظيم داعش")
    b_actor = _span("B", "ACTOR", "داعش")  # boundary
    a_army = _span("A", "ACTOR", "الجيش العربي السوري", actor_type="State forces")
    b_army = _span("B", "ACTOR", "الجيش العربي السوري", actor_type="Rebel groups")  # attribute
    a_place = _span("A", "LOCATION", "الثردات")
    b_place = _span("B", "ACTOR", "الثردات")  # label
    a_region = _span("A", "LOCATION", "دير الزور")  # missing in B
    found = disagreements(
        document(TEXT, [a_actor, b_actor, a_army, b_army, a_place, b_place, a_region]), ["A", "B"]
    )
    assert [(d.kind, d.first, d.second) for d in found] == [
        (Kind.BOUNDARY, a_actor, b_actor),
        (Kind.ATTRIBUTE, a_army, b_army),
        (Kind.LABEL, a_place, b_place),
        (Kind.MISSING, a_region, None),
    ]
    assert found[0].start == a_actor.start and found[0].end == a_actor.end
    assert found[1].differences == {"actor_type": ("State forces", "Rebel groups")}
    assert found[3].missing_from == "B"
    assert [d.start for d in found] == sorted(d.start for d in found)  # text order


def test_a_span_overlapping_another_label_only_is_missing():
    a = _span("A", "ACTOR", "الجيش العربي السوري")
    b = _span("B", "LOCATION", "السوري")
    found = disagreements(document(TEXT, [a, b]), ["A", "B"])
    assert [(d.kind, d.missing_from) for d in found] == [
        (Kind.MISSING, "B"),
        (Kind.MISSING, "A"),
    ]


def test_one_annotator_splitting_what_the_other_marked_as_one_is_a_boundary_mismatch():
    whole = _span("A", "LOCATION", "منطقة الثردات")
    first = _span("B", "LOCATION", "منطقة")
    second = _span("B", "LOCATION", "الثردات")
    found = disagreements(document(TEXT, [whole, first, second]), ["A", "B"])
    assert [d.kind for d in found] == [Kind.BOUNDARY, Kind.BOUNDARY]
    assert {d.second.id for d in found} == {first.id, second.id}


def test_links_between_spans_that_differ():
    """Links that are not an event's arguments (brat's relations): which army «الجيش» is."""
    army_a = _span("A", "ACTOR", "الجيش العربي السوري")
    army_b = _span("B", "ACTOR", "الجيش العربي السوري")
    place_a = _span("A", "LOCATION", "دير الزور")
    place_b = _span("B", "LOCATION", "دير الزور")
    region_b = _span("B", "LOCATION", "منطقة الثردات")
    found = disagreements(
        document(
            TEXT,
            [army_a, army_b, place_a, place_b, region_b],
            [(army_a, place_a, "based_in"), (army_b, region_b, "based_in")],
        ),
        ["A", "B"],
    )
    roles = [d for d in found if d.kind == Kind.ROLE]
    assert len(roles) == 1
    assert roles[0].differences == {"based_in": ([place_a.id], [region_b.id])}
    assert sorted(s.id for s in roles[0].fillers) == sorted([place_a.id, region_b.id])


CLASHES = "اندلعت اشتباكات عنيفة بين «لواء الفجر» والجيش في الثردات والميادين وقتل 4 مسلحين"
BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def _coded(name: str, words: list[str]) -> dict:
    spans = {}
    for word, label in zip(
        words, ["EVENT", "ACTOR", "ACTOR", "LOCATION", "LOCATION"], strict=False
    ):
        spans[word] = span(name, label, CLASHES, *at(CLASHES, word))
    return spans


def test_events_disagree_by_kind_with_their_events_triggers_and_fillers():
    a = _coded("A", ["اشتباكات", "لواء الفجر", "الجيش", "الثردات", "الميادين"])
    b = _coded("B", ["اشتباكات", "لواء الفجر", "الجيش", "الثردات"])
    a_first = event(
        "A",
        "EVENT",
        a["اشتباكات"],
        [("actor1", a["لواء الفجر"]), ("actor2", a["الجيش"]), ("location", a["الثردات"])],
        **BATTLE,
        fatalities=4,
    )
    a_second = event(
        "A", "EVENT", a["اشتباكات"], [("location", a["الميادين"])], **BATTLE, fatalities=4
    )
    b_only = event(
        "B",
        "EVENT",
        b["اشتباكات"],
        [("actor1", b["الجيش"]), ("actor2", b["لواء الفجر"]), ("location", b["الثردات"])],
        event_type="Battles",
        sub_event_type="Government regains territory",
        fatalities=3,
    )
    spans = [*a.values(), *b.values()]
    found = disagreements(
        document(CLASHES, spans, events=[a_first, a_second, b_only]), ["A", "B"], CONFLICT
    )
    by_kind = {d.kind: d for d in found}
    assert sorted(by_kind) == sorted(
        [Kind.MISSING, Kind.MISSING_EVENT, Kind.EVENT_TYPE, Kind.ROLE_FILLER, Kind.EVENT_ATTRIBUTE]
    )
    missing = by_kind[Kind.MISSING_EVENT]  # the second clash, in «الميادين», only A coded
    assert (missing.first_event, missing.second_event) == (a_second, None)
    assert missing.missing_from == "B"
    assert missing.first == a["اشتباكات"] and missing.fillers == (a["الميادين"],)
    typed = by_kind[Kind.EVENT_TYPE]
    assert (typed.first_event, typed.second_event) == (a_first, b_only)
    assert typed.differences == {"sub_event_type": ("Armed clash", "Government regains territory")}
    roles = by_kind[Kind.ROLE_FILLER]  # who fought whom: actor1 and actor2 swapped
    assert roles.differences == {
        "actor1": ([a["لواء الفجر"].id], [b["الجيش"].id]),
        "actor2": ([a["الجيش"].id], [b["لواء الفجر"].id]),
    }
    assert {s.id for s in roles.fillers} == {
        a["لواء الفجر"].id,
        a["الجيش"].id,
        b["الجيش"].id,
        b["لواء الفجر"].id,
    }
    assert by_kind[Kind.EVENT_ATTRIBUTE].differences == {"fatalities": (4, 3)}
    assert (roles.start, roles.end) == (a["اشتباكات"].start, a["الجيش"].end)


def test_an_event_without_a_trigger_pairs_by_type_and_fillers():
    a = _coded("A", ["اشتباكات", "لواء الفجر", "الجيش", "الثردات"])
    b = _coded("B", ["اشتباكات", "لواء الفجر", "الجيش", "الثردات"])
    a_event = event("A", "EVENT", None, [("location", a["الثردات"])], **BATTLE, fatalities=4)
    b_event = event("B", "EVENT", None, [("location", b["الثردات"])], **BATTLE, fatalities=5)
    found = disagreements(
        document(CLASHES, [*a.values(), *b.values()], events=[a_event, b_event]),
        ["A", "B"],
        CONFLICT,
    )
    assert [(d.kind, d.first, d.second, d.differences) for d in found] == [
        (Kind.EVENT_ATTRIBUTE, None, None, {"fatalities": (4, 5)})
    ]
    assert found[0].fillers == (a["الثردات"], b["الثردات"])  # what places it in the text
    assert (found[0].start, found[0].end) == at(CLASHES, "الثردات")


def test_identical_layers_have_no_disagreement_and_three_layers_compare_pairwise():
    spans = [_span(name, "LOCATION", "دير الزور") for name in ("A", "B")]
    assert disagreements(document(TEXT, spans), ["A", "B"]) == []
    found = disagreements(document(TEXT, spans), ["A", "B", "C"])
    assert [(d.annotators, d.missing_from) for d in found] == [
        (("A", "C"), "C"),
        (("B", "C"), "C"),
    ]
