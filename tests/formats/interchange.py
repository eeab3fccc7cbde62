"""Helpers for the interchange-format tests: fresh projects, what a round trip must keep, and
the "hard" variant of a real sample (byte-order mark, CRLF, a direction mark before every
token) made in tmp_path."""

from __future__ import annotations

import json
import re
from pathlib import Path

from annotator.core.model import GOLD, Event
from annotator.core.schema import load_preset
from annotator.ops.exporting import export
from annotator.ops.importing import import_files
from annotator.store.project import Project

RLM = "\u200f"
_TOKEN = re.compile(r"\S+")


def fresh(folder: Path, schema: str = "conflict") -> Project:
    return Project.create(folder, load_preset(schema))


def spans_of(project: Project) -> dict[str, set[tuple[int, int, str, str, str]]]:
    """Per document text hash: (start, end, label, text, annotator) of every span."""
    found: dict[str, set[tuple[int, int, str, str, str]]] = {}
    for document in project.documents.iter_all():
        found[document.sha256] = {
            (s.start, s.end, s.label, s.text, s.annotator)
            for s in project.spans.for_document(document.id)
        }
    return found


def links_of(project: Project) -> dict[str, set[tuple[tuple[int, int, str], str, tuple]]]:
    """Per document: (event span, role, argument span) of every relation, by place and label."""
    found: dict[str, set] = {}
    for document in project.documents.iter_all():
        spans = {s.id: (s.start, s.end, s.label) for s in project.spans.for_document(document.id)}
        found[document.sha256] = {
            (spans[r.source], r.role, spans[r.target])
            for r in project.relations.for_document(document.id)
        }
    return found


def described_event(event: Event, spans: dict, events: dict, attributes: bool = True) -> tuple:
    """An event by what it is — layer, type, trigger and arguments by place and label (an
    argument that is an event by its own description), its attributes — without ids."""
    arguments = tuple(
        (
            a.role,
            spans[a.span]
            if a.span is not None
            else described_event(events[a.event], spans, events, attributes),
        )
        for a in event.arguments
    )
    coding = json.dumps(event.attributes, sort_keys=True) if attributes else ""
    return (event.annotator, event.label, spans.get(event.trigger), arguments, coding)


def events_of(project: Project, attributes: bool = True) -> dict[str, list[tuple]]:
    """Per document: every event (:func:`described_event`), sorted."""
    found: dict[str, list[tuple]] = {}
    for document in project.documents.iter_all():
        spans = {s.id: (s.start, s.end, s.label) for s in project.spans.for_document(document.id)}
        events = {e.id: e for e in project.events.for_document(document.id)}
        found[document.sha256] = sorted(
            (described_event(e, spans, events, attributes) for e in events.values()), key=repr
        )
    return found


def texts_of(project: Project) -> set[str]:
    return {document.text for document in project.documents.iter_all()}


def round_trip(
    project: Project, fmt: str, out: Path, into: Path, annotator: str | None = None, **options
) -> Project:
    """Export ``project`` as ``fmt`` and import the result into a new project (with its labels)."""
    export(project, fmt, out, annotator)
    again = Project.create(into, project.schema)
    import_files(again, [out], fmt, annotator="importer", **options)
    return again


def hard_positions(text: str) -> tuple[str, list[int]]:
    """The text with a BOM, CRLF line ends and an RLM before every token; and where each
    character of the original text went."""
    starts = {m.start() for m in _TOKEN.finditer(text)}
    out = ["\ufeff"]
    where = []
    length = 1
    for index, char in enumerate(text):
        if index in starts:
            out.append(RLM)
            length += 1
        if char == "\n":
            out.append("\r")
            length += 1
        where.append(length)
        out.append(char)
        length += 1
    return "".join(out), where


def hard_span(where: list[int], start: int, end: int) -> tuple[int, int]:
    """A span's offsets in the hard text: from its first character to after its last."""
    return where[start], where[end - 1] + 1


def stored(hard: str) -> str:
    """What the project stores of a hard text: no BOM, LF line ends, the marks kept."""
    return hard.removeprefix("\ufeff").replace("\r\n", "\n")


def stored_offset(hard: str, position: int) -> int:
    """Where a position of the hard text is in the stored text."""
    return position - 1 - hard.count("\r", 0, position)


def hard_places(
    clean: str, places: list[tuple[int, int, str]]
) -> tuple[str, list[tuple[int, int, str]]]:
    """The hard text of ``clean`` and where each (start, end, label) span went in it."""
    hard, where = hard_positions(clean)
    return hard, [(*hard_span(where, start, end), label) for start, end, label in places]


def hard_words(clean: str, words: list[tuple[str, str]]) -> tuple[str, list[tuple[int, int, str]]]:
    """The same, for words that each occur once in the text."""
    places = []
    for word, label in words:
        start = clean.index(word)
        assert clean.count(word) == 1, word
        places.append((start, start + len(word), label))
    return hard_places(clean, places)


def coded_project(project: Project, tmp_path: Path) -> Project:
    """Gold with attributes of every type and a relation, and samira's spans, on one text."""
    from tests.conftest import write_jsonl
    from tests.ops.test_import import RAW, raw_spans

    start = RAW.index("دير الزور")
    event = RAW.index("الجيـــش")
    actor = RAW.index("ISIS")
    record = {
        "text": RAW,
        "annotations": [
            {"id": "l", "start": start, "end": start + 9, "label": "LOCATION", "annotator": GOLD,
             "attributes": {"place_type": "city/town", "geo_precision": 2}},
            {"id": "e", "start": event, "end": event + 8, "label": "EVENT", "annotator": GOLD,
             "attributes": {"event_type": "Battles", "fatalities": 12, "notes": "قصف"}},
            {"id": "a", "start": actor, "end": actor + 4, "label": "ACTOR", "annotator": GOLD},
        ],
        "relations": [
            {"from": "e", "to": "l", "role": "location"},
            {"from": "a", "to": "l", "role": "based_in"},
        ],
    }  # fmt: skip
    import_files(project, [write_jsonl(tmp_path / "g.jsonl", [record])])
    import_files(
        project,
        [write_jsonl(tmp_path / "s.jsonl", [{"text": RAW, "label": raw_spans()}])],
        annotator="samira",
    )
    return project
