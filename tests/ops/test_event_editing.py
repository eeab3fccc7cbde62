"""Events as records, edited as a coder edits them: several on one word, one with no word,
arguments in order, each edit on disk at once and undoable."""

from __future__ import annotations

import pytest

from annotator.core.model import Argument
from annotator.core.schema import from_json, load_preset
from annotator.ops import editing, event_editing
from annotator.ops.editing import EditError
from annotator.ops.importing import import_files
from annotator.store.project import Project
from tests.conftest import snapshot, write_jsonl

TEXT = "اندلعت اشتباكات عنيفة بين الجيش و«جبهة الأحرار» في الثردات والميادين أمس 😀"


def at(word: str) -> tuple[int, int]:
    start = TEXT.index(word)
    return start, start + len(word)


@pytest.fixture
def marked(project, tmp_path):
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])

    def mark(label: str, word: str, annotator: str = "samira"):
        return editing.create_span(project, 1, annotator, label, *at(word))

    return {
        "clash": mark("EVENT", "اشتباكات"),
        "army": mark("ACTOR", "الجيش"),
        "front": mark("ACTOR", "جبهة الأحرار"),
        "thardat": mark("LOCATION", "الثردات"),
        "mayadin": mark("LOCATION", "الميادين"),
        "omar_army": mark("ACTOR", "الجيش", "omar"),
    }


def arguments(*pairs):
    return tuple(Argument(role, span.id) for role, span in pairs)


def test_two_events_on_one_word_one_per_place(project, marked):
    """ACLED codes one event per place and day: «اشتباكات … في الثردات والميادين» is two."""
    clash, army, front = marked["clash"], marked["army"], marked["front"]
    coding = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    made = [
        event_editing.create_event(
            project,
            1,
            "samira",
            "EVENT",
            clash.id,
            arguments(("actor1", army), ("actor2", front), ("location", marked[place])),
            coding,
        )
        for place in ("thardat", "mayadin")
    ]
    with Project.open(project.folder) as other:  # on disk at once
        events = other.events.on_trigger(clash.id)
        assert [e.id for e in events] == [e.id for e in made]
        places = [other.spans.get(e.fillers("location")[0]).text for e in events]
        assert places == ["الثردات", "الميادين"]
        assert all(e.attributes == coding for e in events)
        assert [a.role for a in events[0].arguments] == ["actor1", "actor2", "location"]


def test_an_event_with_no_trigger_word(project, marked):
    event = event_editing.create_event(
        project, 1, "samira", "EVENT", None, arguments(("location", marked["thardat"]))
    )
    assert event.trigger is None
    assert project.events.for_document(1, "samira") == [event]
    entry = list(project.audit.iter_all())[-1]
    assert entry.action == "event create" and entry.after["trigger"] is None


def test_the_rules_refuse_a_wrong_event_and_leave_the_project_as_it_was(project, marked):
    clash, army, thardat = marked["clash"], marked["army"], marked["thardat"]
    before = snapshot(project)
    refusals = {
        "the role location of EVENT takes location spans, not ACTOR «الجيش»": arguments(
            ("location", army)
        ),
        "EVENT has no role victim (its roles: actor1, actor2, location)": arguments(
            ("victim", army)
        ),
        "EVENT has one location; «الميادين» would be a second": arguments(
            ("location", thardat), ("location", marked["mayadin"])
        ),
        "«الجيش» already fills actor1 of this event; one span cannot also be its actor2": (
            arguments(("actor1", army), ("actor2", army))
        ),
        "«اشتباكات» is the event's trigger; it cannot be its actor1": arguments(("actor1", clash)),
        "«الجيش» is in another document or layer than the event": arguments(
            ("actor1", marked["omar_army"])
        ),
    }
    for reason, given in refusals.items():
        with pytest.raises(EditError) as refused:
            event_editing.create_event(project, 1, "samira", "EVENT", clash.id, given)
        assert str(refused.value) == reason
    with pytest.raises(EditError, match="ACTOR is an actor label, not an event type"):
        event_editing.create_event(project, 1, "samira", "ACTOR", None)
    assert snapshot(project) == before


