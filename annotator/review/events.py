"""Agreement on whole events: trigger, type and every role filler.

Two annotators agree on an event when

- the triggers match: *exact* — same start, end and label; *overlap* — same label and at
  least one shared character;
- every required choice attribute of the event's label has the same value in both (for the
  conflict schema: ``event_type`` and ``sub_event_type``; an attribute neither set is equal);
- every role has the same fillers: *exact* — the same (start, end, label) fillers;
  *overlap* — the fillers pair one to one, each pair of the same label and overlapping.

Events pair one to one, the largest shared trigger first, so each event counts once.

What an event is compared by is worked out once per layer (:class:`EventLayer`): its label
with the values of its typing attributes (its *kind*), and its roles. Two layers' events are
then compared pair by pair where they overlap. An event with no role filled that no other
event of its layer overlaps is *alone*; when the other layer has the same event (start, end,
kind) alone too, nothing else of either layer overlaps the two, so they pair with each other
and agree in both ways: they are counted without being compared, and only the rest is.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from annotator.core.model import Relation
from annotator.core.schema import Schema
from annotator.review.matching import Row, SpanRow, overlapping, pair_rows

EXACT = "exact"
OVERLAP = "overlap"

Roles = dict[str, list[Row]]  # role → (start, end, label) of its fillers


# an event as agreement compares it: (start, end, kind, roles), where the kind is the label
# with the values of the label's typing attributes, and roles None when none is filled
Event = tuple[int, int, tuple[Any, ...], Roles | None]
Key = tuple[int, int, tuple[Any, ...]]  # (start, end, kind)


class EventLayer:
    """One layer's events, split into those *alone* — no role filled, and no other event of
    the layer overlapping them — by key, and the others in text order.

    A layer with an empty event (start = end) has none alone, so that sweeping and this
    shortcut always agree on what overlaps what; so has one whose kinds cannot be hashed.
    """

    __slots__ = ("alone", "others", "size")

    def __init__(self, events: list[Event]) -> None:
        self.size = len(events)
        self.alone: dict[Key, Event] = {}
        self.others: list[Event] = []
        reach = -1  # the furthest end of the events before
        last = len(events) - 1
        for k, event in enumerate(events):
            start, end, kind, roles = event
            if start >= end:
                self.alone, self.others = {}, events
                return
            if roles is None and start >= reach and (k == last or events[k + 1][0] >= end):
                try:
                    self.alone[start, end, kind] = event
                except TypeError:  # an attribute value that cannot be hashed
                    self.alone, self.others = {}, events
                    return
            else:
                self.others.append(event)
            if end > reach:
                reach = end

    def __len__(self) -> int:
        return self.size

    def without(self, keys: set[Key]) -> list[Event]:
        """The events but those alone with the given keys: the others in text order, then
        the rest of those alone (no other event starts where one of them does, so where they
        come never decides a tie)."""
        if len(keys) == len(self.alone):
            return self.others
        return self.others + [event for key, event in self.alone.items() if key not in keys]


class EventRules:
    """What the schema says about events: which labels are events, which attributes type them."""

    def __init__(self, schema: Schema) -> None:
        self.event_labels = {label.id for label in schema.labels if label.kind == "event"}
        self.typing = {
            label.id: tuple(a.name for a in label.attributes if a.type == "choice" and a.required)
            for label in schema.labels
            if label.kind == "event"
        }
        self._untyped = {label: (label,) + (None,) * len(t) for label, t in self.typing.items()}

    def events(self, spans: Sequence[SpanRow]) -> list[SpanRow]:
        labels = self.event_labels
        return [span for span in spans if span[2] in labels] if labels else []

    def layer(self, events: Sequence[SpanRow], roles: dict[int, Roles]) -> EventLayer:
        """One layer's event spans (in its order), each with its kind and roles."""
        typing, untyped = self.typing, self._untyped
        return EventLayer(
            [
                (
                    start,
                    end,
                    (label, *map(attributes.get, typing[label])) if attributes else untyped[label],
                    (roles.get(span_id) or None) if roles else None,
                )
                for start, end, label, span_id, attributes in events
            ]
        )


def roles_of(spans: Sequence[SpanRow], relations: Sequence[Relation]) -> dict[int, Roles]:
    """event span id → role → its fillers, for the relations of one layer."""
    by_id = {span[3]: span for span in spans}
    roles: dict[int, Roles] = defaultdict(lambda: defaultdict(list))
    for relation in relations:
        target = by_id.get(relation.target)
        if relation.source in by_id and target is not None:
            roles[relation.source][relation.role].append(target[:3])
    return roles


def _same_fillers(a: Roles, b: Roles, mode: str) -> bool:
    for role in a.keys() | b.keys():
        mine, theirs = a.get(role, []), b.get(role, [])
        if len(mine) != len(theirs):
            return False
        if mode == EXACT:
            if sorted(mine) != sorted(theirs):
                return False
        elif len(pair_rows(mine, theirs, steps=2).same_label) != len(mine):
            return False
    return True


Candidate = tuple[int, int, int, int, int]  # (−shared trigger, start, start, i, j)


def agreed_events(first: EventLayer, second: EventLayer) -> tuple[int, int]:
    """How many events the two layers agree on: with exact, and with overlapping triggers.

    Two events alone in their layers with the same key can only pair with each other, and
    agree both ways; only the rest is swept.
    """
    both = first.alone.keys() & second.alone.keys()
    a_events, b_events = first.without(both), second.without(both)
    if not a_events or not b_events:
        return len(both), len(both)
    candidates: dict[str, list[Candidate]] = {EXACT: [], OVERLAP: []}
    for i, j in overlapping(a_events, b_events):
        a_start, a_end, a_kind, a_roles = a_events[i]
        b_start, b_end, b_kind, b_roles = b_events[j]
        if a_kind != b_kind:
            continue
        candidate = (max(a_start, b_start) - min(a_end, b_end), a_start, b_start, i, j)  # −shared
        if a_roles is None and b_roles is None:
            candidates[OVERLAP].append(candidate)
            if a_start == b_start and a_end == b_end:
                candidates[EXACT].append(candidate)
        elif _same_fillers(a_roles or {}, b_roles or {}, OVERLAP):
            candidates[OVERLAP].append(candidate)
            if (a_start, a_end) == (b_start, b_end) and _same_fillers(
                a_roles or {}, b_roles or {}, EXACT
            ):
                candidates[EXACT].append(candidate)
    return (
        len(both) + _one_to_one(candidates[EXACT]),
        len(both) + _one_to_one(candidates[OVERLAP]),
    )


def _one_to_one(candidates: list[Candidate]) -> int:
    """How many pairs the candidates give, taken largest shared trigger first, one to one."""
    candidates.sort()
    used_first: set[int] = set()
    used_second: set[int] = set()
    for *_, i, j in candidates:
        if i not in used_first and j not in used_second:
            used_first.add(i)
            used_second.add(j)
    return len(used_first)
