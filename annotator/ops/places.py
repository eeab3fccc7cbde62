"""Where canonical places are: candidates from the gazetteer, coordinates set, typed or cleared.

What the coding panel and ``annotator places`` share. A place is an entity of kind location.
Its coordinates are set from a gazetteer entry (:func:`choose`), typed (:func:`set_coordinates`,
checked: latitude first, in range) or cleared (:func:`clear`); each is one transaction with an
entry in the audit trail (action ``place``), and each returns the :class:`Point` the place had
before, which undo hands back to :func:`put_back`.
"""

from __future__ import annotations

from dataclasses import dataclass

from annotator.core.errors import AnnotatorError
from annotator.core.model import Entity
from annotator.core.places import (
    Candidate,
    CoordinateError,
    GazetteerPlace,
    NameMatch,
    coordinates,
    name_key,
    shorter_names,
)
from annotator.ops.editing import EditError
from annotator.store.gazetteer import Gazetteer
from annotator.store.project import Project, now

PLACE = "location"  # the kind of entity a canonical place is
PREFIX_KEYS = 2_000  # a prefix is looked up among at most this many names, in key order


class PlaceError(AnnotatorError):
    """A place or coordinates that cannot be used as asked: the message says why."""


@dataclass(frozen=True)
class Point:
    """Where a place is, and the gazetteer entry that said so (None: typed)."""

    latitude: float
    longitude: float
    origin: int | None = None


@dataclass(frozen=True)
class PlaceRow:
    """A canonical place as a list of places shows it."""

    entity: Entity
    uses: int  # spans tied to it
    origin: GazetteerPlace | None  # the entry its coordinates came from, when it is known

    @property
    def has_coordinates(self) -> bool:
        return self.entity.latitude is not None and self.entity.longitude is not None


# -- finding ----------------------------------------------------------------------------------


def candidates(project: Project, name: str, limit: int = 10) -> list[Candidate]:
    """Gazetteer entries for a place name, Arabic or Latin, best first (:meth:`Candidate.rank`).

    Names match on their key (:func:`annotator.core.places.name_key`): first every entry one
    of whose names has the same key, then those with a name that begins with it; when
    neither finds any, the name's last words alone («بلدة الرمانة» → «الرمانة»).
    """
    gazetteer = Gazetteer(project.db)
    found: dict[int, Candidate] = {}
    for words in (name, *shorter_names(name)):
        key = name_key(words)
        if not key:
            continue
        whole = words == name
        exact = NameMatch.EXACT if whole else NameMatch.PART
        for place in gazetteer.named(key):
            found.setdefault(place.id, Candidate(place, exact, words))
        if whole:
            for place in gazetteer.beginning(key, PREFIX_KEYS):
                found.setdefault(place.id, Candidate(place, NameMatch.PREFIX, words))
        if found:
            break
    return sorted(found.values(), key=Candidate.rank)[:limit]


def gazetteer_size(project: Project) -> int:
    """How many places the project's gazetteer holds."""
    return Gazetteer(project.db).count()


def gazetteer_entry(project: Project, gazetteer_id: int) -> GazetteerPlace:
    place = Gazetteer(project.db).get(gazetteer_id)
    if place is None:
        raise PlaceError(f"the gazetteer has no entry {gazetteer_id} (annotator places --find)")
    return place


def place_named(project: Project, name: str) -> Entity:
    """The canonical place of this name: written the same, or else the one place whose name
    has the same key («دير الزور» for «ديرالزور»)."""
    places = [entity for entity, _ in project.entities.of_kind(PLACE)]
    same = [entity for entity in places if entity.name == name.strip()]
    if not same:
        key = name_key(name)
        same = [entity for entity in places if name_key(entity.name) == key]
    if len(same) == 1:
        return same[0]
    if same:
        names = "», «".join(entity.name for entity in same)
        raise PlaceError(f"«{name}» could be any of «{names}»: give the name as written")
    key = name_key(name)[:3]
    near = [entity.name for entity in places if key and name_key(entity.name).startswith(key)]
    hint = f"; similar: «{'», «'.join(near[:5])}»" if near else ""
    known = f" ({len(places)} canonical places; annotator places --list)" if places else ""
    raise PlaceError(f"no canonical place is named «{name}»{hint}{known}")


def places(project: Project) -> list[PlaceRow]:
    """Every canonical place, the most used first, with where its coordinates came from."""
    origins = project.entities.origins()
    gazetteer = Gazetteer(project.db)
    return [
        PlaceRow(entity, uses, gazetteer.get(origins[entity.id]) if entity.id in origins else None)
        for entity, uses in project.entities.of_kind(PLACE)
    ]


def point(project: Project, entity_id: int) -> Point | None:
    """Where a canonical place is, if it has coordinates."""
    entity = _place(project, entity_id)
    if entity.latitude is None or entity.longitude is None:
        return None
    return Point(entity.latitude, entity.longitude, project.entities.origin(entity_id))


# -- changing ---------------------------------------------------------------------------------


def _place(project: Project, entity_id: int) -> Entity:
    entity = project.entities.get(entity_id)
    if entity is None:
        raise EditError(f"canonical entity {entity_id} no longer exists")
    if entity.kind != PLACE:
        raise PlaceError(f"«{entity.name}» is a canonical {entity.kind}, not a place")
    return entity


def _record(entity: Entity, where: Point | None) -> dict:
    record: dict = {"entity": entity.id, "name": entity.name}
    if where is not None:
        record |= {"latitude": where.latitude, "longitude": where.longitude}
        if where.origin is not None:
            record["gazetteer"] = where.origin
    return record


def put_back(project: Project, entity_id: int, where: Point | None, by: str) -> Point | None:
    """Give a place these coordinates (None: none), as one edit; returns what it had before."""
    entity = _place(project, entity_id)
    before = point(project, entity_id)
    with project.write():
        if where is None:
            project.entities.place(entity_id, None, None)
        else:
            project.entities.place(entity_id, where.latitude, where.longitude, where.origin)
        project.audit.record(
            now(), by, "place", None, None, _record(entity, before), _record(entity, where)
        )
    return before


def set_coordinates(
    project: Project, entity_id: int, latitude: float | str, longitude: float | str, by: str
) -> Point | None:
    """Typed coordinates (text as typed, or numbers), checked; returns the place's before."""
    try:
        lat, lon = coordinates(latitude, longitude)
    except CoordinateError as error:
        raise PlaceError(str(error)) from None
    return put_back(project, entity_id, Point(lat, lon), by)


def choose(project: Project, entity_id: int, gazetteer_id: int, by: str) -> Point | None:
    """The coordinates of a gazetteer entry (a candidate the coder picked)."""
    entry = gazetteer_entry(project, gazetteer_id)
    return put_back(project, entity_id, Point(entry.latitude, entry.longitude, entry.id), by)


def clear(project: Project, entity_id: int, by: str) -> Point | None:
    """Forget where a place is."""
    return put_back(project, entity_id, None, by)
