"""Events on a map: the GeoJSON export, read back as a map tool reads it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from annotator.cli import main
from annotator.core.model import Argument
from annotator.ops import editing, event_editing, places
from annotator.ops.exporting import export
from annotator.ops.gazetteer import import_gazetteer
from annotator.ops.importing import import_files
from tests.conftest import write_jsonl
from tests.fixtures.coding import at
from tests.places.gazetteer_file import MAYADIN, THARDA, write_gazetteer

TEXT = (
    "اندلعت اشتباكات عنيفة في الثردات والميادين بين قوات الحكومة ومسلحين محليين، "
    "وقُتل ثلاثة منهم. وفي حلب تظاهر عشرات الطلاب أمام مبنى البلدية."
)

# RFC 7946 as a map tool relies on it, for a collection of points (written for these tests)
POSITION = {
    "type": "array",
    "minItems": 2,
    "maxItems": 3,
    "prefixItems": [
        {"type": "number", "minimum": -180, "maximum": 180},  # longitude first
        {"type": "number", "minimum": -90, "maximum": 90},
    ],
    "items": {"type": "number"},
}
POINTS = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "type": "object",
    "required": ["type", "features"],
    "not": {"required": ["crs"]},  # RFC 7946 removed "crs": coordinates are WGS 84
    "properties": {
        "type": {"const": "FeatureCollection"},
        "features": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["type", "geometry", "properties"],
                "properties": {
                    "type": {"const": "Feature"},
                    "id": {"type": ["string", "number"]},
                    "geometry": {
                        "type": "object",
                        "required": ["type", "coordinates"],
                        "properties": {"type": {"const": "Point"}, "coordinates": POSITION},
                    },
                    "properties": {"type": ["object", "null"]},
                },
            },
        },
    },
}


@pytest.fixture
def coded(project, tmp_path):
    """«اشتباكات» is two events (in الثردات and in الميادين); the protest in حلب is tied to a
    place with no coordinates; an event without a trigger has no location; omar's clash has a
    location tied to no canonical place."""
    import_files(project, [write_jsonl(tmp_path / "a.jsonl", [{"name": "خبر", "text": TEXT}])])
    document = project.documents.first_id()
    import_gazetteer(project, write_gazetteer(tmp_path / "SY.txt"))

    def span(words, label, who="samira", place=None):
        entity = editing.ensure_entity(project, "location", place) if place else None
        return editing.create_span(
            project, document, who, label, *at(TEXT, words), entity_id=entity
        )

    def event(who, trigger, attributes, **roles):
        arguments = [Argument(role, span=s.id) for role, s in roles.items()]
        return event_editing.create_event(
            project, document, who, "EVENT", trigger.id if trigger else None, arguments, attributes
        )

    clash = span("اشتباكات", "EVENT")
    army, fighters = span("قوات الحكومة", "ACTOR"), span("مسلحين محليين", "ACTOR")
    tharda = span("الثردات", "LOCATION", place="الثردات")
    mayadin = span("الميادين", "LOCATION", place="الميادين")
    aleppo = span("حلب", "LOCATION", place="حلب")
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash", "date": "2017-09-12"}
    killed = {**battle, "fatalities": 3}
    first = event("samira", clash, killed, actor1=army, actor2=fighters, location=tharda)
    second = event("samira", clash, battle, actor1=army, location=mayadin)
    event("samira", span("تظاهر", "EVENT"), {"event_type": "Protests"}, location=aleppo)
    event("samira", None, {"event_type": "Riots"})
    omar_place = span("الميادين", "LOCATION", "omar")
    event("omar", span("اشتباكات", "EVENT", "omar"), battle, location=omar_place)
    for name, entry in (("الثردات", THARDA.id), ("الميادين", MAYADIN.id)):
        places.choose(project, places.place_named(project, name).id, entry, "samira")
    return {"first": first, "second": second, "clash": clash}


def read(path) -> dict:
    collection = json.loads(path.read_text(encoding="utf-8"))
    jsonschema.validate(collection, POINTS)
    return collection


def test_two_events_on_one_word_become_two_points_where_each_happened(project, coded, tmp_path):
    out = tmp_path / "events.geojson"
    report = export(project, "geojson", out, "samira")
    features = read(out)["features"]
    assert [f["id"] for f in features] == [coded["first"].id, coded["second"].id]
    points = [f["geometry"]["coordinates"] for f in features]
    assert points == [[40.17, 35.27], [40.451, 35.020]]  # [longitude, latitude]
    first, second = (f["properties"] for f in features)
    clash = coded["clash"]
    assert first == {
        "event_id": coded["first"].id,
        "event_type": "Battles",
        "sub_event_type": "Armed clash",
        "label": "EVENT",
        "date": "2017-09-12",
        "time_precision": None,
        "fatalities": 3,
        "actor1": "قوات الحكومة",
        "actor2": "مسلحين محليين",
        "location": "الثردات",
        "place": "الثردات",
        "geo_precision": None,
        "document": "خبر",
        "trigger": "اشتباكات",
        "trigger_start": clash.start,
        "trigger_end": clash.end,
        "annotator": "samira",
    }
    assert TEXT[first["trigger_start"] : first["trigger_end"]] == "اشتباكات"
    assert (second["location"], second["actor2"], second["fatalities"]) == ("الميادين", None, None)
    assert report.notes == [
        "2 events have no place with coordinates and were left out (1 a place without "
        "coordinates, 1 no location argument); annotator places PROJECT --list shows the "
        "places to locate"
    ]


def test_every_layer_is_written_unless_one_is_chosen(project, coded, tmp_path):
    out = tmp_path / "all.geojson"
    report = export(project, "geojson", out)
    assert len(read(out)["features"]) == 2  # omar's clash has a place tied to nothing
    assert "3 events have no place" in report.notes[0]
    assert "1 a location tied to no canonical place" in report.notes[0]
    editing.update_span(
        project,
        project.spans.for_document(project.documents.first_id(), "omar")[-1].id,
        "omar",
        entity_id=places.place_named(project, "الميادين").id,
    )
    export(project, "geojson", out)
    features = read(out)["features"]
    assert [f["properties"]["annotator"] for f in features] == ["samira", "samira", "omar"]
    assert features[2]["geometry"]["coordinates"] == [40.451, 35.020]


def test_a_project_with_no_places_gives_an_empty_collection_a_map_still_opens(project, tmp_path):
    out = tmp_path / "none.geojson"
    report = export(project, "geojson", out)
    assert read(out) == {"type": "FeatureCollection", "features": []}
    assert report.notes == []


def test_the_command_line_writes_the_map_and_says_what_it_left_out(
    project, coded, tmp_path, capsys
):
    out = tmp_path / "events.geojson"
    folder = project.folder
    project.close()
    code = main(["export", str(folder), "--format", "geojson", "--out", str(out)])
    printed, said = capsys.readouterr()
    assert code == 0 and "Wrote 1 documents" in printed
    assert "note: 3 events have no place with coordinates" in said
    assert len(read(out)["features"]) == 2
