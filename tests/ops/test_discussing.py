"""Threads of comments on spans, events and documents: open, resolved, kept, exported."""

from __future__ import annotations

import json

import jsonschema
import pytest

from annotator.core.model import GOLD
from annotator.ops import adjudicating, discussing, editing
from annotator.ops.discussing import DiscussionError
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.ops.merging import merge
from annotator.shipped import resource
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات 😀 أمس"
SECOND = "قصفت طائرات حربية مدينة الميادين"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def article(project, tmp_path):
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}, {"text": SECOND}])])
    return editing.create_span(project, 1, "samira", "ACTOR", *at("تنظيم داعش"))


def test_threads_on_a_span_an_event_and_a_document(project, article):
    event = editing.create_span(project, 1, "samira", "EVENT", *at("هاجم"))
    on_span = discussing.start_thread(project, 1, "omar", "أليس «داعش» وحدها؟", article.id)
    on_event = discussing.start_thread(project, 1, "omar", "نوع الحدث؟", event.id)
    on_document = discussing.start_thread(project, 1, "lead", "مقال مكرر؟")
    discussing.reply(project, on_span.id, "samira", "الاسم الكامل أدق")
    threads = discussing.threads(project, 1)
    assert [t.id for t in threads] == [on_span.id, on_event.id, on_document.id]
    assert [c.author for c in threads[0].comments] == ["omar", "samira"]
    assert threads[0].anchor == {
        "annotator": "samira",
        "start": article.start,
        "end": article.end,
        "label": "ACTOR",
        "text": "تنظيم داعش",
    }
    assert threads[2].on_document and threads[2].span_id is None
    assert [e.action for e in project.audit.for_document(1)][-4:] == ["comment"] * 4


def test_resolving_filters_open_threads_per_document_and_project_wide(project, article):
    first = discussing.start_thread(project, 1, "omar", "سؤال", article.id)
    discussing.start_thread(project, 2, "omar", "سؤال آخر")
    resolved = discussing.resolve(project, first.id, "lead")
    assert resolved.resolved and resolved.changed_by == "lead"
    assert discussing.threads(project, 1, open_only=True) == []
    assert [t.document_id for t in discussing.project_threads(project, open_only=True)] == [2]
    assert discussing.count_threads(project) == 2
    assert discussing.count_threads(project, open_only=True) == 1
    assert discussing.reopen(project, first.id, "omar").is_open


def test_bad_comments_are_refused_and_change_nothing(project, article):
    before = snapshot(project)
    with pytest.raises(DiscussionError, match="text"):
        discussing.start_thread(project, 1, "omar", "   ")
    with pytest.raises(DiscussionError, match="not in document 2"):
        discussing.start_thread(project, 2, "omar", "سؤال", article.id)
    assert snapshot(project) == before


def test_a_thread_outlives_its_span_and_finds_it_again_after_undo(project, article):
    thread = discussing.start_thread(project, 1, "omar", "سؤال", article.id)
    deleted = editing.delete_span(project, article.id, "samira")
    [kept] = discussing.threads(project, 1)
    assert kept.span_id is None and kept.anchor["text"] == "تنظيم داعش"
    restored = editing.restore_span(project, deleted, "samira")
    assert [t.id for t in discussing.threads_for_span(project, restored.id)] == [thread.id]


def test_a_thread_on_a_colleagues_span_is_found_from_the_gold_span(project, article):
    thread = discussing.start_thread(project, 1, "omar", "سؤال", article.id)
    gold = adjudicating.accept(project, article.id, "lead").gold
    assert gold.annotator == GOLD
    assert [t.id for t in discussing.threads_for_span(project, gold.id)] == [thread.id]


def test_deleting_the_last_comment_deletes_the_thread(project, article):
    thread = discussing.start_thread(project, 1, "omar", "سؤال", article.id)
    reply = discussing.reply(project, thread.id, "samira", "جواب")
    assert len(discussing.delete_comment(project, reply.id, "samira").comments) == 1
    assert discussing.delete_comment(project, thread.comments[0].id, "omar") is None
    assert discussing.threads(project, 1) == []


