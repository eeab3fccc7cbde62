"""Coded events as points on a map: a GeoJSON FeatureCollection (RFC 7946).

One Feature per event whose place is known: an argument in the role ``location`` (ACE's
``Place``; failing both, any argument of a location label) whose span is tied to a canonical
place with coordinates. Its geometry is a Point, ``[longitude, latitude]`` in that order as
GeoJSON wants, WGS 84. Its properties say what a map's pop-up and a table of the layer need:
the event's type and sub-type, date and time precision, fatalities, the words of its actors
and its location, the canonical place, the document, the trigger's words and offsets (code
points) and the annotator. QGIS, kepler.gl, geojson.io and Leaflet read it as it is.

Events whose place is not known are left out and counted in the export's notes, by reason,
so that a coder knows what to tie or to place (``annotator places``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from annotator.core.model import AnnotatedDocument, Event, Span
from annotator.core.schema import Schema
from annotator.formats.export_context import ExportContext
from annotator.formats.writing import atomic_file

LOCATION_ROLES = ("location", "place")  # conflict's role; ACE's Place (case ignored)
SUB_TYPES = ("sub_event_type", "subtype")
SEPARATOR = "; "

NO_LOCATION = "no location argument"
NOT_TIED = "a location tied to no canonical place"
NOT_PLACED = "a place without coordinates"


def _location_fillers(event: Event, spans: dict[int, Span], schema: Schema) -> list[Span]:
    """The spans that say where the event happened, in the event's order."""
    fillers = [
        spans[a.span]
        for a in event.arguments
        if a.span in spans and a.role.lower() in LOCATION_ROLES
    ]
    if fillers:
        return fillers
    return [
        spans[a.span]
        for a in event.arguments
        if a.span in spans
        and (label := schema.label(spans[a.span].label))
        and label.kind == "location"
    ]


def _words(event: Event, role: str, spans: dict[int, Span]) -> str | None:
    found = [spans[s] for s in event.fillers(role) if s in spans]
    return SEPARATOR.join(dict.fromkeys(s.text for s in found)) or None


def _feature(
    event: Event,
    item: AnnotatedDocument,
    spans: dict[int, Span],
    place: Span,
    where: tuple[float, float],
    context: ExportContext,
) -> dict[str, Any]:
    values = event.attributes
    trigger = spans.get(event.trigger) if event.trigger is not None else None
    latitude, longitude = where
    properties = {
        "event_id": event.id,
        "event_type": values.get("event_type", event.label),
        "sub_event_type": next((values[k] for k in SUB_TYPES if k in values), None),
        "label": event.label,
        "date": values.get("date"),
        "time_precision": values.get("time_precision"),
        "fatalities": values.get("fatalities"),
        "actor1": _words(event, "actor1", spans),
        "actor2": _words(event, "actor2", spans),
        "location": place.text,
        "place": context.entities.get(place.entity_id) if place.entity_id is not None else None,
        "geo_precision": place.attributes.get("geo_precision"),
        "document": item.document.name,
        "trigger": trigger.text if trigger else None,
        "trigger_start": trigger.start if trigger else None,
        "trigger_end": trigger.end if trigger else None,
        "annotator": event.annotator,
    }
    return {
        "type": "Feature",
        "id": event.id,
        "geometry": {"type": "Point", "coordinates": [longitude, latitude]},
        "properties": properties,
    }


def _why_not(fillers: list[Span]) -> str:
    if not fillers:
        return NO_LOCATION
    if all(span.entity_id is None for span in fillers):
        return NOT_TIED
    return NOT_PLACED


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    placed = context.coordinates
    missing: Counter[str] = Counter()
    with atomic_file(out) as stream:
        stream.write('{"type": "FeatureCollection", "features": [')
        first = True
        for item in documents:
            spans = {span.id: span for span in item.spans}
            for event in item.events:
                fillers = _location_fillers(event, spans, context.schema)
                place = next((s for s in fillers if s.entity_id in placed), None)
                if place is None:
                    missing[_why_not(fillers)] += 1
                    continue
                feature = _feature(event, item, spans, place, placed[place.entity_id], context)
                stream.write("\n" if first else ",\n")
                stream.write(json.dumps(feature, ensure_ascii=False))
                first = False
        stream.write("\n]}\n")
    if missing:
        total = sum(missing.values())
        reasons = ", ".join(f"{n} {why}" for why, n in missing.most_common())
        context.notes.append(
            f"{total} event{'s' * (total != 1)} {'have' if total != 1 else 'has'} no place "
            f"with coordinates and {'were' if total != 1 else 'was'} left out ({reasons}); "
            "annotator places PROJECT --list shows the places to locate"
        )
