"""spaCy JSONL and DocBin: real tweets with emoji, nested Wojood spans, bad input."""

import json
import re
import sys

import pytest

from annotator.core.errors import InputError
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, snapshot
from tests.formats.corpora import labelled_project, span_set, types_of

EVENTS = ("jordan_floods_2018", "beirut_explosion_2020", "kuwait_floods_2018")
ASTRAL = re.compile(r"[\U00010000-\U0010FFFF]")


def tweets():
    """IDRISI's tweets with their location mentions (code points, verified by the corpus)."""
    found = []
    for event in EVENTS:
        path = corpus_file("idrisi-r-ar", "gold-random-json", event, "dev.jsonl")
        for line in path.read_text("utf-8").splitlines():
            tweet = json.loads(line)
            mentions = [(m["startIdx"], m["endIdx"], m["type"]) for m in tweet["location_mentions"]]
            found.append((tweet["text"], mentions))
    return found


def spacy_jsonl(path, records, newline="\n", key="spans"):
    lines = [
        json.dumps(
            {"text": text, key: [{"start": s, "end": e, "label": label} for s, e, label in spans]},
            ensure_ascii=False,
        )
        for text, spans in records
    ]
    path.write_text(newline.join(lines) + newline, encoding="utf-8", newline="")
    return path


def exported_spans(path, key="spans"):
    """(text, start, end, label, span text) of every span an export wrote."""
    found = []
    for line in path.read_text("utf-8").splitlines():
        record = json.loads(line)
        for span in record[key]:
            assert record["text"][span["start"] : span["end"]] == span["text"]
            found.append((record["text"], span["start"], span["end"], span["label"], span["text"]))
    return sorted(found)


def test_real_tweets_with_emoji_round_trip_through_spacy_jsonl(tmp_path):
    records = tweets()
    after_astral = sum(1 for text, spans in records for s, _, _ in spans if ASTRAL.search(text[:s]))
    assert after_astral > 0  # spans after an emoji: where UTF-16 offsets would drift
    labels = {label for _, spans in records for _, _, label in spans}
    source = spacy_jsonl(tmp_path / "tweets.jsonl", records)
    project = labelled_project(tmp_path / "p", labels)
    report = import_files(project, [source], "spacy", annotator="ali")
    given = sum(len(spans) for _, spans in records)
    assert report.spans_added + report.spans_already_there == given  # 8 listed twice
    out = tmp_path / "out.jsonl"
    export(project, "spacy", out)
    expected = {(text, s, e, label, text[s:e]) for text, spans in records for s, e, label in spans}
    assert exported_spans(out) == sorted(expected)


def marked(text, spans):
    """The text with a line break (CRLF) before each link, an RLM before every word and a
    BOM; spans moved along."""
    out, moved, position = ["\ufeff"], {}, 1
    for index, char in enumerate(text):
        moved[index] = position
        if char == " " and text.startswith("http", index + 1):
            out.append("\r\n")
            position += 2
            continue
        if not char.isspace() and (index == 0 or text[index - 1].isspace()):
            out.append("\u200f")
            position += 1
            moved[index] = position
        out.append(char)
        position += 1
    moved[len(text)] = position
    return "".join(out), [(moved[s], moved[e], label) for s, e, label in spans]


def test_a_variant_with_bom_crlf_and_direction_marks_keeps_every_span(tmp_path):
    records = [marked(text, spans) for text, spans in tweets() if " http" in text][:40]
    assert len(records) == 40
    labels = {label for _, spans in records for _, _, label in spans}
    source = spacy_jsonl(tmp_path / "marked.jsonl", records, newline="\r\n")
    project = labelled_project(tmp_path / "p", labels)
    import_files(project, [source], "spacy", annotator="ali")
    out = tmp_path / "out.jsonl"
    export(project, "spacy", out)
    stored = sorted(
        (t.removeprefix("\ufeff").replace("\r\n", "\n"), t[s:e].replace("\r\n", "\n"), label)
        for t, spans in records
        for s, e, label in spans
    )
    assert sorted((t, span, label) for t, _, _, label, span in exported_spans(out)) == stored
    assert all("\u200f" in t and "\r" not in t for t, *_ in exported_spans(out))


