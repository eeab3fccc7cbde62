"""Our own format: JSON (one file, ``annotator/2``) and JSONL (one document per line).

Offsets are code points into ``text``, end exclusive; every annotation repeats its surface
text and every document carries the SHA-256 of its text, so a consumer can check both.
Each document lists its ``events``: type, trigger (an annotation's id, or null), arguments
in order (a role and an annotation's or another event's id), attributes, annotator.

Files of the previous version (``annotator/1``) had no events list: an annotation of an event
label was the event, its relations the roles, its attributes the coding. A document without
an ``events`` list is read that way (:func:`annotator.core.records.fold_role_links`), so
those files, and hand-written ones, still import. The JSONL reader also takes doccano's
sequence-labelling shape ``"label": [[s, e, L], ...]`` and IDRISI's ``location_mentions``
(:mod:`annotator.formats.idrisi`).
"""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import msgspec

from annotator.core.discussion import MessageRecord, Thread, ThreadRecord
from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument, Document, Event, Relation, Span
from annotator.core.records import EventRecord, Record, RelationRecord, SpanRecord
from annotator.core.validation import described
from annotator.formats import idrisi, spacy_v2
from annotator.formats.export_context import ExportContext
from annotator.formats.fields import identifier, listed, optional_text, text
from annotator.formats.jsondecode import loads
from annotator.formats.reading import BOM, iter_lines, read_text
from annotator.formats.writing import atomic_file

FORMAT = "annotator/2"
EARLIER = ("annotator/1",)  # versions still read; their events are annotations with links
EVENT_KEY = "event "  # event ids become keys apart from annotation ids ("event 3")
_ENCODER = msgspec.json.Encoder()


# -- reading ---------------------------------------------------------------------------


def _span_from_annotation(item: Any, number: int) -> SpanRecord:
    where = f"annotation {number}"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be an object, got {described(item)}")
    for key in ("start", "end", "label"):
        if key not in item:
            raise InputError(f"{where} has no '{key}'")
    entity = item.get("entity")
    if isinstance(entity, dict):
        entity = entity.get("name")
    key = item.get("id")
    return SpanRecord(
        start=item["start"],
        end=item["end"],
        label=text(item["label"], where, "label"),
        text=item.get("text"),
        annotator=item.get("annotator"),
        attributes=item.get("attributes") or {},
        key=identifier(key, where, "id") if key is not None else None,
        entity=entity,
        provenance=item.get("provenance"),
    )


_SEQUENCES = (list, tuple)  # a tuple of types: isinstance takes it faster than list | tuple


def _span_from_triple(item: Any, number: int) -> SpanRecord:
    if type(item) is list and len(item) == 3 and type(item[2]) is str:
        return SpanRecord(item[0], item[1], item[2])  # the common case, checked first
    if not isinstance(item, _SEQUENCES) or len(item) != 3 or not isinstance(item[2], str):
        got = repr(item)[:80] if isinstance(item, _SEQUENCES) else described(item)
        raise InputError(f"'label' entry {number} must be [start, end, \"LABEL\"], got {got}")
    return SpanRecord(item[0], item[1], item[2])  # start, end, label


def _message(item: Any, where: str) -> MessageRecord:
    if not isinstance(item, dict) or not isinstance(item.get("body"), str):
        raise InputError(f"{where} needs a 'body' text")
    author, created = item.get("author"), item.get("created")
    if not isinstance(author, str) or not isinstance(created, str):
        raise InputError(f"{where} needs an 'author' and a 'created' time")
    return MessageRecord(author, item["body"], created)


