import json

import pytest

from annotator.core.errors import SchemaError
from annotator.core.schema import from_json, load_file, load_preset


def test_conflict_preset_has_actor_location_event_in_that_order_with_keys():
    schema = load_preset("conflict")
    assert schema.label_ids == ("ACTOR", "LOCATION", "EVENT")
    assert [label.key for label in schema.labels] == ["1", "2", "3"]
    assert [label.kind for label in schema.labels] == ["actor", "location", "event"]
    assert schema.label("EVENT").names["ar"] == "حدث"


def test_ner_preset_has_the_four_conll_labels():
    assert load_preset("ner").label_ids == ("PER", "ORG", "LOC", "MISC")


def test_conflict_event_sub_types_are_offered_only_under_their_type():
    sub = load_preset("conflict").label("EVENT").attribute("sub_event_type")
    assert sub.choices({"event_type": "Battles"}) == (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    )
    assert "Air/drone strike" in sub.choices({"event_type": "Explosions/Remote violence"})
    assert "Air/drone strike" not in sub.choices({"event_type": "Battles"})
    all_sub_types = sub.choices({})
    assert len(all_sub_types) == 25


def test_conflict_event_has_acled_types_and_roles():
    event = load_preset("conflict").label("EVENT")
    assert len(event.attribute("event_type").values) == 6
    assert [role.name for role in event.roles] == ["actor1", "actor2", "location"]
    assert event.role("location").kinds == ("location",)
    actor_types = load_preset("conflict").label("ACTOR").attribute("actor_type").values
    assert actor_types[0] == "State forces" and len(actor_types) == 8


def test_attribute_values_are_checked_by_type():
    event = load_preset("conflict").label("EVENT")
    good = {
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "fatalities": 3,
        "date": "2017-09-29",
    }
    assert event.attribute_problems(good) == []
    bad = {"event_type": "Battles", "sub_event_type": "Air/drone strike", "fatalities": "many"}
    problems = event.attribute_problems(bad)
    assert any("sub_event_type" in p for p in problems)
    assert any("fatalities" in p for p in problems)
    assert any("required" in p for p in event.attribute_problems({}))


def test_a_schema_file_round_trips_through_json(tmp_path):
    schema = load_preset("conflict")
    path = tmp_path / "schema.json"
    path.write_text(json.dumps(schema.to_json(), ensure_ascii=False), encoding="utf-8")
    assert load_file(path) == schema


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"labels": []}, "non-empty"),
        ({"labels": [{"id": "A"}, {"id": "A"}]}, "defined twice"),
        ({"labels": [{"id": "A", "kind": "thing"}]}, "kind must be"),
        ({"labels": [{"id": "A", "color": "red"}]}, "colour"),
        ({"labels": [{"id": "A", "roles": [{"name": "x"}]}]}, "only event labels"),
        (
            {"labels": [{"id": "A", "attributes": [{"name": "t", "type": "choice"}]}]},
            "needs 'values'",
        ),
        ({"labels": [{"id": "A", "key": "1"}, {"id": "B", "key": "1"}]}, "already used"),
        ({"labels": [{"id": "A", "share_fillers": True}]}, "'share_fillers' is for event labels"),
        (
            {"labels": [{"id": "A", "kind": "event", "share_fillers": "yes"}]},
            "'share_fillers' must be true or false",
        ),
    ],
)
def test_malformed_schemas_are_refused_with_the_reason(data, message):
    with pytest.raises(SchemaError, match=message):
        from_json(data)


def test_a_broken_schema_file_names_the_file_and_line(tmp_path):
    path = tmp_path / "labels.json"
    path.write_text('{"labels": [\n  {"id": "A",}\n]}', encoding="utf-8")
    with pytest.raises(SchemaError, match=r"labels.json: line 2"):
        load_file(path)


def test_an_event_label_may_let_one_span_fill_several_roles(tmp_path):
    data = load_preset("ace").to_json()
    life = next(label for label in data["labels"] if label["id"] == "LIFE")
    life["share_fillers"] = True
    path = tmp_path / "ace.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    schema = load_file(path)
    assert schema.label("LIFE").share_fillers
    assert not load_preset("ace").label("LIFE").share_fillers  # one role per span by default
    assert load_file(path) == from_json(schema.to_json())
    assert "share_fillers" not in json.dumps(load_preset("conflict").to_json())
