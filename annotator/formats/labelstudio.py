"""Label Studio JSON for text spans: a list of tasks, as Label Studio exports and imports them.

A task is ``{"data": {<text field>: …}, "annotations": [{"result": [...]}], "predictions":
[...]}``; a file holding one task object is read too. The text is ``data.text``, else the
only text field of ``data``, else the field named by the import option ``text_field``.

Offsets: Label Studio counts code points since 2021 (before, UTF-16 units, as browsers do),
and its files do not say which. Every region carries the text it covers, so each region is
checked under both counts and the one that matches is taken; a region that matches neither
is refused, naming the task and the region.

Layers: an annotation's ``completed_by`` names its layer (a user id 7 becomes ``user7``, a
user object its e-mail), or our own ``annotator`` field; an annotation naming no one goes to
the import's annotator. Predictions are machine output and are skipped unless the import
option ``predictions`` is set; then each model version is a layer ``prediction:<version>``.
Per-region ``choices``, ``textarea``, ``number`` and ``rating`` results become the span's
attributes; ``relation`` results become relations (their first label is the role).

Written: one task per document, ``data`` = {text, name, meta, annotators}, one annotation per
layer with ``ground_truth`` set on the gold layer; ``data.annotators`` names each
annotation's layer, in order, because Label Studio keeps ``data`` but not who annotated
(it gives imported annotations to the importing user). Attributes are ``choices`` (choice and
yes/no attributes), ``number`` (integers) or ``textarea`` (text, dates). Beside the tasks,
``<name>.config.xml`` is a labelling config that accepts every result written (see
:mod:`annotator.formats.labelstudio_config`). Offsets in code points, as Label Studio reads
them.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.model import GOLD, AnnotatedDocument, Span
from annotator.core.records import Record, RelationRecord, SpanRecord
from annotator.core.schema import Schema
from annotator.core.text import Utf16Map
from annotator.core.validation import described
from annotator.formats.event_links import LinkedEvents, as_links
from annotator.formats.export_context import ExportContext
from annotator.formats.fields import identifier, listed, optional_text
from annotator.formats.jsondecode import loads
from annotator.formats.labelstudio_config import (
    LABELS,
    TEXT,
    attribute_kinds,
    config,
    control_name,
    result_type,
)
from annotator.formats.options import flag, note
from annotator.formats.reading import BOM, read_text
from annotator.formats.writing import atomic_file

_ATTRIBUTE_TYPES = ("choices", "textarea", "number", "rating", "taxonomy")
ANNOTATORS = "annotators"  # data field: the layer of each annotation, in order
_DATA_RESERVED = ("name", "meta", ANNOTATORS)


# -- offsets -----------------------------------------------------------------------------------


def _integer(value: Any, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(f"{what} must be a whole number, got {value!r}")
    return value


def resolve_offsets(
    text: str, units: Utf16Map, start: int, end: int, claimed: str | None, where: str
) -> tuple[int, int]:
    """Code-point offsets of a region, whichever unit the file counted in; see the module."""
    start, end = _integer(start, f"{where}: start"), _integer(end, f"{where}: end")
    in_range = 0 <= start < end <= len(text)
    as_points = text[start:end] if in_range else None
    if claimed is None:
        if not in_range:
            raise InputError(f"{where}: offsets {start}-{end} are outside the text or empty")
        return start, end
    if as_points is not None and _same(as_points, claimed):
        return start, end
    as_units = None
    if 0 <= start < end <= units.utf16_length:
        try:
            points = units.from_utf16(start), units.from_utf16(end)
        except ValueError:
            points = None
        if points is not None:
            as_units = text[points[0] : points[1]]
            if _same(as_units, claimed):
                return points
    seen = f"code points give {as_points!r}" if as_points is not None else "no text"
    if as_units is not None and as_units != as_points:
        seen += f", UTF-16 units give {as_units!r}"
    raise InputError(
        f"{where}: the region says {claimed!r} but at {start}-{end} {seen}; the region does "
        "not match its text (was the text edited after labelling?)"
    )


def _same(found: str, claimed: str) -> bool:
    return found == claimed or found.strip() == claimed.strip()


# -- reading ---------------------------------------------------------------------------------


def _text_field(data: dict[str, Any], chosen: str | None) -> str:
    if chosen is not None:
        if not isinstance(data.get(chosen), str):
            raise InputError(f"'data' has no text field {chosen!r} (fields: {', '.join(data)})")
        return chosen
    if isinstance(data.get("text"), str):
        return "text"
    fields = [k for k, v in data.items() if isinstance(v, str) and k not in _DATA_RESERVED]
    if len(fields) == 1:
        return fields[0]
    if not fields:
        raise InputError("'data' has no text field")
    raise InputError(
        f"'data' has several text fields ({', '.join(fields)}); choose one with --text-field"
    )


def _layer(annotation: dict[str, Any], named: str | None = None) -> str | None:
    if isinstance(annotation.get("annotator"), str) and annotation["annotator"]:
        return annotation["annotator"]
    if named:
        return named
    who = annotation.get("completed_by")
    if isinstance(who, dict):
        who = who.get("email") or who.get("username") or who.get("id")
    if isinstance(who, bool) or who is None or who == "":
        return None
    if isinstance(who, int):
        return f"user{who}"
    return optional_text(who, "an annotation", "completed_by")


class _Task:
    """Turns one task's results into spans and relations, region by region."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.units = Utf16Map(text)
        self.spans: list[SpanRecord] = []
        self.relations: list[RelationRecord] = []
        self.skipped: Counter[str] = Counter()

    def add(self, results: Any, layer: str | None, source: str) -> None:
        if not isinstance(results, list):
            raise InputError(f"{source}: 'result' must be a list")
        regions: dict[str, list[SpanRecord]] = {}
        later = []
        for index, result in enumerate(results, 1):
            if not isinstance(result, dict):
                raise InputError(
                    f"{source}, result {index}: expected an object, got {described(result)}"
                )
            kind = result.get("type")
            if (kind == "labels" or kind in _ATTRIBUTE_TYPES) and not isinstance(
                result.get("value"), dict
            ):
                raise InputError(
                    f"{source}, result {index} ({kind}): field 'value' must be an object, got "
                    f"{described(result.get('value'))}"
                )
            given = result.get("id")
            region = identifier(given, f"{source}, result {index}", "id") if given else ""
            region = region or f"{source}-{index}"
            where = f"{source}, region {region}"
            if kind == "labels":
                spans = regions.setdefault(region, [])  # two label controls share one region
                spans += self._labels(
                    result["value"], f"{source}/{region}", layer, where, first=len(spans)
                )
            elif kind == "relation" or kind in _ATTRIBUTE_TYPES:
                later.append((kind, region, result, where))
            else:
                self.skipped[f"results of type {kind!r} not imported (not text spans)"] += 1
        for kind, region, result, where in later:
            if kind == "relation":
                self._relation(result, regions, layer, where)
            elif region in regions:
                name = optional_text(result.get("from_name"), where, "from_name") or kind
                for span in regions[region]:
                    span.attributes[name] = _attribute(kind, result["value"])
            else:
                self.skipped[f"{kind} results not imported (they belong to no span)"] += 1

    def _labels(
        self, value: dict[str, Any], key: str, layer: str | None, where: str, first: int = 0
    ) -> list[SpanRecord]:
        for field in ("start", "end", "labels"):
            if field not in value:
                raise InputError(f"{where}: 'value' has no '{field}'")
        labels = value["labels"]
        if (
            not isinstance(labels, list)
            or not labels
            or not all(isinstance(x, str) for x in labels)
        ):
            raise InputError(f"{where}: 'labels' must be a non-empty list of names")
        claimed = value.get("text") if isinstance(value.get("text"), str) else None
        where = f"{where} ({', '.join(labels)})"
        start, end = resolve_offsets(
            self.text, self.units, value["start"], value["end"], claimed, where
        )
        spans = []
        for index, label in enumerate(labels, first):
            spans.append(SpanRecord(start, end, label, annotator=layer, key=f"{key}#{index}"))
        self.spans.extend(spans)
        return spans

    def _relation(
        self,
        result: dict[str, Any],
        regions: dict[str, list[SpanRecord]],
        layer: str | None,
        where: str,
    ) -> None:
        ends = []
        for side in ("from_id", "to_id"):
            given = result.get(side)
            region = identifier(given, where, side) if given is not None else ""
            if region not in regions or not regions[region]:
                raise InputError(f"{where}: relation {side} {given!r} is no labelled region")
            ends.append(regions[region][0].key)
        if result.get("direction") == "left":
            ends.reverse()
        labels = listed(result, "labels", where)
        role = optional_text(labels[0], where, "labels") if labels else None
        role = role or "related"
        self.relations.append(RelationRecord(ends[0], ends[1], role, layer))


