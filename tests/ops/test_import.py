"""Importing articles: formats, normalisation, offsets, the same article twice."""

import json
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.ops.importing import import_files
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


def test_relations_in_our_shape_join_the_right_spans(project, tmp_path):
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
    spans = {s.id: s.text for s in project.spans.for_document(1)}
    links = {(spans[r.source], r.role, spans[r.target]) for r in project.relations.for_document(1)}
    assert links == {("هاجم", "actor1", "التنظيم"), ("هاجم", "location", "الثردات")}


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
        f"{tmp_path / 'twice.jsonl'}, line 1, record 1: relation 2 (actor2): "
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
