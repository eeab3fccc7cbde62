"""annotator audit: who created, changed or deleted each annotation, and when."""

from __future__ import annotations

import argparse
import csv
import json
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from annotator.commands import doing, summary
from annotator.commands.base import RAW
from annotator.core.errors import InputError
from annotator.formats.writing import atomic_file
from annotator.ops import opening
from annotator.ops.opening import Project
from annotator.ops.viewing import AuditEntry

COLUMNS = ("id", "time", "annotator", "action", "document_id", "span_id", "before", "after")
LINKS = ("link", "unlink")  # a project of format 1 recorded its role links so
EVENTS = ("event create", "event update", "event arguments", "event delete", "event restore")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "audit",
        help=summary("audit"),
        formatter_class=RAW,
        description=(
            "Every edit made in the window or through the editing operations is recorded: the\n"
            "time (UTC in files, local on screen), the annotator, the action (create, update,\n"
            "delete, restore, status; event create, update, arguments, delete, restore) and\n"
            "the span or event before and after. Without\n"
            "--out the trail is printed as a table; with it, written as CSV or JSONL (by the\n"
            "file's extension), with 'before' and 'after' as JSON."
        ),
        epilog=(
            "examples:\n"
            "  annotator audit deir-ez-zor\n"
            "  annotator audit deir-ez-zor --span 412\n"
            "  annotator audit deir-ez-zor --document 17 --annotator samira\n"
            "  annotator audit deir-ez-zor --out trail.csv"
        ),
    )
    parser.add_argument("project")
    parser.add_argument(
        "--span", type=int, metavar="ID", help="only this span (and the events it fills a role of)"
    )
    parser.add_argument("--document", type=int, metavar="ID", help="only this document")
    parser.add_argument("--annotator", metavar="NAME", help="only edits by this annotator")
    parser.add_argument("--out", metavar="FILE", help="write to FILE.csv or FILE.jsonl")
    parser.set_defaults(run=run)


def entries(
    project: Project,
    span: int | None = None,
    document: int | None = None,
    annotator: str | None = None,
) -> Iterator[AuditEntry]:
    """The trail, oldest first, narrowed to a span (with the events that gave it a role, or
    took it away), document or annotator."""
    if span is not None:
        own = project.audit.for_span(span)
        documents = {e.document_id for e in own if e.document_id is not None}
        linked = [
            e
            for d in documents
            for e in project.audit.for_document(d)
            if e.span_id != span and span in _arguments_named(e)
        ]
        found: Iterable[AuditEntry] = sorted(own + linked, key=lambda e: e.id)
    elif document is not None:
        found = project.audit.for_document(document)
    else:
        found = project.audit.iter_all()
    for entry in found:
        if document is not None and entry.document_id != document:
            continue
        if annotator is not None and entry.annotator != annotator:
            continue
        yield entry


def _link_target(entry: AuditEntry) -> int | None:
    side = entry.after if entry.action == "link" else entry.before
    return side.get("to") if isinstance(side, dict) else None


def _arguments(record: Any) -> list[dict]:
    arguments = record.get("arguments") if isinstance(record, dict) else None
    return [a for a in arguments if isinstance(a, dict)] if isinstance(arguments, list) else []


def _arguments_named(entry: AuditEntry) -> set[int]:
    """The spans an entry gives a role or takes one from (a link, or an event's arguments)."""
    if entry.action in LINKS:
        return {_link_target(entry)} - {None}
    if entry.action in EVENTS:
        sides = (entry.before, entry.after)
        return {a["span"] for side in sides for a in _arguments(side) if "span" in a}
    return set()


def _argument_words(argument: dict) -> str:
    filler = f"span {argument['span']}" if "span" in argument else f"event {argument.get('event')}"
    return f"{argument.get('role')} → {filler}"