def _attribute(kind: str, value: dict[str, Any]) -> Any:
    found = value.get("text" if kind == "textarea" else kind)
    if kind == "textarea" and isinstance(found, list):
        return "\n".join(str(x) for x in found)
    if kind == "choices" and isinstance(found, list):
        return found[0] if len(found) == 1 else found
    if kind == "taxonomy" and isinstance(found, list):
        return ["/".join(map(str, path)) if isinstance(path, list) else path for path in found]
    return found


def record_from_task(
    task: Any, number: int, options: dict[str, Any] | None = None
) -> tuple[Record, Counter[str]]:
    if not isinstance(task, dict):
        raise InputError(f"a task must be an object, got {type(task).__name__}")
    data = task.get("data", task)
    if not isinstance(data, dict):
        raise InputError("'data' must be an object")
    field = _text_field(data, flag(options, "text_field"))
    parsed = _Task(data[field])
    annotations = task.get("annotations") or task.get("completions") or []
    if not isinstance(annotations, list):
        raise InputError("'annotations' must be a list")
    anonymous = 0
    names = data.get(ANNOTATORS)
    names = names if isinstance(names, list) else []
    for index, annotation in enumerate(annotations, 1):
        if not isinstance(annotation, dict):
            raise InputError(f"annotation {index} must be an object")
        if annotation.get("was_cancelled"):
            parsed.skipped["cancelled annotations skipped"] += 1
            continue
        named = names[index - 1] if index <= len(names) else None
        layer = _layer(annotation, named if isinstance(named, str) else None)
        anonymous += layer is None
        given = annotation.get("id")
        name = given if isinstance(given, str | int) and not isinstance(given, bool) else index
        parsed.add(annotation.get("result", []), layer, f"annotation {name}")
    predictions = task.get("predictions") or []
    if not isinstance(predictions, list):
        raise InputError("'predictions' must be a list")
    for index, prediction in enumerate(predictions, 1):
        if not isinstance(prediction, dict):
            raise InputError(f"prediction {index} must be an object")
        if not flag(options, "predictions", False):
            results = listed(prediction, "result", f"prediction {index}")
            regions = sum(1 for r in results if isinstance(r, dict))
            parsed.skipped["prediction results skipped (import them with --predictions)"] += regions
            continue
        where = f"prediction {index}"
        version = optional_text(prediction.get("model_version"), where, "model_version")
        version = version or "unknown"
        parsed.add(prediction.get("result", []), f"prediction:{version}", f"prediction {index}")
    if anonymous > 1:
        parsed.skipped["annotations naming no annotator put in one layer"] += anonymous
    meta = {k: v for k, v in data.items() if k != field and k not in _DATA_RESERVED}
    for extra in (data.get("meta"), task.get("meta")):
        if isinstance(extra, dict):
            meta.update(extra)
    if task.get("id") is not None and "data" in task:
        meta.setdefault("labelstudio_task", task["id"])
    name = data.get("name")
    record = Record(
        text=data[field],
        name=name if isinstance(name, str) else None,
        meta=meta,
        spans=parsed.spans,
        relations=parsed.relations,
        number=number,
    )
    return record, parsed.skipped


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    try:
        data = loads(read_text(path, encoding).removeprefix(BOM))
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON ({error.msg})", file=path, line=error.lineno) from None
    except InputError as error:
        raise error.located(file=path) from None
    if isinstance(data, dict) and ("data" in data or "annotations" in data):
        data = [data]
    if not isinstance(data, list):
        raise InputError("expected a list of Label Studio tasks", file=path)
    skipped: Counter[str] = Counter()
    for number, task in enumerate(data, 1):
        try:
            record, task_skipped = record_from_task(task, number, options)
        except InputError as error:
            raise error.located(file=path, record=number) from None
        skipped.update(task_skipped)
        yield record
    for what, count in sorted(skipped.items()):
        note(options, f"{count} {what}")


