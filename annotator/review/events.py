"""Comparing two layers' events as whole records: agreement counts them, the diff lists them.

An event is compared by its *form* (:class:`EventForm`):

- its *kind*: its type (the event's label) with the values of the label's typing attributes —
  the attributes that are required choices (conflict schema: ``event_type`` and
  ``sub_event_type``); an attribute left empty is ``None`` on both sides alike;
- its trigger, as (start, end, label) of the trigger span, or none;
- its role fillers: per role, the set of (start, end, label) of the spans filling it. A role
  the schema lets take ``many`` fillers is a set, so their order does not count; a filler that
  is another event (nested events) is that event's trigger extent with the event's type.

Two events *agree*

- *exactly* when their forms are equal;
- *by overlap* when their kinds are equal, their triggers have the same label and share at
  least one character (or neither has a trigger), and in every role their fillers pair one to
  one, each pair of the same label and overlapping (:mod:`annotator.review.matching`).

An event without a trigger therefore pairs only with another without one, by kind and
fillers. Events pair one to one in steps, each step seeing what earlier ones left
(:func:`pair_events`): equal forms first; then events agreeing by overlap, the pair whose
triggers share most characters first; then events that are *the same event coded
differently* — triggers overlapping whatever their labels, or, with no trigger on either,
the same type or a filler in common — most alike first. Several events on one trigger (two
clashes, one per place, on «اشتباكات») thus pair with the other layer's events one to one,
and an event the other layer lacks is left over: a *missing event*.

What a pair of events coded differently disagrees on, by kind: its *event type* (label or a
typing attribute), its *role fillers*; and any pair, agreeing or not, its other *event
attributes* (fatalities, date…: :func:`attribute_differences`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from annotator.core.model import Event
from annotator.core.schema import Schema
from annotator.review.matching import Pair, Row, overlapping

EXACT = "exact"
_KINDS_KEPT = 10_000  # kinds remembered by the attributes' text, a bound over a large corpus
OVERLAP = "overlap"

# what two events of a pair can disagree on (and an event only one layer has)
MISSING_EVENT = "missing event"
EVENT_TYPE = "event type"
ROLE_FILLER = "role filler"
EVENT_ATTRIBUTE = "event attribute"

# an event as agreement reads it: (document id, annotator, id, label, trigger span id or None,
# attributes — a mapping, or JSON text —, arguments in order as (role, span id, event id))
EventRow = tuple[
    int, str, int, str, int | None, Any, tuple[tuple[str, int | None, int | None], ...]
]
Roles = tuple[tuple[str, Row], ...]  # (role, filler) pairs, sorted: each role's set of fillers


class EventForm(NamedTuple):
    """An event as comparison sees it (see the module documentation)."""

    trigger: Row | None
    kind: tuple[Any, ...]  # the label, then the values of its typing attributes
    roles: Roles  # (role, filler) pairs, sorted and each once

    @property
    def label(self) -> str:
        return self.kind[0]


class EventRules:
    """What the schema says about comparing events: which attributes type each label."""

    def __init__(self, schema: Schema | None) -> None:
        """Without a schema, an event's type is its label alone."""
        labels = schema.labels if schema is not None else ()
        self.typing: dict[str, tuple[str, ...]] = {
            label.id: tuple(a.name for a in label.attributes if a.type == "choice" and a.required)
            for label in labels
            if label.kind == "event"
        }
        # (label, attributes as JSON text) → kind: most events repeat a few types
        self._kinds: dict[tuple[str, str], tuple[Any, ...]] = {}

    def typing_of(self, label: str) -> tuple[str, ...]:
        return self.typing.get(label, ())

    def kind(self, label: str, attributes: Mapping[str, Any]) -> tuple[Any, ...]:
        names = self.typing.get(label)
        if not names:
            return (label,)
        return (label, *map(attributes.get, names))

    def forms(self, events: Sequence[EventRow], rows: Mapping[int, Row]) -> list[EventForm]:
        """One layer's events as forms; ``rows`` gives the (start, end, label) of each span
        of the layer by id. An argument whose span is not there is left out."""
        typing, get, kinds = self.typing, rows.get, self._kinds
        nested: dict[int, EventRow] | None = None
        found = []
        form = tuple.__new__  # an EventForm without its __new__'s call: hundreds of thousands
        for _, _, _, label, trigger, attributes, arguments in events:
            names = typing.get(label)
            if not names:
                kind = (label,)
            elif type(attributes) is str:
                kind = kinds.get((label, attributes))
                if kind is None:
                    if len(kinds) >= _KINDS_KEPT:
                        kinds.clear()
                    values = json.loads(attributes)
                    kind = kinds[label, attributes] = (label, *map(values.get, names))
            else:
                kind = (label, *map(attributes.get, names))
            if trigger is not None:
                trigger = get(trigger)
            if not arguments:
                found.append(form(EventForm, (trigger, kind, ())))
                continue
            fillers = set()
            for role, span, event in arguments:
                if span is not None:
                    row = get(span)
                else:
                    if nested is None:
                        nested = {e[2]: e for e in events}
                    row = _nested_row(nested.get(event), get)
                if row is not None:
                    fillers.add((role, row))
            found.append(form(EventForm, (trigger, kind, tuple(sorted(fillers)))))
        return found


