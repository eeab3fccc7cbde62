"""Label Studio JSON: its own examples, offsets in either unit, layers, lossless round trips."""

import json

import pytest

from annotator.core.errors import InputError
from annotator.core.model import GOLD
from annotator.core.text import Utf16Map
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, snapshot, write_jsonl
from tests.formats.interchange import (
    events_of,
    fresh,
    hard_words,
    round_trip,
    spans_of,
    stored,
    stored_offset,
)
from tests.ops.test_import import RAW, WORDS, raw_spans

EMOJI_TEXT = "😀 قصف 👨\u200d👩\u200d👧 على مدينة إدلب 🇸🇾 وريفها"


def ls_file(path, tasks):
    path.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def region(text, start, end, label, region_id="r1", claimed=None):
    return {
        "id": region_id,
        "from_name": "label",
        "to_name": "text",
        "type": "labels",
        "value": {
            "start": start,
            "end": end,
            "text": text[start:end] if claimed is None else claimed,
            "labels": [label],
        },
    }


def test_predictions_are_skipped_unless_asked_for(tmp_path):
    path = corpus_file("label-studio", "named_entity", "tasks.json")
    with fresh(tmp_path / "p", "ner") as project:
        report = import_files(project, [path], "labelstudio", annotator="a", add_labels=True)
        assert report.documents_added == 1 and report.spans_added == 0
        assert report.notes == [
            "tasks.json: 1 prediction results skipped (import them with --predictions)"
        ]
        report = import_files(
            project, [path], "labelstudio", add_labels=True, options={"predictions": True}
        )
        (span,) = project.spans.iter_all()
        assert (span.text, span.label, span.annotator) == (
            "February 22",
            "Date",
            "prediction:model 1",
        )


def test_an_annotation_file_is_one_task_and_its_region_is_checked(tmp_path):
    path = corpus_file("label-studio", "named_entity", "annotations", "1.json")
    with fresh(tmp_path / "p", "ner") as project:
        import_files(project, [path], "labelstudio", annotator="samira", add_labels=True)
        (span,) = project.spans.iter_all()
        assert (span.start, span.end, span.text, span.annotator) == (
            343, 354, "February 22", "samira"
        )  # fmt: skip


@pytest.mark.parametrize(
    ("parts", "options"),
    [(("annotations", "1.json"), {}), (("tasks.json",), {"predictions": True})],
)
def test_the_stale_region_label_studio_ships_is_refused_by_name(tmp_path, parts, options):
    path = corpus_file("label-studio", "rich_text_plain", *parts)
    with fresh(tmp_path / "p", "ner") as project:
        before = snapshot(project)
        with pytest.raises(InputError) as caught:
            import_files(project, [path], "labelstudio", add_labels=True, options=options)
        message = str(caught.value)
        assert message.startswith(f"{path}, record 1: ")
        assert "region beFiQTT1cU (Date): the region says 'February 22'" in message
        assert "at 343-354 code points give ' supporters'" in message
        assert snapshot(project) == before


def test_offsets_in_utf16_units_or_code_points_both_land_on_the_same_characters(project, tmp_path):
    text = EMOJI_TEXT
    start = text.index("إدلب")
    units = Utf16Map(text)
    old, new = units.to_utf16(start), start
    assert old != new  # three emoji before: UTF-16 counts them twice
    tasks = [
        {"data": {"text": text},
         "annotations": [{"result": [region(text, new, new + 4, "LOCATION")]}]},
        {
            "data": {"text": text},
            "annotations": [
                {
                    "completed_by": 7,
                    "result": [
                        {**region(text, 0, 0, "LOCATION"), "value": {
                            "start": old, "end": old + 4, "text": "إدلب", "labels": ["LOCATION"]}}
                    ],
                }
            ],
        },
    ]  # fmt: skip
    import_files(project, [ls_file(tmp_path / "ls.json", tasks)], "labelstudio", annotator="a")
    found = {(s.annotator, s.start, s.end, s.text) for s in project.spans.iter_all()}
    assert found == {("a", start, start + 4, "إدلب"), ("user7", start, start + 4, "إدلب")}