# -- writing ---------------------------------------------------------------------------------


class _Results:
    """Per-region results of one export, and what they need of the labelling config."""

    def __init__(self, schema: Schema) -> None:
        self.attributes = {
            (label.id, attribute.name): attribute
            for label in schema.labels
            for attribute in label.attributes
        }
        self.kinds = attribute_kinds(schema)
        self.seen: dict[tuple[str, str], set[str]] = defaultdict(set)
        self.multiple: set[str] = set()

    def span(self, region: str, span: Span) -> dict[str, Any]:
        self.seen[(LABELS, "labels")].add(span.label)
        value = {"start": span.start, "end": span.end, "text": span.text, "labels": [span.label]}
        return {
            "id": region,
            "from_name": LABELS,
            "to_name": TEXT,
            "type": "labels",
            "value": value,
        }

    def attribute(self, region: str, span: Span, name: str, value: Any) -> dict[str, Any]:
        attribute = self.attributes.get((span.label, name))
        kind = result_type(attribute, value)
        control = control_name(name, kind, self.kinds)
        where = {"start": span.start, "end": span.end}
        if kind == "choices":
            if isinstance(value, bool):
                payload = ["true" if value else "false"]
            elif isinstance(value, list):
                payload = [str(v) for v in value]
            else:
                payload = [str(value)]
            self.seen[(control, kind)].update(payload)
            if len(payload) > 1:
                self.multiple.add(control)
            where |= {"text": span.text, "choices": payload}
        elif kind == "number":
            self.seen.setdefault((control, kind), set())
            where |= {"text": span.text, "number": value}
        else:  # Label Studio keeps a textarea's answers under "text"
            self.seen.setdefault((control, kind), set())
            text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
            where |= {"text": [text]}
        return {"id": region, "from_name": control, "to_name": TEXT, "type": kind, "value": where}

    def relation(self, source: int, target: int, role: str) -> dict[str, Any]:
        self.seen[("relation", "relation")].add(role)
        return {
            "type": "relation",
            "from_id": f"s{source}",
            "to_id": f"s{target}",
            "direction": "right",
            "labels": [role],
        }


