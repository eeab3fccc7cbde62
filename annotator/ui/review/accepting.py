"""What review's keys push: an annotator's version of a span or an event into gold (taking
the place of the gold versions it disagrees with), and gold edited like any layer."""

from __future__ import annotations

from annotator.core.model import GOLD, Event, Span
from annotator.core.tokens import snap
from annotator.review.adjudicate import sources_of
from annotator.review.diff import Disagreement
from annotator.ui import commands, event_commands
from annotator.ui.session import Session


def accept_span(session: Session, document_id: int, spans: list[Span], span: Span) -> None:
    """Accept ``span``; the gold spans over it with its label or its extent, but not both
    the same, are the versions it replaces."""
    if span.annotator == GOLD:
        return
    replacing = tuple(
        g.id
        for g in spans
        if g.annotator == GOLD
        and g.start < span.end
        and span.start < g.end
        and (g.label == span.label or (g.start, g.end) == (span.start, span.end))
        and (g.start, g.end, g.label) != (span.start, span.end, span.label)
    )
    session.push(commands.AcceptSpan(session, document_id, span.id, replacing))


def accept_event(session: Session, events: list[Event], item: Disagreement, event: Event) -> None:
    """Accept ``event``; the gold events accepted from the other side of the disagreement
    are the versions it replaces."""
    others = {e.id for e in item.events if e.id != event.id}
    replacing = tuple(
        g.id
        for g in events
        if g.annotator == GOLD and any(s.get("event") in others for s in sources_of(g))
    )
    session.push(event_commands.AcceptEvent(session, event, replacing))


def gold_label_key(session: Session, document_id: int, view, text: str, key: str) -> None:
    """A label key in the gold pane: mark the selected text, or relabel the selected span."""
    schema = session.project.schema
    label = schema.label_for_key(key)
    if label is None:
        return
    selection = view.selection()
    if selection is not None:
        start, end = snap(text, *selection, keep_proclitics=schema.clitics == "exclude")
        if start < end:
            session.push(commands.CreateSpan(session, document_id, label.id, start, end, GOLD))
        return
    span = view.by_id.get(view.highlighter.selected)
    if span is not None and span.label != label.id:
        session.push(commands.UpdateSpan(session, span, label=label.id))


def gold_delete(session: Session, view) -> None:
    span = view.by_id.get(view.highlighter.selected)
    if span is not None:
        session.push(commands.DeleteSpan(session, span))
