"""Writing brat standoff: a folder of ``.txt``/``.ann`` pairs and an ``annotation.conf``.

One layer (or none) gives a flat folder; several layers give one sub-folder per annotator,
each with its own copy of the texts (brat has no layers), and documents nobody annotated at
the top. Spans are ``T`` lines (spans sharing ``fragment_of`` one discontinuous ``T``); each
event is an ``E`` line on its trigger's ``T`` — several events may share one — with its
arguments in order (a role repeated in one event is numbered ``role``, ``role2``… as brat
does; an argument that is an event is its ``E``); links between spans are ``R`` relations.
An event's attributes are ``A`` lines on its ``E``, a span's on its ``T`` (``true`` as a
binary attribute); ``note`` is a ``#`` note, ``normalization`` and canonical entities ``N``
lines, ``equivalence`` ``*`` lines. Offsets are code points into the ``.txt``, which is the
stored text (LF line ends, no byte-order mark).

brat wants what a project need not have, so: an event with no trigger is written on an
empty trigger at the start of the text, which an import reads back as no trigger; an event
whose trigger is a span of another label gets a trigger of its own type at the same place;
nothing but events may point at a trigger, so a relation to a trigger names its first event,
and a trigger's own attributes are left out. The report says how many of each. Names and
values go in the forms brat keeps (:mod:`annotator.formats.brat.names`).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from annotator.core.model import AnnotatedDocument, Event, Relation, Span
from annotator.formats.brat.conf import BratUse, prepare, render
from annotator.formats.export_context import ExportContext
from annotator.formats.writing import atomic_directory

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
_SPECIAL = ("fragment_of", "note", "normalization", "equivalence")
NAME_BYTES = 255  # the longest file name ext4, APFS, NTFS and others take, in UTF-8 bytes
EXTENSION_ROOM = 8  # for the ".ann" or ".tsv" a writer adds to a name


def _clean(text: str) -> str:
    """brat keeps one annotation per line: tabs and line breaks become spaces."""
    return re.sub(r"[\t\r\n]", " ", text)


def _within(name: str, size: int) -> str:
    """The longest start of ``name`` whose UTF-8 form has at most ``size`` bytes."""
    encoded = name.encode("utf-8")
    if len(encoded) <= size:
        return name
    return encoded[:size].decode("utf-8", "ignore").rstrip(" .")


def file_name(name: str, used: set[str], fallback: str) -> str:
    """A file name for a document or a layer: safe on every system, short enough for its file
    system with the longest extension a writer adds, and not used yet.

    Names are cut to :data:`NAME_BYTES` less :data:`EXTENSION_ROOM` bytes of UTF-8 (an
    Arabic letter is two, so a long headline is cut near 120 letters); two names that are
    the same once cut are told apart by ``-2``, ``-3``…
    """
    size = NAME_BYTES - EXTENSION_ROOM
    base = _within(_UNSAFE.sub("_", name).strip(" ."), size) or fallback
    candidate, number = base, 1
    while candidate.lower() in used:
        number += 1
        ending = f"-{number}"
        candidate = _within(base, size - len(ending)) + ending
    used.add(candidate.lower())
    return candidate


def _numbered(item: tuple[str, list[str]]) -> tuple[int, str]:
    """Equivalence groups in the order of their numbers (``Alias 2`` before ``Equiv 10``),
    which an import, counting ``*`` lines, gives them again."""
    number = item[0].rpartition(" ")[2]
    return (int(number) if number.isdigit() else 0, item[0])


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


@dataclass
class LeftOut:
    """What brat cannot hold, counted over the export, for the report."""

    trigger_coding: int = 0  # attributes, notes, links to entities of spans that trigger events
    no_trigger: int = 0  # events written on an empty trigger
    other_trigger: int = 0  # events whose trigger is a span of another label


class _BratLayer:
    """The ``.ann`` lines of one annotator's spans, events and links on one document."""

    def __init__(
        self,
        spans: list[Span],
        relations: list[Relation],
        events: list[Event],
        use: BratUse,
        left_out: LeftOut,
    ) -> None:
        self.spans = sorted(spans, key=lambda s: (s.start, s.end, s.id))
        self.relations = relations
        self.events = events
        self.use = use
        self.names = use.names
        self.left_out = left_out
        self.lines: list[str] = []
        self.tid: dict[int, str] = {}  # span id → T id
        self.heads: list[Span] = []  # one span per T (the first fragment)
        self.head_of: dict[int, Span] = {}  # span id → the first fragment of its T
        self.places: dict[str, str] = {}  # T id → its offsets, as written
        self.eid: dict[int, str] = {}  # event id → E id
        self.on_trigger: dict[int, str] = {}  # head span id → the first E id on it
        self.types: dict[str, str] = {}  # T or E id → its brat type
        self.counts: dict[str, int] = defaultdict(int)
        self.equivalences: dict[str, list[str]] = defaultdict(list)  # group → its members

    def next_id(self, kind: str) -> str:
        self.counts[kind] += 1
        return f"{kind}{self.counts[kind]}"

    def render(self, entities: dict[int, str]) -> str:
        self._text_bound()
        self._events()
        self._relations()
        self._span_attributes(entities)
        self._event_attributes()
        return "".join(f"{line}\n" for line in self.lines)

    def _text_bound(self) -> None:
        groups: dict[str, list[Span]] = defaultdict(list)
        for span in self.spans:
            fragment = span.attributes.get("fragment_of")
            if isinstance(fragment, str):
                groups[fragment].append(span)
        for span in self.spans:
            if span.id in self.tid:
                continue
            fragment = span.attributes.get("fragment_of")
            members = groups[fragment] if isinstance(fragment, str) else [span]
            tid = self.next_id("T")
            for member in members:
                self.tid[member.id] = tid
                self.head_of[member.id] = span
            self.heads.append(span)
            places = ";".join(f"{m.start} {m.end}" for m in members)
            text = " ".join(_clean(m.text) for m in members)
            self.places[tid] = f"{places}\t{text}"
            self.types[tid] = self.names.type(span.label)
            self.lines.append(f"{tid}\t{self.types[tid]} {self.places[tid]}")

    def _trigger(self, event: Event, kind: str, made: dict[tuple[str | None, str], str]) -> str:
        """The T id of an event's trigger, of the event's own type as brat wants: its span's,
        or one written at the same place when the span has another label; an event with no
        trigger gets an empty one at the start of the text."""
        if event.trigger is None:
            key: tuple[str | None, str] = (None, kind)
            if key not in made:
                made[key] = tid = self.next_id("T")
                self.types[tid] = kind
                self.lines.append(f"{tid}\t{kind} 0 0\t")
            self.left_out.no_trigger += 1
            return made[key]
        tid = self.tid[event.trigger]
        if self.types[tid] == kind:
            return tid
        key = (tid, kind)
        if key not in made:
            made[key] = own = self.next_id("T")
            self.types[own] = kind
            self.lines.append(f"{own}\t{kind} {self.places[tid]}")
        self.left_out.other_trigger += 1
        return made[key]

    def _events(self) -> None:
        made: dict[tuple[str | None, str], str] = {}
        for event in self.events:
            self.eid[event.id] = eid = self.next_id("E")
            self.types[eid] = self.names.type(event.label)
            if event.trigger is not None:
                self.on_trigger.setdefault(self.head_of[event.trigger].id, eid)
        for event in self.events:
            kind = self.types[self.eid[event.id]]
            parts = [f"{kind}:{self._trigger(event, kind, made)}"]
            seen: dict[str, int] = defaultdict(int)
            for argument in event.arguments:
                if argument.span is not None:
                    ref = self.tid[argument.span]
                elif argument.event in self.eid:
                    ref = self.eid[argument.event]
                else:
                    continue  # an event of another layer: never made, but not brat's to say
                arc = self.names.arc(argument.role)
                seen[arc] += 1
                self.use.arguments[kind, arc].add(self.types[ref])
                parts.append(f"{arc}{seen[arc] if seen[arc] > 1 else ''}:{ref}")
            self.lines.append(f"{self.eid[event.id]}\t{' '.join(parts)}")

    def ref(self, span_id: int) -> str:
        """How a relation names a span: a trigger by its first event (brat lets nothing but
        events point at a trigger), any other span by its T."""
        head = self.head_of[span_id]
        return self.on_trigger.get(head.id) or self.tid[head.id]

    def _relations(self) -> None:
        for relation in self.relations:
            source, target = self.ref(relation.source), self.ref(relation.target)
            arc = self.names.arc(relation.role)
            self.use.relation(arc, self.types[source], self.types[target])
            self.lines.append(f"{self.next_id('R')}\t{arc} Arg1:{source} Arg2:{target}")

    def _attach(
        self, target: str, attributes: dict[str, Any], entity: tuple[int, str] | None = None
    ) -> None:
        """A, #, N and * lines for one annotation's attributes (and canonical entity)."""
        for name, value in attributes.items():
            if name in _SPECIAL or value is False or value is None or value == "":
                continue
            stored, written = self.use.attribute(name, self.types[target], value)
            tail = f" {written}" if written is not None else ""
            self.lines.append(f"{self.next_id('A')}\t{stored} {target}{tail}")
        note = attributes.get("note")
        if note:
            self.lines.append(f"{self.next_id('#')}\tAnnotatorNotes {target}\t{_clean(str(note))}")
        references = [str(r) for r in _values(attributes.get("normalization") or [])]
        if entity is not None and not references:
            references = [f"entity:{entity[0]}"]
        for reference in references:
            kind, _, ref = reference.rpartition(" ")
            name = _clean(entity[1]) if entity is not None else ""
            self.lines.append(f"{self.next_id('N')}\t{kind or 'Reference'} {target} {ref}\t{name}")
        for group in _values(attributes.get("equivalence") or []):
            self.equivalences[str(group)].append(target)

    def _span_attributes(self, entities: dict[int, str]) -> None:
        for head in self.heads:
            coding = {k: v for k, v in head.attributes.items() if k != "fragment_of"}
            if head.id in self.on_trigger:  # brat lets nothing but events point at a trigger
                if coding or head.entity_id is not None:
                    self.left_out.trigger_coding += 1
                continue
            entity = None
            if head.entity_id is not None:
                entity = (head.entity_id, entities.get(head.entity_id, ""))
            self._attach(self.tid[head.id], coding, entity)

    def _event_attributes(self) -> None:
        for event in self.events:
            self._attach(self.eid[event.id], event.attributes, None)
        for group, members in sorted(self.equivalences.items(), key=_numbered):
            arc = self.names.arc(group.rpartition(" ")[0] or group)
            self.use.equivalences[arc].update(self.types[m] for m in members)
            self.lines.append(f"*\t{arc} {' '.join(members)}")


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """A folder of ``.txt``/``.ann`` pairs (per annotator when there are several layers)."""
    use = BratUse()
    prepare(context.schema, use)
    left_out = LeftOut()
    with atomic_directory(Path(out)) as folder:
        used: set[str] = set()
        layer_folders: dict[str, Path] = {}
        for item in documents:
            document = item.document
            name = file_name(document.name, used, f"document-{document.id}")
            spans: dict[str, list[Span]] = defaultdict(list)
            relations: dict[str, list[Relation]] = defaultdict(list)
            events: dict[str, list[Event]] = defaultdict(list)
            for span in item.spans:
                spans[span.annotator].append(span)
            for relation in item.relations:
                relations[relation.annotator].append(relation)
            for event in item.events:
                events[event.annotator].append(event)
            layers = sorted({*spans, *events})
            if not layers:
                _pair(folder, name, document.text, "")
            for annotator in layers:
                if annotator not in layer_folders:
                    taken = {p.name.lower() for p in layer_folders.values()}
                    layer_folders[annotator] = folder / file_name(annotator, taken, "layer")
                    layer_folders[annotator].mkdir()
                layer = _BratLayer(
                    spans[annotator], relations[annotator], events[annotator], use, left_out
                )
                _pair(layer_folders[annotator], name, document.text, layer.render(context.entities))
        if len(layer_folders) == 1:
            (only,) = layer_folders.values()
            for path in sorted(only.iterdir()):
                os.replace(path, folder / path.name)
            only.rmdir()
        (folder / "annotation.conf").write_text(render(context.schema, use), encoding="utf-8")
    context.notes.extend(_notes(use, left_out))


