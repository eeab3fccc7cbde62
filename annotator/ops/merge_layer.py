"""One layer of one document as a merge sees it, and the fingerprint a merge records of it.

What the source brings and what is here take the same shape (spans, links and events keyed
as in their source, and the status), so that one fingerprint says whether they are the same:
spans by extent, label, attributes and entity; links by the extents and labels of their ends;
events by type, trigger, arguments in order and attributes; and the explicit status.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Event, Relation, Span
from annotator.core.records import PreparedEvent, PreparedSpan, RelationRecord, in_making_order
from annotator.ops.merge_sources import event_keyed, span_keyed

Extent = tuple[int, int, str]


def _sha256(content: Any) -> str:
    return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode("utf-8")).hexdigest()


def fingerprint(
    spans: Iterable[tuple[int, int, str, dict[str, Any], str | None]],
    relations: Iterable[tuple[tuple, tuple, str]],
    status: str | None,
    events: Iterable[str] | None = None,
) -> str:
    """A hash of one layer of one document: spans (extent, label, attributes, entity), links
    (by the extents and labels of their ends), events (:func:`_described`) and the explicit
    status. Without ``events``, the hash merges recorded before events were records."""
    content: dict[str, Any] = {
        "spans": sorted(
            [s, e, label, json.dumps(attrs, sort_keys=True, ensure_ascii=False), entity or ""]
            for s, e, label, attrs, entity in spans
        ),
        "relations": sorted([list(a), list(b), role] for a, b, role in relations),
        "status": status or "",
    }
    if events is not None:
        content["events"] = sorted(events)
    return _sha256(content)


def _described(events: list[PreparedEvent], extents: dict[str, Extent]) -> list[str]:
    """Each event as text: type, trigger's extent, arguments in order (a span by its extent,
    an event by the hash of its own description) and attributes. ``events`` are in making
    order, so an event's arguments are described before it."""
    digests: dict[str, str] = {}
    described = []
    for event in events:
        trigger = extents.get(event.trigger) if event.trigger is not None else None
        arguments = [
            [role, list(extents[key]) if key in extents else digests.get(key, "")]
            for role, key in event.arguments
        ]
        text = json.dumps(
            [
                event.label,
                list(trigger) if trigger else None,
                arguments,
                json.dumps(event.attributes, sort_keys=True, ensure_ascii=False),
            ],
            ensure_ascii=False,
        )
        digests[event.key] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        described.append(text)
    return described


@dataclass
class Layer:
    """One layer of one document, keyed as in its source."""

    spans: list[PreparedSpan] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    events: list[PreparedEvent] = field(default_factory=list)  # inner events first
    status: str | None = None

    def _extents(self) -> dict[str, Extent]:
        return {s.key: (s.start, s.end, s.label) for s in self.spans if s.key is not None}

    def fingerprint(self) -> str:
        extents = self._extents()
        return fingerprint(
            ((s.start, s.end, s.label, s.attributes, s.entity) for s in self.spans),
            (
                (extents[r.source], extents[r.target], r.role)
                for r in self.relations
                if r.source in extents and r.target in extents
            ),
            self.status,
            _described(self.events, extents),
        )

    def fingerprint_before_events(self) -> str | None:
        """The fingerprint a merge recorded before events were records, when this layer can
        be said as it was then: each event on a span of its own type, alone on it, its
        attributes on the span and its arguments (spans) as links from it. None otherwise."""
        extents = self._extents()
        attributes: dict[str, dict[str, Any]] = {}
        links = []
        for event in self.events:
            trigger = extents.get(event.trigger) if event.trigger is not None else None
            if trigger is None or trigger[2] != event.label or event.trigger in attributes:
                return None
            if any(key not in extents for _, key in event.arguments):
                return None
            attributes[event.trigger] = event.attributes
            links += [(trigger, extents[key], role) for role, key in event.arguments]
        return fingerprint(
            (
                (s.start, s.end, s.label, attributes.get(s.key, s.attributes), s.entity)
                for s in self.spans
            ),
            [
                *(
                    (extents[r.source], extents[r.target], r.role)
                    for r in self.relations
                    if r.source in extents and r.target in extents
                ),
                *links,
            ],
            self.status,
        )


@dataclass
class Here:
    """One layer of one document in this project, as it is before the merge."""

    spans: list[Span]
    relations: list[Relation]
    events: list[Event]
    status: str | None

    @property
    def exists(self) -> bool:
        return bool(self.spans or self.events) or self.status is not None

    def as_layer(self, entity_names: dict[int, str]) -> Layer:
        """The layer keyed by our ids, as the source's layers are keyed by theirs."""
        return Layer(
            [span_keyed(s, entity_names) for s in self.spans],
            [
                RelationRecord(str(r.source), str(r.target), r.role, r.annotator)
                for r in self.relations
            ],
            in_making_order(tuple(event_keyed(e) for e in self.events)),
            self.status,
        )
