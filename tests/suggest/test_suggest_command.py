"""annotator suggest on real projects: ANERCorp sentences imported through the CoNLL reader,
suggestions written as JSONL or into a layer, evaluation, and bad input told plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from annotator.cli import main
from annotator.core.schema import load_preset
from annotator.ops import editing, suggest_verdicts, suggesting
from annotator.ops.backing_up import backups_of
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import corpus_file

SENTENCES = 120  # of ANERCorp's test part: six documents of twenty sentences
PER_DOCUMENT = 20


def anercorp_slice(folder: Path) -> Path:
    """The first sentences of ANERCorp as a CoNLL file with a document every twenty."""
    sentences = corpus_file("anercorp", "ANERCorp_CamelLab_test.txt").read_text("utf-8")
    chunks = sentences.split("\n\n")[:SENTENCES]
    path = folder / "anercorp.conll"
    with path.open("w", encoding="utf-8") as out:
        for index, chunk in enumerate(chunks):
            if index % PER_DOCUMENT == 0:
                out.write("-DOCSTART- O\n\n")
            out.write(chunk.strip("\n") + "\n\n")
    return path


@pytest.fixture
def learned(tmp_path: Path) -> Path:
    """A project whose layer «amal» annotated four documents; two more are not annotated."""
    folder = tmp_path / "news"
    with Project.create(folder, load_preset("ner")) as project:
        import_files(
            project, [anercorp_slice(tmp_path)], "conll", "amal", label_map={"PERS": "PER"}
        )
        documents = list(project.documents.iter_all())
        with project.write():
            for document in documents[-2:]:
                for span in project.spans.for_document(document.id, "amal"):
                    project.spans.delete(span.id)
    return folder


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(arg) for arg in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_suggestions_for_unannotated_documents_go_to_jsonl(capsys, learned, tmp_path):
    out = tmp_path / "suggested.jsonl"
    code, said, _ = run(capsys, "suggest", learned, "--learn-from", "amal", "--out", out)
    assert code == 0, said
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(lines) == 2  # the two documents amal left
    suggestions = [s for line in lines for s in line["suggestions"]]
    assert {s["recommender"] for s in suggestions} == {"dictionary", "crf"}
    for line in lines:
        for s in line["suggestions"]:
            assert line["text"][s["start"] : s["end"]] == s["text"]
            assert s["label"] in ("PER", "ORG", "LOC", "MISC")
            assert 0 <= s["score"] <= 1
    assert "suggestions" in said and str(out) in said


def test_suggestions_written_into_a_layer_after_a_backup(capsys, learned):
    code, said, err = run(
        capsys, "suggest", learned, "--learn-from", "amal", "--into", "amal-suggested",
        "--recommender", "crf",
    )  # fmt: skip
    assert code == 0, err
    assert "written into «amal-suggested»" in said
    with Project.open(learned) as project:
        spans = list(project.spans.iter_all("amal-suggested"))
        assert spans
        for span in spans:
            assert project.documents.get(span.document_id).text[span.start : span.end] == span.text
    assert backups_of(learned)  # made before the change


def test_evaluation_prints_scores_per_label_and_a_learning_curve(capsys, learned):
    code, said, err = run(
        capsys, "suggest", learned, "--learn-from", "amal", "--evaluate", "--folds", "3"
    )
    assert code == 0, err
    assert "cross-validated over 3 folds" in said
    for label in ("PER", "ORG", "LOC", "MISC"):
        assert f"  {label} " in said
    assert "learning curve" in said and "dictionary" in said and "crf" in said


def test_crf_suggestions_beat_chance_on_held_out_documents(learned):
    with Project.open(learned) as project:
        evaluation = suggesting.evaluate(project, "amal", which="crf", folds=2)
    overall = evaluation.scores["crf"].overall()
    assert overall.marked > 100 and overall.precision > 0.4


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--learn-from", "nobody", "--out", "x.jsonl"], "has no layer «nobody»"),
        (["--learn-from", "amal", "--into", "gold"], "only by adjudication"),
        (["--learn-from", "amal", "--into", "amal"], "a layer of their own"),
    ],
)
def test_bad_requests_are_refused_plainly(capsys, learned, tmp_path, args, says):
    args = [str(tmp_path / a) if a.endswith(".jsonl") else a for a in args]
    code, _, err = run(capsys, "suggest", learned, *args)
    assert code == 1 and says in err and "Traceback" not in err


def one_span_project(tmp_path) -> Path:
    """A project whose only layer, amal's, holds one span: too few to learn from."""
    folder = tmp_path / "small"
    with Project.create(folder, load_preset("ner")) as project:
        path = tmp_path / "one.jsonl"
        path.write_text(
            json.dumps({"text": "زار الوزير حلب", "label": [[11, 14, "LOC"]]}) + "\n", "utf-8"
        )
        import_files(project, [path], "jsonl", "amal")
    return folder


def test_too_few_spans_to_learn_from(capsys, tmp_path):
    folder = one_span_project(tmp_path)
    code, _, err = run(
        capsys, "suggest", folder, "--learn-from", "amal", "--recommender", "crf",
        "--out", tmp_path / "x.jsonl",
    )  # fmt: skip
    assert code == 1 and "holds 1 span in 1 document;" in err and "at least" in err
    assert err.rstrip().endswith("suggest with the dictionary alone (--recommender dictionary)")
    code, _, _ = run(
        capsys, "suggest", folder, "--learn-from", "amal", "--recommender", "dictionary",
        "--documents", "all", "--out", tmp_path / "x.jsonl",
    )  # fmt: skip
    assert code == 0
    (line,) = [json.loads(x) for x in (tmp_path / "x.jsonl").read_text("utf-8").splitlines()]
    assert [s["text"] for s in line["suggestions"]] == ["حلب"]


