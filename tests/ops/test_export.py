"""Exporting: our JSON/JSONL format, its JSON Schema, and lossless round trips."""

import hashlib
import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.schema import load_preset
from annotator.formats import native
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl
from tests.fixtures.article import ARTICLE
from tests.ops.test_import import RAW, WORDS, raw_spans

EXPORT_SCHEMA = json.loads(
    resources.files("annotator.resources").joinpath("export.schema.json").read_text("utf-8")
)


def layered_project(project, tmp_path):
    """One tricky article annotated by two people, with attributes, a relation and a status."""
    import_files(
        project,
        [write_jsonl(tmp_path / "a.jsonl", [{"text": RAW, "name": "مقال", "label": raw_spans()}])],
        annotator="samira",
    )
    start = RAW.index("دير الزور")
    event = RAW.index("مُبَادَرَة")
    record = {
        "text": RAW,
        "annotations": [
            {
                "id": "p",
                "start": start,
                "end": start + 9,
                "label": "LOCATION",
                "attributes": {"place_type": "city/town", "geo_precision": 1},
            },
            {
                "id": "e",
                "start": event,
                "end": event + 9,
                "label": "EVENT",
                "attributes": {
                    "event_type": "Battles",
                    "sub_event_type": "Armed clash",
                    "fatalities": 0,
                },
            },
        ],
        "relations": [{"from": "e", "to": "p", "role": "location"}],
        "status": {"omar": "done"},
    }
    import_files(project, [write_jsonl(tmp_path / "b.jsonl", [record])], annotator="omar")
    return project


def spans_of(project):
    document_texts = {d.id: d.sha256 for d in project.documents.iter_all()}
    return sorted(
        (
            document_texts[s.document_id],
            s.annotator,
            s.label,
            s.start,
            s.end,
            s.text,
            json.dumps(s.attributes, sort_keys=True),
        )
        for s in project.spans.iter_all()
    )


def test_json_export_validates_against_the_published_schema_and_is_self_checking(project, tmp_path):
    layered_project(project, tmp_path)
    out = tmp_path / "out.json"
    report = export(project, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, EXPORT_SCHEMA)
    assert report.documents == 1 and report.spans == len(WORDS) + 2 and report.relations == 1
    assert data["format"] == "annotator/1" and data["offsets"] == "codepoints"
    assert [label["id"] for label in data["labels"]] == ["ACTOR", "LOCATION", "EVENT"]
    (document,) = data["documents"]
    assert document["sha256"] == hashlib.sha256(document["text"].encode("utf-8")).hexdigest()
    for annotation in document["annotations"]:
        assert document["text"][annotation["start"] : annotation["end"]] == annotation["text"]
    (relation,) = document["relations"]
    by_id = {a["id"]: a for a in document["annotations"]}
    assert (
        by_id[relation["from"]]["label"] == "EVENT" and by_id[relation["to"]]["text"] == "دير الزور"
    )
    assert document["status"] == {"omar": "done"}


def test_jsonl_export_is_one_valid_document_per_line(project, tmp_path):
    layered_project(project, tmp_path)
    import_files(
        project, [write_jsonl(tmp_path / "more.jsonl", [{"text": "خبر ثانٍ"}, {"text": "خبر ثالث"}])]
    )
    out = tmp_path / "out.jsonl"
    export(project, "jsonl", out)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3
    for line in lines:
        jsonschema.validate(
            json.loads(line), EXPORT_SCHEMA["$defs"]["document"] | {"$defs": EXPORT_SCHEMA["$defs"]}
        )


def test_one_annotator_can_be_exported_alone(project, tmp_path):
    layered_project(project, tmp_path)
    out = tmp_path / "omar.json"
    export(project, "json", out, annotator="omar")
    (document,) = json.loads(out.read_text(encoding="utf-8"))["documents"]
    assert {a["annotator"] for a in document["annotations"]} == {"omar"}
    assert len(document["annotations"]) == 2


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_what_export_writes_import_reads_back_losslessly(project, tmp_path, fmt):
    layered_project(project, tmp_path)
    out = tmp_path / f"out.{fmt}"
    export(project, fmt, out)
    with Project.create(tmp_path / "copy", load_preset("conflict")) as copy:
        import_files(copy, [out], annotator="nobody")
        assert spans_of(copy) == spans_of(project)
        assert copy.progress.get(1, "omar") == "done"
        (original,) = project.documents.iter_all()
        (copied,) = copy.documents.iter_all()
        assert (copied.name, copied.text, copied.sha256, copied.meta) == (
            original.name,
            original.text,
            original.sha256,
            original.meta,
        )
        copied_spans = {s.id: s for s in copy.spans.iter_all()}
        (relation,) = copy.relations.iter_all()
        assert copied_spans[relation.source].label == "EVENT"
        assert copied_spans[relation.target].text == "دير الزور"
        assert relation.annotator == "omar"
        again = tmp_path / f"again.{fmt}"
        export(copy, fmt, again)
    assert canonical(again, fmt) == canonical(out, fmt)


