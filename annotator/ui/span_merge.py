"""The shown spans and events after an edit: those it touched are read again and merged
into the rest, in order, so that an edit costs the size of what it touched."""

from __future__ import annotations

from bisect import bisect_left, insort
from dataclasses import dataclass

from annotator.core.model import Event, Span


@dataclass(frozen=True)
class SpanChange:
    """What an edit changed in the shown layer: spans gone and spans new (an updated span is
    both), so that views repaint only that."""

    removed: list[Span]
    added: list[Span]


def text_order(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, span.id)


def merged(
    shown: list[Span],
    fresh: dict[int, Span],
    touched: list[tuple[int, int]],
    by_id: dict[int, Span],
    longest: int,
) -> tuple[list[Span], SpanChange]:
    """``shown`` (in text order; ``by_id``: the same spans by id; none longer than
    ``longest``) with the spans that touch ``touched`` replaced by ``fresh`` (what the store
    now holds there, by id). Only the shown spans that start within ``longest`` of a range
    are looked at."""
    if not touched:  # an edit of events alone
        return shown, SpanChange([], [])
    near: dict[int, Span] = {}
    for start, end in touched:
        low = bisect_left(shown, (start - longest,), key=text_order)
        high = bisect_left(shown, (end + 1,), key=text_order)
        near.update((s.id, s) for s in shown[low:high] if s.end >= start)
    removed = [s for s in near.values() if fresh.get(s.id) != s]
    gone = {s.id for s in removed}
    kept = list(shown)
    for span in sorted(removed, key=text_order, reverse=True):
        del kept[bisect_left(kept, text_order(span), key=text_order)]
    added = sorted((s for s in fresh.values() if s.id in gone or s.id not in by_id), key=text_order)
    for span in added:
        kept.insert(bisect_left(kept, text_order(span), key=text_order), span)
    return kept, SpanChange(removed, added)


def span_with(spans: list[Span], start: int, end: int, label: str) -> Span | None:
    """The span of ``label`` over exactly ``start``..``end`` among ``spans`` (in text
    order), found by its place."""
    row = bisect_left(spans, (start, -end, -1), key=text_order)
    while row < len(spans) and (spans[row].start, spans[row].end) == (start, end):
        if spans[row].label == label:
            return spans[row]
        row += 1
    return None


def _event_id(event: Event) -> int:
    return event.id


def event_with(events: list[Event], event_id: int) -> Event | None:
    """The event of ``event_id`` among ``events`` (in the order they were made, which is
    their ids'), found by its place."""
    at = bisect_left(events, event_id, key=_event_id)
    return events[at] if at < len(events) and events[at].id == event_id else None


def events_merged(shown: list[Event], stale: set[int], fresh: list[Event]) -> list[Event]:
    """``shown`` (in the order they were made, which is their ids') without the events
    ``stale`` names and with ``fresh`` (those read again) in their places: a new list, so
    views that keep the old one know the events changed."""
    events = list(shown)
    for event_id in stale | {e.id for e in fresh}:
        at = bisect_left(events, event_id, key=_event_id)
        if at < len(events) and events[at].id == event_id:
            del events[at]
    for event in fresh:
        insort(events, event, key=_event_id)
    return events
