"""doccano JSONL: its export and importer examples, the v1 download, both shapes written."""

import json

import pytest

from annotator.core.errors import InputError
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, snapshot, write_jsonl
from tests.formats.interchange import (
    coded_project,
    fresh,
    hard_places,
    links_of,
    round_trip,
    spans_of,
    stored,
    stored_offset,
)
from tests.ops.test_import import RAW, raw_spans


def test_the_pretty_printed_relation_example_is_read_as_one_record(tmp_path):
    path = corpus_file("doccano", "export_relation_extraction_example.jsonl")
    assert len(path.read_text("utf-8").splitlines()) == 49
    with fresh(tmp_path / "p", "ner") as project:
        report = import_files(project, [path], "doccano", annotator="a", add_labels=True)
        assert report.documents_added == 1 and report.spans_added == 4
        spans = {s.id: (s.text, s.label) for s in project.spans.iter_all()}
        links = {(spans[r.source], r.role, spans[r.target]) for r in project.relations.iter_all()}
        assert links == {
            (("Google", "ORG"), "foundedAt", ("September 4, 1998", "DATE")),
            (("Google", "ORG"), "foundedBy", ("Larry Page", "PERSON")),
            (("Google", "ORG"), "foundedBy", ("Sergey Brin", "PERSON")),
        }


def test_the_one_line_form_and_the_label_triples_agree(tmp_path):
    with fresh(tmp_path / "p", "ner") as project:
        import_files(
            project,
            [
                corpus_file("doccano", "export_relation_extraction_example.jsonl"),
                corpus_file("doccano", "import_test_relation_extraction.jsonl"),
            ],
            "doccano",
            annotator="a",
            add_labels=True,
        )
        assert project.documents.count() == 1 and project.spans.count() == 4
        assert len(list(project.relations.iter_all())) == 3
        report = import_files(
            project,
            [corpus_file("doccano", "export_sequence_labeling_example.jsonl")],
            "doccano",
            annotator="a",
            label_map={"PERSON": "PER"},
        )
        assert report.documents_added == 3 and report.spans_added == 4


def test_numeric_labels_of_a_doccano_1_download_need_names(tmp_path):
    path = corpus_file("doccano", "v1_download_sequence_labeling_multiuser.jsonl")
    with fresh(tmp_path / "p", "ner") as project:
        before = snapshot(project)
        with pytest.raises(InputError, match=r"labels not in the project's schema: 1 .*, 2 .*"
                           r"doccano 1 downloads, which do not name them"):  # fmt: skip
            import_files(project, [path], "doccano")
        assert snapshot(project) == before
        report = import_files(project, [path], "doccano", label_map={"1": "PER", "2": "ORG"})
        assert {(s.text, s.label, s.annotator) for s in project.spans.iter_all()} == {
            ("EU", "ORG", "user1"),
            ("Peter Blackburn", "PER", "user1"),
            ("Obama", "PER", "user1"),
        }
        assert any("user1" in note for note in report.notes)


def test_the_importer_test_file_with_a_record_without_text_is_refused(tmp_path):
    path = corpus_file("doccano", "import_test_sequence_labeling.jsonl")
    with fresh(tmp_path / "p", "ner") as project:
        before = snapshot(project)
        with pytest.raises(InputError, match=r"sequence_labeling.jsonl, line 3, record 3: has no "
                           r"'text'"):  # fmt: skip
            import_files(project, [path], "doccano")
        assert snapshot(project) == before


