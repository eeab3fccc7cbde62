"""Giving a canonical place its coordinates: what the coding panel and the command line do."""

from __future__ import annotations

import pytest

from annotator.ops import editing, places
from annotator.ops.editing import EditError
from annotator.ops.gazetteer import import_gazetteer
from annotator.ops.places import PlaceError, Point
from tests.conftest import snapshot
from tests.places.gazetteer_file import DEIR_EZ_ZOR, MAYADIN, write_gazetteer


@pytest.fixture
def deir(project, tmp_path):
    """The canonical place «دير الزور», and a gazetteer to place it from."""
    import_gazetteer(project, write_gazetteer(tmp_path / "SY.txt"))
    return editing.ensure_entity(project, "location", "دير الزور")


def test_a_candidate_chosen_gives_the_place_its_coordinates(project, deir):
    (best, *_) = places.candidates(project, "دير الزور")
    before = places.choose(project, deir, best.place.id, "samira")
    assert before is None
    assert places.point(project, deir) == Point(35.336, 40.141, DEIR_EZ_ZOR.id)
    entity = project.entities.get(deir)
    assert (entity.latitude, entity.longitude) == (35.336, 40.141)
    assert project.entities.coordinates() == {deir: (35.336, 40.141)}
    (row,) = places.places(project)
    assert row.has_coordinates and row.origin.id == DEIR_EZ_ZOR.id


def test_typed_coordinates_replace_chosen_ones_and_forget_where_those_came_from(project, deir):
    places.choose(project, deir, DEIR_EZ_ZOR.id, "samira")
    before = places.set_coordinates(project, deir, "٣٥٫٣٤", "40.15", "samira")
    assert before == Point(35.336, 40.141, DEIR_EZ_ZOR.id)
    assert places.point(project, deir) == Point(35.34, 40.15, None)
    (row,) = places.places(project)
    assert row.origin is None  # typed


def test_clearing_and_undoing_give_back_exactly_what_was_there(project, deir):
    places.choose(project, deir, MAYADIN.id, "samira")
    before = places.clear(project, deir, "samira")
    assert places.point(project, deir) is None
    assert project.entities.coordinates() == {}
    places.put_back(project, deir, before, "samira")  # what undo does
    assert places.point(project, deir) == Point(35.020, 40.451, MAYADIN.id)


def test_every_change_is_in_the_audit_trail(project, deir):
    places.choose(project, deir, DEIR_EZ_ZOR.id, "samira")
    places.set_coordinates(project, deir, 35.3, 40.1, "omar")
    places.clear(project, deir, "omar")
    trail = [(e.annotator, e.action, e.before, e.after) for e in project.audit.iter_all()]
    name = {"entity": deir, "name": "دير الزور"}
    at = {"latitude": 35.336, "longitude": 40.141, "gazetteer": DEIR_EZ_ZOR.id}
    assert trail == [
        ("samira", "place", name, {**name, **at}),
        ("omar", "place", {**name, **at}, {**name, "latitude": 35.3, "longitude": 40.1}),
        ("omar", "place", {**name, "latitude": 35.3, "longitude": 40.1}, name),
    ]


def test_coordinates_out_of_range_are_refused_and_change_nothing(project, deir):
    before = snapshot(project)
    with pytest.raises(PlaceError, match="latitude 95 is not between -90 and 90"):
        places.set_coordinates(project, deir, "95", "40", "samira")
    with pytest.raises(PlaceError, match="the gazetteer has no entry 12345"):
        places.choose(project, deir, 12345, "samira")
    assert snapshot(project) == before


def test_only_a_canonical_place_can_be_placed(project, deir):
    actor = editing.ensure_entity(project, "actor", "قسد")
    with pytest.raises(PlaceError, match="«قسد» is a canonical actor, not a place"):
        places.set_coordinates(project, actor, 35, 40, "samira")
    with pytest.raises(EditError, match="no longer exists"):
        places.clear(project, 999, "samira")


def test_a_place_is_named_as_written_or_as_search_would_match_it(project, deir):
    assert places.place_named(project, "دير الزور").id == deir
    assert places.place_named(project, "ديرالزور").id == deir
    assert places.place_named(project, " دير الزّور ").id == deir
    editing.ensure_entity(project, "location", "دير حافر")
    with pytest.raises(PlaceError, match=r"no canonical place is named «دير».*similar: «دير"):
        places.place_named(project, "دير")
    editing.ensure_entity(project, "location", "دير-الزور")
    assert places.place_named(project, "دير-الزور").name == "دير-الزور"  # written the same
    with pytest.raises(PlaceError, match="could be any of"):
        places.place_named(project, "ديرالزور")
