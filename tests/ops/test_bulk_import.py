"""Spans written in bulk during an import: ids in the order of the file, nothing lost or
doubled when an article comes back later in the same import."""

from __future__ import annotations

from annotator.ops import importing
from annotator.ops.importing import import_files
from tests.conftest import write_jsonl

TEXT = "قصفت طائرات 😀 حربية مدينة الميادين في دير الزور"


def at(word: str, label: str) -> list:
    start = TEXT.index(word)
    return [start, start + len(word), label]


def test_span_ids_follow_the_file_across_records_written_together(project, tmp_path):
    records = [
        {"text": f"{TEXT} {n}", "label": [at("الميادين", "LOCATION"), at("قصفت", "EVENT")]}
        for n in range(3)
    ]
    keyed = {
        "text": f"{TEXT} 3",
        "annotations": [
            {"id": "e", "start": 0, "end": 4, "label": "EVENT"},
            {"id": "l", "start": TEXT.index("دير"), "end": len(TEXT), "label": "LOCATION"},
        ],
        "label": [at("الميادين", "LOCATION")],
        "relations": [{"from": "e", "to": "l", "role": "location"}],
    }
    records.insert(2, keyed)
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", records)])
    order = [
        (span.document_id, span.text)
        for span in sorted(project.spans.iter_all(), key=lambda span: span.id)
    ]
    assert order == [
        (1, "الميادين"),
        (1, "قصفت"),
        (2, "الميادين"),
        (2, "قصفت"),
        (3, "قصفت"),  # a span with an id in the file is written at once, then the others
        (3, "دير الزور"),
        (3, "الميادين"),
        (4, "الميادين"),
        (4, "قصفت"),
    ]
    (event,) = project.events.for_document(3)  # the event span's link: its event's argument
    (argument,) = event.arguments
    assert (project.spans.get(event.trigger).text, argument.role) == ("قصفت", "location")
    assert project.spans.get(argument.span).text == "دير الزور"


def test_an_article_repeated_in_one_import_gets_its_spans_once(project, tmp_path, monkeypatch):
    monkeypatch.setattr(importing, "SPANS_PER_INSERT", 10_000)  # nothing written until the end
    first = {"text": TEXT, "label": [at("الميادين", "LOCATION")]}
    others = [{"text": f"{TEXT} {n}", "label": [at("قصفت", "EVENT")]} for n in range(3)]
    again = {"text": TEXT, "label": [at("الميادين", "LOCATION"), at("دير الزور", "LOCATION")]}
    report = import_files(project, [write_jsonl(tmp_path / "a.jsonl", [first, *others, again])])
    assert report.documents_added == 4 and report.documents_matched == 1
    assert report.spans_added == 5 and report.spans_already_there == 1
    assert [s.text for s in project.spans.for_document(1)] == ["الميادين", "دير الزور"]