def task_json(item: AnnotatedDocument, results: _Results) -> dict[str, Any]:
    """One task. Label Studio keeps neither an annotation's ``annotator`` nor a
    ``completed_by`` naming a user it lacks, but keeps ``data`` as it is: ``data.annotators``
    names the layer of each annotation, in order."""
    document = item.document
    layers: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for span in item.spans:
        region = f"s{span.id}"
        layers[span.annotator].append(results.span(region, span))
        for name, value in span.attributes.items():
            layers[span.annotator].append(results.attribute(region, span, name, value))
    for relation in item.relations:
        layers[relation.annotator].append(
            results.relation(relation.source, relation.target, relation.role)
        )
    for annotator in item.status:
        layers.setdefault(annotator, [])
    order = sorted(layers)
    annotations = [
        {"result": layers[annotator], "ground_truth": annotator == GOLD, "annotator": annotator}
        for annotator in order
    ]
    data = {"text": document.text, "name": document.name, "meta": document.meta}
    data[ANNOTATORS] = order
    return {"data": data, "annotations": annotations}


def config_path(out: Path) -> Path:
    """The labelling config written beside the tasks file."""
    return out.with_name(f"{out.stem}.config.xml")


def write(out: Path, documents: Iterable[AnnotatedDocument], context: ExportContext) -> None:
    """A JSON list of tasks, written one task at a time; events as links
    (:mod:`annotator.formats.event_links`)."""
    linked = LinkedEvents()
    results = _Results(context.schema)
    with atomic_file(out) as stream:
        stream.write("[")
        for count, item in enumerate(documents):
            stream.write(",\n" if count else "\n")
            task = task_json(as_links(item, linked), results)
            stream.write(json.dumps(task, ensure_ascii=False))
        stream.write("\n]\n")
    with atomic_file(config_path(out)) as stream:
        stream.write(config(context.schema, results.seen, results.multiple))
    context.notes.extend(linked.notes("Label Studio"))