def _notes(use: BratUse, left_out: LeftOut) -> list[str]:
    """What the export report says about what brat could not hold as the project does."""
    notes = []
    changed = use.names.changed()
    if changed:
        shown = ", ".join(f"{ours} as {brat}" for ours, brat in changed[:8])
        more = f" and {len(changed) - 8} more" if len(changed) > 8 else ""
        notes.append(
            f"names brat cannot keep were written in its form ({shown}{more}); annotation.conf "
            "lists them, and an import of this folder gives them back"
        )
    for name, written in use.names.own().items():
        notes.append(
            f"{name} offers other values on each type that takes it: written as an attribute "
            f"of each type's own ({', '.join(written)}) so that brat offers each type its own "
            f"values; an import of this folder gives them back as {name}"
        )
    if left_out.no_trigger:
        notes.append(
            f"{left_out.no_trigger} events with no trigger were written on an empty trigger at "
            "the start of the text (brat needs one); an import of this folder reads them as "
            "events with no trigger"
        )
    if left_out.other_trigger:
        notes.append(
            f"{left_out.other_trigger} events whose trigger is a span of another label were "
            "given a trigger of their own type at the same place (brat wants the two of one "
            "type); an import makes it a span of its own"
        )
    if left_out.trigger_coding:
        notes.append(
            f"{left_out.trigger_coding} spans that trigger events had attributes, notes or a "
            "canonical entity of their own, left out: brat lets only events point at a trigger"
        )
    return notes


def _pair(folder: Path, name: str, text: str, ann: str) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8", newline="\n")
    (folder / f"{name}.ann").write_text(ann, encoding="utf-8", newline="\n")
