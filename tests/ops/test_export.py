"""Exporting: our JSON/JSONL format, its JSON Schema, and lossless round trips."""

import hashlib
import json

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.schema import load_preset
from annotator.formats import native
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.shipped import resource
from annotator.store.project import Project
from tests.conftest import write_jsonl
from tests.fixtures.article import ARTICLE
from tests.ops.test_import import RAW, WORDS, raw_spans
from tests.safety.test_upgrades import FIXTURES, copy_fixture

EXPORT_SCHEMA = json.loads(resource("export.schema.json").read_text("utf-8"))


def at(word: str) -> tuple[int, int]:
    start = RAW.index(word)
    return start, start + len(word)


def layered_project(project, tmp_path):
    """One tricky article annotated by two people and adjudicated: attributes, a link that is
    no event's role, a status, two events on one trigger, an event with no trigger, and a gold
    event with its provenance."""
    import_files(
        project,
        [write_jsonl(tmp_path / "a.jsonl", [{"text": RAW, "name": "مقال", "label": raw_spans()}])],
        annotator="samira",
    )  # spans of event labels, without an events list: each is one event on its span

    def annotation(key, word, label, annotator="omar", **attributes):
        start, end = at(word)
        return {
            "id": key,
            "start": start,
            "end": end,
            "label": label,
            "annotator": annotator,
            "attributes": attributes,
        }

    clash = {"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 0}
    provenance = {"adjudicated_by": "lead", "from": "omar", "guidelines": "1.0"}
    record = {
        "text": RAW,
        "annotations": [
            annotation("p", "دير الزور", "LOCATION", place_type="city/town", geo_precision=1),
            annotation("q", "الميادين", "LOCATION", place_type="city/town"),
            annotation("a", "الجيـــش", "ACTOR", actor_type="State forces"),
            annotation("e", "مُبَادَرَة", "EVENT"),
            {**annotation("g", "مُبَادَرَة", "EVENT", "gold"), "provenance": provenance},
        ],
        "relations": [{"from": "a", "to": "p", "role": "based_in"}],
        "events": [
            {
                "id": 1,
                "type": "EVENT",
                "trigger": "e",
                "arguments": [{"role": "actor1", "span": "a"}, {"role": "location", "span": "p"}],
                "attributes": clash,
            },
            {  # the same clash in another town: a second event on the one word
                "id": 2,
                "type": "EVENT",
                "trigger": "e",
                "arguments": [{"role": "location", "span": "q"}],
                "attributes": {**clash, "fatalities": 3},
            },
            {  # what the report as a whole says
                "id": 3,
                "type": "EVENT",
                "trigger": None,
                "arguments": [{"role": "actor1", "span": "a"}],
                "attributes": {"event_type": "Strategic developments", "date": "2017-09"},
            },
            {
                "id": 4,
                "type": "EVENT",
                "trigger": "g",
                "arguments": [],
                "attributes": clash,
                "annotator": "gold",
                "provenance": provenance,
            },
        ],
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


def events_of(project):
    """Every event by what it is: document, layer, type, trigger and arguments by place and
    label (an event argument by its own description), attributes, provenance."""
    spans = {s.id: (s.start, s.end, s.label) for s in project.spans.iter_all()}
    documents = {d.id: d.sha256 for d in project.documents.iter_all()}
    events = {e.id: e for e in project.events.iter_all()}

    def described(event):
        return (
            documents[event.document_id],
            event.annotator,
            event.label,
            spans.get(event.trigger),
            tuple(
                (a.role, spans[a.span] if a.span is not None else described(events[a.event]))
                for a in event.arguments
            ),
            json.dumps(event.attributes, sort_keys=True),
            json.dumps(event.provenance, sort_keys=True),
        )

    return sorted((described(e) for e in events.values()), key=repr)


def test_json_export_validates_against_the_published_schema_and_is_self_checking(project, tmp_path):
    layered_project(project, tmp_path)
    out = tmp_path / "out.json"
    report = export(project, "json", out)
    data = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(data, EXPORT_SCHEMA)
    assert (report.documents, report.spans, report.relations) == (1, len(WORDS) + 5, 1)
    assert report.events == 2 + 4  # samira's two event spans, omar's three, gold's one
    assert data["format"] == "annotator/2" and data["offsets"] == "codepoints"
    assert [label["id"] for label in data["labels"]] == ["ACTOR", "LOCATION", "EVENT"]
    (document,) = data["documents"]
    assert document["sha256"] == hashlib.sha256(document["text"].encode("utf-8")).hexdigest()
    by_id = {a["id"]: a for a in document["annotations"]}
    for annotation in document["annotations"]:
        assert document["text"][annotation["start"] : annotation["end"]] == annotation["text"]
    (relation,) = document["relations"]
    assert (by_id[relation["from"]]["text"], relation["role"], by_id[relation["to"]]["text"]) == (
        "الجيـــش",
        "based_in",
        "دير الزور",
    )
    omar = [e for e in document["events"] if e["annotator"] == "omar"]
    assert [
        (
            by_id[e["trigger"]]["text"] if e["trigger"] is not None else None,
            [(a["role"], by_id[a["span"]]["text"]) for a in e["arguments"]],
            e["attributes"].get("fatalities"),
        )
        for e in omar
    ] == [
        ("مُبَادَرَة", [("actor1", "الجيـــش"), ("location", "دير الزور")], 0),
        ("مُبَادَرَة", [("location", "الميادين")], 3),
        (None, [("actor1", "الجيـــش")], None),
    ]
    (gold,) = [e for e in document["events"] if e["annotator"] == "gold"]
    assert gold["provenance"]["adjudicated_by"] == "lead"
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
    assert len(document["annotations"]) == 4
    assert [e["annotator"] for e in document["events"]] == ["omar"] * 3


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_what_export_writes_import_reads_back_losslessly(project, tmp_path, fmt):
    layered_project(project, tmp_path)
    out = tmp_path / f"out.{fmt}"
    export(project, fmt, out)
    with Project.create(tmp_path / "copy", load_preset("conflict")) as copy:
        import_files(copy, [out], annotator="nobody")
        assert spans_of(copy) == spans_of(project)
        assert events_of(copy) == events_of(project)
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
        assert copied_spans[relation.source].text == "الجيـــش"
        assert copied_spans[relation.target].text == "دير الزور"
        assert relation.annotator == "omar"
        shared = [e for e in copy.events.iter_all() if e.annotator == "omar" and e.trigger]
        assert len(shared) == 2 and shared[0].trigger == shared[1].trigger
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
        events = {e["id"]: e for e in document["events"]}
        described = sorted((_event(e, events, by_id) for e in events.values()), key=repr)
        del document["id"], document["annotations"], document["relations"], document["events"]
        result.append((document, annotations, relations, described))
    return data, result


def _event(item, events, by_id):
    """An exported event by what it is: ids replaced by what they point at."""
    return (
        item["type"],
        item["annotator"],
        by_id.get(item["trigger"]),
        [
            (
                a["role"],
                by_id[a["span"]] if "span" in a else _event(events[a["event"]], events, by_id),
            )
            for a in item["arguments"]
        ],
        json.dumps(item["attributes"], sort_keys=True),
        json.dumps(item.get("provenance"), sort_keys=True),
    )


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

    def stored(s: int, e: int) -> str:
        """What a span covers once stored: the BOM and each CR of a CRLF in the whole text
        dropped (even when the span ends between the two), a lone CR turned into LF."""
        kept = []
        for i in range(s, e):
            if (i == 0 and text[i] == "\ufeff") or text[i : i + 2] == "\r\n":
                continue
            kept.append("\n" if text[i] == "\r" else text[i])
        return "".join(kept)

    expected = sorted({stored(s, e) for s, e, _ in spans} - {""})
    got = sorted({document["text"][a["start"] : a["end"]] for a in document["annotations"]})
    assert got == [g for g in got if g]
    for annotation in document["annotations"]:
        assert document["text"][annotation["start"] : annotation["end"]] == annotation["text"]
    assert got == expected


def test_a_span_ending_between_cr_and_lf_ends_before_the_line_break(tmp_path):
    """The CR of a CRLF is dropped from the stored text: a span that ends after it, before
    the LF, ends where the line does."""
    with Project.create(tmp_path / "p", load_preset("conflict")) as project:
        record = {"text": "قسد\r\nالزور", "label": [[0, 4, "ACTOR"], [5, 10, "LOCATION"]]}
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", [record])], annotator="a")
        out = tmp_path / "out.jsonl"
        export(project, "jsonl", out)
    (document,) = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert document["text"] == "قسد\nالزور"
    spans = [(a["start"], a["end"], a["text"]) for a in document["annotations"]]
    assert spans == [(0, 3, "قسد"), (4, 9, "الزور")]


def test_a_format_1_project_exports_as_the_format_2_project_does(tmp_path):
    """The same coding saved by the first format (an event was its span, roles its links)
    and by the second (events as records): opened and exported, the same spans, events,
    roles and attributes."""
    exports = []
    for fixture in ("format-1", "format-2"):
        folder = copy_fixture(FIXTURES / fixture, tmp_path)
        with Project.open(folder) as opened:
            assert opened.events.count() > 0
            out = tmp_path / f"{fixture}.json"
            export(opened, "json", out)
        exports.append(canonical(out, "json"))
    assert exports[0] == exports[1]
    _, documents = exports[0]
    roles = {role for _, _, _, events in documents for e in events for role, _ in e[3]}
    assert roles == {"actor1", "actor2", "location"}