@pytest.mark.parametrize("shape", ["entities", "label"])
def test_both_shapes_are_written_and_read_back(project, tmp_path, shape):
    import_files(
        project,
        [write_jsonl(tmp_path / "s.jsonl", [{"text": RAW, "label": raw_spans()}])],
        annotator="samira",
    )
    out = tmp_path / "d.jsonl"
    export(project, "doccano", out, options={"doccano_shape": shape})
    (record,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert ("entities" in record) == (shape == "entities") and ("label" in record) == (
        shape == "label"
    )
    for item in record.get("entities", []):
        start, end = item["start_offset"], item["end_offset"]
        assert record["text"][start:end] in {s.text for s in project.spans.iter_all()}
    with fresh(tmp_path / "again") as again:
        import_files(again, [out], "doccano", annotator="samira")
        assert spans_of(again) == spans_of(project)


def test_relations_survive_the_entities_shape(project, tmp_path):
    text = "هاجم التنظيم مواقع الجيش في الثردات"
    record = {
        "text": text,
        "annotations": [
            {"id": "e", "start": 0, "end": 4, "label": "EVENT", "annotator": "a"},
            {"id": "x", "start": 5, "end": 12, "label": "ACTOR", "annotator": "a"},
            {"id": "l", "start": 28, "end": 35, "label": "LOCATION", "annotator": "a"},
        ],
        "relations": [
            {"from": "e", "to": "x", "role": "actor1"},
            {"from": "e", "to": "l", "role": "location"},
        ],
    }
    import_files(project, [write_jsonl(tmp_path / "r.jsonl", [record])])
    again = round_trip(project, "doccano", tmp_path / "d.jsonl", tmp_path / "again")
    assert links_of(again) == links_of(project)


def test_a_hard_variant_of_the_real_examples_keeps_every_span(project, tmp_path):
    path = corpus_file("doccano", "export_sequence_labeling_example.jsonl")
    lines = []
    expected = set()
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        hard, places = hard_places(record["text"] + "\nسطر ثانٍ", record["label"])
        lines.append(json.dumps({"text": hard, "label": [list(p) for p in places]}))
        expected |= {
            (stored(hard), stored_offset(hard, s), stored_offset(hard, e), lab)
            for s, e, lab in places
        }
    hard_file = tmp_path / "hard.jsonl"
    hard_file.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    import_files(project, [hard_file], "doccano", label_map={"MISC": "EVENT", "PERSON": "ACTOR",
                                                             "ORG": "ACTOR"})  # fmt: skip
    texts = {d.id: d.text for d in project.documents.iter_all()}
    mapped = {"MISC": "EVENT", "PERSON": "ACTOR", "ORG": "ACTOR"}
    assert {(texts[s.document_id], s.start, s.end, s.label) for s in project.spans.iter_all()} == {
        (text, s, e, mapped[lab]) for text, s, e, lab in expected
    }


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"text": "نص", "label": [[0, 1]]}\n', r"record 1: 'label' entry 1 must be \[start"),
        ('{"text": "نص", "label": ["POS"]}\n', r"record 1: 'label' entry 1 is 'POS' without"),
        (
            '{"text": "نص", "entities": [{"id": 1, "start_offset": 0, "label": "ACTOR"}]}\n',
            r"record 1: 'entities' entry 1 has no 'end_offset'",
        ),
        (
            '{"text": "نص", "entities": [{"id": 1, "start_offset": 0, "end_offset": 2, '
            '"label": "ACTOR"}], "relations": [{"from_id": 1, "to_id": 9, "type": "x"}]}\n',
            r"record 1: relation 1 \(x\): no entity with id 9",
        ),
        ('{"text": "نص"}\n{"text": "آخر", \n{"text": "ثالث"}\n', r"line 2, record 2: not valid"),
        ('{"text": "نص"}\n{"text": "آخر",\n', r"line 2, record 2: not valid JSON: the record"),
    ],
)
def test_malformed_records_are_refused_with_their_place(project, tmp_path, content, message):
    path = tmp_path / "x.jsonl"
    path.write_text(content, encoding="utf-8")
    before = snapshot(project)
    with pytest.raises(InputError, match=message):
        import_files(project, [path], "doccano")
    assert snapshot(project) == before


def test_the_real_examples_survive_export_and_import(tmp_path):
    with fresh(tmp_path / "p", "ner") as project:
        import_files(
            project,
            [
                corpus_file("doccano", "export_relation_extraction_example.jsonl"),
                corpus_file("doccano", "export_sequence_labeling_example.jsonl"),
            ],
            "doccano",
            annotator="a",
            add_labels=True,
        )
        again = round_trip(project, "doccano", tmp_path / "d.jsonl", tmp_path / "again")
        assert {k: {x[:4] for x in v} for k, v in spans_of(again).items()} == {
            k: {x[:4] for x in v} for k, v in spans_of(project).items()
        }
        assert links_of(again) == links_of(project)
        again.close()


def test_doccano_of_several_layers_asks_for_one_instead_of_merging_them(project, tmp_path):
    coded_project(project, tmp_path)
    before = snapshot(project)
    with pytest.raises(InputError, match="--annotator"):
        export(project, "doccano", tmp_path / "all.jsonl")
    assert not (tmp_path / "all.jsonl").exists() and snapshot(project) == before
    export(project, "doccano", tmp_path / "samira.jsonl", "samira")
    (record,) = [json.loads(line) for line in (tmp_path / "samira.jsonl").open(encoding="utf-8")]
    places = [(e["start_offset"], e["end_offset"]) for e in record["entities"]]
    assert places and len(places) == len(set(places))


def test_formats_without_relations_do_not_count_them_as_written(project, tmp_path):
    coded_project(project, tmp_path)
    report = export(project, "conll", tmp_path / "gold.conll", "gold")
    assert report.relations == 0
    assert any("1 relation not written: conll holds no relations" in n for n in report.notes)


def test_idrisi_location_mentions_are_read_as_spans_with_the_tweet_as_metadata(tmp_path):
    source = corpus_file("idrisi-r-ar", "gold-random-json", "kuwait_floods_2018", "dev.jsonl")
    tweets = [json.loads(line) for line in source.open(encoding="utf-8")]
    with fresh(tmp_path / "p") as project:
        import_files(project, [source], "jsonl", annotator="ali", add_labels=True)
        found = {
            (document.sha256, span.start, span.end, span.label)
            for document in project.documents.iter_all()
            for span in project.spans.iter_all()
            if span.document_id == document.id
        }
        metas = [document.meta for document in project.documents.iter_all()]
    texts = {tweet["text"]: tweet for tweet in tweets}
    wanted = {
        (m["startIdx"], m["endIdx"], m["type"], tweet["text"])
        for tweet in tweets
        for m in tweet["location_mentions"]
    }
    assert len(found) == len(wanted) > 50
    assert all(meta["tweet_id"] in {t["tweet_id"] for t in texts.values()} for meta in metas)


def test_an_idrisi_mention_whose_text_is_not_at_its_offsets_is_refused(project, tmp_path):
    tweet = {
        "tweet_id": "1",
        "text": "أمطار في الكويت",
        "location_mentions": [{"text": "الكويت", "type": "CTRY", "startIdx": 0, "endIdx": 6}],
    }
    before = snapshot(project)
    with pytest.raises(InputError, match=r"record 1.*location mention 1 says «الكويت»"):
        import_files(project, [write_jsonl(tmp_path / "t.jsonl", [tweet])], add_labels=True)
    assert snapshot(project) == before
