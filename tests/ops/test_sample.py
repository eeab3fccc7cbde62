"""The sample project a new user opens: two colleagues' layers and some gold, so that review
mode shows disagreements at once; the user's own examples; exact offsets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.core.model import GOLD
from annotator.core.roles import second_role
from annotator.core.tokens import double_click_word
from annotator.ops import adjudicating, reviewing
from annotator.ops.sample import COLLEAGUES, ensure_sample
from annotator.review.diff import Kind
from annotator.shipped import sample_sources
from annotator.store.project import DATABASE, Project

SAMPLE = sample_sources()


def sample_lines(name: str) -> list[dict]:
    text = SAMPLE.joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line]


@pytest.fixture
def sample(tmp_path):
    folder = ensure_sample(tmp_path / "sample-project", "samira")
    with Project.open(folder) as project:
        yield project


def coded_by(project: Project, annotator: str) -> list[int]:
    """The documents where the annotator's layer has spans."""
    documents = project.documents.iter_all()
    return [d.id for d in documents if project.spans.for_document(d.id, annotator)]


def document_id(project: Project, name: str) -> int:
    return next(d.id for d in project.documents.iter_all() if d.name == name)


def test_every_annotation_points_at_the_text_it_names():
    records = sample_lines("articles.jsonl")
    assert len(records) == 5
    for record in records:
        for annotation in record["annotations"]:
            start, end = annotation["start"], annotation["end"]
            assert record["text"][start:end] == annotation["text"], annotation
    texts = {record["name"]: record["text"] for record in records}
    for item in sample_lines("events.jsonl"):
        trigger = [] if item["trigger"] is None else [item["trigger"]]
        for at in (*trigger, *item["arguments"]):
            assert texts[item["document"]][at["start"] : at["end"]] == at["text"], at
    for decision in sample_lines("adjudication.jsonl"):
        chosen = [*decision["accept"], *(c["trigger"] for c in decision["accept_events"])]
        for choice in chosen:
            start, end = choice["start"], choice["end"]
            assert texts[decision["document"]][start:end] == choice["text"], choice


def test_two_colleagues_layers_the_users_examples_and_gold(sample):
    assert reviewing.layers(sample) == ["huda", "omar", "samira"]
    assert GOLD in sample.annotators()
    progress = reviewing.progress(sample)
    assert progress["huda"] == {"done": 5, "in progress": 0}
    assert progress["omar"] == {"done": 4, "in progress": 1}
    assert progress[GOLD]["done"] == 2
    assert coded_by(sample, "samira") == [
        1,
        4,
    ]  # the user's own examples, as before; the rest is theirs to code
    for name in COLLEAGUES:
        assert coded_by(sample, name) == [1, 2, 3, 4, 5]


def test_gold_is_adjudicated_with_provenance_on_two_articles(sample):
    crossing = document_id(sample, "معبر الجسر القديم")
    gold = {span.text: span for span in sample.spans.for_document(crossing, GOLD)}
    assert set(gold) == {"لواء الفجر", "قوات حرس الحدود", "سيطرته", "معبر الجسر القديم"} | {
        "وزارة الدفاع"
    }
    agreed = gold["لواء الفجر"].provenance
    assert [source["annotator"] for source in agreed["from"]] == ["huda", "omar"]
    [takeover] = sample.events.for_document(crossing, GOLD)
    made = takeover.provenance
    assert (made["adjudicator"], made["method"]) == ("lina", "accepted")
    assert [source["annotator"] for source in made["from"]] == ["huda"]
    assert takeover.attributes["event_type"] == "Battles"
    assert gold["سيطرته"].id == takeover.trigger
    assert gold["سيطرته"].provenance["from"][0]["annotator"] == "huda"  # came with the event
    arguments = {(a.role, sample.spans.get(a.span).text) for a in takeover.arguments}
    assert arguments == {
        ("actor1", "لواء الفجر"),
        ("actor2", "قوات حرس الحدود"),
        ("location", "معبر الجسر القديم"),
    }
    protest = document_id(sample, "احتجاجات المرجان")
    assert len(sample.spans.for_document(protest, GOLD)) == 6
    assert len(sample.events.for_document(protest, GOLD)) == 2  # the protest and the arrests
    assert reviewing.document_disagreements(sample, protest, ["huda", "gold"]) == []


