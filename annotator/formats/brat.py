"""brat standoff: a ``.txt`` file and its ``.ann`` annotations, one pair per document.

Give a folder (every ``.ann`` under it, with the ``.txt`` of the same name), a ``.ann`` or a
``.txt``. Offsets are code points into the ``.txt`` exactly as it is on disk (a byte-order
mark and CR characters count, as they do for brat). What each line becomes:

- ``T`` text-bound → a span. A discontinuous one (``0 5;10 15``) becomes one span per
  fragment, all with the attribute ``fragment_of`` = its brat id, so they can be found and
  are written back as one ``T``.
- ``E`` event → an event on its trigger span (several events may share one), its arguments
  in order: a ``T`` is a span, an ``E`` another event (nested events). brat numbers a
  repeated role ``Org-Arg``, ``Org-Arg2``…: the number is dropped when the plain role is also
  there. An empty trigger (``0 0``: how our exports write an event with no trigger) is no
  trigger.
- ``R`` relation → a relation from its first argument to its second; the role is its type
  (an ``E`` stands for its trigger).
- ``A``/``M`` attribute → an attribute of the span, or of the event on an ``E`` (a binary
  one is ``true``). Attributes of relations have no place and are refused.
- ``#`` note → the attribute ``note`` (notes of other types: an attribute named by the type);
  a note on a relation goes on its first argument, prefixed with the relation.
- ``N`` normalisation → the attribute ``normalization`` (``Wikipedia:64488``; a list when
  there are several) and the span's canonical entity (named by the normalisation's text).
- ``*`` equivalence → the attribute ``equivalence`` = type and number (``Alias 1``) on every
  member.

Refused, naming the file and line: a reference to an id the file does not have (an
argument of another document among them), an event that is its own argument or that events
it fills fill in turn, a trigger that is no ``T`` or of another type than its event.

``annotation.conf`` beside the files (or in a folder above them, within the imported folder)
gives the labels' definitions when ``--add-labels`` adds them, and the project's own names
and values back for what an export of ours had to write otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.records import EventRecord, Record, RelationRecord, SpanRecord
from annotator.formats import brat_conf
from annotator.formats.brat_conf import BratConfiguration
from annotator.formats.brat_names import ARC, ATTRIBUTE, TYPE, BratNames
from annotator.formats.options import define_label, note
from annotator.formats.reading import files_in, iter_lines, read_text, refuse_link

CONF = "annotation.conf"
NOTE_TYPE = "AnnotatorNotes"
_OFFSETS = re.compile(r"^(\d+) (\d+)$")
_WHITE = re.compile(r"\s")


@dataclass
class _Text:
    id: str
    label: str
    fragments: list[tuple[int, int]]
    text: str
    line: int
    spans: list[SpanRecord] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        """A zero-width span: how an event with no trigger is written."""
        return self.fragments[0][0] == self.fragments[0][1]


@dataclass
class _Event:
    id: str
    label: str
    trigger: str
    arguments: list[tuple[str, str]]
    line: int


@dataclass
class _Relation:
    id: str
    type: str
    arguments: list[tuple[str, str]]
    line: int


def _roles(event: _Event, conf: BratConfiguration | None) -> list[str]:
    """The event's roles with brat's repeat numbers (Org-Arg2 → Org-Arg) taken off."""
    present = {role for role, _ in event.arguments}
    declared = conf.event_roles.get(event.label, set()) if conf else set()
    roles = []
    for role, _ in event.arguments:
        base = role
        if role not in declared:
            for cut in range(len(role) - 1, 0, -1):
                digits = role[cut:]
                if not digits.isdigit():
                    break
                if int(digits) >= 2 and (role[:cut] in present or role[:cut] in declared):
                    base = role[:cut]
                    break
        roles.append(base)
    return roles


class _BratDocument:
    """One ``.ann`` file read into its parts, then turned into a record."""

    def __init__(self, ann: Path, text: str, conf: BratConfiguration | None) -> None:
        self.ann = ann
        self.text = text
        self.conf = conf
        self.texts: dict[str, _Text] = {}
        self.events: dict[str, _Event] = {}
        self.relations: dict[str, _Relation] = {}
        self.attached: list[tuple[str, list[str], int]] = []  # A, M, #, N, * lines
        self.event_records: dict[str, EventRecord] = {}
        self.ids: dict[str, int] = {}  # every id of the file: the line it is defined on

    def error(self, reason: str, line: int) -> InputError:
        return InputError(reason, file=self.ann, line=line)

    def parse(self, encoding: str) -> None:
        if not self.ann.exists():
            return  # brat treats a missing .ann as an empty one
        for number, raw in iter_lines(self.ann, encoding):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            fields = line.split("\t")
            kind = fields[0][:1]
            if kind != "*":  # every other line has an id of its own
                first = self.ids.setdefault(fields[0], number)
                if first != number:
                    raise self.error(
                        f"{fields[0]} is defined twice (first on line {first}); brat ids are "
                        "unique in a file, and a project would keep only one of the two",
                        number,
                    )
            try:
                if kind == "T":
                    self._text_bound(fields, number)
                elif kind == "E":
                    self._event(fields, number)
                elif kind == "R":
                    self._relation(fields, number)
                elif kind in ("A", "M", "#", "N", "*"):
                    if len(fields) < 2 or len(fields[1].split(" ")) < 2:
                        raise self.error(
                            f"cannot read this {kind} line: {line!r} (it needs a type and the "
                            "id of the annotation it is on)",
                            number,
                        )
                    self.attached.append((kind, fields, number))
                else:
                    raise self.error(f"unknown annotation {fields[0]!r}", number)
            except (ValueError, IndexError):
                raise self.error(f"cannot read this {kind} line: {line!r}", number) from None

    def _text_bound(self, fields: list[str], number: int) -> None:
        label, _, places = fields[1].partition(" ")
        fragments = []
        for place in places.split(";"):
            match = _OFFSETS.match(place.strip())
            if not match:
                raise ValueError
            start, end = int(match[1]), int(match[2])
            empty = start == end and ";" not in places  # an event's missing trigger
            if not (start < end or empty) or end > len(self.text):
                raise self.error(
                    f"{fields[0]} ({label}): offsets {start}-{end} are empty or outside the text "
                    f"({len(self.text)} characters)",
                    number,
                )
            fragments.append((start, end))
        stated = fields[2] if len(fields) > 2 else None
        found = " ".join(self.text[s:e] for s, e in fragments)
        if stated is not None and _WHITE.sub(" ", stated) != _WHITE.sub(" ", found):
            raise self.error(
                f"{fields[0]} ({label}): the text at {places} is {found!r} but the file says "
                f"{stated!r}",
                number,
            )
        self.texts[fields[0]] = _Text(fields[0], label, fragments, found, number)

    def _event(self, fields: list[str], number: int) -> None:
        parts = fields[1].split()
        label, _, trigger = parts[0].partition(":")
        if not trigger:
            raise self.error(f"event {fields[0]} has no trigger", number)
        arguments = [tuple(part.split(":", 1)) for part in parts[1:]]
        if any(len(pair) != 2 for pair in arguments):
            raise ValueError
        self.events[fields[0]] = _Event(fields[0], label, trigger, arguments, number)

    def _relation(self, fields: list[str], number: int) -> None:
        parts = fields[1].split()
        arguments = [tuple(part.split(":", 1)) for part in parts[1:]]
        if len(arguments) != 2 or any(len(pair) != 2 for pair in arguments):
            raise self.error(f"relation {fields[0]} needs two arguments (Arg1:… Arg2:…)", number)
        self.relations[fields[0]] = _Relation(fields[0], parts[0], arguments, number)

    # -- resolving references --------------------------------------------------------------

    def _text_of(self, ref: str, number: int) -> _Text:
        """The text-bound annotation an id stands for (an event stands for its trigger)."""
        if ref in self.events:
            ref = self.events[ref].trigger
        if ref not in self.texts:
            raise self.error(f"refers to {ref}, which is not in this file", number)
        found = self.texts[ref]
        if found.empty:
            raise self.error(
                f"refers to {found.id}, an empty span, which stands only for the missing "
                "trigger of events",
                number,
            )
        return found

    def record(self, name: str, number: int) -> Record:
        names = self.conf.names if self.conf is not None else BratNames()
        spans: list[SpanRecord] = []
        for item in self.texts.values():
            if item.empty:
                continue
            label = names.ours(TYPE, item.label)
            for index, (start, end) in enumerate(item.fragments):
                attributes = {"fragment_of": item.id} if len(item.fragments) > 1 else {}
                key = item.id if index == 0 else f"{item.id};{index}"
                span = SpanRecord(start, end, label, attributes=attributes, key=key, line=item.line)
                item.spans.append(span)
                spans.append(span)
        self._check_events()
        self.event_records = {e.id: self._event_record(e, names) for e in self.events.values()}
        relations = self._plain_relations(names)
        self._attach(names)
        return Record(
            text=self.text,
            name=name,
            spans=spans,
            relations=relations,
            events=list(self.event_records.values()),
            number=number,
        )

    def _check_events(self) -> None:
        """brat's rules for events: a trigger of the event's type, arguments that are in the
        file, no event among its own arguments however deep."""
        for event in self.events.values():
            trigger = self.texts.get(event.trigger)
            if trigger is None:
                what = "another event" if event.trigger in self.events else "not in this file"
                raise self.error(
                    f"event {event.id}: its trigger {event.trigger} is {what}; a trigger is a "
                    "text-bound annotation (T) of this file",
                    event.line,
                )
            if trigger.label != event.label:
                raise self.error(
                    f"event {event.id} is {event.label} but its trigger {trigger.id} is "
                    f"{trigger.label}",
                    event.line,
                )
            for role, ref in event.arguments:
                if ref == event.id:
                    raise self.error(f"event {event.id} is its own argument ({role})", event.line)
                if ref in self.events:
                    continue
                if ref not in self.texts:
                    what = "a relation" if ref in self.relations else "not in this file"
                    raise self.error(
                        f"event {event.id}: its {role} {ref} is {what}; an argument is a span (T) "
                        "or an event (E) of the same document",
                        event.line,
                    )
                if self.texts[ref].empty:
                    raise self.error(
                        f"event {event.id}: its {role} {ref} is an empty span, which stands "
                        "only for the missing trigger of events",
                        event.line,
                    )
        self._refuse_loops()
        for item in self.texts.values():
            if item.empty and item.id not in {e.trigger for e in self.events.values()}:
                raise self.error(
                    f"{item.id} ({item.label}): offsets {item.fragments[0][0]}-"
                    f"{item.fragments[0][1]} are empty and no event has it as its trigger",
                    item.line,
                )

    def _refuse_loops(self) -> None:
        """An event may fill a role of another, but never, through others, one of its own."""
        state: dict[str, str] = {}
        for first in self.events:
            if first in state:
                continue
            stack = [(first, iter(self.events[first].arguments))]
            state[first] = "open"
            while stack:
                current, pending = stack[-1]
                for _role, ref in pending:
                    if ref not in self.events or state.get(ref) == "done":
                        continue
                    if state.get(ref) == "open":
                        raise self.error(
                            f"event {ref} fills a role of event {current}, which fills one of "
                            f"{ref} in turn; an event cannot be among its own arguments",
                            self.events[current].line,
                        )
                    state[ref] = "open"
                    stack.append((ref, iter(self.events[ref].arguments)))
                    break
                else:
                    stack.pop()
                    state[current] = "done"

    def _event_record(self, event: _Event, names: BratNames) -> EventRecord:
        trigger = self.texts[event.trigger]
        arguments = [
            (names.ours(ARC, role), ref)
            for role, (_, ref) in zip(_roles(event, self.conf), event.arguments, strict=True)
        ]
        return EventRecord(
            names.ours(TYPE, event.label),
            trigger=None if trigger.empty else trigger.id,
            arguments=arguments,
            key=event.id,
            line=event.line,
        )

    def _plain_relations(self, names: BratNames) -> list[RelationRecord]:
        relations = []
        for relation in self.relations.values():
            (_, first), (_, second) = relation.arguments
            source = self._text_of(first, relation.line)
            target = self._text_of(second, relation.line)
            relations.append(RelationRecord(source.id, target.id, names.ours(ARC, relation.type)))
        return relations

    def _owner(self, ref: str, number: int) -> EventRecord | _Text:
        """What an attribute, note or normalisation is on: an event, or a span."""
        if ref in self.event_records:
            return self.event_records[ref]
        return self._text_of(ref, number)

    @staticmethod
    def _get(owner: EventRecord | _Text, name: str) -> Any:
        if isinstance(owner, EventRecord):
            return owner.attributes.get(name)
        return owner.spans[0].attributes.get(name)

    @staticmethod
    def _set(owner: EventRecord | _Text, name: str, value: Any) -> None:
        if isinstance(owner, EventRecord):
            owner.attributes[name] = value
        else:
            for span in owner.spans:
                span.attributes[name] = value

    def _add_value(self, owner: EventRecord | _Text, name: str, value: str) -> None:
        """Set an attribute; a second value makes it a list."""
        known = self._get(owner, name)
        if known is None:
            self._set(owner, name, value)
        else:
            self._set(owner, name, [*(known if isinstance(known, list) else [known]), value])

    def _attach(self, names: BratNames) -> None:
        equivalences = 0
        for kind, fields, number in self.attached:
            parts = fields[1].split(" ")
            if kind in ("A", "M"):
                name, target = parts[0], parts[1]
                if target in self.relations:
                    raise self.error(
                        f"attribute {name} is on the relation {target}: relations have no "
                        "attributes in a project",
                        number,
                    )
                value: Any = " ".join(parts[2:]) if len(parts) > 2 else True
                if value is not True:
                    value = names.our_value(name, value)
                self._set(self._owner(target, number), names.ours(ATTRIBUTE, name), value)
            elif kind == "#":
                self._note(parts[0], parts[1], fields[2] if len(fields) > 2 else "", number)
            elif kind == "N":
                owner = self._owner(parts[1], number)
                reference = " ".join(parts[2:])
                name = fields[2] if len(fields) > 2 else ""
                if not reference.startswith("entity:"):
                    if parts[0] != "Reference":
                        reference = f"{parts[0]} {reference}"
                    self._add_value(owner, "normalization", reference)
                if name and isinstance(owner, _Text) and owner.spans[0].entity is None:
                    for span in owner.spans:
                        span.entity = name
            else:
                equivalences += 1
                group = f"{names.ours(ARC, parts[0])} {equivalences}"
                for ref in parts[1:]:
                    self._add_value(self._owner(ref, number), "equivalence", group)

    def _note(self, kind: str, target: str, text: str, number: int) -> None:
        name = "note" if kind == NOTE_TYPE else kind
        owner: EventRecord | _Text
        if target in self.relations:
            relation = self.relations[target]
            owner = self._text_of(relation.arguments[0][1], number)
            other = self._text_of(relation.arguments[1][1], number)
            text = f"[{relation.type} → {other.text}] {text}"
        else:
            owner = self._owner(target, number)
        known = self._get(owner, name)
        self._set(owner, name, f"{known}\n{text}" if known else text)


# -- files and folders -------------------------------------------------------------------


def _pairs(path: Path) -> tuple[Path, list[tuple[Path, Path]]]:
    """(the folder configurations are looked for up to, [(txt, ann)…])."""
    if path.is_dir():
        anns = files_in(path, ".ann")
        if not anns:
            raise InputError("no brat .ann files in this folder", file=path)
        return path, [(ann.with_suffix(".txt"), ann) for ann in anns]
    suffix = path.suffix.lower()
    if suffix == ".ann":
        return path.parent, [(path.with_suffix(".txt"), path)]
    if suffix == ".txt":
        return path.parent, [(path, path.with_suffix(".ann"))]
    raise InputError("a brat document is a .txt with its .ann, or a folder of them", file=path)


def _find_conf(folder: Path, root: Path) -> Path | None:
    root = root.resolve()
    folder = folder.resolve()
    while True:
        if (folder / CONF).is_file():
            return folder / CONF
        if folder == root or root not in folder.parents:
            return None
        folder = folder.parent


def _confs(
    root: Path, pairs: list[tuple[Path, Path]], encoding: str
) -> dict[Path, BratConfiguration]:
    """The ``annotation.conf`` that holds for each ``.ann`` (none where there is none)."""
    parsed: dict[Path, BratConfiguration] = {}
    found: dict[Path, BratConfiguration] = {}
    for _txt, ann in pairs:
        conf_path = _find_conf(ann.parent, root)
        if conf_path is None:
            continue
        refuse_link(conf_path)
        if conf_path not in parsed:
            parsed[conf_path] = brat_conf.parse(read_text(conf_path, encoding))
        found[ann] = parsed[conf_path]
    return found


def _events_seen(
    pairs: list[tuple[Path, Path]], confs: dict[Path, BratConfiguration], encoding: str
) -> dict[str, dict[str, Any]]:
    """Definitions of the event types the files use and no ``annotation.conf`` defines: the
    roles their events fill, with the types that fill them. Lines that cannot be read are
    left for the reading proper to refuse with their place."""
    seen: dict[str, dict[str, dict[str, Any]]] = {}  # event type → role → its definition
    for _txt, ann in pairs:
        if not ann.exists():
            continue
        conf = confs.get(ann)
        names = conf.names if conf is not None else BratNames()
        types: dict[str, str] = {}
        events: list[_Event] = []
        for number, raw in iter_lines(ann, encoding):
            fields = raw.rstrip("\r\n").split("\t")
            if len(fields) < 2 or not fields[1]:
                continue
            parts = fields[1].split()
            if fields[0][:1] == "T":
                types[fields[0]] = names.ours(TYPE, parts[0])
            elif fields[0][:1] == "E" and ":" in parts[0]:
                label, _, trigger = parts[0].partition(":")
                arguments = [(r, ref) for r, _, ref in (p.partition(":") for p in parts[1:])]
                events.append(_Event(fields[0], label, trigger, arguments, number))
        kinds = {event.id: names.ours(TYPE, event.label) for event in events}
        for event in events:
            label = kinds[event.id]
            if conf is not None and label in conf.definitions:
                continue
            roles = seen.setdefault(label, {})
            counted: dict[str, int] = {}
            for role, (_, ref) in zip(_roles(event, conf), event.arguments, strict=True):
                ours = names.ours(ARC, role)
                counted[ours] = counted.get(ours, 0) + 1
                definition = roles.setdefault(ours, {"name": ours, "types": [], "many": False})
                filler = "event" if ref in kinds else types.get(ref)
                if filler is not None and filler not in definition["types"]:
                    definition["types"].append(filler)
                definition["many"] = definition["many"] or counted[ours] > 1
    return {
        label: {"id": label, "kind": "event", "roles": list(roles.values())}
        for label, roles in seen.items()
    }


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    root, pairs = _pairs(path)
    confs = _confs(root, pairs, encoding)
    for conf in {id(conf): conf for conf in confs.values()}.values():
        for definition in conf.definitions.values():
            define_label(options, definition)
    for definition in _events_seen(pairs, confs, encoding).values():
        define_label(options, definition)
    relation_types: set[str] = set()
    blank = []
    for number, (txt, ann) in enumerate(pairs, 1):
        if not txt.exists():
            raise InputError(f"{ann.name} has no text file {txt.name} beside it", file=ann)
        refuse_link(txt)
        conf = confs.get(ann)
        document = _BratDocument(ann, read_text(txt, encoding), conf)
        document.parse(encoding)
        if not document.text.strip() and not document.texts:
            blank.append(txt.name)
            continue
        names = conf.names if conf is not None else BratNames()
        relation_types.update(names.ours(ARC, r.type) for r in document.relations.values())
        yield document.record(txt.stem, number)
    if relation_types:
        kinds = ", ".join(sorted(relation_types))
        note(options, f"brat relations became links whose role is their type: {kinds}")
    if blank:
        note(options, f"documents with no text skipped: {', '.join(blank)}")