def _coding(attributes: Any) -> Mapping[str, Any]:
    """An event's attributes as a mapping, from a row's JSON text or mapping."""
    if type(attributes) is str:
        return json.loads(attributes)
    return attributes or {}


def attribute_differences(
    rules: EventRules, first: tuple[str, Any], second: tuple[str, Any]
) -> dict[str, tuple[Any, Any]]:
    """What two events' attributes other than their typing ones differ in, by name, each
    event given as (label, attributes as a mapping or JSON text): an *event attribute*
    disagreement when not empty."""
    if first[1] == second[1]:
        return {}
    mine, theirs = _coding(first[1]), _coding(second[1])
    typing = {*rules.typing_of(first[0]), *rules.typing_of(second[0])}
    return {
        name: (mine.get(name), theirs.get(name))
        for name in sorted((mine.keys() | theirs.keys()) - typing)
        if mine.get(name) != theirs.get(name)
    }


def _nested_row(event: EventRow | None, get: Callable[[int], Row | None]) -> Row | None:
    """An event filling a role, as comparison sees it: its trigger's extent with its type."""
    if event is None:
        return None
    trigger = get(event[4]) if event[4] is not None else None
    return (trigger[0], trigger[1], event[3]) if trigger else (0, 0, event[3])


def event_rows(events: Iterable[Event]) -> list[EventRow]:
    """Events as the rows :meth:`EventRules.forms` reads."""
    return [
        (
            e.document_id,
            e.annotator,
            e.id,
            e.label,
            e.trigger,
            e.attributes,
            tuple((a.role, a.span, a.event) for a in e.arguments),
        )
        for e in events
    ]


def by_role(roles: Roles) -> dict[str, list[Row]]:
    """Each role's fillers."""
    grouped: dict[str, list[Row]] = {}
    for role, row in roles:
        grouped.setdefault(role, []).append(row)
    return grouped


def _overlap(a: Row, b: Row) -> bool:
    return a[0] <= b[0] < a[1] or b[0] < a[0] < b[1]


def role_agrees(mine: Sequence[Row], theirs: Sequence[Row]) -> bool:
    """The fillers of one role pair one to one, each pair of the same label and overlapping:
    such a pairing exists (found by augmenting paths; a role has few fillers)."""
    if len(mine) != len(theirs):
        return False
    if all(x[2] == y[2] and _overlap(x, y) for x, y in zip(mine, theirs, strict=True)):
        return True  # in order (the usual case, and always for a role of one filler)
    if len(mine) == 1:
        return False
    partner: dict[int, int] = {}  # index in theirs → index in mine

    def place(i: int, seen: set[int]) -> bool:
        for j, y in enumerate(theirs):
            x = mine[i]
            if j not in seen and x[2] == y[2] and _overlap(x, y):
                seen.add(j)
                if j not in partner or place(partner[j], seen):
                    partner[j] = i
                    return True
        return False

    return all(place(i, set()) for i in range(len(mine)))


