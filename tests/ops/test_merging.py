"""Merging a colleague's project or export: layers join with their events, re-merges update,
nothing is lost."""

from __future__ import annotations

import json

import pytest

from annotator.core.errors import AnnotatorError, InputError
from annotator.core.model import GOLD, Argument, Status
from annotator.core.schema import from_json, load_preset
from annotator.ops import discussing, editing, event_editing
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


BATTLE = {"event_type": "Battles", "sub_event_type": "Armed clash"}
SHELLING = {"event_type": "Explosions/Remote violence", "sub_event_type": "Shelling"}
TAKEOVER = {"event_type": "Strategic developments", "sub_event_type": "Other"}


@pytest.fixture
def colleague(tmp_path):
    """Samira's own project: the same article, annotated by her. «هاجم» is the trigger of two
    events (a battle and shelling); a takeover the article implies has no trigger and two
    actor1 arguments, the army first."""
    with Project.create(tmp_path / "samira-project", load_preset("conflict")) as theirs:
        _articles(theirs, tmp_path, TEXT)
        trigger = editing.create_span(theirs, 1, "samira", "EVENT", *at("هاجم"))
        isis = editing.create_span(theirs, 1, "samira", "ACTOR", *at("تنظيم داعش"))
        army = editing.create_span(theirs, 1, "samira", "ACTOR", *at("الجيش"))
        place = editing.create_span(theirs, 1, "samira", "LOCATION", *at("الثردات"))
        event_editing.create_event(
            theirs,
            1,
            "samira",
            "EVENT",
            trigger.id,
            [Argument("actor1", isis.id), Argument("actor2", army.id)],
            BATTLE,
        )
        event_editing.create_event(
            theirs,
            1,
            "samira",
            "EVENT",
            trigger.id,
            [Argument("actor1", isis.id), Argument("location", place.id)],
            SHELLING,
        )
        event_editing.create_event(
            theirs,
            1,
            "samira",
            "EVENT",
            None,
            [Argument("actor1", army.id), Argument("actor1", isis.id)],
            TAKEOVER,
        )
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


def events(project: Project, annotator: str) -> list[tuple]:
    """A layer's events as a reader sees them: type, trigger word, arguments in order (role,
    word) and attributes."""

    def word(span_id: int | None) -> str | None:
        return project.spans.get(span_id).text if span_id is not None else None

    return sorted(
        (
            e.label,
            word(e.trigger) or "",
            tuple((a.role, word(a.span)) for a in e.arguments),
            json.dumps(e.attributes, sort_keys=True),
        )
        for e in project.events.iter_all(annotator)
    )


def test_a_colleagues_layer_joins_ours_with_its_events_and_status(ours, colleague):
    report = merge(ours, colleague.folder / "project.sqlite")
    assert report.documents_matched == 1
    samira = report.layers["samira"]
    assert (samira.spans_added, samira.events_added) == (4, 3)
    assert layer(ours, "samira") == layer(colleague, "samira")
    assert events(ours, "samira") == events(colleague, "samira")
    assert ours.progress.get(1, "samira") == Status.DONE
    merged = ours.events.for_document(1, "samira")
    on_trigger = [e for e in merged if e.trigger is not None]
    assert len(on_trigger) == 2 and on_trigger[0].trigger == on_trigger[1].trigger
    assert ours.spans.get(on_trigger[0].trigger).text == "هاجم"
    assert {e.attributes["sub_event_type"] for e in on_trigger} == {"Armed clash", "Shelling"}
    [takeover] = [e for e in merged if e.trigger is None]
    assert [ours.spans.get(span).text for span in takeover.fillers("actor1")] == [
        "الجيش",
        "تنظيم داعش",
    ]
    assert takeover.attributes == TAKEOVER
    assert "events 3 added, 0 changed, 0 removed" in report.summary_lines("samira")[1]


