"""What rejecting a suggestion teaches, on real projects: a name rejected with a label is not
suggested with it again, in any document, by any recommender, until the annotator accepts or
marks it; the dictionary offers its next label instead; the learned model takes the rejected
words as words outside any name when it is trained again; and the command line heeds the
rejections of the layer it learns from."""

from __future__ import annotations

import json
from pathlib import Path

from annotator.cli import main
from annotator.core.schema import load_preset
from annotator.core.suggestions import suggestion
from annotator.ops import editing, suggest_verdicts
from annotator.ops.importing import import_files
from annotator.ops.suggest_rejections import evidence
from annotator.store.project import Project
from tests.conftest import write_jsonl
from tests.suggest.sentences import record, reports

UNSEEN = {
    "first": "وصلت قوات الجيش إلى حلب ثم دمشق.",
    "second": "عاد الهدوء إلى حلب ودمشق بعد أيام.",
    "third": "زار الوفد حلب وحمص.",
}


def make(tmp_path: Path, records: list[dict]) -> Path:
    folder = tmp_path / "news"
    records = records + [{"name": name, "text": text} for name, text in UNSEEN.items()]
    with Project.create(folder, load_preset("ner")) as project:
        import_files(project, [write_jsonl(tmp_path / "in.jsonl", records)], annotator="samira")
    return folder


def document(project: Project, name: str):
    (found,) = [d for d in project.documents.iter_all() if d.name == name]
    return found


def offered(project: Project, model, name: str) -> list[tuple[str, str]]:
    text = document(project, name).text
    ruled_out = suggest_verdicts.vetoes(project, "samira")
    return [(s.text, s.label) for s in suggest_verdicts.suggested(model, text, ruled_out)]


def reject(project: Project, model, name: str, words: str) -> None:
    shown = document(project, name)
    (found,) = [s for s in suggest_verdicts.suggested(model, shown.text) if s.text == words]
    suggest_verdicts.reject(project, shown.id, "samira", found)


def test_a_name_rejected_once_is_suggested_nowhere_until_accepted_or_marked(tmp_path):
    with Project.open(make(tmp_path, reports(4))) as project:
        model = suggest_verdicts.train(project, "samira", "dictionary", "samira")
        assert ("حلب", "LOC") in offered(project, model, "second")
        reject(project, model, "first", "حلب")
        assert ("حلب", "LOC") not in offered(project, model, "second")
        assert ("حلب", "LOC") not in offered(project, model, "third")
        assert ("حمص", "LOC") in offered(project, model, "third")  # only the name rejected
        again = suggest_verdicts.train(project, "samira", "all", "samira")
        assert ("حلب", "LOC") not in offered(project, again, "third")  # by no recommender
        second = document(project, "second")  # the annotator marks it themselves: it is back
        start = second.text.index("حلب")
        editing.create_span(project, second.id, "samira", "LOC", start, start + 3, by="samira")
        assert ("حلب", "LOC") in offered(project, model, "third")


def test_accepting_a_rejected_name_brings_it_back_and_so_does_undoing_the_rejection(tmp_path):
    with Project.open(make(tmp_path, reports(3))) as project:
        model = suggest_verdicts.train(project, "samira", "dictionary", "samira")
        reject(project, model, "first", "حلب")
        assert ("حلب", "LOC") not in offered(project, model, "second")
        third = document(project, "third")  # made by another recommender, accepted
        at = third.text.index("حلب")
        found = suggestion(third.text, at, at + 3, "LOC", "crf", 0.5)
        suggest_verdicts.accept(project, third.id, "samira", [(found, "LOC")], "samira")
        assert ("حلب", "LOC") in offered(project, model, "second")
        reject(project, model, "first", "دمشق")
        assert ("دمشق", "LOC") not in offered(project, model, "second")
        first = document(project, "first")
        (verdict,) = [
            v for v in project.verdicts.for_document(first.id, "samira") if v.text == "دمشق"
        ]
        suggest_verdicts.undo_reject(project, verdict.id)
        assert ("دمشق", "LOC") in offered(project, model, "first")


def test_the_dictionary_offers_a_names_next_label_when_one_is_rejected(tmp_path):
    records = reports(2)
    records.append(record("b", "أعلن الجيش الحرب.\n", [("الجيش", "MISC")]))
    with Project.open(make(tmp_path, records)) as project:
        model = suggest_verdicts.train(project, "samira", "dictionary", "samira")
        assert ("الجيش", "ORG") in offered(project, model, "first")
        reject(project, model, "first", "الجيش")
        assert ("الجيش", "MISC") in offered(project, model, "first")
        assert ("الجيش", "ORG") not in offered(project, model, "first")


def test_rejected_words_are_learned_as_outside_any_name_when_the_model_is_trained_again(
    tmp_path,
):
    with Project.open(make(tmp_path, reports(4, repeat=2))) as project:
        before = suggest_verdicts.train(project, "samira", "crf", "samira")
        first = document(project, "first")

        def sure(model) -> float:
            """How sure the CRF is that «حلب» is a place there (0: not suggested at all)."""
            found = model.recommenders[0].suggest(first.text)
            return max([s.score for s in found if (s.text, s.label) == ("حلب", "LOC")] or [0])

        reject(project, before, "first", "حلب")
        (sentence,) = evidence(project, ["samira"], set())
        assert sentence.text == first.text.strip() and sentence.spans == ()  # all outside
        assert evidence(project, ["samira"], {first.id}) == []  # its layer says what it is
        after = suggest_verdicts.train(project, "samira", "crf", "samira")
        assert after.rejections == 1
        assert sure(before) > 0.5 and sure(after) < sure(before)


def test_the_command_line_heeds_the_rejections_of_the_layer_it_learns_from(tmp_path, capsys):
    folder = make(tmp_path, reports(3))
    with Project.open(folder) as project:
        model = suggest_verdicts.train(project, "samira", "dictionary", "samira")
        reject(project, model, "first", "حلب")
    out = tmp_path / "x.jsonl"
    args = ["suggest", str(folder), "--recommender", "dictionary", "--out", str(out)]
    assert main([*args, "--learn-from", "samira"]) == 0
    lines = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    said = {(s["text"], s["label"]) for line in lines for s in line["suggestions"]}
    assert ("حلب", "LOC") not in said and ("دمشق", "LOC") in said
    capsys.readouterr()
