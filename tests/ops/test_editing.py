"""Edits as the window makes them: each on disk at once, each undoable, each in the audit trail."""

import pytest

from annotator.core.model import Status
from annotator.core.schema import from_json, load_preset
from annotator.ops import editing
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl

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


def test_delete_and_restore_bring_back_the_span_and_its_links(project, document):
    event = editing.create_span(project, document, "samira", "EVENT", *at("هاجم"))
    actor = editing.create_span(project, document, "samira", "ACTOR", *at("تنظيم داعش"))
    place = editing.create_span(project, document, "samira", "LOCATION", *at("الثردات"))
    editing.link(project, event.id, actor.id, "actor1", "samira")
    editing.link(project, event.id, place.id, "location", "samira")
    deleted = editing.delete_span(project, event.id, "samira")
    assert project.spans.get(event.id) is None
    assert project.relations.for_document(document) == []
    editing.restore_span(project, deleted, "samira")
    assert project.spans.get(event.id) == event
    assert {(r.role, r.target) for r in project.relations.for_document(document)} == {
        ("actor1", actor.id),
        ("location", place.id),
    }


def test_links_follow_the_roles_of_the_schema(project, document):
    event = editing.create_span(project, document, "samira", "EVENT", *at("هاجم"))
    actor = editing.create_span(project, document, "samira", "ACTOR", *at("تنظيم داعش"))
    place = editing.create_span(project, document, "samira", "LOCATION", *at("الثردات"))
    other_place = editing.create_span(project, document, "samira", "LOCATION", *at("منطقة"))
    with pytest.raises(editing.EditError, match="takes location spans, not ACTOR"):
        editing.link(project, event.id, actor.id, "location", "samira")
    with pytest.raises(editing.EditError, match="no role 'victim'"):
        editing.link(project, event.id, actor.id, "victim", "samira")
    editing.link(project, event.id, place.id, "location", "samira")
    with pytest.raises(editing.EditError, match="already has its location"):
        editing.link(project, event.id, other_place.id, "location", "samira")
    omar = editing.create_span(project, document, "omar", "ACTOR", *at("الجيش"))
    with pytest.raises(editing.EditError, match="one layer"):
        editing.link(project, event.id, omar.id, "actor2", "samira")


def test_one_span_cannot_fill_two_roles_of_one_event(project, document):
    event = editing.create_span(project, document, "samira", "EVENT", *at("هاجم"))
    isis = editing.create_span(project, document, "samira", "ACTOR", *at("تنظيم داعش"))
    army = editing.create_span(project, document, "samira", "ACTOR", *at("الجيش"))
    editing.link(project, event.id, isis.id, "actor1", "samira")
    before = snapshot(project)
    with pytest.raises(editing.EditError) as refused:
        editing.link(project, event.id, isis.id, "actor2", "samira")
    assert str(refused.value) == (
        "«تنظيم داعش» already fills actor1 of this event; one span cannot also be its actor2"
    )
    assert snapshot(project) == before
    editing.link(project, event.id, army.id, "actor2", "samira")
    again = editing.link(project, event.id, isis.id, "actor1", "samira")  # the same link: kept
    assert {(r.role, r.target) for r in project.relations.for_document(document)} == {
        ("actor1", isis.id),
        ("actor2", army.id),
    }
    assert again.target == isis.id
    other = editing.create_span(project, document, "samira", "EVENT", *at("نقاط"))
    editing.link(project, other.id, isis.id, "actor2", "samira")  # another event: any role


def test_a_schema_can_let_one_span_fill_several_roles(tmp_path):
    data = load_preset("conflict").to_json()
    data["labels"][2]["share_fillers"] = True
    with Project.create(tmp_path / "p", from_json(data)) as project:
        import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])
        event = editing.create_span(project, 1, "samira", "EVENT", *at("هاجم"))
        isis = editing.create_span(project, 1, "samira", "ACTOR", *at("تنظيم داعش"))
        editing.link(project, event.id, isis.id, "actor1", "samira")
        editing.link(project, event.id, isis.id, "actor2", "samira")
        roles = sorted(r.role for r in project.relations.for_document(1))
        assert roles == ["actor1", "actor2"]


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
    event = editing.create_span(project, document, "samira", "EVENT", *at("هاجم"))
    problems = editing.missing_required(project, document, "samira")
    assert any("event_type" in p for p in problems)
    editing.update_span(
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
