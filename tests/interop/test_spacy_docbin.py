"""Our spaCy DocBin, read by spaCy itself."""

from __future__ import annotations

import json

import pytest

from annotator.ops.exporting import export
from annotator.ops.importing import import_files

spacy = pytest.importorskip("spacy", reason="spaCy is not installed: pip install -e '.[test]'")

ZWNJ = "\u200c"


def test_a_span_beside_a_zero_width_non_joiner_fits_the_tokens(project, tmp_path):
    """docs/tokenisation.md: a ZWNJ at a word's edge lies between tokens, so a span that
    leaves it out is whole tokens in CoNLL, Hugging Face and the DocBin."""
    text = f"قصف الجيش{ZWNJ} مدينة الميادين{ZWNJ}."
    start = text.index("الجيش")
    place = text.index("الميادين")
    spans = [[start, start + 5, "ACTOR"], [place, place + 8, "LOCATION"]]
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"text": text, "label": spans}, ensure_ascii=False), "utf-8")
    import_files(project, [source], annotator="samira")
    for fmt, out in (("conll", "a.conll"), ("hf", "hf")):
        report = export(project, fmt, tmp_path / out)
        assert report.spans == 2 and not report.left_out, (fmt, report.notes)
    export(project, "spacy", tmp_path / "a.spacy", options={"docbin": True})
    bin_ = spacy.tokens.DocBin().from_disk(tmp_path / "a.spacy")
    (doc,) = bin_.get_docs(spacy.blank("ar").vocab)
    assert [(s.text, s.label_) for s in doc.spans["sc"]] == [
        ("الجيش", "ACTOR"),
        ("الميادين", "LOCATION"),
    ]


def test_spacy_v2_json_is_explained_and_spacy_convert_makes_what_we_read(project, tmp_path):
    from spacy.cli.convert import convert

    from annotator.core.errors import InputError
    from tests.conftest import corpus_file, snapshot

    source = corpus_file("spacy-prodigy", "spacy", "ner-token-per-line.json")
    before = snapshot(project)
    for fmt in ("json", "spacy"):
        with pytest.raises(InputError, match=r"spaCy v2.s training JSON.*spacy convert") as error:
            import_files(project, [source], fmt, annotator="ali")
        assert str(source) in str(error.value)
    assert snapshot(project) == before
    convert(source, tmp_path, file_type="spacy", converter="json")
    report = import_files(
        project, [tmp_path / f"{source.stem}.spacy"], "spacy", annotator="ali", add_labels=True
    )
    assert report.spans_added > 0
