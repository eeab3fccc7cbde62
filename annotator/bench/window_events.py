"""The window's event edits on a document holding many events (part of ``python -m
annotator.bench window``): the document opened with them, another event made on a word, an
argument linked — each, as for spans, within one frame (~16 ms)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from annotator.core.model import Argument, Span
from annotator.store.project import Project, now


def _nearest(spans: list[Span], span: Span, label: str) -> Span | None:
    found = [s for s in spans if s.label == label]
    return min(found, key=lambda s: abs(s.start - span.start)) if found else None


def add_events(folder: Path, annotator: str, count: int) -> int:
    """``count`` coded events on the document's EVENT spans (several on a span when there
    are fewer of those), each with its nearest actor and place; returns how many."""
    with Project.open(folder) as project:
        spans = project.spans.for_document(1, annotator)
        triggers = [s for s in spans if s.label == "EVENT"]
        if not triggers:
            return 0
        time_ = now()
        with project.write():
            for n in range(count):
                trigger = triggers[n % len(triggers)]
                arguments = [
                    Argument(role, filler.id)
                    for role, label in (("actor1", "ACTOR"), ("location", "LOCATION"))
                    if (filler := _nearest(spans, trigger, label)) is not None
                ]
                coded = {"event_type": "Battles", "sub_event_type": "Armed clash"}
                project.events.add(1, annotator, "EVENT", trigger.id, arguments, coded, time=time_)
    return count


def run(window, paint: Callable[[], None], folder: Path, count: int = 500, edits: int = 30):
    """Figures for the window once its document holds ``count`` events."""
    session = window.session
    made = add_events(folder, session.annotator, count)
    start = time.perf_counter()
    session.show_document(1)
    paint()
    opening = time.perf_counter() - start
    events = window.annotating.events
    events.choose_role = lambda roles, _span: roles[0].name  # the role menu is modal
    actors = [s for s in session.spans if s.label == "ACTOR"]
    making, linking = [], []
    for n in range(edits):
        chosen = session.events[(n * 7) % len(session.events)]
        session.select_event(chosen.id)
        paint()
        start = time.perf_counter()
        events.new_event_here()
        paint()
        making.append(time.perf_counter() - start)
        fresh = session.selected_event()
        session.start_linking(fresh.id)
        paint()
        start = time.perf_counter()
        events.finish_linking(actors[n % len(actors)].id)
        paint()
        linking.append(time.perf_counter() - start)
    return {
        "events": made,
        "events_shown": len(session.events),
        "open_with_events_s": opening,
        "new_event_ms": statistics.median(making) * 1000,
        "new_event_worst_ms": max(making) * 1000,
        "link_ms": statistics.median(linking) * 1000,
        "link_worst_ms": max(linking) * 1000,
    }


def report(figures: dict) -> str:
    return (
        f"  with {figures['events']:,} events: open and paint "
        f"{figures['open_with_events_s'] * 1000:.1f} ms\n"
        f"  another event on a word {figures['new_event_ms']:6.1f} ms  median, "
        f"{figures['new_event_worst_ms']:.1f} ms worst of 30 (goal ~16 ms)\n"
        f"  link an argument        {figures['link_ms']:6.1f} ms  median, "
        f"{figures['link_worst_ms']:.1f} ms worst of 30 (goal ~16 ms)"
    )
