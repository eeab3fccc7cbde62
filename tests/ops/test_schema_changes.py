"""Changing the schema of a project whose article (our own, tests/fixtures) is already coded.

Every change is checked the way a user would: by reopening the project from disk and looking
at the schema, the spans and the links; every refusal leaves the database exactly as it was.
"""

from __future__ import annotations

import pytest

from annotator.core.errors import SchemaError
from annotator.core.schema import Attribute, Label, Role
from annotator.ops import attribute_changes, role_changes, schema_changes
from annotator.ops.schema_changes import InUseError
from annotator.store.project import Project
from tests.conftest import snapshot
from tests.fixtures.article import coded_article


@pytest.fixture
def coded(project, tmp_path):
    return coded_article(project, tmp_path)


def reopened(project: Project) -> Project:
    """The project as another program sees it on disk."""
    return Project.open(project.folder)


def roles_of(project: Project, document_id: int, annotator: str | None = None) -> list[str]:
    """The roles every event of the document (of one layer, or all) has filled."""
    events = project.events.for_document(document_id, annotator)
    return [argument.role for event in events for argument in event.arguments]


def coding(project: Project, coded, name: str) -> dict:
    """The attributes of the event on the span the plan called ``name``."""
    (event,) = project.events.on_trigger(coded.spans[name].id)
    return event.attributes


def labels_of(project: Project, document_id: int, annotator: str = "samira") -> list[str]:
    return [s.label for s in project.spans.for_document(document_id, annotator)]


def refused(project: Project, change, match: str) -> SchemaError:
    """Run a change that must be refused; the project must be exactly as it was."""
    before = snapshot(project)
    schema = project.schema
    with pytest.raises(SchemaError, match=match) as error:
        change()
    assert snapshot(project) == before
    assert project.schema == schema
    return error.value


# -- labels ----------------------------------------------------------------------------------


def test_renaming_a_label_carries_its_spans_in_every_layer(project, coded):
    change = schema_changes.rename_label(project, "lina", "ACTOR", "ARMED_ACTOR")
    assert change.message == "Renamed label ACTOR to ARMED_ACTOR; 7 spans follow."
    with reopened(project) as other:
        assert other.schema.label("ACTOR") is None
        assert other.schema.label("ARMED_ACTOR").names == {"en": "Actor", "ar": "فاعل"}
        assert other.spans.get(coded.spans["front"].id).label == "ARMED_ACTOR"
        assert other.spans.get(coded.spans["omar_front"].id).label == "ARMED_ACTOR"
        assert other.spans.count_label("ACTOR") == 0
        roles = roles_of(other, coded.document_id, "samira")
        assert len(roles) == 9  # the events' arguments are untouched: they name spans
    entry = list(project.audit.iter_all())[-1]
    assert (entry.annotator, entry.action) == ("lina", "schema: rename label")
    assert (entry.before, entry.after) == ("ACTOR", "ARMED_ACTOR")


def test_a_label_cannot_take_an_id_in_use_or_with_spaces(project, coded):
    refused(
        project,
        lambda: schema_changes.rename_label(project, "lina", "ACTOR", "LOCATION"),
        "there is already a label LOCATION",
    )
    refused(
        project,
        lambda: schema_changes.rename_label(project, "lina", "ACTOR", "armed actor"),
        "cannot be empty or contain spaces",
    )
    refused(
        project,
        lambda: schema_changes.rename_label(project, "lina", "PERSON", "PER"),
        "there is no label PERSON",
    )


def test_adding_a_label_and_changing_how_it_looks(project, coded):
    fresh = schema_changes.fresh_label(project.schema)
    assert (fresh.id, fresh.key) == ("LABEL_1", "4")  # the conflict preset uses keys 1–3
    schema_changes.add_label(project, "lina", fresh)
    schema_changes.update_label(
        project,
        "lina",
        "LABEL_1",
        names={"en": "Weapon", "ar": "سلاح"},
        color="#8c564b",
        key="w",
        description="A weapon named in the text: <b> & all.",
        examples=["آليات مفخخة", "  ", "راجمة صواريخ"],
    )
    with reopened(project) as other:
        label = other.schema.label("LABEL_1")
        assert label.names == {"en": "Weapon", "ar": "سلاح"}
        assert (label.color, label.key, label.kind) == ("#8c564b", "w", "other")
        assert label.description == "A weapon named in the text: <b> & all."
        assert label.examples == ("آليات مفخخة", "راجمة صواريخ")
        assert other.schema.label_for_key("w").id == "LABEL_1"
    unchanged = schema_changes.update_label(project, "lina", "LABEL_1", key="w")
    assert not unchanged.changed


