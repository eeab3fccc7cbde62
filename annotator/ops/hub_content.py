"""One layer of one document as the hub holds it, and back.

On the hub a layer is JSON in the shape of our export (``annotations``, ``relations``,
``events`` and the layer's ``status``), so that anyone reading the hub with SQL reads what
they know. Coming back, it is read as an imported file is: every field checked, offsets and
surface text checked against the text here, labels against this project's schema. What the
row names as its owner decides the layer, whatever the JSON inside claims, so a layer written
by one login cannot put annotations into another's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import Document
from annotator.core.records import prepare
from annotator.core.schema import Schema
from annotator.core.validation import RecordCheck
from annotator.formats import jsondecode, native
from annotator.ops.merge_layer import Here
from annotator.ops.merge_sources import Incoming, Unmatched, without_unknown
from annotator.store.project import Project


def read_layer(project: Project, document_id: int, annotator: str) -> Here:
    return Here(
        project.spans.for_document(document_id, annotator),
        project.relations.for_document(document_id, annotator),
        project.events.for_document(document_id, annotator),
        project.progress.get(document_id, annotator),
    )


def content(document: Document, here: Here, entities: dict[int, str]) -> dict[str, Any]:
    """A layer as the hub stores it: the export's annotations, links and events (each still
    saying whose it is, which a pull ignores), and the layer's status."""
    exported = native.document_json(
        document, here.spans, here.relations, {}, entities, (), here.events
    )
    return {
        "annotations": exported["annotations"],
        "relations": exported["relations"],
        "events": exported["events"],
        "status": here.status,
    }


def fingerprint(here: Here, entities: dict[int, str]) -> str:
    """What the layer holds, whatever its ids: equal on two machines that hold the same."""
    return here.as_layer(entities).fingerprint()


def incoming(
    text: str,
    sha256: str,
    name: str,
    annotator: str,
    stored: str,
    schema: Schema,
    unmatched: Unmatched,
) -> Incoming:
    """A layer from the hub (its JSON text) as a merge takes it; :class:`InputError` when it
    is not valid."""
    stored = jsondecode.loads(stored)
    if not isinstance(stored, dict):
        raise InputError("the layer is not a JSON object")
    status = stored.get("status")
    if status is not None and not isinstance(status, str):
        raise InputError("its status is not text")
    document = {
        "text": text,
        "annotations": _owned(stored.get("annotations"), annotator),
        "relations": _owned(stored.get("relations"), annotator),
        "events": _owned(stored.get("events"), annotator),
        "status": {annotator: status} if status else {},
    }
    record = RecordCheck()(native.record_from_json(document, 1))
    labels = set(schema.label_ids)
    kept = without_unknown(record, labels, unmatched)
    prepared = prepare(kept, name, annotator, tuple(labels))
    return Incoming(replace(prepared, sha256=sha256, name=name), [])


def _owned(items: Any, annotator: str) -> Any:
    """Each item of a list, said to be the row owner's whatever it claimed."""
    if items is None:
        return []
    if not isinstance(items, list):
        return items  # the reader says what is wrong with it
    return [{**item, "annotator": annotator} if isinstance(item, dict) else item for item in items]
