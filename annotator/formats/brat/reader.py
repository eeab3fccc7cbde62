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
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.records import EventRecord, Record, RelationRecord, SpanRecord
from annotator.formats.brat import conf as brat_conf
from annotator.formats.brat.conf import BratConfiguration
from annotator.formats.brat.events import (
    EventLine,
    RelationLine,
    TextBound,
    check_events,
    events_seen,
    plain_roles,
)
from annotator.formats.brat.names import ARC, ATTRIBUTE, TYPE, BratNames
from annotator.formats.options import define_label, note
from annotator.formats.reading import files_in, iter_lines, read_text, refuse_link

CONF = "annotation.conf"
NOTE_TYPE = "AnnotatorNotes"
_OFFSETS = re.compile(r"^(\d+) (\d+)$")
_WHITE = re.compile(r"\s")


class _BratDocument:
    """One ``.ann`` file read into its parts, then turned into a record."""

    def __init__(self, ann: Path, text: str, conf: BratConfiguration | None) -> None:
        self.ann = ann
        self.text = text
        self.conf = conf
        self.texts: dict[str, TextBound] = {}
        self.events: dict[str, EventLine] = {}
        self.relations: dict[str, RelationLine] = {}
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
        self.texts[fields[0]] = TextBound(fields[0], label, fragments, found, number)

    def _event(self, fields: list[str], number: int) -> None:
        parts = fields[1].split()
        label, _, trigger = parts[0].partition(":")
        if not trigger:
            raise self.error(f"event {fields[0]} has no trigger", number)
        arguments = [tuple(part.split(":", 1)) for part in parts[1:]]
        if any(len(pair) != 2 for pair in arguments):
            raise ValueError
        self.events[fields[0]] = EventLine(fields[0], label, trigger, arguments, number)

    def _relation(self, fields: list[str], number: int) -> None:
        parts = fields[1].split()
        arguments = [tuple(part.split(":", 1)) for part in parts[1:]]
        if len(arguments) != 2 or any(len(pair) != 2 for pair in arguments):
            raise self.error(f"relation {fields[0]} needs two arguments (Arg1:… Arg2:…)", number)
        self.relations[fields[0]] = RelationLine(fields[0], parts[0], arguments, number)

    # -- resolving references --------------------------------------------------------------

    def _text_of(self, ref: str, number: int) -> TextBound:
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
        check_events(self.texts, self.events, self.relations, self.error)
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
            file=str(self.ann),  # a refusal of the schema's rules names the .ann and its line
        )

    def _event_record(self, event: EventLine, names: BratNames) -> EventRecord:
        trigger = self.texts[event.trigger]
        arguments = [
            (names.ours(ARC, role), ref)
            for role, (_, ref) in zip(plain_roles(event, self.conf), event.arguments, strict=True)
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

    def _owner(self, ref: str, number: int) -> EventRecord | TextBound:
        """What an attribute, note or normalisation is on: an event, or a span."""
        if ref in self.event_records:
            return self.event_records[ref]
        return self._text_of(ref, number)

    @staticmethod
    def _get(owner: EventRecord | TextBound, name: str) -> Any:
        if isinstance(owner, EventRecord):
            return owner.attributes.get(name)
        return owner.spans[0].attributes.get(name)

    @staticmethod
    def _set(owner: EventRecord | TextBound, name: str, value: Any) -> None:
        if isinstance(owner, EventRecord):
            owner.attributes[name] = value
        else:
            for span in owner.spans:
                span.attributes[name] = value

    def _add_value(self, owner: EventRecord | TextBound, name: str, value: str) -> None:
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
                if name and isinstance(owner, TextBound) and owner.spans[0].entity is None:
                    for span in owner.spans:
                        span.entity = name
            else:
                equivalences += 1
                group = f"{names.ours(ARC, parts[0])} {equivalences}"
                for ref in parts[1:]:
                    self._add_value(self._owner(ref, number), "equivalence", group)

    def _note(self, kind: str, target: str, text: str, number: int) -> None:
        name = "note" if kind == NOTE_TYPE else kind
        owner: EventRecord | TextBound
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


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    root, pairs = _pairs(path)
    confs = _confs(root, pairs, encoding)
    for conf in {id(conf): conf for conf in confs.values()}.values():
        for definition in conf.definitions.values():
            define_label(options, definition)
    for definition in events_seen(pairs, confs, encoding).values():
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
