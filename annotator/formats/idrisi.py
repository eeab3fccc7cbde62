"""IDRISI's location mentions (IDRISI-R, IDRISI-D): a tweet per JSONL line with
``location_mentions`` [{text, type, startIdx, endIdx}], offsets in code points, end exclusive.

Read by our JSONL reader: each mention is a span labelled with its type (CTRY, CITY, STAT,
NBHD…), and the tweet's other fields (``tweet_id``, ``created_at``, ``info_class``…) are the
document's metadata. A mention whose ``text`` is not what its offsets cover is refused.
"""

from __future__ import annotations

from typing import Any

from annotator.core.errors import InputError
from annotator.core.records import SpanRecord
from annotator.core.validation import described

MENTIONS = "location_mentions"
_KEYS = ("startIdx", "endIdx", "type")


def is_idrisi(obj: dict[str, Any]) -> bool:
    return MENTIONS in obj and "annotations" not in obj and "label" not in obj


def mentions(obj: dict[str, Any]) -> list[SpanRecord]:
    items = obj[MENTIONS]
    if not isinstance(items, list):
        raise InputError(f"'{MENTIONS}' must be a list, got {described(items)}")
    text = obj["text"] if isinstance(obj["text"], str) else ""
    spans = []
    for number, item in enumerate(items, 1):
        where = f"location mention {number}"
        if not isinstance(item, dict) or any(key not in item for key in _KEYS):
            raise InputError(f"{where} must be an object with {', '.join(_KEYS)}")
        start, end, label = item["startIdx"], item["endIdx"], item["type"]
        claimed = item.get("text")
        if (
            isinstance(start, int)
            and isinstance(end, int)
            and isinstance(claimed, str)
            and text[start:end] != claimed
        ):
            raise InputError(
                f"{where} says «{claimed}» but its offsets {start}-{end} cover «{text[start:end]}»"
            )
        spans.append(SpanRecord(start, end, label))
    return spans


def metadata(obj: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in obj.items() if k not in ("text", MENTIONS)}
