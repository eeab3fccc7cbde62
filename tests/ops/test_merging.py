"""Merging a colleague's project or export: layers join, re-merges update, nothing is lost."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import GOLD, Status
from annotator.core.schema import from_json, load_preset
from annotator.ops import discussing, editing
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.ops.merging import MergeConflict, merge
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات بريف دير الزور 😀 أمس"
OTHER = "قصفت طائرات حربية مدينة الميادين"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


def _articles(project: Project, tmp_path, *texts: str) -> None:
    records = [{"text": text, "name": f"مقال {n}"} for n, text in enumerate(texts, 1)]
    import_files(project, [write_jsonl(tmp_path / f"{project.folder.name}.jsonl", records)])


@pytest.fixture
def colleague(tmp_path):
    """Samira's own project: the same article, annotated by her."""
    with Project.create(tmp_path / "samira-project", load_preset("conflict")) as theirs:
        _articles(theirs, tmp_path, TEXT)
        event = editing.create_span(
            theirs,
            1,
            "samira",
            "EVENT",
            *at("هاجم"),
            {"event_type": "Battles", "sub_event_type": "Armed clash"},
        )
        actor = editing.create_span(theirs, 1, "samira", "ACTOR", *at("تنظيم داعش"))
        place = editing.create_span(theirs, 1, "samira", "LOCATION", *at("الثردات"))
        editing.link(theirs, event.id, actor.id, "actor1", "samira")
        editing.link(theirs, event.id, place.id, "location", "samira")
        editing.set_status(theirs, 1, "samira", Status.DONE)
        yield theirs


@pytest.fixture
def ours(project, tmp_path):
    _articles(project, tmp_path, TEXT)
    return project


def layer(project: Project, annotator: str) -> list[tuple]:
    return sorted(
        (s.start, s.end, s.label, json.dumps(s.attributes, sort_keys=True))
        for s in project.spans.iter_all(annotator)
    )


def test_a_colleagues_layer_joins_ours_with_links_and_status(ours, colleague):
    report = merge(ours, colleague.folder / "project.sqlite")
    assert report.documents_matched == 1
    assert report.layers["samira"].spans_added == 3
    assert report.layers["samira"].relations_added == 2
    assert layer(ours, "samira") == layer(colleague, "samira")
    assert ours.progress.get(1, "samira") == Status.DONE
    roles = {(r.role, ours.spans.get(r.target).text) for r in ours.relations.for_document(1)}
    assert roles == {("actor1", "تنظيم داعش"), ("location", "الثردات")}


def test_merging_again_updates_the_layer_and_counts_what_changed(ours, colleague):
    merge(ours, colleague.folder)
    kept = {s.text: s.id for s in ours.spans.iter_all("samira")}
    spans = {s.text: s for s in colleague.spans.iter_all("samira")}
    editing.update_span(
        colleague, spans["تنظيم داعش"].id, "samira", attributes={"actor_type": "Rebel groups"}
    )
    editing.delete_span(colleague, spans["الثردات"].id, "samira")
    editing.create_span(colleague, 1, "samira", "LOCATION", *at("دير الزور"))
    report = merge(ours, colleague.folder)
    samira = report.layers["samira"]
    assert (samira.spans_added, samira.spans_changed, samira.spans_removed) == (1, 1, 1)
    assert samira.relations_removed == 1  # the location link went with its span
    assert layer(ours, "samira") == layer(colleague, "samira")
    after = {s.text: s.id for s in ours.spans.iter_all("samira")}
    assert after["تنظيم داعش"] == kept["تنظيم داعش"]  # changed in place, same id
    again = merge(ours, colleague.folder)
    assert again.layers["samira"].unchanged == 1
    assert again.layers["samira"].spans_added == 0
    assert len(layer(ours, "samira")) == 3


def test_a_layer_edited_here_is_not_overwritten_without_saying_so(ours, colleague):
    merge(ours, colleague.folder)
    mine = next(s for s in ours.spans.iter_all("samira") if s.label == "ACTOR")
    editing.update_span(ours, mine.id, "lead", attributes={"actor_type": "Civilians"})
    editing.create_span(colleague, 1, "samira", "LOCATION", *at("دير الزور"))
    before = snapshot(ours)
    with pytest.raises(MergeConflict, match=r"samira's layer .* «مقال 1».*--overwrite samira"):
        merge(ours, colleague.folder)
    assert snapshot(ours) == before
    report = merge(ours, colleague.folder, overwrite=["samira"])
    assert report.layers["samira"].overwritten == ["مقال 1"]
    assert any("edited here" in note for note in report.notes())
    assert layer(ours, "samira") == layer(colleague, "samira")


