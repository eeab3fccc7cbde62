"""Most uncertain first, on a real project: the learned model measures the documents the
annotator has not annotated, a page at a time, into a cache beside the project; the order
puts first the document it is torn about (a name its layer labelled one way half the time
and another way the other half); scores are kept until the model changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import Cancelled
from annotator.core.schema import load_preset
from annotator.ops import editing, suggest_uncertainty, suggest_verdicts
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl
from tests.suggest.sentences import reports

TORN = "وصل الوفد إلى الشام."  # «الشام» is LOC in half the layer's documents, ORG in the rest
SURE = "قصفت قوات الجيش مدينة حلب صباح اليوم."
PLAIN = "عاد الهدوء إلى المنطقة بعد أيام."


def records(plain: int = 3) -> list[dict]:
    found = reports(4, repeat=2)
    for n, report in enumerate(found):  # each ends with «الشام», coded one way or the other
        start = len(report["text"]) + TORN.index("الشام")
        report["text"] += TORN + "\n"
        report["label"].append([start, start + len("الشام"), "LOC" if n % 2 else "ORG"])
    found.append({"name": "sure", "text": SURE})
    found += [{"name": f"plain {n}", "text": f"{PLAIN} ({n})"} for n in range(plain)]
    found.append({"name": "torn", "text": TORN})
    return found


def make(tmp_path: Path, plain: int = 3) -> Path:
    folder = tmp_path / "news"
    with Project.create(folder, load_preset("ner")) as project:
        import_files(
            project, [write_jsonl(tmp_path / "in.jsonl", records(plain))], "jsonl", "samira"
        )
    return folder


def names(project: Project, ids: list[int]) -> list[str]:
    return [project.documents.name(i) for i in ids]


def test_the_document_the_model_is_torn_about_comes_first_and_annotated_ones_not_at_all(
    tmp_path,
):
    with Project.open(make(tmp_path)) as project:
        model = suggest_verdicts.train(project, "samira", "all", "samira")
        crf = suggest_uncertainty.scorer(model.recommenders)
        key = crf.fingerprint()
        before = names(project, suggest_uncertainty.order(project, key, "samira"))
        assert before == ["sure", "plain 0", "plain 1", "plain 2", "torn"]  # import order
        assert suggest_uncertainty.measure(project, crf.copy(), "samira") == 5
        ordered = names(project, suggest_uncertainty.order(project, key, "samira"))
        assert ordered[0] == "torn" and sorted(ordered) == sorted(before)
        ids = suggest_uncertainty.order(project, key, "samira")
        scores = [score for _name, score in suggest_uncertainty.rows(project, key, ids).values()]
        assert all(0 <= score <= 1 for score in scores)
        assert suggest_uncertainty.measure(project, crf.copy(), "samira") == 0  # kept
        assert (project.folder / "cache" / "uncertainty.sqlite").is_file()  # beside it
        torn = next(d for d in project.documents.iter_all() if d.name == "torn")
        at = TORN.index("الشام")
        editing.create_span(project, torn.id, "samira", "LOC", at, at + 5, by="samira")
        assert "torn" not in names(project, suggest_uncertainty.order(project, key, "samira"))
        again = suggest_uncertainty.scorer(
            suggest_verdicts.train(project, "samira", "crf", "samira").recommenders
        )
        assert again.fingerprint() != key  # trained on one more span: measured anew
        assert suggest_uncertainty.measure(project, again.copy(), "samira") == 4


def test_measuring_goes_a_page_at_a_time_and_a_cancelled_run_keeps_its_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(suggest_uncertainty, "PAGE", 2)
    with Project.open(make(tmp_path, plain=5)) as project:
        crf = suggest_uncertainty.scorer(
            suggest_verdicts.train(project, "samira", "crf", "samira").recommenders
        )
        reports: list[tuple[int, int | None]] = []

        def progress(done: int, total: int | None) -> None:
            reports.append((done, total))
            if done == 4:
                raise Cancelled()

        with pytest.raises(Cancelled):
            suggest_uncertainty.measure(project, crf.copy(), "samira", progress)
        assert reports == [(0, 7), (2, 7), (4, 7)]
        assert suggest_uncertainty.measure(project, crf.copy(), "samira") == 3
