"""Adjudication into gold: accepted versions of spans and events, agreed spans and events,
provenance, undo, export."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import GOLD, Argument, Status
from annotator.core.schema import load_preset
from annotator.ops import adjudicating, editing, event_adjudicating, event_editing
from annotator.ops.editing import EditError
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات بريف دير الزور أمس"
BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def gold_of(project) -> tuple:
    """Everything the gold layer holds: its spans, events, links and statuses."""
    return (
        sorted(project.spans.iter_all(GOLD), key=lambda s: s.id),
        list(project.events.iter_all(GOLD)),
        list(project.relations.iter_all(GOLD)),
        project.progress.get(1, GOLD),
    )


@pytest.fixture
def layers(project, tmp_path):
    """Samira and Omar annotated the same article: each coded the attack on «هاجم» with its
    actor and place; they typed the actor differently, and only Samira marked «الجيش»."""
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])
    made = {}
    for name in ("samira", "omar"):
        trigger = editing.create_span(project, 1, name, "EVENT", *at("هاجم"))
        actor = editing.create_span(
            project,
            1,
            name,
            "ACTOR",
            *at("تنظيم داعش"),
            {"actor_type": "Rebel groups" if name == "samira" else "Political militias"},
        )
        place = editing.create_span(project, 1, name, "LOCATION", *at("الثردات"))
        attack = event_editing.create_event(
            project,
            1,
            name,
            "EVENT",
            trigger.id,
            [Argument("actor1", actor.id), Argument("location", place.id)],
            BATTLE,
        )
        made[name] = {"trigger": trigger, "actor": actor, "place": place, "attack": attack}
    made["samira"]["army"] = editing.create_span(project, 1, "samira", "ACTOR", *at("الجيش"))
    return made


def test_accepting_a_span_copies_it_with_provenance(project, layers):
    army = layers["samira"]["army"]
    accepted = adjudicating.accept(project, army.id, "lead")
    gold = accepted.gold
    assert (gold.annotator, gold.label, gold.text) == (GOLD, "ACTOR", "الجيش")
    assert accepted.created
    made = gold.provenance
    assert made["adjudicator"] == "lead" and made["method"] == "accepted"
    assert made["schema_version"] == project.schema.version == "1.0"
    assert made["from"] == [
        {
            "annotator": "samira",
            "span": army.id,
            "start": army.start,
            "end": army.end,
            "label": "ACTOR",
        }
    ]
    assert made["time"]
    assert [e.action for e in project.audit.for_span(gold.id)] == ["accept"]


def test_undoing_an_accept_puts_gold_back_exactly_status_included(project, layers):
    before = gold_of(project)
    accepted = adjudicating.accept(project, layers["samira"]["army"].id, "lead")
    assert project.progress.get(1, GOLD) == Status.IN_PROGRESS
    adjudicating.undo_accept(project, accepted, "lead")
    assert gold_of(project) == before


def test_links_follow_when_both_ends_are_in_gold(project, layers):
    samira = layers["samira"]
    project.relations.add(1, "samira", samira["actor"].id, samira["army"].id, "fights", time="t")
    first = adjudicating.accept(project, samira["army"].id, "lead")
    assert first.links == ()  # the actor is not in gold yet
    second = adjudicating.accept(project, samira["actor"].id, "lead")
    assert [(r.role, r.source, r.target) for r in second.links] == [
        ("fights", second.gold.id, first.gold.id)
    ]
    assert second.gold.attributes == {"actor_type": "Rebel groups"}


def test_accepting_another_version_replaces_the_gold_one(project, layers):
    adjudicating.accept(project, layers["samira"]["actor"].id, "lead")
    other = adjudicating.accept(project, layers["omar"]["actor"].id, "lead")
    assert not other.created
    assert other.gold.attributes == {"actor_type": "Political militias"}
    assert other.gold.provenance["from"][0]["annotator"] == "omar"
    assert len(list(project.spans.iter_all(GOLD))) == 1
    adjudicating.undo_accept(project, other, "lead")
    assert project.spans.get(other.gold.id).attributes == {"actor_type": "Rebel groups"}


def test_replacing_a_conflicting_gold_span_and_undoing_it(project, layers):
    wide = editing.create_span(project, 1, GOLD, "LOCATION", *at("منطقة الثردات"))
    accepted = adjudicating.accept(project, layers["omar"]["place"].id, "lead", replacing=[wide.id])
    assert [s.text for s in project.spans.iter_all(GOLD)] == ["الثردات"]
    adjudicating.undo_accept(project, accepted, "lead")
    assert [s.text for s in project.spans.iter_all(GOLD)] == ["منطقة الثردات"]


def test_a_gold_span_cannot_be_accepted_again(project, layers):
    gold = adjudicating.accept(project, layers["omar"]["place"].id, "lead").gold
    with pytest.raises(EditError, match="gold"):
        adjudicating.accept(project, gold.id, "lead")


def test_accepting_an_event_brings_its_trigger_and_arguments_with_provenance(project, layers):
    samira = layers["samira"]
    before = gold_of(project)
    accepted = event_adjudicating.accept_event(project, samira["attack"].id, "lead")
    gold = accepted.gold
    assert accepted.created and gold.annotator == GOLD
    spans = {s.id: s for s in project.spans.for_document(1, GOLD)}
    assert {s.text for s in accepted.spans} == {"هاجم", "تنظيم داعش", "الثردات"}
    assert spans[gold.trigger].text == "هاجم"
    assert [(a.role, spans[a.span].text) for a in gold.arguments] == [
        ("actor1", "تنظيم داعش"),
        ("location", "الثردات"),
    ]
    assert gold.attributes == BATTLE
    assert spans[gold.arguments[0].span].attributes == {"actor_type": "Rebel groups"}
    made = gold.provenance
    assert (made["adjudicator"], made["method"], made["schema_version"]) == (
        "lead",
        "accepted",
        "1.0",
    )
    [source] = made["from"]
    assert (source["annotator"], source["event"], source["label"]) == (
        "samira",
        samira["attack"].id,
        "EVENT",
    )
    assert source["trigger"] == {
        "span": samira["trigger"].id,
        "start": 0,
        "end": 4,
        "label": "EVENT",
    }
    assert [(a["role"], a["span"]) for a in source["arguments"]] == [
        ("actor1", samira["actor"].id),
        ("location", samira["place"].id),
    ]
    # the copied spans say where they came from too
    assert spans[gold.trigger].provenance["from"][0]["span"] == samira["trigger"].id
    assert project.progress.get(1, GOLD) == Status.IN_PROGRESS
    event_adjudicating.undo_accept_event(project, accepted, "lead")
    assert gold_of(project) == before


def test_an_event_uses_the_gold_spans_it_finds(project, layers):
    place = adjudicating.accept(project, layers["omar"]["place"].id, "lead").gold
    accepted = event_adjudicating.accept_event(project, layers["samira"]["attack"].id, "lead")
    assert Argument("location", place.id) in accepted.gold.arguments
    assert {s.text for s in accepted.spans} == {"هاجم", "تنظيم داعش"}  # the place was there
    before = gold_of(project)
    again = event_adjudicating.accept_event(project, layers["samira"]["attack"].id, "lead")
    assert not again.created and again.gold.id == accepted.gold.id  # not a second copy
    event_adjudicating.undo_accept_event(project, again, "lead")
    assert gold_of(project) == before


def test_two_events_on_one_trigger_both_go_to_gold_on_one_span(project, layers):
    """Omar codes the fighting in two places as two events on «هاجم»; both are accepted."""
    omar = layers["omar"]
    region = editing.create_span(project, 1, "omar", "LOCATION", *at("دير الزور"))
    second = event_editing.create_event(
        project, 1, "omar", "EVENT", omar["trigger"].id, [Argument("location", region.id)], BATTLE
    )
    first = event_adjudicating.accept_event(project, omar["attack"].id, "lead")
    other = event_adjudicating.accept_event(project, second.id, "lead")
    assert other.created and other.gold.trigger == first.gold.trigger
    gold = list(project.events.iter_all(GOLD))
    assert len(gold) == 2 and len({e.trigger for e in gold}) == 1


def test_another_version_of_an_event_replaces_the_gold_one_and_undo_restores_it(project, layers):
    samira, omar = layers["samira"], layers["omar"]
    event_editing.update_event(
        project, omar["attack"].id, "omar", attributes={**BATTLE, "fatalities": 3}
    )
    first = event_adjudicating.accept_event(project, samira["attack"].id, "lead")
    before = gold_of(project)
    other = event_adjudicating.accept_event(
        project, omar["attack"].id, "lead", replacing=[first.gold.id]
    )
    [gold] = project.events.iter_all(GOLD)
    assert gold.attributes["fatalities"] == 3
    assert gold.provenance["from"][0]["annotator"] == "omar"
    assert other.replaced == (first.gold,)
    event_adjudicating.undo_accept_event(project, other, "lead")
    assert gold_of(project) == before


def test_a_replacing_span_takes_the_replaced_ones_place_in_gold_events(project, layers):
    """Gold's attack has «تنظيم داعش» as actor1; the lead prefers «داعش»: the event keeps
    its actor1, now «داعش», and undo brings «تنظيم داعش» back in its place."""
    accepted = event_adjudicating.accept_event(project, layers["samira"]["attack"].id, "lead")
    wide = next(s for s in accepted.spans if s.text == "تنظيم داعش")
    narrow = editing.create_span(project, 1, "omar", "ACTOR", *at("داعش"))
    before = gold_of(project)
    replaced = adjudicating.accept(project, narrow.id, "lead", replacing=[wide.id])
    [event] = project.events.iter_all(GOLD)
    assert Argument("actor1", replaced.gold.id) in event.arguments
    assert len(event.arguments) == 2
    adjudicating.undo_accept(project, replaced, "lead")
    assert gold_of(project) == before


def test_accept_all_agreed_takes_exact_agreement_and_skips_gold(project, layers):
    adjudicating.accept(project, layers["omar"]["place"].id, "lead")
    report = adjudicating.accept_agreed(project, "lead")
    # trigger and actor agree exactly (the actor's type differs); the place is in gold
    # already; «الجيش» only samira marked; the attack agrees whole
    assert (report.spans_added, report.events_added) == (2, 1)
    assert report.unsettled == 1
    gold = {s.text: s for s in project.spans.iter_all(GOLD)}
    assert set(gold) == {"هاجم", "تنظيم داعش", "الثردات"}
    actor = gold["تنظيم داعش"]
    assert actor.attributes == {}
    assert actor.provenance["method"] == "agreed"
    assert actor.provenance["unsettled"] == ["actor_type"]
    assert {s["annotator"] for s in actor.provenance["from"]} == {"samira", "omar"}
    [attack] = project.events.iter_all(GOLD)
    assert attack.trigger == gold["هاجم"].id and attack.attributes == BATTLE
    assert attack.arguments == (
        Argument("actor1", gold["تنظيم داعش"].id),
        Argument("location", gold["الثردات"].id),
    )
    assert attack.provenance["method"] == "agreed"
    assert [s["annotator"] for s in attack.provenance["from"]] == ["omar", "samira"]
    again = adjudicating.accept_agreed(project, "lead")
    assert (again.spans_added, again.events_added) == (0, 0)


def test_events_coded_differently_are_not_agreed(project, layers):
    event_editing.update_event(
        project,
        layers["omar"]["attack"].id,
        "omar",
        attributes={"event_type": "Battles", "sub_event_type": "Government regains territory"},
    )
    report = adjudicating.accept_agreed(project, "lead")
    assert (report.spans_added, report.events_added) == (3, 0)
    assert "0 agreed events" in report.summary()


def test_a_lower_threshold_takes_spans_fewer_annotators_marked(project, layers):
    report = adjudicating.accept_agreed(project, "lead", minimum=1)
    assert report.spans_added == 4
    assert report.events_added == 1  # both coded the attack alike: once in gold
    with pytest.raises(EditError):
        adjudicating.accept_agreed(project, "lead", minimum=0)


def test_gold_exports_like_any_layer(project, layers, tmp_path):
    adjudicating.accept_agreed(project, "lead")
    editing.set_status(project, 1, GOLD, Status.DONE)
    out = tmp_path / "gold.json"
    report = export(project, "json", out, GOLD)
    data = json.loads(out.read_text(encoding="utf-8"))
    [document] = data["documents"]
    assert report.spans == 3
    assert {a["annotator"] for a in document["annotations"]} == {GOLD}
    assert all(a["provenance"]["method"] == "agreed" for a in document["annotations"])
    assert document["status"] == {GOLD: Status.DONE}


accepts = st.lists(
    st.tuples(st.sampled_from(["span", "event"]), st.integers(0, 99), st.sets(st.integers(0, 9))),
    min_size=1,
    max_size=5,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=accepts)
def test_undoing_the_last_of_any_accepts_puts_gold_back_exactly(tmp_path_factory, steps):
    """Accept spans and events in any order, each replacing any of gold's spans or events;
    undoing the last accept leaves gold as it was before it."""
    folder = tmp_path_factory.mktemp("adjudicated")
    with Project.create(folder / "project", load_preset("conflict")) as project:
        _code_both(project, folder)
        spans = [s for s in project.spans.for_document(1) if s.annotator != GOLD]
        events = [e for e in project.events.for_document(1) if e.annotator != GOLD]
        for number, (kind, which, replacing) in enumerate(steps):
            before = gold_of(project)
            try:
                if kind == "span":
                    gold = sorted(s.id for s in project.spans.for_document(1, GOLD))
                    chosen = [gold[k] for k in replacing if k < len(gold)]
                    done = adjudicating.accept(
                        project, spans[which % len(spans)].id, "lead", replacing=chosen
                    )
                    undo = adjudicating.undo_accept
                else:
                    gold = [e.id for e in project.events.iter_all(GOLD)]
                    chosen = [gold[k] for k in replacing if k < len(gold)]
                    done = event_adjudicating.accept_event(
                        project, events[which % len(events)].id, "lead", replacing=chosen
                    )
                    undo = event_adjudicating.undo_accept_event
            except EditError:
                assert gold_of(project) == before  # refused: nothing written
                continue
            if number == len(steps) - 1:
                undo(project, done, "lead")
                assert gold_of(project) == before


def _code_both(project, folder) -> None:
    """Samira and Omar code the article alike and not: two events on «هاجم» for Omar."""
    import_files(project, [write_jsonl(folder / "a.jsonl", [{"text": TEXT}])])
    for name, actor, places in (
        ("samira", "تنظيم داعش", ["الثردات"]),
        ("omar", "داعش", ["منطقة الثردات", "دير الزور"]),
    ):
        trigger = editing.create_span(project, 1, name, "EVENT", *at("هاجم"))
        who = editing.create_span(project, 1, name, "ACTOR", *at(actor))
        army = editing.create_span(project, 1, name, "ACTOR", *at("الجيش"))
        for place in places:
            where = editing.create_span(project, 1, name, "LOCATION", *at(place))
            arguments = [Argument("actor1", who.id), Argument("actor2", army.id)]
            event_editing.create_event(
                project,
                1,
                name,
                "EVENT",
                trigger.id,
                [*arguments, Argument("location", where.id)],
                BATTLE,
            )