def test_ents_hold_no_overlaps_and_say_which_spans_were_left_out(tmp_path):
    text = "قصف بدير الزور أمس"
    start = text.index("بدير الزور")
    source = spacy_jsonl(
        tmp_path / "n.jsonl", [(text, [(start, start + 10, "LOC"), (start + 5, start + 10, "LOC")])]
    )
    project = labelled_project(tmp_path / "p", {"LOC"})
    import_files(project, [source], "spacy", annotator="ali")
    out = tmp_path / "out.jsonl"
    export(project, "spacy", out)
    assert [span for *_, span in exported_spans(out)] == ["بدير الزور", "الزور"]
    with pytest.raises(InputError, match="overlaps span 1 LOC «بدير الزور» \\('ents' cannot"):
        export(project, "spacy", out, options={"ents": True})
    report = export(project, "spacy", out, options={"ents": True, "drop_unaligned": True})
    assert [span for *_, span in exported_spans(out, "ents")] == ["بدير الزور"]
    assert len(report.notes) == 1 and "«الزور»" in report.notes[0]


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ('{"text": "حلب", "spans": []}\n{"text": "x", "spans": [', 2, "not valid JSON"),
        ('{"text": "حلب", "spans": [{"start": 0, "end": 3}]}\n', 1, "needs 'start', 'end'"),
        ('{"spans": []}\n', 1, "expected an object with 'text'"),
        ('{"text": "حلب", "spans": [{"start": 0, "end": 9, "label": "LOC"}]}\n', 1, "outside"),
        ('\n\n{"text": "حلب", "ents": [{"start": 0, "end": 3, "label": "PER"}]}\n', None, "PER"),
    ],
)
def test_bad_spacy_jsonl_is_refused_and_the_project_is_unchanged(tmp_path, content, line, message):
    project = labelled_project(tmp_path / "p", {"LOC"})
    before = snapshot(project)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        import_files(project, [bad], "spacy", annotator="ali")
    assert caught.value.file == str(bad) and caught.value.line == line
    assert snapshot(project) == before


def test_without_spacy_the_docbin_says_how_to_get_it(tmp_path, monkeypatch, project):
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(InputError, match=r"pip install 'annotator\[spacy\]'"):
        export(project, "spacy", tmp_path / "out.spacy")
    assert not (tmp_path / "out.spacy").exists()


@pytest.fixture(name="spacy")
def spacy_module():
    """spaCy itself, for the DocBin tests; without the extra only these tests are skipped."""
    return pytest.importorskip("spacy", reason="spaCy is not installed: pip install '.[spacy]'")


def test_nested_wojood_spans_round_trip_through_a_docbin_that_spacy_reads(tmp_path, spacy):
    source = corpus_file("wojood-sample", "val.txt")
    project = labelled_project(tmp_path / "p", types_of(source))
    import_files(project, [source], "conll", annotator="ali")
    out = tmp_path / "val.spacy"
    export(project, "spacy", out)
    (doc,) = spacy.tokens.DocBin().from_disk(out).get_docs(spacy.blank("ar").vocab)
    (document,) = project.documents.iter_all()
    assert doc.text == document.text
    assert len(doc.spans["sc"]) == 470 and 0 < len(doc.ents) < 470
    assert len(list(doc.sents)) == 158  # the corpus's sentences
    assert [t.text for t in doc if not t.is_space] == document.text.split()
    copy = labelled_project(tmp_path / "copy", types_of(source))
    import_files(copy, [out], "spacy", annotator="ali")
    assert span_set(copy) == span_set(project)
    (again,) = copy.documents.iter_all()
    assert again.meta == {"tokenised": True} and again.name == document.name


def test_a_docbin_of_real_tweets_keeps_spans_after_emoji_and_splits_into_a_folder(tmp_path, spacy):
    records = tweets()
    labels = {label for _, spans in records for _, _, label in spans}
    project = labelled_project(tmp_path / "p", labels)
    import_files(project, [spacy_jsonl(tmp_path / "t.jsonl", records)], "spacy", annotator="ali")
    out = tmp_path / "docbins"
    report = export(
        project,
        "spacy",
        out,
        options={"docbin": True, "drop_unaligned": True},
        split="train=0.8,dev=0.2",
        seed=3,
    )
    assert sorted(p.name for p in out.iterdir()) == ["dev.spacy", "train.spacy"]
    vocab = spacy.blank("ar").vocab
    docs = [
        doc
        for part in ("train", "dev")
        for doc in spacy.tokens.DocBin().from_disk(out / f"{part}.spacy").get_docs(vocab)
    ]
    assert len(docs) == report.documents == len({text for text, _ in records})
    written = sorted(
        (d.text, s.start_char, s.end_char, s.label_) for d in docs for s in d.spans["sc"]
    )
    left_out = sum(1 for note in report.notes if note.startswith("left out: "))
    assert left_out == 11  # e.g. «الكويت» inside «الكويتية», «بيروت» inside «ببيروت»
    expected = {(t, s, e, label) for t, spans in records for s, e, label in spans}
    assert len(written) == len(expected) - left_out
    assert set(written) <= set(expected)
    assert any(ASTRAL.search(text[:start]) for text, start, _, _ in written)


def test_a_file_that_is_not_a_docbin_is_refused(tmp_path, project, spacy):
    bad = tmp_path / "bad.spacy"
    bad.write_bytes(b"not a docbin")
    before = snapshot(project)
    with pytest.raises(InputError, match="not a spaCy DocBin file"):
        import_files(project, [bad], "spacy")
    assert snapshot(project) == before
