"""Importing articles: formats, normalisation, offsets, the same article twice."""

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.core.schema import from_json, load_preset
from annotator.core.text import sha256_text
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl
from tests.fixtures.article import ARTICLE

# A headline and a paragraph with most of what real articles throw at offsets:
# BOM, CRLF, emoji and a ZWJ family, tatweel, diacritics, RLM/LRM, isolates, digits, Latin.
RAW = (
    "\ufeff«قسد» تسيطر على حقول الجفرة 😀\r\n"
    "قال المتحدث 👨\u200d👩\u200d👧 إن الجيـــش استعاد مُبَادَرَة\u200f في دير الزور "
    "وقتل 2359 مسلحاً\u200e من \u2066ISIS\u2069 🇸🇾 قرب مدينة الميادين.\r\n"
    "النهاية"
)
WORDS = [
    ("«قسد»", "ACTOR"),
    ("حقول الجفرة", "LOCATION"),
    ("الجيـــش", "ACTOR"),
    ("مُبَادَرَة\u200f", "EVENT"),
    ("دير الزور", "LOCATION"),
    ("2359 مسلحاً\u200e", "EVENT"),
    ("\u2066ISIS\u2069", "ACTOR"),
    ("الميادين.\r\nالنهاية", "LOCATION"),
]


def raw_spans():
    spans = []
    for word, label in WORDS:
        start = RAW.index(word)
        spans.append([start, start + len(word), label])
    return spans


def stored(raw_piece: str) -> str:
    return raw_piece.replace("\r\n", "\n")


def test_txt_import_names_the_document_after_its_file(project):
    report = import_files(project, [ARTICLE])
    assert report.documents_added == 1
    (summary,) = project.documents.page("samira", 0, 10)
    assert summary.name == "article"
    document = project.documents.get(summary.id)
    assert document.text == ARTICLE.read_text(encoding="utf-8")  # emoji, tatweel, shadda kept


def test_pre_annotated_jsonl_keeps_every_span_on_the_same_characters(project, tmp_path):
    path = write_jsonl(
        tmp_path / "coded.jsonl", [{"text": RAW, "name": "مقال", "label": raw_spans()}]
    )
    report = import_files(project, [path], annotator="samira")
    assert report.spans_added == len(WORDS)
    document = project.documents.get(1)
    assert document.text == stored(RAW[1:])
    spans = project.spans.for_document(1, "samira")
    assert sorted((s.text, s.label) for s in spans) == sorted((stored(w), lab) for w, lab in WORDS)
    for span in spans:
        assert document.text[span.start : span.end] == span.text


def test_offsets_after_emoji_count_code_points(project, tmp_path):
    text = "😀😀😀 دير الزور"
    path = write_jsonl(tmp_path / "e.jsonl", [{"text": text, "label": [[4, 13, "LOCATION"]]}])
    import_files(project, [path], annotator="a")
    (span,) = project.spans.for_document(1)
    assert (span.start, span.end, span.text) == (4, 13, "دير الزور")


def test_our_own_annotation_shape_is_read_with_its_annotators_and_attributes(project, tmp_path):
    start = RAW.index("دير الزور")
    record = {
        "text": RAW,
        "meta": {"source": "test", "date": "2017-09-30"},
        "annotations": [
            {
                "id": 7,
                "start": start,
                "end": start + 9,
                "text": "دير الزور",
                "label": "LOCATION",
                "annotator": "huda",
                "attributes": {"place_type": "city/town"},
            },
        ],
        "status": {"huda": "done"},
    }
    path = write_jsonl(tmp_path / "ours.jsonl", [record])
    import_files(project, [path], annotator="ignored-for-named-spans")
    (span,) = project.spans.for_document(1)
    assert span.annotator == "huda" and span.attributes == {"place_type": "city/town"}
    assert project.progress.get(1, "huda") == "done"
    assert project.documents.get(1).meta == {"source": "test", "date": "2017-09-30"}


