"""Hugging Face token classification: rows, class labels, the card, Parquet, spans kept."""

import json
import re

import pytest

from annotator.core.errors import InputError
from annotator.core.tagging import decode
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import corpus_file, write_jsonl
from tests.formats.corpora import labelled_project, types_of

CLASS = re.compile(r"^ {10}'(\d+)': (\".*\")$")


def class_names(folder):
    """The class labels the card's YAML header gives, in id order."""
    names = {}
    for line in (folder / "README.md").read_text("utf-8").split("---")[1].splitlines():
        match = CLASS.match(line)
        if match:
            names[int(match.group(1))] = json.loads(match.group(2))
    return [names[i] for i in range(len(names))]


def read_rows(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def spans_of_rows(rows, names, texts):
    """(document text, span text, label) decoded from the tags and offsets of the rows."""
    found = []
    for row in rows:
        tags = [names[n] for n in row["ner_tags"]]
        text = texts[row["sha256"]]
        for span in decode([tags]).spans:
            start, end = row["offsets"][span.start][0], row["offsets"][span.end - 1][1]
            found.append((row["sha256"], text[start:end], span.label))
    return sorted(found)


# A text with what breaks offsets elsewhere: emoji (one, a ZWJ family, a flag), tatweel,
# diacritics, bidi marks and isolates, digits, Latin.
TEXT = (
    "😀 قال المتحدث 👨\u200d👩\u200d👧 إن الجيـــش استعاد مُبَادَرَة\u200f في دير الزور "
    "وقتل 2359 مسلحاً من \u2066ISIS\u2069 🇸🇾 قرب مدينة الميادين.\nالنهاية"
)
SPANS = [
    ("الجيـــش", "ACTOR"),
    ("مُبَادَرَة", "EVENT"),
    ("دير الزور", "LOCATION"),
    ("2359 مسلحاً", "EVENT"),
    ("ISIS", "ACTOR"),
    ("الميادين", "LOCATION"),
]


def our_json(path):
    annotations = []
    for words, label in SPANS:
        start = TEXT.index(words)
        annotations.append({"start": start, "end": start + len(words), "label": label})
    document = {"text": TEXT, "name": "مقال", "annotations": annotations}
    path.write_text(json.dumps({"documents": [document]}, ensure_ascii=False), encoding="utf-8")
    return path


def test_our_json_with_emoji_exports_to_hf_tokens_that_keep_every_span(project, tmp_path):
    import_files(project, [our_json(tmp_path / "in.json")], annotator="samira")
    out = tmp_path / "dataset"
    export(project, "hf", out)
    assert sorted(p.name for p in out.iterdir()) == ["README.md", "data.jsonl"]
    names = class_names(out)
    assert names[0] == "O" and names[1:3] == ["B-ACTOR", "I-ACTOR"] and len(names) == 7
    (row,) = read_rows(out / "data.jsonl")
    (document,) = project.documents.iter_all()
    assert row["sha256"] == document.sha256 and row["document"] == "مقال"
    assert row["tokens"][:4] == ["😀", "قال", "المتحدث", "👨\u200d👩\u200d👧"]
    assert "🇸🇾" in row["tokens"] and "\u2066" not in "".join(row["tokens"])
    for token, (start, end) in zip(row["tokens"], row["offsets"], strict=True):
        assert document.text[start:end] == token
    got = spans_of_rows([row], names, {document.sha256: document.text})
    assert got == sorted((document.sha256, words, label) for words, label in SPANS)


def test_anercorp_as_a_dataset_with_counts_per_label_in_the_card(tmp_path):
    source = corpus_file("anercorp", "ANERCorp_CamelLab_test.txt")
    project = labelled_project(tmp_path / "p", types_of(source))
    import_files(project, [source], "conll", annotator="ali")
    out = tmp_path / "aner"
    export(project, "hf", out, options={"sentences": True})
    rows = read_rows(out / "data.jsonl")
    assert sum(len(row["tokens"]) for row in rows) == 25008
    card = (out / "README.md").read_text("utf-8")
    for label, count in (("PERS", 907), ("LOC", 676), ("ORG", 459), ("MISC", 243)):
        assert f"| {label} | {count} | {count} |" in card
    assert f"| *rows* | {len(rows)} | {len(rows)} |" in card
    assert "code points" in card and "SHA-256" in card and "line breaks and . ! ? ؟" in card
    names = class_names(out)
    (document,) = project.documents.iter_all()
    got = spans_of_rows(rows, names, {document.sha256: document.text})
    expected = sorted((document.sha256, s.text, s.label) for s in project.spans.iter_all())
    assert got == expected


def test_nested_spans_do_not_fit_one_tag_per_token_and_the_card_says_what_was_left_out(
    tmp_path,
):
    source = corpus_file("wojood-sample", "val.txt")
    project = labelled_project(tmp_path / "p", types_of(source))
    import_files(project, [source], "conll", annotator="ali")
    out = tmp_path / "wojood"
    with pytest.raises(InputError, match="this format has one tag per token") as caught:
        export(project, "hf", out)
    assert "nothing was written" in str(caught.value) and not out.exists()
    report = export(project, "hf", out, options={"drop_unaligned": True})
    left_out = [note for note in report.notes if note.startswith("left out: ")]
    assert left_out and f"{len(left_out)} spans did not fit" in (out / "README.md").read_text(
        "utf-8"
    )
    rows = read_rows(out / "data.jsonl")
    assert sum(1 for row in rows for tag in row["ner_tags"] if class_names(out)[tag][0] == "B") == (
        470 - len(left_out)
    )


def test_a_split_writes_one_file_per_part_and_the_card_counts_each(project, tmp_path):
    records = [{"text": f"خبر رقم {n} من دير الزور", "name": f"n{n}"} for n in range(10)]
    import_files(project, [write_jsonl(tmp_path / "news.jsonl", records)], annotator="samira")
    out = tmp_path / "split"
    report = export(project, "hf", out, split="train=0.8,dev=0.1,test=0.1", seed=5)
    assert report.parts == {"train": 8, "dev": 1, "test": 1}
    files = sorted(p.name for p in out.iterdir())
    assert files == ["README.md", "dev.jsonl", "test.jsonl", "train.jsonl"]
    counts = {part: len(read_rows(out / f"{part}.jsonl")) for part in ("train", "dev", "test")}
    assert counts == {"train": 8, "dev": 1, "test": 1}
    card = (out / "README.md").read_text("utf-8")
    assert '  - split: "dev"\n    path: "dev.jsonl"' in card
    assert "train=0.8, dev=0.1, test=0.1 (seed 5)" in card
    with pytest.raises(InputError, match="letters, digits and _ only, not 'dev-set'"):
        export(project, "hf", tmp_path / "bad", split="train=0.9,dev-set=0.1")


def test_bioes_tags_give_four_classes_a_label(project, tmp_path):
    import_files(project, [our_json(tmp_path / "in.json")], annotator="samira")
    out = tmp_path / "bioes"
    export(project, "hf", out, options={"scheme": "bioes"})
    names = class_names(out)
    assert names[:5] == ["O", "B-ACTOR", "I-ACTOR", "E-ACTOR", "S-ACTOR"]
    (row,) = read_rows(out / "data.jsonl")
    (document,) = project.documents.iter_all()
    got = spans_of_rows([row], names, {document.sha256: document.text})
    assert got == sorted((document.sha256, words, label) for words, label in SPANS)


@pytest.fixture(name="pyarrow")
def pyarrow_parquet():
    """pyarrow's Parquet reader; without the extra only the Parquet tests are skipped."""
    return pytest.importorskip(
        "pyarrow.parquet", reason="pyarrow is not installed: pip install '.[parquet]'"
    )


def test_parquet_holds_the_same_rows_as_jsonl(project, tmp_path, pyarrow):
    import_files(project, [our_json(tmp_path / "in.json")], annotator="samira")
    records = [{"text": f"خبر {n} عن حلب"} for n in range(2500)]
    import_files(project, [write_jsonl(tmp_path / "many.jsonl", records)], annotator="samira")
    export(project, "hf", tmp_path / "jsonl")
    export(project, "hf", tmp_path / "parquet", options={"parquet": True})
    table = pyarrow.read_table(tmp_path / "parquet" / "data.parquet")
    assert table.column_names == ["id", "document", "sha256", "tokens", "ner_tags", "offsets"]
    assert table.to_pylist() == read_rows(tmp_path / "jsonl" / "data.jsonl")
    assert '    path: "data.parquet"' in (tmp_path / "parquet" / "README.md").read_text("utf-8")