def test_the_same_annotator_name_in_both_places_is_refused(ours, colleague):
    editing.create_span(ours, 1, "samira", "ACTOR", *at("الجيش"))
    before = snapshot(ours)
    with pytest.raises(MergeConflict, match="samira"):
        merge(ours, colleague.folder)
    assert snapshot(ours) == before
    report = merge(ours, colleague.folder, annotators=["omar"])
    assert report.layers == {} and "samira" in report.layers_left_out


def test_documents_not_here_are_reported_or_added(project, colleague, tmp_path):
    _articles(project, tmp_path, OTHER)
    report = merge(project, colleague.folder)
    assert report.documents_missing == ["مقال 1"]
    assert any("--add-documents" in problem for problem in report.problems())
    assert project.spans.count() == 0
    report = merge(project, colleague.folder, add_documents=True)
    assert report.documents_added == 1
    assert project.documents.count() == 2
    assert len(layer(project, "samira")) == 3


def test_labels_this_schema_lacks_are_reported_and_strict_refuses(ours, tmp_path):
    schema = load_preset("conflict")
    extended = from_json(
        {**schema.to_json(), "labels": [*schema.to_json()["labels"], {"id": "WEAPON"}]}
    )
    with Project.create(tmp_path / "omar-project", extended) as theirs:
        _articles(theirs, tmp_path, TEXT)
        editing.create_span(theirs, 1, "omar", "WEAPON", *at("😀"))
        editing.create_span(theirs, 1, "omar", "ACTOR", *at("الجيش"))
        before = snapshot(ours)
        with pytest.raises(MergeConflict, match=r"WEAPON \(1\).*--strict"):
            merge(ours, theirs.folder, strict=True)
        assert snapshot(ours) == before
        report = merge(ours, theirs.folder)
    assert dict(report.unmatched.labels) == {"WEAPON": 1}
    assert any("WEAPON (1)" in problem for problem in report.problems())
    assert layer(ours, "omar") == [(*at("الجيش"), "ACTOR", "{}")]


def test_gold_is_never_overwritten_by_a_merge(ours, colleague):
    gold = editing.create_span(ours, 1, GOLD, "ACTOR", *at("الجيش"))
    editing.create_span(colleague, 1, GOLD, "LOCATION", *at("دير الزور"))
    report = merge(ours, colleague.folder)
    assert report.gold_left_out == 1
    assert [s.id for s in ours.spans.iter_all(GOLD)] == [gold.id]
    with pytest.raises(AnnotatorError, match="gold"):
        merge(ours, colleague.folder, overwrite=[GOLD])


def test_an_export_file_merges_like_the_project_with_its_threads(ours, colleague, tmp_path):
    actor = next(s for s in colleague.spans.iter_all("samira") if s.label == "ACTOR")
    thread = discussing.start_thread(colleague, 1, "samira", "داعش أم تنظيم داعش؟", actor.id)
    discussing.reply(colleague, thread.id, "omar", "الاسم الكامل")
    out = tmp_path / "samira.jsonl"
    export(colleague, "jsonl", out, "samira")
    report = merge(ours, out)
    assert layer(ours, "samira") == layer(colleague, "samira")
    assert (report.threads_added, report.comments_added) == (1, 2)
    [merged] = discussing.threads(ours, 1)
    assert ours.spans.get(merged.span_id).text == "تنظيم داعش"
    assert [c.body for c in merged.comments] == ["داعش أم تنظيم داعش؟", "الاسم الكامل"]
    again = merge(ours, out)
    assert (again.threads_added, again.comments_added) == (0, 0)


def test_a_broken_file_leaves_the_project_as_it_was(ours, colleague, tmp_path):
    out = tmp_path / "samira.jsonl"
    export(colleague, "jsonl", out, "samira")
    good = out.read_text(encoding="utf-8")
    broken = tmp_path / "broken.jsonl"
    broken.write_text(good + '{"text": "نص", "annotations": [\n', encoding="utf-8")
    before = snapshot(ours)
    with pytest.raises(InputError, match=r"broken.jsonl, line 2"):
        merge(ours, broken)
    assert snapshot(ours) == before


def test_a_project_cannot_be_merged_into_itself(ours):
    with pytest.raises(AnnotatorError, match="itself"):
        merge(ours, ours.folder)