def test_csv_takes_text_and_name_and_keeps_other_columns_as_metadata(project, tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(
        'name,text,source,date\r\nأول,"سطر أول\r\nسطر، ثانٍ",الوطن,2017-09-30\r\n,نص بلا اسم,x,\r\n',
        encoding="utf-8",
    )
    import_files(project, [path])
    first, second = project.documents.page("a", 0, 10)
    assert first.name == "أول" and second.name == "articles-2"
    document = project.documents.get(first.id)
    assert document.text == "سطر أول\nسطر، ثانٍ"
    assert document.meta == {"source": "الوطن", "date": "2017-09-30"}


def test_windows_1256_files_import_with_the_named_encoding(project, tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("قوات سورية الديمقراطية في دير الزور".encode("cp1256"))
    with pytest.raises(InputError, match=r"old.txt, line 1: cannot be read as utf-8: byte 0x"):
        import_files(project, [path])
    import_files(project, [path], encoding="cp1256")
    assert project.documents.get(1).text == "قوات سورية الديمقراطية في دير الزور"


def test_the_same_article_again_adds_a_second_layer_not_a_second_document(project, tmp_path):
    text = "«قسد» تسيطر على حقول الجفرة"
    a = write_jsonl(tmp_path / "a.jsonl", [{"text": text, "label": [[0, 5, "ACTOR"]]}])
    b = write_jsonl(
        tmp_path / "b.jsonl", [{"text": text, "label": [[1, 4, "ACTOR"], [16, 27, "LOCATION"]]}]
    )
    import_files(project, [a], annotator="samira")
    report = import_files(project, [b], annotator="omar")
    assert report.documents_added == 0 and report.documents_matched == 1
    assert project.documents.count() == 1
    assert [s.text for s in project.spans.for_document(1, "samira")] == ["«قسد»"]
    assert [s.text for s in project.spans.for_document(1, "omar")] == ["قسد", "حقول الجفرة"]


def test_the_same_text_with_crlf_and_bom_is_the_same_article(project, tmp_path):
    (tmp_path / "lf.txt").write_text("سطر\nآخر", encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes("\ufeffسطر\r\nآخر".encode())
    report = import_files(project, [tmp_path / "lf.txt", tmp_path / "crlf.txt"])
    assert report.documents_added == 1 and report.documents_matched == 1


def test_importing_the_same_file_twice_does_not_duplicate_spans(project, tmp_path):
    path = write_jsonl(tmp_path / "a.jsonl", [{"text": RAW, "label": raw_spans()}])
    import_files(project, [path], annotator="samira")
    report = import_files(project, [path], annotator="samira")
    assert report.spans_added == 0 and report.spans_already_there == len(WORDS)
    assert project.spans.count() == len(WORDS)


def events_by_words(project, document_id=1):
    """(type, trigger words or None, [(role, argument words)…], attributes) of every event."""
    spans = {s.id: s.text for s in project.spans.for_document(document_id)}
    return [
        (
            e.label,
            spans.get(e.trigger),
            [(a.role, spans[a.span]) for a in e.arguments],
            e.attributes,
        )
        for e in project.events.for_document(document_id)
    ]


def test_relations_of_an_event_span_in_the_earlier_shape_make_its_event(project, tmp_path):
    """annotator/1 files, and files written by hand, have no events list: an annotation of an
    event label is one event on it, its links the event's arguments in order."""
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
    assert events_by_words(project) == [
        ("EVENT", "هاجم", [("actor1", "التنظيم"), ("location", "الثردات")], {})
    ]
    assert list(project.relations.iter_all()) == []


def test_an_annotator_1_export_imports_with_its_event_coding_on_the_events(project, tmp_path):
    text = "هاجم التنظيم مواقع الجيش في الثردات"
    coding = {"event_type": "Battles", "sub_event_type": "Armed clash", "fatalities": 2}
    document = {
        "id": 1,
        "name": "attack",
        "text": text,
        "sha256": sha256_text(text),
        "meta": {},
        "status": {"samira": "done"},
        "annotations": [
            {"id": 10, "start": 0, "end": 4, "text": "هاجم", "label": "EVENT",
             "annotator": "samira", "attributes": coding},
            {"id": 11, "start": 5, "end": 12, "text": "التنظيم", "label": "ACTOR",
             "annotator": "samira", "attributes": {"actor_type": "Rebel groups"}},
            {"id": 12, "start": 19, "end": 24, "text": "الجيش", "label": "ACTOR",
             "annotator": "samira", "attributes": {}},
        ],
        "relations": [
            {"id": 1, "from": 10, "to": 11, "role": "actor1", "annotator": "samira"},
            {"id": 2, "from": 10, "to": 12, "role": "actor2", "annotator": "samira"},
        ],
        "comments": [],
    }  # fmt: skip
    path = tmp_path / "old.json"
    path.write_text(
        json.dumps({"format": "annotator/1", "offsets": "codepoints", "project": "p",
                    "labels": [], "documents": [document]}, ensure_ascii=False),
        encoding="utf-8",
    )  # fmt: skip
    report = import_files(project, [path])
    assert report.events_added == 1
    assert events_by_words(project) == [
        ("EVENT", "هاجم", [("actor1", "التنظيم"), ("actor2", "الجيش")], coding)
    ]
    trigger = next(s for s in project.spans.for_document(1) if s.label == "EVENT")
    assert trigger.attributes == {}  # the coding moved to the event
    assert project.progress.get(1, "samira") == "done"


def test_an_annotator_1_file_with_an_events_list_is_refused(project, tmp_path):
    path = tmp_path / "odd.json"
    path.write_text(
        json.dumps({"format": "annotator/1", "documents": [{"text": "نص", "events": []}]}),
        encoding="utf-8",
    )
    before = snapshot(project)
    with pytest.raises(InputError, match=r"odd.json, record 1: has an 'events' list, which "
                       r"annotator/1 files do not have"):  # fmt: skip
        import_files(project, [path])
    assert snapshot(project) == before


def test_a_file_of_a_later_format_is_refused_with_what_is_read(project, tmp_path):
    path = tmp_path / "later.json"
    path.write_text(json.dumps({"format": "annotator/3", "documents": []}), encoding="utf-8")
    with pytest.raises(
        InputError, match=r"format is 'annotator/3'; this version reads 'annotator/1' and "
        r"'annotator/2'"
    ):  # fmt: skip
        import_files(project, [path])


def test_one_span_in_two_roles_of_an_event_is_refused_with_the_reason(project, tmp_path):
    text = "هاجم التنظيم مواقع الجيش في الثردات"
    record = {
        "text": text,
        "annotations": [
            {"id": "e", "start": 0, "end": 4, "label": "EVENT", "annotator": "a"},
            {"id": "x", "start": 5, "end": 12, "label": "ACTOR", "annotator": "a"},
        ],
        "relations": [
            {"from": "e", "to": "x", "role": "actor1"},
            {"from": "e", "to": "x", "role": "actor2"},
        ],
    }
    before = snapshot(project)
    with pytest.raises(InputError) as refused:
        import_files(project, [write_jsonl(tmp_path / "twice.jsonl", [record])])
    assert str(refused.value) == (
        f"{tmp_path / 'twice.jsonl'}, line 1, record 1: event 1 (EVENT): "
        "«التنظيم» already fills "
        "actor1 of this event; one span cannot also be its actor2"
    )
    assert snapshot(project) == before


# -- bad input: a message naming the file, the line or record, and the reason; nothing written


def bad(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


GOOD_LINE = json.dumps({"text": "نص سليم", "label": [[0, 2, "ACTOR"]]}, ensure_ascii=False)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "broken.jsonl",
            GOOD_LINE + '\n{"text": "نص", \n',
            r"broken.jsonl, line 2, record 2: not valid JSON",
        ),
        (
            "undecodable.jsonl",
            GOOD_LINE.encode() + b'\n{"text": "\xff\xfe"}\n',
            r"undecodable.jsonl, line 2: cannot be read as utf-8: byte 0xff at byte \d+",
        ),
        (
            "label.jsonl",
            GOOD_LINE
            + "\n"
            + json.dumps({"text": "نص آخر", "label": [[0, 2, "PERSON"], [3, 6, "WEAPON"]]})
            + "\n",
            r"label.jsonl: labels not in the project's schema: "
            r"PERSON \(first in record 2\), WEAPON",
        ),
        (
            "range.jsonl",
            GOOD_LINE + "\n" + json.dumps({"text": "نص", "label": [[0, 9, "ACTOR"]]}) + "\n",
            r"range.jsonl, line 2, record 2: span 1 \(ACTOR\): "
            r"offsets 0-9 are outside the text \(it has 2 characters\)",
        ),
        (
            "mismatch.jsonl",
            json.dumps(
                {
                    "text": "دير الزور",
                    "annotations": [{"start": 0, "end": 3, "label": "LOCATION", "text": "الزور"}],
                },
                ensure_ascii=False,
            )
            + "\n",
            r"mismatch.jsonl, line 1, record 1: span 1 \(LOCATION\): "
            r"the text at 0-3 is 'دير' but the file says 'الزور'",
        ),
        ("notext.jsonl", '{"name": "x"}\n', r"notext.jsonl, line 1, record 1: has no 'text'"),
        ("array.jsonl", "[1, 2]\n", r"array.jsonl, line 1, record 1: expected a JSON object"),
        (
            "surrogate.jsonl",
            '{"text": "abc \\ud83d def"}\n',
            r"surrogate.jsonl, line 1, record 1: the text has an unpaired surrogate",
        ),
        ("empty.jsonl", '{"text": "   "}\n', r"empty.jsonl, line 1, record 1: the text is empty"),
        ("nocol.csv", "title,body\nx,y\n", r"nocol.csv, line 1: no 'text' column"),
        (
            "fields.csv",
            "name,text\na,b\nc,d,e\n",
            r"fields.csv, line 3, record 2: has 3 fields but the header has 2",
        ),
        (
            "truncated.json",
            '{"format": "annotator/1", "documents": [{"text": "x"',
            r"truncated.json, line 1: not valid JSON",
        ),
    ],
)
def test_bad_input_is_refused_with_its_place_and_leaves_the_project_unchanged(
    project, tmp_path, name, content, message
):
    import_files(project, [write_jsonl(tmp_path / "earlier.jsonl", [{"text": "مقال سابق"}])])
    before = snapshot(project)
    good = bad(tmp_path, "good.txt", "مقال جيد")
    path = bad(tmp_path, name, content)
    with pytest.raises(InputError, match=message):
        import_files(project, [good, path], annotator="samira")
    assert snapshot(project) == before


def test_an_unknown_format_and_a_missing_file_are_clear(project, tmp_path):
    with pytest.raises(InputError, match=r"notes.docx: cannot tell the format"):
        import_files(project, [tmp_path / "notes.docx"])
    with pytest.raises(InputError, match=r"missing.txt: no such file"):
        import_files(project, [tmp_path / "missing.txt"])
    with pytest.raises(InputError, match="unknown encoding"):
        import_files(project, [tmp_path / "missing.txt"], encoding="klingon")


EVENT_TEXT = "هاجم التنظيم مواقع الجيش في الثردات"
EVENT_SPANS = [
    {"id": 1, "start": 0, "end": 4, "label": "EVENT"},
    {"id": 2, "start": 5, "end": 12, "label": "ACTOR"},
    {"id": 3, "start": 28, "end": 35, "label": "LOCATION"},
]


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [{"id": 1, "type": "EVENT", "trigger": 9, "arguments": []}],
            r"event 1 \(EVENT\): its trigger '9' is no span of the record",
        ),
        (
            [
                {
                    "id": 1,
                    "type": "EVENT",
                    "trigger": 1,
                    "arguments": [{"role": "actor1", "span": 7}],
                }
            ],
            r"event 1 \(EVENT\): its actor1 '7' is no span or event of the record",
        ),
        (
            [{"id": 1, "type": "EVENT", "arguments": [{"role": "actor1", "event": 1}]}],
            r"event 1 \(EVENT\): the event cannot be its own actor1",
        ),
        (
            [{"id": 1, "type": "EVENT", "arguments": [{"role": "actor1"}]}],
            r"event 1, argument 1 needs either a 'span' or an 'event' id",
        ),
        (
            [{"id": 1, "type": "ACTOR", "trigger": 2}],
            r"event 1 \(ACTOR\): ACTOR is an actor label, not an event type",
        ),
        (
            [
                {
                    "id": 1,
                    "type": "EVENT",
                    "trigger": 1,
                    "arguments": [{"role": "target", "span": 2}],
                }
            ],
            r"event 1 \(EVENT\): EVENT has no role target \(its roles: actor1, actor2, location\)",
        ),
        (
            [
                {
                    "id": 1,
                    "type": "EVENT",
                    "trigger": 1,
                    "arguments": [{"role": "actor1", "span": 1}],
                }
            ],
            r"event 1 \(EVENT\): «هاجم» is the event's trigger; it cannot be its actor1",
        ),
        ([{"id": 1, "trigger": 1}], r"event 1 has no 'type'"),
        ("none", r"field 'events' must be a list, got text"),
    ],
)
def test_an_event_that_cannot_be_is_refused_with_its_record_and_nothing_changes(
    project, tmp_path, events, message
):
    record = {"text": EVENT_TEXT, "annotations": EVENT_SPANS, "events": events}
    before = snapshot(project)
    with pytest.raises(InputError, match=r"bad-events.jsonl, line 1, record 1: " + message):
        import_files(project, [write_jsonl(tmp_path / "bad-events.jsonl", [record])])
    assert snapshot(project) == before


def test_events_that_are_each_other_s_arguments_are_refused(tmp_path):
    data = load_preset("conflict").to_json()
    for label in data["labels"]:
        if label["id"] == "EVENT":
            label["roles"].append({"name": "cause", "kinds": ["event"]})
    with Project.create(tmp_path / "p", from_json(data)) as project:
        events = [
            {"id": 1, "type": "EVENT", "arguments": [{"role": "cause", "event": 2}]},
            {"id": 2, "type": "EVENT", "arguments": [{"role": "cause", "event": 1}]},
        ]
        record = {"text": EVENT_TEXT, "annotations": EVENT_SPANS, "events": events}
        before = snapshot(project)
        with pytest.raises(InputError, match=r"record 1: events 'event 2' and 'event 1' are each "
                           r"other's arguments"):  # fmt: skip
            import_files(project, [write_jsonl(tmp_path / "loop.jsonl", [record])])
        assert snapshot(project) == before
