"""doccano JSONL: sequence labelling and relation extraction, as doccano imports and exports it.

Read, per record:

- ``{"text", "label": [[start, end, "LABEL"], …]}`` — sequence labelling;
- ``{"text", "entities": [{id, start_offset, end_offset, label}], "relations": [{id, from_id,
  to_id, type}]}`` — relation extraction (a relation's ``type`` becomes its role);
- ``{"text", "annotations": [{label, start_offset, end_offset, user}]}`` — doccano 1's
  multi-user download, whose labels are numeric ids with no names in the file: they are read
  as the labels "1", "2"… (name them with ``--map-label 1=PER``) and ``user`` 3 is the layer
  ``user3``.

Other top-level fields (doccano writes metadata there) become the document's metadata.
Offsets are code points, end exclusive. A file that is one pretty-printed object, or a JSON
list, is read too. Written: the entities/relations shape, or with the export option
``doccano_shape="label"`` the ``label`` triples (which cannot hold relations).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import AnnotatedDocument
from annotator.core.records import Record, RelationRecord, SpanRecord
from annotator.formats.event_links import LinkedEvents, as_links
from annotator.formats.export_context import ExportContext
from annotator.formats.jsonrecords import iter_json_values
from annotator.formats.options import hint, note
from annotator.formats.writing import atomic_file

_SPAN_KEYS = ("label", "entities", "annotations", "relations")
_RESERVED = ("text", "name", "meta", *_SPAN_KEYS)
SHAPES = ("entities", "label")


def _label(value: Any, where: str, options: dict[str, Any] | None) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputError(f"{where}: the label must be a name or a number, got {value!r}")
    if isinstance(value, int):
        hint(
            options,
            "Numeric labels come from doccano 1 downloads, which do not name them: name each "
            "with --map-label (e.g. --map-label 1=PER).",
        )
    return str(value)


def _triples(items: Any, options: dict[str, Any] | None) -> list[SpanRecord]:
    if not isinstance(items, list):
        raise InputError("'label' must be a list of [start, end, \"LABEL\"]")
    spans = []
    for number, item in enumerate(items, 1):
        if isinstance(item, str):
            raise InputError(
                f"'label' entry {number} is {item!r} without offsets: this is a text "
                "classification file, not sequence labelling"
            )
        if not isinstance(item, list | tuple) or len(item) != 3:
            raise InputError(
                f"'label' entry {number} must be [start, end, \"LABEL\"], got {item!r}"
            )
        spans.append(
            SpanRecord(item[0], item[1], _label(item[2], f"'label' entry {number}", options))
        )
    return spans


def _entities(items: Any, key: str, options: dict[str, Any] | None) -> list[SpanRecord]:
    if not isinstance(items, list):
        raise InputError(f"'{key}' must be a list of objects")
    spans = []
    for number, item in enumerate(items, 1):
        where = f"'{key}' entry {number}"
        if not isinstance(item, dict):
            raise InputError(f"{where} must be an object, got {item!r}")
        for field in ("start_offset", "end_offset", "label"):
            if field not in item:
                raise InputError(f"{where} has no '{field}'")
        user = item.get("user")
        spans.append(
            SpanRecord(
                start=item["start_offset"],
                end=item["end_offset"],
                label=_label(item["label"], where, options),
                key=str(item["id"]) if item.get("id") is not None else None,
                annotator=(f"user{user}" if isinstance(user, int) else user) if user else None,
            )
        )
    return spans


def _relations(items: Any, spans: list[SpanRecord]) -> list[RelationRecord]:
    if not isinstance(items, list):
        raise InputError("'relations' must be a list of objects")
    owners = {span.key: span.annotator for span in spans if span.key is not None}
    relations = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or not {"from_id", "to_id", "type"} <= item.keys():
            raise InputError(f"relation {number} needs 'from_id', 'to_id' and 'type'")
        source, target = str(item["from_id"]), str(item["to_id"])
        for end in (source, target):
            if end not in owners:
                raise InputError(f"relation {number} ({item['type']}): no entity with id {end}")
        relations.append(RelationRecord(source, target, str(item["type"]), owners[source]))
    return relations


def record_from_doccano(
    obj: Any, number: int, line: int | None, options: dict[str, Any] | None = None
) -> Record:
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    if "text" not in obj:
        raise InputError("has no 'text'")
    spans = _triples(obj.get("label") or [], options)
    spans += _entities(obj.get("entities") or [], "entities", options)
    spans += _entities(obj.get("annotations") or [], "annotations", options)
    relations = _relations(obj.get("relations") or [], spans)
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    meta = {**{k: v for k, v in obj.items() if k not in _RESERVED}, **meta}
    if "meta" in obj and not isinstance(obj["meta"], dict):
        meta["meta"] = obj["meta"]
    name = obj.get("name")
    return Record(
        text=obj["text"],
        name=str(name) if name is not None else None,
        meta=meta,
        spans=spans,
        relations=relations,
        line=line,
        number=number,
    )


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    """Records of a doccano JSONL file (or one pretty-printed object, or a list)."""
    users: set[str] = set()
    for line, number, obj in iter_json_values(path, encoding):
        try:
            record = record_from_doccano(obj, number, line, options)
        except InputError as error:
            raise error.located(file=path, line=line, record=number) from None
        users.update(span.annotator for span in record.spans if span.annotator)
        yield record
    if users:
        note(options, f"spans by doccano users went to the layers {', '.join(sorted(users))}")


# -- writing ---------------------------------------------------------------------------


def document_doccano(item: AnnotatedDocument, shape: str) -> dict[str, Any]:
    document = item.document
    out: dict[str, Any] = {"text": document.text}
    if shape == "label":
        out["label"] = [[s.start, s.end, s.label] for s in item.spans]
    else:
        out["entities"] = [
            {"id": s.id, "start_offset": s.start, "end_offset": s.end, "label": s.label}
            for s in item.spans
        ]
        out["relations"] = [
            {"id": r.id, "from_id": r.source, "to_id": r.target, "type": r.role}
            for r in item.relations
        ]
    out["name"] = document.name
    if document.meta:
        out["meta"] = document.meta
    return out


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """One JSON object per line; ``context.options["doccano_shape"]``: entities (default) or
    label."""
    shape = context.options.get("doccano_shape") or "entities"
    if shape not in SHAPES:
        raise InputError(f"doccano_shape must be {' or '.join(SHAPES)}, not {shape!r}")
    linked = LinkedEvents()
    unwritten = 0
    with atomic_file(out) as stream:
        for item in documents:
            if shape == "label":
                unwritten += len(item.events)
            else:
                item = as_links(item, linked)
            stream.write(json.dumps(document_doccano(item, shape), ensure_ascii=False))
            stream.write("\n")
    context.notes.extend(linked.notes("doccano"))
    if unwritten:
        context.notes.append(
            f"{unwritten} events not written: the label shape holds spans only (the entities "
            "shape writes them as links)"
        )