def canonical(path, fmt):
    """An export's content with project-local ids replaced by what they point at."""
    text = path.read_text("utf-8")
    if fmt == "json":
        data = json.loads(text)
        documents = data.pop("documents")
        data.pop("exported"), data.pop("project")
    else:
        data, documents = {}, [json.loads(line) for line in text.splitlines()]
    result = []
    for document in documents:
        by_id = {
            a.pop("id"): (a["start"], a["end"], a["label"], a["annotator"])
            for a in document["annotations"]
        }
        relations = sorted(
            (by_id[r["from"]], by_id[r["to"]], r["role"], r["annotator"])
            for r in document["relations"]
        )
        annotations = sorted(
            document["annotations"],
            key=lambda a: (a["start"], a["end"], a["label"], a["annotator"]),
        )
        del document["id"], document["annotations"], document["relations"]
        result.append((document, annotations, relations))
    return data, result


def test_our_article_round_trips_with_every_span_in_place(project, tmp_path):
    import_files(project, [ARTICLE])
    text = project.documents.get(1).text
    words = [
        "«جبهة الأحرار»",
        "هجوماً",
        "الجيش الوطني",
        "تل الغزلان",
        "مدينة المنارة",
        "قوات الدرع",
        "حقول البيدر",
        "ضربات جوية",
        "التحالف الشمالي",
        "بلدة عين الشمس",
        "تصعيـداً",
        "2,350 عائلة",
    ]
    labels = [
        "ACTOR",
        "EVENT",
        "ACTOR",
        "LOCATION",
        "LOCATION",
        "ACTOR",
        "LOCATION",
        "EVENT",
        "ACTOR",
        "LOCATION",
        "EVENT",
        "ACTOR",
    ]
    spans = []
    for word, label in zip(words, labels, strict=True):
        start = text.index(word)
        spans.append({"start": start, "end": start + len(word), "label": label, "text": word})
    import_files(
        project,
        [write_jsonl(tmp_path / "coded.jsonl", [{"text": text, "annotations": spans}])],
        annotator="samira",
    )
    assert project.documents.count() == 1
    out = tmp_path / "article.jsonl"
    export(project, "jsonl", out)
    (document,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert document["text"] == ARTICLE.read_text(encoding="utf-8")
    assert [
        (a["text"], a["label"]) for a in sorted(document["annotations"], key=lambda a: a["start"])
    ] == sorted(zip(words, labels, strict=True), key=lambda wl: text.index(wl[0]))


def test_an_interrupted_export_leaves_no_partial_file(project, tmp_path, monkeypatch):
    layered_project(project, tmp_path)
    import_files(project, [write_jsonl(tmp_path / "more.jsonl", [{"text": "خبر ثانٍ"}])])
    out = tmp_path / "out.json"
    out.write_text("earlier export", encoding="utf-8")
    calls = []
    original = native.document_json

    def interrupted_on_the_second_document(*args):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return original(*args)

    monkeypatch.setattr(native, "document_json", interrupted_on_the_second_document)
    with pytest.raises(KeyboardInterrupt):
        export(project, "json", out)
    assert len(calls) == 2
    assert out.read_text(encoding="utf-8") == "earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


ARABIC_AND_ASTRAL = st.text(
    alphabet=st.sampled_from(
        list("دير الزور قسد ـ َ ُ \u200f\u200e\u200d\u2066\u2069\r\n😀🇸👨a1 «»،.")
    ),
    min_size=1,
    max_size=60,
).filter(lambda t: t.strip())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=ARABIC_AND_ASTRAL, data=st.data())
def test_random_rtl_and_astral_text_keeps_every_span_on_the_same_characters(
    tmp_path_factory, text, data
):
    folder = tmp_path_factory.mktemp("fuzz")
    cuts = data.draw(
        st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=5)
    )
    spans = []
    for a, b in cuts:
        start, end = min(a, b), max(a, b)
        piece = text[start:end]
        if not piece.replace("\r", ""):
            continue
        spans.append([start, end, "ACTOR"])
    with Project.create(folder / "p", load_preset("conflict")) as project:
        import_files(
            project,
            [write_jsonl(folder / "in.jsonl", [{"text": text, "label": spans}])],
            annotator="a",
        )
        out = folder / "out.jsonl"
        export(project, "jsonl", out)
    (document,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    expected = sorted(
        {
            (text[s:e].removeprefix("\ufeff") if s == 0 else text[s:e])
            .replace("\r\n", "\n")
            .replace("\r", "\n")
            for s, e, _ in spans
        }
        - {""}
    )
    got = sorted({document["text"][a["start"] : a["end"]] for a in document["annotations"]})
    assert got == [g for g in got if g]
    for annotation in document["annotations"]:
        assert document["text"][annotation["start"] : annotation["end"]] == annotation["text"]
    assert got == expected