def test_keys_stay_unique_and_colours_well_formed(project, coded):
    refused(
        project,
        lambda: schema_changes.update_label(project, "lina", "EVENT", key="2"),
        r"key 2 is already the key of LOCATION \(Location\)",
    )
    refused(
        project,
        lambda: schema_changes.update_label(project, "lina", "EVENT", key="ab"),
        "one character",
    )
    refused(
        project,
        lambda: schema_changes.update_label(project, "lina", "EVENT", key=" "),
        "EVENT needs a key",
    )
    refused(
        project,
        lambda: schema_changes.update_label(project, "lina", "EVENT", color="green"),
        "colour must look like",
    )
    refused(
        project,
        lambda: schema_changes.add_label(project, "lina", Label("NEW", key="1")),
        "key 1 is already the key of ACTOR",
    )


def test_a_kind_change_that_breaks_role_links_is_refused_with_a_count(project, coded):
    error = refused(
        project,
        lambda: schema_changes.update_label(project, "lina", "LOCATION", kind="other"),
        r"4 role links would break \(location of EVENT: 4\)",
    )
    assert isinstance(error, InUseError) and error.count == 4
    refused(
        project,
        lambda: schema_changes.update_label(project, "lina", "ACTOR", kind="location"),
        r"cannot make ACTOR a location label: 7 role links would break "
        r"\(actor1 of EVENT: 4; actor2 of EVENT: 3\); unlink them first",
    )
    refused(
        project,
        lambda: schema_changes.update_label(project, "lina", "EVENT", kind="other"),
        "cannot make EVENT a label of kind other: 4 events are of this type; delete them first",
    )


def test_an_event_label_without_links_may_become_another_kind(project, coded):
    schema_changes.add_label(
        project, "lina", Label("ARREST", kind="event", key="a", roles=(Role("agent"),))
    )
    schema_changes.update_label(project, "lina", "ARREST", kind="other")
    with reopened(project) as other:
        assert other.schema.label("ARREST").kind == "other"
        assert other.schema.label("ARREST").roles == ()
    entry = list(project.audit.iter_all())[-1]
    assert entry.action == "schema: change label"
    assert entry.before == {
        "label": "ARREST",
        "kind": "event",
        "roles": [{"name": "agent", "kinds": []}],
    }
    assert entry.after == {"label": "ARREST", "kind": "other", "roles": []}


def test_deleting_a_label_first_reports_then_removes_its_spans_and_links(project, coded):
    usage = schema_changes.label_usage(project, "LOCATION")
    assert (usage.spans, usage.links) == (4, 4)
    assert usage.describe() == "4 spans and 4 role links"
    change = schema_changes.delete_label(project, "lina", "LOCATION")
    assert change.message == "Deleted label LOCATION with 4 spans and 4 role links."
    with reopened(project) as other:
        assert other.schema.label_ids == ("ACTOR", "EVENT")
        assert "LOCATION" not in labels_of(other, coded.document_id)
        assert "LOCATION" not in labels_of(other, coded.document_id, "omar")
        roles = set(roles_of(other, coded.document_id))
        assert roles == {"actor1", "actor2"}
    entry = list(project.audit.iter_all())[-1]
    assert entry.action == "schema: delete label"
    assert entry.after == {"label": None, "spans": 0, "events": 0, "links": 0}
    assert (entry.before["label"], entry.before["spans"], entry.before["links"]) == (
        "LOCATION",
        4,
        4,
    )
    assert entry.before["definition"]["names"] == {"en": "Location", "ar": "مكان"}


def test_the_last_label_cannot_be_deleted(project, coded):
    schema_changes.delete_label(project, "lina", "LOCATION")
    schema_changes.delete_label(project, "lina", "EVENT")
    refused(
        project,
        lambda: schema_changes.delete_label(project, "lina", "ACTOR"),
        "the only label",
    )


def test_the_guideline_version(project, coded):
    schema_changes.set_version(project, "lina", "2.1 (al-Manara pilot)")
    with reopened(project) as other:
        assert other.schema.version == "2.1 (al-Manara pilot)"
    refused(project, lambda: schema_changes.set_version(project, "lina", "  "), "cannot be empty")


