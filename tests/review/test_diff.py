"""Disagreements between layers of one document, as the window lists them."""

from __future__ import annotations

from annotator.review.diff import Kind, disagreements
from tests.review.layers import at, document, span

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


def test_role_links_that_differ():
    attack_a = _span("A", "EVENT", "هاجم")
    attack_b = _span("B", "EVENT", "هاجم")
    who_a = _span("A", "ACTOR", "تنظيم داعش")
    who_b = _span("B", "ACTOR", "تنظيم داعش")
    army_b = _span("B", "ACTOR", "الجيش العربي السوري")
    found = disagreements(
        document(
            TEXT,
            [attack_a, attack_b, who_a, who_b, army_b],
            [(attack_a, who_a, "actor1"), (attack_b, army_b, "actor1")],
        ),
        ["A", "B"],
    )
    roles = [d for d in found if d.kind == Kind.ROLE]
    assert len(roles) == 1
    assert roles[0].differences == {"actor1": ([who_a.id], [army_b.id])}
    assert sorted(s.id for s in roles[0].fillers) == sorted([who_a.id, army_b.id])


def test_identical_layers_have_no_disagreement_and_three_layers_compare_pairwise():
    spans = [_span(name, "LOCATION", "دير الزور") for name in ("A", "B")]
    assert disagreements(document(TEXT, spans), ["A", "B"]) == []
    found = disagreements(document(TEXT, spans), ["A", "B", "C"])
    assert [(d.annotators, d.missing_from) for d in found] == [
        (("A", "C"), "C"),
        (("B", "C"), "C"),
    ]
