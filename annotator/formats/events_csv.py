"""Coded events as ACLED's table: one row per event, for spreadsheets, R and pandas.

Every event is a row, whatever its trigger: two events on one word («اشتباكات عنيفة في
الثردات والميادين») are two rows, and an event with no trigger is a row whose trigger
columns are empty. The columns, whatever the schema::

    document, event_id, annotator,
    event_date, time_precision, event_type, sub_event_type,
    actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction,
    location, latitude, longitude, geo_precision, source, notes, fatalities,
    trigger, trigger_start, trigger_end, sentence,
    actor1_mention, actor1_offsets, actor2_mention, actor2_offsets,
    location_mention, location_offsets

then, for each other role of the schema's event labels, ``<role>``, ``<role>_mention`` and
``<role>_offsets``, and a column for each other attribute of those labels. A role or
attribute whose name is already a column (in any case) is prefixed ``role_`` /
``attribute_``.

- ACLED's columns come from the event's attributes (``resources/acled.json`` says
  which: ``event_date`` from ``date``, ``sub_event_type`` from ACE's ``subtype``…);
  ``event_type`` is the label when the label has no such attribute (ACE: CONFLICT, LIFE…).
- ``actor1`` is the first actor (in the event's argument order) that fills the role
  ``actor1``; the other actors filling it are ``assoc_actor_1``, joined with "; " as ACLED
  joins them. An actor tied to a canonical entity is written by the entity's name, so one
  actor reads the same in every row; two mentions of one entity are one actor. ``inter1`` is
  the ACLED inter code of the actor's ``actor_type``, and ``interaction`` the two codes
  joined, the smaller first (``10`` for an event with one actor type alone).
- ``location`` is the place that fills ``location``; ``latitude`` and ``longitude`` are its
  canonical place's coordinates; ``geo_precision`` the event's, else the place span's.
- The evidence: the trigger's words and offsets (code points into the document), the
  sentence that holds it (sentences as in the training formats), and for each role the words
  of every argument and their offsets (``12-20; 31-36``). An argument that is another event
  (nested events) is written ``event <id>``, its words being that event's trigger.

The file is UTF-8 with a byte-order mark and CRLF line ends: Excel detects UTF-8 (and so
shows Arabic) only with the mark; pandas, readr and Python's ``utf-8-sig`` skip it.
"""

from __future__ import annotations

import csv
import json
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from annotator.core.model import AnnotatedDocument, Event, Span
from annotator.core.schema import Schema
from annotator.core.tokens import sentences, tokenize
from annotator.formats.export_context import ExportContext
from annotator.formats.writing import atomic_file
from annotator.shipped import resource