def differing_roles(a: Roles, b: Roles) -> list[str]:
    """The roles whose fillers do not agree by overlap (:func:`role_agrees`), by name."""
    if a == b:
        return []
    mine, theirs = by_role(a), by_role(b)
    return [
        role
        for role in sorted(mine.keys() | theirs.keys())
        if not role_agrees(mine.get(role, ()), theirs.get(role, ()))
    ]


def fillers_agree(a: Roles, b: Roles) -> bool:
    """Every role has fillers that agree by overlap (:func:`role_agrees`)."""
    if a == b:
        return True
    if len(a) != len(b):
        return False
    in_order = True  # each filler agrees with its counterpart in order (the usual case)
    repeated = False  # some role has several fillers: another order may pair them
    previous = None
    for (role, x), (other, y) in zip(a, b, strict=True):
        if role != other:
            return False  # sorted alike, so some role has more fillers on one side
        if in_order and not (x[2] == y[2] and (x[0] <= y[0] < x[1] or y[0] < x[0] < y[1])):
            in_order = False
        if role == previous:
            repeated = True
        previous = role
    if in_order:
        return True
    return repeated and not differing_roles(a, b)


def agree_by_overlap(a: EventForm, b: EventForm) -> bool:
    if a.kind != b.kind:
        return False
    if a.trigger is None or b.trigger is None:
        if a.trigger is not b.trigger:
            return False
    elif a.trigger[2] != b.trigger[2] or not _overlap(a.trigger, b.trigger):
        return False
    return fillers_agree(a.roles, b.roles)


def _share_a_filler(a: EventForm, b: EventForm) -> bool:
    return any(x[2] == y[2] and _overlap(x, y) for _, x in a.roles for _, y in b.roles)


def differences(a: EventForm, b: EventForm) -> tuple[str, ...]:
    """What a pair of events disagrees on, of :data:`EVENT_TYPE` and :data:`ROLE_FILLER`
    (attributes other than the typing ones are not part of a form)."""
    return differing_in(a.kind == b.kind, fillers_agree(a.roles, b.roles))


def differing_in(same_kind: bool, same_fillers: bool) -> tuple[str, ...]:
    """:func:`differences`, from whether the kinds are equal and the fillers agree."""
    if same_kind:
        return () if same_fillers else (ROLE_FILLER,)
    return (EVENT_TYPE,) if same_fillers else (EVENT_TYPE, ROLE_FILLER)


class EventPairing(NamedTuple):
    """How two layers' events pair (indices into the two sequences compared)."""

    exact: list[Pair]  # equal forms
    overlap: list[Pair]  # agreeing by overlap, not exactly
    differing: list[Pair]  # the same event, coded differently
    unpaired_first: list[int]
    unpaired_second: list[int]
    kinds: list[tuple[str, ...]]  # what each differing pair disagrees on (:func:`differences`)


def _exact_pairs(first: Sequence[EventForm], second: Sequence[EventForm]) -> list[Pair]:
    """Equal forms, each event of the second layer taking the first free equal one."""
    pairs: list[Pair] = []
    try:
        waiting: dict[EventForm, list[int]] = {}
        for i in range(len(first) - 1, -1, -1):
            waiting.setdefault(first[i], []).append(i)
        for j, form in enumerate(second):
            candidates = waiting.get(form)
            if candidates:
                pairs.append((candidates.pop(), j))
    except TypeError:  # an attribute value that cannot be hashed: compare two by two
        pairs, taken = [], set()
        for j, form in enumerate(second):
            i = next((i for i, f in enumerate(first) if i not in taken and f == form), None)
            if i is not None:
                taken.add(i)
                pairs.append((i, j))
    return pairs


