"""The shown spans after an edit: those in the ranges it touched are read again and merged
into the rest, in text order, so that an edit costs the size of what it touched."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from annotator.core.model import Span


@dataclass(frozen=True)
class SpanChange:
    """What an edit changed in the shown layer: spans gone and spans new (an updated span is
    both), so that views repaint only that."""

    removed: list[Span]
    added: list[Span]


def text_order(span: Span) -> tuple[int, int, int]:
    return (span.start, -span.end, span.id)


def merged(
    shown: list[Span], fresh: dict[int, Span], touched: list[tuple[int, int]]
) -> tuple[list[Span], SpanChange]:
    """``shown`` (in text order) with the spans that touch ``touched`` replaced by ``fresh``
    (what the store now holds there, by id)."""
    if not touched:  # an edit of events alone
        return shown, SpanChange([], [])
    near = {s.id: s for start, end in touched for s in shown if s.start <= end and s.end >= start}
    removed = [s for s in near.values() if fresh.get(s.id) != s]
    gone = {s.id for s in removed}
    kept = [s for s in shown if s.id not in gone]
    kept_ids = {s.id for s in kept}
    added = sorted((s for s in fresh.values() if s.id not in kept_ids), key=text_order)
    for span in added:
        kept.insert(bisect_left(kept, text_order(span), key=text_order), span)
    return kept, SpanChange(removed, added)