def test_labels_missing_from_the_schema_are_named(capsys, tmp_path):
    folder = tmp_path / "odd"
    with Project.create(folder, load_preset("ner")) as project:
        path = tmp_path / "odd.jsonl"
        path.write_text(
            json.dumps({"text": "زار الوزير حلب", "label": [[11, 14, "CITY"]]}) + "\n", "utf-8"
        )
        import_files(project, [path], "jsonl", "amal", add_labels=True)
        schema = project.schema
        with project.write():
            project.set_schema(schema.with_labels(tuple(schema.labels[:4])))
    code, _, err = run(capsys, "suggest", folder, "--learn-from", "amal", "--evaluate")
    assert code == 1 and "CITY (1)" in err and "schema lacks" in err


def test_names_from_a_list_and_a_geonames_file_are_suggested(capsys, tmp_path):
    folder = tmp_path / "places"
    with Project.create(folder, load_preset("ner")) as project:
        path = tmp_path / "text.jsonl"
        path.write_text(json.dumps({"text": "وصل الوفد إلى بدير الزور ثم لبيروت"}) + "\n", "utf-8")
        import_files(project, [path], "jsonl", "amal")
    listed = tmp_path / "names.tsv"
    listed.write_text("دير الزور\tLOC\n", "utf-8")
    out = tmp_path / "x.jsonl"
    code, _, err = run(
        capsys, "suggest", folder, "--learn-from", "all", "--recommender", "dictionary",
        "--names", listed, "--documents", "all", "--out", out,
    )  # fmt: skip
    assert code == 0, err
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [(s["text"], s["label"]) for s in line["suggestions"]] == [("دير الزور", "LOC")]
    geonames = tmp_path / "LB.txt"
    fields = ["276781", "Beirut", "Beirut", "Bayrut,بيروت", "33.89", "35.49", "P", "PPLC", "LB"]
    geonames.write_text("\t".join(fields + [""] * 10) + "\n", "utf-8")
    code, _, err = run(
        capsys, "suggest", folder, "--learn-from", "all", "--recommender", "dictionary",
        "--names", geonames, "--documents", "all", "--out", out,
    )  # fmt: skip
    assert code == 0, err
    (line,) = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert [(s["text"], s["label"]) for s in line["suggestions"]] == [("بيروت", "LOC")]
    wrong = tmp_path / "wrong.tsv"
    wrong.write_text("بيروت\tCITY\n", "utf-8")
    code, _, err = run(
        capsys, "suggest", folder, "--learn-from", "all", "--recommender", "dictionary",
        "--names", wrong, "--out", out,
    )  # fmt: skip
    assert code == 1 and "line 1" in err and "CITY" in err


def test_the_dictionary_with_nothing_to_find_says_so_and_what_to_give_it(capsys, tmp_path):
    folder = tmp_path / "bare"
    with Project.create(folder, load_preset("ner")) as project:
        path = tmp_path / "one.jsonl"
        path.write_text(json.dumps({"text": "زار الوزير حلب"}) + "\n", "utf-8")
        import_files(project, [path], "jsonl", "amal")
    code, _, err = run(
        capsys, "suggest", folder, "--learn-from", "all", "--recommender", "dictionary",
        "--out", tmp_path / "x.jsonl",
    )  # fmt: skip
    assert code == 1 and "holds 0 spans in 0 documents" in err
    assert "nothing to find" in err and "--names FILE" in err
    assert "dictionary alone" not in err


def test_too_few_spans_is_told_without_the_command_lines_words_where_the_window_shows_it(
    tmp_path,
):
    refusal = pytest.raises(suggesting.SuggestError)
    with Project.open(one_span_project(tmp_path)) as project, refusal as refused:
        suggest_verdicts.train(project, "amal", "crf", "amal")
    assert "dictionary alone" in str(refused.value)
    assert "--" not in str(refused.value) and "command line" not in str(refused.value)


def test_into_refuses_a_layer_holding_an_annotators_work_but_not_one_made_for_suggestions(
    capsys, learned
):
    with Project.open(learned) as project:
        document = next(iter(project.documents.iter_all()))
        editing.create_span(project, document.id, "omar", "LOC", 0, 3, by="omar")
    args = ["suggest", learned, "--learn-from", "amal", "--recommender", "dictionary"]
    code, _, err = run(capsys, *args, "--into", "omar")
    assert code == 1 and "«omar» already holds 1 span" in err and "(--into omar-suggested)" in err
    with Project.open(learned) as project:
        assert project.spans.count("omar") == 1  # untouched
    code, said, err = run(capsys, *args, "--into", "omar-suggested")  # a new layer
    assert code == 0, err
    with Project.open(learned) as project:
        written = project.spans.count("omar-suggested")
    assert written and f"{written} spans written" in said
    code, said, err = run(capsys, *args, "--documents", "all", "--into", "omar-suggested")
    assert code == 0, err  # made for suggestions: more may go in
    with Project.open(learned) as project:
        more = project.spans.count("omar-suggested")
        assert more > written
    code, said, err = run(
        capsys, "suggest", learned, "--learn-from", "all", "--recommender", "dictionary",
        "--documents", "all", "--into", "omar-suggested",
    )  # fmt: skip
    assert code == 0, err  # every layer is learned from, but not the suggestions' own
    with Project.open(learned) as project:
        kept = project.spans.count("omar-suggested")
        assert suggesting.learn_from(project, "all").spans == project.spans.count() - kept
