"""Prodigy JSONL: what ``prodigy db-out`` writes for span recipes (ner.manual, spans.manual…).

Each line is a task: ``text``, ``spans`` (``start``, ``end``, ``label``, code points, end
exclusive; token indices are ignored), ``answer`` (accept, reject or ignore), ``meta`` and,
from rel.manual, ``relations`` (``head_span`` → ``child_span`` with a ``label``, matched to
the task's spans by their offsets). Only accepted tasks are annotations: rejected and ignored
ones are skipped and counted in the report unless the import option ``all_answers`` is set,
which takes them too and marks their spans with the attribute ``answer``. A task without
``answer`` (Prodigy input, not yet annotated) is taken. ``_annotator_id`` (or
``_session_id``) names the layer; without one the spans go to the import's annotator.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from annotator.core.errors import InputError
from annotator.core.records import Record, RelationRecord, SpanRecord
from annotator.formats.jsonrecords import iter_json_values
from annotator.formats.options import flag, note

ANSWERS = ("accept", "reject", "ignore")
_SKIPPED = {"reject": "rejected", "ignore": "ignored"}


def _span(item: Any, number: int, extra: dict[str, Any]) -> SpanRecord:
    where = f"span {number}"
    if not isinstance(item, dict):
        raise InputError(f"{where} must be an object, got {item!r}")
    for field in ("start", "end", "label"):
        if field not in item:
            raise InputError(f"{where} has no '{field}'")
    if not isinstance(item["label"], str):
        raise InputError(f"{where}: 'label' must be a string")
    text = item.get("text")
    return SpanRecord(
        start=item["start"],
        end=item["end"],
        label=item["label"],
        text=text if isinstance(text, str) else None,
        attributes=dict(extra),
        key=f"{item['start']}:{item['end']}:{item['label']}",
    )


def _relations(items: Any, spans: list[SpanRecord]) -> list[RelationRecord]:
    if not isinstance(items, list):
        raise InputError("'relations' must be a list")
    keys = {span.key for span in spans}
    relations = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict) or "label" not in item:
            raise InputError(f"relation {number} needs 'head_span', 'child_span' and 'label'")
        ends = []
        for side in ("head_span", "child_span"):
            span = item.get(side)
            if not isinstance(span, dict) or not {"start", "end", "label"} <= span.keys():
                raise InputError(f"relation {number}: '{side}' needs start, end and label")
            key = f"{span['start']}:{span['end']}:{span['label']}"
            if key not in keys:
                raise InputError(
                    f"relation {number} ({item['label']}): its {side} {span['start']}-"
                    f"{span['end']} ({span['label']}) is not one of the task's spans"
                )
            ends.append(key)
        relations.append(RelationRecord(ends[0], ends[1], str(item["label"])))
    return relations


def record_from_task(obj: Any, number: int, line: int | None, all_answers: bool) -> Record | None:
    """The task as a record, or None when its answer keeps it out."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}")
    if "text" not in obj:
        raise InputError("has no 'text' (is this a Prodigy span task?)")
    answer = obj.get("answer")
    if answer is not None and answer not in ANSWERS:
        raise InputError(f"'answer' must be one of {', '.join(ANSWERS)}, got {answer!r}")
    if answer in ("reject", "ignore") and not all_answers:
        return None
    extra = {"answer": answer} if all_answers and answer is not None else {}
    items = obj.get("spans") or []
    if not isinstance(items, list):
        raise InputError("'spans' must be a list")
    spans = [_span(item, i, extra) for i, item in enumerate(items, 1)]
    relations = _relations(obj.get("relations") or [], spans)
    layer = obj.get("_annotator_id") or obj.get("_session_id")
    for span in spans:
        span.annotator = str(layer) if layer else None
    meta = dict(obj["meta"]) if isinstance(obj.get("meta"), dict) else {}
    return Record(
        text=obj["text"], meta=meta, spans=spans, relations=relations, line=line, number=number
    )


def read(
    path: Path, encoding: str = "utf-8", options: dict[str, Any] | None = None
) -> Iterator[Record]:
    all_answers = bool(flag(options, "all_answers", False))
    skipped: Counter[str] = Counter()
    for line, number, obj in iter_json_values(path, encoding):
        try:
            record = record_from_task(obj, number, line, all_answers)
        except InputError as error:
            raise error.located(file=path, line=line, record=number) from None
        if record is None:
            skipped[obj["answer"]] += 1
            continue
        yield record
    if skipped:
        counts = ", ".join(f"{n} {_SKIPPED[answer]}" for answer, n in sorted(skipped.items()))
        note(options, f"tasks skipped by their answer: {counts} (take them with --all-answers)")