def test_merging_again_updates_the_layer_and_counts_what_changed(ours, colleague):
    merge(ours, colleague.folder)
    kept = {s.text: s.id for s in ours.spans.iter_all("samira")}
    kept_events = {e.attributes["sub_event_type"]: e.id for e in ours.events.iter_all("samira")}
    spans = {s.text: s for s in colleague.spans.iter_all("samira")}
    theirs = {e.attributes["sub_event_type"]: e for e in colleague.events.iter_all("samira")}
    editing.update_span(
        colleague, spans["تنظيم داعش"].id, "samira", attributes={"actor_type": "Rebel groups"}
    )
    editing.delete_span(colleague, spans["الثردات"].id, "samira")  # shelling loses its place
    editing.create_span(colleague, 1, "samira", "LOCATION", *at("دير الزور"))
    event_editing.update_event(
        colleague, theirs["Armed clash"].id, "samira", attributes={**BATTLE, "fatalities": 3}
    )
    event_editing.delete_event(colleague, theirs["Other"].id, "samira")
    report = merge(ours, colleague.folder)
    samira = report.layers["samira"]
    assert (samira.spans_added, samira.spans_changed, samira.spans_removed) == (1, 1, 1)
    assert (samira.events_added, samira.events_changed, samira.events_removed) == (0, 2, 1)
    assert layer(ours, "samira") == layer(colleague, "samira")
    assert events(ours, "samira") == events(colleague, "samira")
    after = {s.text: s.id for s in ours.spans.iter_all("samira")}
    assert after["تنظيم داعش"] == kept["تنظيم داعش"]  # changed in place, same id
    now = {e.attributes["sub_event_type"]: e.id for e in ours.events.iter_all("samira")}
    assert now == {key: kept_events[key] for key in ("Armed clash", "Shelling")}
    again = merge(ours, colleague.folder)
    assert again.layers["samira"].unchanged == 1
    assert (again.layers["samira"].spans_added, again.layers["samira"].events_added) == (0, 0)
    assert len(layer(ours, "samira")) == 4 and len(events(ours, "samira")) == 2


def test_an_event_moved_to_another_trigger_is_replaced(ours, colleague):
    merge(ours, colleague.folder)
    battle = next(e for e in colleague.events.iter_all("samira") if e.attributes == BATTLE)
    word = editing.create_span(colleague, 1, "samira", "EVENT", *at("نقاط"))
    event_editing.update_event(colleague, battle.id, "samira", trigger=word.id)
    report = merge(ours, colleague.folder)
    assert (report.layers["samira"].events_added, report.layers["samira"].events_removed) == (
        1,
        1,
    )
    assert events(ours, "samira") == events(colleague, "samira")


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


@pytest.mark.parametrize("edit", ["attributes", "arguments", "new event", "deleted event"])
def test_an_event_edited_here_is_not_overwritten_without_saying_so(ours, colleague, edit):
    merge(ours, colleague.folder)
    battle = next(e for e in ours.events.iter_all("samira") if e.attributes == BATTLE)
    if edit == "attributes":
        event_editing.update_event(ours, battle.id, "lead", attributes={**BATTLE, "fatalities": 1})
    elif edit == "arguments":
        event_editing.remove_argument(ours, battle.id, "lead", 1)
    elif edit == "new event":
        event_editing.create_event(ours, 1, "samira", "EVENT", attributes=TAKEOVER)
    else:
        event_editing.delete_event(ours, battle.id, "lead")
    edited = events(ours, "samira")
    editing.create_span(colleague, 1, "samira", "LOCATION", *at("دير الزور"))
    before = snapshot(ours)
    with pytest.raises(MergeConflict, match="--overwrite samira"):
        merge(ours, colleague.folder)
    assert snapshot(ours) == before and events(ours, "samira") == edited
    merge(ours, colleague.folder, overwrite=["samira"])
    assert events(ours, "samira") == events(colleague, "samira")