def test_review_finds_disagreements_of_every_kind_at_once(sample):
    kinds_by_document = {
        d.name: {x.kind for x in reviewing.document_disagreements(sample, d.id, COLLEAGUES)}
        for d in sample.documents.iter_all()
    }
    assert max(len(kinds) for kinds in kinds_by_document.values()) >= 4
    # every kind but links between spans, which the conflict schema has none of
    assert set().union(*kinds_by_document.values()) == set(Kind.ALL) - {Kind.ROLE}
    assert kinds_by_document["احتجاجات المرجان"] == set()
    second = document_id(sample, "غارات على الحصوة")
    found = reviewing.document_disagreements(sample, second, COLLEAGUES)
    boundaries = {(x.first.text, x.second.text) for x in found if x.kind == Kind.BOUNDARY}
    assert ("ريف وادي الصفصاف", "بريف وادي الصفصاف") in boundaries  # the proclitic
    (strike,) = [x for x in found if x.kind == Kind.EVENT_ATTRIBUTE]
    assert strike.differences == {"fatalities": (6, 8)}


def test_one_colleague_codes_two_clashes_on_one_word_where_the_other_codes_one(sample):
    first = document_id(sample, "اشتباكات تل السنابل")
    triggers = {}
    for layer, count in (("huda", 2), ("omar", 1), ("samira", 2)):
        events = sample.events.for_document(first, layer)
        assert len(events) == count and len({e.trigger for e in events}) == 1
        triggers[layer] = sample.spans.get(events[0].trigger).text
    assert triggers == {"huda": "اشتباكات", "omar": "اشتباكات عنيفة", "samira": "اشتباكات عنيفة"}
    found = reviewing.document_disagreements(sample, first, COLLEAGUES)
    [missing] = [x for x in found if x.kind == Kind.MISSING_EVENT]
    assert missing.missing_from == "omar" and missing.first.text == "اشتباكات"
    place = next(a for a in missing.first_event.arguments if a.role == "location")
    assert sample.spans.get(place.span).text == "قرية الدوالي"
    events = reviewing.agreement(sample).pair("huda", "omar").events
    assert (events["exact"].reference, events["exact"].candidate) == (9, 7)


def test_an_event_with_no_trigger_word_is_placed_by_its_arguments(sample):
    second = document_id(sample, "غارات على الحصوة")
    [untriggered] = [e for e in sample.events.for_document(second, "huda") if e.trigger is None]
    assert untriggered.attributes == {
        "event_type": "Strategic developments",
        "sub_event_type": "Other",
    }
    found = reviewing.document_disagreements(sample, second, COLLEAGUES)
    [missing] = [x for x in found if x.kind == Kind.MISSING_EVENT]
    assert missing.first_event == untriggered and missing.missing_from == "omar"
    assert missing.first is None and [s.text for s in missing.fillers] == ["مخيم السلام"]
    text = sample.documents.get(second).text
    assert text[missing.start : missing.end] == "مخيم السلام"


def test_the_sample_holds_what_its_readme_says(sample):
    """Spans, events and their arguments per layer, over the five articles."""
    held = {}
    for layer in (*reviewing.layers(sample), GOLD):
        spans = events = arguments = 0
        for document in sample.documents.iter_all():
            spans += len(sample.spans.for_document(document.id, layer))
            coded = sample.events.for_document(document.id, layer)
            events += len(coded)
            arguments += sum(len(e.arguments) for e in coded)
        held[layer] = (spans, events, arguments)
    assert held == {
        "huda": (31, 9, 22),
        "omar": (29, 7, 17),
        "samira": (11, 3, 9),
        GOLD: (11, 3, 8),
    }
    assert all(not sample.relations.for_document(d.id) for d in sample.documents.iter_all())


def test_the_agreement_dashboard_has_figures(sample):
    result = reviewing.agreement(sample)
    colleagues = result.pair("huda", "omar")
    assert colleagues.documents == 5
    assert 0 < colleagues.exact.f1 < colleagues.overlap.f1 < 1
    assert 0 < colleagues.events["exact"].f1 < colleagues.events["overlap"].f1 < 1
    assert colleagues.event_disagreements == {
        "missing event": 2,
        "event type": 1,
        "role filler": 2,
        "event attribute": 1,  # «غارات جوية»: fatalities 6 and 8, as review's list has it
    }
    assert result.pair("huda", "samira").documents == 2


