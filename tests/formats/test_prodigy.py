"""Prodigy JSONL: a real ner_manual export; answers decide what is an annotation."""

import json

import pytest

from annotator.core.errors import InputError
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, snapshot
from tests.formats.interchange import fresh, hard_places, stored, stored_offset

MAPPING = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "PRODUCT": "MISC"}


def headlines():
    return corpus_file(
        "spacy-prodigy", "prodigy", "annotated_news_headlines-ORG-PERSON-LOCATION-ner.jsonl"
    )


def tasks():
    return [json.loads(line) for line in headlines().read_text("utf-8").splitlines()]


def test_only_accepted_headlines_are_annotations_by_default(tmp_path):
    accepted = [t for t in tasks() if t["answer"] == "accept"]
    with fresh(tmp_path / "p", "ner") as project:
        report = import_files(project, [headlines()], "prodigy", annotator="a", label_map=MAPPING)
        assert report.records == len(accepted)
        assert report.spans_added == sum(len(t.get("spans", [])) for t in accepted)
        assert report.notes == [
            f"{headlines().name}: tasks skipped by their answer: 1 ignored "
            "(take them with --all-answers)"
        ]
        texts = {d.text: d.id for d in project.documents.iter_all()}
        for task in accepted[:50]:
            spans = project.spans.for_document(texts[task["text"]])
            assert {(s.start, s.end, s.text) for s in spans} == {
                (s["start"], s["end"], task["text"][s["start"] : s["end"]])
                for s in task.get("spans", [])
            }
        assert project.documents.get(1).meta == {"source": "The New York Times"}


def test_all_answers_takes_the_ignored_one_and_marks_its_spans(tmp_path):
    ignored = [t for t in tasks() if t["answer"] == "ignore"]
    with fresh(tmp_path / "p", "ner") as project:
        report = import_files(
            project, [headlines()], "prodigy", label_map=MAPPING, options={"all_answers": True}
        )
        assert report.records == len(tasks())
        marked = [s for s in project.spans.iter_all() if s.attributes.get("answer") == "ignore"]
        assert len(marked) == sum(len(t.get("spans", [])) for t in ignored)
        assert all(s.attributes["answer"] == "accept" for s in project.spans.iter_all()
                   if s not in marked)  # fmt: skip


def test_a_hard_variant_of_real_headlines_keeps_every_span(tmp_path):
    lines, expected = [], set()
    for task in tasks()[:40]:
        spans = [(s["start"], s["end"], s["label"]) for s in task.get("spans", [])]
        hard, places = hard_places(task["text"] + "\nخبر", spans)
        spans = [{"start": s, "end": e, "label": lab} for s, e, lab in places]
        lines.append(json.dumps({**task, "text": hard, "spans": spans}, ensure_ascii=False))
        expected |= {
            (stored(hard), stored_offset(hard, s), stored_offset(hard, e), MAPPING.get(lab, lab))
            for s, e, lab in places
        }
    path = tmp_path / "hard.jsonl"
    path.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    with fresh(tmp_path / "p", "ner") as project:
        import_files(project, [path], "prodigy", label_map=MAPPING)
        texts = {d.id: d.text for d in project.documents.iter_all()}
        assert {
            (texts[s.document_id], s.start, s.end, s.label) for s in project.spans.iter_all()
        } == (expected)


def test_relations_and_named_sessions(project, tmp_path):
    text = "هاجم التنظيم مواقع الجيش"
    head = {"start": 0, "end": 4, "label": "EVENT"}
    child = {"start": 5, "end": 12, "label": "ACTOR"}
    task = {"text": text, "spans": [head, child], "answer": "accept",
            "_annotator_id": "news-huda", "relations": [
                {"head_span": head, "child_span": child, "label": "actor1"}]}  # fmt: skip
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps(task, ensure_ascii=False) + "\n", encoding="utf-8")
    import_files(project, [path], "prodigy")
    (event,) = project.events.iter_all()  # a link from an event's span is its argument
    ((role, filler),) = [(a.role, project.spans.get(a.span).text) for a in event.arguments]
    assert (event.annotator, event.label, role, filler) == (
        "news-huda", "EVENT", "actor1", "التنظيم"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("task", "message"),
    [
        ({"text": "نص", "answer": "maybe"}, r"record 1: 'answer' must be one of accept"),
        ({"spans": []}, r"record 1: has no 'text'"),
        ({"text": "نص", "spans": [{"start": 0, "label": "ACTOR"}]}, r"record 1: span 1 has no"),
        (
            {"text": "نص", "spans": [], "relations": [{"label": "x", "head_span": {
                "start": 0, "end": 1, "label": "ACTOR"}, "child_span": {
                "start": 1, "end": 2, "label": "ACTOR"}}]},
            r"record 1: relation 1 \(x\): its head_span 0-1 \(ACTOR\) is not one of the task",
        ),
    ],
)  # fmt: skip
def test_bad_tasks_are_refused_with_their_place(project, tmp_path, task, message):
    path = tmp_path / "x.jsonl"
    path.write_text(json.dumps(task, ensure_ascii=False) + "\n", encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(InputError, match=rf"x.jsonl, line 1, {message}"):
        import_files(project, [path], "prodigy")
    assert snapshot(project) == before