def test_arguments_are_set_in_order_and_several_per_role_where_the_schema_says(project, marked):
    army, front = marked["army"], marked["front"]
    event = event_editing.create_event(project, 1, "samira", "EVENT", marked["clash"].id)
    event = event_editing.add_argument(project, event.id, "samira", "actor1", front.id)
    event = event_editing.add_argument(project, event.id, "samira", "actor1", army.id)  # many
    assert event.fillers("actor1") == [front.id, army.id]
    event = event_editing.remove_argument(project, event.id, "samira", 0)
    assert event.fillers("actor1") == [army.id]


def test_deleting_a_trigger_takes_its_events_and_undo_brings_them_back(project, marked):
    clash, army, thardat = marked["clash"], marked["army"], marked["thardat"]
    first = event_editing.create_event(
        project, 1, "samira", "EVENT", clash.id, arguments(("actor1", army)), {"fatalities": 4}
    )
    second = event_editing.create_event(
        project, 1, "samira", "EVENT", clash.id, arguments(("location", thardat))
    )
    deleted = editing.delete_span(project, clash.id, "samira")
    assert project.events.for_document(1) == []
    editing.restore_span(project, deleted, "samira")
    assert project.events.for_document(1) == [first, second]


def test_deleting_an_argument_takes_it_out_of_its_event_and_undo_puts_it_back(project, marked):
    army, front = marked["army"], marked["front"]
    event = event_editing.create_event(
        project, 1, "samira", "EVENT", None, arguments(("actor1", army), ("actor2", front))
    )
    deleted = editing.delete_span(project, army.id, "samira")
    assert project.events.get(event.id).arguments == (Argument("actor2", front.id),)
    editing.restore_span(project, deleted, "samira")
    assert project.events.get(event.id) == event


def test_a_deleted_event_comes_back_under_its_own_id(project, marked):
    event = event_editing.create_event(
        project, 1, "samira", "EVENT", marked["clash"].id, arguments(("actor1", marked["army"]))
    )
    gone = event_editing.delete_event(project, event.id, "samira")
    assert project.events.get(event.id) is None
    assert event_editing.restore_event(project, gone, "samira") == event
    actions = [e.action for e in project.audit.iter_all()][-3:]
    assert actions == ["event create", "event delete", "event restore"]


def test_changing_an_events_type_or_attributes_is_checked_and_audited(project, marked):
    event = event_editing.create_event(project, 1, "samira", "EVENT", marked["clash"].id)
    event = event_editing.update_event(
        project, event.id, "lina", attributes={"event_type": "Battles"}
    )
    assert event.attributes == {"event_type": "Battles"}
    entry = list(project.audit.iter_all())[-1]
    assert (entry.annotator, entry.action) == ("lina", "event update")
    assert entry.before == {"event": event.id, "attributes": {}}
    with pytest.raises(EditError, match="not an event type"):
        event_editing.update_event(project, event.id, "lina", label="LOCATION")


def test_link_gives_the_one_event_on_a_word_its_argument_or_asks_which(project, marked):
    clash, army = marked["clash"], marked["army"]
    event = event_editing.link(project, clash.id, army.id, "actor1", "samira")  # made on the way
    assert event.trigger == clash.id and event.fillers("actor1") == [army.id]
    event_editing.create_event(project, 1, "samira", "EVENT", clash.id)
    with pytest.raises(EditError, match="«اشتباكات» is the trigger of 2 events"):
        event_editing.link(project, clash.id, marked["front"].id, "actor2", "samira")


def test_a_schema_can_let_one_span_fill_several_roles(tmp_path):
    data = load_preset("conflict").to_json()
    data["labels"][2]["share_fillers"] = True
    with Project.create(tmp_path / "p", from_json(data)) as project:
        import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"text": TEXT}])])
        army = editing.create_span(project, 1, "samira", "ACTOR", *at("الجيش"))
        event = event_editing.create_event(
            project, 1, "samira", "EVENT", None, arguments(("actor1", army), ("actor2", army))
        )
        assert [a.role for a in event.arguments] == ["actor1", "actor2"]