def _thread(item: Any, number: int, span_keys: set[str]) -> ThreadRecord:
    where = f"comment thread {number}"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be an object")
    annotation = item.get("annotation")
    key = identifier(annotation, where, "annotation") if annotation is not None else None
    if key is not None and key not in span_keys:
        raise InputError(f"{where}: no annotation with id {annotation!r}")
    messages = item.get("messages")
    if not isinstance(messages, list) or not messages:
        raise InputError(f"{where} needs a non-empty list 'messages'")
    return ThreadRecord(
        annotation=key,
        messages=[_message(m, f"{where}, message {i}") for i, m in enumerate(messages, 1)],
        anchor=item.get("anchor"),
        resolved=item.get("resolved", False),
        changed_by=item.get("changed_by"),
        changed_at=item.get("changed_at"),
        created=item.get("created"),
    )


def _relation(item: Any, number: int) -> RelationRecord:
    where = f"relation {number}"
    if not isinstance(item, dict) or not {"from", "to", "role"} <= item.keys():
        raise InputError(f"{where} needs 'from', 'to' and 'role'")
    return RelationRecord(
        identifier(item["from"], where, "from"),
        identifier(item["to"], where, "to"),
        text(item["role"], where, "role"),
        item.get("annotator"),
    )


def _argument(item: Any, where: str) -> tuple[str, str]:
    """(role, key): an annotation's id as it is, another event's as its event key."""
    if not isinstance(item, dict) or "role" not in item:
        raise InputError(f"{where} needs a 'role' and a 'span' or an 'event' id")
    span, event = item.get("span"), item.get("event")
    if (span is None) == (event is None):
        raise InputError(f"{where} needs either a 'span' or an 'event' id, not both or neither")
    role = text(item["role"], where, "role")
    if span is not None:
        return role, identifier(span, where, "span")
    return role, EVENT_KEY + identifier(event, where, "event")


def _event(item: Any, number: int) -> EventRecord:
    where = f"event {number}"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be an object, got {described(item)}")
    if "type" not in item:
        raise InputError(f"{where} has no 'type'")
    trigger, key = item.get("trigger"), item.get("id")
    arguments = listed(item, "arguments", where)
    return EventRecord(
        label=text(item["type"], where, "type"),
        trigger=identifier(trigger, where, "trigger") if trigger is not None else None,
        arguments=[_argument(a, f"{where}, argument {i}") for i, a in enumerate(arguments, 1)],
        attributes=item.get("attributes") or {},
        annotator=item.get("annotator"),
        key=EVENT_KEY + identifier(key, where, "id") if key is not None else None,
        provenance=item.get("provenance"),
    )


def _events(obj: dict[str, Any], spans: list[SpanRecord], version: str) -> list[EventRecord] | None:
    """The document's events; None for a document that does not list them (annotator/1)."""
    if obj.get("events") is None:
        return None
    if version in EARLIER:
        raise InputError(f"has an 'events' list, which {version} files do not have")
    events = [_event(item, i) for i, item in enumerate(listed(obj, "events"), 1)]
    keys = {event.key for event in events}
    clash = next((span.key for span in spans if span.key in keys), None)
    if clash is not None:
        raise InputError(f"the annotation id {clash!r} is written like an event's")
    return events


