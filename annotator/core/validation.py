"""The shape every record must have before anything of it is written: one boundary for every
format.

Readers translate their own format into :class:`~annotator.core.records.Record` objects;
:class:`RecordCheck` then holds each one against the declared kinds of its fields below, so
that whatever a file holds, what reaches a project is text where text belongs, whole numbers
SQLite can store, free-form values (meta, attributes, provenance) that every exporter can
write back, and span ids that name one span each. A problem is an :class:`InputError` naming
the span, link or thread, the field, and what is wrong; the caller adds the file and the
line or record. What needs the text or the schema (offsets, labels, the layers and kinds a
link joins) is :func:`~annotator.core.records.prepare`'s, next.

Limits (stated in docs/safety.md):

- free-form values nest at most :data:`MAX_DEPTH` levels (objects and lists inside each
  other), so that every exporter, which writes them recursively, can write them;
- whole numbers lie within SQLite's 64-bit range, :data:`SMALLEST` to :data:`LARGEST`;
  numbers with a fraction are finite (no NaN, no infinity: JSON has neither);
- names of labels, roles, attributes and annotators are text of one to :data:`NAME_LENGTH`
  characters (each becomes a tag, a column or a file name in some export; the exporters
  that cannot write a character of one say so);
- no string anywhere holds an unpaired surrogate (half of a UTF-16 pair, which JSON's
  ``\\ud800`` escapes can produce and no UTF-8 file can hold).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from annotator.core.errors import InputError

if TYPE_CHECKING:  # for types only: the schema, which the records import, uses this module
    from annotator.core.discussion import ThreadRecord
    from annotator.core.records import EventRecord, Record, RelationRecord, SpanRecord

MAX_DEPTH = 32
SMALLEST, LARGEST = -(2**63), 2**63 - 1
NAME_LENGTH = 200

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_LINE_BREAKING = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_SCALARS = (str, int, float, bool, type(None))


def described(value: Any) -> str:
    """What a value is, in the words of JSON, for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return type(value).__name__