def _greedy(
    candidates: list[tuple], free_a: list[bool], free_b: list[bool], key: Callable | None = None
) -> list[Pair]:
    """Candidates (…, i, j) taken in order of ``key`` (default: themselves) while both events
    are free. When no event is in two candidates, the order cannot matter and is not made."""
    if len({c[-2] for c in candidates}) < len(candidates) or len({c[-1] for c in candidates}) < len(
        candidates
    ):
        candidates.sort(key=key)
    pairs = []
    for *_, i, j in candidates:
        if free_a[i] and free_b[j]:
            free_a[i] = free_b[j] = False
            pairs.append((i, j))
    return pairs


def _alike(candidate: tuple) -> tuple:
    """The order of events coded differently: the same kind first, then the most (role,
    filler) pairs in common, then the triggers sharing most characters, then their starts."""
    other_kind, order, a, b, i, j = candidate
    common = len(set(a.roles).intersection(b.roles)) if a.roles and b.roles else 0
    return (other_kind, -common, *order, i, j)


def _candidates(first: Sequence[EventForm], second: Sequence[EventForm]) -> list[Pair]:
    """The pairs of events that can pair at all: triggers overlapping, or no trigger on
    either."""
    if not first or not second:
        return []
    with_a = [i for i, event in enumerate(first) if event.trigger is not None]
    with_b = [j for j, event in enumerate(second) if event.trigger is not None]
    pairs = []
    if with_a and with_b:
        triggers_a = [first[i].trigger for i in with_a]
        triggers_b = [second[j].trigger for j in with_b]
        pairs = [(with_a[x], with_b[y]) for x, y in overlapping(triggers_a, triggers_b)]
    if len(with_a) < len(first) and len(with_b) < len(second):
        pairs += [
            (i, j)
            for i, a in enumerate(first)
            if a.trigger is None
            for j, b in enumerate(second)
            if b.trigger is None
        ]
    return pairs


def pair_event_leftovers(first: Sequence[EventForm], second: Sequence[EventForm]) -> EventPairing:
    """The steps after the first, on events of which no two have equal forms (what the first
    step leaves); the pairing's ``exact`` is empty."""
    free_a, free_b = [True] * len(first), [True] * len(second)
    agreeing: list[tuple] = []
    alike: list[tuple] = []
    found: dict[Pair, tuple[str, ...]] = {}
    for i, j in _candidates(first, second):
        a, b = first[i], second[j]
        ta, tb = a.trigger, b.trigger
        if ta is None or tb is None:  # then neither has one
            order, trigger_labels = (0, -1, -1), True
        else:
            order = (max(ta[0], tb[0]) - min(ta[1], tb[1]), ta[0], tb[0])  # −shared first
            trigger_labels = ta[2] == tb[2]
        same_kind = a.kind == b.kind
        same_fillers = fillers_agree(a.roles, b.roles)
        if same_kind and same_fillers and trigger_labels:
            agreeing.append((*order, i, j))
        elif ta is not None or a.label == b.label or _share_a_filler(a, b):
            alike.append((not same_kind, order, a, b, i, j))
            found[i, j] = differing_in(same_kind, same_fillers)
    overlap = _greedy(agreeing, free_a, free_b) if agreeing else []
    differing = _greedy(alike, free_a, free_b, _alike) if alike else []
    return EventPairing(
        [],
        overlap,
        differing,
        [i for i, free in enumerate(free_a) if free],
        [j for j, free in enumerate(free_b) if free],
        [found[pair] for pair in differing],
    )


def pair_events(first: Sequence[EventForm], second: Sequence[EventForm]) -> EventPairing:
    """Pair two layers' events in the steps of the module documentation."""
    exact = _exact_pairs(first, second) if first and second else []
    taken_a = {i for i, _ in exact}
    taken_b = {j for _, j in exact}
    left_a = [i for i in range(len(first)) if i not in taken_a]
    left_b = [j for j in range(len(second)) if j not in taken_b]
    rest = pair_event_leftovers([first[i] for i in left_a], [second[j] for j in left_b])
    return EventPairing(
        exact,
        [(left_a[i], left_b[j]) for i, j in rest.overlap],
        [(left_a[i], left_b[j]) for i, j in rest.differing],
        [left_a[i] for i in rest.unpaired_first],
        [left_b[j] for j in rest.unpaired_second],
        rest.kinds,
    )
