"""Agreement on whole events: trigger, type and every role filler.

Two annotators agree on an event when

- the triggers match: *exact* — same start, end and label; *overlap* — same label and at
  least one shared character;
- every required choice attribute of the event's label has the same value in both (for the
  conflict schema: ``event_type`` and ``sub_event_type``; an attribute neither set is equal);
- every role has the same fillers: *exact* — the same (start, end, label) fillers;
  *overlap* — the fillers pair one to one, each pair of the same label and overlapping.

Events pair one to one, the largest shared trigger first, so each event counts once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from annotator.core.model import Relation, Span
from annotator.core.schema import Schema
from annotator.review.matching import overlapping_pairs, pair_spans

EXACT = "exact"
OVERLAP = "overlap"

Roles = dict[str, list[Span]]


class EventRules:
    """What the schema says about events: which labels are events, which attributes type them."""

    def __init__(self, schema: Schema) -> None:
        self.event_labels = {label.id for label in schema.labels if label.kind == "event"}
        self.typing = {
            label.id: tuple(a.name for a in label.attributes if a.type == "choice" and a.required)
            for label in schema.labels
            if label.kind == "event"
        }

    def events(self, spans: Sequence[Span]) -> list[Span]:
        return [span for span in spans if span.label in self.event_labels]

    def same_type(self, a: Span, b: Span) -> bool:
        return all(
            a.attributes.get(name) == b.attributes.get(name) for name in self.typing[a.label]
        )


def roles_of(spans: Sequence[Span], relations: Sequence[Relation]) -> dict[int, Roles]:
    """event span id → role → argument spans, for the relations of one layer."""
    by_id = {span.id: span for span in spans}
    roles: dict[int, Roles] = defaultdict(lambda: defaultdict(list))
    for relation in relations:
        target = by_id.get(relation.target)
        if relation.source in by_id and target is not None:
            roles[relation.source][relation.role].append(target)
    return roles


def _same_fillers(a: Roles, b: Roles, mode: str) -> bool:
    for role in a.keys() | b.keys():
        mine, theirs = a.get(role, []), b.get(role, [])
        if len(mine) != len(theirs):
            return False
        if mode == EXACT:
            if sorted((s.start, s.end, s.label) for s in mine) != sorted(
                (s.start, s.end, s.label) for s in theirs
            ):
                return False
        elif len(pair_spans(mine, theirs, steps=2).same_label) != len(mine):
            return False
    return True


def agreed_events(
    rules: EventRules,
    first: Sequence[Span],
    second: Sequence[Span],
    roles_first: dict[int, Roles],
    roles_second: dict[int, Roles],
) -> dict[str, list[tuple[Span, Span]]]:
    """Pairs of events the two layers agree on, by trigger match (``EXACT``, ``OVERLAP``).

    ``first`` and ``second`` are the two layers' event spans.
    """
    empty: Roles = {}
    candidates: dict[str, list[tuple[int, int, int, int, int]]] = {EXACT: [], OVERLAP: []}
    for i, j in overlapping_pairs(first, second):
        a, b = first[i], second[j]
        if a.label != b.label or not rules.same_type(a, b):
            continue
        roles_a, roles_b = roles_first.get(a.id, empty), roles_second.get(b.id, empty)
        shared = min(a.end, b.end) - max(a.start, b.start)
        if _same_fillers(roles_a, roles_b, OVERLAP):
            candidates[OVERLAP].append((-shared, a.start, b.start, i, j))
            if (a.start, a.end) == (b.start, b.end) and _same_fillers(roles_a, roles_b, EXACT):
                candidates[EXACT].append((-shared, a.start, b.start, i, j))
    return {mode: _one_to_one(found, first, second) for mode, found in candidates.items()}


def _one_to_one(
    candidates: list[tuple[int, int, int, int, int]], first: Sequence[Span], second: Sequence[Span]
) -> list[tuple[Span, Span]]:
    candidates.sort()
    used_first: set[int] = set()
    used_second: set[int] = set()
    pairs = []
    for *_, i, j in candidates:
        if i not in used_first and j not in used_second:
            used_first.add(i)
            used_second.add(j)
            pairs.append((first[i], second[j]))
    return pairs