# -- attributes ------------------------------------------------------------------------------


def test_renaming_an_attribute_moves_the_values_spans_hold(project, coded):
    change = attribute_changes.rename_attribute(project, "lina", "EVENT", "event_type", "type")
    assert change.message == "Renamed EVENT's attribute event_type to type; 4 values follow."
    with reopened(project) as other:
        label = other.schema.label("EVENT")
        assert [a.name for a in label.attributes][:2] == ["type", "sub_event_type"]
        assert label.attribute("sub_event_type").depends_on == "type"
        attack = coding(other, coded, "attack")
        assert attack == {
            "type": "Battles",
            "sub_event_type": "Armed clash",
            "date": "2017-09",
            "time_precision": 3,
        }
        assert coding(other, coded, "airstrike")["fatalities"] == 6
        assert label.attribute_problems(attack) == []


def test_an_attribute_rename_is_refused_onto_an_existing_name(project, coded):
    refused(
        project,
        lambda: attribute_changes.rename_attribute(project, "lina", "EVENT", "date", "fatalities"),
        "already has an attribute fatalities",
    )
    refused(
        project,
        lambda: attribute_changes.rename_attribute(project, "lina", "EVENT", "day", "date"),
        "EVENT has no attribute 'day'",
    )


def test_adding_attributes(project, coded):
    change = attribute_changes.add_attribute(
        project,
        "lina",
        "EVENT",
        Attribute("civilian_targeting", "boolean", required=True),
    )
    assert change.message.endswith("It is required: 4 events need a value.")
    attribute_changes.add_attribute(
        project, "lina", "ACTOR", Attribute("inter", "choice", values=("1", "2", "3"))
    )
    with reopened(project) as other:
        assert other.schema.label("EVENT").attribute("civilian_targeting").required
        assert other.schema.label("ACTOR").attribute("inter").values == ("1", "2", "3")
    refused(
        project,
        lambda: attribute_changes.add_attribute(
            project, "lina", "ACTOR", Attribute("sub", "choice", depends_on="actor_tipe")
        ),
        "can depend only on another choice attribute",
    )
    refused(
        project,
        lambda: attribute_changes.add_attribute(project, "lina", "EVENT", Attribute("date")),
        "already has an attribute date",
    )


def test_choice_values_are_added_and_removed_only_when_unused(project, coded):
    attribute_changes.add_choice_value(project, "lina", "LOCATION", "place_type", "camp")
    attribute_changes.remove_choice_value(project, "lina", "LOCATION", "place_type", "camp")
    error = refused(
        project,
        lambda: attribute_changes.remove_choice_value(
            project, "lina", "LOCATION", "place_type", "village"
        ),
        "LOCATION has 2 spans coded place_type = 'village'",
    )
    assert error.count == 2
    change = attribute_changes.remove_choice_value(
        project, "lina", "LOCATION", "place_type", "village", force=True
    )
    assert change.message.endswith("cleared place_type on 2 spans.")
    with reopened(project) as other:
        assert "village" not in other.schema.label("LOCATION").attribute("place_type").values
        assert other.spans.get(coded.spans["ghizlan"].id).attributes == {}
        assert other.spans.get(coded.spans["baydar"].id).attributes == {"place_type": "facility"}


def test_sub_type_values_live_under_their_type(project, coded):
    attribute_changes.add_choice_value(
        project, "lina", "EVENT", "sub_event_type", "Sniper fire", under="Battles"
    )
    sub = project.schema.label("EVENT").attribute("sub_event_type")
    assert sub.choices({"event_type": "Battles"})[-1] == "Sniper fire"
    refused(
        project,
        lambda: attribute_changes.add_choice_value(
            project, "lina", "EVENT", "sub_event_type", "Shelling"
        ),
        "say under which one",
    )
    refused(
        project,
        lambda: attribute_changes.remove_choice_value(
            project, "lina", "EVENT", "sub_event_type", "Armed clash"
        ),
        "EVENT has 2 events coded sub_event_type = 'Armed clash'",
    )


def test_removing_a_type_in_use_clears_its_sub_type_and_its_list_of_sub_types(project, coded):
    attribute_changes.remove_choice_value(
        project, "lina", "EVENT", "event_type", "Battles", force=True
    )
    with reopened(project) as other:
        label = other.schema.label("EVENT")
        assert "Battles" not in label.attribute("event_type").values
        assert "Battles" not in label.attribute("sub_event_type").values_by
        assert coding(other, coded, "attack") == {
            "date": "2017-09",
            "time_precision": 3,
        }
        assert coding(other, coded, "omar_attack") == {"fatalities": 0}
        assert coding(other, coded, "airstrike")["event_type"] == ("Explosions/Remote violence")


