"""Edits as the window makes them: each on disk at once, each undoable, each in the audit trail."""

import pytest

from annotator.core.model import Status
from annotator.ops import editing, event_editing
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import write_jsonl

TEXT = "هاجم تنظيم داعش نقاط الجيش في منطقة الثردات 😀 أمس"


@pytest.fixture
def document(project, tmp_path):
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])
    return 1


def at(word):
    start = TEXT.index(word)
    return start, start + len(word)


def test_a_created_span_is_on_disk_before_the_call_returns(project, document):
    span = editing.create_span(project, document, "samira", "ACTOR", *at("تنظيم داعش"))
    with Project.open(project.folder) as other:  # a second connection sees it at once
        assert other.spans.get(span.id).text == "تنظيم داعش"
    assert project.progress.get(document, "samira") == Status.IN_PROGRESS


def test_spans_are_trimmed_of_surrounding_white_space(project, document):
    start, end = at(" الثردات ")
    span = editing.create_span(project, document, "samira", "LOCATION", start, end)
    assert span.text == "الثردات"
    with pytest.raises(editing.EditError, match="white space"):
        editing.create_span(project, document, "samira", "LOCATION", start, start + 1)


def test_an_edge_moved_onto_another_span_of_its_label_is_refused_and_nothing_changes(
    project, document
):
    whole = editing.create_span(project, document, "samira", "ACTOR", *at("تنظيم داعش"))
    part = editing.create_span(project, document, "samira", "ACTOR", *at("تنظيم"))
    other = editing.create_span(project, document, "omar", "ACTOR", *at("تنظيم"))
    place = editing.create_span(project, document, "samira", "LOCATION", *at("داعش"))
    with pytest.raises(editing.EditError, match="«تنظيم داعش» is already marked"):
        editing.resize_span(project, part.id, "samira", *at("تنظيم داعش"))
    assert project.spans.get(part.id) == part
    # another layer's span, or one of another label, over the same words is no twin
    moved = editing.resize_span(project, place.id, "samira", *at("تنظيم داعش"))
    assert (moved.text, project.spans.get(other.id)) == ("تنظيم داعش", other)
    again = editing.resize_span(project, whole.id, "samira", *at("تنظيم داعش"))
    assert again.text == "تنظيم داعش"  # onto itself: not a twin


def test_every_edit_leaves_an_audit_entry(project, document):
    span = editing.create_span(project, document, "samira", "ACTOR", *at("تنظيم داعش"))
    editing.update_span(project, span.id, "samira", label="LOCATION")
    editing.update_span(project, span.id, "samira", attributes={"place_type": "village"})
    editing.delete_span(project, span.id, "samira")
    entries = project.audit.for_span(span.id)
    assert [e.action for e in entries] == ["create", "update", "update", "delete"]
    assert entries[1].before == {"label": "ACTOR"} and entries[1].after == {"label": "LOCATION"}
    assert all(e.annotator == "samira" for e in entries)


def test_required_attributes_left_empty_are_listed(project, document):
    trigger = editing.create_span(project, document, "samira", "EVENT", *at("هاجم"))
    event = event_editing.create_event(project, document, "samira", "EVENT", trigger.id)
    problems = editing.missing_required(project, document, "samira")
    assert problems == [
        "EVENT «هاجم»: 'event_type' is required",
        "EVENT «هاجم»: 'sub_event_type' is required",
    ]
    event_editing.update_event(
        project,
        event.id,
        "samira",
        attributes={"event_type": "Battles", "sub_event_type": "Armed clash"},
    )
    assert editing.missing_required(project, document, "samira") == []


def test_status_can_be_set_and_put_back(project, document):
    previous = editing.set_status(project, document, "samira", Status.DONE)
    assert previous is None
    assert project.documents.summary(document, "samira").status == Status.DONE
    editing.restore_status(project, document, "samira", previous)
    assert project.documents.summary(document, "samira").status == Status.NEW


def test_offsets_after_an_emoji_are_code_points(project, document):
    span = editing.create_span(project, document, "samira", "EVENT", *at("أمس"))
    assert span.text == "أمس" and span.start == TEXT.index("أمس")
