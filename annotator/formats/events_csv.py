"""Coded events as a table: one row per event span, for spreadsheets, R and pandas.

The first twelve columns are always the same, whatever the schema::

    document, event_id, event_type, sub_event_type, trigger, actor1, actor2, location,
    date, fatalities, annotator, sentence

``actor1``, ``actor2`` and ``location`` are the fillers of the roles of those names (the
conflict schema's); several fillers of one role are joined with "; " in text order. A filler
tied to a canonical entity is written as the entity's name, so one actor reads the same in
every row; ``<role>_mention`` columns keep the words of the text. ``event_type`` is the
span's ``event_type`` attribute, or its label when it has none (ACE: CONFLICT, LIFE…);
``sub_event_type`` is ``sub_event_type``, or ACE's ``subtype``. ``sentence`` is the sentence
of the text holding the trigger (sentences as in the training formats: line breaks and
. ! ? ؟). After them: ``trigger_start``/``trigger_end`` (code points into the document), the
mention columns, each other role of the schema's event labels as a pair of columns, then each
other attribute of those labels. A role or attribute whose name is already a column (in any
case) is prefixed ``role_`` / ``attribute_``.

The file is UTF-8 with a byte-order mark and CRLF line ends: Excel detects UTF-8 (and so
shows Arabic) only with the mark; pandas, readr and Python's ``utf-8-sig`` skip it.
"""

from __future__ import annotations

import csv
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.core.model import AnnotatedDocument, Span
from annotator.core.schema import Schema
from annotator.core.tokens import sentences, tokenize
from annotator.formats.writing import atomic_file

if TYPE_CHECKING:
    from annotator.formats.registry import ExportContext

BOM = "\ufeff"
SEPARATOR = "; "
CONFLICT_ROLES = ("actor1", "actor2", "location")
COLUMNS = (
    "document",
    "event_id",
    "event_type",
    "sub_event_type",
    "trigger",
    *CONFLICT_ROLES,
    "date",
    "fatalities",
    "annotator",
    "sentence",
)
_TYPE, _SUB_TYPES = "event_type", ("sub_event_type", "subtype")
_IN_FIXED_COLUMNS = {_TYPE, *_SUB_TYPES, "date", "fatalities"}


@dataclass(frozen=True)
class Layout:
    """The columns for one schema: the fixed ones, then its other roles and attributes."""

    roles: tuple[tuple[str, str], ...]  # (role name, column) for roles beyond the conflict ones
    attributes: tuple[tuple[str, str], ...]  # (attribute name, column)

    @property
    def header(self) -> tuple[str, ...]:
        mentions = tuple(f"{role}_mention" for role in CONFLICT_ROLES)
        roles = tuple(name for _, column in self.roles for name in (column, f"{column}_mention"))
        attributes = tuple(column for _, column in self.attributes)
        return (*COLUMNS, "trigger_start", "trigger_end", *mentions, *roles, *attributes)


def layout(schema: Schema) -> Layout:
    events = [label for label in schema.labels if label.kind == "event"]
    taken = {c.lower() for c in (*COLUMNS, "trigger_start", "trigger_end")}
    taken |= {f"{role}_mention" for role in CONFLICT_ROLES}
    roles: dict[str, str] = {}
    for role in (role.name for label in events for role in label.roles):
        if role not in CONFLICT_ROLES and role not in roles:
            column = f"role_{role}" if role.lower() in taken else role
            roles[role] = column
            taken |= {column.lower(), f"{column}_mention".lower()}
    attributes: dict[str, str] = {}
    for name in (a.name for label in events for a in label.attributes):
        if name not in _IN_FIXED_COLUMNS and name not in attributes:
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


def _rows(item: AnnotatedDocument, plan: Layout, context: ExportContext) -> Iterator[list[str]]:
    schema = context.schema
    spans = {span.id: span for span in item.spans}
    fillers: dict[tuple[int, str], list[Span]] = {}
    for relation in item.relations:
        target = spans.get(relation.target)
        if target is not None:
            fillers.setdefault((relation.source, relation.role), []).append(target)
    text = _Sentences(item.document.text)
    for span in item.spans:
        label = schema.label(span.label)
        if label is None or label.kind != "event":
            continue

        def role(name: str, span: Span = span) -> tuple[str, str]:
            found = sorted(fillers.get((span.id, name), []), key=lambda s: (s.start, s.end, s.id))
            names = (context.entities.get(s.entity_id, s.text) for s in found)
            return _joined(names), _joined(s.text for s in found)

        values = span.attributes
        conflict = [role(name) for name in CONFLICT_ROLES]
        sub_type = next((values[name] for name in _SUB_TYPES if name in values), None)
        yield [
            item.document.name,
            str(span.id),
            _cell(values.get(_TYPE) if label.attribute(_TYPE) else span.label),
            _cell(sub_type),
            span.text,
            *(names for names, _ in conflict),
            _cell(values.get("date")),
            _cell(values.get("fatalities")),
            span.annotator,
            text.around(span.start, span.end),
            str(span.start),
            str(span.end),
            *(mentions for _, mentions in conflict),
            *(cell for name, _ in plan.roles for cell in role(name)),
            *(_cell(values.get(name)) for name, _ in plan.attributes),
        ]


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    plan = layout(context.schema)
    if not any(label.kind == "event" for label in context.schema.labels):
        context.notes.append("the schema has no event labels: the table has only its header")
    with atomic_file(out) as stream:
        stream.write(BOM)
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(plan.header)
        for item in documents:
            writer.writerows(_rows(item, plan, context))