def record_from_json(
    obj: Any, number: int, line: int | None = None, version: str = FORMAT
) -> Record:
    """A document in our export shape (also doccano's ``label`` triples) as a record;
    ``version`` is the format its file declares."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {described(obj)}", line=line, record=number)
    try:
        if spacy_v2.is_v2_document(obj):
            raise InputError(spacy_v2.EXPLAINED)
        if "text" not in obj:
            raise InputError("has no 'text'")
        annotations = listed(obj, "annotations")
        spans = [_span_from_annotation(a, i) for i, a in enumerate(annotations, 1)]
        labels = obj.get("label") or []
        if not isinstance(labels, list):
            raise InputError("'label' must be a list of [start, end, \"LABEL\"]")
        spans += [_span_from_triple(item, i) for i, item in enumerate(labels, 1)]
        idrisi_tweet = idrisi.is_idrisi(obj)
        if idrisi_tweet:
            spans += idrisi.mentions(obj)
        relations = [_relation(item, i) for i, item in enumerate(listed(obj, "relations"), 1)]
        status = obj.get("status") or {}
        if not isinstance(status, dict):
            raise InputError("'status' must map an annotator to a status")
        comments = obj.get("comments") or []
        if not isinstance(comments, list):
            raise InputError("'comments' must be a list of threads")
        keys = {span.key for span in spans if span.key is not None}
        return Record(
            text=obj["text"],
            name=optional_text(obj.get("name"), "the document", "name"),
            meta=idrisi.metadata(obj) if idrisi_tweet else obj.get("meta") or {},
            spans=spans,
            relations=relations,
            events=_events(obj, spans, version),
            status=status,
            threads=[_thread(item, i, keys) for i, item in enumerate(comments, 1)],
            line=line,
            number=number,
        )
    except InputError as error:
        raise error.located(line=line, record=number) from None


def read_jsonl(path: Path, encoding: str = "utf-8") -> Iterator[Record]:
    """One document per line, streamed; blank lines are skipped."""
    number = 0
    for line_number, line in iter_lines(path, encoding):
        if not line.strip():
            continue
        number += 1
        try:
            obj = loads(line, line_number)
        except json.JSONDecodeError as error:
            raise InputError(
                f"not valid JSON ({error.msg} at column {error.colno})",
                file=path,
                line=line_number,
                record=number,
            ) from None
        except InputError as error:
            raise error.located(file=path, record=number) from None
        try:
            yield record_from_json(obj, number, line_number)
        except InputError as error:
            raise error.located(file=path) from None


def read_json(path: Path, encoding: str = "utf-8") -> Iterator[Record]:
    """Our JSON export (a list of documents is accepted too)."""
    text = read_text(path, encoding)
    try:
        data = loads(text.removeprefix(BOM))
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg})", file=path, line=error.lineno) from None
    except InputError as error:
        raise error.located(file=path) from None
    version = FORMAT
    if isinstance(data, dict):
        declared = data.get("format")
        if declared is not None and declared != FORMAT and declared not in EARLIER:
            readable = " and ".join(repr(v) for v in (*EARLIER, FORMAT))
            raise InputError(f"format is {declared!r}; this version reads {readable}", file=path)
        version = declared or FORMAT
        if data.get("offsets", "codepoints") != "codepoints":
            raise InputError(
                f"offsets are counted in {data['offsets']!r}, expected code points", file=path
            )
        documents = data.get("documents")
        if not isinstance(documents, list):
            raise InputError("no 'documents' list (is this an annotator export?)", file=path)
    elif isinstance(data, list):
        documents = data
    else:
        raise InputError("expected an object with 'documents' or a list of documents", file=path)
    for number, obj in enumerate(documents, 1):
        try:
            yield record_from_json(obj, number, version=version)
        except InputError as error:
            raise error.located(file=path) from None


# -- writing ---------------------------------------------------------------------------


def thread_json(thread: Thread, exported: set[int]) -> dict[str, Any]:
    """A thread of comments; ``annotation`` is null when its span is not in the export."""
    out: dict[str, Any] = {
        "id": thread.id,
        "annotation": thread.span_id if thread.span_id in exported else None,
        "resolved": thread.resolved,
        "created": thread.created,
        "messages": [
            {"author": c.author, "body": c.body, "created": c.created} for c in thread.comments
        ],
    }
    if thread.anchor:
        out["anchor"] = thread.anchor
    if thread.changed_at:
        out["changed_by"] = thread.changed_by
        out["changed_at"] = thread.changed_at
    return out


def event_json(event: Event) -> dict[str, Any]:
    """An event: its arguments in order, each naming an annotation or another event."""
    out: dict[str, Any] = {
        "id": event.id,
        "type": event.label,
        "trigger": event.trigger,
        "arguments": [
            {"role": a.role, "span": a.span}
            if a.span is not None
            else {"role": a.role, "event": a.event}
            for a in event.arguments
        ],
        "attributes": event.attributes,
        "annotator": event.annotator,
    }
    if event.provenance:
        out["provenance"] = event.provenance
    return out


def document_json(
    document: Document,
    spans: Iterable[Span],
    relations: Iterable[Relation],
    status: dict[str, str],
    entities: dict[int, str],
    threads: Iterable[Thread] = (),
    events: Iterable[Event] = (),
) -> dict[str, Any]:
    annotations = []
    for span in spans:
        annotation: dict[str, Any] = {
            "id": span.id,
            "start": span.start,
            "end": span.end,
            "text": span.text,
            "label": span.label,
            "annotator": span.annotator,
            "attributes": span.attributes,
        }
        if span.entity_id is not None:
            annotation["entity"] = {"id": span.entity_id, "name": entities.get(span.entity_id, "")}
        if span.provenance:
            annotation["provenance"] = span.provenance
        annotations.append(annotation)
    exported = {annotation["id"] for annotation in annotations}
    return {
        "id": document.id,
        "name": document.name,
        "text": document.text,
        "sha256": document.sha256,
        "meta": document.meta,
        "status": status,
        "annotations": annotations,
        "relations": [
            {"id": r.id, "from": r.source, "to": r.target, "role": r.role, "annotator": r.annotator}
            for r in relations
        ],
        "events": [event_json(event) for event in events],
        "comments": [thread_json(t, exported) for t in threads],
    }


def write_json(stream: TextIO, header: dict[str, Any], documents: Iterable[dict[str, Any]]) -> int:
    """Stream one JSON object: the header fields, then ``documents`` one at a time."""
    head = json.dumps(
        {"format": FORMAT, "offsets": "codepoints", **header}, ensure_ascii=False, indent=1
    )
    stream.write(head[:-2] + ',\n "documents": [')
    count = 0
    for document in documents:
        stream.write(",\n  " if count else "\n  ")
        stream.write(json.dumps(document, ensure_ascii=False))
        count += 1
    stream.write("\n ]\n}\n" if count else "]\n}\n")
    return count


def _jsonl_line(document: dict[str, Any]) -> bytes:
    """A document as one line of UTF-8 JSON, by msgspec's encoder (several times faster than
    ``json.dumps``; the same values, written without spaces after ``,`` and ``:``). A value
    it does not take (a whole number beyond 64 bits, refused on import since) goes through
    ``json``."""
    try:
        return _ENCODER.encode(document) + b"\n"
    except (msgspec.EncodeError, OverflowError, TypeError):
        return (json.dumps(document, ensure_ascii=False) + "\n").encode("utf-8")


def write_jsonl(stream: TextIO, documents: Iterable[dict[str, Any]]) -> int:
    """One document a line; into the bytes under a UTF-8 text stream when it has them."""
    buffer = getattr(stream, "buffer", None)
    if buffer is None or codecs.lookup(stream.encoding or "ascii").name != "utf-8":
        return _write_text_lines(stream, documents)
    stream.flush()  # what was written as text goes first
    count = 0
    for document in documents:
        buffer.write(_jsonl_line(document))  # one write, not two
        count += 1
    return count


def _write_text_lines(stream: TextIO, documents: Iterable[dict[str, Any]]) -> int:
    count = 0
    for document in documents:
        stream.write(_jsonl_line(document).decode("utf-8"))
        count += 1
    return count


def _documents(documents: Iterable[AnnotatedDocument], entities: dict[int, str]) -> Iterator[dict]:
    for item in documents:
        yield document_json(
            item.document,
            item.spans,
            item.relations,
            item.status,
            entities,
            item.threads,
            item.events,
        )


def write_json_file(
    out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext
) -> None:
    with atomic_file(out) as stream:
        write_json(stream, context.header, _documents(documents, context.entities))


def write_jsonl_file(
    out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext
) -> None:
    with atomic_file(out) as stream:
        write_jsonl(stream, _documents(documents, context.entities))
