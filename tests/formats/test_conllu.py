"""CoNLL-U export: entities as ``NER=`` tags in MISC, checked with the ``conllu`` package."""

import conllu
import pytest

from annotator.core.errors import InputError
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from tests.conftest import write_jsonl

TEXT = "قصف 😀 على «دير الزور» ليلاً.\nوقتل 3 مدنيين في حلب"


def annotated(project, tmp_path, spans):
    record = {"text": TEXT, "label": spans}
    import_files(project, [write_jsonl(tmp_path / "in.jsonl", [record])], annotator="samira")


def places(spans):
    return [[TEXT.index(word), TEXT.index(word) + len(word), label] for word, label in spans]


def test_conllu_reads_our_file_with_tags_in_misc_and_the_text_rebuilt(project, tmp_path):
    annotated(project, tmp_path, places([("دير الزور", "LOCATION"), ("حلب", "LOCATION"),
                                         ("مدنيين", "ACTOR")]))  # fmt: skip
    export(project, "conllu", tmp_path / "out.conllu", "samira")
    sentences = conllu.parse((tmp_path / "out.conllu").read_text("utf-8"))
    assert len(sentences) == 2
    tagged = [
        (t["form"], t["misc"]["NER"]) for s in sentences for t in s if t["misc"]["NER"] != "O"
    ]
    assert tagged == [("دير", "B-LOCATION"), ("الزور", "I-LOCATION"),
                      ("مدنيين", "B-ACTOR"), ("حلب", "B-LOCATION")]  # fmt: skip
    for sentence in sentences:
        rebuilt = "".join(
            t["form"] + ("" if (t["misc"] or {}).get("SpaceAfter") == "No" else " ")
            for t in sentence
        ).rstrip(" ")
        assert rebuilt == sentence.metadata["text"]
        assert rebuilt in TEXT
    assert sentences[0].metadata["newdoc id"]
    assert any(t["form"] == "😀" for t in sentences[0])
    assert all(len(line.split("\t")) == 10 for line in
               (tmp_path / "out.conllu").read_text("utf-8").splitlines()
               if line and not line.startswith("#"))  # fmt: skip


def test_bioes_on_request_and_overlaps_are_misfits(project, tmp_path):
    annotated(project, tmp_path, places([("دير الزور", "LOCATION"), ("حلب", "LOCATION")]))
    export(project, "conllu", tmp_path / "b.conllu", "samira", {"scheme": "bioes"})
    tags = [t["misc"]["NER"] for s in conllu.parse((tmp_path / "b.conllu").read_text("utf-8"))
            for t in s]  # fmt: skip
    assert [t for t in tags if t != "O"] == ["B-LOCATION", "E-LOCATION", "S-LOCATION"]
    start = TEXT.index("دير")
    import_files(
        project,
        [
            write_jsonl(
                tmp_path / "o.jsonl", [{"text": TEXT, "label": [[start, start + 3, "ACTOR"]]}]
            )
        ],
        annotator="samira",
    )
    with pytest.raises(InputError, match="one tag per token"):
        export(project, "conllu", tmp_path / "o.conllu", "samira")
    assert not (tmp_path / "o.conllu").exists()
    report = export(project, "conllu", tmp_path / "d.conllu", "samira", {"drop_unaligned": True})
    assert any("one tag per token" in note for note in report.notes)