def test_threads_round_trip_through_our_json_and_jsonl(project, article, tmp_path):
    export_schema = json.loads(resource("export.schema.json").read_text("utf-8"))
    thread = discussing.start_thread(project, 1, "omar", "سؤال", article.id)
    discussing.reply(project, thread.id, "samira", "جواب")
    discussing.resolve(project, thread.id, "lead")
    discussing.start_thread(project, 2, "lead", "عن المقال كله")
    for fmt in ("json", "jsonl"):
        out = tmp_path / f"all.{fmt}"
        export(project, fmt, out)
        if fmt == "json":
            data = json.loads(out.read_text(encoding="utf-8"))
            jsonschema.validate(data, export_schema)
            comments = data["documents"][0]["comments"]
            assert comments[0]["annotation"] == article.id
            assert comments[0]["resolved"] is True
            assert [m["body"] for m in comments[0]["messages"]] == ["سؤال", "جواب"]
        with Project.create(tmp_path / f"copy-{fmt}", project.schema) as copy:
            merge(copy, out, add_documents=True)
            for document_id in (1, 2):
                original = discussing.threads(project, document_id)
                copied = discussing.threads(copy, document_id)
                assert [
                    (
                        t.resolved,
                        t.anchor,
                        t.changed_by,
                        [(c.author, c.body, c.created) for c in t.comments],
                    )
                    for t in copied
                ] == [
                    (
                        t.resolved,
                        t.anchor,
                        t.changed_by,
                        [(c.author, c.body, c.created) for c in t.comments],
                    )
                    for t in original
                ]
            [on_span] = discussing.threads(copy, 1)
            assert copy.spans.get(on_span.span_id).text == "تنظيم داعش"


def test_an_export_of_one_layer_keeps_threads_on_other_layers_by_anchor(project, article, tmp_path):
    discussing.start_thread(project, 1, "omar", "سؤال", article.id)
    out = tmp_path / "omar.jsonl"
    export(project, "jsonl", out, "omar")
    [line] = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()][:1]
    [comment] = line["comments"]
    assert comment["annotation"] is None
    assert comment["anchor"]["annotator"] == "samira"


def test_threads_in_an_export_come_back_with_an_import(tmp_path):
    from annotator.core.schema import load_preset
    from annotator.ops import discussing as threads_ops
    from annotator.ops import editing
    from annotator.ops.exporting import export
    from annotator.ops.importing import import_files
    from annotator.store.project import Project
    from tests.conftest import write_jsonl

    text = "قصفت طائرات مواقع في قرية المعماري"
    with Project.create(tmp_path / "a", load_preset("conflict")) as project:
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", [{"text": text}])])
        span = editing.create_span(project, 1, "samira", "LOCATION", 21, len(text))
        thread = threads_ops.start_thread(project, 1, "omar", "قرية أم بلدة؟", span.id)
        threads_ops.reply(project, thread.id, "samira", "قرية، بحسب المصدر")
        threads_ops.start_thread(project, 1, "omar", "Is the date known?")
        export(project, "jsonl", tmp_path / "out.jsonl")
    with Project.create(tmp_path / "b", load_preset("conflict")) as copy:
        report = import_files(copy, [tmp_path / "out.jsonl"])
        assert report.threads_added == 2
        found = threads_ops.threads(copy, 1)
        on_span = next(t for t in found if t.span_id is not None)
        assert [c.body for c in on_span.comments] == ["قرية أم بلدة؟", "قرية، بحسب المصدر"]
        assert copy.spans.get(on_span.span_id).text == "قرية المعماري"
        again = import_files(copy, [tmp_path / "out.jsonl"])
        assert again.threads_added == 0 and len(threads_ops.threads(copy, 1)) == 2