def test_a_layer_of_events_alone_made_here_is_refused(ours, colleague):
    """A layer "exists" here when it holds only an event with no trigger."""
    event_editing.create_event(ours, 1, "samira", "EVENT", attributes=TAKEOVER)
    with pytest.raises(MergeConflict, match="samira"):
        merge(ours, colleague.folder)


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
    assert len(layer(project, "samira")) == 4
    assert events(project, "samira") == events(colleague, "samira")


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
    gold = editing.create_span(ours, 1, GOLD, "EVENT", *at("هاجم"))
    ours_gold = event_editing.create_event(ours, 1, GOLD, "EVENT", gold.id, attributes=BATTLE)
    place = editing.create_span(colleague, 1, GOLD, "LOCATION", *at("دير الزور"))
    event_editing.create_event(
        colleague, 1, GOLD, "EVENT", None, [Argument("location", place.id)], TAKEOVER
    )
    report = merge(ours, colleague.folder)
    assert (report.gold_left_out, report.gold_events_left_out) == (1, 1)
    assert any("1 spans, 1 events" in note for note in report.notes())
    assert [s.id for s in ours.spans.iter_all(GOLD)] == [gold.id]
    assert list(ours.events.iter_all(GOLD)) == [ours_gold]
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
    assert events(ours, "samira") == events(colleague, "samira")
    assert report.layers["samira"].events_added == 3
    assert (report.threads_added, report.comments_added) == (1, 2)
    [merged] = discussing.threads(ours, 1)
    assert ours.spans.get(merged.span_id).text == "تنظيم داعش"
    assert [c.body for c in merged.comments] == ["داعش أم تنظيم داعش؟", "الاسم الكامل"]
    again = merge(ours, out)
    assert (again.threads_added, again.comments_added) == (0, 0)
    assert again.layers["samira"].unchanged == 1


def test_a_json_export_and_its_project_merge_alike(ours, colleague, tmp_path):
    out = tmp_path / "samira.json"
    export(colleague, "json", out)
    merge(ours, out)
    assert events(ours, "samira") == events(colleague, "samira")
    again = merge(ours, colleague.folder)  # the same layer, from the project: nothing to do
    assert again.layers["samira"].unchanged == 1


def test_an_annotator_1_file_merges_each_event_span_as_its_event(ours, tmp_path):
    """Before events were records, an event was its span: attributes on it, role links from
    it to its arguments, in the order they were made."""

    def annotation(key: int, word: str, label: str, attributes: dict) -> dict:
        start, end = at(word)
        return {"id": key, "start": start, "end": end, "label": label, "annotator": "omar",
                "attributes": attributes}  # fmt: skip

    annotations = [
        annotation(1, "هاجم", "EVENT", BATTLE),
        annotation(2, "الجيش", "ACTOR", {}),
        annotation(3, "تنظيم داعش", "ACTOR", {}),
    ]
    relations = [
        {"from": 1, "to": 2, "role": "actor1"},
        {"from": 1, "to": 3, "role": "actor1"},
    ]
    document = {"text": TEXT, "annotations": annotations, "relations": relations}
    out = tmp_path / "omar.json"
    out.write_text(
        json.dumps({"format": "annotator/1", "documents": [document]}, ensure_ascii=False),
        encoding="utf-8",
    )
    report = merge(ours, out)
    assert report.layers["omar"].events_added == 1
    assert report.layers["omar"].relations_added == 0
    assert events(ours, "omar") == [
        (
            "EVENT",
            "هاجم",
            (("actor1", "الجيش"), ("actor1", "تنظيم داعش")),
            json.dumps(BATTLE, sort_keys=True),
        )
    ]
    assert ours.spans.for_document(1, "omar")[0].attributes == {}  # they went to the event
    assert merge(ours, out).layers["omar"].unchanged == 1


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


def test_an_event_naming_no_annotation_leaves_the_project_as_it_was(ours, colleague, tmp_path):
    out = tmp_path / "samira.jsonl"
    export(colleague, "jsonl", out, "samira")
    document = json.loads(out.read_text(encoding="utf-8"))
    document["events"][-1]["arguments"].append({"role": "actor2", "span": 999})
    broken = tmp_path / "broken.jsonl"
    broken.write_text(json.dumps(document, ensure_ascii=False) + "\n", encoding="utf-8")
    before = snapshot(ours)
    with pytest.raises(InputError, match=r"broken.jsonl, line 1.*'999' is no span or event"):
        merge(ours, broken)
    assert snapshot(ours) == before


def test_a_project_cannot_be_merged_into_itself(ours):
    with pytest.raises(AnnotatorError, match="itself"):
        merge(ours, ours.folder)