def _event_change(entry: AuditEntry) -> str:
    """An event's edit in a few words: which event, and what its arguments or coding became."""
    before, after = entry.before, entry.after
    record = after if isinstance(after, dict) else before if isinstance(before, dict) else {}
    number = record.get("event", record.get("id"))
    if entry.action == "event arguments":
        old = [_argument_words(a) for a in _arguments(before)]
        new = [_argument_words(a) for a in _arguments(after)]
        gone = [f"− {words}" for words in old if words not in new]
        came = [f"+ {words}" for words in new if words not in old]
        return f"event {number}: " + (", ".join(gone + came) or "arguments reordered")
    if entry.action == "event update":
        keys = [k for k in (after if isinstance(after, dict) else {}) if k != "event"]
        old = before if isinstance(before, dict) else {}
        return f"event {number}: " + "; ".join(
            f"{key}: {_short(old.get(key))} → {_short(after.get(key))}" for key in keys
        )
    where = "no word" if record.get("trigger") is None else f"span {record.get('trigger')}"
    arguments = ", ".join(_argument_words(a) for a in _arguments(record)) or "no arguments"
    coded = record.get("attributes") or {}
    coding = f"; {_short(coded)}" if coded else ""
    return f"{record.get('label')} event {number} on {where}: {arguments}{coding}"


def _span_words(record: Any) -> str:
    if not isinstance(record, dict):
        return ""
    return f"{record.get('label')} «{record.get('text')}» {record.get('start')}-{record.get('end')}"


def change(entry: AuditEntry) -> str:
    """What an edit did, in a few words."""
    before, after = entry.before, entry.after
    if entry.action in ("create", "restore"):
        return _span_words(after)
    if entry.action == "delete":
        return _span_words(before)
    if entry.action in EVENTS:
        return _event_change(entry)
    if entry.action in LINKS:
        side = after if entry.action == "link" else before
        side = side if isinstance(side, dict) else {}
        return f"{side.get('role')} → span {side.get('to')} (link {side.get('relation')})"
    if entry.action == "status":
        return f"{before or 'new'} → {after}"
    if isinstance(before, dict) and isinstance(after, dict):
        return "; ".join(
            f"{key}: {_short(before.get(key))} → {_short(after.get(key))}" for key in after
        )
    return f"{_short(before)} → {_short(after)}"


def _short(value: Any) -> str:
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


def _local(time: str) -> str:
    try:
        return datetime.fromisoformat(time).astimezone().strftime("%Y-%m-%d %H:%M:%S")
    except ValueError:
        return time


def print_table(found: Iterable[AuditEntry]) -> int:
    """Print the entries as a table (local times); returns how many there were."""
    rows = [
        (
            _local(e.time),
            e.annotator,
            e.action,
            "" if e.document_id is None else str(e.document_id),
            "" if e.span_id is None else str(e.span_id),
            change(e),
        )
        for e in found
    ]
    if not rows:
        print("No edits recorded for that.")
        return 0
    header = ("time", "annotator", "action", "document", "span", "change")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(5)]
    for row in [header, *rows]:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[5]]).rstrip())
    return len(rows)


def _json(value: Any) -> str:
    return "" if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True)


def write_csv(stream: TextIO, found: Iterable[AuditEntry]) -> int:
    stream.write("\ufeff")  # so that spreadsheet programs read the Arabic as UTF-8
    writer = csv.writer(stream)
    writer.writerow(COLUMNS)
    count = 0
    for e in found:
        before, after = _json(e.before), _json(e.after)
        writer.writerow(
            [e.id, e.time, e.annotator, e.action, e.document_id, e.span_id, before, after]
        )
        count += 1
    return count


def write_jsonl(stream: TextIO, found: Iterable[AuditEntry]) -> int:
    count = 0
    for e in found:
        values = (e.id, e.time, e.annotator, e.action, e.document_id, e.span_id, e.before, e.after)
        record = dict(zip(COLUMNS, values, strict=True))
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


WRITERS = {".csv": write_csv, ".jsonl": write_jsonl}


def run(args: argparse.Namespace) -> int:
    out = Path(args.out) if args.out else None
    if out is not None and out.suffix.lower() not in WRITERS:
        raise InputError("give a file name ending in .csv or .jsonl", file=out)
    with opening.open_to_read(args.project, doing("audit")) as project:
        found = entries(project, args.span, args.document, args.annotator)
        if out is None:
            print_table(found)
            return 0
        with atomic_file(out) as stream:
            count = WRITERS[out.suffix.lower()](stream, found)
    print(f"Wrote {count} audit entries to {out}.")
    return 0
