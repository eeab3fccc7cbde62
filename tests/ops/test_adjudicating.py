"""Adjudication into gold: accepted versions, agreed spans, links, provenance, export."""

from __future__ import annotations

import json

import pytest

from annotator.core.model import GOLD, Status
from annotator.ops import adjudicating, editing
from annotator.ops.editing import EditError
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import write_jsonl

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات بريف دير الزور أمس"
BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def layers(project, tmp_path):
    """Samira and Omar annotated the same article; they agree on some spans."""
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])
    made = {}
    for name in ("samira", "omar"):
        event = editing.create_span(project, 1, name, "EVENT", *at("هاجم"), BATTLE)
        actor = editing.create_span(
            project,
            1,
            name,
            "ACTOR",
            *at("تنظيم داعش"),
            {"actor_type": "Rebel groups" if name == "samira" else "Political militias"},
        )
        place = editing.create_span(project, 1, name, "LOCATION", *at("الثردات"))
        editing.link(project, event.id, actor.id, "actor1", name)
        editing.link(project, event.id, place.id, "location", name)
        made[name] = {"event": event, "actor": actor, "place": place}
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


def test_links_follow_when_both_ends_are_in_gold(project, layers):
    samira = layers["samira"]
    first = adjudicating.accept(project, samira["event"].id, "lead")
    assert first.links == ()  # its actor and place are not in gold yet
    second = adjudicating.accept(project, samira["actor"].id, "lead")
    assert [(r.role, r.source, r.target) for r in second.links] == [
        ("actor1", first.gold.id, second.gold.id)
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


def test_accept_all_agreed_takes_exact_agreement_and_skips_gold(project, layers):
    adjudicating.accept(project, layers["omar"]["place"].id, "lead")
    report = adjudicating.accept_agreed(project, "lead")
    # event and actor agree exactly (the actor's type differs); the place is in gold already;
    # «الجيش» only samira marked
    assert report.spans_added == 2
    assert report.unsettled == 1
    gold = {s.text: s for s in project.spans.iter_all(GOLD)}
    assert set(gold) == {"هاجم", "تنظيم داعش", "الثردات"}
    actor = gold["تنظيم داعش"]
    assert actor.attributes == {}
    assert actor.provenance["method"] == "agreed"
    assert actor.provenance["unsettled"] == ["actor_type"]
    assert {s["annotator"] for s in actor.provenance["from"]} == {"samira", "omar"}
    assert gold["هاجم"].attributes == BATTLE
    roles = {
        (r.role, project.spans.get(r.target).text) for r in project.relations.for_document(1, GOLD)
    }
    assert roles == {("actor1", "تنظيم داعش"), ("location", "الثردات")}
    assert report.links_added == 2
    again = adjudicating.accept_agreed(project, "lead")
    assert again.spans_added == 0


def test_a_lower_threshold_takes_spans_fewer_annotators_marked(project, layers):
    report = adjudicating.accept_agreed(project, "lead", minimum=1)
    assert report.spans_added == 4
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
    assert len(document["relations"]) == 2