def test_every_coded_event_is_complete_and_keeps_a_span_in_one_role(sample):
    for document in sample.documents.iter_all():
        for layer in (*reviewing.layers(sample), GOLD):
            for span in sample.spans.for_document(document.id, layer):
                if sample.schema.label(span.label).kind != "event":  # events hold the coding
                    assert sample.schema.missing(span.label, span.attributes) == []
            for event in sample.events.for_document(document.id, layer):
                assert sample.schema.missing(event.label, event.attributes) == []
                label = sample.schema.label(event.label)
                filled = [(a.role, a.span) for a in event.arguments]
                for number, (role, span) in enumerate(filled):
                    assert second_role(label, filled[:number], role, span) is None


def test_double_click_in_the_sample_leaves_the_proclitic_out(sample):
    for name, word, expected in (
        ("غارات على الحصوة", "بريف", "ريف"),
        ("اشتباكات تل السنابل", "ومسلحين", "مسلحين"),
        ("اشتباكات تل السنابل", "بلدة", "بلدة"),
        ("معبر الجسر القديم", "وزارة", "وزارة"),
    ):
        text = sample.documents.get(document_id(sample, name)).text
        chosen = double_click_word(text, text.index(word) + 1)
        assert text[slice(*chosen)] == expected


def test_a_user_named_like_a_colleague_keeps_a_layer_of_their_own(tmp_path):
    folder = ensure_sample(tmp_path / "sample", "omar")
    with Project.open(folder) as project:
        assert reviewing.layers(project) == ["huda", "omar", "omar-sample"]
        assert coded_by(project, "omar") == [1, 4]
        assert reviewing.progress(project)["omar-sample"] == {"done": 4, "in progress": 1}


def test_a_start_that_fails_leaves_no_half_built_sample(tmp_path, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(adjudicating, "accept", interrupted)
    folder = tmp_path / "sample"
    with pytest.raises(KeyboardInterrupt):
        ensure_sample(folder, "samira")
    assert not (folder / DATABASE).exists()
    monkeypatch.undo()
    ensure_sample(folder, "samira")
    with Project.open(folder) as project:
        assert project.documents.count() == 5
        assert len(project.spans.for_document(4, GOLD)) == 5
    assert ensure_sample(folder, "someone else") == folder  # built once, then reused
    assert sorted(p.name for p in Path(tmp_path).iterdir()) == ["sample"]


def test_review_lists_one_documents_event_disagreements_with_descriptions(sample):
    first = document_id(sample, "اشتباكات تل السنابل")
    listed = reviewing.document_event_disagreements(sample, first, COLLEAGUES)
    assert [(x.kind, x.missing_from) for x in listed] == [(Kind.MISSING_EVENT, "omar")]
    assert listed[0].description == (
        "huda codes «اشتباكات» (Battles / Armed clash: actor1 «الجيش», actor2 «لواء الفجر»,"
        " location «قرية الدوالي»); omar has no such event"
    )
    crossing = document_id(sample, "معبر الجسر القديم")
    listed = reviewing.document_event_disagreements(sample, crossing, COLLEAGUES)
    assert [(x.kind, x.differences) for x in listed] == [
        (
            Kind.EVENT_TYPE,
            {
                "type": (
                    "Battles / Non-state actor overtakes territory",
                    "Strategic developments / Non-violent transfer of territory",
                )
            },
        ),
        (Kind.ROLE_FILLER, {"actor2": ("«قوات حرس الحدود»", "none")}),
    ]
    assert all((x.first_event.annotator, x.second_event.annotator) == COLLEAGUES for x in listed)
    every = reviewing.document_event_disagreements(sample, crossing)  # gold left out
    assert {x.annotators for x in every} == {("huda", "omar"), ("omar", "samira")}
    protest = document_id(sample, "احتجاجات المرجان")
    assert reviewing.document_event_disagreements(sample, protest) == []