def test_a_region_matching_neither_count_is_refused(project, tmp_path):
    text = EMOJI_TEXT
    start = text.index("إدلب")
    task = {"data": {"text": text}, "annotations": [{"id": 5, "result": [
        region(text, start + 1, start + 5, "LOCATION", "x9", claimed="إدلب")]}]}  # fmt: skip
    before = snapshot(project)
    with pytest.raises(
        InputError,
        match=r"record 1: annotation 5, region x9 \(LOCATION\): the "
        r"region says 'إدلب' but at \d+-\d+ code points give 'دلب ', UTF-16 units",
    ):
        import_files(project, [ls_file(tmp_path / "ls.json", [task])], "labelstudio")
    assert snapshot(project) == before


def test_export_counts_code_points_and_reads_back_with_emoji(project, tmp_path):
    text = EMOJI_TEXT
    start = text.index("إدلب")
    write_jsonl(tmp_path / "a.jsonl", [{"text": text, "label": [[start, start + 4, "LOCATION"]]}])
    import_files(project, [tmp_path / "a.jsonl"], annotator="samira")
    again = round_trip(project, "labelstudio", tmp_path / "ls.json", tmp_path / "again")
    (task,) = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    (annotation,) = task["annotations"]
    assert annotation["annotator"] == "samira" and annotation["ground_truth"] is False
    value = annotation["result"][0]["value"]
    assert (value["start"], value["end"]) == (start, start + 4)  # not the UTF-16 start + 3
    assert task["data"]["text"][value["start"] : value["end"]] == value["text"] == "إدلب"
    (span,) = again.spans.iter_all()
    assert (span.start, span.end, span.text, span.annotator) == (start, start + 4, "إدلب", "samira")


def test_layers_relations_and_attributes_survive_a_round_trip(project, tmp_path):
    start = RAW.index("دير الزور")
    event = RAW.index("الجيـــش")
    record = {
        "text": RAW,
        "annotations": [
            {"id": "l", "start": start, "end": start + 9, "label": "LOCATION", "annotator": GOLD,
             "attributes": {"place_type": "city/town", "geo_precision": 2}},
            {"id": "e", "start": event, "end": event + 8, "label": "EVENT", "annotator": GOLD,
             "attributes": {"event_type": "Battles", "fatalities": 12}},
        ],
        "relations": [{"from": "e", "to": "l", "role": "location"}],
    }  # fmt: skip
    import_files(project, [write_jsonl(tmp_path / "g.jsonl", [record])])
    import_files(
        project,
        [write_jsonl(tmp_path / "s.jsonl", [{"text": RAW, "label": raw_spans()}])],
        annotator="samira",
    )
    again = round_trip(project, "labelstudio", tmp_path / "ls.json", tmp_path / "again")
    tasks = json.loads((tmp_path / "ls.json").read_text("utf-8"))
    assert [a["ground_truth"] for a in tasks[0]["annotations"]] == [True, False]

    def everything(p):
        return {
            (s.annotator, s.start, s.end, s.label, json.dumps(s.attributes, sort_keys=True))
            for s in p.spans.iter_all()
        }

    assert everything(again) == everything(project)
    assert events_of(again) == events_of(project)
    (event,) = [e for e in again.events.iter_all() if e.arguments]  # the link is its argument
    ((argument,),) = [event.arguments]
    assert (again.spans.get(event.trigger).label, event.annotator, event.attributes) == (
        "EVENT", GOLD, {"event_type": "Battles", "fatalities": 12}
    )  # fmt: skip
    assert (argument.role, again.spans.get(argument.span).text) == ("location", "دير الزور")


def test_who_made_an_annotation_names_its_layer(project, tmp_path):
    text = "غارات على إدلب"
    result = [region(text, 10, 14, "LOCATION")]
    tasks = [{"data": {"text": text}, "annotations": [
        {"completed_by": {"id": 3, "email": "huda@example.org"}, "result": result},
        {"completed_by": 4, "result": result},
        {"was_cancelled": True, "completed_by": 5, "result": result},
    ]}]  # fmt: skip
    report = import_files(project, [ls_file(tmp_path / "t.json", tasks)], "labelstudio")
    assert {s.annotator for s in project.spans.iter_all()} == {"huda@example.org", "user4"}
    assert "t.json: 1 cancelled annotations skipped" in report.notes