def shown(text: str, limit: int = 40) -> str:
    """A string quoted for a message: escapes made visible, long ones cut."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    return repr(cut)


def _string_problem(text: str) -> str | None:
    match = _SURROGATE.search(text)
    if match is None:
        return None
    return (
        f"has an unpaired surrogate at character {match.start()} (half of an emoji or other "
        "character beyond the BMP; the file's \\ud800-style escapes are broken)"
    )


def name_problem(name: Any, what: str = "name") -> str | None:
    """Why ``name`` cannot be a label, role, attribute or annotator name, or None."""
    if not isinstance(name, str):
        return f"must be text, got {described(name)}"
    problem = _string_problem(name)
    if problem:
        return problem
    if not name.strip():
        return f"an empty {what}"
    if len(name) > NAME_LENGTH:
        return f"is {len(name)} characters long; a {what} has at most {NAME_LENGTH}"
    return None


def tag_problem(label: str) -> str | None:
    """Why a label cannot be a tag on a line of an export (a CoNLL tag, a brat type), or None.

    A space inside is not a problem here: the writers that split at spaces handle it.
    """
    if _LINE_BREAKING.search(label):
        return (
            "holds a tab, a line break or another control character, which no line of an "
            "export can hold"
        )
    if label != label.strip():
        return "starts or ends with white space, which a column of an export would lose"
    return None


def _place(where: str) -> str:
    """A place inside a value, shortened when it is deep: ``meta.x[0][0]…[0][0]``."""
    return where if len(where) <= 60 else f"{where[:40]}…{where[-16:]}"


def value_problem(value: Any, field: str) -> str | None:
    """Why a free-form JSON value cannot be kept, naming where inside it; or None."""
    if type(value) is str:  # the common case, without the walk
        return _string_problem(value)
    fault = value_fault(value, field)
    return None if fault is None else f"{_place(fault[0])}: {fault[1]}"


def value_fault(value: Any, field: str) -> tuple[str, str] | None:
    """Where inside a JSON value the first thing that cannot be kept is, and what is wrong
    with it; or None. Places read ``field.key[0]`` (``key[0]`` with an empty ``field``).

    Walked with a list, not recursion, so that a value nested far too deep is reported, not
    a crash.
    """
    pending: list[tuple[Any, str, int]] = [(value, field, 0)]
    while pending:
        item, where, depth = pending.pop()
        kind = type(item)
        if kind is str:
            problem = _string_problem(item)
            if problem:
                return where, problem
        elif kind is int:
            if not SMALLEST <= item <= LARGEST:
                return where, (
                    f"the number {item} is beyond what a project can store "
                    f"(whole numbers from -2^63 to 2^63-1)"
                )
        elif kind is float:
            if not math.isfinite(item):
                return where, f"{item} is not a number JSON can hold"
        elif kind is dict or kind is list:
            if depth >= MAX_DEPTH:
                return where, f"nested deeper than {MAX_DEPTH} levels"
            if kind is dict:
                for key, inner in item.items():
                    if type(key) is not str:
                        return where, f"a key must be text, got {described(key)}"
                    problem = _string_problem(key)
                    if problem:
                        return where, f"the key {shown(key)} {problem}"
                    pending.append((inner, f"{where}.{key}" if where else key, depth + 1))
            else:
                pending.extend((inner, f"{where}[{i}]", depth + 1) for i, inner in enumerate(item))
        elif not isinstance(item, _SCALARS):
            return where, f"{described(item)} is not a JSON value"
    return None


class RecordCheck:
    """The boundary: every record an import, a merge or a label listing reads passes here.

    One instance serves one import, and remembers the names it has found sound, so that a
    label or an annotator met on every span is checked once.
    """

    def __init__(self) -> None:
        self.sound_names: set[str] = set()

    def __call__(self, record: Record) -> Record:
        self.record(record)
        return record

    def name(self, name: Any, where: str, field: str, what: str) -> None:
        if type(name) is str and name in self.sound_names:
            return
        problem = name_problem(name, what)
        if problem:
            raise InputError(f"{where}: field '{field}' {problem}")
        self.sound_names.add(name)

    def optional_name(self, name: Any, where: str, field: str, what: str) -> None:
        if name is not None and name != "":
            self.name(name, where, field, what)

    def record(self, record: Record) -> None:
        if not isinstance(record.text, str):
            raise InputError(f"field 'text' must be text, got {described(record.text)}")
        _text(record.name, "the document", "name", optional=True)
        _object(record.meta, "the document", "meta")
        self.spans(record.spans)
        self.relations(record.relations)
        if record.events is not None:
            self.events(record.events)
        if not isinstance(record.status, dict):
            raise InputError(f"field 'status' must be an object, got {described(record.status)}")
        for annotator, status in record.status.items():
            self.name(annotator, "status", "annotator", "annotator name")
            if not isinstance(status, str):
                raise InputError(f"status of {annotator!r}: must be text, got {described(status)}")
        self.threads(record.threads)

    def spans(self, spans: Iterable[SpanRecord]) -> None:
        keys: dict[str, int] = {}
        for number, span in enumerate(spans, 1):
            try:
                self.span(span, number, keys)
            except InputError as error:
                raise error.located(line=span.line) from None

    def span(self, span: SpanRecord, number: int, keys: dict[str, int]) -> None:
        """One span's fields; ``keys`` holds the ids of the spans before it.

        The common case (whole-number offsets, a label and layer already seen, no
        attributes) costs a few comparisons: this runs for every span of every import.
        """
        sound = self.sound_names
        label, annotator, attributes = span.label, span.annotator, span.attributes
        if (
            type(span.start) is int
            and type(span.end) is int
            and type(label) is str
            and label in sound
            and annotator is None
            and span.text is None
            and not attributes
            and type(attributes) is dict
            and span.entity is None
            and span.provenance is None
            and span.key is None
        ):
            return  # a [start, end, "LABEL"] triple whose label was met before
        where = f"span {number}"
        if type(span.start) is not int or type(span.end) is not int:
            field = "start" if type(span.start) is not int else "end"
            value = getattr(span, field)
            got = shown(value) if isinstance(value, str) else _scalar_or_kind(value)
            raise InputError(f"{where}: field '{field}' must be a whole number, got {got}")
        if type(label) is not str or label not in sound:
            self.name(label, where, "label", "label")
        if annotator is not None and (type(annotator) is not str or annotator not in sound):
            self.optional_name(annotator, where, "annotator", "annotator name")
        if span.text is not None:
            _text(span.text, where, "text")
        if attributes:
            _object(attributes, where, "attributes")
            for attribute in attributes:
                self.name(attribute, where, "attributes", "attribute name")
        elif type(attributes) is not dict:
            raise InputError(
                f"{where}: field 'attributes' must be an object, got {described(attributes)}"
            )
        if span.entity is not None:
            _text(span.entity, where, "entity")
        if span.provenance is not None:
            _object(span.provenance, where, "provenance")
        key = span.key
        if key is not None:
            _text(key, where, "id")
            first = keys.setdefault(key, number)
            if first != number:
                raise InputError(
                    f"{where}: field 'id': {shown(key)} is also the id of span {first}; "
                    "links would not know which span they join"
                )

    def relations(self, relations: Iterable[RelationRecord]) -> None:
        for number, relation in enumerate(relations, 1):
            where = f"relation {number}"
            _text(relation.source, where, "from")
            _text(relation.target, where, "to")
            self.name(relation.role, where, "role", "role")
            self.optional_name(relation.annotator, where, "annotator", "annotator name")

    def events(self, events: Iterable[EventRecord]) -> None:
        keys: dict[str, int] = {}
        for number, event in enumerate(events, 1):
            where = f"event {number}"
            try:
                self.name(event.label, where, "type", "label")
                _text(event.trigger, where, "trigger", optional=True)
                self.optional_name(event.annotator, where, "annotator", "annotator name")
                if type(event.attributes) is not dict:
                    raise InputError(
                        f"{where}: field 'attributes' must be an object, got "
                        f"{described(event.attributes)}"
                    )
                if event.attributes:
                    _object(event.attributes, where, "attributes")
                if event.provenance is not None:
                    _object(event.provenance, where, "provenance")
                if type(event.arguments) is not list:
                    raise InputError(
                        f"{where}: field 'arguments' must be a list, got "
                        f"{described(event.arguments)}"
                    )
                for index, argument in enumerate(event.arguments, 1):
                    if type(argument) is not tuple or len(argument) != 2:
                        raise InputError(f"{where}: argument {index} must be a role and an id")
                    self.name(argument[0], f"{where}, argument {index}", "role", "role")
                    _text(argument[1], f"{where}, argument {index}", "id")
                if event.key is not None:
                    _text(event.key, where, "id")
                    first = keys.setdefault(event.key, number)
                    if first != number:
                        raise InputError(
                            f"{where}: field 'id': {shown(event.key)} is also the id of event "
                            f"{first}"
                        )
            except InputError as error:
                raise error.located(line=event.line) from None

    def threads(self, threads: Iterable[ThreadRecord]) -> None:
        for number, thread in enumerate(threads, 1):
            where = f"comment thread {number}"
            _text(thread.annotation, where, "annotation", optional=True)
            if thread.anchor is not None:
                _object(thread.anchor, where, "anchor")
            if not isinstance(thread.resolved, bool):
                raise InputError(
                    f"{where}: field 'resolved' must be true or false, got "
                    f"{_scalar_or_kind(thread.resolved)}"
                )
            for field in ("changed_by", "changed_at", "created"):
                _text(getattr(thread, field), where, field, optional=True)
            for index, message in enumerate(thread.messages, 1):
                inside = f"{where}, message {index}"
                for field in ("author", "body", "created"):
                    _text(getattr(message, field), inside, field)


def _scalar_or_kind(value: Any) -> str:
    return repr(value) if isinstance(value, _SCALARS) else described(value)


def _text(value: Any, where: str, field: str, optional: bool = False) -> None:
    if value is None and optional:
        return
    if type(value) is not str:
        raise InputError(f"{where}: field '{field}' must be text, got {described(value)}")
    problem = _string_problem(value)
    if problem:
        raise InputError(f"{where}: field '{field}' {problem}")


def _object(value: Any, where: str, field: str) -> None:
    if type(value) is not dict:
        raise InputError(f"{where}: field '{field}' must be an object, got {described(value)}")
    if value:
        problem = value_problem(value, field)
        if problem:
            raise InputError(f"{where}: field '{field}': {problem}")