def test_removing_an_attribute(project, coded):
    refused(
        project,
        lambda: attribute_changes.remove_attribute(project, "lina", "EVENT", "event_type"),
        "sub_event_type depends on event_type",
    )
    refused(
        project,
        lambda: attribute_changes.remove_attribute(project, "lina", "EVENT", "fatalities"),
        "EVENT has 2 events with a value for fatalities",
    )
    attribute_changes.remove_attribute(project, "lina", "EVENT", "fatalities", force=True)
    with reopened(project) as other:
        assert other.schema.label("EVENT").attribute("fatalities") is None
        assert "fatalities" not in coding(other, coded, "airstrike")


def test_bounds_and_required(project, coded):
    refused(
        project,
        lambda: attribute_changes.update_attribute(
            project, "lina", "EVENT", "fatalities", bounds=(1, None)
        ),
        "EVENT has 1 event with fatalities outside 1–…",
    )
    attribute_changes.update_attribute(
        project, "lina", "EVENT", "fatalities", bounds=(0, 5000), required=True
    )
    with reopened(project) as other:
        fatalities = other.schema.label("EVENT").attribute("fatalities")
        assert (fatalities.minimum, fatalities.maximum, fatalities.required) == (0, 5000, True)


# -- roles -----------------------------------------------------------------------------------


def test_renaming_a_role_carries_its_links(project, coded):
    role_changes.update_role(project, "lina", "EVENT", "location", new_name="place")
    with reopened(project) as other:
        assert [r.name for r in other.schema.label("EVENT").roles] == ["actor1", "actor2", "place"]
        roles = sorted(roles_of(other, coded.document_id))
        assert roles.count("place") == 4 and "location" not in roles


def test_role_changes_that_would_strand_links_are_refused(project, coded):
    refused(
        project,
        lambda: role_changes.update_role(project, "lina", "EVENT", "actor2", kinds=["location"]),
        "EVENT's actor2 has 3 links to spans that are not location",
    )
    refused(
        project,
        lambda: role_changes.update_role(project, "lina", "EVENT", "actor2", many=False),
        "EVENT has 1 event with more than one actor2",
    )
    refused(
        project,
        lambda: role_changes.add_role(project, "lina", "ACTOR", Role("leader")),
        "only event labels have roles",
    )
    role_changes.update_role(project, "lina", "EVENT", "actor2", kinds=["actor", "other"])
    assert project.schema.label("EVENT").role("actor2").kinds == ("actor", "other")


def test_adding_and_removing_roles(project, coded):
    role_changes.add_role(project, "lina", "EVENT", Role("target", ("actor", "location"), True))
    role_changes.remove_role(project, "lina", "EVENT", "target")
    refused(
        project,
        lambda: role_changes.remove_role(project, "lina", "EVENT", "actor2"),
        "EVENT's role actor2 is used by 3 links",
    )
    role_changes.remove_role(project, "lina", "EVENT", "actor2", force=True)
    with reopened(project) as other:
        assert other.schema.label("EVENT").role("actor2") is None
        assert "actor2" not in set(roles_of(other, coded.document_id))


# -- every change is whole ---------------------------------------------------------------------


def test_a_change_that_fails_midway_leaves_spans_and_schema_as_they_were(
    project, coded, monkeypatch
):
    before = snapshot(project)
    schema = project.schema

    def full_disk(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(project.audit, "record", full_disk)
    with pytest.raises(OSError):
        schema_changes.rename_label(project, "lina", "ACTOR", "ARMED_ACTOR")
    assert snapshot(project) == before
    assert project.schema == schema
    assert project.spans.count_label("ACTOR") == 7


def test_a_change_builds_on_what_another_window_changed_meanwhile(project, coded):
    assert project.schema.version == "1.0"  # cached here
    with reopened(project) as other:
        schema_changes.set_version(other, "nadia", "1.1")
    schema_changes.rename_label(project, "lina", "LOCATION", "PLACE")
    with reopened(project) as other:
        assert other.schema.version == "1.1"
        assert other.schema.label("PLACE") is not None
