"""The sample project a new user opens: two colleagues' layers and some gold, so that review
mode shows disagreements at once; the user's own examples; exact offsets."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from annotator.core.model import GOLD
from annotator.core.roles import second_role
from annotator.core.tokens import double_click_word
from annotator.ops import adjudicating, editing, reviewing
from annotator.ops.sample import COLLEAGUES, ensure_sample
from annotator.review.diff import Kind
from annotator.store.project import DATABASE, Project

SAMPLE = resources.files("annotator.resources").joinpath("sample")


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
    for decision in sample_lines("adjudication.jsonl"):
        for choice in decision["accept"]:
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
    takeover = gold["سيطرته"].provenance
    assert (takeover["adjudicator"], takeover["method"]) == ("lina", "accepted")
    assert [source["annotator"] for source in takeover["from"]] == ["huda"]
    assert gold["سيطرته"].attributes["event_type"] == "Battles"
    agreed = gold["لواء الفجر"].provenance
    assert [source["annotator"] for source in agreed["from"]] == ["huda", "omar"]
    links = {
        (r.role, sample.spans.get(r.target).text)
        for r in sample.relations.for_document(crossing, GOLD)
    }
    assert links == {
        ("actor1", "لواء الفجر"),
        ("actor2", "قوات حرس الحدود"),
        ("location", "معبر الجسر القديم"),
    }
    protest = document_id(sample, "احتجاجات المرجان")
    assert len(sample.spans.for_document(protest, GOLD)) == 6
    assert reviewing.document_disagreements(sample, protest, ["huda", "gold"]) == []


def test_review_finds_disagreements_of_every_kind_at_once(sample):
    kinds_by_document = {
        d.name: {x.kind for x in reviewing.document_disagreements(sample, d.id, COLLEAGUES)}
        for d in sample.documents.iter_all()
    }
    assert max(len(kinds) for kinds in kinds_by_document.values()) >= 4
    assert set().union(*kinds_by_document.values()) == set(Kind.ALL)
    assert kinds_by_document["احتجاجات المرجان"] == set()
    second = document_id(sample, "غارات على الحصوة")
    found = reviewing.document_disagreements(sample, second, COLLEAGUES)
    boundaries = {(x.first.text, x.second.text) for x in found if x.kind == Kind.BOUNDARY}
    assert ("ريف وادي الصفصاف", "بريف وادي الصفصاف") in boundaries  # the proclitic
    (strike,) = [x for x in found if x.kind == Kind.ATTRIBUTE]
    assert strike.differences == {"fatalities": (6, 8)}


def test_the_agreement_dashboard_has_figures(sample):
    result = reviewing.agreement(sample)
    colleagues = result.pair("huda", "omar")
    assert colleagues.documents == 5
    assert 0 < colleagues.exact.f1 < colleagues.overlap.f1 < 1
    assert result.pair("huda", "samira").documents == 2


def test_every_coded_event_is_complete_and_keeps_a_span_in_one_role(sample):
    for document in sample.documents.iter_all():
        for layer in (*reviewing.layers(sample), GOLD):
            assert editing.missing_required(sample, document.id, layer) == []
            spans = {s.id: s for s in sample.spans.for_document(document.id, layer)}
            links = sample.relations.for_document(document.id, layer)
            for link in links:
                label = sample.schema.label(spans[link.source].label)
                others = [
                    (other.role, other.target)
                    for other in links
                    if other.source == link.source and other.id != link.id
                ]
                assert second_role(label, others, link.role, link.target) is None


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