def test_the_text_field_is_found_or_asked_for(project, tmp_path):
    text = "غارات على إدلب"
    task = {"data": {"title": "عنوان", "body": text},
            "annotations": [{"result": [region(text, 10, 14, "LOCATION")]}]}  # fmt: skip
    path = ls_file(tmp_path / "t.json", [task])
    with pytest.raises(
        InputError,
        match=r"several text fields \(title, body\); choose one with "
        r"--text-field",
    ):
        import_files(project, [path], "labelstudio")
    import_files(project, [path], "labelstudio", options={"text_field": "body"})
    (document,) = project.documents.iter_all()
    assert document.text == text and document.meta["title"] == "عنوان"


def test_a_hard_variant_of_the_real_example_keeps_its_region(project, tmp_path):
    source = json.loads(corpus_file("label-studio", "named_entity", "annotations", "1.json")
                        .read_text("utf-8"))  # fmt: skip
    value = source["annotations"][0]["result"][0]["value"]
    clean = source["data"]["text"]
    hard, ((start, end, _),) = hard_words(clean, [(value["text"], "Date")])
    source["data"]["text"] = hard
    value["start"], value["end"], value["text"] = start, end, hard[start:end]
    path = tmp_path / "hard.json"
    path.write_bytes(("\ufeff" + json.dumps(source, ensure_ascii=False, indent=2))
                     .replace("\n", "\r\n").encode("utf-8"))  # fmt: skip
    import_files(project, [path], "labelstudio", label_map={"Date": "EVENT"})
    (document,) = project.documents.iter_all()
    assert document.text == stored(hard)
    (span,) = project.spans.iter_all()
    assert (span.start, span.end) == (stored_offset(hard, start), stored_offset(hard, end))
    assert span.text == "\u200fFebruary \u200f22"[1:]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[1, 2]", r"x.json, record 1: a task must be an object"),
        ('{"nothing": 1}', r"x.json: expected a list of Label Studio tasks"),
        ('[{"data": {"n": 3}}]', r"x.json, record 1: 'data' has no text field"),
        ('[{"data": {"text": "نص"}, "annotations": [{"result": [{"type": "labels", "value": '
         '{"start": 0, "end": 2}}]}]}]', r"record 1: annotation 1, region annotation 1-1: "
         r"'value' has no 'labels'"),
        ('[{"data": {"text": "نص"', r"x.json, line 1: not valid JSON"),
    ],
)  # fmt: skip
def test_malformed_tasks_are_refused_with_their_place(project, tmp_path, content, message):
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(InputError, match=message):
        import_files(project, [path], "labelstudio")
    assert snapshot(project) == before


def test_words_of_the_tricky_article_round_trip(project, tmp_path):
    import_files(
        project,
        [write_jsonl(tmp_path / "s.jsonl", [{"text": RAW, "label": raw_spans()}])],
        annotator="samira",
    )
    again = round_trip(project, "labelstudio", tmp_path / "ls.json", tmp_path / "again")
    assert {(s.start, s.end, s.label, s.text) for s in again.spans.iter_all()} == {
        (s.start, s.end, s.label, s.text) for s in project.spans.iter_all()
    }
    assert len(list(again.spans.iter_all())) == len(WORDS)


def test_the_real_example_with_its_prediction_survives_export_and_import(tmp_path):
    with fresh(tmp_path / "p", "ner") as project:
        import_files(
            project,
            [
                corpus_file("label-studio", "named_entity", "annotations", "1.json"),
                corpus_file("label-studio", "named_entity", "tasks.json"),
            ],
            "labelstudio",
            annotator="samira",
            add_labels=True,
            options={"predictions": True},
        )
        again = round_trip(project, "labelstudio", tmp_path / "ls.json", tmp_path / "again")
        assert spans_of(again) == spans_of(project)
        assert {s.annotator for s in again.spans.iter_all()} == {"samira", "prediction:model 1"}
        again.close()
