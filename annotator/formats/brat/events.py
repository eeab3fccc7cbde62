"""brat's events, as an ``.ann`` file gives them: the lines they are read into, brat's rules
for them (a trigger of the event's own type; arguments of the same file; no event among its
own arguments, however deep), brat's numbering of a repeated role, and the event types a
folder uses without an ``annotation.conf`` to define them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.records import SpanRecord
from annotator.formats.brat.conf import BratConfiguration
from annotator.formats.brat.names import ARC, TYPE, BratNames
from annotator.formats.reading import iter_lines


@dataclass
class TextBound:
    """A ``T`` line: its fragments, and the spans it became."""

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
class EventLine:
    """An ``E`` line: its type, trigger and (role, id) arguments as written."""

    id: str
    label: str
    trigger: str
    arguments: list[tuple[str, str]]
    line: int


@dataclass
class RelationLine:
    """An ``R`` line: its type and its two (label, id) arguments."""

    id: str
    type: str
    arguments: list[tuple[str, str]]
    line: int


def plain_roles(event: EventLine, conf: BratConfiguration | None) -> list[str]:
    """The event's roles with brat's repeat numbers (Org-Arg2 → Org-Arg) taken off."""
    present = {role for role, _ in event.arguments}
    declared = conf.event_roles.get(event.label, set()) if conf else set()
    found = []
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
        found.append(base)
    return found


def check_events(
    texts: dict[str, TextBound],
    events: dict[str, EventLine],
    relations: dict[str, RelationLine],
    error: Callable[[str, int], InputError],
) -> None:
    """brat's rules for events: a trigger of the event's type, arguments that are in the
    file, no event among its own arguments however deep."""
    for event in events.values():
        trigger = texts.get(event.trigger)
        if trigger is None:
            what = "another event" if event.trigger in events else "not in this file"
            raise error(
                f"event {event.id}: its trigger {event.trigger} is {what}; a trigger is a "
                "text-bound annotation (T) of this file",
                event.line,
            )
        if trigger.label != event.label:
            raise error(
                f"event {event.id} is {event.label} but its trigger {trigger.id} is "
                f"{trigger.label}",
                event.line,
            )
        for role, ref in event.arguments:
            if ref == event.id:
                raise error(f"event {event.id} is its own argument ({role})", event.line)
            if ref in events:
                continue
            if ref not in texts:
                what = "a relation" if ref in relations else "not in this file"
                raise error(
                    f"event {event.id}: its {role} {ref} is {what}; an argument is a span (T) "
                    "or an event (E) of the same document",
                    event.line,
                )
            if texts[ref].empty:
                raise error(
                    f"event {event.id}: its {role} {ref} is an empty span, which stands "
                    "only for the missing trigger of events",
                    event.line,
                )
    _refuse_loops(events, error)
    for item in texts.values():
        if item.empty and item.id not in {e.trigger for e in events.values()}:
            raise error(
                f"{item.id} ({item.label}): offsets {item.fragments[0][0]}-"
                f"{item.fragments[0][1]} are empty and no event has it as its trigger",
                item.line,
            )


def _refuse_loops(events: dict[str, EventLine], error: Callable[[str, int], InputError]) -> None:
    """An event may fill a role of another, but never, through others, one of its own."""
    state: dict[str, str] = {}
    for first in events:
        if first in state:
            continue
        stack = [(first, iter(events[first].arguments))]
        state[first] = "open"
        while stack:
            current, pending = stack[-1]
            for _role, ref in pending:
                if ref not in events or state.get(ref) == "done":
                    continue
                if state.get(ref) == "open":
                    raise error(
                        f"event {ref} fills a role of event {current}, which fills one of "
                        f"{ref} in turn; an event cannot be among its own arguments",
                        events[current].line,
                    )
                state[ref] = "open"
                stack.append((ref, iter(events[ref].arguments)))
                break
            else:
                stack.pop()
                state[current] = "done"


def events_seen(
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
        events: list[EventLine] = []
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
                events.append(EventLine(fields[0], label, trigger, arguments, number))
        kinds = {event.id: names.ours(TYPE, event.label) for event in events}
        for event in events:
            label = kinds[event.id]
            if conf is not None and label in conf.definitions:
                continue
            roles = seen.setdefault(label, {})
            counted: dict[str, int] = {}
            for role, (_, ref) in zip(plain_roles(event, conf), event.arguments, strict=True):
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
