"""What one disagreement between two layers is: its kind, the spans and events involved, and
where it is, so that the window can list, mark and walk them in text order."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from annotator.core.model import Event, Span
from annotator.review.events import EVENT_ATTRIBUTE, EVENT_TYPE, MISSING_EVENT, ROLE_FILLER


class Kind:
    """Kinds of disagreement: of spans, then of events (:mod:`annotator.review.events`)."""

    MISSING = "missing"
    BOUNDARY = "boundary"
    LABEL = "label"
    ATTRIBUTE = "attribute"
    ROLE = "role"  # the links between two paired spans (not an event's arguments) differ
    MISSING_EVENT = MISSING_EVENT
    EVENT_TYPE = EVENT_TYPE
    ROLE_FILLER = ROLE_FILLER
    EVENT_ATTRIBUTE = EVENT_ATTRIBUTE
    SPANS = (MISSING, BOUNDARY, LABEL, ATTRIBUTE, ROLE)
    EVENTS = (MISSING_EVENT, EVENT_TYPE, ROLE_FILLER, EVENT_ATTRIBUTE)
    ALL = SPANS + EVENTS


ORDER = {kind: number for number, kind in enumerate(Kind.ALL)}


@dataclass(frozen=True)
class Disagreement:
    """One disagreement between two layers, with what is involved and where it is.

    ``first`` is the span of ``annotators[0]`` and ``second`` that of ``annotators[1]`` —
    for an event disagreement, the events' triggers (None for an event without one) —
    and ``first_event`` / ``second_event`` the events. For a missing span or event one side
    is None. ``differences`` maps an attribute name to the two values, ``label`` to the two
    event types, or a role to the two lists of its fillers' span ids; ``fillers`` are the
    argument spans involved, so that the window can mark them too. ``start`` and ``end`` are
    the stretch covered by every span involved (0, 0 when none is: an event with no trigger
    and no argument).
    """

    kind: str
    annotators: tuple[str, str]
    first: Span | None
    second: Span | None
    start: int
    end: int
    differences: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    fillers: tuple[Span, ...] = ()
    first_event: Event | None = None
    second_event: Event | None = None

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(span for span in (self.first, self.second) if span is not None)

    @property
    def events(self) -> tuple[Event, ...]:
        return tuple(e for e in (self.first_event, self.second_event) if e is not None)

    @property
    def missing_from(self) -> str | None:
        """For a missing span or event: the annotator who does not have it."""
        if self.kind == Kind.MISSING:
            return self.annotators[1] if self.second is None else self.annotators[0]
        if self.kind == Kind.MISSING_EVENT:
            return self.annotators[1] if self.second_event is None else self.annotators[0]
        return None


def disagreement(
    kind: str, pair: tuple[str, str], first: Span | None, second: Span | None, **extra: Any
) -> Disagreement:
    """A disagreement, placed over every span it involves."""
    spans = [s for s in (first, second, *extra.get("fillers", ())) if s is not None]
    start = min((s.start for s in spans), default=0)
    end = max((s.end for s in spans), default=0)
    return Disagreement(kind, pair, first, second, start, end, **extra)