BOM = "\ufeff"
SEPARATOR = "; "
CONFLICT_ROLES = ("actor1", "actor2", "location")
IDENTITY = ("document", "event_id", "annotator")
ACLED = (
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
EVIDENCE = (
    "trigger",
    "trigger_start",
    "trigger_end",
    "sentence",
    *(f"{role}_{part}" for role in CONFLICT_ROLES for part in ("mention", "offsets")),
)
COLUMNS = (*IDENTITY, *ACLED, *EVIDENCE)


@dataclass(frozen=True)
class AcledColumns:
    """How ACLED's columns are read from a project (``resources/acled.json``)."""

    actor_type: str  # the actor attribute that gives the inter code
    inter: dict[str, int]  # actor type (lower case) → ACLED inter code
    columns: dict[str, tuple[str, ...]]  # column → the event attributes it is read from

    @property
    def attributes(self) -> set[str]:
        """Every event attribute some ACLED column is read from."""
        return {name for names in self.columns.values() for name in names}


@cache
def coding() -> AcledColumns:
    text = resource("acled.json").read_text("utf-8")
    data = json.loads(text)
    return AcledColumns(
        data["actor_type"],
        {name.lower(): code for name, code in data["inter"].items()},
        {column: tuple(names) for column, names in data["columns"].items()},
    )


@dataclass(frozen=True)
class Layout:
    """The columns for one schema: the fixed ones, then its other roles and attributes."""

    roles: tuple[tuple[str, str], ...]  # (role name, column) for roles beyond the conflict ones
    attributes: tuple[tuple[str, str], ...]  # (attribute name, column)

    @property
    def header(self) -> tuple[str, ...]:
        roles = tuple(
            name
            for _, column in self.roles
            for name in (column, f"{column}_mention", f"{column}_offsets")
        )
        return (*COLUMNS, *roles, *(column for _, column in self.attributes))


def layout(schema: Schema) -> Layout:
    events = [label for label in schema.labels if label.kind == "event"]
    taken = {c.lower() for c in COLUMNS}
    roles: dict[str, str] = {}
    for role in (role.name for label in events for role in label.roles):
        if role not in CONFLICT_ROLES and role not in roles:
            column = f"role_{role}" if role.lower() in taken else role
            roles[role] = column
            taken |= {column.lower(), f"{column}_mention".lower(), f"{column}_offsets".lower()}
    attributes: dict[str, str] = {}
    read = coding().attributes
    for name in (a.name for label in events for a in label.attributes):
        if name not in read and name not in attributes:
            column = f"attribute_{name}" if name.lower() in taken else name
            attributes[name] = column
            taken.add(column.lower())
    return Layout(tuple(roles.items()), tuple(attributes.items()))


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _joined(values: Iterable[str]) -> str:
    return SEPARATOR.join(dict.fromkeys(v for v in values if v))


class _Sentences:
    """The sentence bounds of one text, cut only when a row first asks for them."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None
        self._ends: list[int] = []

    def around(self, start: int, end: int) -> str:
        if self._starts is None:
            cut = sentences(self.text, tokenize(self.text))
            self._starts = [sentence[0].start for sentence in cut]
            self._ends = [sentence[-1].end for sentence in cut]
        if not self._starts:
            return ""
        first = max(bisect_right(self._starts, start) - 1, 0)
        last = max(bisect_right(self._starts, max(end - 1, start)) - 1, first)
        return self.text[self._starts[first] : self._ends[last]]


@dataclass(frozen=True)
class _Filler:
    """An argument as the table shows it: the name it goes by, its words, where they are."""

    name: str
    words: str
    place: str  # "start-end", or "" for an event with no trigger
    span: Span | None  # the span, when the argument is one


class _Document:
    """One document's events turned into rows."""

    def __init__(self, item: AnnotatedDocument, context: ExportContext) -> None:
        self.item = item
        self.context = context
        self.spans = {span.id: span for span in item.spans}
        self.events = {event.id: event for event in item.events}
        self.text = _Sentences(item.document.text)

    def filler(self, argument_span: int | None, argument_event: int | None) -> _Filler | None:
        if argument_span is not None:
            span = self.spans.get(argument_span)
            if span is None:
                return None
            entity = self.context.entities.get(span.entity_id) if span.entity_id else None
            return _Filler(entity or span.text, span.text, f"{span.start}-{span.end}", span)
        event = self.events.get(argument_event) if argument_event is not None else None
        if event is None:
            return None
        trigger = self.spans.get(event.trigger) if event.trigger is not None else None
        words = trigger.text if trigger else ""
        place = f"{trigger.start}-{trigger.end}" if trigger else ""
        return _Filler(f"event {event.id}", words, place, None)

    def fillers(self, event: Event, role: str) -> list[_Filler]:
        found = (self.filler(a.span, a.event) for a in event.arguments if a.role == role)
        return [f for f in found if f is not None]

    def rows(self, plan: Layout) -> Iterator[list[str]]:
        for event in self.item.events:
            label = self.context.schema.label(event.label)
            if label is not None and label.kind == "event":
                yield self.row(event, plan)

    def row(self, event: Event, plan: Layout) -> list[str]:
        values = event.attributes
        acled = coding()

        def attribute(column: str) -> Any:
            return next((values[n] for n in acled.columns[column] if n in values), None)

        label = self.context.schema.label(event.label)
        has_type = label is not None and label.attribute("event_type") is not None
        actors = [_actors(self.fillers(event, role), acled) for role in ("actor1", "actor2")]
        (actor1, assoc1, inter1), (actor2, assoc2, inter2) = actors
        places = self.fillers(event, "location")
        latitude = longitude = ""
        place = places[0].span if places else None
        if place is not None and place.entity_id in self.context.coordinates:
            latitude, longitude = map(str, self.context.coordinates[place.entity_id])
        precision = attribute("geo_precision")
        if precision is None and place is not None:
            precision = place.attributes.get("geo_precision")
        trigger = self.spans.get(event.trigger) if event.trigger is not None else None
        evidence = [
            trigger.text if trigger else "",
            str(trigger.start) if trigger else "",
            str(trigger.end) if trigger else "",
            self.text.around(trigger.start, trigger.end) if trigger else "",
        ]
        for role in CONFLICT_ROLES:
            evidence += _evidence(self.fillers(event, role))
        others = []
        for role, _ in plan.roles:
            found = self.fillers(event, role)
            others += [_joined(f.name for f in found), *_evidence(found)]
        return [
            self.item.document.name,
            str(event.id),
            event.annotator,
            _cell(attribute("event_date")),
            _cell(attribute("time_precision")),
            _cell(attribute("event_type") if has_type else event.label),
            _cell(attribute("sub_event_type")),
            actor1,
            assoc1,
            inter1,
            actor2,
            assoc2,
            inter2,
            _interaction(inter1, inter2),
            _joined(f.name for f in places),
            latitude,
            longitude,
            _cell(precision),
            _cell(attribute("source")),
            _cell(attribute("notes")),
            _cell(attribute("fatalities")),
            *evidence,
            *others,
            *(_cell(values.get(name)) for name, _ in plan.attributes),
        ]


def _evidence(fillers: list[_Filler]) -> list[str]:
    """The words of every argument and where they are, in the event's order."""
    return [SEPARATOR.join(f.words for f in fillers), SEPARATOR.join(f.place for f in fillers)]


def _actors(fillers: list[_Filler], acled: AcledColumns) -> tuple[str, str, str]:
    """(the actor, its associated actors, the actor's inter code) of one actor role."""
    names = list(dict.fromkeys(f.name for f in fillers))
    if not names:
        return "", "", ""
    code = ""
    for filler in fillers:
        kind = filler.span.attributes.get(acled.actor_type) if filler.span else None
        if filler.name == names[0] and isinstance(kind, str) and kind.lower() in acled.inter:
            code = str(acled.inter[kind.lower()])
            break
    return names[0], SEPARATOR.join(names[1:]), code


def _interaction(first: str, second: str) -> str:
    """ACLED's interaction: both inter codes, the smaller first; one alone is followed by 0."""
    codes = sorted(c for c in (first, second) if c)
    if not codes:
        return ""
    return "".join(codes) if len(codes) == 2 else f"{codes[0]}0"


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    plan = layout(context.schema)
    if not any(label.kind == "event" for label in context.schema.labels):
        context.notes.append("the schema has no event labels: the table has only its header")
    with atomic_file(out) as stream:
        stream.write(BOM)
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(plan.header)
        for item in documents:
            writer.writerows(_Document(item, context).rows(plan))
