"""The window's event edits on a document holding many events (part of ``python -m
annotator.bench window``): the document opened with them, another event made on a word, an
argument linked, an event word marked, an edit undone, an event's attribute coded, an event
word deleted with its events — each, as for spans, within one frame (~16 ms)."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QTextCursor

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
    figures = {
        "events": made,
        "events_shown": len(session.events),
        "open_with_events_s": opening,
        "new_event_ms": statistics.median(making) * 1000,
        "new_event_worst_ms": max(making) * 1000,
        "link_ms": statistics.median(linking) * 1000,
        "link_worst_ms": max(linking) * 1000,
    }
    for name, times in _more_edits(window, paint, edits).items():
        figures[f"{name}_ms"] = statistics.median(times) * 1000
        figures[f"{name}_worst_ms"] = max(times) * 1000
    return figures


def _timed(paint: Callable[[], None], edit: Callable[[], object]) -> float:
    paint()
    start = time.perf_counter()
    edit()
    paint()
    return time.perf_counter() - start


def _more_edits(window, paint: Callable[[], None], edits: int) -> dict[str, list[float]]:
    """The other things a coder does among the events: a new event word marked, the mark
    undone and redone, an event word selected, its edge moved, an event's attribute coded, an
    event made with no word, an argument unlinked, an event deleted, and an event word deleted
    with the events on it."""
    session, view, events = window.session, window.text_view, window.annotating.events
    names = ("mark", "undo", "redo", "select", "move", "code", "no_word", "unlink", "drop")
    times: dict[str, list[float]] = {name: [] for name in (*names, "delete")}
    text, step = session.text, max(1, len(session.text) // (edits + 1))
    for n in range(edits):
        start = n * step
        while start < len(text) and not text[start].isalpha():
            start += 1
        cursor = view.textCursor()
        cursor.setPosition(view.positions.qt(start))
        cursor.setPosition(view.positions.qt(start + 4), QTextCursor.MoveMode.KeepAnchor)
        view.setTextCursor(cursor)
        times["mark"].append(_timed(paint, lambda: window.annotating.apply_label("EVENT")))
        times["undo"].append(_timed(paint, session.undo_group.undo))
        times["redo"].append(_timed(paint, session.undo_group.redo))
        trigger = session.events[(n * 5) % len(session.events)].trigger
        times["select"].append(_timed(paint, lambda trigger=trigger: session.select(trigger)))
        move = window.annotating.move_boundary
        times["move"].append(_timed(paint, lambda move=move: move("end earlier")))
        event = session.events[(n * 11) % len(session.events)]
        session.select_event(event.id)
        coded = {**event.attributes, "fatalities": n + 1}
        code = window.coder.attributes_edited
        times["code"].append(_timed(paint, lambda code=code, coded=coded: code(coded)))
        times["no_word"].append(_timed(paint, events.new_event_without_word))
        linked = next(e for e in reversed(session.events) if e.arguments)
        session.select_event(linked.id)
        times["unlink"].append(_timed(paint, lambda: events.unlink(0)))
        session.select_event(session.events[(n * 3) % len(session.events)].id)
        times["drop"].append(_timed(paint, events.delete_event))
        trigger = session.events[(n * 13) % len(session.events)].trigger
        session.select(trigger)
        times["delete"].append(_timed(paint, window.annotating.delete_selected))
    return times


EDITS = (
    ("new_event", "another event on a word"),
    ("link", "link an argument"),
    ("mark", "mark an event word"),
    ("undo", "undo that"),
    ("redo", "redo it"),
    ("select", "select an event word"),
    ("move", "move its edge a letter"),
    ("code", "code an event's attribute"),
    ("no_word", "an event with no word"),
    ("unlink", "unlink an argument"),
    ("drop", "delete an event"),
    ("delete", "delete an event word"),
)


def report(figures: dict) -> str:
    lines = [
        f"  with {figures['events']:,} coded events ({figures['events_shown']:,} in the "
        f"document, one on each event word besides): open and paint "
        f"{figures['open_with_events_s'] * 1000:.1f} ms"
    ]
    lines += [
        f"  {what:<25} {figures[f'{name}_ms']:6.1f} ms  median, "
        f"{figures[f'{name}_worst_ms']:.1f} ms worst of 30 (goal ~16 ms)"
        for name, what in EDITS
    ]
    return "\n".join(lines)
